// GET /api/quality?region=CODE[&level=LEVEL][&sort=S] — the object of
// `cakupan quality --format json`, or CSV / XLSX; with details=1 and a
// regency, district or village code, its individual findings (check=CODE to filter),
// as `cakupan quality --details`. Reads the store (not the snapshot): the
// report needs every registry column.
#include "api/api_support.h"
#include "api/handlers.h"
#include "base/clock.h"
#include "present/quality_json.h"
#include "present/quality_xlsx.h"
#include "services/quality_service.h"

namespace cakupan {

HttpResponse HandleQuality(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  QualityQuery q;
  q.region = std::string(req.Query("region").value_or("0"));
  q.period = params->period;
  if (auto level = req.Query("level"); level && !level->empty()) {
    q.level = ParseRegionLevel(*level);
    if (!q.level) {
      return ErrorResponse(Status::InvalidArgument(std::string(Tr("unknown level '", "tingkat tidak dikenal '")) +
                                                   std::string(*level) + "' (province, regency, district, village)"));
    }
  }
  if (auto sort = req.Query("sort"); sort && !sort->empty()) {
    auto s = ParseQualitySort(*sort);
    if (!s) return ErrorResponse(Status::InvalidArgument(Tr("sort must be score, code or workers",
                                                            "sort harus score, code atau workers")));
    q.sort = *s;
  }
  const bool details = req.Query("details").value_or("") == "1" || req.Query("details").value_or("") == "true";
  std::optional<QualityFinding> only;
  if (auto check = req.Query("check"); check && !check->empty()) {
    only = ParseQualityFinding(*check);
    if (!only) return ErrorResponse(Status::InvalidArgument(std::string(Tr("unknown check '", "pemeriksaan tidak dikenal '")) +
                                                            std::string(*check) + "'"));
  }
  auto store = service.OpenStore();
  if (!store.ok()) return ErrorResponse(store.status());
  SystemClock clock;
  auto options = QualityOptionsFromStore(**store);  // probable duplicates from cakupan dedupe
  if (!options.ok()) return ErrorResponse(options.status());
  QualityService quality(**store, clock, std::move(options).value());
  if (details) {
    auto d = quality.Details(q, only);
    if (!d.ok()) return ErrorResponse(d.status());
    const std::string stem = "mutu-" + FileStem(d->region.ToString()) + (d->period ? "-" + d->period->ToString() : "");
    switch (params->format) {
      case ApiFormat::kCsv: return CsvDownload(QualityDetailsCsv(*d), stem);
      case ApiFormat::kXlsx: {
        auto bytes = QualityDetailsXlsx(*d);
        if (!bytes.ok()) return ErrorResponse(bytes.status());
        return XlsxDownload(std::move(*bytes), stem);
      }
      case ApiFormat::kJson: break;
    }
    return JsonResponse(QualityDetailsJson(*d));
  }
  auto report = quality.Report(q);
  if (!report.ok()) return ErrorResponse(report.status());
  // Downloads are named "cakupan-mutu-17-regency-2024-11.xlsx".
  const std::string stem = "mutu-" + FileStem(report->region.code.ToString()) + "-" + RegionLevelName(report->level) +
                           (report->period ? "-" + report->period->ToString() : "");
  switch (params->format) {
    case ApiFormat::kCsv: return CsvDownload(QualityReportCsv(*report), stem);
    case ApiFormat::kXlsx: {
      auto bytes = QualityReportXlsx(*report);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  return JsonResponse(QualityReportJson(*report));
}

}  // namespace cakupan
