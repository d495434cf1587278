#include "planning/gaps.h"

#include <algorithm>
#include <cmath>

#include "base/i18n.h"

namespace cakupan {

const char* GapTargetKindCode(GapTargetKind k) {
  switch (k) {
    case GapTargetKind::kOwn: return "own";
    case GapTargetKind::kNational: return "national";
    case GapTargetKind::kFixed: return "fixed";
  }
  return "";
}

Result<CoverageRatio> RatioFromPcm(int64_t pcm) {
  if (pcm < 0 || pcm > kPcmPerWhole)
    return Status::InvalidArgument(Tr("target: must be from 0% to 100%", "target: harus dari 0% sampai 100%"));
  return CoverageRatio{pcm, kPcmPerWhole};
}

CoverageRatio RatioFromFraction(double fraction) {
  const double clamped = std::isfinite(fraction) ? std::min(1.0, std::max(0.0, fraction)) : 0.0;
  return CoverageRatio{static_cast<int64_t>(std::llround(clamped * static_cast<double>(kPcmPerWhole))), kPcmPerWhole};
}

int64_t WorkersNeeded(int64_t active, int64_t workers, const CoverageRatio& target) {
  // ceil(target * workers) in integers, then what is missing.
  const __int128 product = static_cast<__int128>(target.numerator) * workers;
  const __int128 required = (product + target.denominator - 1) / target.denominator;
  const __int128 needed = required - active;
  return needed > 0 ? static_cast<int64_t>(needed) : 0;
}

namespace {

Result<GapRow> MakeRow(const GapInput& in, const GapTarget& target, Rupiah cost_per_worker_year) {
  GapRow row;
  row.code = in.code;
  row.name = in.name;
  row.level = in.level;
  row.workers = in.workers;
  row.active = in.active;
  if (in.workers && *in.workers > 0)
    row.coverage = static_cast<double>(in.active) / static_cast<double>(*in.workers);
  if (target.kind == GapTargetKind::kOwn) {
    if (in.own_target) row.target = RatioFromFraction(*in.own_target);
  } else {
    row.target = target.ratio;
  }
  if (row.target && in.workers && *in.workers > 0) {
    row.needed = WorkersNeeded(in.active, *in.workers, *row.target);
    CAKUPAN_ASSIGN_OR_RETURN(row.yearly_cost, CheckedMul(*row.needed, cost_per_worker_year));
  }
  return row;
}

}  // namespace

Status FillGaps(const GapInput& region, const std::vector<GapInput>& rows, const GapTarget& target,
                Rupiah cost_per_worker_year, GapReport* report) {
  if (cost_per_worker_year < 0) return Status::InvalidArgument("negative cost per worker-year");
  report->target = target;
  CAKUPAN_ASSIGN_OR_RETURN(report->region, MakeRow(region, target, cost_per_worker_year));
  report->rows.clear();
  report->rows_needed = 0;
  report->rows_cost = 0;
  report->rows_without_target = 0;
  report->rows_without_workers = 0;
  for (const GapInput& in : rows) {
    CAKUPAN_ASSIGN_OR_RETURN(GapRow row, MakeRow(in, target, cost_per_worker_year));
    if (!row.workers || *row.workers <= 0) ++report->rows_without_workers;
    else if (!row.target) ++report->rows_without_target;
    if (row.needed) {
      CAKUPAN_ASSIGN_OR_RETURN(report->rows_needed, CheckedAdd(report->rows_needed, *row.needed));
      CAKUPAN_ASSIGN_OR_RETURN(report->rows_cost, CheckedAdd(report->rows_cost, *row.yearly_cost));
    }
    report->rows.push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace cakupan
