// The probabilistic step of reconciliation (docs/linkage.md): after the exact
// NIK join, registry workers left without a membership are linked to extract
// persons left without a registry worker (Fellegi–Sunter, linkage/), then
// reviewers' decisions are applied, and the period is reconciled again with
// each applied link treated as the same person.
//
// Pure function of its inputs (no storage); internally multi-threaded.
#pragma once

#include <vector>

#include "base/status.h"
#include "domain/links.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"
#include "engine/reconcile.h"
#include "linkage/linkage.h"

namespace cakupan {

struct LinkageStepOptions {
  LinkageOptions linkage;  // bands, EM and blocking settings (defaults documented there)
};

struct LinkageStepStats {
  int64_t left = 0;   // registry workers without a membership by NIK
  int64_t right = 0;  // extract persons without a registry worker by NIK
  LinkageStats linkage;
  LinkageModel model;
};

// `exact` is Reconcile(regions, workers, members, period, same_worker) (the
// exact join); `same_worker` the registry rows that are one worker
// (docs/definitions.md, "Duplicates"), counted once again in the result.
// `workers`: canonical, with nik, name, sex, birth_date and village loaded.
// `members`: canonical, with nik, name, birth_date, segment, status and
// region loaded (npp when the extract has several segments).
// `decisions`: reviewers' decisions on link pairs (PairKind::kLink).
// Returns the final record: counts and statuses with the applied links, and
// `links` holding applied and review pairs (rejected ones kept, unapplied, so
// that a list shows them). Fails only on invalid input (kInvalidArgument).
Result<ReconciliationRecord> ReconcileWithLinkage(const RegionTable& regions, const WorkerTable& workers,
                                                  const MembershipTable& members, Period period,
                                                  ReconciliationRecord exact,
                                                  const std::vector<LinkDecision>& decisions,
                                                  const LinkageStepOptions& options, LinkageStepStats* stats,
                                                  const SameWorkerRows& same_worker = {});

// The comparison records of registry workers (rows `rows` of `workers`):
// a synthetic key gives NIK 0 (unknown). Shared with deduplication.
LinkageRecords WorkerLinkageRecords(const WorkerTable& workers, const std::vector<uint32_t>& rows);

}  // namespace cakupan
