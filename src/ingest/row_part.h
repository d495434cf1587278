// Helpers shared by the row validators of every import kind: field access by
// canonical column, the record-shape check, rejections and warnings that
// name the column as written in the file, and the per-row pending warnings
// (kept only when the row is accepted). Also the reader context common to
// all kinds and the concatenation of per-part columns in file order.
#pragma once

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "domain/string_column.h"
#include "ingest/column_map.h"
#include "ingest/scan.h"
#include "ingest/readers.h"

namespace cakupan {

// ScanConfig from the reader options.
ScanConfig MakeScanConfig(const ReadOptions& options);
// "membaca pekerja.csv" / "reading pekerja.csv".
std::string ReadingLabel(const std::string& file_name);
// Warns (on the header line) about every ignored header cell.
void WarnIgnoredColumns(const CsvSource& source, const HeaderMap& map, ReadReport* report);
// kDataError "<file>: the file has a header but no data rows" when
// rows_read is 0.
Status CheckHasRows(const CsvSource& source, const ReadReport& report);

class RowPart : public ScanPart {
 public:
  RowPart(const HeaderMap& map, std::atomic<int64_t>* shared_rejections)
      : ScanPart(shared_rejections), map_(map) {}

 protected:
  std::string_view Field(const CsvRecord& r, int spec) const {
    const int f = map_.field_of[spec];
    return f >= 0 && static_cast<size_t>(f) < r.fields.size() ? r.fields[f] : std::string_view();
  }
  const std::string& Col(int spec) const { return map_.text(spec); }

  // Counts the row and rejects it when it has more non-empty fields than
  // the header or ends inside a quote. Returns true when the row may go on.
  bool BeginRow(const CsvRecord& r);
  void Reject(const CsvRecord& r, int spec, std::string reason, std::string value) {
    pending_.clear();
    diag.Reject(r.line, spec < 0 ? std::string() : Col(spec), std::move(reason), std::move(value));
  }
  // A warning kept only if the row is accepted (AcceptRow).
  void PendWarning(int spec, std::string message) { pending_.push_back({spec, std::move(message)}); }
  void AcceptRow(const CsvRecord& r) {
    for (Pending& p : pending_) diag.Warn(r.line, p.spec < 0 ? std::string() : Col(p.spec), std::move(p.message));
    pending_.clear();
  }

  const HeaderMap& map_;

 private:
  struct Pending {
    int spec;
    std::string message;
  };
  std::vector<Pending> pending_;
};

// Concatenates per-part columns in part order, leaving out the rows listed
// in drops[p] (sorted ascending). Part 0's column becomes the result: it is
// compacted in place and the other parts are appended to it (ScanCsv asks
// part 0 to reserve room for the whole file, so this rarely reallocates);
// each other part's column is freed once appended.
template <typename T>
std::vector<T> ConcatDropping(const std::vector<std::vector<T>*>& cols, const std::vector<std::vector<uint32_t>>& drops) {
  std::vector<T>& out = *cols[0];
  if (!drops[0].empty()) {
    size_t write = drops[0][0];
    for (size_t k = 0; k < drops[0].size(); ++k) {
      const size_t from = drops[0][k] + 1;
      const size_t to = k + 1 < drops[0].size() ? drops[0][k + 1] : out.size();
      for (size_t i = from; i < to; ++i) out[write++] = std::move(out[i]);
    }
    out.resize(write);
  }
  size_t total = out.size();
  for (size_t p = 1; p < cols.size(); ++p) total += cols[p]->size() - drops[p].size();
  if (out.capacity() < total) out.reserve(total);
  for (size_t p = 1; p < cols.size(); ++p) {
    const std::vector<T>& v = *cols[p];
    size_t from = 0;
    for (uint32_t skip : drops[p]) {
      out.insert(out.end(), v.begin() + from, v.begin() + skip);
      from = skip + 1;
    }
    out.insert(out.end(), v.begin() + from, v.end());
    std::vector<T>().swap(*cols[p]);
  }
  return std::move(out);
}

// Same for string columns. kDataError when the result would pass the 4 GiB
// limit of a StringColumn.
Result<StringColumn> ConcatStringsDropping(const std::vector<StringColumn*>& cols,
                                           const std::vector<std::vector<uint32_t>>& drops,
                                           std::string_view what);

}  // namespace cakupan
