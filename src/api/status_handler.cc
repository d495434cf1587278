// GET /api/status
#include <nlohmann/json.hpp>

#include "api/api_support.h"
#include "api/handlers.h"

namespace cakupan {

HttpResponse HandleStatus(DashboardService& service, const HttpRequest&, bool decisions_allowed) {
  const DashboardStatus st = service.GetStatus();
  nlohmann::json periods = nlohmann::json::array(), stale = nlohmann::json::array();
  for (Period p : st.periods) periods.push_back(p.ToString());
  for (Period p : st.stale_periods) stale.push_back(p.ToString());
  nlohmann::json j = {
      {"version", "0.1.0"},
      {"periods", periods},
      {"latest_period", st.periods.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.periods.back().ToString())},
      {"stale_periods", stale},
      {"regions",
       {{"province", st.regions_at_level[1]},
        {"regency", st.regions_at_level[2]},
        {"district", st.regions_at_level[3]},
        {"village", st.regions_at_level[4]}}},
      {"workers", st.workers},
      {"has_boundaries", st.has_boundaries},
      {"loaded_at", st.loaded_at},
      {"decisions_allowed", decisions_allowed},
  };
  return JsonResponse(j.dump());
}

}  // namespace cakupan
