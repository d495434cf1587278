// Excel workbooks (libxlsxwriter) for downloads: a sheet per table with a
// title, notes, bold headers, frozen header row, and number formats Excel
// shows in the reader's locale (Indonesian Excel: 1.234.567 and 37,0%).
// libxlsxwriter writes files only, so WriteXlsx goes through a private
// temporary file that it removes. Thread-safe (no shared state).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "base/status.h"
#include "engine/breakdown.h"
#include "engine/coverage.h"

namespace cakupan {

enum class XlsxKind { kText, kCount, kPercent, kPoints, kRupiah };  // kRupiah: whole rupiah, "Rp 201.600"

struct XlsxColumn {
  std::string header;
  XlsxKind kind = XlsxKind::kText;
  double width = 14;
};

// Empty (absent figure), text, or a number (a fraction for kPercent).
using XlsxCell = std::variant<std::monostate, std::string, double>;

struct XlsxSheet {
  std::string name;                // at most 31 characters
  std::string title;               // first row, bold
  std::vector<std::string> notes;  // rows under the title
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<XlsxCell>> rows;
};

// The .xlsx file's bytes.
Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets);

// The coverage table (rows and the region's total) with a definitions sheet.
Result<std::string> CoverageReportXlsx(const CoverageReport& report);
Result<std::string> BreakdownXlsx(const Breakdown& breakdown);
// A sheet explaining every column, in the current language.
XlsxSheet DefinitionsSheet();

}  // namespace cakupan
