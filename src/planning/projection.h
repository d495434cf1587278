// Projection: from a region's series of active participants over the
// reconciled periods, when it reaches its coverage target at the present
// pace, and how many more active participants a month it needs to reach the
// target by a given month. Definitions: docs/definitions.md, "Projection";
// examples: docs/planning.md.
//
//   pace       = least-squares slope of active on the month, over the last N
//                periods (default all; at least 2), as an exact fraction
//                participants / month. Months are calendar months, so a
//                missing month between two periods counts as a month.
//   projection = active(latest) + pace x k for the k-th month after the
//                latest period; the denominator of the latest period is held
//                fixed (it does not grow: see planning/gaps.h).
//   reached in = latest + k for the smallest whole k >= 1 with
//                active(latest) + pace x k >= ceil(target x denominator),
//                i.e. k = ceil(needed / pace) with needed = WorkersNeeded(...).
//                No month when pace <= 0 ("not at the present pace") or when
//                k exceeds kProjectionHorizonMonths.
//   needed per month by B = ceil(needed / (B - latest)), the net growth of
//                active participants a month (enrolments minus lapses).
//
// Everything is computed in integers (pace as a reduced fraction, products
// in 128 bits): a target that the line meets exactly at a month boundary is
// reached in that month, not the next. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/region_code.h"
#include "domain/region_table.h"
#include "planning/gaps.h"

namespace cakupan {

// The fewest periods a pace is computed from.
inline constexpr int kMinPacePeriods = 2;
// A target further away than this at the present pace is reported as beyond
// the horizon (100 years), not as a month.
inline constexpr int64_t kProjectionHorizonMonths = 1200;

// Active participants of a region in one period.
struct ActivePoint {
  Period period;
  int64_t active = 0;
};

// A pace in active participants per month as an exact fraction, reduced,
// denominator > 0. Negative when the region is losing participants.
struct Pace {
  int64_t numerator = 0;
  int64_t denominator = 1;
  double value() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }
  bool operator==(const Pace&) const = default;
};

// The least-squares slope of active on the period's month index:
//   (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²)
// over `points` (ascending, distinct periods). With two points it is the
// difference divided by the months between them. kFailedPrecondition (reason
// "too_few_periods") with fewer than kMinPacePeriods points;
// kInvalidArgument when the periods are not ascending and distinct, or the
// fraction does not fit 64 bits (never for real figures).
Result<Pace> LeastSquaresPace(std::span<const ActivePoint> points);

enum class ProjectionStatus : uint8_t {
  kReached = 0,        // at or above the target in the latest period
  kProjected = 1,      // reached in `reached_in` at the present pace
  kNotAtPace = 2,      // below the target and pace <= 0: never at the present pace
  kBeyondHorizon = 3,  // would take more than kProjectionHorizonMonths
  kTooFewPeriods = 4,  // below the target, fewer than kMinPacePeriods periods: no pace
  kNoTarget = 5,       // no target for this region (own target not imported)
  kNoDenominator = 6,  // no denominator on this basis in the latest period
};
// "reached", "projected", "not_at_pace", "beyond_horizon", "too_few_periods",
// "no_target", "no_denominator".
const char* ProjectionStatusCode(ProjectionStatus s);

// One region's question.
struct ProjectionInput {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  std::vector<ActivePoint> series;       // ascending, distinct; the last is "now"; not empty
  std::optional<int64_t> workers;        // the denominator of the latest period
  std::optional<CoverageRatio> target;   // absent: no target for this region
};

struct ProjectionRow {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  std::vector<ActivePoint> series;       // the points the pace was computed from
  std::optional<int64_t> workers;        // latest denominator, held fixed
  int64_t active = 0;                    // latest active
  std::optional<double> coverage;        // active / workers (display only)
  std::optional<CoverageRatio> target;
  std::optional<int64_t> needed;         // WorkersNeeded(active, workers, target); absent without both
  std::optional<Pace> pace;              // absent with fewer than kMinPacePeriods points
  ProjectionStatus status = ProjectionStatus::kNoTarget;
  std::optional<int64_t> months_to_target;  // kReached: 0; kProjected: k >= 1
  std::optional<Period> reached_in;         // kProjected: latest + k
  std::optional<int64_t> needed_per_month;  // ceil(needed / months to `by`); 0 when reached
  std::optional<bool> on_track;             // the present pace reaches the target by `by`
};

// One row. `by` must be after the latest period of `in.series`
// (kInvalidArgument otherwise, or for an empty or unordered series).
Result<ProjectionRow> ProjectRow(const ProjectionInput& in, Period by);

struct ProjectionReport {
  // The question.
  std::string basis;                           // "labour-force" / "registry"
  RegionLevel level = RegionLevel::kNational;  // level of `rows`
  GapTarget target;
  std::optional<double> national_reference;    // latest period, for context
  std::string national_reference_note;
  std::vector<Period> periods;        // the periods the pace is computed from, ascending
  std::vector<Period> stale_periods;  // reconciled, but the data changed since: left out
  int periods_requested = 0;          // --periods N; 0 = all
  Period by;                          // the month to reach the target by
  int64_t months_to_by = 0;           // by - latest period, >= 1
  // The answer.
  ProjectionRow region;
  std::vector<ProjectionRow> rows;    // code order
  // How many rows have each status (by ProjectionStatus value).
  int64_t status_counts[7] = {0, 0, 0, 0, 0, 0, 0};
  int64_t rows_on_track = 0;

  Period latest() const { return periods.empty() ? Period() : periods.back(); }
};

// Fills report->region, rows and the counts; the question fields are the
// caller's. kInvalidArgument as ProjectRow.
Status FillProjection(const ProjectionInput& region, const std::vector<ProjectionInput>& rows, Period by,
                      ProjectionReport* report);

}  // namespace cakupan
