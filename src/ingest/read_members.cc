// ReadMembersCsv: one period's BPJS Ketenagakerjaan membership extract
// (kepesertaan-YYYY-MM.csv).
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

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

constexpr size_t kMaxNppBytes = 32;

class MemberPart final : public RowPart {
 public:
  MemberPart(const HeaderMap& map, const ReadOptions& options, int reference_year, Date today,
             std::atomic<int64_t>* shared_rejections)
      : RowPart(map, shared_rejections),
        options_(options),
        known_(*options.regions),
        reference_year_(reference_year),
        today_(today) {}

  void OnRecord(const CsvRecord& r) override;
  void Reserve(double expected) override;
  void ShiftLines(int64_t delta) override {
    for (int64_t& l : lines) l += delta;
  }

  MembershipTable rows;     // every column but `name` and `npp`
  TextColumnBuilder names;  // the `name` column
  TextColumnBuilder npps;   // the `npp` column
  std::vector<int64_t> lines;
  std::vector<int32_t> periods;  // Period::index() of each row (checked against the file's after the scan)

 private:
  const ReadOptions& options_;
  KnownRegionCache known_;
  const int reference_year_;
  const Date today_;
  std::string name_scratch_;
  ParseMemo<Segment, ParseSegment> segment_memo_;
  ParseMemo<MembershipStatus, ParseMembershipStatus> status_memo_;
  ParseMemo<FundingSource, ParseFundingSource> funding_memo_;
  ParseMemo<uint8_t, ParseProgrammesFast> programmes_memo_;
};

void MemberPart::Reserve(double expected) {
  const size_t n = static_cast<size_t>(expected);
  if (n <= rows.size()) return;
  const double rows_so_far = rows.size() ? static_cast<double>(rows.size()) : 1.0;
  auto text_bytes = [&](const TextColumnBuilder& c) {
    return static_cast<size_t>(static_cast<double>(c.byte_size()) / rows_so_far * static_cast<double>(n) * 1.05) + 64;
  };
  rows.nik.reserve(n);
  names.reserve(n, text_bytes(names));
  rows.birth_date.reserve(n);
  rows.segment.reserve(n);
  rows.status.reserve(n);
  rows.programmes.reserve(n);
  rows.last_paid.reserve(n);
  npps.reserve(n, text_bytes(npps));
  rows.funding.reserve(n);
  rows.region.reserve(n);
  rows.birth_date_raw.reserve(n, 0);
  lines.reserve(n);
  periods.reserve(n);
}

