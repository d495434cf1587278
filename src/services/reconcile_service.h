// Reconciling a period (engine/reconcile.h) from stored data and storing the
// result, and telling whether a stored result is still current.
// Not thread-safe; one use at a time per Store.
#pragma once

#include <optional>
#include <vector>

#include "base/clock.h"
#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/reconciliation.h"
#include "engine/reconcile.h"
#include "services/linkage_step.h"
#include "storage/store.h"

namespace cakupan {

enum class Freshness {
  kCurrent,        // computed from the data stored now
  kStale,          // workers, the period's extract or the regions changed since
  kNeverComputed,  // the period has an extract but was never reconciled
};

struct ReconcileOptions {
  // After the exact NIK join, link the remaining registry workers and extract
  // persons probabilistically (docs/linkage.md) and apply reviewers'
  // decisions; count the match-band pairs of the last dedupe as one worker.
  // false: exact NIK only (duplicates accepted in review still count once).
  bool probabilistic = true;
  LinkageStepOptions linkage;
};

// The registry rows that are one worker (docs/definitions.md, "Duplicates"):
// duplicate pairs accepted in review (`cakupan review accept --kind
// duplicate`) and, with `match_band`, the match-band pairs of the last
// `cakupan dedupe` that were not rejected; as rows of `workers` (canonical,
// nik loaded). Pairs whose records are no longer in the registry are skipped.
Result<SameWorkerRows> ConfirmedDuplicateRows(Store& store, const WorkerTable& workers, bool match_band);

class ReconcileService {
 public:
  ReconcileService(Store& store, Clock& clock, Progress& progress, ReconcileOptions options = {});

  // Reconciles `period` (default: the latest period with an extract) and
  // stores the result. kFailedPrecondition when there are no regions, no
  // workers or no extract for the period.
  Result<ReconciliationRecord> Reconcile(std::optional<Period> period);
  // Reconciles every period that has an extract, oldest first.
  Result<std::vector<ReconciliationRecord>> ReconcileAll();

  Result<Freshness> CheckFreshness(Period period);

  // What the last Reconcile's probabilistic step saw (zero when it did not run).
  const LinkageStepStats& last_linkage() const { return last_linkage_; }

 private:
  ReconcileOptions options_;
  LinkageStepStats last_linkage_;
  Store& store_;
  Clock& clock_;
  Progress& progress_;
};

}  // namespace cakupan
