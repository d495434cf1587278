// Helpers shared by the row validators of every import kind: field access by
// canonical column, the record-shape check, rejections and warnings that
// name the column as written in the file, and the per-row pending warnings
// (kept only when the row is accepted). Also the reader context common to
// all kinds and the concatenation of per-part columns in file order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <future>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/string_column.h"
#include "ingest/column_map.h"
#include "ingest/page_advice.h"
#include "ingest/scan.h"
#include "ingest/readers.h"

namespace cakupan {

// ScanConfig from the reader options.
ScanConfig MakeScanConfig(const ReadOptions& options);
// "membaca pekerja.csv" / "reading pekerja.csv".
std::string ReadingLabel(const std::string& file_name);
// The progress phase of the work after the scan (the duplicate check and
// the assembly of the columns): begun by the constructor ("memeriksa
// duplikat pekerja.csv" / "checking duplicates in pekerja.csv", no total)
// and ended by the destructor, so that --timings shows it apart from the
// read.
class DuplicatePhase {
 public:
  DuplicatePhase(Progress& progress, const std::string& file_name);
  ~DuplicatePhase() { progress_.End(); }
  DuplicatePhase(const DuplicatePhase&) = delete;
  DuplicatePhase& operator=(const DuplicatePhase&) = delete;

 private:
  Progress& progress_;
};

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

// A string column under construction in one part: the bytes and the end
// offsets (uint32, as in StringColumn; the 4 GiB limit is checked by
// ConcatText before anything reads past it). Cheaper to append to than a
// StringColumn, and concatenated in bulk.
class TextColumnBuilder {
 public:
  TextColumnBuilder() : offsets_{0} {}
  void push_back(std::string_view s) {
    bytes_.append(s.data(), s.size());
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  void reserve(size_t rows, size_t bytes);
  size_t size() const { return offsets_.size() - 1; }
  size_t byte_size() const { return bytes_.size(); }
  std::string_view operator[](size_t i) const {
    return std::string_view(bytes_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]);
  }

 private:
  friend Result<StringColumn> ConcatText(const std::vector<TextColumnBuilder*>& parts, std::string_view what);
  std::vector<uint32_t> offsets_;
  std::string bytes_;
};

// kDataError naming `what` when the parts hold 4 GiB of text or more
// together (a StringColumn's limit). Check before reading the parts'
// strings: past the limit their offsets have wrapped.
Status CheckTextSize(const std::vector<TextColumnBuilder*>& parts, std::string_view what);
// The parts' strings in part order as one column (part 0's buffers are
// reused; the others are freed once appended). kDataError as CheckTextSize.
Result<StringColumn> ConcatText(const std::vector<TextColumnBuilder*>& parts, std::string_view what);

// Appends *src to *out, which must have room for it, and frees *src; the
// pages of *src already copied are released on the way, so that the two
// copies never coexist in memory.
template <typename T>
void AppendReleasing(std::vector<T>* out, std::vector<T>* src) {
  static_assert(std::is_trivially_copyable_v<T>);
  constexpr size_t kStep = (size_t{2} << 20) / sizeof(T);  // 2 MiB at a time
  const size_t n = src->size();
  for (size_t at = 0; at < n; at += kStep) {
    const size_t k = std::min(kStep, n - at);
    out->insert(out->end(), src->begin() + static_cast<ptrdiff_t>(at), src->begin() + static_cast<ptrdiff_t>(at + k));
    ReleasePages(src->data() + at, k * sizeof(T));
  }
  std::vector<T>().swap(*src);
}

// Concatenates per-part columns in part order. Part 0's column becomes the
// result and the others are appended to it (ScanCsv asks part 0 to reserve
// room for the whole file, so this rarely reallocates); each other part's
// column is released as it is copied (AppendReleasing).
template <typename T>
std::vector<T> ConcatColumns(const std::vector<std::vector<T>*>& cols) {
  std::vector<T>& out = *cols[0];
  size_t total = 0;
  for (const std::vector<T>* c : cols) total += c->size();
  if (out.capacity() < total) out.reserve(total);
  for (size_t p = 1; p < cols.size(); ++p) AppendReleasing(&out, cols[p]);
  return std::move(out);
}

// Runs `beside` on another thread (on this one, after `here`, when
// `parallel` is false) while this thread runs `here`; returns both results
// once both are done. An exception from either is rethrown after both have
// finished.
template <typename Beside, typename Here>
auto RunBeside(bool parallel, Beside&& beside, Here&& here) {
  auto other = std::async(parallel ? std::launch::async : std::launch::deferred, std::forward<Beside>(beside));
  auto mine = here();  // if this throws, `other`'s destructor waits for it
  return std::make_pair(other.get(), std::move(mine));
}

// Removes the rows listed in `rows` (ascending) from a column.
template <typename T>
void EraseRows(std::vector<T>* col, const std::vector<uint32_t>& rows) {
  if (rows.empty()) return;
  std::vector<T>& v = *col;
  size_t write = rows[0];
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t from = rows[k] + 1;
    const size_t to = k + 1 < rows.size() ? rows[k + 1] : v.size();
    for (size_t i = from; i < to; ++i) v[write++] = std::move(v[i]);
  }
  v.resize(write);
}
void EraseRows(StringColumn* col, const std::vector<uint32_t>& rows);

// The same column of every part: PartColumns(parts, &Part::member), or
// PartColumns(parts, &Part::table, &Table::member).
template <typename Part, typename Column>
std::vector<Column*> PartColumns(const std::vector<Part*>& parts, Column Part::*member) {
  std::vector<Column*> v;
  for (Part* p : parts) v.push_back(&(p->*member));
  return v;
}
template <typename Part, typename Table, typename Column>
std::vector<Column*> PartColumns(const std::vector<Part*>& parts, Table Part::*table, Column Table::*member) {
  std::vector<Column*> v;
  for (Part* p : parts) v.push_back(&((p->*table).*member));
  return v;
}

}  // namespace cakupan
