// Reconciliation of the worker registry with one period's membership extract
// by exact NIK (the rule, in full, is in docs/definitions.md):
//  - a registry worker is active if any of their memberships is active,
//    non-active if they have memberships but none active, else unregistered;
//    the deciding membership's segment is recorded (priority among equals:
//    PU, Jakon, PMI, BPU);
//  - a person in the extract without a registry worker is "unmatched" and is
//    attributed to the extract's region code when that (or its nearest
//    listed ancestor below the national level) is listed, else to the NIK's
//    district of first issuance (or its nearest listed ancestor), else left
//    at the national level ("unattributed");
//  - counts are accumulated where each person is attributed and rolled up;
//  - registry rows known to be one worker (confirmed duplicates) count once,
//    at the row with the best status (docs/definitions.md, "Duplicates").
// Pure function of its inputs; O(workers + memberships); thread-compatible.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "base/date.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"

namespace cakupan {

// `workers`: canonical, with at least nik and village loaded.
// `members`: canonical, with at least nik, segment, status and region loaded
// (birth_date used when loaded).
// Pairs of rows of `workers` that are the same worker. Pairs chain: rows
// joined through any pairs are one worker. Rows out of range and a row
// paired with itself are ignored.
using SameWorkerRows = std::vector<std::pair<uint32_t, uint32_t>>;

// The returned record has period, summary, worker_results, unmatched and
// counts filled; versions and computed_at are the caller's to set.
// `same_worker`: each group of rows is counted once, at its row with the
// best status (active, non-active, unregistered; then a valid NIK; then the
// first row): that row keeps its result; the others take it with
// kCountedElsewhere and leave every count (summary.workers counts distinct
// workers, summary.duplicate_rows the rows left out).
ReconciliationRecord Reconcile(const RegionTable& regions, const WorkerTable& workers,
                               const MembershipTable& members, Period period,
                               const SameWorkerRows& same_worker = {});

// Rolls per-region direct counts up the hierarchy and returns the regions
// with any non-zero count in code order. Exposed for tests and re-use.
// One region's tally; kept together so that counting a person touches one
// cache line.
struct RegionTally {
  int64_t registry = 0, active = 0, non_active = 0, unregistered = 0, unmatched_active = 0,
          unmatched_non_active = 0;
  void Add(const RegionTally& o) {
    registry += o.registry;
    active += o.active;
    non_active += o.non_active;
    unregistered += o.unregistered;
    unmatched_active += o.unmatched_active;
    unmatched_non_active += o.unmatched_non_active;
  }
};
using DirectCounts = std::vector<RegionTally>;  // by region index
std::vector<RegionCounts> RollUp(const RegionTable& regions, const DirectCounts& direct);

}  // namespace cakupan
