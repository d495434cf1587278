#include "storage/sqlite/migrations.h"

#include <string>

namespace cakupan::sqlite {

namespace {

// Migration 1: the initial schema. Periods are 'YYYY-MM' text and region
// codes dotted Kemendagri text ('17.04.07.2010'), so that plain SQL sorts and
// reads them as people do.
constexpr const char* kInitialSchema = R"sql(
CREATE TABLE regions (
  code  TEXT PRIMARY KEY,
  name  TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4)
) WITHOUT ROWID;

CREATE TABLE labour_force (
  region_code TEXT NOT NULL,
  period      TEXT NOT NULL,
  employed    INTEGER NOT NULL,
  formal      INTEGER,
  informal    INTEGER,
  source      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (region_code, period)
) WITHOUT ROWID;

CREATE TABLE targets (
  region_code TEXT NOT NULL,
  year        INTEGER NOT NULL,
  target      REAL NOT NULL,
  PRIMARY KEY (region_code, year)
) WITHOUT ROWID;

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL
              CHECK (kind IN ('regions', 'workers', 'members', 'labour-force', 'targets')),
  period      TEXT NOT NULL DEFAULT '',
  file_name   TEXT NOT NULL DEFAULT '',
  file_hash   TEXT NOT NULL DEFAULT '',
  rows_read   INTEGER NOT NULL DEFAULT 0,
  accepted    INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  replaced    INTEGER NOT NULL DEFAULT 0 CHECK (replaced IN (0, 1)),
  started_at  TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  changed     INTEGER NOT NULL CHECK (changed IN (0, 1))
);
CREATE INDEX imports_by_kind ON imports (kind, period, changed, id);

CREATE TABLE segments (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('workers', 'members')),
  period     TEXT NOT NULL DEFAULT '',
  row_count  INTEGER NOT NULL CHECK (row_count >= 0),
  import_id  INTEGER REFERENCES imports (id),
  created_at TEXT NOT NULL
);
CREATE INDEX segments_by_kind ON segments (kind, period, id);

CREATE TABLE segment_chunks (
  id          INTEGER PRIMARY KEY,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  column_name TEXT NOT NULL,
  chunk_no    INTEGER NOT NULL CHECK (chunk_no >= 0),
  row_count   INTEGER NOT NULL CHECK (row_count > 0),
  byte_size   INTEGER NOT NULL CHECK (byte_size >= 0),
  checksum    INTEGER NOT NULL,
  data        BLOB NOT NULL,
  UNIQUE (segment_id, column_name, chunk_no)
);

CREATE TABLE reconciliations (
  period                      TEXT PRIMARY KEY,
  workers_version             INTEGER NOT NULL,
  members_version             INTEGER NOT NULL,
  regions_version             INTEGER NOT NULL,
  computed_at                 TEXT NOT NULL,
  workers                     INTEGER NOT NULL,
  members                     INTEGER NOT NULL,
  memberships                 INTEGER NOT NULL,
  active                      INTEGER NOT NULL,
  non_active                  INTEGER NOT NULL,
  unregistered                INTEGER NOT NULL,
  unmatched                   INTEGER NOT NULL,
  unmatched_by_extract_region INTEGER NOT NULL,
  unmatched_by_nik_district   INTEGER NOT NULL,
  unmatched_unattributed      INTEGER NOT NULL,
  worker_result_rows          INTEGER NOT NULL,
  unmatched_rows              INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE reconciliation_chunks (
  id          INTEGER PRIMARY KEY,
  period      TEXT NOT NULL REFERENCES reconciliations (period) ON DELETE CASCADE,
  column_name TEXT NOT NULL,
  chunk_no    INTEGER NOT NULL CHECK (chunk_no >= 0),
  row_count   INTEGER NOT NULL CHECK (row_count > 0),
  byte_size   INTEGER NOT NULL CHECK (byte_size >= 0),
  checksum    INTEGER NOT NULL,
  data        BLOB NOT NULL,
  UNIQUE (period, column_name, chunk_no)
);

CREATE TABLE coverage_counts (
  period                    TEXT NOT NULL REFERENCES reconciliations (period) ON DELETE CASCADE,
  region_code               TEXT NOT NULL,
  registry                  INTEGER NOT NULL,
  active                    INTEGER NOT NULL,
  non_active                INTEGER NOT NULL,
  unregistered              INTEGER NOT NULL,
  unmatched_active          INTEGER NOT NULL,
  unmatched_non_active      INTEGER NOT NULL,
  unmatched_active_here     INTEGER NOT NULL,
  unmatched_non_active_here INTEGER NOT NULL,
  PRIMARY KEY (period, region_code)
) WITHOUT ROWID;
)sql";

