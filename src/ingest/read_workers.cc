// ReadWorkersCsv: the regional worker registry (pekerja.csv).
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "base/i18n.h"
#include "base/strings.h"
#include "domain/nik.h"
#include "ingest/field_parsers.h"
#include "ingest/first_seen_index.h"
#include "ingest/readers.h"
#include "ingest/row_part.h"
#include "ingest/validation.h"

namespace cakupan {

namespace {

constexpr size_t kMaxOccupationBytes = 100;
class WorkerPart final : public RowPart {
 public:
  WorkerPart(const HeaderMap& map, const RegionTable& regions, int reference_year, Date today,
             std::atomic<int64_t>* shared_rejections)
      : RowPart(map, shared_rejections),
        known_(regions),
        reference_year_(reference_year),
        today_(today),
        occupation_cache_(kOccupationCacheSlots) {}

  void OnRecord(const CsvRecord& r) override;
  void Reserve(double expected) override;
  void ShiftLines(int64_t delta) override {
    for (int64_t& l : lines) l += delta;
  }

  WorkerTable rows;         // every column but `name`
  TextColumnBuilder names;  // the `name` column
  std::vector<int64_t> lines;

 private:
  uint16_t InternOccupation(std::string_view text);

  // A direct-mapped cache in front of occupation_index_: the same few
  // hundred occupations repeat on millions of rows. A hit compares the
  // slot's key (the whole text when it has at most 24 bytes, else the
  // dictionary's text as well).
  static constexpr int kOccupationCacheBits = 10;
  static constexpr size_t kOccupationCacheSlots = size_t{1} << kOccupationCacheBits;
  struct OccupationSlot {
    ShortTextKey key;
    uint16_t id = 0;  // 0 = empty
  };

