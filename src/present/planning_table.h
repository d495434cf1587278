// Human-readable planning output for terminals, in the current language:
// the rate table, a priced contribution (per programme and per payer) and the
// coverage gaps with their yearly cost, in Indonesian formats ("Rp 201.600",
// "37,0%"), with the rounding rule and definitions as footnotes. Also the
// gaps as an Excel workbook. Pure functions (the workbook: present/xlsx.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "domain/contribution_rate.h"
#include "planning/contribution.h"
#include "planning/gaps.h"

namespace cakupan {

// `in_force_on` = kNoDate: every row (the title says so).
std::string RenderRateTable(const std::vector<ContributionRate>& rows, Date in_force_on);
std::string RenderContribution(const ContributionResult& result);
std::string RenderGapTable(const GapReport& report);
// "Bengkulu: +N workers to reach 39%, Rp X per year" for the region as a
// whole; "" when it has no gap figure.
std::string GapSentence(const GapReport& report);

// Sheets: the gaps (rows and the region), the price of one worker-year
// (per programme and payer), and the definitions.
Result<std::string> GapReportXlsx(const GapReport& report);

}  // namespace cakupan
