# syntax=docker/dockerfile:1.7
# M6Search web app (ASP.NET Core + MudBlazor), CPU image.
# Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t m6search/web:dev .
# Ubuntu 24.04 (noble) images: their libstdc++ has GLIBCXX_3.4.32, which TorchSharp's libLibTorchSharp.so needs, so the
# Debian 12 loader patch is switched off (-p:M6PatchLibTorchSharp=false). Tags are pinned; add @sha256 digests in your
# release pipeline (none could be resolved on the machines that wrote this file: they have no registry access).

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
WORKDIR /src
# Build inputs only (see web.Dockerfile.dockerignore): central package versions, build tasks, the projects.
COPY global.json nuget.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
COPY ui/ ui/
RUN --mount=type=cache,id=m6-nuget,target=/root/.nuget/packages \
    dotnet restore ui/M6Search.Web/M6Search.Web.csproj -r linux-x64 -p:M6LibTorch=cpu
RUN --mount=type=cache,id=m6-nuget,target=/root/.nuget/packages \
    dotnet publish ui/M6Search.Web/M6Search.Web.csproj -c Release -r linux-x64 --self-contained false --no-restore \
        -p:M6LibTorch=cpu -p:M6PatchLibTorchSharp=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble AS final
WORKDIR /app
COPY --from=build /app ./
# The shipped encoder (models/m6-tiny.m6model); M6__ModelPath points at it.
COPY models/m6-tiny.m6model /app/models/m6-tiny.m6model
# M6__DataDir: the embedded store, demo catalog and job state. Mount a volume here to keep them.
RUN mkdir -p /var/lib/m6 && chown 1654:1654 /var/lib/m6
ENV ASPNETCORE_HTTP_PORTS=8080 \
    M6__DataDir=/var/lib/m6 \
    M6__ModelPath=/app/models/m6-tiny.m6model \
    DOTNET_gcServer=1
EXPOSE 8080
# "app" (UID 1654) is the non-root user of Microsoft's .NET images; numeric so Kubernetes can verify runAsNonRoot.
USER 1654:1654
ENTRYPOINT ["dotnet", "/app/M6Search.Web.dll"]
