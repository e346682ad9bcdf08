#!/usr/bin/env bash
# Load test of the web app's HTTP search API with wrk (docs/benchmarks-search.md, "Load test"). From the repo root:
#   bench/load/run-load.sh prepare   Release build, then the app generates and indexes the demo catalog (PRODUCTS,
#                                    default 10000) into DATA (default /tmp/m6-load) and stops. Long; not a measurement.
#   bench/load/run-load.sh measure   starts the app on DATA with the rate limiter off, warms up, then runs wrk
#                                    (CONNECTIONS=64, DURATION=60s, 2 threads): text searches; text + photo searches
#                                    twice (RSS after each, to see growth between two equal runs); then restarts it
#                                    with the limiter on (its defaults) and checks it answers 429, never 5xx.
#                                    The labeled queries are few (400) and repeat, so the query-embedding cache answers
#                                    most of them after the warm-up; a last run with the limiter off sends a cold stream
#                                    of distinct queries (each labeled query plus one more query word, never repeated
#                                    within the run) so that every search runs the encoder.
#   bench/load/run-load.sh text      only the warm-up and the text-search run (a quick comparison while tuning).
#   bench/load/run-load.sh cold      only the warm-up and the cold-stream run.
# Wrap `measure` in /work/tools/quiet-run on a shared machine. wrk runs on the same machine as the app.
set -euo pipefail
cd "$(dirname "$0")/../.."
phase=${1:?prepare, measure, text or cold}
data=${DATA:-/tmp/m6-load}
products=${PRODUCTS:-10000}
port=${PORT:-5080}
connections=${CONNECTIONS:-64}
duration=${DURATION:-60s}
url=http://127.0.0.1:$port
app=ui/M6Search.Web/bin/Release/net10.0/M6Search.Web.dll
pid=

start_app() { # $1: rate limiter on (true/false)
  M6__DataDir=$data M6__Demo__Products=$products M6__RateLimit__Enabled=$1 ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=$url dotnet "$app" --contentRoot "$PWD/$(dirname "$app")" > "$data/app-$1.log" 2>&1 &
  pid=$!
  until [ "$(curl -s "$url/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("products",0))' 2>/dev/null || echo 0)" -ge "$products" ]; do
    kill -0 "$pid" || { echo "the app exited; see $data/app-$1.log"; exit 1; }
    sleep 2
  done
}
stop_app() { kill "$pid"; wait "$pid" || true; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

mkdir -p "$data"
if [ "$phase" = prepare ]; then
  dotnet build -c Release ui/M6Search.Web --nologo -v quiet
  start_app false
  stop_app
  exit 0
fi

# Queries: the demo catalog's labeled shopper queries (about half English, half Chinese); photos: 8 demo images.
python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in open(sys.argv[1]) if l.strip()]' "$data/demo/queries.jsonl" > "$data/queries.txt"
# The cold stream: every labeled query with each word of the English queries appended, shuffled (seed 7).
python3 - "$data/queries.txt" "$data/queries-cold.txt" <<'PY'
import random, sys
queries = [q for q in open(sys.argv[1], encoding="utf-8").read().splitlines() if q]
words = sorted({w for q in queries for w in q.split() if w.isascii() and w.isalpha()})
stream = sorted({f"{q} {w}" for q in queries for w in words if w not in q.split()})
random.Random(7).shuffle(stream)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(stream) + "\n")
print(f"queries: {len(queries)} labeled ({len(set(queries))} distinct); cold stream: {len(stream)} distinct")
PY
photos=$(ls "$data"/demo/images/*.jpg | sed -n 1,8p | paste -sd, -)
export QUERIES=$data/queries.txt PHOTOS=$photos

start_app false
echo "app up (limiter off): RSS $(rss_mb) MB"
curl -s -c "$data/cookies" "$url/api/antiforgery" > "$data/antiforgery.json"
export ANTIFORGERY_TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$data/antiforgery.json")
export ANTIFORGERY_HEADER=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["headerName"])' "$data/antiforgery.json")
export ANTIFORGERY_COOKIE=$(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {print $6 "=" $7}' "$data/cookies" | sed -n 1p)

wrk -t2 -c"$connections" -d10s -s bench/load/search.lua "$url" > /dev/null
settle() { sleep 3; } # the requests of the previous run that wrk left in flight finish before the next run starts
settle
echo "after warm-up: RSS $(rss_mb) MB"
cold_run() {
  echo "== cold stream of distinct queries (no repeats: every search runs the encoder), $connections connections, $duration"
  QUERIES=$data/queries-cold.txt wrk -t2 -c"$connections" -d"$duration" --latency -s bench/load/search.lua "$url"
  echo "RSS $(rss_mb) MB"
  settle
}
if [ "$phase" = cold ]; then
  cold_run
  exit 0
fi
echo "== text searches, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/load/search.lua "$url"
echo "RSS $(rss_mb) MB"
settle
if [ "$phase" = text ]; then
  exit 0
fi
for run in 1 2; do
  echo "== text + photo searches (every 5th request a photo), run $run"
  wrk -t2 -c"$connections" -d"$duration" --latency -s bench/load/search-and-photo.lua "$url"
  echo "RSS $(rss_mb) MB"
  settle
done
cold_run
stop_app

start_app true
echo "== rate limiter on (its configured budget per client), 8 connections, 20 s"
wrk -t2 -c8 -d20s -s bench/load/search.lua "$url"
stop_app
