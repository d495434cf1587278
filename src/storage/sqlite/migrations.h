// The versioned schema of a cakupan SQLite database.
//
// Migrations are numbered from 1 and applied in order, all pending ones in
// one transaction, when a database is opened read-write; each applied version
// is recorded in schema_migrations(version, description, applied_at). The
// rule: never edit a migration that has been merged to main (databases in the
// field have applied it) -- add a new one that changes what is there.
// docs/storage.md describes the resulting schema.
//
// A cakupan database is recognised by its application_id (PRAGMA
// application_id, 'CKPN') and its schema_migrations table.
#pragma once

#include <cstdint>
#include <vector>

#include "base/status.h"
#include "storage/sqlite/connection.h"

namespace cakupan::sqlite {

inline constexpr int32_t kApplicationId = 0x434b504e;  // "CKPN"

struct Migration {
  int version;
  const char* description;
  const char* sql;  // one or more statements
};

// Every migration, in version order.
const std::vector<Migration>& Migrations();
// The version this build creates and understands.
int LatestSchemaVersion();

// The schema version of an open database: 0 when it holds no table at all
// (new or empty file). kCorruption when the file is not an SQLite database;
// kFailedPrecondition when it is one but not a cakupan database.
Result<int> ReadSchemaVersion(Connection& conn);

// For a read-only connection: OK when the schema is at
// LatestSchemaVersion(); kFailedPrecondition when it is newer or needs an
// upgrade (which only a read-write open performs).
Status CheckSchemaIsCurrent(Connection& conn);

// Brings the schema to LatestSchemaVersion(), atomically. Sets the page size
// and application id of a new database. kFailedPrecondition when the
// database is newer than this build.
Status ApplyMigrations(Connection& conn);

}  // namespace cakupan::sqlite
