#include "storage/sqlite/connection.h"

#include <sqlite3.h>

#include <utility>

namespace cakupan::sqlite {

namespace {

StatusCode CodeFor(int rc) {
  switch (rc & 0xff) {  // primary result code
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StatusCode::kCorruption;
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StatusCode::kFailedPrecondition;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return StatusCode::kIoError;
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return StatusCode::kInvalidArgument;
    default:
      return StatusCode::kInternal;
  }
}

// The first line of a statement's SQL, shortened, to say which one failed.
std::string SqlHint(sqlite3_stmt* stmt) {
  const char* sql = stmt != nullptr ? sqlite3_sql(stmt) : nullptr;
  if (sql == nullptr) return "";
  std::string_view s(sql);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  s = s.substr(0, s.find('\n'));
  if (s.size() > 60) s = s.substr(0, 60);
  return std::string(s);
}

}  // namespace

Status SqliteStatus(int rc, std::string_view context, std::string_view detail) {
  std::string message(context);
  const std::string_view code_text = sqlite3_errstr(rc);
  if (!detail.empty()) {
    message += ": ";
    message += detail;
  }
  if (detail != code_text) {
    message += " (";
    message += code_text;
    message += ")";
  }
  return Status(CodeFor(rc), std::move(message));
}

// --- Connection --------------------------------------------------------------

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return SqliteStatus(rc, "cannot open database file '" + path + "'", detail);
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db, path));
}

Connection::~Connection() { sqlite3_close_v2(db_); }

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string detail = err != nullptr ? err : sqlite3_errmsg(db_);
  sqlite3_free(err);
  std::string_view first = sql.substr(0, sql.find('\n'));
  return SqliteStatus(rc, "executing '" + std::string(first.substr(0, 60)) + "'", detail);
}

Status Connection::Error(int rc, std::string_view context) const {
  return SqliteStatus(rc, context, sqlite3_errmsg(db_));
}

int64_t Connection::Changes() const { return sqlite3_changes64(db_); }
int64_t Connection::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

// --- Statement ---------------------------------------------------------------

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      bind_rc_(other.bind_rc_),
      bind_index_(other.bind_index_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    bind_rc_ = other.bind_rc_;
    bind_index_ = other.bind_index_;
  }
  return *this;
}

Result<Statement> Statement::Prepare(Connection& conn, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(conn.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return conn.Error(rc, "preparing '" + std::string(sql.substr(0, 60)) + "'");
  if (stmt == nullptr) return Status::Internal("empty SQL statement");
  return Statement(stmt, conn.handle());
}

void Statement::NoteBind(int rc, int index) {
  if (rc != SQLITE_OK && bind_rc_ == 0) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
}

void Statement::BindInt64(int index, int64_t value) { NoteBind(sqlite3_bind_int64(stmt_, index, value), index); }
void Statement::BindDouble(int index, double value) { NoteBind(sqlite3_bind_double(stmt_, index, value), index); }
void Statement::BindNull(int index) { NoteBind(sqlite3_bind_null(stmt_, index), index); }

void Statement::BindText(int index, std::string_view text) {
  NoteBind(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

void Statement::BindTextStatic(int index, std::string_view text) {
  static const char kEmpty = 0;
  NoteBind(sqlite3_bind_text64(stmt_, index, text.empty() ? &kEmpty : text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8),
           index);
}

void Statement::BindBlobStatic(int index, const void* data, size_t size) {
  static const char kEmpty = 0;  // a null pointer would bind NULL, not an empty blob
  NoteBind(sqlite3_bind_blob64(stmt_, index, size == 0 ? &kEmpty : data, size, SQLITE_STATIC), index);
}

Status Statement::StepError(int rc) const {
  return SqliteStatus(rc, "running '" + SqlHint(stmt_) + "'", sqlite3_errmsg(db_));
}

Result<bool> Statement::Step() {
  if (bind_rc_ != 0) {
    return SqliteStatus(bind_rc_, "binding parameter " + std::to_string(bind_index_) + " of '" + SqlHint(stmt_) + "'",
                        sqlite3_errmsg(db_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StepError(rc);
}

Status Statement::Run() {
  CAKUPAN_ASSIGN_OR_RETURN(bool row, Step());
  if (row) return Status::Internal("statement '" + SqlHint(stmt_) + "' returned a row");
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = 0;
  bind_index_ = 0;
}

int64_t Statement::ColumnInt64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::ColumnIsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string Statement::ColumnText(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

// --- StatementCache ----------------------------------------------------------

Result<StatementRef> StatementCache::Get(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    CAKUPAN_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(conn_, sql));
    it = cache_.emplace(std::string(sql), std::move(stmt)).first;
  }
  it->second.Reset();
  return StatementRef(&it->second);
}

// --- Transaction -------------------------------------------------------------

Result<Transaction> Transaction::Begin(Connection& conn, Mode mode) {
  CAKUPAN_RETURN_IF_ERROR(conn.Exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"));
  return Transaction(&conn);
}

Transaction::~Transaction() {
  // After some errors (SQLITE_FULL, SQLITE_IOERR, ...) SQLite has already
  // rolled back; ROLLBACK then has nothing to do.
  if (conn_ != nullptr && conn_->InTransaction()) sqlite3_exec(conn_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Commit() {
  if (conn_ == nullptr) return Status::Internal("transaction already finished");
  Status st = conn_->Exec("COMMIT");
  if (!st.ok()) return st;  // the destructor rolls back
  conn_ = nullptr;
  return Status::Ok();
}

// --- BlobReader --------------------------------------------------------------

BlobReader::~BlobReader() {
  if (blob_ != nullptr) sqlite3_blob_close(blob_);
}

Status BlobReader::ReadAll(int64_t rowid, void* dst, size_t size) {
  int rc;
  if (blob_ == nullptr) {
    rc = sqlite3_blob_open(conn_.handle(), "main", table_.c_str(), column_.c_str(), rowid, 0, &blob_);
    if (rc != SQLITE_OK) {
      sqlite3_blob_close(blob_);  // SQLite may hand back a handle even on failure
      blob_ = nullptr;
    }
  } else {
    rc = sqlite3_blob_reopen(blob_, rowid);
    if (rc != SQLITE_OK) {  // the handle is now aborted: start afresh next time
      sqlite3_blob_close(blob_);
      blob_ = nullptr;
    }
  }
  if (rc != SQLITE_OK) return conn_.Error(rc, "opening " + table_ + "." + column_ + " row " + std::to_string(rowid));
  const int stored = sqlite3_blob_bytes(blob_);
  if (stored < 0 || static_cast<size_t>(stored) != size) {
    return Status::Corruption(table_ + " row " + std::to_string(rowid) + " holds " + std::to_string(stored) +
                              " bytes, expected " + std::to_string(size));
  }
  if (size == 0) return Status::Ok();
  rc = sqlite3_blob_read(blob_, dst, static_cast<int>(size), 0);
  if (rc != SQLITE_OK) return conn_.Error(rc, "reading " + table_ + " row " + std::to_string(rowid));
  return Status::Ok();
}

}  // namespace cakupan::sqlite
