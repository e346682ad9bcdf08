#!/usr/bin/env bash
# Fuzzes one target of fuzz/M6Search.Fuzzing with AFL++ through SharpFuzz (docs/fuzzing.md).
#   fuzz/run-afl.sh TARGET [MINUTES] [OUT]
# TARGET: catalog-jsonl, catalog-csv, queries, pairs or image. Needs Debian's afl++ (apt-get install afl++) and the
# SharpFuzz command-line tool (dotnet tool install --tool-path ~/.dotnet/sharpfuzz SharpFuzz.CommandLine --version 2.3.0).
# Findings land in OUT (default /tmp/m6fuzz/TARGET); replay them with `m6fuzz replay TARGET OUT/default/crashes`.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?target}
minutes=${2:-10}
out=${3:-/tmp/m6fuzz/$target}
build=${M6FUZZ_BUILD:-/tmp/m6fuzz/build}
sharpfuzz=${SHARPFUZZ:-$HOME/.dotnet/sharpfuzz/sharpfuzz}

if [ ! -f "$build/.instrumented" ]; then
  dotnet publish fuzz/M6Search.Fuzzing -c Release -o "$build" --nologo -v quiet
  # Coverage for AFL comes from the instrumented assemblies: our readers and decoder, and the CSV parser under them.
  for assembly in M6Search.Catalog.dll M6Search.Imaging.dll CsvHelper.dll; do
    "$sharpfuzz" "$build/$assembly"
  done
  touch "$build/.instrumented"
fi

mkdir -p "$out"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
# -t: a .NET start-up plus the first decode can take seconds on a busy machine; -m none: the runtime reserves far
# more address space than AFL's default limit.
exec timeout --signal=INT "$((minutes * 60))" \
  afl-fuzz -i "fuzz/corpus/$target" -o "$out" -t 5000 -m none -- "$build/m6fuzz" "$target"
