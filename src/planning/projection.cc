#include "planning/projection.h"

#include <limits>

#include "base/i18n.h"

namespace cakupan {

namespace {

using i128 = __int128;

i128 Abs(i128 v) { return v < 0 ? -v : v; }

i128 Gcd(i128 a, i128 b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    const i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool FitsInt64(i128 v) {
  return v >= static_cast<i128>(std::numeric_limits<int64_t>::min()) &&
         v <= static_cast<i128>(std::numeric_limits<int64_t>::max());
}

// ceil(a / b) for a >= 0, b > 0.
i128 CeilDiv(i128 a, i128 b) { return (a + b - 1) / b; }

}  // namespace

const char* ProjectionStatusCode(ProjectionStatus s) {
  switch (s) {
    case ProjectionStatus::kReached: return "reached";
    case ProjectionStatus::kProjected: return "projected";
    case ProjectionStatus::kNotAtPace: return "not_at_pace";
    case ProjectionStatus::kBeyondHorizon: return "beyond_horizon";
    case ProjectionStatus::kTooFewPeriods: return "too_few_periods";
    case ProjectionStatus::kNoTarget: return "no_target";
    case ProjectionStatus::kNoDenominator: return "no_denominator";
  }
  return "";
}

Result<Pace> LeastSquaresPace(std::span<const ActivePoint> points) {
  if (points.size() < static_cast<size_t>(kMinPacePeriods)) {
    return Status::FailedPrecondition(Tr("a pace needs at least 2 periods", "laju memerlukan paling sedikit 2 periode"))
        .WithReason("too_few_periods");
  }
  for (size_t i = 1; i < points.size(); ++i) {
    if (!(points[i - 1].period < points[i].period))
      return Status::InvalidArgument("projection: periods must be ascending and distinct");
  }
  // x = months since the first period, so the sums stay small.
  const i128 n = static_cast<i128>(points.size());
  const int32_t x0 = points.front().period.index();
  i128 sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const ActivePoint& p : points) {
    const i128 x = p.period.index() - x0;
    const i128 y = p.active;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  i128 num = n * sxy - sx * sy;
  i128 den = n * sxx - sx * sx;  // > 0: at least two distinct x
  const i128 g = Gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (!FitsInt64(num) || !FitsInt64(den))
    return Status::InvalidArgument("projection: the pace does not fit 64 bits");
  return Pace{static_cast<int64_t>(num), static_cast<int64_t>(den)};
}

Result<ProjectionRow> ProjectRow(const ProjectionInput& in, Period by) {
  if (in.series.empty()) return Status::InvalidArgument("projection: empty series for " + in.code.ToString());
  const ActivePoint& now = in.series.back();
  if (!(now.period < by)) {
    return Status::InvalidArgument(std::string(Tr("by: ", "by: ")) + by.ToString() +
                                   Tr(" must be after the latest period ", " harus sesudah periode terbaru ") +
                                   now.period.ToString());
  }
  ProjectionRow row;
  row.code = in.code;
  row.name = in.name;
  row.level = in.level;
  row.series = in.series;
  row.workers = in.workers;
  row.active = now.active;
  row.target = in.target;
  if (in.series.size() >= static_cast<size_t>(kMinPacePeriods)) {
    CAKUPAN_ASSIGN_OR_RETURN(row.pace, LeastSquaresPace(in.series));
  }
  if (!in.workers || *in.workers <= 0) {
    row.status = ProjectionStatus::kNoDenominator;
    return row;
  }
  row.coverage = static_cast<double>(now.active) / static_cast<double>(*in.workers);
  if (!in.target) {
    row.status = ProjectionStatus::kNoTarget;
    return row;
  }
  const int64_t needed = WorkersNeeded(now.active, *in.workers, *in.target);
  const int64_t months_to_by = by.index() - now.period.index();
  row.needed = needed;
  row.needed_per_month = static_cast<int64_t>(CeilDiv(needed, months_to_by));
  if (needed == 0) {
    row.status = ProjectionStatus::kReached;
    row.months_to_target = 0;
    row.on_track = true;
    return row;
  }
  if (!row.pace) {
    row.status = ProjectionStatus::kTooFewPeriods;
    return row;
  }
  if (row.pace->numerator <= 0) {
    row.status = ProjectionStatus::kNotAtPace;
    row.on_track = false;
    return row;
  }
  // The smallest k with now.active + pace * k >= now.active + needed:
  // k >= needed * den / num.
  const i128 k = CeilDiv(static_cast<i128>(needed) * row.pace->denominator, row.pace->numerator);
  row.on_track = k <= months_to_by;
  if (k > kProjectionHorizonMonths) {
    row.status = ProjectionStatus::kBeyondHorizon;
    return row;
  }
  row.status = ProjectionStatus::kProjected;
  row.months_to_target = static_cast<int64_t>(k);
  row.reached_in = now.period.Plus(static_cast<int>(k));
  return row;
}

Status FillProjection(const ProjectionInput& region, const std::vector<ProjectionInput>& rows, Period by,
                      ProjectionReport* report) {
  CAKUPAN_ASSIGN_OR_RETURN(report->region, ProjectRow(region, by));
  report->rows.clear();
  report->rows.reserve(rows.size());
  for (int64_t& c : report->status_counts) c = 0;
  report->rows_on_track = 0;
  for (const ProjectionInput& in : rows) {
    CAKUPAN_ASSIGN_OR_RETURN(ProjectionRow row, ProjectRow(in, by));
    ++report->status_counts[static_cast<int>(row.status)];
    if (row.on_track.value_or(false)) ++report->rows_on_track;
    report->rows.push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace cakupan
