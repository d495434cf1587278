// GET /api/gaps?region=CODE[&level=][&target=own|national|X][&package=...]
// — the object of `cakupan gaps --format json`, or CSV / XLSX: per region,
// the workers needed to reach the target and the yearly cost of enrolling
// them. Coverage from the snapshot, rates from the store.
#include "api/api_support.h"
#include "api/handlers.h"
#include "api/planning_support.h"
#include "base/clock.h"
#include "present/planning_json.h"
#include "present/planning_table.h"
#include "services/planning_service.h"

namespace cakupan {

HttpResponse HandleGaps(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  GapParams p;
  p.region = std::string(req.Query("region").value_or("0"));
  p.level = std::string(req.Query("level").value_or(""));
  p.basis = std::string(req.Query("basis").value_or(""));
  p.period = std::string(req.Query("period").value_or(""));
  p.target = std::string(req.Query("target").value_or(""));
  p.worker = CostParamsFromQuery(req);
  auto rates = StoredRates(service);
  if (!rates.ok()) return ErrorResponse(rates.status());
  SystemClock clock;
  PlanningService planning(*rates, TodayUtc(clock));
  auto report = planning.Gaps(p, [&service](const CoverageQuery& q) { return service.Coverage(q); });
  if (!report.ok()) return ErrorResponse(report.status());
  // Downloads are named "cakupan-selisih-17-regency-2024-11.xlsx".
  const std::string stem = "selisih-" + FileStem(report->region.code.ToString()) + "-" +
                           RegionLevelName(report->level) + "-" + report->period.ToString();
  switch (params->format) {
    case ApiFormat::kCsv: return CsvDownload(GapReportCsv(*report), stem);
    case ApiFormat::kXlsx: {
      auto bytes = GapReportXlsx(*report);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  return JsonResponse(GapReportJson(*report).dump());
}

}  // namespace cakupan