void MemberPart::OnRecord(const CsvRecord& r) {
  if (!BeginRow(r)) return;

  Period period;
  if (const std::string_view text = TrimFast(Field(r, kMPeriode)); !text.empty()) {
    const std::optional<Period> p = ParsePeriodFast(text);
    if (!p) return Reject(r, kMPeriode, BadPeriodReason(), ReportValue(text));
    if (options_.period && *p != *options_.period) {
      return Reject(r, kMPeriode,
                    fmt::format(fmt::runtime(Tr("period {} differs from the import period {}",
                                                "periode {} berbeda dengan periode impor {}")),
                                p->ToString(), options_.period->ToString()),
                    ReportValue(text));
    }
    period = *p;
  } else if (options_.period) {
    period = *options_.period;
  } else {
    return Reject(r, kMPeriode, Tr("period is empty", "periode kosong"), "");
  }

  const std::string_view nik_text = Field(r, kMNik);
  NikError nik_error = NikError::kNone;
  NikFields nik_fields;
  if (!ParseNikFields(nik_text, reference_year_, &nik_fields, &nik_error))
    return Reject(r, kMNik, NikReason(nik_text, nik_error), MaskNikText(nik_text));
  const NikInfo* const nik = &nik_fields.info;
  if (!known_.Contains(nik->district)) PendWarning(kMNik, NikDistrictWarning(nik->district));

  std::string_view name;
  if (map_.has(kMNama)) {
    name = CleanText(Field(r, kMNama), &name_scratch_);
    if (name.size() > kMaxNameBytes || !IsAsciiFast(name)) {
      if (std::string reason = CheckName(name); !reason.empty()) return Reject(r, kMNama, std::move(reason), "");
    }
  }

  Date birth = kNoDate;
  std::string birth_raw;  // the cell as written when it is no plausible birth date
  if (const std::string_view text = TrimFast(Field(r, kMTanggalLahir)); !text.empty()) {
    int y, m, d;
    if (SplitIsoDate(text, &y, &m, &d) && y == nik_fields.birth_year && m == nik_fields.birth_month &&
        d == nik_fields.birth_day) {
      birth = nik->birth_date;  // the NIK's own birth date, already checked
    } else {
      Date given = kNoDate;
      const BirthDateIssue issue = CheckBirthDateFast(text, today_, &given);
      if (issue != BirthDateIssue::kNone) {
        // Kept with the date unknown, the text stored for the quality report.
        birth_raw = RawCellText(text);
        PendWarning(kMTanggalLahir, BirthDateKeptWarning(issue, false));
      } else {
        if (!SameNikBirthDate(given, nik->birth_date))
          PendWarning(kMTanggalLahir, BirthDateMismatchWarning(given, nik->birth_date));
        birth = given;
      }
    }
  }

  const std::string_view segment_text = TrimFast(Field(r, kMSegmen));
  const std::optional<Segment> segment = segment_memo_(segment_text);
  if (!segment) {
    return Reject(r, kMSegmen,
                  segment_text.empty() ? Tr("segment is empty (use PU, BPU, Jakon or PMI)",
                                            "segmen kosong (isi PU, BPU, Jakon atau PMI)")
                                       : Tr("unknown segment (use PU, BPU, Jakon or PMI)",
                                            "segmen tidak dikenal (isi PU, BPU, Jakon atau PMI)"),
                  ReportValue(segment_text));
  }

  int32_t last_paid = 0;
  if (const std::string_view text = TrimFast(Field(r, kMBulanTerakhirBayar)); !text.empty()) {
    const std::optional<Period> p = ParsePeriodFast(text);
    if (!p) return Reject(r, kMBulanTerakhirBayar, BadPeriodReason(), ReportValue(text));
    last_paid = p->index();
  }

  MembershipStatus status;
  if (const std::string_view text = TrimFast(Field(r, kMStatus)); !text.empty()) {
    const std::optional<MembershipStatus> s = status_memo_(text);
    if (!s) {
      return Reject(r, kMStatus, Tr("unknown status (use aktif or non-aktif)", "status tidak dikenal (isi aktif atau non-aktif)"),
                    ReportValue(text));
    }
    status = *s;
  } else if (last_paid != 0) {
    // Active when contributions are paid up to the period.
    status = last_paid >= period.index() ? MembershipStatus::kActive : MembershipStatus::kNonActive;
  } else {
    return Reject(r, map_.has(kMStatus) ? kMStatus : kMBulanTerakhirBayar,
                  Tr("status and last paid month are both empty: the status cannot be determined",
                     "status dan bulan terakhir bayar sama-sama kosong: status tidak dapat ditentukan"),
                  "");
  }

  uint8_t programmes = 0;
  if (const std::string_view text = TrimFast(Field(r, kMProgram)); !text.empty()) {
    const std::optional<uint8_t> mask = programmes_memo_(text);
    if (!mask) {
      return Reject(r, kMProgram, Tr("unknown programme (use JKK, JKM, JHT, JP, JKP, e.g. JKK+JKM)",
                                     "program tidak dikenal (isi JKK, JKM, JHT, JP, JKP, contoh JKK+JKM)"),
                    ReportValue(text));
    }
    programmes = *mask;
  }

  const std::string_view npp = TrimFast(Field(r, kMNpp));
  if (!IsValidUtf8Fast(npp)) return Reject(r, kMNpp, NotUtf8Reason(), ReportValue(npp));
  if (npp.size() > kMaxNppBytes) {
    return Reject(r, kMNpp, fmt::format(fmt::runtime(Tr("NPP longer than {} characters", "NPP lebih dari {} karakter")), kMaxNppBytes),
                  ReportValue(npp));
  }

  const std::string_view funding_text = TrimFast(Field(r, kMSumberDana));
  const std::optional<FundingSource> funding = funding_memo_(funding_text);
  if (!funding) {
    return Reject(r, kMSumberDana,
                  Tr("unknown funding source (e.g. mandiri, pemberi kerja, APBD Kabupaten, APBDes, CSR, BAZNAS)",
                     "sumber dana tidak dikenal (contoh: mandiri, pemberi kerja, APBD Kabupaten, APBDes, CSR, BAZNAS)"),
                  ReportValue(funding_text));
  }

  uint64_t region = 0;
  if (const std::string_view text = TrimFast(Field(r, kMKodeWilayah)); !text.empty()) {
    std::optional<RegionCode> code;
    if (std::string reason = CheckRegionCode(text, &code); !reason.empty())
      return Reject(r, kMKodeWilayah, std::move(reason), ReportValue(text));
    if (!known_.Contains(*code)) {
      PendWarning(kMKodeWilayah, fmt::format(fmt::runtime(Tr("region code {} is not in the region list; kept as given",
                                                             "kode wilayah {} tidak ada di daftar wilayah; disimpan apa adanya")),
                                             code->ToString()));
    }
    region = code->packed();
  }

  rows.nik.push_back(nik->value);
  names.push_back(name);
  rows.birth_date.push_back(birth);
  rows.segment.push_back(static_cast<uint8_t>(*segment));
  rows.status.push_back(static_cast<uint8_t>(status));
  rows.programmes.push_back(programmes);
  rows.last_paid.push_back(last_paid);
  npps.push_back(npp);
  rows.funding.push_back(static_cast<uint8_t>(*funding));
  rows.region.push_back(region);
  rows.birth_date_raw.push_back(birth_raw);
  lines.push_back(r.line);
  periods.push_back(period.index());
  AcceptRow(r);
}

