// Registers the /api handlers on a Router, behind a response cache: answers
// are pure functions of the request and the service's snapshot, so a 200
// answer is kept per (snapshot generation, path, query) and served again
// until the data reloads. Thread-safe.
#pragma once

#include <cstddef>

#include "http/router.h"
#include "services/dashboard_service.h"

namespace cakupan {

struct ApiOptions {
  size_t cache_entries = 4096;            // cached answers; the cache is emptied when full
  size_t cache_max_body = 4 * 1024 * 1024;  // larger answers (exports) are not cached
};

// `service` must outlive the router.
void RegisterApi(Router& router, DashboardService& service, const ApiOptions& options = {});

}  // namespace cakupan
