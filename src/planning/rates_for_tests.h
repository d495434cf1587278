// Test helpers (header only, used by *_test.cc): split CSV text into records
// with a small independent parser (RFC 4180 quotes, LF or CRLF), and load the
// shipped rate table data/tarif/iuran.csv through ParseRateFile and
// RateTable::Build — so that the hand-computed examples check today's values
// as shipped.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "planning/rate_file.h"
#include "planning/rate_table.h"

namespace cakupan::testing_rates {

// Records of `text`; the first is the header. Line numbers count from 1.
inline std::vector<RateFileRecord> SplitCsv(const std::string& text) {
  std::vector<RateFileRecord> out;
  RateFileRecord rec;
  std::string field;
  bool quoted = false, any = false;
  int64_t line = 1;
  rec.line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rec.fields.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        rec.fields.push_back(field);
        out.push_back(rec);
      }
      field.clear();
      rec = RateFileRecord{};
      any = false;
      rec.line = ++line;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (any || !field.empty()) {
    rec.fields.push_back(field);
    out.push_back(rec);
  }
  return out;
}

inline Result<ParsedRates> ParseCsvText(const std::string& name, const std::string& text) {
  std::vector<RateFileRecord> records = SplitCsv(text);
  if (records.empty()) return Status::DataError(name + ": empty");
  std::vector<std::string> header = records.front().fields;
  records.erase(records.begin());
  return ParseRateFile(name, header, records);
}

inline Result<RateTable> TableFromCsvText(const std::string& name, const std::string& text) {
  CAKUPAN_ASSIGN_OR_RETURN(ParsedRates parsed, ParseCsvText(name, text));
  return RateTable::Build(std::move(parsed.rows), parsed.labels);
}

inline std::string ShippedRatesPath() { return std::string(CAKUPAN_SOURCE_DIR) + "/data/tarif/iuran.csv"; }

inline Result<RateTable> ShippedRates() {
  std::ifstream in(ShippedRatesPath(), std::ios::binary);
  if (!in) return Status::IoError(ShippedRatesPath() + ": cannot open");
  std::stringstream text;
  text << in.rdbuf();
  return TableFromCsvText("iuran.csv", text.str());
}

}  // namespace cakupan::testing_rates