// A hash of row i's key (nik, segment, npp).
uint64_t MemberKeyHash(const MemberPart& part, size_t i) {
  const std::string_view npp = part.npps[i];
  uint64_t h = MixKey(part.rows.nik[i] * 8 + part.rows.segment[i]) ^ (npp.size() * 0x9E3779B97F4A7C15ULL);
  size_t k = 0;
  for (; k + 8 <= npp.size(); k += 8) h = MixKey(h ^ Load64(npp.data() + k));
  if (k < npp.size()) {
    uint64_t tail = 0;
    std::memcpy(&tail, npp.data() + k, npp.size() - k);
    h = MixKey(h ^ tail);
  }
  return h;
}

// Sets *period (the import's, else the first row's) and rejects the rows of
// another period. Returns those rows (global numbers, ascending).
std::vector<uint32_t> RejectOtherPeriods(const std::vector<MemberPart*>& parts, const HeaderMap& map,
                                         const ReadOptions& options, Period* period, ReadReport* report) {
  *period = options.period.value_or(Period());
  int64_t period_line = 0;
  if (!options.period) {
    for (MemberPart* p : parts) {
      if (!p->rows.size()) continue;
      *period = Period::FromIndex(p->periods[0]);
      period_line = p->lines[0];
      break;
    }
  }
  std::vector<uint32_t> rows;
  uint32_t base = 0;
  for (MemberPart* p : parts) {
    const std::vector<int32_t>& periods = p->periods;
    for (size_t i = 0; i < periods.size(); ++i) {
      if (periods[i] == period->index()) continue;
      rows.push_back(base + static_cast<uint32_t>(i));
      report->rejections.push_back(
          {p->lines[i], map.text(kMPeriode),
           fmt::format(fmt::runtime(Tr("period {} differs from the file's period {} (line {})",
                                       "periode {} berbeda dengan periode berkas {} (baris {})")),
                       Period::FromIndex(periods[i]).ToString(), period->ToString(), period_line),
           Period::FromIndex(periods[i]).ToString()});
    }
    base += static_cast<uint32_t>(periods.size());
  }
  return rows;
}

