// GET /api/coverage?region=CODE[&level=LEVEL] — the object of
// `cakupan coverage --format json`, or CSV / XLSX.
#include "api/api_support.h"
#include "api/handlers.h"
#include "present/coverage_json.h"
#include "present/xlsx.h"

namespace cakupan {

HttpResponse HandleCoverage(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  CoverageQuery q;
  q.region = std::string(req.Query("region").value_or("0"));
  q.basis = params->basis;
  q.period = params->period;
  if (auto level = req.Query("level"); level && !level->empty()) {
    q.level = ParseRegionLevel(*level);
    if (!q.level) {
      return ErrorResponse(Status::InvalidArgument(std::string(Tr("unknown level '", "tingkat tidak dikenal '")) +
                                                   std::string(*level) +
                                                   "' (province, regency, district, village)"));
    }
  }
  auto report = service.Coverage(q);
  if (!report.ok()) return ErrorResponse(report.status());
  // Downloads are named "cakupan-17-regency-2024-11.xlsx".
  const std::string stem =
      FileStem(report->region.code.ToString()) + "-" + RegionLevelName(report->level) + "-" + report->period.ToString();
  switch (params->format) {
    case ApiFormat::kCsv: return CsvDownload(CoverageReportCsv(*report), stem);
    case ApiFormat::kXlsx: {
      auto bytes = CoverageReportXlsx(*report);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  return JsonResponse(CoverageReportJson(*report).dump());
}

}  // namespace cakupan
