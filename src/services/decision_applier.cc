#include "services/decision_applier.h"

#include <exception>
#include <utility>

#include "base/i18n.h"
#include "base/progress.h"
#include "services/reconcile_service.h"

namespace cakupan {

const char* ApplyPhaseCode(ApplyPhase phase) {
  switch (phase) {
    case ApplyPhase::kIdle: return "idle";
    case ApplyPhase::kRunning: return "running";
    case ApplyPhase::kSucceeded: return "succeeded";
    case ApplyPhase::kFailed: return "failed";
  }
  return "idle";
}

DecisionApplier::DecisionApplier(StoreFactory open_store, Clock& clock, DashboardService& dashboard)
    : open_store_(std::move(open_store)), clock_(clock), dashboard_(dashboard) {}

DecisionApplier::~DecisionApplier() { Wait(); }

void DecisionApplier::Wait() {
  std::lock_guard thread_lock(thread_mu_);
  if (thread_.joinable()) thread_.join();
}

bool DecisionApplier::Running() const {
  std::lock_guard lock(mu_);
  return state_.phase == ApplyPhase::kRunning;
}

ApplyState DecisionApplier::State() const {
  std::lock_guard lock(mu_);
  return state_;
}

Result<ApplyState> DecisionApplier::Start() {
  std::lock_guard thread_lock(thread_mu_);
  if (Running()) {
    return Status::FailedPrecondition(Tr("decisions are being applied already; wait until that run ends",
                                         "keputusan sedang diterapkan; tunggu sampai proses itu selesai"))
        .WithReason("busy");
  }
  if (thread_.joinable()) thread_.join();  // the last run has ended

  // The periods whose reconciliation ran linkage: those decisions apply to.
  std::vector<Period> periods;
  {
    CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store_());
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> reconciled, store->ListReconciledPeriods());
    for (Period p : reconciled) {
      CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store->LoadReconciliation(p, false));
      if (rec && rec->summary.linkage_run) periods.push_back(p);
    }
  }
  if (periods.empty()) {
    return Status::FailedPrecondition(
               Tr("no period was reconciled with probabilistic linkage: run cakupan reconcile first",
                  "belum ada periode yang direkonsiliasi dengan pencocokan probabilistik: jalankan cakupan "
                  "reconcile dulu"))
        .WithReason("no_data");
  }
  ApplyState started;
  {
    std::lock_guard lock(mu_);
    state_.phase = ApplyPhase::kRunning;
    ++state_.run;
    state_.started_at = clock_.NowUtcIso();
    state_.finished_at.clear();
    state_.periods = periods;
    state_.done.clear();
    state_.error.clear();
    started = state_;
  }
  thread_ = std::thread([this, periods = std::move(periods)]() mutable {
    // The thread's boundary: an exception (out of memory) fails the run
    // instead of ending the server.
    try {
      Run(std::move(periods));
    } catch (const std::exception& e) {
      Fail(e.what());
    } catch (...) {
      Fail("unknown exception");
    }
  });
  return started;
}

void DecisionApplier::Fail(const std::string& what) {
  std::lock_guard lock(mu_);
  state_.phase = ApplyPhase::kFailed;
  state_.finished_at = clock_.NowUtcIso();
  state_.error = what;
}

void DecisionApplier::Run(std::vector<Period> periods) {
  // Messages stored for clients in the server's language; the thread starts
  // with the process-wide one.
  Status failed;
  {
    Result<std::unique_ptr<Store>> store = open_store_();
    if (!store.ok()) failed = store.status();
    NullProgress progress;
    for (size_t i = 0; failed.ok() && i < periods.size(); ++i) {
      ReconcileService reconciler(**store, clock_, progress);  // the options of `cakupan reconcile`
      Result<ReconciliationRecord> rec = reconciler.Reconcile(periods[i]);
      if (!rec.ok()) {
        failed = Status(rec.status().code(), periods[i].ToString() + ": " + rec.status().message());
        break;
      }
      AppliedPeriod done;
      done.period = periods[i];
      done.linked_probabilistic = rec->summary.linked_probabilistic;
      done.linked_accepted = rec->summary.linked_accepted;
      done.review_pairs = rec->summary.review_pairs;
      std::lock_guard lock(mu_);
      state_.done.push_back(done);
    }
  }
  // Whatever was reconciled is stored: the snapshot must show it.
  const bool any = [&] {
    std::lock_guard lock(mu_);
    return !state_.done.empty();
  }();
  Status reloaded = any ? dashboard_.Reload() : Status::Ok();
  if (failed.ok() && !reloaded.ok()) failed = reloaded;
  {
    std::lock_guard lock(mu_);
    state_.phase = failed.ok() ? ApplyPhase::kSucceeded : ApplyPhase::kFailed;
    state_.finished_at = clock_.NowUtcIso();
    state_.error = failed.ok() ? "" : failed.message();
  }
  // The first requests of the new snapshot answer fast (as after a reload by
  // `cakupan serve`'s own checker, which now finds nothing new).
  if (any && reloaded.ok()) dashboard_.WarmUp();
}

}  // namespace cakupan
