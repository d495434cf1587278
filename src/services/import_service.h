// Importing a CSV file into the store: read and validate (ingest/), write the
// rejects file beside the input, then store what changed — atomically.
//
// Semantics (docs/data-formats.md, "Importing"):
//  - rows are upserted by key (workers: NIK; memberships: NIK + segment +
//    NPP within the period; regions: code; labour force: code + period;
//    targets: code + year); with `replace` the stored set (the registry, or
//    the period's extract) is replaced by the file's rows;
//  - importing the same file twice changes nothing (the second import logs
//    "unchanged" and no data version moves);
//  - when more than `max_reject_fraction` of the rows are rejected the file
//    is probably the wrong one: nothing is stored and the import fails;
//  - a structural error (missing column, unreadable file) stores nothing.
// Not thread-safe; one import at a time per Store.
#pragma once

#include <optional>
#include <string>

#include "base/clock.h"
#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/import_record.h"
#include "ingest/read_report.h"
#include "storage/store.h"

namespace cakupan {

struct ImportOptions {
  DataKind kind = DataKind::kWorkers;
  std::string path;
  std::optional<Period> period;        // members: the extract's period (else from the file)
  bool replace = false;                // replace the stored set instead of merging
  double max_reject_fraction = 0.5;    // above this share of rejected rows, store nothing
  int reference_year = 0;              // NIK two-digit years; 0 = this year
};

struct ImportOutcome {
  ImportRecord record;       // counts and id as logged
  ReadReport report;         // warnings, ignored columns
  std::string rejects_path;  // "" when nothing was rejected
  bool changed = false;      // whether stored data changed
  int64_t removed = 0;       // rows dropped by `replace`
};

class ImportService {
 public:
  ImportService(Store& store, Clock& clock, Progress& progress);

  // On failure nothing is stored; the rejects file may still have been
  // written (the error message says so).
  Result<ImportOutcome> Import(const ImportOptions& options);

  // Segment count above which the registry / an extract is compacted.
  static constexpr int kMaxSegments = 8;

 private:
  template <typename Ops>
  Status StoreSegmented(Ops ops, typename Ops::Table rows, bool replace, ImportOutcome* out);

  Store& store_;
  Clock& clock_;
  Progress& progress_;
};

}  // namespace cakupan
