#include "present/quality_xlsx.h"

#include "base/i18n.h"
#include "present/quality_json.h"
#include "present/quality_table.h"
#include "present/xlsx.h"

namespace cakupan {

namespace {

template <typename T>
XlsxCell Opt(const std::optional<T>& v) {
  if (!v) return std::monostate{};
  return static_cast<double>(*v);
}

std::string PeriodText(const std::optional<Period>& p) {
  if (!p) return Tr("no period", "tanpa periode");
  return CurrentLanguage() == Lang::kEn ? p->ToString() : p->ToIndonesian();
}

XlsxSheet ChecksSheet() {
  XlsxSheet s;
  s.name = Tr("Checks", "Pemeriksaan");
  s.title = Tr("The checks (docs/quality.md)", "Daftar pemeriksaan (docs/quality.md)");
  s.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 34},
               {Tr("Check", "Pemeriksaan"), XlsxKind::kText, 40},
               {Tr("Share of", "Porsi dari"), XlsxKind::kText, 26}};
  for (const auto& f : QualityFindings()) {
    const char* of = f.share_of == ShareOf::kRegistry     ? Tr("registry workers", "pekerja terdata")
                     : f.share_of == ShareOf::kVillages   ? Tr("villages", "desa")
                     : f.share_of == ShareOf::kActiveParticipants ? Tr("active participants", "peserta aktif")
                     : f.share_of == ShareOf::kMemberships ? Tr("memberships in the extract", "kepesertaan di data BPJS")
                                                                  : "";
    s.rows.push_back({std::string(f.code), QualityFindingLabel(f.finding), std::string(of)});
  }
  return s;
}

}  // namespace

Result<std::string> QualityReportXlsx(const QualityReport& rep) {
  XlsxSheet s;
  s.name = Tr("Data quality", "Mutu data");
  s.title = std::string(Tr("Data quality of field enumeration", "Mutu data pendataan lapangan")) + " \u2014 " +
            rep.region.name + " (" + rep.region.code.ToString() + "), " + PeriodText(rep.period);
  s.notes = QualityNotes(rep.checked, rep.period.has_value());
  s.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 15},
               {Tr("Region", "Wilayah"), XlsxKind::kText, 28},
               {Tr("Workers", "Pekerja"), XlsxKind::kCount, 11},
               {Tr("Flagged", "Bertemuan"), XlsxKind::kCount, 11},
               {Tr("Flagged %", "% bertemuan"), XlsxKind::kPercent, 11},
               {Tr("Complete %", "% lengkap"), XlsxKind::kPercent, 11}};
  for (const auto& f : QualityFindings()) s.columns.push_back({f.code, XlsxKind::kCount, 12});
  auto row = [&](const QualityRow& r, bool total) {
    std::vector<XlsxCell> cells = {r.code.ToString(), total ? std::string(Tr("Total ", "Jumlah ")) + r.name : r.name,
                                   static_cast<double>(r.registry), static_cast<double>(r.flagged), Opt(r.flagged_share),
                                   Opt(r.complete_share)};
    for (const auto& f : QualityFindings()) cells.push_back(Opt(r.count[static_cast<int>(f.finding)]));
    s.rows.push_back(std::move(cells));
  };
  for (const auto& r : rep.rows) row(r, false);
  row(rep.region, true);

  XlsxSheet sum;
  sum.name = Tr("Summary", "Ringkasan");
  sum.title = std::string(Tr("All checks for ", "Semua pemeriksaan untuk ")) + rep.region.name;
  sum.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 34},
                 {Tr("Check", "Pemeriksaan"), XlsxKind::kText, 40},
                 {Tr("Count", "Jumlah"), XlsxKind::kCount, 12},
                 {Tr("Share", "Porsi"), XlsxKind::kPercent, 10}};
  for (const auto& f : QualityFindings()) {
    const int c = static_cast<int>(f.finding);
    sum.rows.push_back({std::string(f.code), QualityFindingLabel(f.finding), Opt(rep.region.count[c]), Opt(rep.region.share[c])});
  }
  return WriteXlsx({s, sum, ChecksSheet()});
}

Result<std::string> QualityDetailsXlsx(const QualityDetails& d) {
  XlsxSheet s;
  s.name = Tr("Findings", "Temuan");
  s.title = std::string(Tr("Data-quality findings", "Temuan mutu data")) + " \u2014 " + d.name + " (" +
            d.region.ToString() + "), " + PeriodText(d.period);
  s.notes = {Tr("NIKs and names are masked (UU 27/2022 on personal data protection).",
                "NIK dan nama disamarkan (UU 27/2022 tentang Pelindungan Data Pribadi).")};
  s.columns = {{Tr("Region", "Wilayah"), XlsxKind::kText, 15},
               {Tr("Source", "Sumber"), XlsxKind::kText, 12},
               {"NIK", XlsxKind::kText, 19},
               {Tr("Name", "Nama"), XlsxKind::kText, 22},
               {Tr("Code", "Kode"), XlsxKind::kText, 26},
               {Tr("Check", "Pemeriksaan"), XlsxKind::kText, 32},
               {Tr("Detail", "Keterangan"), XlsxKind::kText, 50}};
  for (const auto& r : d.rows)
    s.rows.push_back({r.region.ToString(),
                      std::string(r.member ? Tr("BPJS extract", "data BPJS") : Tr("registry", "pendataan")),
                      r.nik_masked, r.name_masked, std::string(FindingInfo(r.finding).code),
                      QualityFindingLabel(r.finding), r.detail});
  return WriteXlsx({s, ChecksSheet()});
}

}  // namespace cakupan
