// Wire forms of the data-quality report (docs/quality.md): the JSON object
// printed by `cakupan quality --format json` and returned by GET
// /api/quality, and its CSV. Field names and finding codes are stable API;
// a check that was not run is null. Pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/quality.h"

namespace cakupan {

nlohmann::json QualityRowJson(const QualityRow& row);
nlohmann::json QualityReportJson(const QualityReport& report);
nlohmann::json QualityDetailsJson(const QualityDetails& details);

// One line per row, the region itself last with `is_total` = 1. Counts and
// fractions in C locale; empty = not checked / not applicable.
std::string QualityReportCsv(const QualityReport& report);
std::string QualityDetailsCsv(const QualityDetails& details);

// Why checks were not run, in the current language ("duplicates: not
// checked, run cakupan dedupe"); empty when every check ran.
std::vector<std::string> QualityNotes(const QualityChecked& checked, bool has_period);

}  // namespace cakupan
