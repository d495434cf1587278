// What reading one input file produced besides its rows: counts, every
// rejected row with line, column and reason, warnings, and the file's hash.
// Invariant: rows_read == accepted + rejected.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cakupan {

struct Rejection {
  int64_t line = 0;     // 1-based physical line where the record starts (header = line 1)
  std::string column;   // header text as written in the file ("" for the whole row)
  std::string reason;   // human-readable, current language
  std::string value;    // offending value; NIKs masked, names omitted (personal data)
};

struct Warning {
  int64_t line = 0;
  std::string column;
  std::string message;
};

struct ReadReport {
  std::string file_name;   // base name
  // 16 lowercase hex digits: the content hash of the raw bytes, "FNV-1a/64x4,
  // chunked" (defined in ingest/content_hash.h and docs/data-formats.md; the
  // same bytes give the same value whatever the thread count).
  std::string file_hash;
  char delimiter = ',';    // detected: ',', ';' or '\t'
  bool had_bom = false;
  int64_t rows_read = 0;   // data records, header excluded, blank lines skipped
  int64_t accepted = 0;
  int64_t rejected = 0;
  std::vector<Rejection> rejections;       // every rejected row (one entry per row)
  int64_t warning_count = 0;               // all warnings
  std::vector<Warning> warnings;           // the first kMaxStoredWarnings
  std::vector<std::string> ignored_columns;  // header cells not recognised
  static constexpr size_t kMaxStoredWarnings = 1000;

  void AddWarning(int64_t line, std::string column, std::string message) {
    ++warning_count;
    if (warnings.size() < kMaxStoredWarnings) warnings.push_back({line, std::move(column), std::move(message)});
  }
};

}  // namespace cakupan
