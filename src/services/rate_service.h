// The contribution-rate table in the store: importing a rate file
// (`cakupan rates import`), reading the table for pricing, and seeding it
// from the shipped file (data/tarif/iuran.csv) on first use. Formats:
// docs/data-formats.md ("Contribution rates"); rules: docs/planning.md.
//
// Import semantics:
//  - the file is read whole and checked whole (every cell, then every pair of
//    rows of the resulting table for overlaps); any problem stores nothing
//    and the message names file, line and column;
//  - by default rows are merged into the stored table by key (segment,
//    monthly or contract, programmes, risk class, base_from, effective_from:
//    planning/rate_table.h SameRateKey): a row with a stored key updates that
//    row (e.g. closes it with an effective_to), others are added; with
//    `replace` the file becomes the whole table;
//  - the write is atomic and idempotent: importing the same file twice
//    changes nothing the second time (logged as unchanged, no new version).
// Not thread-safe; one use at a time per Store.
#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"
#include "base/date.h"
#include "base/status.h"
#include "domain/import_record.h"
#include "planning/rate_table.h"
#include "storage/store.h"

namespace cakupan {

struct RateImportOptions {
  std::string path;      // the CSV file
  bool replace = false;  // the file replaces the whole table instead of merging into it
};

struct RateImportOutcome {
  ImportRecord record;   // as logged (inserted / updated / unchanged rows)
  int64_t removed = 0;   // stored rows dropped by `replace`
  bool changed = false;  // whether the stored table changed
  size_t rows = 0;       // rows in the table after the import
};

// Where the rates priced with came from (shown in tables, not in JSON).
struct LoadedRates {
  RateTable table;
  std::string source;  // "database" or the file's path
  bool seeded = false; // the shipped file was imported just now
};

// Reads and validates a rate file without storing it (kIoError when it
// cannot be read; kDataError / kInvalidArgument naming line and column).
Result<RateTable> ReadRateFile(const std::string& path);

// The shipped rate file under a data directory: <data_dir>/tarif/iuran.csv.
std::string ShippedRatesPath(const std::string& data_dir);

class RateService {
 public:
  RateService(Store& store, Clock& clock);

  Result<RateImportOutcome> Import(const RateImportOptions& options);

  // The stored table (empty when none was ever imported).
  Result<RateTable> Table();

  // The stored table; when none is stored and `seed_path` is not empty, the
  // file is imported first (merged into nothing) and the result returned,
  // with `seeded` set. When the store cannot be written (opened read-only, a
  // read-only file), the file is read and used as it is (`source` = the
  // path); a bad file is an error either way.
  Result<LoadedRates> TableOrSeed(const std::string& seed_path);

 private:
  Store& store_;
  Clock& clock_;
};

}  // namespace cakupan
