// The projection use case (`cakupan projection`, GET /api/projection): per
// region below a region, the pace of active participants over the reconciled
// periods, the month the coverage target is reached at that pace, and the
// monthly enrolment needed to reach it by a month (planning/projection.h).
// Parameters arrive as text (CLI options or query parameters, the same
// names) and are checked here once for both, with messages naming the
// parameter. docs/planning.md, "Projection", has examples.
//
// The series is read through two callbacks, so that the CLI (CoverageService,
// the database) and the API (DashboardService, the in-memory snapshot) give
// the same figures: the reconciled periods, and the coverage of one period.
// A period whose coverage is refused as stale (reason "stale": the data
// changed since it was reconciled) is left out and listed, as the coverage
// series of GET /api/series leaves it out.
// Thread-safe for concurrent calls when the callbacks are.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "engine/coverage.h"
#include "planning/gaps.h"
#include "planning/projection.h"
#include "services/coverage_service.h"

namespace cakupan {

// A projection question, as the user wrote it; "" = not given.
struct ProjectionParams {
  std::string region = "0";  // region code
  std::string level;         // level of the rows (default: one below the region)
  std::string basis;         // labour-force (default) or registry
  std::string target;        // "" or "own": each region's target; "national"; "39", "39%", "39,5%"
  std::string by;            // YYYY-MM (default: DefaultProjectionBy)
  std::string periods;       // the last N periods for the pace, N >= 2 (default: all)
};

struct ProjectionQuery {
  CoverageQuery coverage;       // `period` is not used: every period is read
  GapTarget target;             // kNational: the ratio is filled in by Project()
  std::optional<Period> by;     // absent: DefaultProjectionBy
  int periods = 0;              // 0 = all
};

// December of today's year, or the first December after `latest` when that
// is later (a series ending in December 2026 is projected to December 2027).
Period DefaultProjectionBy(Date today, Period latest);

class ProjectionService {
 public:
  using CoverageSource = std::function<Result<CoverageReport>(const CoverageQuery&)>;
  // Every reconciled period, ascending (stale ones included).
  using PeriodSource = std::function<Result<std::vector<Period>>()>;

  // `today` gives the default `by`.
  explicit ProjectionService(Date today);

  // kInvalidArgument naming the parameter.
  Result<ProjectionQuery> ParseQuery(const ProjectionParams& params) const;

  // kFailedPrecondition: nothing reconciled (reason "no_data"), every period
  // stale (reason "stale"), or the national reference unavailable for
  // --target national (reason "no_data"); kInvalidArgument when `by` is not
  // after the latest period; the coverage source's errors otherwise
  // (unknown region...). Fewer than 2 periods is not an error: the rows
  // carry the status too_few_periods and no pace.
  Result<ProjectionReport> Project(const ProjectionQuery& query, const PeriodSource& periods,
                                   const CoverageSource& coverage) const;
  Result<ProjectionReport> Project(const ProjectionParams& params, const PeriodSource& periods,
                                   const CoverageSource& coverage) const;

 private:
  Date today_;
};

}  // namespace cakupan
