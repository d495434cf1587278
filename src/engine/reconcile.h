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
//  - counts are accumulated where each person is attributed and rolled up.
// Pure function of its inputs; O(workers + memberships); thread-compatible.
#pragma once

#include "base/date.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"

namespace cakupan {

// `workers`: canonical, with at least nik and village loaded.
// `members`: canonical, with at least nik, segment, status and region loaded
// (birth_date used when loaded).
// The returned record has period, summary, worker_results, unmatched and
// counts filled; versions and computed_at are the caller's to set.
ReconciliationRecord Reconcile(const RegionTable& regions, const WorkerTable& workers,
                               const MembershipTable& members, Period period);

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
