// ReadTargetsCsv: coverage targets per region and year (target.csv).
#include <fmt/format.h>

#include <map>

#include "base/i18n.h"
#include "base/strings.h"
#include "ingest/field_parsers.h"
#include "ingest/readers.h"
#include "ingest/row_part.h"
#include "ingest/validation.h"

namespace cakupan {

namespace {

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;

class TargetPart final : public RowPart {
 public:
  TargetPart(const HeaderMap& map, const RegionTable& regions, std::atomic<int64_t>* shared)
      : RowPart(map, shared), regions_(regions) {}

  void OnRecord(const CsvRecord& r) override {
    if (!BeginRow(r)) return;
    TargetRecord rec;
    const std::string_view code_text = TrimFast(Field(r, kTKode));
    std::optional<RegionCode> code;
    if (std::string reason = CheckRegionCode(code_text, &code); !reason.empty())
      return Reject(r, kTKode, std::move(reason), ReportValue(code_text));
    if (regions_.Find(*code) == RegionTable::kNotFound)
      return Reject(r, kTKode, UnknownRegionReason(*code), ReportValue(code_text));
    rec.region = *code;

    const std::string_view year_text = TrimFast(Field(r, kTTahun));
    const std::optional<uint64_t> year = ParseDigits(year_text);
    if (!year || *year < kMinYear || *year > kMaxYear) {
      return Reject(r, kTTahun,
                    fmt::format(fmt::runtime(Tr("year must be {}-{}", "tahun harus {}-{}")), kMinYear, kMaxYear),
                    ReportValue(year_text));
    }
    rec.year = static_cast<int>(*year);

    const std::string_view target_text = TrimFast(Field(r, kTTarget));
    const std::optional<double> target = ParseTargetFraction(target_text);
    if (!target) {
      return Reject(r, kTTarget,
                    Tr("not a percentage (e.g. 40%, 40,5% or 0,405)", "bukan persentase (contoh 40%, 40,5% atau 0,405)"),
                    ReportValue(target_text));
    }
    if (!(*target > 0.0 && *target <= 1.0)) {
      return Reject(r, kTTarget,
                    Tr("target must be more than 0% and at most 100%", "target harus lebih dari 0% dan paling tinggi 100%"),
                    ReportValue(target_text));
    }
    rec.target = *target;
    rows.push_back(rec);
    lines.push_back(r.line);
    AcceptRow(r);
  }
  void ShiftLines(int64_t delta) override {
    for (int64_t& l : lines) l += delta;
  }

  std::vector<TargetRecord> rows;
  std::vector<int64_t> lines;

 private:
  const RegionTable& regions_;
};

}  // namespace

Result<TargetBatch> ReadTargetsCsv(const std::string& path, const ReadOptions& options, Progress& progress) {
  if (options.regions == nullptr) return Status::InvalidArgument("ReadTargetsCsv: ReadOptions::regions is null");
  Result<std::unique_ptr<CsvSource>> opened = OpenCsvSource(path, options.block_bytes);
  if (!opened.ok()) return opened.status();
  CsvSource& src = **opened;
  const std::vector<std::string_view> cells(src.header.begin(), src.header.end());
  Result<HeaderMap> mapped = MapHeader(src.file_name, cells, TargetColumns());
  if (!mapped.ok()) return mapped.status();
  const HeaderMap& map = *mapped;

  TargetBatch batch;
  WarnIgnoredColumns(src, map, &batch.report);
  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<TargetPart>(map, *options.regions, shared);
  };
  Result<ScanResult> scanned = ScanCsv(src, MakeScanConfig(options), ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  ScanResult& scan = *scanned;
  MergeDiagnostics(src, scan, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(CheckHasRows(src, batch.report));

  std::map<std::pair<uint64_t, int>, int64_t> first_line;
  for (auto& p : scan.parts) {
    auto* part = static_cast<TargetPart*>(p.get());
    for (size_t i = 0; i < part->rows.size(); ++i) {
      const TargetRecord& rec = part->rows[i];
      auto [it, fresh] = first_line.emplace(std::make_pair(rec.region.packed(), rec.year), part->lines[i]);
      if (!fresh) {
        batch.report.rejections.push_back({part->lines[i], map.text(kTKode),
                                           DuplicateReason(Tr("region and year", "wilayah dan tahun"), it->second),
                                           rec.region.ToString() + " " + std::to_string(rec.year)});
        continue;
      }
      batch.rows.push_back(rec);
    }
  }
  FinishReport(static_cast<int64_t>(batch.rows.size()), &batch.report);
  return batch;
}

}  // namespace cakupan
