#include "api/api_routes.h"

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

  // The canonical key: generation, path and the query in received order.
  static std::string Key(uint64_t generation, const HttpRequest& req) {
    std::string key = std::to_string(generation);
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

 private:
  const ApiOptions options_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, HttpResponse> entries_;  // GUARDED_BY(mu_)
};

}  // namespace

void RegisterApi(Router& router, DashboardService& service, const ApiOptions& options) {
  auto cache = std::make_shared<ResponseCache>(options);
  auto add = [&](const char* path, HttpResponse (*handler)(DashboardService&, const HttpRequest&)) {
    router.Get(path, [cache, &service, handler](const HttpRequest& req) {
      const std::string key = ResponseCache::Key(service.generation(), req);
      HttpResponse response;
      if (cache->Get(key, &response)) return response;
      response = handler(service, req);
      cache->Put(key, response);
      return response;
    });
  };
  add("/api/status", &HandleStatus);
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
}

}  // namespace cakupan
