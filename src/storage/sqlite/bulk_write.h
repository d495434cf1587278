// BulkWriteScope: lets one large write transaction write each page once.
//
// In WAL mode every page a transaction writes goes to the -wal file first
// and is copied into the database file at the next checkpoint: a 200 MB
// segment costs 400 MB of writes and two fsyncs of 200 MB each. In a
// rollback-journal mode SQLite writes new pages straight into the database
// file and journals only the pages that existed before the transaction and
// change (b-tree interior pages, the free-list trunk): pages appended past
// the old end of the file, or taken from the free list as it was before the
// transaction, need no journal, because rolling back truncates the file and
// restores the free list.
//
// So, for the lifetime of the scope, when `wanted`, the connection switches
// to journal_mode=TRUNCATE with synchronous=FULL (the commit is durable when
// it returns: journal fsynced before the database is written, database
// fsynced, journal truncated and fsynced), and switches back to WAL
// (synchronous=NORMAL) at the end. Leaving WAL mode needs every other
// connection to the file (in any process) to be closed or idle; SQLite
// refuses the switch at once otherwise, and the write simply runs in WAL
// mode. While a bulk write runs, other connections cannot read (they wait up
// to their busy timeout). A crash during the write leaves a hot journal that
// the next read-write open rolls back, as with any SQLite transaction.
//
// Create the scope before the transaction's Transaction object (so that the
// transaction has ended when the scope switches back). Not thread-safe.
#pragma once

#include "storage/sqlite/connection.h"

namespace cakupan::sqlite {

class BulkWriteScope {
 public:
  // Switches `conn` (outside any transaction) when `wanted` and possible.
  // Never fails: when the switch is refused the scope is inactive.
  BulkWriteScope(Connection& conn, bool wanted);
  // Switches back to WAL. If that fails (another connection took a lock in
  // the meantime), the connection stays in rollback-journal mode; RestoreWal()
  // retries.
  ~BulkWriteScope();
  BulkWriteScope(const BulkWriteScope&) = delete;
  BulkWriteScope& operator=(const BulkWriteScope&) = delete;

  // True when this transaction writes through a rollback journal.
  bool active() const { return active_; }

  // Puts `conn` back into WAL mode (synchronous=NORMAL) if it is not; OK when
  // it already is. kFailedPrecondition when another connection holds a lock.
  static Status RestoreWal(Connection& conn);

 private:
  Connection& conn_;
  bool active_ = false;
};

}  // namespace cakupan::sqlite