// Migration 2: chunk encodings (column_codec.h) and snapshots. Every chunk
// records its encoding; chunks written before (encoding 0, "legacy") stay
// as they are and remain readable. snapshot_chunks keeps derived copies of
// small tables in chunk form, for fast loading (the regions as 'regions');
// the relational tables stay the source of truth.
constexpr const char* kChunkEncodings = R"sql(
ALTER TABLE segment_chunks ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reconciliation_chunks ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0;

CREATE TABLE snapshot_chunks (
  id          INTEGER PRIMARY KEY,
  snapshot    TEXT NOT NULL,
  column_name TEXT NOT NULL,
  chunk_no    INTEGER NOT NULL CHECK (chunk_no >= 0),
  row_count   INTEGER NOT NULL CHECK (row_count > 0),
  byte_size   INTEGER NOT NULL CHECK (byte_size >= 0),
  checksum    INTEGER NOT NULL,
  encoding    INTEGER NOT NULL,
  data        BLOB NOT NULL,
  UNIQUE (snapshot, column_name, chunk_no)
);
)sql";

// Migration 3: region boundaries for maps, and 'boundaries' as an import
// kind. SQLite cannot alter a CHECK constraint, so the import log is rebuilt
// (the documented create-copy-drop-rename procedure; migrations run with
// foreign-key enforcement off and are checked with foreign_key_check after).
constexpr const char* kBoundaries = R"sql(
CREATE TABLE imports_v3 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL
              CHECK (kind IN ('regions', 'workers', 'members', 'labour-force', 'targets', 'boundaries')),
  period      TEXT NOT NULL DEFAULT '',
  file_name   TEXT NOT NULL DEFAULT '',
  file_hash   TEXT NOT NULL DEFAULT '',
  rows_read   INTEGER NOT NULL DEFAULT 0,
  accepted    INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  replaced    INTEGER NOT NULL DEFAULT 0 CHECK (replaced IN (0, 1)),
  started_at  TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  changed     INTEGER NOT NULL CHECK (changed IN (0, 1))
);
INSERT INTO imports_v3 (id, kind, period, file_name, file_hash, rows_read, accepted, rejected, inserted, updated,
                        unchanged, replaced, started_at, finished_at, changed)
  SELECT id, kind, period, file_name, file_hash, rows_read, accepted, rejected, inserted, updated,
         unchanged, replaced, started_at, finished_at, changed FROM imports;
DROP TABLE imports;
ALTER TABLE imports_v3 RENAME TO imports;
CREATE INDEX imports_by_kind ON imports (kind, period, changed, id);

CREATE TABLE boundaries (
  region_code TEXT NOT NULL UNIQUE,
  geometry    TEXT NOT NULL
);
)sql";

// Migration 4: probabilistic linkage (docs/linkage.md). The pairs a
// reconciliation scored (applied or waiting for review), the last
// deduplication of the registry, and reviewers' decisions, which are keyed by
// the records' keys so that they outlive re-runs and re-imports.
constexpr const char* kLinkage = R"sql(
ALTER TABLE reconciliations ADD COLUMN linked_probabilistic INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reconciliations ADD COLUMN linked_accepted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reconciliations ADD COLUMN review_pairs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reconciliations ADD COLUMN linkage_run INTEGER NOT NULL DEFAULT 0 CHECK (linkage_run IN (0, 1));

