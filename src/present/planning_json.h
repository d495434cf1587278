// Wire forms of planning results: the JSON objects printed by
// `cakupan cost|gaps|rates list --format json` and returned by GET /api/cost
// and /api/gaps, and their CSV forms. Money is whole rupiah as JSON integers,
// rates as decimal percentage text ("0.24") and integer pcm; field names are
// stable API (docs/api.md). Absent figures are null. Pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/contribution_rate.h"
#include "planning/contribution.h"
#include "planning/gaps.h"

namespace cakupan {

// {"employer", "worker", "government", "total"}.
nlohmann::json PayerAmountsJson(const PayerAmounts& amounts);
// One rate row, with the file's column names.
nlohmann::json RateJson(const ContributionRate& rate);
// {"rows": [...], "date": "YYYY-MM-DD" or null}.
nlohmann::json RatesJson(const std::vector<ContributionRate>& rows, Date in_force_on);
// The priced request: echo of the request, lines, by_programme, by_payer,
// first_month, per_worker, `total` (rupiah), notes.
nlohmann::json ContributionJson(const ContributionResult& result);
nlohmann::json GapReportJson(const GapReport& report);

// CSV with a header: one line per contribution line, then a line
// `programme` = "total". Numbers in C locale.
std::string ContributionCsv(const ContributionResult& result);
// One line per row, the region itself last with is_total = 1.
std::string GapReportCsv(const GapReport& report);

// {"kind", "value", "numerator", "denominator"} of a gap target ("value"
// null for each region's own target).
nlohmann::json GapTargetJson(const GapTarget& t);

}  // namespace cakupan
