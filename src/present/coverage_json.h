// Wire form of coverage figures: the JSON object printed by
// `cakupan coverage --format json` and returned by the API, and the flat rows
// of its CSV form. Field names are stable API (docs/api.md); absent figures
// are null. Pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/breakdown.h"
#include "engine/coverage.h"

namespace cakupan {

nlohmann::json CoverageRowJson(const CoverageRow& row);
nlohmann::json CoverageReportJson(const CoverageReport& report);
nlohmann::json BreakdownJson(const Breakdown& breakdown);

// CSV with a header; one line per row, the region itself last with
// `is_total` = 1. Numbers in C locale ('.' decimals, no grouping).
std::string CoverageReportCsv(const CoverageReport& report);
std::string BreakdownCsv(const Breakdown& breakdown);

// Quotes a CSV field when needed (RFC 4180).
std::string CsvField(const std::string& s);

// A number as CSV text: the shortest form that reads back as the same value
// (C locale); "" for an absent one.
std::string CsvNumber(double v);
std::string CsvNumber(int64_t v);
template <typename T>
std::string CsvNumber(const std::optional<T>& v) {
  return v ? CsvNumber(*v) : std::string();
}

// A figure for JSON: the value, or null when absent.
template <typename T>
nlohmann::json JsonOrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace cakupan
