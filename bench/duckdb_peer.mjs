// The benchmark peer: the same pipeline as cakupan (import the CSV files into
// a database file, reconcile by NIK, coverage at four levels) in DuckDB, with
// 2 threads, writing its own database file. Prints one JSON object of step
// timings in seconds.
//
// usage: node duckdb_peer.mjs DATA_DIR DB_FILE PERIOD REGIONS_CSV
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, dbFile, period, regionsCsv] = process.argv.slice(2);
if (!dataDir || !dbFile || !period || !regionsCsv) {
  console.error('usage: node duckdb_peer.mjs DATA_DIR DB_FILE PERIOD REGIONS_CSV');
  process.exit(2);
}
for (const f of [dbFile, dbFile + '.wal']) if (existsSync(f)) rmSync(f);

const instance = await DuckDBInstance.create(dbFile, { threads: '2' });
const con = await instance.connect();
const timings = {};
async function step(name, sql) {
  const t0 = process.hrtime.bigint();
  for (const s of [].concat(sql)) await con.run(s);
  timings[name] = Number(process.hrtime.bigint() - t0) / 1e9;
}
const quote = (path) => `'${path.replaceAll("'", "''")}'`;
const csv = (name) => quote(join(dataDir, name));

await step('import_regions', `CREATE TABLE regions AS SELECT * FROM read_csv(${quote(regionsCsv)}, header = true, all_varchar = true)`);
await step('import_workers', `CREATE TABLE workers AS SELECT * FROM read_csv(${csv('pekerja.csv')}, header = true,
  types = {'nik': 'BIGINT', 'kode_desa': 'VARCHAR', 'tanggal_lahir': 'DATE', 'desil': 'TINYINT'})`);
await step('import_labour_force', `CREATE TABLE labour_force AS SELECT * FROM read_csv(${csv('angkatan-kerja.csv')}, header = true, types = {'kode': 'VARCHAR', 'periode': 'VARCHAR'})`);
await step('import_members', `CREATE TABLE members AS SELECT * FROM read_csv(${csv(`kepesertaan-${period}.csv`)}, header = true,
  types = {'nik': 'BIGINT', 'kode_wilayah': 'VARCHAR', 'npp': 'VARCHAR', 'tanggal_lahir': 'DATE'})`);
await step('checkpoint_import', 'CHECKPOINT');

// Reconciliation: one row per person, joined to the registry both ways.
await step('reconcile', [
  `CREATE TABLE persons AS SELECT nik, bool_or(status = 'aktif') AS active,
     any_value(kode_wilayah) FILTER (WHERE kode_wilayah IS NOT NULL) AS kode_wilayah FROM members GROUP BY nik`,
  `CREATE TABLE recon AS SELECT w.nik, w.kode_desa, p.active, p.nik IS NOT NULL AS member
     FROM workers w LEFT JOIN persons p USING (nik)`,
  `CREATE TABLE unmatched AS SELECT p.nik, p.active,
     coalesce(p.kode_wilayah, substr(lpad(p.nik::VARCHAR, 16, '0'), 1, 2) || '.' || substr(lpad(p.nik::VARCHAR, 16, '0'), 3, 2) || '.' || substr(lpad(p.nik::VARCHAR, 16, '0'), 5, 2)) AS code
     FROM persons p ANTI JOIN workers w USING (nik)`,
  'CHECKPOINT',
]);

// Coverage at every level: registry counts plus unmatched active members.
const levels = { province: 2, regency: 5, district: 8, village: 13 };
for (const [name, len] of Object.entries(levels)) {
  const t0 = process.hrtime.bigint();
  const reader = await con.runAndReadAll(`
    WITH r AS (SELECT substr(kode_desa, 1, ${len}) AS code, count(*) AS registry,
                      count(*) FILTER (WHERE active) AS active,
                      count(*) FILTER (WHERE member AND NOT active) AS non_active
               FROM recon GROUP BY 1),
         u AS (SELECT substr(code, 1, ${len}) AS code, count(*) FILTER (WHERE active) AS unmatched_active
               FROM unmatched WHERE length(code) >= ${len} GROUP BY 1)
    SELECT r.code, r.registry, r.active + coalesce(u.unmatched_active, 0) AS active, r.non_active,
           (r.active + coalesce(u.unmatched_active, 0)) / nullif(lf.bekerja, 0) AS coverage
    FROM r LEFT JOIN u USING (code)
    LEFT JOIN (SELECT substr(kode, 1, ${len}) AS code, sum(bekerja) AS bekerja FROM labour_force
               WHERE length(kode) >= ${len} GROUP BY 1) lf USING (code)
    ORDER BY r.code`);
  timings[`coverage_${name}`] = Number(process.hrtime.bigint() - t0) / 1e9;
  timings[`rows_${name}`] = reader.currentRowCount;
}
con.closeSync?.();
console.log(JSON.stringify(timings));
