#!/usr/bin/env bash
# Benchmark: the whole pipeline (CSV import, reconciliation, coverage at four
# levels) in cakupan and in DuckDB on the same generated files, same machine,
# same run; prints each step's wall time and peak memory and the ratios.
#
#   bash bench/run.sh                       # 1 M and 10 M workers
#   SIZES=1000000 REPEAT=1 bash bench/run.sh
#
# Results go to bench/out/results-<N>.md (and are printed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZES=${SIZES:-"1000000 10000000"}
REPEAT=${REPEAT:-2}
PERIOD=2024-11
OUT=${OUT:-$ROOT/bench/out}
BIN=$ROOT/build/cakupan
REGIONS=$ROOT/data/wilayah/wilayah.csv
mkdir -p "$OUT"

CAKUPAN_WITH_BENCH=1 bash scripts/install-deps.sh
make -s build >/dev/null
(cd bench && [ -d node_modules/@duckdb/node-api ] || npm ci --no-audit --no-fund >/dev/null)

# run NAME CMD...: appends "NAME seconds peak_kb" to $TIMES.
run() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$OUT/.time" "$@" >"$OUT/.stdout" 2>"$OUT/.stderr" || {
    echo "step $name failed:"; cat "$OUT/.stderr"; exit 1; }
  echo "$name $(cat "$OUT/.time")" >>"$TIMES"
}

for N in $SIZES; do
  DATA=$OUT/data-$N
  if [ ! -f "$DATA/kepesertaan-$PERIOD.csv" ]; then
    echo "== generating $N workers"
    "$BIN" -q generate --region 0 --workers "$N" --seed 1 --period $PERIOD --periods 1 --out "$DATA"
  fi
  workers_mb=$(du -m "$DATA/pekerja.csv" | cut -f1)
  members_rows=$(($(wc -l <"$DATA/kepesertaan-$PERIOD.csv") - 1))
  for rep in $(seq 1 "$REPEAT"); do
    echo "== $N workers, run $rep: cakupan"
    DB=$OUT/cakupan-$N.db
    rm -f "$DB" "$DB-wal" "$DB-shm"
    TIMES=$OUT/cakupan-$N-$rep.times; : >"$TIMES"
    run import_regions "$BIN" -q --db "$DB" import regions "$REGIONS"
    run import_workers "$BIN" -q --db "$DB" import workers "$DATA/pekerja.csv"
    run import_labour_force "$BIN" -q --db "$DB" import labour-force "$DATA/angkatan-kerja.csv"
    run import_members "$BIN" -q --db "$DB" import members "$DATA/kepesertaan-$PERIOD.csv"
    run reconcile "$BIN" -q --db "$DB" reconcile --exact-only --period $PERIOD
    for level in province regency district village; do
      run coverage_$level "$BIN" -q --db "$DB" coverage --region 0 --level $level --format csv
    done
    echo "== $N workers, run $rep: DuckDB"
    TIMES=$OUT/duckdb-$N-$rep.times; : >"$TIMES"
    run duckdb_all node bench/duckdb_peer.mjs "$DATA" "$OUT/duckdb-$N.duckdb" $PERIOD "$REGIONS"
    cp "$OUT/.stdout" "$OUT/duckdb-$N-$rep.json"
  done
  python3 bench/report.py "$OUT" "$N" "$REPEAT" "$workers_mb" "$members_rows" | tee "$OUT/results-$N.md"
done
