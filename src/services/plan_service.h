// Budget allocation, the use case behind `cakupan plan` and GET /api/plan:
// from a budget, a region, a package and a priority policy, choose which
// unprotected registry workers to enrol (planning/allocation.h), and report
// the cost, coverage before and after per region, what stays unfunded and
// each funder's part (planning/plan_report.h). Rules: docs/planning.md,
// "Budget allocation"; definitions: docs/definitions.md.
//
// Parameters arrive as text (CLI options and query parameters share names)
// and are checked by ParseQuery before anything is read, so bad input fails
// without touching the database. Coverage comes through a CoverageSource and
// the registry through a RegistrySource, so the CLI (the database) and the
// API (the dashboard snapshot) give the same answer. Nothing is written.
// Thread-safe for concurrent calls when the sources are.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "engine/coverage.h"
#include "planning/allocation.h"
#include "planning/funders.h"
#include "planning/plan_report.h"
#include "planning/rate_table.h"
#include "services/coverage_service.h"
#include "services/registry_view.h"

namespace cakupan {

// Largest budget accepted: Rp 10^15 (a thousand trillion; enrolling every
// informal worker in Indonesia for a year costs about Rp 1,7 x 10^13).
inline constexpr Rupiah kMaxPlanBudget = 1'000'000'000'000'000;

// A plan as the user wrote it; "" = not given.
struct PlanParams {
  std::string region;   // required: region code
  std::string budget;   // required: whole rupiah ("1000000000", "1.000.000.000", "Rp 1.000.000.000")
  std::string policy;   // decile (default), vulnerable, lowest-coverage, equal-share, max-gain
  std::string package;  // bpu-minimum (default) or bpu-jht
  std::string income;   // declared income a month (default: the lowest in the rate table)
  std::string months;   // 1..120, default 12
  std::string date;     // start of the contributions, YYYY-MM-DD (default: today)
  std::string period;   // YYYY-MM (default: the latest reconciled)
  std::string basis;    // labour-force (default) or registry
  std::string level;    // level of the rows (default: one below the region)
  std::string funders;  // "provinsi:30,kabupaten:70" (default "apbd:100")
};

struct PlanQuery {
  RegionCode region;       // the plan's region
  CoverageQuery coverage;  // the coverage table it reads (a village's: its district's, at village level)
  bool village_region = false;
  PlanPolicy policy = PlanPolicy::kDecile;
  Rupiah budget = 0;
  std::vector<Funder> funders;
  std::string package = "bpu-minimum";
  std::string income;
  int months = 12;
  std::optional<Date> date;  // default: the service's today
};

// Which enrolled workers to list in the report.
struct PlanListing {
  int page = 1;         // >= 1
  int page_size = 50;   // 1..500, or 0 for all (exports)
  bool unmask = false;  // full NIKs and names (the CLI's --unmask); masked otherwise
  int64_t max_all = 0;  // page_size 0: refuse lists longer than this (0 = no limit; the API's downloads)
};

class PlanService {
 public:
  using CoverageSource = std::function<Result<CoverageReport>(const CoverageQuery&)>;
  // The registry of a period; `region` is the plan's region (a source may
  // return only the workers of its subtree, or all). It may report its phases
  // to the Progress given to Plan().
  using RegistrySource = std::function<Result<RegistryView>(Period period, RegionCode region)>;

  // `rates` must outlive the service. `today` is the default start date.
  PlanService(const RateTable& rates, Date today);

  // Checks the parameters without reading any data: kInvalidArgument naming
  // the parameter (a missing, negative or absurd budget, an unknown policy,
  // funders not adding up to 100%, months outside 1..120, a malformed date,
  // level, basis, period or region code, a package that is not for BPU);
  // kNotFound for an unknown package.
  static Result<PlanQuery> ParseQuery(const PlanParams& params);
  // Listing parameters as text ("" = default); kInvalidArgument when out of range.
  static Result<PlanListing> ParseListing(const std::string& page, const std::string& page_size);

  // Runs the plan. Errors: those of the coverage and registry sources
  // (unknown region, stale, nothing reconciled), kInvalidArgument when the
  // package cannot be priced on the date, kInvalidArgument for a listing page
  // beyond the last (other than page 1).
  Result<PlanReport> Plan(const PlanQuery& query, const PlanListing& listing, const CoverageSource& coverage,
                          const RegistrySource& registry, Progress& progress) const;

 private:
  const RateTable& rates_;
  Date today_;
};

}  // namespace cakupan
