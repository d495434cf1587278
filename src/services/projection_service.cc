#include "services/projection_service.h"

#include <algorithm>
#include <map>

#include "base/i18n.h"
#include "base/strings.h"
#include "planning/money.h"
#include "services/planning_service.h"

namespace cakupan {

namespace {

Status BadParam(const char* name, const std::string& value, const char* en, const char* id) {
  return Status::InvalidArgument(std::string(name) + ": '" + value + "' " + Tr(en, id));
}

ProjectionInput InputOf(const CoverageRow& latest, std::vector<ActivePoint> series, const GapTarget& target) {
  ProjectionInput in;
  in.code = latest.code;
  in.name = latest.name;
  in.level = latest.level;
  in.series = std::move(series);
  in.workers = latest.denominator;
  if (target.kind == GapTargetKind::kOwn) {
    if (latest.target) in.target = RatioFromFraction(*latest.target);
  } else {
    in.target = target.ratio;
  }
  return in;
}

}  // namespace

Period DefaultProjectionBy(Date today, Period latest) {
  const Period this_year = Period::FromYearMonth(CivilFromDate(today).year, 12);
  const Period after_latest = Period::FromYearMonth(latest.year() + (latest.month() == 12 ? 1 : 0), 12);
  return std::max(this_year, after_latest);
}

ProjectionService::ProjectionService(Date today) : today_(today) {}

Result<ProjectionQuery> ProjectionService::ParseQuery(const ProjectionParams& p) const {
  ProjectionQuery q;
  q.coverage.region = TrimView(p.region).empty() ? std::string("0") : std::string(TrimView(p.region));
  if (!TrimView(p.level).empty()) {
    q.coverage.level = ParseRegionLevel(p.level);
    if (!q.coverage.level)
      return BadParam("level", p.level, "is not a level (province, regency, district, village)",
                      "bukan tingkat (province, regency, district, village)");
  }
  if (!TrimView(p.basis).empty()) {
    auto b = ParseBasis(p.basis);
    if (!b) return BadParam("basis", p.basis, "is not a basis (labour-force, registry)",
                            "bukan basis (labour-force, registry)");
    q.coverage.basis = *b;
  }
  const std::string target = NormalizeKey(p.target);
  if (target.empty() || target == "own" || target == "sendiri" || target == "target") {
    q.target.kind = GapTargetKind::kOwn;
  } else if (target == "national" || target == "nasional") {
    q.target.kind = GapTargetKind::kNational;
  } else {
    auto pcm = ParsePercentPcm(p.target);
    if (!pcm || *pcm > kPcmPerWhole)
      return BadParam("target", p.target,
                      "is not a target: own, national, or a coverage from 0% to 100% (e.g. 39 or 39,5%)",
                      "bukan target: own, national, atau cakupan 0% sampai 100% (mis. 39 atau 39,5%)");
    q.target.kind = GapTargetKind::kFixed;
    CAKUPAN_ASSIGN_OR_RETURN(q.target.ratio, RatioFromPcm(*pcm));
  }
  if (!TrimView(p.by).empty()) {
    q.by = Period::Parse(p.by);
    if (!q.by) return BadParam("by", p.by, "is not a month (YYYY-MM)", "bukan bulan (YYYY-MM)");
  }
  if (!TrimView(p.periods).empty()) {
    auto n = ParseDigits(TrimView(p.periods));
    if (!n || *n < static_cast<uint64_t>(kMinPacePeriods) || *n > 1200)
      return BadParam("periods", p.periods, "must be a whole number from 2 to 1200 (the last N periods)",
                      "harus bilangan bulat dari 2 sampai 1200 (N periode terakhir)");
    q.periods = static_cast<int>(*n);
  }
  return q;
}

Result<ProjectionReport> ProjectionService::Project(const ProjectionQuery& query, const PeriodSource& period_source,
                                                    const CoverageSource& coverage) const {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> periods, period_source());
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  if (periods.empty()) {
    return Status::FailedPrecondition(
               Tr("nothing has been reconciled yet: import workers and a membership extract, then run cakupan "
                  "reconcile",
                  "belum ada hasil rekonsiliasi: impor pekerja dan data kepesertaan, lalu jalankan cakupan reconcile"))
        .WithReason("no_data");
  }
  // Newest first, until the requested number of current periods is read.
  std::vector<CoverageReport> reports;  // newest first
  std::vector<Period> stale;
  Status last_stale;
  for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
    if (query.periods > 0 && reports.size() >= static_cast<size_t>(query.periods)) break;
    CoverageQuery q = query.coverage;
    q.period = *it;
    auto rep = coverage(q);
    if (!rep.ok()) {
      if (rep.status().reason() == "stale") {
        stale.push_back(*it);
        last_stale = rep.status();
        continue;
      }
      return rep.status();
    }
    reports.push_back(std::move(rep).value());
  }
  if (reports.empty()) return last_stale;
  std::reverse(reports.begin(), reports.end());
  std::reverse(stale.begin(), stale.end());
  const CoverageReport& latest = reports.back();

  ProjectionReport out;
  out.basis = BasisName(latest.basis);
  out.level = latest.level;
  out.national_reference = latest.national_reference;
  out.national_reference_note = latest.national_reference_note;
  out.stale_periods = std::move(stale);
  out.periods_requested = query.periods;
  for (const CoverageReport& r : reports) out.periods.push_back(r.period);

  CAKUPAN_ASSIGN_OR_RETURN(GapTarget target, ResolveGapTarget(query.target, latest, query.coverage, coverage));
  out.target = target;

  out.by = query.by ? *query.by : DefaultProjectionBy(today_, latest.period);
  if (!(latest.period < out.by)) {
    return Status::InvalidArgument(std::string("by: '") + out.by.ToString() + "' " +
                                   Tr("must be after the latest reconciled period ",
                                      "harus sesudah periode terbaru yang direkonsiliasi ") +
                                   latest.period.ToString());
  }
  out.months_to_by = out.by.index() - latest.period.index();

  // The series of each region: the region itself, and each row by code.
  std::vector<ActivePoint> region_series;
  std::vector<std::map<std::string, int64_t>> active_by_code(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    region_series.push_back({reports[i].period, reports[i].region.active});
    for (const CoverageRow& r : reports[i].rows) active_by_code[i][r.code.ToString()] = r.active;
  }
  std::vector<ProjectionInput> rows;
  rows.reserve(latest.rows.size());
  for (const CoverageRow& r : latest.rows) {
    const std::string code = r.code.ToString();
    std::vector<ActivePoint> series;
    for (size_t i = 0; i < reports.size(); ++i) {
      auto found = active_by_code[i].find(code);
      if (found != active_by_code[i].end()) series.push_back({reports[i].period, found->second});
    }
    rows.push_back(InputOf(r, std::move(series), target));
  }
  CAKUPAN_RETURN_IF_ERROR(FillProjection(InputOf(latest.region, std::move(region_series), target), rows, out.by, &out));
  return out;
}

Result<ProjectionReport> ProjectionService::Project(const ProjectionParams& params, const PeriodSource& periods,
                                                    const CoverageSource& coverage) const {
  CAKUPAN_ASSIGN_OR_RETURN(ProjectionQuery query, ParseQuery(params));
  return Project(query, periods, coverage);
}

}  // namespace cakupan
