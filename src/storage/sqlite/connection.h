// Thin RAII wrappers over the SQLite C API, used only inside storage/sqlite/:
//  - Connection owns a sqlite3* (closed on destruction);
//  - Statement owns a sqlite3_stmt* (finalized on destruction); StatementCache
//    keeps one prepared Statement per SQL text for the connection's lifetime
//    and hands it out as a StatementRef that resets it when released;
//  - Transaction is a scoped BEGIN / COMMIT that rolls back when not
//    committed;
//  - BlobReader reads whole BLOB values straight into caller memory
//    (sqlite3_blob_*), without an intermediate copy.
// Every SQLite failure becomes a Status (SqliteStatus) carrying
// sqlite3_errmsg(); nothing here throws. None of these types is copyable and
// none is thread-safe: a Connection and everything made from it is used by one
// thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_blob;

namespace cakupan::sqlite {

// Maps an SQLite result code to a Status: SQLITE_CORRUPT / SQLITE_NOTADB ->
// kCorruption, SQLITE_READONLY / SQLITE_BUSY / SQLITE_LOCKED ->
// kFailedPrecondition, SQLITE_IOERR / SQLITE_FULL / SQLITE_CANTOPEN /
// SQLITE_PERM -> kIoError, SQLITE_CONSTRAINT / SQLITE_TOOBIG / SQLITE_MISMATCH
// -> kInvalidArgument, anything else -> kInternal. The message is
// "<context>: <detail> (<sqlite3_errstr(rc)>)", without the parenthesis when
// it would repeat the detail.
Status SqliteStatus(int rc, std::string_view context, std::string_view detail);

class Connection {
 public:
  // Opens `path` with sqlite3_open_v2 `flags` (SQLITE_OPEN_*), extended result
  // codes on. Fails with kIoError when SQLite cannot open the file.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, int flags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more SQL statements that return no rows the caller needs.
  Status Exec(std::string_view sql);
  // The Status for a failed call that returned `rc`, with sqlite3_errmsg().
  Status Error(int rc, std::string_view context) const;
  // Rows changed by the most recent INSERT / UPDATE / DELETE.
  int64_t Changes() const;
  int64_t LastInsertRowid() const;
  bool InTransaction() const;

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Binding errors are remembered and reported by the next
// Step() / Run(), so call sites can bind without checking each call.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Prepares one statement (SQLITE_PREPARE_PERSISTENT: it is meant to be
  // kept). kInternal when the SQL does not compile (a bug), kCorruption when
  // the file is not a database.
  static Result<Statement> Prepare(Connection& conn, std::string_view sql);

  // Parameters are 1-based. Text is copied by SQLite; BindBlobStatic does
  // not copy: `data` must stay valid and unchanged until the statement is
  // stepped to completion or reset.
  void BindInt64(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindText(int index, std::string_view text);
  // Like BindText without the copy: `text` must stay valid and unchanged
  // until the statement is stepped to completion or reset.
  void BindTextStatic(int index, std::string_view text);
  void BindNull(int index);
  void BindBlobStatic(int index, const void* data, size_t size);

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion; kInternal if the statement returns a row.
  Status Run();
  // Resets and clears bindings (and any remembered binding error).
  void Reset();

  // Columns are 0-based and read the current row.
  int64_t ColumnInt64(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  void NoteBind(int rc, int index);
  Status StepError(int rc) const;

  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  int bind_rc_ = 0;  // first failing bind's result code (0 = none)
  int bind_index_ = 0;
};

// A statement on loan from a StatementCache; resets it (releasing any read
// snapshot it holds) when destroyed. Movable, not copyable.
class StatementRef {
 public:
  explicit StatementRef(Statement* stmt) : stmt_(stmt) {}
  ~StatementRef() {
    if (stmt_ != nullptr) stmt_->Reset();
  }
  StatementRef(StatementRef&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  StatementRef& operator=(StatementRef&&) = delete;
  StatementRef(const StatementRef&) = delete;
  StatementRef& operator=(const StatementRef&) = delete;

  Statement* operator->() const { return stmt_; }
  Statement& operator*() const { return *stmt_; }

 private:
  Statement* stmt_;
};

// One prepared statement per distinct SQL text, prepared on first use. The
// cache must not outlive its Connection. A statement is not re-entrant: do
// not hold two StatementRefs for the same SQL at once.
class StatementCache {
 public:
  explicit StatementCache(Connection& conn) : conn_(conn) {}
  Result<StatementRef> Get(std::string_view sql);
  void Clear() { cache_.clear(); }

 private:
  Connection& conn_;
  std::unordered_map<std::string, Statement> cache_;
};

// BEGIN (read: deferred) or BEGIN IMMEDIATE (write: takes the write lock at
// once, waiting up to the busy timeout) ... COMMIT. Destroying an uncommitted
// Transaction rolls back.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  static Result<Transaction> Begin(Connection& conn, Mode mode);
  ~Transaction();
  Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Commits; on failure the transaction is rolled back.
  Status Commit();

 private:
  explicit Transaction(Connection* conn) : conn_(conn) {}
  Connection* conn_;  // null once committed or rolled back
};

// Reads whole BLOB values of `table`.`column` by rowid, keeping one
// sqlite3_blob handle and moving it from row to row (sqlite3_blob_reopen).
// Use inside a transaction so that all reads see one snapshot.
class BlobReader {
 public:
  BlobReader(Connection& conn, std::string table, std::string column)
      : conn_(conn), table_(std::move(table)), column_(std::move(column)) {}
  ~BlobReader();
  BlobReader(const BlobReader&) = delete;
  BlobReader& operator=(const BlobReader&) = delete;

  // Reads the value of row `rowid` into `dst`, which holds `size` bytes.
  // kCorruption when the stored value is not exactly `size` bytes long.
  Status ReadAll(int64_t rowid, void* dst, size_t size);

 private:
  Connection& conn_;
  std::string table_;
  std::string column_;
  sqlite3_blob* blob_ = nullptr;
};

}  // namespace cakupan::sqlite
