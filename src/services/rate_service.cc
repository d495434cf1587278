#include "services/rate_service.h"

#include <algorithm>
#include <filesystem>

#include "base/i18n.h"
#include "ingest/content_hash.h"
#include "ingest/csv_reader.h"
#include "planning/rate_file.h"

namespace cakupan {

namespace {

// A rate table is tens of rows; a file this large is the wrong file.
constexpr uint64_t kMaxRateFileBytes = 4u << 20;

std::string BaseName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

struct RateFile {
  ParsedRates parsed;
  std::string hash;
  int64_t rows_read = 0;
};

Result<RateFile> ParseFile(const std::string& path) {
  const std::string name = BaseName(path);
  CAKUPAN_ASSIGN_OR_RETURN(InputFile file, InputFile::Open(path));
  if (file.size() > kMaxRateFileBytes) {
    return Status::DataError(name + Tr(": too large for a rate table (more than 4 MiB)",
                                       ": terlalu besar untuk tabel tarif (lebih dari 4 MiB)"));
  }
  std::string bytes(file.size(), '\0');
  CAKUPAN_ASSIGN_OR_RETURN(size_t got, file.ReadAt(0, bytes.data(), bytes.size()));
  bytes.resize(got);
  if (bytes.size() >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') || (bytes[0] == '\xfe' && bytes[1] == '\xff')))
    return Status::DataError(name + Tr(": the file is UTF-16; save it as CSV UTF-8",
                                       ": berkas berformat UTF-16; simpan sebagai CSV UTF-8"));
  const CsvDialect dialect = DetectCsvDialect(std::string_view(bytes).substr(0, 64 * 1024));
  CsvReaderOptions ro;
  ro.delimiter = dialect.delimiter;
  ro.begin = dialect.bom_bytes;
  CsvReader reader(file, ro);
  CsvRecord rec;
  std::vector<std::string> header;
  std::vector<RateFileRecord> records;
  bool first = true;
  while (reader.Next(&rec)) {
    if (rec.unterminated_quote) {
      return Status::DataError(name + Tr(" line ", " baris ") + std::to_string(rec.line) +
                               Tr(": a quote is never closed", ": tanda kutip tidak ditutup"));
    }
    std::vector<std::string> fields(rec.fields.begin(), rec.fields.end());
    if (first) {
      header = std::move(fields);
      first = false;
    } else {
      records.push_back(RateFileRecord{rec.line, std::move(fields)});
    }
  }
  CAKUPAN_RETURN_IF_ERROR(reader.status());
  if (first) return Status::DataError(name + Tr(": the file is empty", ": berkas kosong"));
  RateFile out;
  out.rows_read = static_cast<int64_t>(records.size());
  out.hash = HashHex(ContentHash(bytes));
  CAKUPAN_ASSIGN_OR_RETURN(out.parsed, ParseRateFile(name, header, records));
  return out;
}

}  // namespace

std::string ShippedRatesPath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "tarif" / "iuran.csv").string();
}

Result<RateTable> ReadRateFile(const std::string& path) {
  CAKUPAN_ASSIGN_OR_RETURN(RateFile file, ParseFile(path));
  return RateTable::Build(std::move(file.parsed.rows), file.parsed.labels);
}

RateService::RateService(Store& store, Clock& clock) : store_(store), clock_(clock) {}

Result<RateTable> RateService::Table() {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<ContributionRate> rows, store_.LoadRates());
  // Stored tables were valid when written; a failure here means the
  // database was edited by hand.
  Result<RateTable> table = RateTable::Build(std::move(rows));
  if (!table.ok()) {
    return Status::Corruption(std::string(Tr("the stored rate table is invalid: ", "tabel tarif tersimpan tidak valid: ")) +
                              table.status().message());
  }
  return table;
}

