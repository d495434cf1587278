#include "ingest/row_part.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "base/i18n.h"
#include "ingest/page_advice.h"

namespace cakupan {

ScanConfig MakeScanConfig(const ReadOptions& options) {
  ScanConfig c;
  c.threads = options.threads;
  c.block_bytes = options.block_bytes;
  c.min_bytes_per_thread = options.min_bytes_per_thread;
  c.max_rejections = options.max_rejections;
  return c;
}

std::string ReadingLabel(const std::string& file_name) {
  return Tr("reading ", "membaca ") + file_name;
}

DuplicatePhase::DuplicatePhase(Progress& progress, const std::string& file_name) : progress_(progress) {
  progress_.Begin(Tr("checking duplicates in ", "memeriksa duplikat ") + file_name, 0);
}

void WarnIgnoredColumns(const CsvSource& source, const HeaderMap& map, ReadReport* report) {
  report->ignored_columns = map.ignored;
  for (const std::string& col : map.ignored)
    report->AddWarning(source.header_line, col, Tr("column not recognised, ignored", "kolom tidak dikenal, diabaikan"));
}

Status CheckHasRows(const CsvSource& source, const ReadReport& report) {
  if (report.rows_read > 0) return Status::Ok();
  return Status::DataError(source.file_name + ": " +
                           Tr("the file has a header but no data rows", "berkas hanya berisi baris judul, tanpa data"));
}

bool RowPart::BeginRow(const CsvRecord& r) {
  ++diag.rows_read;
  pending_.clear();
  if (r.fields.size() > map_.field_count()) {
    size_t used = r.fields.size();
    while (used > map_.field_count() && r.fields[used - 1].empty()) --used;
    if (used > map_.field_count()) {
      Reject(r, -1,
             fmt::format(fmt::runtime(Tr("more columns than the header ({} > {})",
                                         "kolom lebih banyak dari header ({} > {})")),
                         used, map_.field_count()),
             "");
      return false;
    }
  }
  if (r.unterminated_quote) {
    Reject(r, -1,
           Tr("a quote is not closed before the end of the file", "tanda kutip tidak ditutup sampai akhir berkas"),
           "");
    return false;
  }
  return true;
}

void TextColumnBuilder::reserve(size_t rows, size_t bytes) {
  offsets_.reserve(rows + 1);
  bytes_.reserve(bytes);
}

Status CheckTextSize(const std::vector<TextColumnBuilder*>& parts, std::string_view what) {
  uint64_t bytes = 0;
  for (const TextColumnBuilder* p : parts) bytes += p->byte_size();
  if (bytes < UINT32_MAX) return Status::Ok();
  return Status::DataError(std::string(what) + ": " +
                           Tr("more than 4 GiB of text in one column; split the file",
                              "teks satu kolom lebih dari 4 GiB; bagi berkasnya"));
}

Result<StringColumn> ConcatText(const std::vector<TextColumnBuilder*>& parts, std::string_view what) {
  CAKUPAN_RETURN_IF_ERROR(CheckTextSize(parts, what));
  std::vector<uint32_t>& offsets = parts[0]->offsets_;
  std::string& bytes = parts[0]->bytes_;
  size_t rows = 0, total = 0;
  for (const TextColumnBuilder* p : parts) {
    rows += p->size();
    total += p->byte_size();
  }
  if (offsets.capacity() < rows + 1) offsets.reserve(rows + 1);
  if (bytes.capacity() < total) bytes.reserve(total);
  for (size_t k = 1; k < parts.size(); ++k) {
    TextColumnBuilder& p = *parts[k];
    const uint32_t base = static_cast<uint32_t>(bytes.size());
    constexpr size_t kStep = size_t{2} << 20;  // bytes released at a time
    for (size_t at = 0; at < p.bytes_.size(); at += kStep) {
      const size_t n = std::min(kStep, p.bytes_.size() - at);
      bytes.append(p.bytes_.data() + at, n);
      ReleasePages(p.bytes_.data() + at, n);
    }
    constexpr size_t kRowStep = kStep / sizeof(uint32_t);
    for (size_t at = 0; at < p.size(); at += kRowStep) {  // rows [at, at + n) of part p
      const size_t n = std::min(kRowStep, p.size() - at);
      for (size_t i = at; i < at + n; ++i) offsets.push_back(p.offsets_[i + 1] + base);  // (no resize: it would touch every page first)
      ReleasePages(p.offsets_.data() + at + 1, n * sizeof(uint32_t));
    }
    p = TextColumnBuilder();
  }
  StringColumn out(std::move(offsets), std::move(bytes));
  *parts[0] = TextColumnBuilder();
  return out;
}

void EraseRows(StringColumn* col, const std::vector<uint32_t>& rows) {
  if (rows.empty()) return;
  const std::vector<uint32_t>& off = col->offsets();
  const std::string& src = col->bytes();
  std::vector<uint32_t> offsets;
  offsets.reserve(col->size() - rows.size() + 1);
  offsets.push_back(0);
  std::string bytes;
  auto copy_rows = [&](size_t a, size_t b) {  // rows [a, b)
    if (a >= b) return;
    const uint32_t base = static_cast<uint32_t>(bytes.size()) - off[a];
    bytes.append(src, off[a], off[b] - off[a]);
    for (size_t i = a + 1; i <= b; ++i) offsets.push_back(off[i] + base);
  };
  size_t from = 0;
  for (uint32_t skip : rows) {
    copy_rows(from, skip);
    from = skip + 1;
  }
  copy_rows(from, col->size());
  *col = StringColumn(std::move(offsets), std::move(bytes));
}

}  // namespace cakupan
