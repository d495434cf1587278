// Wire forms of a projection (planning/projection.h): the JSON object
// printed by `cakupan projection --format json` and returned by
// GET /api/projection, and its CSV form. Field names are stable API
// (docs/api.md); absent figures are null; the pace is given both as a
// number and as the exact fraction it was computed as. Pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "planning/projection.h"

namespace cakupan {

nlohmann::json ProjectionRowJson(const ProjectionRow& row);
nlohmann::json ProjectionReportJson(const ProjectionReport& report);

// CSV with a header: one line per row, the region itself last with
// is_total = 1. Numbers in C locale.
std::string ProjectionReportCsv(const ProjectionReport& report);

}  // namespace cakupan
