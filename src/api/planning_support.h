// What /api/cost and /api/gaps share: the worker and package parameters
// (the names of `cakupan cost`'s options, with '_' for '-': risk_class,
// contract_value) and the stored rate table. Thread-safe.
#pragma once

#include "base/status.h"
#include "http/http_types.h"
#include "planning/rate_table.h"
#include "services/dashboard_service.h"
#include "services/planning_service.h"

namespace cakupan {

CostParams CostParamsFromQuery(const HttpRequest& request);

// The stored rate table, read through a new connection; 409 no_data (a
// kFailedPrecondition with that reason) when none is stored — `cakupan serve`
// seeds it at start, `cakupan rates import` replaces it.
Result<RateTable> StoredRates(DashboardService& service);

}  // namespace cakupan