CREATE TABLE reconciliation_links (
  period      TEXT NOT NULL REFERENCES reconciliations (period) ON DELETE CASCADE,
  worker_key  INTEGER NOT NULL,
  member_nik  INTEGER NOT NULL,
  band        INTEGER NOT NULL CHECK (band IN (1, 2, 3)),
  method      INTEGER NOT NULL CHECK (method IN (0, 2, 3)),
  decision    INTEGER NOT NULL CHECK (decision IN (0, 1, 2)),
  weight      REAL NOT NULL,
  probability REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
  levels      INTEGER NOT NULL,
  PRIMARY KEY (period, worker_key, member_nik)
) WITHOUT ROWID;

CREATE TABLE dedupe_runs (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  workers_version INTEGER NOT NULL,
  computed_at     TEXT NOT NULL,
  comparisons     INTEGER NOT NULL,
  seconds         REAL NOT NULL
);

CREATE TABLE duplicate_pairs (
  worker_a    INTEGER NOT NULL,
  worker_b    INTEGER NOT NULL,
  band        INTEGER NOT NULL CHECK (band IN (1, 2, 3)),
  weight      REAL NOT NULL,
  probability REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
  levels      INTEGER NOT NULL,
  PRIMARY KEY (worker_a, worker_b),
  CHECK (worker_a < worker_b)
) WITHOUT ROWID;

CREATE TABLE link_decisions (
  kind       TEXT NOT NULL CHECK (kind IN ('link', 'duplicate')),
  left_key   INTEGER NOT NULL,
  right_key  INTEGER NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  decided_at TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, left_key, right_key)
) WITHOUT ROWID;
)sql";

// Migration 5: the contribution-rate table (docs/planning.md) and 'rates'
// as an import kind (the import log rebuilt as in migration 3). Money is
// whole rupiah and rates parts per 100,000, all INTEGER: no REAL touches
// money. Dates are ISO text, '' for a rate still in force.
constexpr const char* kRates = R"sql(
CREATE TABLE imports_v5 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL
              CHECK (kind IN ('regions', 'workers', 'members', 'labour-force', 'targets', 'boundaries', 'rates')),
  period      TEXT NOT NULL DEFAULT '',
  file_name   TEXT NOT NULL DEFAULT '',
  file_hash   TEXT NOT NULL DEFAULT '',
  rows_read   INTEGER NOT NULL DEFAULT 0,
  accepted    INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  replaced    INTEGER NOT NULL DEFAULT 0 CHECK (replaced IN (0, 1)),
  started_at  TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  changed     INTEGER NOT NULL CHECK (changed IN (0, 1))
);
INSERT INTO imports_v5 (id, kind, period, file_name, file_hash, rows_read, accepted, rejected, inserted, updated,
                        unchanged, replaced, started_at, finished_at, changed)
  SELECT id, kind, period, file_name, file_hash, rows_read, accepted, rejected, inserted, updated,
         unchanged, replaced, started_at, finished_at, changed FROM imports;
DROP TABLE imports;
ALTER TABLE imports_v5 RENAME TO imports;
CREATE INDEX imports_by_kind ON imports (kind, period, changed, id);

