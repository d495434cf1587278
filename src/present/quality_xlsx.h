// The data-quality report and a village's findings as Excel workbooks
// (present/xlsx.h): the regions sheet, the whole region's checks, and a
// sheet explaining every check. NIKs and names masked. Thread-safe.
#pragma once

#include <string>

#include "base/status.h"
#include "engine/quality.h"

namespace cakupan {

Result<std::string> QualityReportXlsx(const QualityReport& report);
Result<std::string> QualityDetailsXlsx(const QualityDetails& details);

}  // namespace cakupan
