#!/usr/bin/env bash
# Train and evaluate an encoder on a lent GPU machine in one call (docs/gpu.md, "Training on a lent GPU").
#
#   deploy/gpu/train-on-lent-gpu.sh pack     here: publish m6 without the CPU libtorch into .gpu/m6.tar.xz
#   deploy/gpu/train-on-lent-gpu.sh run      there: unpack, generate data, train, evaluate, copy results to $OUT
#   deploy/gpu/train-on-lent-gpu.sh join DIR DEST  here: from what `run` brought back to DIR, write DEST/model.m6model
#                                                  (checked against its sha256) and unpack the logs and reports in DEST
#
# `run` is one whole experiment sized for one device call (at most 10 minutes): training stops at TRAIN_MINUTES
# with its model written, whatever STEPS says. Settings (environment):
#   CONFIG (tiny)  STEPS (12500)  BATCH (128)  LR (1e-3)  WARMUP (75)  SEED (1)  TRAIN_MINUTES (6)
#   PRODUCTS (20000: the training catalog, synth seed 7)  EVAL_PRODUCTS (5000)  PAIRS_PER_PRODUCT (2)
#   IMAGE_SIZE (224: the side m6 synth renders every catalog at; at least the model's input side)
#   EXTRA_TRAIN_ARGS ("": for example "--backbone resnet18 --backbone-trainable last-stage", docs/gpu.md)
#   DEVICE (cuda)  OUT (./gpu-out)  WORK (/tmp/m6gpu)
#   TORCH_LIB (the folder with libtorch; default: the lib folder of the machine's PyTorch)
# The evaluation catalogs are the ones docs/shipped-model.md reports on: validation (seed 4242) and unseen
# (seed 20261122), 5,000 products each unless EVAL_PRODUCTS says otherwise (a quick check of the script).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
mode=${1:-}

pack() {
  local pub=/tmp/m6pub
  rm -rf "$pub"
  dotnet publish "$root/indexer/M6Search.Indexer" -c Release -r linux-x64 --self-contained -p:M6LibTorch=external -o "$pub"
  mkdir -p "$root/.gpu"
  tar cJf "$root/.gpu/m6.tar.xz" -C "$(dirname "$pub")" "$(basename "$pub")"
  ls -l "$root/.gpu/m6.tar.xz"
}

run() {
  local config=${CONFIG:-tiny} steps=${STEPS:-12500} batch=${BATCH:-128} lr=${LR:-1e-3} warmup=${WARMUP:-75}
  local seed=${SEED:-1} minutes=${TRAIN_MINUTES:-6} products=${PRODUCTS:-20000} pairs=${PAIRS_PER_PRODUCT:-2}
  local eval_products=${EVAL_PRODUCTS:-5000} device=${DEVICE:-cuda} out=${OUT:-$root/gpu-out} work=${WORK:-/tmp/m6gpu}
  local image_size=${IMAGE_SIZE:-224}
  # A call brings back at most 8 files: reports go into one archive, the model in parts of 15 MB.
  local results="$work/results"
  rm -rf "$results"
  mkdir -p "$out" "$work" "$results"
  if [ ! -x "$work/m6pub/m6" ]; then
    tar xJf "$root/.gpu/m6.tar.xz" -C "$work"
  fi
  # Written as `m6 ...` so that tests/M6Search.Deploy.Tests checks these command lines against the built m6's options.
  m6() { "$work/m6pub/m6" "$@"; }
  local torch_lib=${TORCH_LIB:-}
  if [ -z "$torch_lib" ]; then
    local python=python3
    [ -x /opt/torch/.venv/bin/python ] && python=/opt/torch/.venv/bin/python  # where the lent machines keep PyTorch
    torch_lib=$("$python" -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
  fi
  export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  if command -v nvidia-smi > /dev/null; then
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$results/gpu.txt"
  fi

  local log="$results/run.log"
  : > "$log"
  note() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$log"; }
  note "synth: training catalog ($products products, seed 7), validation (seed 4242), unseen (seed 20261122), $image_size px"
  [ -f "$work/train/catalog.jsonl" ] || m6 synth --out "$work/train" --products "$products" --seed 7 --pairs-per-product "$pairs" --image-size "$image_size" >> "$log" 2>&1
  [ -f "$work/val/catalog.jsonl" ] || m6 synth --out "$work/val" --products "$eval_products" --seed 4242 --image-size "$image_size" >> "$log" 2>&1
  [ -f "$work/unseen/catalog.jsonl" ] || m6 synth --out "$work/unseen" --products "$eval_products" --seed 20261122 --image-size "$image_size" >> "$log" 2>&1

  note "train: $config, $steps steps, batch $batch, lr $lr, at most $minutes minutes on $device"
  # shellcheck disable=SC2086 # EXTRA_TRAIN_ARGS is a list of options
  m6 train --data "$work/train" --out "$work/model.m6model" --config "$config" --steps "$steps" --batch "$batch" \
    --lr "$lr" --warmup "$warmup" --seed "$seed" --checkpoint-every 500 --time-limit "$minutes" --device "$device" \
    ${EXTRA_TRAIN_ARGS:-} > "$results/train.log" 2>&1 || { note "train failed"; tail -20 "$results/train.log"; tar czf "$out/results.tar.gz" -C "$results" .; exit 1; }
  tail -3 "$results/train.log" | tee -a "$log"
  cp "$work/model.metrics.csv" "$work/model.loss.svg" "$results/"

  for catalog in val unseen; do
    note "eval on $catalog"
    m6 eval --catalog "$work/$catalog/catalog.jsonl" --queries "$work/$catalog/queries.jsonl" \
      --model "$work/model.m6model" --device "$device" --json "$results/$catalog.eval.json" \
      --per-query "$results/$catalog.per-query.jsonl" > "$results/$catalog.eval.txt" 2>&1
  done

  split -b 15M -d "$work/model.m6model" "$out/model.m6model.part-"
  sha256sum "$work/model.m6model" | cut -d' ' -f1 > "$results/model.sha256"
  note "done"
  tar czf "$out/results.tar.gz" -C "$results" .
}

join() {
  local dir=${1:?join needs the folder the files came back to} dest=${2:?join needs a folder to write to}
  mkdir -p "$dest"
  tar xzf "$dir/results.tar.gz" -C "$dest"
  cat "$dir"/model.m6model.part-* > "$dest/model.m6model.tmp"
  if [ "$(sha256sum "$dest/model.m6model.tmp" | cut -d' ' -f1)" != "$(cat "$dest/model.sha256")" ]; then
    rm -f "$dest/model.m6model.tmp"
    echo "join: the reassembled model does not match $dest/model.sha256" >&2
    exit 1
  fi
  mv "$dest/model.m6model.tmp" "$dest/model.m6model"
  ls -l "$dest"
}

case "$mode" in
  pack) pack ;;
  run) run ;;
  join) shift; join "$@" ;;
  *) echo "usage: $0 pack | run | join DIR DEST" >&2; exit 2 ;;
esac
