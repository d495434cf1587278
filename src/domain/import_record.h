// What one import did: the log entry kept for every import so that a user can
// see which file set which data, and so that results computed from data can
// tell when that data changed (a data version is the id of the last import
// that changed it).
#pragma once

#include <cstdint>
#include <string>

namespace cakupan {

enum class DataKind : uint8_t {
  kRegions = 1,
  kWorkers = 2,
  kMembers = 3,
  kLabourForce = 4,
  kTargets = 5,
  kBoundaries = 6,
  kRates = 7,  // the contribution-rate table (domain/contribution_rate.h)
};
// "regions", "workers", "members", "labour-force", "targets", "boundaries",
// "rates".
const char* DataKindName(DataKind k);

struct ImportRecord {
  int64_t id = 0;          // assigned by storage
  DataKind kind = DataKind::kRegions;
  std::string period;      // "2024-11" for member extracts, else ""
  std::string file_name;   // base name only (no directories)
  std::string file_hash;   // hex FNV-1a/64 of the file bytes
  int64_t rows_read = 0;   // data rows (header excluded)
  int64_t accepted = 0;
  int64_t rejected = 0;
  int64_t inserted = 0;    // accepted rows that were new
  int64_t updated = 0;     // accepted rows that changed a stored row
  int64_t unchanged = 0;   // accepted rows identical to a stored row
  bool replace = false;    // the import replaced the stored set instead of merging
  std::string started_at;  // ISO 8601 UTC
  std::string finished_at;
};

}  // namespace cakupan
