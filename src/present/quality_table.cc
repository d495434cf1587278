#include "present/quality_table.h"

#include "base/format_id.h"
#include "base/i18n.h"
#include "present/quality_json.h"
#include "present/text_table.h"

namespace cakupan {

namespace {

using F = QualityFinding;

std::string Count(const std::optional<int64_t>& v) { return v ? FormatCount(*v) : "-"; }
std::string Pct(const std::optional<double>& v) { return v ? FormatPercent(*v, 1) : "-"; }
int64_t Sum(const QualityRow& r, std::initializer_list<F> fs) {
  int64_t s = 0;
  for (F f : fs) s += r.count[static_cast<int>(f)].value_or(0);
  return s;
}
std::string PeriodText(const std::optional<Period>& p) {
  if (!p) return Tr("no period", "tanpa periode");
  return CurrentLanguage() == Lang::kEn ? p->ToString() : p->ToIndonesian();
}

}  // namespace

std::string QualityFindingLabel(QualityFinding f) { return Tr(FindingInfo(f).label_en, FindingInfo(f).label_id); }

std::string RenderQualityTable(const QualityReport& rep) {
  std::string out;
  out += std::string(Tr("Data quality of field enumeration", "Mutu data pendataan lapangan")) + " \u2014 " +
         rep.region.name + " (" + rep.region.code.ToString() + "), " + PeriodText(rep.period) + "\n";
  out += std::string(Tr("Ages at ", "Umur pada ")) + FormatIsoDate(rep.reference_date) + "; " +
         Tr("worst first: regions without workers, then by share of flagged workers",
            "terburuk lebih dulu: wilayah tanpa pekerja, lalu menurut porsi pekerja bertemuan") +
         "\n";
  for (const std::string& n : QualityNotes(rep.checked, rep.period.has_value())) out += "* " + n + "\n";
  out += "\n";

  TextTable t;
  t.AddColumn(Tr("Code", "Kode"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Region", "Wilayah"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Workers", "Pekerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Flagged", "Bertemuan"), TextTable::Align::kRight);
  t.AddColumn("%", TextTable::Align::kRight);
  t.AddColumn(Tr("Bad NIK", "NIK salah"), TextTable::Align::kRight);
  t.AddColumn(Tr("NIK differs", "Beda NIK"), TextTable::Align::kRight);
  t.AddColumn(Tr("Age/date", "Umur/tgl"), TextTable::Align::kRight);
  t.AddColumn(Tr("Name", "Nama"), TextTable::Align::kRight);
  t.AddColumn(Tr("Duplicate", "Ganda"), TextTable::Align::kRight);
  t.AddColumn(Tr("Empty vill.", "Desa kosong"), TextTable::Align::kRight);
  t.AddColumn(Tr("Odd vill.", "Desa janggal"), TextTable::Align::kRight);
  t.AddColumn(Tr("Not in reg.", "Tak terdata"), TextTable::Align::kRight);
  t.AddColumn(Tr("Extract data", "Data BPJS"), TextTable::Align::kRight);
  t.AddColumn(Tr("Complete", "Lengkap"), TextTable::Align::kRight);
  auto add = [&](const QualityRow& r, bool total) {
    t.AddRow({r.code.ToString(), total ? std::string(Tr("Total ", "Jumlah ")) + r.name : r.name,
              FormatCount(r.registry), FormatCount(r.flagged), Pct(r.flagged_share),
              Count(r.count[static_cast<int>(F::kNikInvalid)]),
              FormatCount(Sum(r, {F::kNikSexMismatch, F::kNikBirthDateMismatch, F::kNikDistrictUnknown})),
              FormatCount(Sum(r, {F::kAgeUnder, F::kAgeOver, F::kBirthDateInvalid})),
              FormatCount(Sum(r, {F::kNameMissing, F::kNameBadCharacters})),
              Count(r.count[static_cast<int>(F::kDuplicate)]),
              Count(r.count[static_cast<int>(F::kVillagesEmpty)]),
              FormatCount(Sum(r, {F::kVillageCountHigh, F::kVillageCountLow})),
              Count(r.count[static_cast<int>(F::kMembersNotInRegistry)]),
              r.memberships ? FormatCount(Sum(r, {F::kMemberNameMissing, F::kMemberNameBadCharacters,
                                                  F::kMemberBirthDateInvalid}))
                            : std::string("-"),
              Pct(r.complete_share)});
  };
  for (const auto& r : rep.rows) add(r, false);
  t.AddSeparator();
  add(rep.region, true);
  out += t.Render();

  out += "\n" + std::string(Tr("All checks for ", "Semua pemeriksaan untuk ")) + rep.region.name + "\n";
  TextTable s;
  s.AddColumn(Tr("Check", "Pemeriksaan"), TextTable::Align::kLeft);
  s.AddColumn(Tr("Code", "Kode"), TextTable::Align::kLeft);
  s.AddColumn(Tr("Count", "Jumlah"), TextTable::Align::kRight);
  s.AddColumn(Tr("Share", "Porsi"), TextTable::Align::kRight);
  for (const auto& f : QualityFindings()) {
    const int c = static_cast<int>(f.finding);
    s.AddRow({QualityFindingLabel(f.finding), f.code,
              rep.region.count[c] ? FormatCount(*rep.region.count[c]) : std::string(Tr("not checked", "belum diperiksa")),
              Pct(rep.region.share[c])});
  }
  s.AddSeparator();
  for (int f = 0; f < kQualityFieldCount; ++f) {
    std::optional<double> share;
    if (rep.region.registry > 0)
      share = static_cast<double>(rep.region.filled[f]) / static_cast<double>(rep.region.registry);
    s.AddRow({std::string(Tr("Filled: ", "Terisi: ")) + QualityFieldLabel(static_cast<QualityField>(f)),
              std::string("filled_") + QualityFieldCode(static_cast<QualityField>(f)), FormatCount(rep.region.filled[f]),
              Pct(share)});
  }
  out += s.Render();
  if (!rep.coverage_anomalies.empty()) {
    out += "\n" + std::string(Tr("Coverage above 100% (numerator above denominator):",
                                 "Cakupan di atas 100% (pembilang melebihi penyebut):")) + "\n";
    for (const auto& a : rep.coverage_anomalies) {
      out += "  " + a.code.ToString() + " " + a.name + " (" + BasisName(a.basis) + "): " + FormatCount(a.active) +
             " / " + FormatCount(a.denominator) + "\n";
    }
  }
  out += "\n" + std::string(Tr("Definitions and what to do: docs/quality.md", "Definisi dan tindak lanjut: docs/quality.md")) + "\n";
  return out;
}

std::string RenderQualityDetails(const QualityDetails& d) {
  std::string out;
  out += std::string(Tr("Data-quality findings", "Temuan mutu data")) + " \u2014 " + d.name + " (" + d.region.ToString() +
         "), " + PeriodText(d.period) + "\n";
  out += std::string(Tr("Workers: ", "Pekerja: ")) + FormatCount(d.summary.registry) + "; " +
         Tr("with findings: ", "bertemuan: ") + FormatCount(d.summary.flagged) + "\n";
  out += Tr("NIKs and names are masked (UU 27/2022).", "NIK dan nama disamarkan (UU 27/2022).");
  out += "\n";
  if (!d.duplicates_checked)
    out += std::string("* ") + Tr("duplicates: not checked; run `cakupan dedupe`",
                                  "duplikat: belum diperiksa; jalankan `cakupan dedupe`") + "\n";
  out += "\n";
  TextTable t;
  const bool many_villages = d.level != RegionLevel::kVillage;
  if (many_villages) t.AddColumn(Tr("Region", "Wilayah"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Source", "Sumber"), TextTable::Align::kLeft);
  t.AddColumn("NIK", TextTable::Align::kLeft);
  t.AddColumn(Tr("Name", "Nama"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Check", "Pemeriksaan"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Detail", "Keterangan"), TextTable::Align::kLeft);
  for (const auto& r : d.rows) {
    std::vector<std::string> cells;
    if (many_villages) cells.push_back(r.region.ToString());
    cells.push_back(r.member ? Tr("BPJS extract", "data BPJS") : Tr("registry", "pendataan"));
    cells.push_back(r.nik_masked.empty() ? std::string(Tr("(empty)", "(kosong)")) : r.nik_masked);
    cells.push_back(r.name_masked);
    cells.push_back(FindingInfo(r.finding).code);
    cells.push_back(r.detail);
    t.AddRow(std::move(cells));
  }
  out += t.Render();
  if (d.rows.empty()) out += Tr("No findings.\n", "Tidak ada temuan.\n");
  return out;
}

}  // namespace cakupan
