// GET /api/breakdown?region=CODE&dimension=DIM
#include "api/api_support.h"
#include "api/handlers.h"
#include "present/coverage_json.h"
#include "present/xlsx.h"

namespace cakupan {

HttpResponse HandleBreakdown(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  auto dim_text = RequiredParam(req, "dimension");
  if (!dim_text.ok()) return ErrorResponse(dim_text.status());
  auto dim = ParseDimension(*dim_text);
  if (!dim) {
    return ErrorResponse(Status::InvalidArgument(std::string(Tr("unknown dimension '", "dimensi tidak dikenal '")) +
                                                 *dim_text +
                                                 "' (segment, sex, formality, age_band, vulnerability, decile)"));
  }
  CoverageQuery q;
  q.region = std::string(req.Query("region").value_or("0"));
  q.basis = params->basis;
  q.period = params->period;
  auto b = service.BreakdownBy(q, *dim);
  if (!b.ok()) return ErrorResponse(b.status());
  const std::string stem = "rincian-" + FileStem(b->region.code.ToString()) + "-" + DimensionName(*dim) + "-" +
                           b->period.ToString();
  switch (params->format) {
    case ApiFormat::kCsv: return CsvDownload(BreakdownCsv(*b), stem);
    case ApiFormat::kXlsx: {
      auto bytes = BreakdownXlsx(*b);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  return JsonResponse(BreakdownJson(*b).dump());
}

}  // namespace cakupan
