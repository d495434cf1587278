#include "present/coverage_table.h"

#include <cmath>

#include "base/format_id.h"
#include "base/i18n.h"
#include "present/text_table.h"

namespace cakupan {

namespace {

std::string Count(const std::optional<int64_t>& v) { return v ? FormatCount(*v) : "-"; }
std::string Pct(const std::optional<double>& v) { return v ? FormatPercent(*v, 1) : "-"; }
std::string Points(const std::optional<double>& v) {
  if (!v) return "-";
  std::string s = FormatDecimal(*v, 1);
  if (*v > 0.05) s = "+" + s;
  return s;
}
std::string Gap(const std::optional<int64_t>& workers) {
  if (!workers) return "-";
  if (*workers <= 0) return Tr("met", "tercapai");
  return "+" + FormatCount(*workers);
}

std::string RegionTitle(const CoverageRow& r) {
  std::string name = r.name;
  return name + " (" + r.code.ToString() + ")";
}

}  // namespace

std::string BasisLabel(Basis basis) {
  return basis == Basis::kRegistry
             ? Tr("registry (enumerated workers)", "registri (pekerja hasil pendataan)")
             : Tr("labour force (employed persons, BPS)", "angkatan kerja (penduduk bekerja, BPS)");
}

std::string RenderCoverageTable(const CoverageReport& rep) {
  std::string out;
  out += std::string(Tr("Employment social security coverage", "Cakupan jaminan sosial ketenagakerjaan")) +
         " \u2014 " + RegionTitle(rep.region) + ", " +
         (CurrentLanguage() == Lang::kEn ? rep.period.ToString() : rep.period.ToIndonesian()) + "\n";
  out += std::string(Tr("Basis: ", "Basis: ")) + BasisLabel(rep.basis);
  if (rep.region.denominator_period)
    out += std::string(Tr(", figures of ", ", data ")) +
           (CurrentLanguage() == Lang::kEn ? rep.region.denominator_period->ToString()
                                           : rep.region.denominator_period->ToIndonesian());
  out += "\n";
  out += std::string(Tr("National reference: ", "Rujukan nasional: ")) +
         (rep.national_reference ? FormatPercent(*rep.national_reference, 1) : rep.national_reference_note) + "\n\n";

  TextTable t;
  t.AddColumn(Tr("Code", "Kode"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Region", "Wilayah"), TextTable::Align::kLeft);
  t.AddColumn(rep.basis == Basis::kRegistry ? Tr("Workers", "Pekerja") : Tr("Employed", "Bekerja"),
              TextTable::Align::kRight);
  t.AddColumn(Tr("Active", "Aktif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Non-active", "Non-aktif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Unregistered", "Belum terdaftar"), TextTable::Align::kRight);
  t.AddColumn(Tr("Coverage", "Cakupan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Rank", "Peringkat"), TextTable::Align::kRight);
  t.AddColumn(Tr("Target", "Target"), TextTable::Align::kRight);
  t.AddColumn(Tr("Gap (points)", "Selisih (poin)"), TextTable::Align::kRight);
  t.AddColumn(Tr("Workers to target", "Pekerja ke target"), TextTable::Align::kRight);
  auto add = [&](const CoverageRow& r, bool total) {
    t.AddRow({r.code.ToString(), total ? std::string(Tr("Total ", "Jumlah ")) + r.name : r.name,
              Count(r.denominator), FormatCount(r.active), FormatCount(r.non_active), FormatCount(r.unregistered),
              Pct(r.coverage), r.rank ? std::to_string(*r.rank) + "/" + std::to_string(r.rank_of) : "-",
              Pct(r.target), Points(r.gap_points), Gap(r.gap_workers)});
  };
  for (const auto& r : rep.rows) add(r, false);
  t.AddSeparator();
  add(rep.region, true);
  out += t.Render();

  std::string notes;
  if (rep.active_not_in_rows != 0) {
    notes += std::string("* ") + FormatCount(rep.active_not_in_rows) +
             Tr(" active participants are attributed to the region itself, not to a row below it.",
                " peserta aktif teratribusi ke wilayah ini sendiri, tidak ke baris di bawahnya.") +
             "\n";
  }
  bool missing_denominator = false;
  for (const auto& r : rep.rows) missing_denominator |= !r.denominator.has_value();
  if (missing_denominator) {
    notes += std::string("* ") +
             (rep.basis == Basis::kLabourForce
                  ? Tr("'-': no labour-force figure for this region; try --basis registry.",
                       "'-': tidak ada data angkatan kerja untuk wilayah ini; coba --basis registry.")
                  : Tr("'-': no registry workers in this region.", "'-': tidak ada pekerja terdata di wilayah ini.")) +
             "\n";
  }
  if (rep.national_reference && rep.region.gap_national_workers && *rep.region.gap_national_workers > 0) {
    notes += std::string("* ") + Tr("To reach the national reference: +", "Untuk mencapai rujukan nasional: +") +
             FormatCount(*rep.region.gap_national_workers) + Tr(" active participants (", " peserta aktif (") +
             Points(rep.region.gap_national_points) + Tr(" points).", " poin).") + "\n";
  }
  if (!notes.empty()) out += "\n" + notes;
  return out;
}

std::string RenderBreakdownTable(const Breakdown& b) {
  std::string out;
  out += std::string(Tr("Breakdown by ", "Rincian menurut ")) + DimensionLabel(b.dimension) + " \u2014 " +
         RegionTitle(b.region) + ", " +
         (CurrentLanguage() == Lang::kEn ? b.period.ToString() : b.period.ToIndonesian()) + "\n";
  out += std::string(Tr("Basis: ", "Basis: ")) + BasisLabel(b.basis) + "\n";
  out += b.note + "\n\n";
  TextTable t;
  t.AddColumn(Tr("Group", "Kelompok"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Denominator", "Penyebut"), TextTable::Align::kRight);
  t.AddColumn(Tr("Active", "Aktif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Non-active", "Non-aktif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Unregistered", "Belum terdaftar"), TextTable::Align::kRight);
  t.AddColumn(Tr("Coverage", "Cakupan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Share of active", "Porsi aktif"), TextTable::Align::kRight);
  for (const auto& r : b.rows) {
    t.AddRow({r.label, Count(r.denominator), FormatCount(r.active), FormatCount(r.non_active),
              FormatCount(r.unregistered), Pct(r.coverage), FormatPercent(r.share_of_active, 1)});
  }
  out += t.Render();
  return out;
}

}  // namespace cakupan
