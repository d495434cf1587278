#!/usr/bin/env bash
# Benchmark of the data-quality report at national scale (docs/benchmarks.md,
# "The data-quality report"): `cakupan quality --region 0 --level village`
# over every village of the country, as JSON (the heavy case: over 80,000 rows
# of findings), CSV and the terminal table, each a separate process timed
# with /usr/bin/time (wall, CPU, peak RSS) and written to a file.
#
#   bash bench/quality.sh                                  # 1 M workers, best of 3
#   N=10000000 REPEAT=2 bash bench/quality.sh
#   BASELINE=/path/to/old/cakupan bash bench/quality.sh    # an older build in the same run
#
# Environment: N (workers, 1000000), REPEAT (3), BUILD (build dir, build),
# OUT (bench/out), BASELINE (another cakupan binary timed on the same
# files, e.g. one built from an earlier commit, on a database it builds
# itself, since a build refuses a newer schema). The data set is the pipeline
# benchmark's (bench/run.sh: `cakupan generate --region 0 --workers N --seed 1
# --period 2024-11`), generated when missing; the databases are built once
# and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-1000000}
REPEAT=${REPEAT:-3}
BUILD=${BUILD:-build}
OUT=${OUT:-$ROOT/bench/out}
PERIOD=2024-11
BIN=$ROOT/$BUILD/cakupan
mkdir -p "$OUT"

[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2 --target cakupan >/dev/null

DATA=$OUT/data-$N
if [ ! -f "$DATA/kepesertaan-$PERIOD.csv" ]; then
  echo "== generating $N workers"
  "$BIN" -q generate --region 0 --workers "$N" --seed 1 --period $PERIOD --periods 1 --out "$DATA"
fi
# build_db BINARY FILE: imports the data set and reconciles it, once.
build_db() {
  [ -f "$2" ] && return
  echo "== building $2"
  "$1" -q --db "$2" import regions data/wilayah/wilayah.csv
  "$1" -q --db "$2" import workers "$DATA/pekerja.csv"
  "$1" -q --db "$2" import labour-force "$DATA/angkatan-kerja.csv"
  "$1" -q --db "$2" import members "$DATA/kepesertaan-$PERIOD.csv"
  "$1" -q --db "$2" reconcile --exact-only --period $PERIOD
}
DB=$OUT/quality-$N.db
build_db "$BIN" "$DB"
[ -n "${BASELINE:-}" ] && build_db "$BASELINE" "$OUT/quality-$N-baseline.db"

# best LABEL BINARY DB FORMAT: REPEAT runs; prints the run with the least wall time.
best() {
  local label=$1 bin=$2 db=$3 format=$4 file=$OUT/quality-$N.$4 line best_line="" best_wall=""
  for _ in $(seq 1 "$REPEAT"); do
    rm -f "$file"
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/.qtime" \
      "$bin" -q --db "$db" quality --region 0 --level village --format "$format" -o "$file" 2>/dev/null
    line=$(cat "$OUT/.qtime")
    if [ -z "$best_wall" ] || awk -v a="${line%% *}" -v b="$best_wall" 'BEGIN{exit !(a < b)}'; then
      best_wall=${line%% *}
      best_line=$line
    fi
  done
  read -r wall user sys peak <<<"$best_line"
  printf '| %s | %s | %s s | %s s | %s MiB | %s MB |\n' "$label" "$format" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')" "$((peak / 1024))" \
    "$(awk -v b="$(stat -c %s "$file")" 'BEGIN{printf "%.1f", b / 1e6}')"
}

echo
echo "cakupan quality --region 0 --level village, $N workers ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| build | format | wall (best of $REPEAT) | CPU (user + sys) | peak RSS | output |"
echo "|---|---|---:|---:|---:|---:|"
for format in json csv table; do
  best "this build" "$BIN" "$DB" "$format"
done
if [ -n "${BASELINE:-}" ]; then
  for format in json csv; do
    best "baseline" "$BASELINE" "$OUT/quality-$N-baseline.db" "$format"
  done
fi
