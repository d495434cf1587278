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
#include "storage/store.h"

namespace cakupan {

enum class Freshness {
  kCurrent,        // computed from the data stored now
  kStale,          // workers, the period's extract or the regions changed since
  kNeverComputed,  // the period has an extract but was never reconciled
};

class ReconcileService {
 public:
  ReconcileService(Store& store, Clock& clock, Progress& progress);

  // Reconciles `period` (default: the latest period with an extract) and
  // stores the result. kFailedPrecondition when there are no regions, no
  // workers or no extract for the period.
  Result<ReconciliationRecord> Reconcile(std::optional<Period> period);
  // Reconciles every period that has an extract, oldest first.
  Result<std::vector<ReconciliationRecord>> ReconcileAll();

  Result<Freshness> CheckFreshness(Period period);

 private:
  Store& store_;
  Clock& clock_;
  Progress& progress_;
};

}  // namespace cakupan
