// Applying reviewers' link decisions from the dashboard (POST
// /api/review/apply, docs/linkage.md "Review"): re-runs the reconciliation of
// every period whose stored reconciliation ran probabilistic linkage, each
// exactly as `cakupan reconcile --period P` does (ReconcileService with its
// default options), oldest first, and then reloads the dashboard's snapshot
// so that coverage figures include the accepted links and leave out the
// rejected ones. Periods reconciled with --exact-only and periods never
// reconciled are left alone (decisions do not apply to them). Duplicate
// decisions need no run: the review list and the quality report read them
// directly.
//
// One run at a time, on a background thread owned by this object; the
// destructor waits for a run in progress. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/clock.h"
#include "base/date.h"
#include "base/status.h"
#include "services/dashboard_service.h"
#include "storage/store.h"

namespace cakupan {

enum class ApplyPhase : uint8_t { kIdle, kRunning, kSucceeded, kFailed };
const char* ApplyPhaseCode(ApplyPhase phase);  // "idle", "running", "succeeded", "failed"

// One period reconciled by a run.
struct AppliedPeriod {
  Period period;
  int64_t linked_probabilistic = 0;
  int64_t linked_accepted = 0;
  int64_t review_pairs = 0;
};

struct ApplyState {
  ApplyPhase phase = ApplyPhase::kIdle;
  int64_t run = 0;                  // 1 for the first run of this object, 0 before any
  std::string started_at;           // ISO 8601 UTC; "" before any run
  std::string finished_at;          // "" while running
  std::vector<Period> periods;      // the run's periods, oldest first
  std::vector<AppliedPeriod> done;  // those reconciled so far
  std::string error;                // kFailed: what failed (names the period)
};

class DecisionApplier {
 public:
  using StoreFactory = std::function<Result<std::unique_ptr<Store>>()>;
  // `open_store` must open the database writable. `clock` and `dashboard`
  // must outlive this object.
  DecisionApplier(StoreFactory open_store, Clock& clock, DashboardService& dashboard);
  ~DecisionApplier();
  DecisionApplier(const DecisionApplier&) = delete;
  DecisionApplier& operator=(const DecisionApplier&) = delete;

  // Starts a run in the background and returns its first state (kRunning).
  // kFailedPrecondition with reason "busy" while a run is in progress;
  // kFailedPrecondition (reason "no_data") when no period was reconciled
  // with linkage; a storage error when the database cannot be opened.
  Result<ApplyState> Start();
  ApplyState State() const;
  bool Running() const;
  // Blocks until no run is in progress (tests).
  void Wait();

 private:
  void Run(std::vector<Period> periods);
  void Fail(const std::string& what);

  StoreFactory open_store_;
  Clock& clock_;
  DashboardService& dashboard_;
  mutable std::mutex mu_;
  ApplyState state_;    // GUARDED_BY(mu_)
  std::thread thread_;  // the current or last run; joined by Start, Wait and the destructor
  std::mutex thread_mu_;  // serialises Start / Wait / destructor around thread_
};

}  // namespace cakupan
