// The benchmark peer of `cakupan plan` (bench/plan_bench.sh): the same budget
// allocation in DuckDB with SQL window functions, on the database that
// bench/run.sh's DuckDB side left (tables workers, recon, unmatched,
// labour_force), 2 threads, read-only. For each policy it builds the
// candidates (registry workers not active, not formal, aged 15-64 on the start
// date, a valid NIK), ranks them with row_number() over the policy's order
// (the tie-break is SplitMix64 of the NIK, as in cakupan, computed with
// UHUGEINT arithmetic), keeps the first floor(budget / cost), and answers what
// `cakupan plan --region 0 --format json` answers: per province candidates,
// enrolled, coverage before and after, and the first 50 workers in rank
// order. Prints one JSON object: seconds and results per policy.
//
//   decile           ORDER BY decile, vulnerability, occupation, hash
//   lowest-coverage  each village's candidates numbered in that order (j),
//                    then ORDER BY (active + j) / registry of the village, ...
//
// usage: node duckdb_plan_peer.mjs DB_FILE BUDGET COST_PER_WORKER START_DATE
import { DuckDBInstance } from '@duckdb/node-api';

const [dbFile, budgetText, costText, startDate] = process.argv.slice(2);
if (!dbFile || !budgetText || !costText || !startDate) {
  console.error('usage: node duckdb_plan_peer.mjs DB_FILE BUDGET COST_PER_WORKER START_DATE');
  process.exit(2);
}
const k = BigInt(budgetText) / BigInt(costText);

const instance = await DuckDBInstance.create(dbFile, { threads: '2', access_mode: 'READ_ONLY' });
const con = await instance.connect();

// SplitMix64's finaliser: (x + golden) mod 2^64, then two multiply-xorshift
// steps modulo 2^64 (UHUGEINT holds the 128-bit products exactly; the low 64
// bits are taken with a bitwise AND — DuckDB's UHUGEINT modulo is about 200
// times slower).
const low64 = '18446744073709551615::UHUGEINT';
await con.run(`CREATE TEMP MACRO mulmod(z, c) AS ((z::UHUGEINT * c::UHUGEINT) & ${low64})::UBIGINT`);
await con.run(`CREATE TEMP MACRO sm_a(x) AS ((x::UHUGEINT + 11400714819323198485::UHUGEINT) & ${low64})::UBIGINT`);
await con.run(`CREATE TEMP MACRO sm_b(z) AS mulmod(xor(z, z >> 30), 13787848793156543929)`);
await con.run(`CREATE TEMP MACRO sm_c(z) AS mulmod(xor(z, z >> 27), 10723151780598845931)`);

const words = ['petani', 'buruh tani', 'pekebun', 'peternak', 'nelayan', 'buruh harian', 'buruh angkut',
               'pekerja rumah tangga', 'pemulung', 'kaki lima', 'ojek', 'juru parkir', 'tukang', 'marbot', 'guru ngaji'];
const candidates = `
  cand0 AS (
    SELECT w.nik, w.kode_desa,
           coalesce(w.desil, 11) AS d,
           CASE w.rentan WHEN 'ya' THEN 0 WHEN 'tidak' THEN 2 ELSE 1 END AS v,
           CASE WHEN regexp_matches(lower(coalesce(w.pekerjaan, '')), '${words.join('|')}') THEN 0 ELSE 1 END AS o,
           sm_c(sm_b(sm_a(w.nik))) AS z
    FROM workers w JOIN recon r USING (nik)
    WHERE NOT coalesce(r.active, false)
      AND coalesce(w.sektor, '') <> 'formal'
      AND w.tanggal_lahir <= DATE '${startDate}' - INTERVAL 15 YEAR
      AND w.tanggal_lahir > DATE '${startDate}' - INTERVAL 65 YEAR
      AND w.nik < 10000000000000000),
  cand AS (SELECT nik, kode_desa, d, v, o, xor(z, z >> 31) AS tie FROM cand0)`;

const orders = {
  decile: {
    ranked: `ranked AS (SELECT *, row_number() OVER (ORDER BY d, v, o, tie) AS rk FROM cand)`,
  },
  'lowest-coverage': {
    ranked: `village AS (SELECT kode_desa, count(*) AS registry, count(*) FILTER (WHERE active) AS active
                         FROM recon GROUP BY 1),
             numbered AS (SELECT c.*, village.registry AS den,
                                 village.active + row_number() OVER (PARTITION BY c.kode_desa ORDER BY d, v, o, tie) - 1 AS num
                          FROM cand c JOIN village USING (kode_desa)),
             ranked AS (SELECT *, row_number() OVER (ORDER BY num::DOUBLE / den, d, v, o, tie) AS rk FROM numbered)`,
  },
};

// Coverage of the provinces before the plan, as bench/duckdb_peer.mjs computes it.
const coverage = `
  r AS (SELECT substr(kode_desa, 1, 2) AS code, count(*) FILTER (WHERE active) AS active FROM recon GROUP BY 1),
  u AS (SELECT substr(code, 1, 2) AS code, count(*) FILTER (WHERE active) AS unmatched_active
        FROM unmatched WHERE length(code) >= 2 GROUP BY 1),
  lf AS (SELECT substr(kode, 1, 2) AS code, sum(bekerja) AS bekerja FROM labour_force GROUP BY 1),
  cov AS (SELECT r.code, r.active + coalesce(u.unmatched_active, 0) AS active, lf.bekerja
          FROM r LEFT JOIN u USING (code) LEFT JOIN lf USING (code))`;

const out = { k: Number(k) };
for (const [policy, q] of Object.entries(orders)) {
  const t0 = process.hrtime.bigint();
  await con.run(`CREATE OR REPLACE TEMP TABLE ranked_${policy.replace('-', '_')} AS
    WITH ${candidates}, ${q.ranked} SELECT nik, kode_desa, rk FROM ranked`);
  const table = `ranked_${policy.replace('-', '_')}`;
  const rows = await con.runAndReadAll(`
    WITH ${coverage},
    e AS (SELECT substr(kode_desa, 1, 2) AS code, count(*) AS candidates,
                 count(*) FILTER (WHERE rk <= ${k}) AS enrolled FROM ${table} GROUP BY 1)
    SELECT cov.code, e.candidates, e.enrolled, cov.active / cov.bekerja AS coverage_before,
           (cov.active + e.enrolled) / cov.bekerja AS coverage_after
    FROM cov JOIN e USING (code) ORDER BY cov.code`);
  const first = await con.runAndReadAll(`SELECT nik::VARCHAR FROM ${table} WHERE rk <= 50 ORDER BY rk`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const provinces = rows.getRowObjectsJson();
  out[policy] = {
    seconds,
    candidates: provinces.reduce((s, p) => s + Number(p.candidates), 0),
    enrolled: provinces.reduce((s, p) => s + Number(p.enrolled), 0),
    by_province: Object.fromEntries(provinces.map((p) => [p.code, Number(p.enrolled)])),
    first: first.getRows().map((r) => r[0]),
  };
}
console.log(JSON.stringify(out));