CREATE TABLE contribution_rates (
  id             INTEGER PRIMARY KEY,
  programmes     TEXT NOT NULL,
  segment        TEXT NOT NULL CHECK (segment IN ('PU', 'BPU', 'Jakon', 'PMI')),
  risk_class     INTEGER NOT NULL CHECK (risk_class BETWEEN 0 AND 5),
  basis          TEXT NOT NULL CHECK (basis IN ('percent', 'flat', 'contract')),
  rate_pcm       INTEGER NOT NULL CHECK (rate_pcm BETWEEN 0 AND 100000),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  employer       INTEGER NOT NULL CHECK (employer >= 0),
  worker         INTEGER NOT NULL CHECK (worker >= 0),
  government     INTEGER NOT NULL CHECK (government >= 0),
  recomposed     INTEGER NOT NULL CHECK (recomposed >= 0),
  base_min       INTEGER NOT NULL CHECK (base_min >= 0),
  base_cap       INTEGER NOT NULL CHECK (base_cap >= 0),
  base_from      INTEGER NOT NULL CHECK (base_from >= 0),
  base_to        INTEGER NOT NULL CHECK (base_to >= 0),
  effective_from TEXT NOT NULL,
  effective_to   TEXT NOT NULL DEFAULT '',
  regulation     TEXT NOT NULL,
  note           TEXT NOT NULL DEFAULT ''
);
)sql";

// Migration 6: the NIK level nik.serial_differs (index 3) comes before nik.different and
// nik.missing, which move up by one in the stored level vectors (the NIK's
// level is the lowest 4 bits); duplicates counted once.
constexpr const char* kSerialLevelAndDuplicates = R"sql(
UPDATE reconciliation_links SET levels = levels + 1 WHERE (levels & 15) >= 3;
UPDATE duplicate_pairs SET levels = levels + 1 WHERE (levels & 15) >= 3;
ALTER TABLE reconciliations ADD COLUMN duplicate_rows INTEGER NOT NULL DEFAULT 0;
)sql";

// Migration 7: bad input kept as data-quality findings (docs/quality.md).
// Worker and membership segments may hold a `birth_date_raw` text column
// (a tanggal_lahir that is no plausible date, kept as written), and
// `nik_issue` may hold 9 (a NIK turned into a spreadsheet number). Both live
// in segment_chunks, which needs no DDL; the version is raised so that an
// older build, which would drop the column when it compacts the segments,
// refuses the file instead of rewriting it (the migration rule,
// docs/storage.md). Existing data is unchanged: segments without the column
// read as "no raw text".
constexpr const char* kBadInputColumns = R"sql(
-- no DDL: segment columns are rows of segment_chunks (see the comment above)
SELECT 1;
)sql";

Result<int64_t> QueryInt(Connection& conn, const char* sql) {
  CAKUPAN_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(conn, sql));
  CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status::Internal(std::string("no result from ") + sql);
  return stmt.ColumnInt64(0);
}

std::string Quoted(const Connection& conn) { return "'" + conn.path() + "'"; }

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "initial schema", kInitialSchema},
      {2, "chunk encodings and snapshots", kChunkEncodings},
      {3, "region boundaries", kBoundaries},
      {4, "probabilistic linkage and review decisions", kLinkage},
      {5, "contribution rates", kRates},
      {6, "NIK level serial_differs; duplicate rows counted once", kSerialLevelAndDuplicates},
      {7, "birth_date_raw segment columns and NIK issue 9 (excel_number)", kBadInputColumns},
  };
  return kMigrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> ReadSchemaVersion(Connection& conn) {
  Result<int64_t> tables = QueryInt(conn, "SELECT count(*) FROM sqlite_schema");
  if (!tables.ok()) {
    const Status& st = tables.status();
    if (st.code() == StatusCode::kCorruption)
      return Status::Corruption("database file " + Quoted(conn) + " is not an SQLite database or is damaged: " +
                                st.message());
    return st;
  }
  if (*tables == 0) return 0;
  CAKUPAN_ASSIGN_OR_RETURN(
      int64_t has_migrations,
      QueryInt(conn, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t application_id, QueryInt(conn, "PRAGMA application_id"));
  if (has_migrations == 0 || application_id != kApplicationId) {
    return Status::FailedPrecondition("database file " + Quoted(conn) +
                                      " is an SQLite database but not a cakupan database");
  }
  CAKUPAN_ASSIGN_OR_RETURN(int64_t version, QueryInt(conn, "SELECT coalesce(max(version), 0) FROM schema_migrations"));
  return static_cast<int>(version);
}

namespace {

Status CheckNotNewer(const Connection& conn, int version) {
  if (version <= LatestSchemaVersion()) return Status::Ok();
  return Status::FailedPrecondition("database file " + Quoted(conn) + " has schema version " +
                                    std::to_string(version) + ", newer than version " +
                                    std::to_string(LatestSchemaVersion()) +
                                    " that this build of cakupan knows; use a newer cakupan");
}

}  // namespace

Status CheckSchemaIsCurrent(Connection& conn) {
  CAKUPAN_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(conn));
  CAKUPAN_RETURN_IF_ERROR(CheckNotNewer(conn, version));
  if (version == LatestSchemaVersion()) return Status::Ok();
  return Status::FailedPrecondition("database file " + Quoted(conn) + " has schema version " +
                                    std::to_string(version) + " and needs an upgrade to version " +
                                    std::to_string(LatestSchemaVersion()) +
                                    "; open it once without read-only to upgrade it")
      .WithReason("needs_upgrade");
}

