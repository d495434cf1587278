// The SQLite implementation of Store: one database file (plus its -wal and
// -shm companions) holding everything cakupan keeps. Small data (regions,
// labour force, targets, the import log, reconciliation headers and
// per-region counts) lives in ordinary tables that plain SQL can query; the
// worker registry, membership extracts and per-worker reconciliation results
// live as checksummed columnar BLOB chunks. docs/storage.md describes the
// schema and how to inspect a database with the sqlite3 shell.
//
// The database runs in WAL mode: any number of Store objects (in this or
// other processes) may read while one writes; a writer waits up to 5 s for
// another writer before failing with kFailedPrecondition. The exception: a
// large write (workers, memberships, a reconciliation) made while no other
// connection has the file open goes through a rollback journal, writing each
// page once, and other connections wait for it (bulk_write.h). Each Store
// object is used by one thread at a time (store.h); its large reads and
// writes use up to two helper threads of their own.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "storage/store.h"

namespace cakupan {

struct SqliteStoreOptions {
  // Create the file (and apply the schema) when it does not exist; when
  // false a missing file is kNotFound.
  bool create_if_missing = true;
  // Open for reading only: every write method fails with
  // kFailedPrecondition, and a database whose schema needs upgrading is
  // refused (open it read-write once to upgrade).
  bool read_only = false;
  // Rows per column chunk for new writes (reading accepts any chunk size).
  // Default 262,144; tests use small values to cross chunk boundaries.
  int64_t rows_per_chunk = 262144;
  // A write of a table at least this large (in memory, bytes) writes each
  // page once, through a rollback journal, when no other connection has the
  // database open; otherwise, and for smaller writes, pages go through the
  // WAL (docs/storage.md, "Writing each byte once"). Default 8 MiB; 0 makes
  // every large-table write try it, a negative value disables it.
  int64_t bulk_write_min_bytes = int64_t{8} << 20;
};

// Opens (or creates) the cakupan database at `path`, applying pending schema
// migrations. Fails with:
//  - kNotFound when the file does not exist and may not be created
//    (create_if_missing false, or read_only);
//  - kCorruption when the file is not an SQLite database;
//  - kFailedPrecondition when it is an SQLite database but not a cakupan one,
//    when its schema is newer than this build knows, or when it is read-only
//    and needs an upgrade (reason "needs_upgrade") or holds an interrupted
//    write (a crash during a large write leaves a journal that only a
//    read-write open rolls back);
//  - kIoError when the file cannot be opened.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteStoreOptions& options);

}  // namespace cakupan
