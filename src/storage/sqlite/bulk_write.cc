#include "storage/sqlite/bulk_write.h"

#include <string>

namespace cakupan::sqlite {

namespace {

// Runs a journal_mode pragma; returns the mode SQLite reports, "" on error.
std::string JournalMode(Connection& conn, const char* sql) {
  Result<Statement> stmt = Statement::Prepare(conn, sql);
  if (!stmt.ok()) return "";
  Result<bool> row = stmt->Step();
  if (!row.ok() || !*row) return "";
  return stmt->ColumnText(0);
}

}  // namespace

BulkWriteScope::BulkWriteScope(Connection& conn, bool wanted) : conn_(conn) {
  if (!wanted || conn.InTransaction()) return;
  // Fails at once (SQLITE_BUSY) when another connection has the file open
  // and has read from it; the mode then stays WAL.
  if (JournalMode(conn, "PRAGMA journal_mode = TRUNCATE") != "truncate") return;
  active_ = true;
  if (!conn.Exec("PRAGMA synchronous = FULL").ok()) {
    // Without FULL the commit would not be durable: give up the bulk mode.
    (void)RestoreWal(conn);
    active_ = false;
  }
}

BulkWriteScope::~BulkWriteScope() {
  if (active_) (void)RestoreWal(conn_);
}

Status BulkWriteScope::RestoreWal(Connection& conn) {
  if (JournalMode(conn, "PRAGMA journal_mode") == "wal") return Status::Ok();
  const std::string mode = JournalMode(conn, "PRAGMA journal_mode = WAL");
  if (mode != "wal")
    return Status::FailedPrecondition("database file '" + conn.path() +
                                      "' could not return to write-ahead logging (journal mode '" + mode + "')");
  return conn.Exec("PRAGMA synchronous = NORMAL");
}

}  // namespace cakupan::sqlite
