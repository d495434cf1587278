// GET /api/boundaries?parent=CODE — GeoJSON of the children's boundaries.
#include "api/api_support.h"
#include "api/handlers.h"

namespace cakupan {

HttpResponse HandleBoundaries(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  auto geojson = service.BoundariesOf(req.Query("parent").value_or("0"));
  if (!geojson.ok()) return ErrorResponse(geojson.status());
  return HttpResponse::Text(200, "application/geo+json; charset=utf-8", std::move(*geojson));
}

}  // namespace cakupan
