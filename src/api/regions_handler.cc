// GET /api/regions?parent=CODE and GET /api/regions/search?q=TEXT
#include <nlohmann/json.hpp>

#include "api/api_support.h"
#include "api/handlers.h"

namespace cakupan {

nlohmann::json RegionInfoJson(const RegionInfo& r) {
  return {{"code", r.code.ToString()},
          {"name", r.name},
          {"level", RegionLevelName(r.level)},
          {"kind", RegionKindNameId(r.code.kind())},
          {"has_children", r.has_children},
          {"path", r.path}};
}

HttpResponse HandleRegions(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  auto parent = req.Query("parent");
  auto result = service.Regions(parent ? *parent : "0");
  if (!result.ok()) return ErrorResponse(result.status());
  nlohmann::json path = nlohmann::json::array(), children = nlohmann::json::array();
  for (const auto& r : result->path) path.push_back(RegionInfoJson(r));
  for (const auto& r : result->children) children.push_back(RegionInfoJson(r));
  nlohmann::json j = {{"parent", RegionInfoJson(result->parent)}, {"path", path}, {"children", children}};
  return JsonResponse(j.dump());
}

HttpResponse HandleRegionSearch(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  auto q = RequiredParam(req, "q");
  if (!q.ok()) return ErrorResponse(q.status());
  if (q->size() > 100) return ErrorResponse(Status::InvalidArgument(Tr("q is too long", "q terlalu panjang")));
  auto limit = IntParam(req, "limit", 20, 1, 100);
  if (!limit.ok()) return ErrorResponse(limit.status());
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : service.Search(*q, *limit)) results.push_back(RegionInfoJson(r));
  nlohmann::json j = {{"query", *q}, {"results", results}};
  return JsonResponse(j.dump());
}

}  // namespace cakupan
