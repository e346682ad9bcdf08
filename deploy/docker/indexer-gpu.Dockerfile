# syntax=docker/dockerfile:1.7
# M6Search indexer (the `m6` CLI) with a CUDA libtorch, for GPU nodes (`m6 index --device cuda`).
# Build from the repository root:
#   docker build -f deploy/docker/indexer-gpu.Dockerfile -t m6search/indexer-gpu:dev .
#   docker build -f deploy/docker/indexer-gpu.Dockerfile --build-arg LIBTORCH_SOURCE=nuget -t m6search/indexer-gpu:dev .
#
# TorchSharp 0.107.0 is built against libtorch 2.10.0 (its TorchSharp-cpu package depends on libtorch-cpu 2.10.0), so the
# CUDA libtorch must be 2.10.0 too. Two ways to get it (build arg LIBTORCH_SOURCE):
#   pytorch (default): download PyTorch's libtorch 2.10.0 CUDA build in a build stage and publish `m6` with
#                      -p:M6LibTorch=external (no bundled libtorch); LD_LIBRARY_PATH points at /opt/libtorch/lib.
#   nuget:             publish with -p:M6LibTorch=cuda, which adds the TorchSharp-cuda-linux package; needs nuget.org
#                      itself (the NuGet copy served to the development machines does not have it).
# The app is published self-contained, so the CUDA base image needs no .NET runtime. Tags are pinned; add @sha256
# digests in your release pipeline. Run with the NVIDIA container toolkit: `docker run --gpus all ...`.

ARG LIBTORCH_SOURCE=pytorch

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
ARG LIBTORCH_SOURCE
WORKDIR /src
COPY global.json nuget.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
COPY indexer/ indexer/
RUN --mount=type=cache,id=m6-nuget,target=/root/.nuget/packages \
    case "$LIBTORCH_SOURCE" in \
        pytorch) backend=external ;; \
        nuget) backend=cuda ;; \
        *) echo "LIBTORCH_SOURCE must be pytorch or nuget, not '$LIBTORCH_SOURCE'" >&2; exit 1 ;; \
    esac; \
    dotnet publish indexer/M6Search.Indexer/M6Search.Indexer.csproj -c Release -r linux-x64 --self-contained true \
        -p:M6LibTorch=$backend -p:M6PatchLibTorchSharp=false -o /app

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS libtorch
ARG LIBTORCH_SOURCE
ARG LIBTORCH_VERSION=2.10.0
# cu126 is PyTorch's CUDA 12.6 build (driver 560 or newer); cu128 and cu130 builds exist for newer cards and drivers.
ARG LIBTORCH_CUDA=cu126
ARG LIBTORCH_URL=https://download.pytorch.org/libtorch/${LIBTORCH_CUDA}/libtorch-shared-with-deps-${LIBTORCH_VERSION}%2B${LIBTORCH_CUDA}.zip
RUN mkdir -p /opt/libtorch/lib \
    && if [ "$LIBTORCH_SOURCE" = "pytorch" ]; then \
        apt-get update && apt-get install -y --no-install-recommends unzip && rm -rf /var/lib/apt/lists/* \
        && curl -fsSL --retry 3 "$LIBTORCH_URL" -o /tmp/libtorch.zip \
        && unzip -q /tmp/libtorch.zip -d /opt \
        && rm -rf /tmp/libtorch.zip /opt/libtorch/include /opt/libtorch/share /opt/libtorch/bin \
        && ls /opt/libtorch/lib/libtorch_cuda.so; \
    fi

# CUDA 12.6 user-space base on Ubuntu 24.04 (libstdc++ with GLIBCXX_3.4.32). libtorch's with-deps build carries its
# own cuDNN and cuBLAS, so the small "base" flavour is enough.
FROM nvidia/cuda:12.6.3-base-ubuntu24.04 AS final
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata libicu74 libssl3t64 zlib1g libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 1654 app \
    && useradd --uid 1654 --gid 1654 --no-create-home --home-dir /var/lib/m6 --shell /usr/sbin/nologin app \
    && mkdir -p /var/lib/m6 /data && chown 1654:1654 /var/lib/m6 /data
COPY --from=libtorch /opt/libtorch /opt/libtorch
COPY --from=build /app /app
COPY models/m6-tiny.m6model /app/models/m6-tiny.m6model
ENV PATH=/app:$PATH \
    LD_LIBRARY_PATH=/opt/libtorch/lib \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
WORKDIR /var/lib/m6
USER 1654:1654
ENTRYPOINT ["/app/m6"]
CMD ["info", "--device", "cuda"]
