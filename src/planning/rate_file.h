// The rate-table file: CSV records (already split into fields by the
// caller's CSV reader) into ContributionRate rows, and rows back into CSV
// that imports again unchanged. The format — columns, units, aliases, an
// example — is in docs/data-formats.md ("Contribution rates"); today's
// values ship as data/tarif/iuran.csv.
//
// Parsing is all or nothing: every problem is reported with the file name,
// line and column ("iuran.csv line 7, column rate_percent: ..."), up to 20
// of them, and no row is returned. Overlaps between rows are checked later
// by RateTable::Build. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/contribution_rate.h"

namespace cakupan {

// Canonical column names, in file order:
// programme, segment, risk_class, basis, rate_percent, amount, employer,
// worker, government, recomposed, base_min, base_cap, base_from, base_to,
// effective_from, effective_to, regulation, note.
const std::vector<std::string>& RateFileColumns();

struct RateFileRecord {
  int64_t line = 0;                 // physical line in the file
  std::vector<std::string> fields;  // as read, one per header cell
};

struct ParsedRates {
  std::vector<ContributionRate> rows;  // file order
  std::vector<std::string> labels;     // "iuran.csv line 7" per row
};

// `header` is the first record. kDataError for a header that lacks a
// required column, names one twice or has an unknown one; kInvalidArgument
// listing the bad cells otherwise; kDataError when there is no data row.
Result<ParsedRates> ParseRateFile(std::string_view file_name, const std::vector<std::string>& header,
                                  const std::vector<RateFileRecord>& records);

// The rows as a CSV file in canonical columns (',' separated, '.' decimals,
// plain rupiah digits, ISO dates), header first.
std::string RateFileCsv(const std::vector<ContributionRate>& rows);

}  // namespace cakupan
