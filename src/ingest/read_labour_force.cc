// ReadLabourForceCsv: employed persons per region and period, the
// labour-force denominator (angkatan-kerja.csv).
#include <fmt/format.h>

#include <map>

#include "base/format_id.h"
#include "base/i18n.h"
#include "base/strings.h"
#include "ingest/field_parsers.h"
#include "ingest/readers.h"
#include "ingest/row_part.h"
#include "ingest/validation.h"

namespace cakupan {

namespace {

constexpr size_t kMaxSourceBytes = 200;

std::string BadCountReason() {
  return Tr("not a whole number (e.g. 1234567, 1.234.567 or 1,234,567)",
            "bukan bilangan bulat (contoh 1234567, 1.234.567 atau 1,234,567)");
}

class LabourForcePart final : public RowPart {
 public:
  LabourForcePart(const HeaderMap& map, const RegionTable& regions, std::atomic<int64_t>* shared)
      : RowPart(map, shared), regions_(regions) {}

  void OnRecord(const CsvRecord& r) override {
    if (!BeginRow(r)) return;
    LabourForceRecord rec;
    const std::string_view code_text = TrimFast(Field(r, kLKode));
    std::optional<RegionCode> code;
    if (std::string reason = CheckRegionCode(code_text, &code); !reason.empty())
      return Reject(r, kLKode, std::move(reason), ReportValue(code_text));
    if (regions_.Find(*code) == RegionTable::kNotFound)
      return Reject(r, kLKode, UnknownRegionReason(*code), ReportValue(code_text));
    rec.region = *code;

    const std::string_view period_text = TrimFast(Field(r, kLPeriode));
    const std::optional<Period> period = Period::Parse(period_text);
    if (!period) return Reject(r, kLPeriode, BadPeriodReason(), ReportValue(period_text));
    rec.period = *period;

    const std::string_view employed_text = TrimFast(Field(r, kLBekerja));
    const std::optional<int64_t> employed = ParseCount(employed_text);
    if (!employed) return Reject(r, kLBekerja, BadCountReason(), ReportValue(employed_text));
    if (*employed <= 0) {
      return Reject(r, kLBekerja, Tr("employed must be more than 0", "jumlah bekerja harus lebih dari 0"),
                    ReportValue(employed_text));
    }
    rec.employed = *employed;

    for (int spec : {kLFormal, kLInformal}) {
      const std::string_view text = TrimFast(Field(r, spec));
      if (text.empty()) continue;
      const std::optional<int64_t> v = ParseCount(text);
      if (!v) return Reject(r, spec, BadCountReason(), ReportValue(text));
      if (*v > rec.employed) {
        return Reject(r, spec,
                      fmt::format(fmt::runtime(Tr("more than the employed total ({})", "lebih dari jumlah bekerja ({})")),
                                  FormatCount(rec.employed)),
                      ReportValue(text));
      }
      (spec == kLFormal ? rec.formal : rec.informal) = *v;
    }
    if (rec.formal >= 0 && rec.informal >= 0 && rec.formal + rec.informal != rec.employed) {
      return Reject(r, kLInformal,
                    fmt::format(fmt::runtime(Tr("formal + informal = {} but employed = {}",
                                                "formal + informal = {} padahal bekerja = {}")),
                                FormatCount(rec.formal + rec.informal), FormatCount(rec.employed)),
                    ReportValue(Field(r, kLInformal)));
    }

    const std::string_view source = CleanText(Field(r, kLSumber), &scratch_);
    if (!IsValidUtf8Fast(source)) return Reject(r, kLSumber, NotUtf8Reason(), ReportValue(source));
    if (source.size() > kMaxSourceBytes) {
      return Reject(r, kLSumber,
                    fmt::format(fmt::runtime(Tr("source longer than {} bytes", "sumber lebih dari {} byte")), kMaxSourceBytes),
                    ReportValue(source));
    }
    rec.source = std::string(source);
    rows.push_back(std::move(rec));
    lines.push_back(r.line);
    AcceptRow(r);
  }
  void ShiftLines(int64_t delta) override {
    for (int64_t& l : lines) l += delta;
  }

  std::vector<LabourForceRecord> rows;
  std::vector<int64_t> lines;

 private:
  const RegionTable& regions_;
  std::string scratch_;
};

}  // namespace

Result<LabourForceBatch> ReadLabourForceCsv(const std::string& path, const ReadOptions& options, Progress& progress) {
  if (options.regions == nullptr) return Status::InvalidArgument("ReadLabourForceCsv: ReadOptions::regions is null");
  Result<std::unique_ptr<CsvSource>> opened = OpenCsvSource(path, options.block_bytes);
  if (!opened.ok()) return opened.status();
  CsvSource& src = **opened;
  const std::vector<std::string_view> cells(src.header.begin(), src.header.end());
  Result<HeaderMap> mapped = MapHeader(src.file_name, cells, LabourForceColumns());
  if (!mapped.ok()) return mapped.status();
  const HeaderMap& map = *mapped;

  LabourForceBatch batch;
  WarnIgnoredColumns(src, map, &batch.report);
  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<LabourForcePart>(map, *options.regions, shared);
  };
  Result<ScanResult> scanned = ScanCsv(src, MakeScanConfig(options), ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  ScanResult& scan = *scanned;
  MergeDiagnostics(src, scan, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(CheckHasRows(src, batch.report));

  std::map<std::pair<uint64_t, int32_t>, int64_t> first_line;
  for (auto& p : scan.parts) {
    auto* part = static_cast<LabourForcePart*>(p.get());
    for (size_t i = 0; i < part->rows.size(); ++i) {
      LabourForceRecord& rec = part->rows[i];
      auto [it, fresh] = first_line.emplace(std::make_pair(rec.region.packed(), rec.period.index()), part->lines[i]);
      if (!fresh) {
        batch.report.rejections.push_back(
            {part->lines[i], map.text(kLKode),
             DuplicateReason(Tr("region and period", "wilayah dan periode"), it->second),
             rec.region.ToString() + " " + rec.period.ToString()});
        continue;
      }
      batch.rows.push_back(std::move(rec));
    }
  }
  FinishReport(static_cast<int64_t>(batch.rows.size()), &batch.report);
  return batch;
}

}  // namespace cakupan
