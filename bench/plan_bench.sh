#!/usr/bin/env bash
# Benchmark of budget allocation (issue 5): `cakupan plan --region 0` over the
# whole-country data set of bench/run.sh (10 M workers, 83,762 villages), one
# process per run — open the database, load the registry and the stored
# reconciliation, choose, print the JSON — for each of the five policies;
# against DuckDB doing the same selection with SQL window functions on the
# database bench/run.sh's DuckDB side left (bench/duckdb_plan_peer.mjs: the
# decile and lowest-coverage policies, exactly). Same machine, same run;
# prints wall and CPU seconds, peak memory, the ratios, and whether both sides
# chose the same workers (per province and the first 50 in rank order).
#
#   bash bench/plan_bench.sh                 # 10 M workers, best of 3
#   N=1000000 REPEAT=1 bash bench/plan_bench.sh
#
# Needs bench/out/cakupan-N.db and bench/out/duckdb-N.duckdb (built by
# bench/run.sh when missing). Results: bench/out/plan-results-N.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-10000000}
REPEAT=${REPEAT:-3}
BUDGET=${BUDGET:-100000000000}   # Rp 100 miliar
DATE=2025-01-01
OUT=${OUT:-$ROOT/bench/out}
BIN=$ROOT/build/cakupan
DB=$OUT/cakupan-$N.db
DUCK=$OUT/duckdb-$N.duckdb
POLICIES="decile vulnerable lowest-coverage equal-share max-gain"

[ -x "$BIN" ] || make -s build >/dev/null
(cd bench && [ -d node_modules/@duckdb/node-api ] || npm ci --no-audit --no-fund >/dev/null)
if [ ! -f "$DB" ] || [ ! -f "$DUCK" ]; then SIZES=$N REPEAT=1 bash bench/run.sh; fi

# One untimed run: opening an older database may migrate its schema once.
"$BIN" -q --db "$DB" plan --region 0 --budget "$BUDGET" --date $DATE --format json >/dev/null 2>&1

TIMES=$OUT/plan-$N.times
: >"$TIMES"
for rep in $(seq 1 "$REPEAT"); do
  for policy in $POLICIES; do
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/.time" \
      "$BIN" -q --db "$DB" plan --region 0 --budget "$BUDGET" --date $DATE --policy "$policy" --format json \
      --unmask >"$OUT/plan-$N-$policy.json" 2>/dev/null
    echo "cakupan $policy $rep $(cat "$OUT/.time")" >>"$TIMES"
  done
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/.time" \
    node bench/duckdb_plan_peer.mjs "$DUCK" "$BUDGET" 201600 $DATE >"$OUT/plan-duckdb-$N-$rep.json"
  echo "duckdb all $rep $(cat "$OUT/.time")" >>"$TIMES"
done
python3 bench/plan_report.py "$OUT" "$N" "$REPEAT" "$BUDGET" | tee "$OUT/plan-results-$N.md"