Result<RateImportOutcome> RateService::Import(const RateImportOptions& options) {
  RateImportOutcome out;
  ImportRecord& rec = out.record;
  rec.kind = DataKind::kRates;
  rec.file_name = BaseName(options.path);
  rec.replace = options.replace;
  rec.started_at = clock_.NowUtcIso();
  CAKUPAN_ASSIGN_OR_RETURN(RateFile file, ParseFile(options.path));
  rec.rows_read = file.rows_read;
  rec.accepted = static_cast<int64_t>(file.parsed.rows.size());
  rec.file_hash = file.hash;
  // Two rows of one file with the same key: the second would silently win.
  for (size_t i = 0; i < file.parsed.rows.size(); ++i) {
    for (size_t j = i + 1; j < file.parsed.rows.size(); ++j) {
      if (SameRateKey(file.parsed.rows[i], file.parsed.rows[j])) {
        return Status::InvalidArgument(file.parsed.labels[j] + Tr(" repeats the row of ", " mengulang baris ") +
                                       file.parsed.labels[i] +
                                       Tr(" (same programme, segment, risk class, range and start date)",
                                          " (program, segmen, kelas risiko, rentang dan tanggal mulai sama)"));
      }
    }
  }
  CAKUPAN_ASSIGN_OR_RETURN(int64_t version, store_.DataVersion(DataKind::kRates, std::nullopt));
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<ContributionRate> stored, store_.LoadRates());

  // The table after the import, and the labels of its rows for messages.
  std::vector<ContributionRate> merged;
  std::vector<std::string> labels;
  if (!options.replace) {
    for (const ContributionRate& s : stored) {
      const bool replaced = std::any_of(file.parsed.rows.begin(), file.parsed.rows.end(),
                                        [&](const ContributionRate& r) { return SameRateKey(r, s); });
      if (replaced) continue;
      merged.push_back(s);
      labels.push_back(std::string(Tr("stored row ", "baris tersimpan ")) + FormatProgrammes(s.programmes) + " " +
                       SegmentCode(s.segment) + Tr(" from ", " mulai ") + FormatIsoDate(s.effective_from));
    }
  }
  for (size_t i = 0; i < file.parsed.rows.size(); ++i) {
    const ContributionRate& r = file.parsed.rows[i];
    auto it = std::find_if(stored.begin(), stored.end(), [&](const ContributionRate& s) { return SameRateKey(r, s); });
    if (it == stored.end()) ++rec.inserted;
    else if (*it == r) ++rec.unchanged;
    else ++rec.updated;
    merged.push_back(r);
    labels.push_back(file.parsed.labels[i]);
  }
  if (options.replace) {
    for (const ContributionRate& s : stored) {
      if (std::none_of(file.parsed.rows.begin(), file.parsed.rows.end(),
                       [&](const ContributionRate& r) { return SameRateKey(r, s); }))
        ++out.removed;
    }
  }
  CAKUPAN_ASSIGN_OR_RETURN(RateTable table, RateTable::Build(std::move(merged), labels));
  out.rows = table.size();
  rec.finished_at = clock_.NowUtcIso();
  CAKUPAN_RETURN_IF_ERROR(store_.ReplaceRates(table.rows(), version, &rec));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t after, store_.DataVersion(DataKind::kRates, std::nullopt));
  out.changed = after != version;
  return out;
}

Result<LoadedRates> RateService::TableOrSeed(const std::string& seed_path) {
  LoadedRates out;
  CAKUPAN_ASSIGN_OR_RETURN(out.table, Table());
  out.source = "database";
  if (!out.table.empty() || seed_path.empty()) return out;
  RateImportOptions opt;
  opt.path = seed_path;
  Result<RateImportOutcome> imported = Import(opt);
  if (!imported.ok()) {
    // A store that cannot be written (opened read-only, a read-only file,
    // another import in between): price from the file itself. A file that
    // is itself bad reports its own error.
    CAKUPAN_ASSIGN_OR_RETURN(out.table, ReadRateFile(seed_path));
    out.source = seed_path;
    return out;
  }
  CAKUPAN_ASSIGN_OR_RETURN(out.table, Table());
  out.seeded = true;
  return out;
}

}  // namespace cakupan
