// Wire forms of a budget allocation (`cakupan plan --format json|csv`,
// GET /api/plan): the JSON object of docs/api.md (money as whole rupiah JSON
// integers, coverage as fractions, absent figures null) and the enrolled
// workers as CSV. NIKs and names come masked from the service unless the
// caller asked (services/plan_service.h, PlanListing::unmask). Pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "planning/plan_report.h"

namespace cakupan {

nlohmann::json PlanReportJson(const PlanReport& report);
// One line per listed worker (rank order): rank, nik, name, village, ...,
// cost, reason.
std::string PlanWorkersCsv(const PlanReport& report);

}  // namespace cakupan
