#!/usr/bin/env bash
# Benchmark of the dashboard server on the whole-country data set: requests/s
# and latency with wrk (sharing the 2 cores), the first (uncached) answer to
# every dashboard call, a new client among 1,000 idle connections, and the
# dashboard's first load in Chromium. Results: bench/out/http-results.md.
#
#   bash bench/http_bench.sh            # uses the 10 M database of bench/run.sh
#   N=1000000 bash bench/http_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-10000000}
OUT=$ROOT/bench/out
PORT=${PORT:-18090}
BIN=$ROOT/build/cakupan
DB=$OUT/cakupan-$N.db
mkdir -p "$OUT"
CAKUPAN_WITH_BENCH=1 bash scripts/install-deps.sh
CAKUPAN_WITH_BROWSER=1 bash scripts/install-web-deps.sh
make -s build >/dev/null
if [ ! -f "$DB" ]; then SIZES=$N REPEAT=1 bash bench/run.sh >/dev/null; fi
python3 bench/http_urls.py data/wilayah/wilayah.csv > "$OUT/urls.txt"

"$BIN" --db "$DB" serve --port "$PORT" >"$OUT/serve.out" 2>"$OUT/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q Dasbor "$OUT/serve.out" 2>/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"
{
  echo "### Dashboard server, $N workers ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; wrk shares the cores."
  echo "$(grep Dimuat "$OUT/serve.err" || true); RSS after load $(ps -o rss= -p $SERVER | awk '{printf "%.0f MB", $1/1024}')"
  echo
  echo "- $(python3 bench/http_cold.py $PORT "$OUT/urls.txt") — $(wc -l < "$OUT/urls.txt") distinct dashboard calls"
  sleep 1
  wrk -t2 -c100 -d15s --latency "$URL/api/coverage?region=17&level=regency" > "$OUT/wrk-single.txt"
  echo "- one call (/api/coverage?region=17&level=regency), wrk -t2 -c100 -d15s: $(grep Requests/sec "$OUT/wrk-single.txt" | awk '{print $2}') requests/s, p50 $(awk '/50%/{print $2}' "$OUT/wrk-single.txt"), p99 $(awk '/99%/{print $2}' "$OUT/wrk-single.txt")"
  URLS="$OUT/urls.txt" wrk -t2 -c100 -d15s --latency -s bench/http_rotate.lua "$URL" > "$OUT/wrk-mixed.txt"
  echo "- every dashboard call in turn, wrk -t2 -c100 -d15s: $(grep Requests/sec "$OUT/wrk-mixed.txt" | awk '{print $2}') requests/s, p50 $(awk '/50%/{print $2}' "$OUT/wrk-mixed.txt"), p99 $(awk '/99%/{print $2}' "$OUT/wrk-mixed.txt")"
  echo "- $(python3 bench/http_idle.py $PORT 1000)"
  echo "- $(node bench/first_load.mjs "$URL/#/wilayah/17" 5)"
} | tee "$OUT/http-results.md"
