// The /api handlers, one per resource (one .cc file each). Each parses its
// parameters, asks DashboardService, and answers JSON (or CSV/XLSX). They hold
// no state and are thread-safe as the service is. docs/api.md is the contract.
#pragma once

#include <nlohmann/json.hpp>

#include "http/http_types.h"
#include "services/dashboard_service.h"

namespace cakupan {

HttpResponse HandleStatus(DashboardService& service, const HttpRequest& request);
HttpResponse HandleRegions(DashboardService& service, const HttpRequest& request);
HttpResponse HandleRegionSearch(DashboardService& service, const HttpRequest& request);
HttpResponse HandleCoverage(DashboardService& service, const HttpRequest& request);
HttpResponse HandleBreakdown(DashboardService& service, const HttpRequest& request);
HttpResponse HandleSeries(DashboardService& service, const HttpRequest& request);
HttpResponse HandleWorkers(DashboardService& service, const HttpRequest& request);
HttpResponse HandleBoundaries(DashboardService& service, const HttpRequest& request);
HttpResponse HandleOpenApi(DashboardService& service, const HttpRequest& request);
HttpResponse HandleQuality(DashboardService& service, const HttpRequest& request);
HttpResponse HandleReview(DashboardService& service, const HttpRequest& request);
HttpResponse HandleCost(DashboardService& service, const HttpRequest& request);
HttpResponse HandleGaps(DashboardService& service, const HttpRequest& request);

// Wire form of a region reference, shared by several resources.
nlohmann::json RegionInfoJson(const RegionInfo& region);

}  // namespace cakupan
