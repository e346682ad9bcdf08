#!/usr/bin/env bash
# Train and evaluate an encoder on a lent GPU machine in one call (docs/gpu.md, "Training on a lent GPU").
#
#   deploy/gpu/train-on-lent-gpu.sh pack     here: publish m6 without the CPU libtorch into .gpu/m6.tar.xz
#   deploy/gpu/train-on-lent-gpu.sh run      there: unpack, generate data, train, evaluate, copy results to $OUT
#   deploy/gpu/train-on-lent-gpu.sh join DIR FILE  here: reassemble the model from the parts `run` brought back to DIR
#
# `run` is one whole experiment sized for one device call (at most 10 minutes): training stops at TRAIN_MINUTES
# with its model written, whatever STEPS says. Settings (environment):
#   CONFIG (tiny)  STEPS (12500)  BATCH (128)  LR (1e-3)  WARMUP (75)  SEED (1)  TRAIN_MINUTES (6)
#   PRODUCTS (20000: the training catalog, synth seed 7)  PAIRS_PER_PRODUCT (2)  EXTRA_TRAIN_ARGS ("")
#   DEVICE (cuda)  OUT (./gpu-out)  WORK (/tmp/m6gpu)
#   TORCH_LIB (the folder with libtorch; default: the lib folder of the machine's PyTorch)
# The evaluation catalogs are the ones docs/shipped-model.md reports on: validation (seed 4242) and unseen
# (seed 20261122), 5,000 products each.
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
  local device=${DEVICE:-cuda} out=${OUT:-$root/gpu-out} work=${WORK:-/tmp/m6gpu}
  mkdir -p "$out" "$work"
  local m6="$work/m6pub/m6"
  if [ ! -x "$m6" ]; then
    tar xJf "$root/.gpu/m6.tar.xz" -C "$work"
  fi
  local torch_lib=${TORCH_LIB:-}
  if [ -z "$torch_lib" ]; then
    torch_lib=$(python3 -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
  fi
  export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  if command -v nvidia-smi > /dev/null; then
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$out/gpu.txt"
  fi

  local log="$out/run.log"
  : > "$log"
  note() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$log"; }
  note "synth: training catalog ($products products, seed 7), validation (seed 4242), unseen (seed 20261122)"
  [ -f "$work/train/catalog.jsonl" ] || "$m6" synth --out "$work/train" --products "$products" --seed 7 --pairs-per-product "$pairs" >> "$log" 2>&1
  [ -f "$work/val/catalog.jsonl" ] || "$m6" synth --out "$work/val" --products 5000 --seed 4242 >> "$log" 2>&1
  [ -f "$work/unseen/catalog.jsonl" ] || "$m6" synth --out "$work/unseen" --products 5000 --seed 20261122 >> "$log" 2>&1

  note "train: $config, $steps steps, batch $batch, lr $lr, at most $minutes minutes on $device"
  # shellcheck disable=SC2086 # EXTRA_TRAIN_ARGS is a list of options
  "$m6" train --data "$work/train" --out "$work/model.m6model" --config "$config" --steps "$steps" --batch "$batch" \
    --lr "$lr" --warmup "$warmup" --seed "$seed" --checkpoint-every 500 --time-limit "$minutes" --device "$device" \
    ${EXTRA_TRAIN_ARGS:-} > "$out/train.log" 2>&1 || { note "train failed"; tail -20 "$out/train.log"; exit 1; }
  tail -3 "$out/train.log" | tee -a "$log"
  cp "$work/model.metrics.csv" "$work/model.loss.svg" "$out/"

  for catalog in val unseen; do
    note "eval on $catalog"
    "$m6" eval --catalog "$work/$catalog/catalog.jsonl" --queries "$work/$catalog/queries.jsonl" \
      --model "$work/model.m6model" --device "$device" --json "$out/$catalog.eval.json" > "$out/$catalog.eval.txt" 2>&1
  done

  # Files come back at most 16 MiB each: the model travels in parts (join reassembles it).
  split -b 15M -d "$work/model.m6model" "$out/model.m6model.part-"
  sha256sum "$work/model.m6model" | cut -d' ' -f1 > "$out/model.sha256"
  note "done"
}

join() {
  local dir=${1:?join needs the folder the parts came back to} file=${2:?join needs the model file to write}
  cat "$dir"/model.m6model.part-* > "$file.tmp"
  if [ "$(sha256sum "$file.tmp" | cut -d' ' -f1)" != "$(cat "$dir/model.sha256")" ]; then
    rm -f "$file.tmp"
    echo "join: the reassembled model does not match $dir/model.sha256" >&2
    exit 1
  fi
  mv "$file.tmp" "$file"
  echo "$file"
}

case "$mode" in
  pack) pack ;;
  run) run ;;
  join) shift; join "$@" ;;
  *) echo "usage: $0 pack | run | join DIR" >&2; exit 2 ;;
esac
