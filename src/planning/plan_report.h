// What `cakupan plan` and GET /api/plan answer: a budget allocation's cost,
// coverage before and after for the region and each row region, what stays
// unfunded, each funder's part, and (a page of) the enrolled workers with
// why each was chosen. Plain data; services/plan_service.h fills it,
// present/plan_json.h and plan_table.h show it. Definitions:
// docs/definitions.md, "Budget allocation".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "domain/enums.h"
#include "domain/region_code.h"
#include "planning/allocation.h"
#include "planning/contribution.h"
#include "planning/funders.h"

namespace cakupan {

// A region before and after the plan, on the report's basis. The
// denominator does not grow: the enrolled are already counted in it.
struct PlanRow {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  std::optional<int64_t> workers;  // the denominator; absent when unknown on the basis
  int64_t active_before = 0;
  int64_t active_after = 0;        // active_before + enrolled
  std::optional<double> coverage_before;
  std::optional<double> coverage_after;
  int64_t candidates = 0;          // eligible unprotected registry workers
  int64_t enrolled = 0;
  int64_t unfunded = 0;            // candidates - enrolled
  Rupiah cost = 0;                 // enrolled x cost per worker
  Rupiah allotted = 0;             // equal-share: rupiah allotted in equal shares (0 otherwise)
};

// One enrolled worker. `nik` and `name` are personal data: the service masks
// them ("1704************", "S*** A*****") unless the caller asked otherwise
// (CLI --unmask; never the API).
struct PlanWorker {
  int64_t rank = 0;                // 1 = chosen first
  std::string nik;                 // masked unless asked; "" without a valid NIK
  std::string name;                // masked unless asked
  RegionCode village;
  std::string village_name;
  RegionCode row;                  // the row region it counts in (the region itself without rows)
  std::string row_name;
  Sex sex = Sex::kUnknown;
  std::optional<int> age;          // whole years on the start date
  Formality formality = Formality::kUnknown;
  uint8_t decile = 0;              // 0 = unknown
  Vulnerability vulnerability = Vulnerability::kUnknown;
  std::string occupation;
  WorkerStatus status = WorkerStatus::kUnregistered;
  Segment lapsed_segment = Segment::kNone;  // non-active: the segment of the lapsed membership
  Rupiah cost = 0;
  std::string reason;              // why chosen, in the current language
};

// Unprotected registry workers in the region who are not candidates.
struct PlanExclusions {
  int64_t formal = 0;       // formal sector: enrolled (PU) and paid by their employer
  int64_t age = 0;          // outside working age on the start date
  int64_t invalid_nik = 0;  // no valid NIK: BPJS cannot enrol them until it is fixed
};

struct PlanReport {
  // The question.
  Period period;
  std::string basis;                             // "labour-force" / "registry"
  RegionLevel level = RegionLevel::kNational;    // level of `rows`
  PlanPolicy policy = PlanPolicy::kDecile;
  ContributionResult worker;                     // one worker, the package, `months` from the date
  Rupiah cost_per_worker = 0;
  Rupiah budget = 0;
  int min_age = 15;                              // working age, inclusive
  int max_age = 64;
  // The answer.
  Rupiah cost = 0;
  Rupiah remaining = 0;                          // budget - cost
  int64_t candidates = 0;
  int64_t candidates_unregistered = 0;
  int64_t candidates_non_active = 0;
  int64_t enrolled = 0;
  int64_t unfunded = 0;                          // candidates - enrolled
  Rupiah unfunded_cost = 0;                      // unfunded x cost per worker
  PlanExclusions excluded;
  PlanRow region;
  std::vector<PlanRow> rows;                     // code order
  int64_t enrolled_outside_rows = 0;             // in the region but in no row (village code not listed there)
  std::vector<Funder> funders;                   // amounts add up to `cost`
  Rupiah first_share = 0;                        // equal-share: each unit's share in round 1
  int rounds = 0;                                // equal-share rounds
  // The enrolled, in rank order: one page of them.
  int page = 1;
  int page_size = 50;                            // 0 = all on one page
  int64_t pages = 0;
  std::vector<PlanWorker> workers;
  std::vector<std::string> notes;                // in the current language
};

}  // namespace cakupan
