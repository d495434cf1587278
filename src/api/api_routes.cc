#include "api/api_routes.h"

#include <atomic>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api/handlers.h"

namespace cakupan {

namespace {

class ResponseCache {
 public:
  explicit ResponseCache(const ApiOptions& options) : options_(options) {}

  // The canonical key: generation, decision epoch, path and the query in
  // received order.
  std::string Key(uint64_t generation, const HttpRequest& req) const {
    std::string key = std::to_string(generation);
    key += '.';
    key += std::to_string(epoch_.load());
    key += ' ';
    key += req.path;
    for (const auto& [k, v] : req.query) {
      key += '&';
      key += k;
      key += '=';
      key += v;
    }
    return key;
  }

  bool Get(const std::string& key, HttpResponse* out) const {
    std::shared_lock lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return false;
    *out = it->second;
    return true;
  }

  void Put(const std::string& key, const HttpResponse& response) {
    if (response.status != 200 || response.body.size() > options_.cache_max_body) return;
    std::unique_lock lock(mu_);
    if (entries_.size() >= options_.cache_entries) entries_.clear();
    entries_.emplace(key, response);
  }

  // After a write: answers computed before it are never served again (a
  // request in flight that computed one puts it under the old epoch's key).
  void NewEpoch() {
    epoch_.fetch_add(1);
    std::unique_lock lock(mu_);
    entries_.clear();
  }

 private:
  const ApiOptions options_;
  std::atomic<uint64_t> epoch_{0};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, HttpResponse> entries_;  // GUARDED_BY(mu_)
};

}  // namespace

void RegisterApi(Router& router, DashboardService& service, const ApiOptions& options, DecisionApplier* applier) {
  auto cache = std::make_shared<ResponseCache>(options);
  auto cached = [&](const char* path, std::function<HttpResponse(const HttpRequest&)> handler) {
    router.Get(path, [cache, &service, handler = std::move(handler)](const HttpRequest& req) {
      const std::string key = cache->Key(service.generation(), req);
      HttpResponse response;
      if (cache->Get(key, &response)) return response;
      response = handler(req);
      cache->Put(key, response);
      return response;
    });
  };
  auto add = [&](const char* path, HttpResponse (*handler)(DashboardService&, const HttpRequest&)) {
    cached(path, [&service, handler](const HttpRequest& req) { return handler(service, req); });
  };
  const bool decisions_allowed = applier != nullptr;
  cached("/api/status", [&service, decisions_allowed](const HttpRequest& req) {
    return HandleStatus(service, req, decisions_allowed);
  });
  add("/api/regions", &HandleRegions);
  add("/api/regions/search", &HandleRegionSearch);
  add("/api/coverage", &HandleCoverage);
  add("/api/breakdown", &HandleBreakdown);
  add("/api/series", &HandleSeries);
  add("/api/workers", &HandleWorkers);
  add("/api/boundaries", &HandleBoundaries);
  add("/api/openapi.json", &HandleOpenApi);
  add("/api/quality", &HandleQuality);
  add("/api/review", &HandleReview);
  add("/api/cost", &HandleCost);
  add("/api/gaps", &HandleGaps);
  add("/api/projection", &HandleProjection);
  add("/api/plan", &HandlePlan);

  // Review writes: never cached; a success starts a new cache epoch (the
  // review list and the quality report's duplicates read the decisions).
  auto writes = std::make_shared<ReviewWrites>(ReviewWrites{service, applier});
  auto write = [cache](HttpResponse response) {
    if (response.status >= 200 && response.status < 300) cache->NewEpoch();
    return response;
  };
  for (const auto& [path, action] : {std::pair{"/api/review/{id}/accept", ReviewAction::kAccept},
                                     std::pair{"/api/review/{id}/reject", ReviewAction::kReject},
                                     std::pair{"/api/review/{id}/undo", ReviewAction::kUndo}}) {
    const ReviewAction a = action;
    router.Post(path, [writes, write, a](const HttpRequest& req) {
      return write(HandleReviewDecision(*writes, req, a));
    });
  }
  router.Post("/api/review/apply",
              [writes, write](const HttpRequest& req) { return write(HandleReviewApply(*writes, req)); });
  router.Get("/api/review/apply", [writes](const HttpRequest& req) { return HandleReviewApplyState(*writes, req); });
}

}  // namespace cakupan
