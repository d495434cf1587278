#!/usr/bin/env bash
# Linkage benchmark (bench/linkage/README.md): generates noisy data sets with
# `cakupan generate --noise default` and runs cakupan_linkage_bench on them.
#
#   bash bench/linkage.sh
#   WORKERS=70000 DEDUPE_WORKERS=0 bash bench/linkage.sh     # a quick run
#
# Environment: REGION (17 = Bengkulu), WORKERS (700000), DEDUPE_WORKERS
# (1000000, whole country; 0 skips the timing), SEED (1), PERIOD (2024-11),
# NOISE_SCALE (1), THREADS (0 = all cores), BUILD (build dir, default build),
# OUT (bench/out/linkage). Reports go to $OUT/*.md and are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REGION=${REGION:-17}
WORKERS=${WORKERS:-700000}
DEDUPE_WORKERS=${DEDUPE_WORKERS:-1000000}
SEED=${SEED:-1}
PERIOD=${PERIOD:-2024-11}
NOISE_SCALE=${NOISE_SCALE:-1}
THREADS=${THREADS:-0}
BUILD=${BUILD:-build}
OUT=${OUT:-$ROOT/bench/out/linkage}
mkdir -p "$OUT"

[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j2 --target cakupan cakupan_linkage_bench >/dev/null
BIN=$ROOT/$BUILD/cakupan
[ -x "$BIN" ] || BIN=$(find "$ROOT/$BUILD" -name cakupan -type f -perm -u+x | head -1)
BENCH=$ROOT/$BUILD/bench/linkage/cakupan_linkage_bench

# gen DIR REGION WORKERS: a noisy data set, one period (kept between runs).
gen() {
  if [ ! -f "$1/kebenaran.csv" ]; then
    echo "== generating $3 workers in region $2 (noise default x $NOISE_SCALE)"
    "$BIN" -q generate --region "$2" --workers "$3" --seed "$SEED" --period "$PERIOD" --periods 1 \
      --noise default --noise-scale "$NOISE_SCALE" --out "$1"
  fi
}

DATA=$OUT/data-$REGION-$WORKERS-s$SEED-x$NOISE_SCALE
gen "$DATA" "$REGION" "$WORKERS"
echo "== linking and deduplicating ($DATA)"
/usr/bin/time -f 'wall %e s, peak %M KB' -o "$OUT/.time" \
  "$BENCH" --data "$DATA" --period "$PERIOD" --threads "$THREADS" \
  --label "region $REGION, $WORKERS workers, seed $SEED, noise default x $NOISE_SCALE" | tee "$OUT/link-$REGION-$WORKERS.md"
echo "bench process: $(cat "$OUT/.time")" | tee -a "$OUT/link-$REGION-$WORKERS.md"

if [ "$DEDUPE_WORKERS" != 0 ]; then
  DATA=$OUT/data-0-$DEDUPE_WORKERS-s$SEED-x$NOISE_SCALE
  gen "$DATA" 0 "$DEDUPE_WORKERS"
  echo "== deduplicating $DEDUPE_WORKERS registry workers ($DATA)"
  /usr/bin/time -f 'wall %e s, peak %M KB' -o "$OUT/.time" \
    "$BENCH" --data "$DATA" --period "$PERIOD" --threads "$THREADS" --dedupe-only \
    --label "whole country, $DEDUPE_WORKERS workers, dedupe only" | tee "$OUT/dedupe-$DEDUPE_WORKERS.md"
  echo "bench process: $(cat "$OUT/.time")" | tee -a "$OUT/dedupe-$DEDUPE_WORKERS.md"
fi
