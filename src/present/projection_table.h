// Human-readable projection (planning/projection.h) for terminals, in the
// current language: per region, the pace of active participants, the month
// the target is reached at that pace ("Mei 2027"), and what is needed a
// month to reach it by a date, with the method as footnotes. Also as an
// Excel workbook. Pure functions (the workbook: present/xlsx.h).
#pragma once

#include <string>

#include "base/status.h"
#include "planning/projection.h"

namespace cakupan {

std::string RenderProjectionTable(const ProjectionReport& report);
// One sentence for the region as a whole: "Bengkulu: at the present pace
// (+N active participants a month) 39% is reached in May 2027; to reach it
// by December 2026 it needs +M a month."
std::string ProjectionSentence(const ProjectionReport& report);
// Sheets: the projection (rows and the region), the series of active
// participants per period, and the definitions.
Result<std::string> ProjectionReportXlsx(const ProjectionReport& report);

}  // namespace cakupan
