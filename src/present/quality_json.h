// Wire forms of the data-quality report (docs/quality.md): the JSON object
// printed by `cakupan quality --format json` and returned by GET
// /api/quality, and its CSV. Field names and finding codes are stable API;
// a check that was not run is null. Pure functions.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <vector>

#include "engine/quality.h"

namespace cakupan {

// JSON text, compact when indent < 0, else indented by `indent` spaces per
// level; keys in ascending order (nlohmann::json::dump's layout, see
// present/json_writer.h). Written in one pass without a document tree
// (present/json_writer.h): the report of every village in the country is
// over 100 MB of text.
std::string QualityRowJson(const QualityRow& row, int indent = -1);
std::string QualityReportJson(const QualityReport& report, int indent = -1);
// The same text handed to `sink` in pieces of about 1 MB, in order.
void WriteQualityReportJson(const QualityReport& report, int indent,
                            const std::function<void(std::string_view)>& sink);
std::string QualityDetailsJson(const QualityDetails& details, int indent = -1);

// One line per row, the region itself last with `is_total` = 1. Counts and
// fractions in C locale; empty = not checked / not applicable.
std::string QualityReportCsv(const QualityReport& report);
std::string QualityDetailsCsv(const QualityDetails& details);

// Why checks were not run, in the current language ("duplicates: not
// checked, run cakupan dedupe"); empty when every check ran.
std::vector<std::string> QualityNotes(const QualityChecked& checked, bool has_period);

}  // namespace cakupan
