#include "ingest/row_part.h"

#include <fmt/format.h>

#include <cstdint>

#include "base/i18n.h"

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

Result<StringColumn> ConcatStringsDropping(const std::vector<StringColumn*>& cols,
                                           const std::vector<std::vector<uint32_t>>& drops, std::string_view what) {
  bool any_drop = false;
  for (const auto& d : drops) any_drop = any_drop || !d.empty();
  size_t rows = 0;
  uint64_t bytes = 0;
  for (size_t p = 0; p < cols.size(); ++p) {
    rows += cols[p]->size() - drops[p].size();
    bytes += cols[p]->byte_size();
    for (uint32_t d : drops[p]) bytes -= (*cols[p])[d].size();
  }
  if (bytes > UINT32_MAX) {
    return Status::DataError(std::string(what) + ": " +
                             Tr("more than 4 GiB of text in one column; split the file",
                                "teks satu kolom lebih dari 4 GiB; bagi berkasnya"));
  }
  if (!any_drop) {
    // Append to part 0's column (usually reserved for the whole file).
    StringColumn& out = *cols[0];
    out.reserve(rows, bytes);
    for (size_t p = 1; p < cols.size(); ++p) {
      const StringColumn& c = *cols[p];
      for (size_t i = 0; i < c.size(); ++i) out.push_back(c[i]);
      *cols[p] = StringColumn();
    }
    return std::move(out);
  }
  std::vector<uint32_t> offsets;
  offsets.reserve(rows + 1);
  offsets.push_back(0);
  std::string out;
  out.reserve(bytes);
  for (size_t p = 0; p < cols.size(); ++p) {
    const StringColumn& c = *cols[p];
    const std::vector<uint32_t>& off = c.offsets();
    const std::string& src = c.bytes();
    auto copy_rows = [&](size_t a, size_t b) {  // rows [a, b)
      if (a >= b) return;
      const uint32_t base = static_cast<uint32_t>(out.size()) - off[a];
      out.append(src, off[a], off[b] - off[a]);
      for (size_t i = a + 1; i <= b; ++i) offsets.push_back(off[i] + base);
    };
    size_t from = 0;
    for (uint32_t skip : drops[p]) {
      copy_rows(from, skip);
      from = skip + 1;
    }
    copy_rows(from, c.size());
    *cols[p] = StringColumn();
  }
  return StringColumn(std::move(offsets), std::move(out));
}

}  // namespace cakupan
