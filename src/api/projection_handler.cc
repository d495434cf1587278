// GET /api/projection?region=CODE[&level=][&target=own|national|X][&by=YYYY-MM][&periods=N]
// — the object of `cakupan projection --format json`, or CSV / XLSX: per
// region, the pace of active participants over the reconciled periods, the
// month the target is reached at that pace, and the monthly enrolment
// needed to reach it by a month. The series from the snapshot.
#include <algorithm>

#include "api/api_support.h"
#include "api/handlers.h"
#include "base/clock.h"
#include "present/projection_json.h"
#include "present/projection_table.h"
#include "services/planning_service.h"
#include "services/projection_service.h"

namespace cakupan {

HttpResponse HandleProjection(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  ProjectionParams p;
  p.region = std::string(req.Query("region").value_or("0"));
  p.level = std::string(req.Query("level").value_or(""));
  p.basis = std::string(req.Query("basis").value_or(""));
  p.target = std::string(req.Query("target").value_or(""));
  p.by = std::string(req.Query("by").value_or(""));
  p.periods = std::string(req.Query("periods").value_or(""));
  SystemClock clock;
  ProjectionService projection(TodayUtc(clock));
  // Every reconciled period of the snapshot, stale ones included: the
  // snapshot refuses those as stale and the projection lists them.
  auto periods = [&service]() -> Result<std::vector<Period>> {
    const DashboardStatus st = service.GetStatus();
    std::vector<Period> all = st.periods;
    all.insert(all.end(), st.stale_periods.begin(), st.stale_periods.end());
    std::sort(all.begin(), all.end());
    return all;
  };
  auto report = projection.Project(p, periods, [&service](const CoverageQuery& q) { return service.Coverage(q); });
  if (!report.ok()) return ErrorResponse(report.status());
  // Downloads are named "cakupan-proyeksi-17-regency-2026-12.xlsx".
  const std::string stem = "proyeksi-" + FileStem(report->region.code.ToString()) + "-" +
                           RegionLevelName(report->level) + "-" + report->by.ToString();
  switch (params->format) {
    case ApiFormat::kCsv: return CsvDownload(ProjectionReportCsv(*report), stem);
    case ApiFormat::kXlsx: {
      auto bytes = ProjectionReportXlsx(*report);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  return JsonResponse(ProjectionReportJson(*report).dump());
}

}  // namespace cakupan
