// Human-readable budget allocation (`cakupan plan`, the default table form)
// and its Excel workbook (`--format xlsx`, GET /api/plan?format=xlsx), in the
// current language with Indonesian formats ("Rp 999.936.000", "37,0%").
// Pure functions (the workbook: present/xlsx.h).
#pragma once

#include <string>

#include "base/status.h"
#include "planning/plan_report.h"

namespace cakupan {

// The summary, the rows before and after, the listed workers (the report's
// page) and the notes.
std::string RenderPlan(const PlanReport& report);

// Sheets: summary (with each funder's part), regions before and after, the
// listed workers with why each was chosen, definitions. Excel holds at most
// 1,048,576 rows a sheet: beyond kMaxXlsxWorkers workers the list is cut,
// with a note pointing to the CSV.
inline constexpr int64_t kMaxXlsxWorkers = 1'000'000;
Result<std::string> PlanReportXlsx(const PlanReport& report);

}  // namespace cakupan
