// Buffered CSV output for the synthetic data generator: UTF-8 without BOM,
// comma-separated, LF line ends, a field quoted only when it contains a comma,
// a double quote or a line break (RFC 4180 doubling of quotes). Numbers and
// dates are formatted by hand: the generator writes up to ~10^8 rows.
//
// Owns its FILE; not copyable; not thread-safe. Write errors are remembered
// and reported by Close().
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"

namespace cakupan {

class CsvOut {
 public:
  CsvOut() = default;
  ~CsvOut();
  CsvOut(const CsvOut&) = delete;
  CsvOut& operator=(const CsvOut&) = delete;

  // Creates or truncates `path`. kIoError when it cannot be opened.
  Status Open(const std::string& path);
  // Flushes and closes; kIoError (naming the file) if any write failed.
  Status Close();
  const std::string& path() const { return path_; }

  // Each field call writes a separator first unless it starts a row.
  void Text(std::string_view s);             // quoted when needed
  void Raw(std::string_view s);              // caller guarantees no quoting needed
  void Uint(uint64_t v);
  void Padded(uint64_t v, int width);        // zero-padded, e.g. NIK (16), NPP (8)
  void IsoDate(Date d);                      // "1985-04-17"
  void Month(Period p);                      // "2024-11"
  void Empty();                              // an empty field
  void EndRow();

 private:
  void Sep() {
    if (!row_start_) buf_.push_back(',');
    row_start_ = false;
  }
  void MaybeFlush() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush();

  static constexpr size_t kFlushAt = 1 << 20;
  std::FILE* file_ = nullptr;
  std::string path_;
  std::string buf_;
  bool row_start_ = true;
  bool failed_ = false;
};

}  // namespace cakupan