// The rows (global numbers, in file order) whose (nik, segment, npp) an
// earlier row of the file's period has; rows of other periods take no part.
// Reads only the parts' nik, segment, npp and period columns.
std::vector<DuplicateRow> FindDuplicateMemberships(const std::vector<MemberPart*>& parts, Period period) {
  std::vector<size_t> sizes;
  std::vector<uint32_t> first_row = {0};
  for (MemberPart* p : parts) {
    sizes.push_back(p->rows.size());
    first_row.push_back(first_row.back() + static_cast<uint32_t>(p->rows.size()));
  }
  const int32_t period_index = period.index();
  return FindDuplicates(
      sizes, [&](size_t p, size_t i) { return MemberKeyHash(*parts[p], i); },
      [&](size_t p, size_t i) { return parts[p]->periods[i] != period_index; },
      [&](uint32_t g, size_t p, size_t i) {
        size_t q = 0;
        while (g >= first_row[q + 1]) ++q;
        const size_t j = g - first_row[q];
        const MemberPart &o = *parts[q], &t = *parts[p];
        return o.rows.nik[j] == t.rows.nik[i] && o.rows.segment[j] == t.rows.segment[i] && o.npps[j] == t.npps[i];
      });
}

// Concatenates the columns FindDuplicateMemberships does not read.
Status ConcatMembersButKey(const std::vector<MemberPart*>& parts, const std::string& file_name, MemberBatch* batch) {
  MembershipTable& out = batch->rows;
  auto cols = [&](auto member) { return PartColumns(parts, &MemberPart::rows, member); };
  out.birth_date = ConcatColumns(cols(&MembershipTable::birth_date));
  out.status = ConcatColumns(cols(&MembershipTable::status));
  out.programmes = ConcatColumns(cols(&MembershipTable::programmes));
  out.last_paid = ConcatColumns(cols(&MembershipTable::last_paid));
  out.funding = ConcatColumns(cols(&MembershipTable::funding));
  out.region = ConcatColumns(cols(&MembershipTable::region));
  size_t raw_rows = 0, raw_bytes = 0;
  for (MemberPart* p : parts)
    raw_rows += p->rows.birth_date_raw.size(), raw_bytes += p->rows.birth_date_raw.byte_size();
  out.birth_date_raw.reserve(raw_rows, raw_bytes);
  for (MemberPart* p : parts) {
    for (size_t i = 0; i < p->rows.birth_date_raw.size(); ++i) out.birth_date_raw.push_back(p->rows.birth_date_raw[i]);
    p->rows.birth_date_raw.clear();
  }
  batch->lines = ConcatColumns(PartColumns(parts, &MemberPart::lines));
  Result<StringColumn> names = ConcatText(PartColumns(parts, &MemberPart::names), file_name);
  if (!names.ok()) return names.status();
  out.name = std::move(names).value();
  return Status::Ok();
}

// The key columns, once FindDuplicateMemberships is done with them.
Status ConcatMemberKeys(const std::vector<MemberPart*>& parts, const std::string& file_name, MemberBatch* batch) {
  MembershipTable& out = batch->rows;
  out.nik = ConcatColumns(PartColumns(parts, &MemberPart::rows, &MembershipTable::nik));
  out.segment = ConcatColumns(PartColumns(parts, &MemberPart::rows, &MembershipTable::segment));
  for (MemberPart* p : parts) std::vector<int32_t>().swap(p->periods);
  Result<StringColumn> npps = ConcatText(PartColumns(parts, &MemberPart::npps), file_name);
  if (!npps.ok()) return npps.status();
  out.npp = std::move(npps).value();
  return Status::Ok();
}

// Rejects the duplicate rows of the concatenated batch, then removes them
// and the rows of other periods (`other_periods`, ascending).
void RemoveRejectedMemberships(const std::vector<DuplicateRow>& duplicates, const std::vector<uint32_t>& other_periods,
                               const HeaderMap& map, MemberBatch* batch) {
  MembershipTable& t = batch->rows;
  std::vector<uint32_t> duplicate_rows;
  duplicate_rows.reserve(duplicates.size());
  for (const DuplicateRow& d : duplicates) {
    duplicate_rows.push_back(d.row);
    batch->report.rejections.push_back(
        {batch->lines[d.row], map.text(kMNik),
         DuplicateReason(Tr("membership (NIK, segment, NPP)", "kepesertaan (NIK, segmen, NPP)"), batch->lines[d.first]),
         MaskNik(t.nik[d.row])});
  }
  std::vector<uint32_t> rows(duplicate_rows.size() + other_periods.size());
  std::merge(duplicate_rows.begin(), duplicate_rows.end(), other_periods.begin(), other_periods.end(), rows.begin());
  if (rows.empty()) return;
  EraseRows(&t.nik, rows);
  EraseRows(&t.name, rows);
  EraseRows(&t.birth_date, rows);
  EraseRows(&t.segment, rows);
  EraseRows(&t.status, rows);
  EraseRows(&t.programmes, rows);
  EraseRows(&t.last_paid, rows);
  EraseRows(&t.npp, rows);
  EraseRows(&t.funding, rows);
  EraseRows(&t.region, rows);
  EraseRows(&t.birth_date_raw, rows);
  EraseRows(&batch->lines, rows);
}

}  // namespace