  KnownRegionCache known_;
  const int reference_year_;
  const Date today_;
  std::unordered_map<std::string, uint16_t, TransparentHash, std::equal_to<>> occupation_index_;
  std::vector<OccupationSlot> occupation_cache_;
  std::string name_scratch_;
  std::string occupation_scratch_;
};

void WorkerPart::Reserve(double expected) {
  const size_t n = static_cast<size_t>(expected);
  if (n <= rows.size()) return;
  const double name_bytes_per_row =
      rows.size() ? static_cast<double>(names.byte_size()) / static_cast<double>(rows.size()) : 16.0;
  rows.nik.reserve(n);
  names.reserve(n, static_cast<size_t>(name_bytes_per_row * static_cast<double>(n) * 1.05) + 64);
  rows.sex.reserve(n);
  rows.birth_date.reserve(n);
  rows.village.reserve(n);
  rows.formality.reserve(n);
  rows.occupation.reserve(n);
  rows.decile.reserve(n);
  rows.vulnerability.reserve(n);
  rows.nik_issue.reserve(n);
  rows.nik_raw.reserve(n, 0);
  rows.birth_date_raw.reserve(n, 0);
  lines.reserve(n);
}

uint16_t WorkerPart::InternOccupation(std::string_view text) {
  const ShortTextKey key = KeyOfShortText(text);
  OccupationSlot& slot = occupation_cache_[key.Hash() >> (64 - kOccupationCacheBits)];
  if (slot.id != 0 && slot.key == key && (text.size() <= kShortTextMax || rows.occupations[slot.id] == text))
    return slot.id;
  uint16_t id;
  auto it = occupation_index_.find(text);
  if (it != occupation_index_.end()) {
    id = it->second;
  } else {
    id = rows.InternOccupation(text);  // new: appended to the dictionary
    if (id != 0) occupation_index_.emplace(std::string(text), id);
  }
  if (id != 0) slot = {key, id};
  return id;
}

void WorkerPart::OnRecord(const CsvRecord& r) {
  if (!BeginRow(r)) return;

  const std::string_view nik_text = Field(r, kWNik);
  NikError nik_error = NikError::kNone;
  NikFields nik_fields;
  // A missing or invalid NIK does not lose the worker: the row is kept under
  // a synthetic key with the NIK's problem recorded (a data-quality finding),
  // and probabilistic linkage can still find the worker's membership.
  const NikInfo* nik = nullptr;
  if (ParseNikFields(nik_text, reference_year_, &nik_fields, &nik_error)) {
    nik = &nik_fields.info;
    if (!known_.Contains(nik->district)) PendWarning(kWNik, NikDistrictWarning(nik->district));
  }

  const std::string_view village_text = TrimFast(Field(r, kWKodeDesa));
  std::optional<RegionCode> village;
  if (const uint64_t packed = ParseDottedVillage(village_text); packed != 0 && known_.Contains(RegionCode::FromPacked(packed))) {
    village = RegionCode::FromPacked(packed);
  } else if (std::string reason = CheckVillageCode(village_text, known_, &village); !reason.empty()) {
    return Reject(r, kWKodeDesa, std::move(reason), ReportValue(village_text));
  }

  std::string_view name;
  if (map_.has(kWNama)) {
    name = CleanText(Field(r, kWNama), &name_scratch_);
    if (name.size() > kMaxNameBytes || !IsAsciiFast(name)) {
      if (std::string reason = CheckName(name); !reason.empty()) return Reject(r, kWNama, std::move(reason), "");
    }
  }
  if (nik == nullptr) {
    // Without a NIK the name is what identifies the worker.
    if (name.empty()) return Reject(r, kWNik, NikWithoutNameReason(nik_text, nik_error), MaskNikText(nik_text));
    PendWarning(kWNik, NikKeptWarning(nik_text, nik_error));
  }

  Sex sex = nik ? nik->sex : Sex::kUnknown;
  if (const std::string_view text = TrimFast(Field(r, kWJenisKelamin)); !text.empty()) {
    const std::optional<Sex> given = ParseSexFast(text);
    if (!given) return Reject(r, kWJenisKelamin, UnknownSexReason(), ReportValue(text));
    if (nik && *given != nik->sex) PendWarning(kWJenisKelamin, SexMismatchWarning(*given, nik->sex));
    sex = *given;
  }

  Date birth = nik ? nik->birth_date : kNoDate;
  std::string birth_raw;  // the cell as written when it is no plausible birth date
  if (const std::string_view text = TrimFast(Field(r, kWTanggalLahir)); !text.empty()) {
    int y, m, d;
    if (!(nik && SplitIsoDate(text, &y, &m, &d) && y == nik_fields.birth_year && m == nik_fields.birth_month &&
          d == nik_fields.birth_day)) {  // else: the NIK's own birth date, already checked
      Date given = kNoDate;
      const BirthDateIssue issue = CheckBirthDateFast(text, today_, &given);
      if (issue != BirthDateIssue::kNone) {
        // Kept: the date is unknown (the NIK's when valid) and the text is
        // stored for the data-quality report.
        birth_raw = RawCellText(text);
        PendWarning(kWTanggalLahir, BirthDateKeptWarning(issue, nik != nullptr));
      } else {
        if (nik && !SameNikBirthDate(given, nik->birth_date))
          PendWarning(kWTanggalLahir, BirthDateMismatchWarning(given, nik->birth_date));
        birth = given;
      }
    }
  }

  Formality formality = Formality::kUnknown;
  if (const std::string_view text = TrimFast(Field(r, kWSektor)); !text.empty()) {
    const std::optional<Formality> f = ParseFormalityFast(text);
    if (!f) {
      return Reject(r, kWSektor, Tr("unknown sector (use formal or informal)", "sektor tidak dikenal (isi formal atau informal)"),
                    ReportValue(text));
    }
    formality = *f;
  }

  const std::string_view occupation = CleanText(Field(r, kWPekerjaan), &occupation_scratch_);
  if (!occupation.empty()) {
    if (!IsValidUtf8Fast(occupation)) return Reject(r, kWPekerjaan, NotUtf8Reason(), ReportValue(occupation));
    if (occupation.size() > kMaxOccupationBytes) {
      return Reject(r, kWPekerjaan,
                    fmt::format(fmt::runtime(Tr("occupation longer than {} bytes", "pekerjaan lebih dari {} byte")),
                                kMaxOccupationBytes),
                    ReportValue(occupation));
    }
  }

  uint8_t decile = 0;
  if (const std::string_view text = TrimFast(Field(r, kWDesil)); !text.empty()) {
    const std::optional<uint64_t> d = ParseSmallNumber(text);
    if (!d || *d < 1 || *d > 10)
      return Reject(r, kWDesil, Tr("decile must be a whole number 1-10", "desil harus bilangan bulat 1-10"), ReportValue(text));
    decile = static_cast<uint8_t>(*d);
  }

  Vulnerability vulnerability = Vulnerability::kUnknown;
  if (const std::string_view text = TrimFast(Field(r, kWRentan)); !text.empty()) {
    const std::optional<Vulnerability> v = ParseVulnerabilityFast(text);
    if (!v) {
      return Reject(r, kWRentan, Tr("unknown vulnerable value (use ya or tidak)", "nilai rentan tidak dikenal (isi ya atau tidak)"),
                    ReportValue(text));
    }
    vulnerability = *v;
  }

  uint16_t occupation_id = 0;
  if (!occupation.empty()) {
    occupation_id = InternOccupation(occupation);
    if (occupation_id == 0) {
      PendWarning(kWPekerjaan, Tr("more than 65,535 different occupations: stored as unknown",
                                  "lebih dari 65.535 jenis pekerjaan: disimpan sebagai tidak diketahui"));
    }
  }
  if (nik != nullptr) {
    rows.nik.push_back(nik->value);
    rows.nik_issue.push_back(0);
    rows.nik_raw.push_back({});
  } else {
    const std::string raw = RawCellText(nik_text);
    rows.nik.push_back(SyntheticWorkerKey(raw, name, birth, village->packed(), birth_raw));
    rows.nik_issue.push_back(static_cast<uint8_t>(nik_error));
    rows.nik_raw.push_back(raw);
  }
  names.push_back(name);
  rows.sex.push_back(static_cast<uint8_t>(sex));
  rows.birth_date.push_back(birth);
  rows.village.push_back(village->packed());
  rows.formality.push_back(static_cast<uint8_t>(formality));
  rows.occupation.push_back(occupation_id);
  rows.decile.push_back(decile);
  rows.vulnerability.push_back(static_cast<uint8_t>(vulnerability));
  rows.birth_date_raw.push_back(birth_raw);
  lines.push_back(r.line);
  AcceptRow(r);
}

// The rows (global numbers, in file order) whose NIK an earlier row has.
// Reads only the parts' NIK columns.
std::vector<DuplicateRow> FindDuplicateNiks(const std::vector<WorkerPart*>& parts) {
  std::vector<size_t> sizes;
  std::vector<uint32_t> first_row = {0};
  for (WorkerPart* p : parts) {
    sizes.push_back(p->rows.size());
    first_row.push_back(first_row.back() + static_cast<uint32_t>(p->rows.size()));
  }
  return FindDuplicates(
      sizes, [&](size_t p, size_t i) { return MixKey(parts[p]->rows.nik[i]); }, [](size_t, size_t) { return false; },
      [&](uint32_t g, size_t p, size_t i) {
        size_t q = 0;
        while (g >= first_row[q + 1]) ++q;
        return parts[q]->rows.nik[g - first_row[q]] == parts[p]->rows.nik[i];
      });
}

// Concatenates every column but `nik` (which FindDuplicateNiks may be
// reading meanwhile), merging the occupation dictionaries.
Status ConcatWorkersButNik(const std::vector<WorkerPart*>& parts, const std::string& file_name, WorkerBatch* batch) {
  WorkerTable& out = batch->rows;
  auto cols = [&](auto member) {
    using Vec = std::remove_reference_t<decltype(parts[0]->rows.*member)>;
    std::vector<Vec*> v;
    for (WorkerPart* p : parts) v.push_back(&(p->rows.*member));
    return v;
  };
  // Occupations: part 0's dictionary, extended by the others; their ids remapped.
  out.occupations = parts[0]->rows.occupations;
  std::unordered_map<std::string, uint16_t> final_ids;
  for (size_t i = 1; i < out.occupations.size(); ++i) final_ids.emplace(out.occupations[i], static_cast<uint16_t>(i));
  std::vector<std::vector<uint16_t>> remap(parts.size());
  bool dictionary_full = false;
  for (size_t p = 1; p < parts.size(); ++p) {
    const std::vector<std::string>& dict = parts[p]->rows.occupations;
    remap[p].assign(dict.size(), 0);
    for (size_t k = 1; k < dict.size(); ++k) {
      auto it = final_ids.find(dict[k]);
      if (it != final_ids.end()) {
        remap[p][k] = it->second;
      } else if (out.occupations.size() < 65535) {
        out.occupations.push_back(dict[k]);
        const auto id = static_cast<uint16_t>(out.occupations.size() - 1);
        final_ids.emplace(dict[k], id);
        remap[p][k] = id;
      } else {
        dictionary_full = true;
      }
    }
  }
  if (dictionary_full) {
    batch->report.AddWarning(0, "", Tr("more than 65,535 different occupations: the rest stored as unknown",
                                       "lebih dari 65.535 jenis pekerjaan: sisanya disimpan sebagai tidak diketahui"));
  }
  for (size_t p = 1; p < parts.size(); ++p) {
    for (uint16_t& id : parts[p]->rows.occupation) id = remap[p][id];
  }

  out.sex = ConcatColumns(cols(&WorkerTable::sex));
  out.birth_date = ConcatColumns(cols(&WorkerTable::birth_date));
  out.village = ConcatColumns(cols(&WorkerTable::village));
  out.formality = ConcatColumns(cols(&WorkerTable::formality));
  out.occupation = ConcatColumns(cols(&WorkerTable::occupation));
  out.decile = ConcatColumns(cols(&WorkerTable::decile));
  out.vulnerability = ConcatColumns(cols(&WorkerTable::vulnerability));
  out.nik_issue = ConcatColumns(cols(&WorkerTable::nik_issue));
  size_t raw_rows = 0, raw_bytes = 0;
  for (WorkerPart* p : parts) raw_rows += p->rows.nik_raw.size(), raw_bytes += p->rows.nik_raw.byte_size();
  out.nik_raw.reserve(raw_rows, raw_bytes);
  for (WorkerPart* p : parts) {
    for (size_t i = 0; i < p->rows.nik_raw.size(); ++i) out.nik_raw.push_back(p->rows.nik_raw[i]);
    p->rows.nik_raw.clear();
  }
  raw_rows = raw_bytes = 0;
  for (WorkerPart* p : parts)
    raw_rows += p->rows.birth_date_raw.size(), raw_bytes += p->rows.birth_date_raw.byte_size();
  out.birth_date_raw.reserve(raw_rows, raw_bytes);
  for (WorkerPart* p : parts) {
    for (size_t i = 0; i < p->rows.birth_date_raw.size(); ++i) out.birth_date_raw.push_back(p->rows.birth_date_raw[i]);
    p->rows.birth_date_raw.clear();
  }
  batch->lines = ConcatColumns(PartColumns(parts, &WorkerPart::lines));
  Result<StringColumn> names = ConcatText(PartColumns(parts, &WorkerPart::names), file_name);
  if (!names.ok()) return names.status();
  out.name = std::move(names).value();
  return Status::Ok();
}

// Rejects the duplicate rows of the concatenated batch ("NIK ganda: sudah
// ada di baris N") and removes them.
void RejectDuplicateNiks(const std::vector<DuplicateRow>& duplicates, const HeaderMap& map, WorkerBatch* batch) {
  if (duplicates.empty()) return;
  WorkerTable& t = batch->rows;
  std::vector<uint32_t> rows;
  rows.reserve(duplicates.size());
  for (const DuplicateRow& d : duplicates) {
    rows.push_back(d.row);
    if (IsSyntheticWorkerKey(t.nik[d.row])) {  // the same row, invalid NIK and all, written twice
      batch->report.rejections.push_back({batch->lines[d.row], map.text(kWNik),
                                          DuplicateReason(Tr("row", "baris"), batch->lines[d.first]),
                                          MaskNikText(t.nik_raw[d.row])});
    } else {
      batch->report.rejections.push_back({batch->lines[d.row], map.text(kWNik),
                                          DuplicateReason("NIK", batch->lines[d.first]), MaskNik(t.nik[d.row])});
    }
  }
  EraseRows(&t.nik, rows);
  EraseRows(&t.name, rows);
  EraseRows(&t.sex, rows);
  EraseRows(&t.birth_date, rows);
  EraseRows(&t.village, rows);
  EraseRows(&t.formality, rows);
  EraseRows(&t.occupation, rows);
  EraseRows(&t.decile, rows);
  EraseRows(&t.vulnerability, rows);
  EraseRows(&t.nik_issue, rows);
  EraseRows(&t.nik_raw, rows);
  EraseRows(&t.birth_date_raw, rows);
  EraseRows(&batch->lines, rows);
}

}  // namespace

Result<WorkerBatch> ReadWorkersCsv(const std::string& path, const ReadOptions& options, Progress& progress) {
  if (options.regions == nullptr) return Status::InvalidArgument("ReadWorkersCsv: ReadOptions::regions is null");
  Result<std::unique_ptr<CsvSource>> opened = OpenCsvSource(path, options.block_bytes);
  if (!opened.ok()) return opened.status();
  CsvSource& src = **opened;
  const std::vector<std::string_view> cells(src.header.begin(), src.header.end());
  Result<HeaderMap> mapped = MapHeader(src.file_name, cells, WorkerColumns());
  if (!mapped.ok()) return mapped.status();
  const HeaderMap& map = *mapped;

  WorkerBatch batch;
  WarnIgnoredColumns(src, map, &batch.report);
  const int reference_year = options.reference_year > 0 ? options.reference_year : CurrentYear();
  const Date today = options.today != kNoDate ? options.today : CurrentDate();
  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<WorkerPart>(map, *options.regions, reference_year, today, shared);
  };
  Result<ScanResult> scanned = ScanCsv(src, MakeScanConfig(options), ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  ScanResult& scan = *scanned;
  MergeDiagnostics(src, scan, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(CheckHasRows(src, batch.report));

  std::vector<WorkerPart*> parts;
  for (auto& p : scan.parts) parts.push_back(static_cast<WorkerPart*>(p.get()));
  // Duplicate NIKs are found on another thread while this one concatenates
  // the other columns; then the NIKs are concatenated and the duplicates
  // removed.
  DuplicatePhase phase(progress, src.file_name);
  try {
    auto [duplicates, concat] = RunBeside(
        ResolveThreads(options.threads) > 1, [&] { return FindDuplicateNiks(parts); },
        [&] { return ConcatWorkersButNik(parts, src.file_name, &batch); });
    CAKUPAN_RETURN_IF_ERROR(concat);
    batch.rows.nik = ConcatColumns(PartColumns(parts, &WorkerPart::rows, &WorkerTable::nik));
    RejectDuplicateNiks(duplicates, map, &batch);
  } catch (const std::bad_alloc&) {
    return Status::Internal(src.file_name + ": " + Tr("out of memory", "memori tidak cukup"));
  } catch (const std::exception& e) {  // e.g. no thread could be started
    return Status::Internal(src.file_name + ": " + e.what());
  }
  FinishReport(static_cast<int64_t>(batch.rows.size()), &batch.report);
  return batch;
}

}  // namespace cakupan
