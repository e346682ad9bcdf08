# syntax=docker/dockerfile:1.7
# M6Search indexer (the `m6` CLI), CPU image.
# Build from the repository root:
#   docker build -f deploy/docker/indexer.Dockerfile -t m6search/indexer:dev .
# Ubuntu 24.04 (noble) images: their libstdc++ has GLIBCXX_3.4.32, so the Debian 12 loader patch is switched off.
# Tags are pinned; add @sha256 digests in your release pipeline.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
WORKDIR /src
COPY global.json nuget.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
COPY indexer/ indexer/
RUN --mount=type=cache,id=m6-nuget,target=/root/.nuget/packages \
    dotnet restore indexer/M6Search.Indexer/M6Search.Indexer.csproj -r linux-x64 -p:M6LibTorch=cpu
RUN --mount=type=cache,id=m6-nuget,target=/root/.nuget/packages \
    dotnet publish indexer/M6Search.Indexer/M6Search.Indexer.csproj -c Release -r linux-x64 --self-contained false --no-restore \
        -p:M6LibTorch=cpu -p:M6PatchLibTorchSharp=false -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0.12-noble AS final
WORKDIR /app
COPY --from=build /app ./
# The shipped encoder: /app/models/m6-tiny.m6model is where `m6` looks first when --model is not given.
COPY models/m6-tiny.m6model /app/models/m6-tiny.m6model
# Job state and error reports go to the working folder; mount a writable volume at /var/lib/m6.
RUN mkdir -p /var/lib/m6 /data && chown 1654:1654 /var/lib/m6 /data
ENV PATH=/app:$PATH
WORKDIR /var/lib/m6
USER 1654:1654
ENTRYPOINT ["/app/m6"]
CMD ["--help"]
