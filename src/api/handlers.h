// The /api handlers, one per resource (one .cc file each). Each parses its
// parameters, asks DashboardService, and answers JSON (or CSV/XLSX). They hold
// no state and are thread-safe as the service is. docs/api.md is the contract.
#pragma once

#include <nlohmann/json.hpp>

#include "http/http_types.h"
#include "services/dashboard_service.h"
#include "services/decision_applier.h"

namespace cakupan {

// `decisions_allowed`: the server takes review decisions (docs/api.md).
HttpResponse HandleStatus(DashboardService& service, const HttpRequest& request, bool decisions_allowed);
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
HttpResponse HandleProjection(DashboardService& service, const HttpRequest& request);
HttpResponse HandlePlan(DashboardService& service, const HttpRequest& request);

// What the write handlers of the review queue need besides the snapshot.
struct ReviewWrites {
  DashboardService& service;
  // Non-null when the server takes decisions (`cakupan serve
  // --allow-decisions`); null: every write answers 403 read_only.
  DecisionApplier* applier = nullptr;
};

// The refusals every review write shares, in this order: 403 read_only
// (no applier), then the CSRF guard (415 unsupported_media_type, 403
// cross_origin; http/same_origin.h).
Status CheckReviewWrite(const ReviewWrites& writes, const HttpRequest& request);

enum class ReviewAction { kAccept, kReject, kUndo };
// POST /api/review/{id}/accept|reject|undo.
HttpResponse HandleReviewDecision(ReviewWrites& writes, const HttpRequest& request, ReviewAction action);
// POST /api/review/apply: starts a run (202); GET: the state of the last run.
HttpResponse HandleReviewApply(ReviewWrites& writes, const HttpRequest& request);
HttpResponse HandleReviewApplyState(ReviewWrites& writes, const HttpRequest& request);

// Wire form of a region reference, shared by several resources.
nlohmann::json RegionInfoJson(const RegionInfo& region);

}  // namespace cakupan