Status ApplyMigrations(Connection& conn) {
  // Up to date: take no write lock, so that opening never waits for a
  // writer in another process.
  CAKUPAN_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(conn));
  CAKUPAN_RETURN_IF_ERROR(CheckNotNewer(conn, version));
  if (version == LatestSchemaVersion()) return Status::Ok();
  // page_size only takes effect before the first table is created, and must
  // be set before the database switches to WAL (the caller does that after).
  if (version == 0) CAKUPAN_RETURN_IF_ERROR(conn.Exec("PRAGMA page_size = 65536"));
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(conn, Transaction::Mode::kWrite));
  // Another process may have migrated between the check and the lock.
  CAKUPAN_ASSIGN_OR_RETURN(version, ReadSchemaVersion(conn));
  CAKUPAN_RETURN_IF_ERROR(CheckNotNewer(conn, version));
  if (version == LatestSchemaVersion()) return txn.Commit();
  if (version == 0) {
    CAKUPAN_RETURN_IF_ERROR(conn.Exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    CAKUPAN_RETURN_IF_ERROR(
        conn.Exec("CREATE TABLE schema_migrations (\n"
                  "  version     INTEGER PRIMARY KEY,\n"
                  "  description TEXT NOT NULL,\n"
                  "  applied_at  TEXT NOT NULL\n"
                  ")"));
  }
  CAKUPAN_ASSIGN_OR_RETURN(Statement record,
                           Statement::Prepare(conn,
                                              "INSERT INTO schema_migrations (version, description, applied_at) "
                                              "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
  for (const Migration& m : Migrations()) {
    if (m.version <= version) continue;
    Status st = conn.Exec(m.sql);
    if (!st.ok()) {
      return Status(st.code(), "applying schema migration " + std::to_string(m.version) + " to " + Quoted(conn) +
                                   ": " + st.message());
    }
    record.BindInt64(1, m.version);
    record.BindText(2, m.description);
    CAKUPAN_RETURN_IF_ERROR(record.Run());
    record.Reset();
  }
  // Migrations run with foreign-key enforcement off (table rebuilds need
  // it); nothing they did may leave a dangling reference.
  CAKUPAN_ASSIGN_OR_RETURN(Statement fk_check, Statement::Prepare(conn, "PRAGMA foreign_key_check"));
  CAKUPAN_ASSIGN_OR_RETURN(bool dangling, fk_check.Step());
  if (dangling)
    return Status::Corruption("schema migration of " + Quoted(conn) + " left a dangling foreign key in table '" +
                              fk_check.ColumnText(0) + "'");
  return txn.Commit();
}

}  // namespace cakupan::sqlite
