// ReadRegionsCsv: the Kemendagri region list (wilayah.csv).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "base/i18n.h"
#include "base/strings.h"
#include "ingest/field_parsers.h"
#include "ingest/readers.h"
#include "ingest/row_part.h"
#include "ingest/validation.h"

namespace cakupan {

namespace {

class RegionPart final : public RowPart {
 public:
  using RowPart::RowPart;

  void OnRecord(const CsvRecord& r) override {
    if (!BeginRow(r)) return;
    const std::string_view code_text = TrimFast(Field(r, kRegKode));
    std::optional<RegionCode> code;
    if (std::string reason = CheckRegionCode(code_text, &code); !reason.empty())
      return Reject(r, kRegKode, std::move(reason), ReportValue(code_text));
    if (*code == RegionCode::National()) {
      return Reject(r, kRegKode,
                    Tr("the national root (0) is built in and cannot be imported",
                       "akar nasional (0) sudah tersedia dan tidak diimpor"),
                    ReportValue(code_text));
    }
    const std::string_view name = CleanText(Field(r, kRegNama), &scratch_);
    if (name.empty()) return Reject(r, kRegNama, Tr("region name is empty", "nama wilayah kosong"), "");
    if (!IsValidUtf8Fast(name)) return Reject(r, kRegNama, NotUtf8Reason(), ReportValue(name));
    if (name.size() > kMaxNameBytes) {
      return Reject(r, kRegNama,
                    fmt::format(fmt::runtime(Tr("name longer than {} bytes", "nama lebih dari {} byte")), kMaxNameBytes),
                    ReportValue(name));
    }
    rows.push_back({*code, std::string(name)});
    lines.push_back(r.line);
    AcceptRow(r);
  }
  void ShiftLines(int64_t delta) override {
    for (int64_t& l : lines) l += delta;
  }

  std::vector<RegionRecord> rows;
  std::vector<int64_t> lines;

 private:
  std::string scratch_;
};

}  // namespace

Result<RegionBatch> ReadRegionsCsv(const std::string& path, const ReadOptions& options, Progress& progress) {
  Result<std::unique_ptr<CsvSource>> opened = OpenCsvSource(path, options.block_bytes);
  if (!opened.ok()) return opened.status();
  CsvSource& src = **opened;
  const std::vector<std::string_view> cells(src.header.begin(), src.header.end());
  Result<HeaderMap> mapped = MapHeader(src.file_name, cells, RegionColumns());
  if (!mapped.ok()) return mapped.status();
  const HeaderMap& map = *mapped;

  RegionBatch batch;
  WarnIgnoredColumns(src, map, &batch.report);
  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<RegionPart>(map, shared);
  };
  Result<ScanResult> scanned = ScanCsv(src, MakeScanConfig(options), ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  ScanResult& scan = *scanned;
  MergeDiagnostics(src, scan, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(CheckHasRows(src, batch.report));

  // All rows in file order.
  std::vector<RegionRecord> rows;
  std::vector<int64_t> lines;
  for (auto& p : scan.parts) {
    auto* part = static_cast<RegionPart*>(p.get());
    std::move(part->rows.begin(), part->rows.end(), std::back_inserter(rows));
    lines.insert(lines.end(), part->lines.begin(), part->lines.end());
  }
  std::vector<bool> dropped(rows.size(), false);

  // A code seen earlier: the later row goes.
  std::unordered_map<uint64_t, int64_t> first_line;
  first_line.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    auto [it, fresh] = first_line.emplace(rows[i].code.packed(), lines[i]);
    if (fresh) continue;
    dropped[i] = true;
    batch.report.rejections.push_back({lines[i], map.text(kRegKode),
                                       DuplicateReason(Tr("region code", "kode wilayah"), it->second),
                                       rows[i].code.ToString()});
  }

  // Parents must be in the file or already known. Walking in code order
  // meets a parent before its children, so a rejected parent takes its
  // children with it.
  std::vector<uint32_t> order;
  order.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    if (!dropped[i]) order.push_back(static_cast<uint32_t>(i));
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return rows[a].code < rows[b].code; });
  std::unordered_set<uint64_t> present;
  present.reserve(order.size());
  for (uint32_t i : order) present.insert(rows[i].code.packed());
  for (uint32_t i : order) {
    const RegionCode parent = rows[i].code.Parent();
    const bool known = parent == RegionCode::National() || present.count(parent.packed()) > 0 ||
                       (options.regions != nullptr && options.regions->Find(parent) != RegionTable::kNotFound);
    if (known) continue;
    dropped[i] = true;
    present.erase(rows[i].code.packed());
    batch.report.rejections.push_back(
        {lines[i], map.text(kRegKode),
         fmt::format(fmt::runtime(Tr("parent region {} does not exist", "wilayah induk {} tidak ada")), parent.ToString()),
         rows[i].code.ToString()});
  }

  for (size_t i = 0; i < rows.size(); ++i)
    if (!dropped[i]) batch.rows.push_back(std::move(rows[i]));
  FinishReport(static_cast<int64_t>(batch.rows.size()), &batch.report);
  return batch;
}

}  // namespace cakupan
