// GET /api/plan?region=CODE&budget=RUPIAH[&policy=][&package=][&income=]
//   [&months=12][&date=][&funders=][&level=][&page=1][&page_size=50]
// — the object of `cakupan plan --format json` (docs/api.md), or the whole
// list of enrolled workers as CSV / XLSX. NIKs and names always masked.
// Coverage and the registry from the snapshot, rates from the store.
#include "api/api_support.h"
#include "api/handlers.h"
#include "api/planning_support.h"
#include "base/clock.h"
#include "base/progress.h"
#include "present/plan_json.h"
#include "present/plan_table.h"
#include "services/plan_service.h"
#include "services/planning_service.h"

namespace cakupan {

HttpResponse HandlePlan(DashboardService& service, const HttpRequest& req) {
  auto common = ParseCommonParams(req);
  if (!common.ok()) return ErrorResponse(common.status());
  ScopedThreadLanguage lang(common->lang);
  auto q = [&](std::string_view name) { return std::string(req.Query(name).value_or("")); };
  PlanParams p;
  p.region = q("region");
  p.budget = q("budget");
  p.policy = q("policy");
  p.package = q("package");
  p.income = q("income");
  p.months = q("months");
  p.date = q("date");
  p.period = q("period");
  p.basis = q("basis");
  p.level = q("level");
  p.funders = q("funders");
  auto query = PlanService::ParseQuery(p);
  if (!query.ok()) return ErrorResponse(query.status());
  auto listing = PlanService::ParseListing(q("page"), q("page_size"));
  if (!listing.ok()) return ErrorResponse(listing.status());
  if (common->format != ApiFormat::kJson) {
    listing->page_size = 0;  // downloads list every worker, up to a million
    listing->max_all = 1'000'000;
  }
  listing->unmask = false;
  auto rates = StoredRates(service);
  if (!rates.ok()) return ErrorResponse(rates.status());
  SystemClock clock;
  PlanService planner(*rates, TodayUtc(clock));
  NullProgress progress;
  auto report = planner.Plan(
      *query, *listing, [&service](const CoverageQuery& cq) { return service.Coverage(cq); },
      [&service](Period period, RegionCode region) { return service.RegistryOf(period, region.ToString()); },
      progress);
  if (!report.ok()) return ErrorResponse(report.status());
  // Downloads are named "cakupan-rencana-17-decile-2024-11.xlsx".
  const std::string stem = "rencana-" + FileStem(report->region.code.ToString()) + "-" +
                           PlanPolicyCode(report->policy) + "-" + report->period.ToString();
  switch (common->format) {
    case ApiFormat::kCsv: return CsvDownload(PlanWorkersCsv(*report), stem);
    case ApiFormat::kXlsx: {
      auto bytes = PlanReportXlsx(*report);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      return XlsxDownload(std::move(*bytes), stem);
    }
    case ApiFormat::kJson: break;
  }
  return JsonResponse(PlanReportJson(*report).dump());
}

}  // namespace cakupan
