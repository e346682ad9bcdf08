#!/usr/bin/env bash
# A real external catalog evaluation (docs/real-catalog.md): Debian's Open Clip Art Library packages (public domain)
# converted into a training split, a validation catalog and a test catalog whose titles are the title only, with
# queries whose words those titles lack; then `m6 eval` of a model out of the box, `m6 train --init` on the training
# split within a wall-clock budget, and `m6 eval` of the trained model.
#
#   eval/real-catalog.sh [options] [-- EXTRA m6 train OPTIONS]
#
#   --from DIR        use the packages from DIR (either the two .deb files, or a folder they were extracted into
#                     with dpkg -x) instead of downloading them with apt-get download
#   --work DIR        where packages, the converted catalog, models and reports go (default /tmp/m6-real-catalog)
#   --name NAME       a name for this run's model and reports (default: old); use a new name per design
#   --init MODEL      model to evaluate out of the box and to start training from (default models/m6-tiny.m6model)
#   --minutes M       training budget in wall-clock minutes (m6 train --time-limit; default 30)
#   --steps N         steps the learning-rate schedule spans (default 1200; the budget may stop training earlier)
#   --batch B  --lr LR  --warmup W  --seed S     m6 train settings (defaults 128, 3e-4, 30, 1)
#   --splits LIST     evaluation splits, comma-separated: validation,test (default both)
#   --skip-out-of-box / --skip-training          leave out that part
#   --convert-args "ARGS"                        extra m6-openclipart options (a smoke run uses small thresholds)
#   everything after --                          passed to m6 train as is, e.g. -- --backbone resnet18
#
# Environment: M6 and M6_OPENCLIPART name the two programs (default: the Release builds of this repository, built
# when missing). Choose settings on the validation split only; the test split's figures are the ones reported.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
from="" work=/tmp/m6-real-catalog name=old init="$root/models/m6-tiny.m6model" minutes=30 steps=1200 batch=128
lr=3e-4 warmup=30 seed=1 splits=validation,test out_of_box=1 training=1 convert_args=""
extra=()
usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --init) init=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --lr) lr=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --splits) splits=$2; shift 2 ;;
    --skip-out-of-box) out_of_box=0; shift ;;
    --skip-training) training=0; shift ;;
    --convert-args) convert_args=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage ;;
    *) echo "real-catalog.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$name" in (*[!A-Za-z0-9._-]*|"") echo "real-catalog.sh: --name must be letters, digits, '.', '_' or '-', not '$name'" >&2; exit 2 ;; esac
[ -f "$init" ] || { echo "real-catalog.sh: --init model '$init' not found" >&2; exit 2; }

release() { echo "$root/$1/bin/Release/net10.0/$2"; }
if [ -z "${M6:-}" ]; then
  dll=$(release indexer/M6Search.Indexer m6.dll)
  [ -f "$dll" ] || dotnet build "$root/indexer/M6Search.Indexer" -c Release -v q -nologo >&2
  M6="dotnet $dll"
fi
if [ -z "${M6_OPENCLIPART:-}" ]; then
  dll=$(release eval/M6Search.OpenClipart m6-openclipart.dll)
  [ -f "$dll" ] || dotnet build "$root/eval/M6Search.OpenClipart" -c Release -v q -nologo >&2
  M6_OPENCLIPART="dotnet $dll"
fi
# Written as `m6 ...` for readers: these are the m6 command lines the docs quote; the smoke test runs them.
m6() { $M6 "$@"; }
m6_openclipart() { $M6_OPENCLIPART "$@"; }

mkdir -p "$work"
log="$work/$name.log"
note() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$log" >&2; }

# 1. The packages: downloaded (no root needed), or given.
pkg="$work/pkg"
if [ -n "$from" ] && [ -d "$from/usr/share/openclipart/svg" ]; then
  pkg=$from
else
  debs="$work/debs"
  mkdir -p "$debs"
  if [ -n "$from" ] && [ "$(cd "$from" && pwd -P)" != "$(cd "$debs" && pwd -P)" ]; then
    cp "$from"/openclipart-svg_*.deb "$from"/openclipart-png_*.deb "$debs"/
  elif ! ls "$debs"/openclipart-svg_*.deb "$debs"/openclipart-png_*.deb > /dev/null 2>&1; then
    note "apt-get download openclipart-svg openclipart-png (about 150 MB)"
    (cd "$debs" && apt-get download openclipart-svg openclipart-png)
  fi
  if [ ! -d "$pkg/usr/share/openclipart/png" ]; then
    rm -rf "$pkg"
    for deb in "$debs"/openclipart-svg_*.deb "$debs"/openclipart-png_*.deb; do dpkg -x "$deb" "$pkg"; done
  fi
fi

# 2. The catalog: converted once per work folder (delete $work/catalog to convert again).
catalog="$work/catalog"
if [ ! -f "$catalog/summary.json" ]; then
  note "converting $pkg into $catalog"
  # shellcheck disable=SC2086 # --convert-args is a list of options
  m6_openclipart --from "$pkg" --out "$catalog" $convert_args 2>&1 | tee -a "$log" >&2
fi

reports="$work/reports"
mkdir -p "$reports" "$work/models"
evaluate() { # label model
  local label=$1 model=$2 split
  for split in ${splits//,/ }; do
    note "m6 eval $label on the $split split"
    m6 eval --catalog "$catalog/$split/catalog.jsonl" --queries "$catalog/$split/queries.jsonl" --model "$model" \
      --modes title,image,text,hybrid --json "$reports/$label.$split.json" \
      --per-query "$reports/$label.$split.per-query.jsonl" > "$reports/$label.$split.txt" 2>> "$log"
    cat "$reports/$label.$split.txt" >&2
  done
}

# 3. Out of the box: the model as given, no training on this catalog.
if [ "$out_of_box" = 1 ]; then
  evaluate "$name.out-of-box" "$init"
fi

# 4. Training on the training split's image-text pairs within the budget, then the same evaluation.
if [ "$training" = 1 ]; then
  model="$work/models/$name.m6model"
  rm -f "$model" "$model.ckpt"
  note "m6 train --init $init: budget $minutes minutes, schedule $steps steps, batch $batch, lr $lr; extra: ${extra[*]:-none}"
  m6 train --data "$catalog/train" --out "$model" --init "$init" --steps "$steps" --batch "$batch" --lr "$lr" \
    --warmup "$warmup" --seed "$seed" --checkpoint-every 100 --time-limit "$minutes" "${extra[@]}" >> "$log" 2>&1
  cp "${model%.m6model}.metrics.csv" "$reports/$name.trained.metrics.csv"
  evaluate "$name.trained" "$model"
fi
note "done: reports in $reports"