Result<MemberBatch> ReadMembersCsv(const std::string& path, const ReadOptions& options, Progress& progress) {
  if (options.regions == nullptr) return Status::InvalidArgument("ReadMembersCsv: ReadOptions::regions is null");
  Result<std::unique_ptr<CsvSource>> opened = OpenCsvSource(path, options.block_bytes);
  if (!opened.ok()) return opened.status();
  CsvSource& src = **opened;
  const std::vector<std::string_view> cells(src.header.begin(), src.header.end());
  Result<HeaderMap> mapped = MapHeader(src.file_name, cells, MemberColumns());
  if (!mapped.ok()) return mapped.status();
  const HeaderMap& map = *mapped;
  const std::vector<ColumnSpec>& specs = MemberColumns();
  if (!map.has(kMStatus) && !map.has(kMBulanTerakhirBayar)) {
    std::string names;
    for (int spec : {kMStatus, kMBulanTerakhirBayar}) {
      names += specs[spec].name;
      for (const char* a : specs[spec].aliases) names += std::string(", ") + a;
      if (spec == kMStatus) names += "; ";
    }
    return Status::DataError(src.file_name + ": " +
                             Tr("required column 'status' or 'bulan_terakhir_bayar' not found (accepted names: ",
                                "kolom wajib 'status' atau 'bulan_terakhir_bayar' tidak ditemukan (nama yang diterima: ") +
                             names + ")");
  }
  if (!map.has(kMPeriode) && !options.period) return MissingColumnError(src.file_name, specs[kMPeriode]);

  MemberBatch batch;
  WarnIgnoredColumns(src, map, &batch.report);
  const int reference_year = options.reference_year > 0 ? options.reference_year : CurrentYear();
  const Date today = options.today != kNoDate ? options.today : CurrentDate();
  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<MemberPart>(map, options, reference_year, today, shared);
  };
  Result<ScanResult> scanned = ScanCsv(src, MakeScanConfig(options), ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  ScanResult& scan = *scanned;
  MergeDiagnostics(src, scan, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(CheckHasRows(src, batch.report));

  std::vector<MemberPart*> parts;
  for (auto& p : scan.parts) parts.push_back(static_cast<MemberPart*>(p.get()));
  // Duplicate keys are found on another thread while this one concatenates
  // the other columns; then the key columns are concatenated and the
  // rejected rows removed.
  DuplicatePhase phase(progress, src.file_name);
  try {
    const std::vector<uint32_t> other_periods = RejectOtherPeriods(parts, map, options, &batch.period, &batch.report);
    CAKUPAN_RETURN_IF_ERROR(CheckTextSize(PartColumns(parts, &MemberPart::npps), src.file_name));
    auto [duplicates, concat] = RunBeside(
        ResolveThreads(options.threads) > 1, [&] { return FindDuplicateMemberships(parts, batch.period); },
        [&] { return ConcatMembersButKey(parts, src.file_name, &batch); });
    CAKUPAN_RETURN_IF_ERROR(concat);
    CAKUPAN_RETURN_IF_ERROR(ConcatMemberKeys(parts, src.file_name, &batch));
    RemoveRejectedMemberships(duplicates, other_periods, map, &batch);
  } catch (const std::bad_alloc&) {
    return Status::Internal(src.file_name + ": " + Tr("out of memory", "memori tidak cukup"));
  } catch (const std::exception& e) {  // e.g. no thread could be started
    return Status::Internal(src.file_name + ": " + e.what());
  }
  FinishReport(static_cast<int64_t>(batch.rows.size()), &batch.report);
  return batch;
}

}  // namespace cakupan
