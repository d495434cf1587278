// ReadPopulationCsv: the population reference file (penduduk.csv).
#include <fmt/format.h>

#include "base/i18n.h"
#include "base/strings.h"
#include "ingest/field_parsers.h"
#include "ingest/readers.h"
#include "ingest/row_part.h"
#include "ingest/validation.h"

namespace cakupan {

namespace {

// A reference file has no rejects file: the first bad row fails the read.
class PopulationPart final : public RowPart {
 public:
  PopulationPart(const HeaderMap& map, const RegionTable& regions, std::atomic<int64_t>* shared)
      : RowPart(map, shared), regions_(regions) {}

  void OnRecord(const CsvRecord& r) override {
    if (!BeginRow(r)) return;
    const std::string_view code_text = TrimFast(Field(r, kPKode));
    std::optional<RegionCode> code;
    if (std::string reason = CheckRegionCode(code_text, &code); !reason.empty())
      return Reject(r, kPKode, std::move(reason), ReportValue(code_text));
    PopulationRecord rec;
    rec.region = *code;
    int64_t* const targets[] = {&rec.male, &rec.female, &rec.total};
    const int specs[] = {kPPria, kPWanita, kPTotal};
    bool given[3] = {false, false, false};
    for (int k = 0; k < 3; ++k) {
      const std::string_view text = TrimFast(Field(r, specs[k]));
      if (text.empty()) continue;
      const std::optional<int64_t> v = ParseCount(text);
      if (!v) {
        return Reject(r, specs[k], Tr("not a whole number (e.g. 1.234.567)", "bukan bilangan bulat (contoh 1.234.567)"),
                      ReportValue(text));
      }
      *targets[k] = *v;
      given[k] = true;
    }
    if (!given[2]) {
      if (!given[0] || !given[1]) {
        return Reject(r, kPTotal, Tr("total is empty and cannot be computed", "total kosong dan tidak dapat dihitung"), "");
      }
      rec.total = rec.male + rec.female;
    }
    if (regions_.Find(rec.region) == RegionTable::kNotFound) {
      ++skipped;  // not a region we know: neither a row nor a problem
      return;
    }
    rows.push_back(rec);
    AcceptRow(r);
  }

  std::vector<PopulationRecord> rows;
  int64_t skipped = 0;

 private:
  const RegionTable& regions_;
};

}  // namespace

Result<std::vector<PopulationRecord>> ReadPopulationCsv(const std::string& path, const ReadOptions& options) {
  if (options.regions == nullptr) return Status::InvalidArgument("ReadPopulationCsv: ReadOptions::regions is null");
  Result<std::unique_ptr<CsvSource>> opened = OpenCsvSource(path, options.block_bytes);
  if (!opened.ok()) return opened.status();
  CsvSource& src = **opened;
  const std::vector<std::string_view> cells(src.header.begin(), src.header.end());
  Result<HeaderMap> mapped = MapHeader(src.file_name, cells, PopulationColumns());
  if (!mapped.ok()) return mapped.status();
  const HeaderMap& map = *mapped;
  if (!map.has(kPTotal) && !(map.has(kPPria) && map.has(kPWanita)))
    return MissingColumnError(src.file_name, PopulationColumns()[kPTotal]);

  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<PopulationPart>(map, *options.regions, shared);
  };
  NullProgress progress;
  ScanConfig config = MakeScanConfig(options);
  Result<ScanResult> scanned = ScanCsv(src, config, ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  std::vector<PopulationRecord> out;
  for (auto& p : scanned->parts) {
    auto* part = static_cast<PopulationPart*>(p.get());
    if (!part->diag.rejections.empty()) {
      const Rejection& bad = part->diag.rejections.front();
      return Status::DataError(fmt::format("{}: {} {}{}: {} ({})", src.file_name, Tr("line", "baris"), bad.line,
                                           bad.column.empty() ? "" : ", " + bad.column, bad.reason, bad.value));
    }
    out.insert(out.end(), part->rows.begin(), part->rows.end());
  }
  return out;
}

}  // namespace cakupan
