// Registers the /api handlers on a Router, behind a response cache: GET
// answers are pure functions of the request, the service's snapshot and the
// review decisions, so a 200 answer is kept per (snapshot generation,
// decision epoch, path, query) and served again until the data reloads or a
// decision is written (every successful write starts a new epoch and empties
// the cache). The write routes (POST /api/review/…) and the state of a
// decision run are never cached. Thread-safe.
#pragma once

#include <cstddef>

#include "http/router.h"
#include "services/dashboard_service.h"
#include "services/decision_applier.h"

namespace cakupan {

struct ApiOptions {
  size_t cache_entries = 4096;            // cached answers; the cache is emptied when full
  size_t cache_max_body = 4 * 1024 * 1024;  // larger answers (exports) are not cached
};

// `service` must outlive the router. `applier`: non-null when the server
// takes review decisions (`cakupan serve --allow-decisions`; it must outlive
// the router too); null makes every write answer 403 read_only.
void RegisterApi(Router& router, DashboardService& service, const ApiOptions& options = {},
                 DecisionApplier* applier = nullptr);

}  // namespace cakupan
