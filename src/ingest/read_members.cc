// ReadMembersCsv: one period's BPJS Ketenagakerjaan membership extract
// (kepesertaan-YYYY-MM.csv).
#include <fmt/format.h>

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
  MemberPart(const HeaderMap& map, const ReadOptions& options, int reference_year,
             std::atomic<int64_t>* shared_rejections)
      : RowPart(map, shared_rejections),
        options_(options),
        known_(*options.regions),
        reference_year_(reference_year) {}

  void OnRecord(const CsvRecord& r) override;
  void Reserve(double expected) override;
  void ShiftLines(int64_t delta) override {
    for (int64_t& l : lines) l += delta;
  }

  MembershipTable rows;
  std::vector<int64_t> lines;
  std::vector<int32_t> periods;  // Period::index() of each row (checked against the file's after the scan)

 private:
  const ReadOptions& options_;
  KnownRegionCache known_;
  const int reference_year_;
  std::string name_scratch_;
  ParseMemo<Segment, ParseSegment> segment_memo_;
  ParseMemo<MembershipStatus, ParseMembershipStatus> status_memo_;
  ParseMemo<FundingSource, ParseFundingSource> funding_memo_;
};

void MemberPart::Reserve(double expected) {
  const size_t n = static_cast<size_t>(expected);
  if (n <= rows.size()) return;
  const double rows_so_far = rows.size() ? static_cast<double>(rows.size()) : 1.0;
  rows.nik.reserve(n);
  rows.name.reserve(n, static_cast<size_t>(static_cast<double>(rows.name.byte_size()) / rows_so_far * n * 1.05) + 64);
  rows.birth_date.reserve(n);
  rows.segment.reserve(n);
  rows.status.reserve(n);
  rows.programmes.reserve(n);
  rows.last_paid.reserve(n);
  rows.npp.reserve(n, static_cast<size_t>(static_cast<double>(rows.npp.byte_size()) / rows_so_far * n * 1.05) + 64);
  rows.funding.reserve(n);
  rows.region.reserve(n);
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
  if (const std::string_view text = TrimFast(Field(r, kMTanggalLahir)); !text.empty()) {
    int y, m, d;
    if (SplitIsoDate(text, &y, &m, &d) && y == nik_fields.birth_year && m == nik_fields.birth_month &&
        d == nik_fields.birth_day) {
      birth = nik->birth_date;  // the NIK's own birth date, already checked
    } else {
      const std::optional<Date> given = ParseDateFast(text);
      if (!given) return Reject(r, kMTanggalLahir, BadDateReason(), ReportValue(text));
      if (!SameBirthDate(*given, nik->birth_date))
        PendWarning(kMTanggalLahir, BirthDateMismatchWarning(*given, nik->birth_date));
      birth = *given;
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
    const std::optional<uint8_t> mask = ParseProgrammesFast(text);
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
  rows.name.push_back(name);
  rows.birth_date.push_back(birth);
  rows.segment.push_back(static_cast<uint8_t>(*segment));
  rows.status.push_back(static_cast<uint8_t>(status));
  rows.programmes.push_back(programmes);
  rows.last_paid.push_back(last_paid);
  rows.npp.push_back(npp);
  rows.funding.push_back(static_cast<uint8_t>(*funding));
  rows.region.push_back(region);
  lines.push_back(r.line);
  periods.push_back(period.index());
  AcceptRow(r);
}

uint64_t MemberKeyHash(const MembershipTable& t, size_t row) {
  return MixKey(t.nik[row] * 8 + t.segment[row]) ^ std::hash<std::string_view>{}(t.npp[row]);
}

// Rejects rows of another period than the file's (when the file gives it)
// and later duplicates of (nik, segment, npp). Returns the rows to drop per
// part and sets *period.
std::vector<std::vector<uint32_t>> RejectMismatches(const std::vector<MemberPart*>& parts, const HeaderMap& map,
                                                   const ReadOptions& options, Period* period, ReadReport* report) {
  std::vector<std::vector<uint32_t>> drops(parts.size());
  std::vector<size_t> first_row(parts.size() + 1, 0);
  for (size_t p = 0; p < parts.size(); ++p) first_row[p + 1] = first_row[p] + parts[p]->rows.size();
  auto locate = [&](uint32_t g, size_t* part) {
    size_t p = 0;
    while (g >= first_row[p + 1]) ++p;
    *part = p;
    return g - first_row[p];
  };

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

  FirstSeenIndex index(first_row.back());
  for (size_t p = 0; p < parts.size(); ++p) {
    const MembershipTable& t = parts[p]->rows;
    for (size_t i = 0; i < t.size(); ++i) {
      if (parts[p]->periods[i] != period->index()) {
        drops[p].push_back(static_cast<uint32_t>(i));
        report->rejections.push_back(
            {parts[p]->lines[i], map.text(kMPeriode),
             fmt::format(fmt::runtime(Tr("period {} differs from the file's period {} (line {})",
                                         "periode {} berbeda dengan periode berkas {} (baris {})")),
                         Period::FromIndex(parts[p]->periods[i]).ToString(), period->ToString(), period_line),
             Period::FromIndex(parts[p]->periods[i]).ToString()});
        continue;
      }
      const int64_t first = index.FindOrAdd(MemberKeyHash(t, i), static_cast<uint32_t>(first_row[p] + i), [&](uint32_t g) {
        size_t q;
        const size_t row = locate(g, &q);
        const MembershipTable& o = parts[q]->rows;
        return o.nik[row] == t.nik[i] && o.segment[row] == t.segment[i] && o.npp[row] == t.npp[i];
      });
      if (first < 0) continue;
      size_t q;
      const size_t first_local = locate(static_cast<uint32_t>(first), &q);
      drops[p].push_back(static_cast<uint32_t>(i));
      report->rejections.push_back({parts[p]->lines[i], map.text(kMNik),
                                    DuplicateReason(Tr("membership (NIK, segment, NPP)", "kepesertaan (NIK, segmen, NPP)"),
                                                    parts[q]->lines[first_local]),
                                    MaskNik(t.nik[i])});
    }
  }
  return drops;
}

Status ConcatMembers(const std::vector<MemberPart*>& parts, const std::vector<std::vector<uint32_t>>& drops,
                     const std::string& file_name, MemberBatch* batch) {
  MembershipTable& out = batch->rows;
  auto cols = [&](auto member) {
    using Col = std::remove_reference_t<decltype(parts[0]->rows.*member)>;
    std::vector<Col*> v;
    for (MemberPart* p : parts) v.push_back(&(p->rows.*member));
    return v;
  };
  out.nik = ConcatDropping(cols(&MembershipTable::nik), drops);
  out.birth_date = ConcatDropping(cols(&MembershipTable::birth_date), drops);
  out.segment = ConcatDropping(cols(&MembershipTable::segment), drops);
  out.status = ConcatDropping(cols(&MembershipTable::status), drops);
  out.programmes = ConcatDropping(cols(&MembershipTable::programmes), drops);
  out.last_paid = ConcatDropping(cols(&MembershipTable::last_paid), drops);
  out.funding = ConcatDropping(cols(&MembershipTable::funding), drops);
  out.region = ConcatDropping(cols(&MembershipTable::region), drops);
  std::vector<std::vector<int64_t>*> line_cols;
  for (MemberPart* p : parts) {
    line_cols.push_back(&p->lines);
    std::vector<int32_t>().swap(p->periods);
  }
  batch->lines = ConcatDropping(line_cols, drops);
  Result<StringColumn> names = ConcatStringsDropping(cols(&MembershipTable::name), drops, file_name);
  if (!names.ok()) return names.status();
  out.name = std::move(names).value();
  Result<StringColumn> npps = ConcatStringsDropping(cols(&MembershipTable::npp), drops, file_name);
  if (!npps.ok()) return npps.status();
  out.npp = std::move(npps).value();
  return Status::Ok();
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
  auto make_part = [&](std::atomic<int64_t>* shared) -> std::unique_ptr<ScanPart> {
    return std::make_unique<MemberPart>(map, options, reference_year, shared);
  };
  Result<ScanResult> scanned = ScanCsv(src, MakeScanConfig(options), ReadingLabel(src.file_name), progress, make_part);
  if (!scanned.ok()) return scanned.status();
  ScanResult& scan = *scanned;
  MergeDiagnostics(src, scan, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(CheckHasRows(src, batch.report));

  std::vector<MemberPart*> parts;
  for (auto& p : scan.parts) parts.push_back(static_cast<MemberPart*>(p.get()));
  const std::vector<std::vector<uint32_t>> drops = RejectMismatches(parts, map, options, &batch.period, &batch.report);
  CAKUPAN_RETURN_IF_ERROR(ConcatMembers(parts, drops, src.file_name, &batch));
  FinishReport(static_cast<int64_t>(batch.rows.size()), &batch.report);
  return batch;
}

}  // namespace cakupan
