// GET /api/cost?segment=&package=&programmes=&income=&wage=&risk_class=
//              &contract_value=&months=&workers=&date= — the object of
// `cakupan cost --format json` (or CSV), priced with the stored rate table.
#include "api/api_support.h"
#include "api/handlers.h"
#include "api/planning_support.h"
#include "base/clock.h"
#include "present/planning_json.h"
#include "services/planning_service.h"

namespace cakupan {

HttpResponse HandleCost(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  if (params->format == ApiFormat::kXlsx)
    return ErrorResponse(Status::InvalidArgument(Tr("format: json or csv", "format: json atau csv")));
  auto rates = StoredRates(service);
  if (!rates.ok()) return ErrorResponse(rates.status());
  SystemClock clock;
  PlanningService planning(*rates, TodayUtc(clock));
  auto result = planning.Cost(CostParamsFromQuery(req));
  if (!result.ok()) return ErrorResponse(result.status());
  if (params->format == ApiFormat::kCsv) return CsvDownload(ContributionCsv(*result), "iuran");
  return JsonResponse(ContributionJson(*result).dump());
}

}  // namespace cakupan
