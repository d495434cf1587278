// GET /api/series?region=CODE — coverage over every reconciled period.
#include <nlohmann/json.hpp>

#include "api/api_support.h"
#include "api/handlers.h"
#include "present/coverage_json.h"
#include "present/xlsx.h"

namespace cakupan {

HttpResponse HandleSeries(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  auto series = service.SeriesOf(req.Query("region").value_or("0"), params->basis);
  if (!series.ok()) return ErrorResponse(series.status());
  const std::string code = series->region.code.ToString();
  const std::string stem = "tren-" + FileStem(code);
  switch (params->format) {
    case ApiFormat::kCsv: {
      std::string csv = "period,basis,code,name,denominator,active,coverage,target,national_reference\n";
      for (const auto& p : series->points) {
        csv += p.period.ToString() + "," + BasisName(series->basis) + "," + code + "," + CsvField(series->region.name) +
               "," + CsvNumber(p.denominator) + "," + std::to_string(p.active) + "," + CsvNumber(p.coverage) + "," +
               CsvNumber(p.target) + "," + CsvNumber(p.national_reference) + "\n";
      }
      return CsvDownload(std::move(csv), stem);
    }
    case ApiFormat::kXlsx: {
      XlsxSheet s;
      s.name = Tr("Trend", "Tren");
      s.title = std::string(Tr("Coverage over time", "Cakupan dari waktu ke waktu")) + " \u2014 " +
                series->region.name + " (" + code + ")";
      s.columns = {{Tr("Period", "Periode"), XlsxKind::kText, 10},
                   {Tr("Denominator", "Penyebut"), XlsxKind::kCount, 13},
                   {Tr("Active", "Aktif"), XlsxKind::kCount, 12},
                   {Tr("Coverage", "Cakupan"), XlsxKind::kPercent, 10},
                   {Tr("Target", "Target"), XlsxKind::kPercent, 10},
                   {Tr("National reference", "Rujukan nasional"), XlsxKind::kPercent, 14}};
      auto cell = [](const auto& v) -> XlsxCell {
        if (!v) return std::monostate{};
        return static_cast<double>(*v);
      };
      for (const auto& p : series->points) {
        s.rows.push_back({p.period.ToString(), cell(p.denominator), static_cast<double>(p.active), cell(p.coverage),
                          cell(p.target), cell(p.national_reference)});
      }
      auto bytes = WriteXlsx({s, DefinitionsSheet()});
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : series->points) {
    points.push_back({{"period", p.period.ToString()},
                      {"denominator", JsonOrNull(p.denominator)},
                      {"active", p.active},
                      {"coverage", JsonOrNull(p.coverage)},
                      {"target", JsonOrNull(p.target)},
                      {"national_reference", JsonOrNull(p.national_reference)}});
  }
  nlohmann::json j = {{"region", RegionInfoJson(series->region)}, {"basis", BasisName(series->basis)}, {"points", points}};
  return JsonResponse(j.dump());
}

}  // namespace cakupan
