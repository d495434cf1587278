#include "api/planning_support.h"

#include "base/clock.h"
#include "base/i18n.h"
#include "services/rate_service.h"

namespace cakupan {

CostParams CostParamsFromQuery(const HttpRequest& req) {
  auto q = [&](std::string_view name) { return std::string(req.Query(name).value_or("")); };
  CostParams p;
  p.segment = q("segment");
  p.package = q("package");
  p.programmes = q("programmes");
  p.income = q("income");
  p.wage = q("wage");
  p.risk_class = q("risk_class");
  p.contract_value = q("contract_value");
  p.months = q("months");
  p.workers = q("workers");
  p.date = q("date");
  return p;
}

Result<RateTable> StoredRates(DashboardService& service) {
  CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, service.OpenStore());
  SystemClock clock;
  RateService rates(*store, clock);
  CAKUPAN_ASSIGN_OR_RETURN(RateTable table, rates.Table());
  if (table.empty()) {
    return Status::FailedPrecondition(Tr("no contribution rates are stored; run: cakupan rates import data/tarif/iuran.csv",
                                         "belum ada tarif iuran tersimpan; jalankan: cakupan rates import "
                                         "data/tarif/iuran.csv"))
        .WithReason("no_data");
  }
  return table;
}

}  // namespace cakupan
