#include "present/planning_table.h"

#include "base/format_id.h"
#include "base/i18n.h"
#include "planning/money.h"
#include "planning/package.h"
#include "present/coverage_table.h"
#include "present/text_table.h"
#include "present/xlsx.h"

namespace cakupan {

namespace {

std::string DateText(Date d) {
  if (d == kNoDate) return "-";
  if (CurrentLanguage() == Lang::kEn) return FormatIsoDate(d);
  const CivilDate c = CivilFromDate(d);
  return std::to_string(c.day) + " " + IndonesianMonthName(c.month) + " " + std::to_string(c.year);
}

std::string PeriodText(Period p) { return CurrentLanguage() == Lang::kEn ? p.ToString() : p.ToIndonesian(); }

std::string Rp(Rupiah v) { return FormatRupiah(v); }

std::string BasisText(const std::string& basis) {
  auto b = ParseBasis(basis);
  return b ? BasisLabel(*b) : basis;
}

// A target as written when it came from text (pcm), else one decimal.
std::string TargetText(const CoverageRatio& t) {
  if (t.denominator == kPcmPerWhole) return FormatPcmPercent(t.numerator);
  return FormatPercent(t.value(), 1);
}

std::string NeededText(const std::optional<int64_t>& needed) {
  if (!needed) return "-";
  if (*needed == 0) return Tr("met", "tercapai");
  return "+" + FormatCount(*needed);
}

std::string PackageText(const ContributionRequest& q) {
  if (!q.package.empty()) {
    auto p = FindPackage(q.package);
    if (p.ok()) return std::string(Tr(p->label_en, p->label_id));
  }
  return std::string(SegmentCode(q.segment)) + " " + FormatProgrammes(q.programmes);
}

std::string RateText(const ContributionRate& r) {
  if (r.basis == RateBasis::kFlat) return Rp(r.amount);
  return FormatPcmPercent(r.rate_pcm);
}

std::string ShareText(const ContributionRate& r, int64_t share) {
  if (share == 0) return "-";
  return r.basis == RateBasis::kFlat ? Rp(share) : FormatPcmPercent(share);
}

std::string RangeText(const ContributionRate& r) {
  if (r.base_from == 0 && r.base_to == 0) return "-";
  std::string s = Rp(r.base_from) + " \u2013 ";
  s += r.base_to == 0 ? std::string("\u2026") : Rp(r.base_to);
  return s;
}

std::string TargetDescription(const GapReport& rep) {
  switch (rep.target.kind) {
    case GapTargetKind::kOwn: return Tr("each region's own target for the year", "target masing-masing wilayah untuk tahun itu");
    case GapTargetKind::kNational:
      return std::string(Tr("the national reference, ", "rujukan nasional, ")) + TargetText(rep.target.ratio);
    case GapTargetKind::kFixed:
      return TargetText(rep.target.ratio) + Tr(" for every region", " untuk setiap wilayah");
  }
  return "";
}

}  // namespace

std::string RenderRateTable(const std::vector<ContributionRate>& rows, Date in_force_on) {
  std::string out = Tr("Contribution rates of BPJS Ketenagakerjaan", "Tarif iuran BPJS Ketenagakerjaan");
  out += in_force_on == kNoDate ? std::string(Tr(" (every row)", " (semua baris)"))
                                : std::string(Tr(" in force on ", " yang berlaku pada ")) + DateText(in_force_on);
  out += "\n\n";
  if (rows.empty()) {
    out += std::string(Tr("No rates.", "Tidak ada tarif.")) + "\n";
    return out;
  }
  TextTable t;
  t.AddColumn(Tr("Segment", "Segmen"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Programme", "Program"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Risk", "Risiko"), TextTable::Align::kRight);
  t.AddColumn(Tr("Rate", "Tarif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Employer", "Pemberi kerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Worker", "Pekerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Government", "Pemerintah"), TextTable::Align::kRight);
  t.AddColumn(Tr("Recomposed", "Rekomposisi"), TextTable::Align::kRight);
  t.AddColumn(Tr("Floor", "Batas bawah"), TextTable::Align::kRight);
  t.AddColumn(Tr("Cap", "Batas atas"), TextTable::Align::kRight);
  t.AddColumn(Tr("Range (contract, bracket)", "Rentang (kontrak, golongan)"), TextTable::Align::kLeft);
  t.AddColumn(Tr("In force", "Berlaku"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Regulation", "Regulasi"), TextTable::Align::kLeft);
  for (const ContributionRate& r : rows) {
    std::string when = r.effective_to == kNoDate
                           ? std::string(Tr("from ", "mulai ")) + FormatIsoDate(r.effective_from)
                           : FormatIsoDate(r.effective_from) + " \u2013 " + FormatIsoDate(r.effective_to);
    t.AddRow({SegmentCode(r.segment), FormatProgrammes(r.programmes),
              r.risk_class == 0 ? std::string("-") : std::to_string(r.risk_class),
              RateText(r) + (r.basis == RateBasis::kContract ? std::string(Tr(" of value", " nilai")) : ""),
              ShareText(r, r.employer), ShareText(r, r.worker), ShareText(r, r.government),
              ShareText(r, r.recomposed), r.base_min == 0 ? "-" : Rp(r.base_min),
              r.base_cap == 0 ? "-" : Rp(r.base_cap), RangeText(r), when, r.regulation});
  }
  out += t.Render();
  out += std::string("\n* ") +
         Tr("Percentages are of the monthly wage (PU) or declared income (BPU), or of the part of a contract's value "
            "in the range (Jakon); amounts in rupiah are per worker per month. Recomposed: funded from other "
            "programmes' contributions, not paid on top.",
            "Persentase dari upah sebulan (PU) atau penghasilan yang dilaporkan (BPU), atau dari bagian nilai kontrak "
            "dalam rentang (Jakon); nominal rupiah per pekerja per bulan. Rekomposisi: dibiayai dari iuran program "
            "lain, tidak dibayar tambahan.") +
         "\n";
  return out;
}

std::string RenderContribution(const ContributionResult& res) {
  const ContributionRequest& q = res.request;
  const bool contract = q.contract_value > 0;
  std::string out = std::string(Tr("BPJS Ketenagakerjaan contributions", "Iuran BPJS Ketenagakerjaan")) + " \u2014 " +
                    SegmentCode(q.segment) + ", " + PackageText(q) + "\n";
  if (contract) {
    out += std::string(Tr("Contract value ", "Nilai kontrak ")) + Rp(q.contract_value) + Tr(", rates of ", ", tarif per ") +
           DateText(q.start) + Tr(" (once per contract)", " (sekali per kontrak)") + "\n\n";
  } else {
    out += std::string(q.segment == Segment::kBPU ? Tr("Declared income ", "Penghasilan ")
                                                  : Tr("Wage ", "Upah ")) +
           Rp(q.monthly_base) + Tr(" a month", " per bulan");
    if (q.risk_class != 0) out += std::string(Tr(", risk class ", ", kelas risiko ")) + std::to_string(q.risk_class);
    out += " \u00b7 " + FormatCount(q.workers) + Tr(q.workers == 1 ? " worker" : " workers", " pekerja") + " \u00b7 " +
           std::to_string(q.months) + Tr(q.months == 1 ? " month from " : " months from ", " bulan mulai ") +
           DateText(q.start) + "\n\n";
  }
  TextTable t;
  t.AddColumn(Tr("Programme", "Program"), TextTable::Align::kLeft);
  t.AddColumn(contract ? Tr("Value", "Nilai") : Tr("Base", "Dasar"), TextTable::Align::kRight);
  t.AddColumn(Tr("Rate", "Tarif"), TextTable::Align::kRight);
  t.AddColumn(contract ? Tr("Per contract", "Per kontrak") : Tr("Per month", "Per bulan"), TextTable::Align::kRight);
  if (!contract) t.AddColumn(Tr("Months", "Bulan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Employer", "Pemberi kerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Worker", "Pekerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Government", "Pemerintah"), TextTable::Align::kRight);
  t.AddColumn(Tr("Total", "Jumlah"), TextTable::Align::kRight);
  t.AddColumn(Tr("Regulation", "Regulasi"), TextTable::Align::kLeft);
  for (const ContributionLine& l : res.lines) {
    std::string rate;
    if (contract) {
      for (const ContributionRate& tr : l.tranches) rate += (rate.empty() ? "" : " / ") + FormatPcmPercent(tr.rate_pcm);
    } else {
      rate = RateText(l.rate);
    }
    std::vector<std::string> row = {FormatProgrammes(l.programmes),
                                    l.rate.basis == RateBasis::kFlat ? "-" : Rp(l.base), rate,
                                    Rp(l.per_worker_month.total())};
    if (!contract) row.push_back(std::to_string(l.months));
    for (Rupiah v : {l.total.employer, l.total.worker, l.total.government, l.total.total()}) row.push_back(Rp(v));
    row.push_back(l.rate.regulation);
    t.AddRow(std::move(row));
  }
  t.AddSeparator();
  std::vector<std::string> total = {Tr("Total", "Jumlah"), "", "", Rp(res.first_month.total())};
  if (!contract) total.push_back(std::to_string(q.months));
  for (Rupiah v : {res.total.employer, res.total.worker, res.total.government, res.total.total()}) total.push_back(Rp(v));
  total.push_back("");
  t.AddRow(std::move(total));
  out += t.Render();
  out += "\n";
  if (!contract && (q.months > 1 || q.workers > 1)) {
    out += std::string("* ") + Tr("Per worker: ", "Per pekerja: ") + Rp(res.per_worker.total()) +
           Tr(" for ", " untuk ") + std::to_string(q.months) + Tr(" months.", " bulan.") + "\n";
  }
  for (const ContributionLine& l : res.lines) {
    if (l.recomposed_per_worker_month > 0) {
      out += std::string("* ") + FormatProgrammes(l.programmes) + ": " + Rp(l.recomposed_per_worker_month) +
             Tr(" a month more come from recomposing other programmes' contributions (not paid on top).",
                " per bulan lainnya berasal dari rekomposisi iuran program lain (tidak dibayar tambahan).") +
             "\n";
    }
  }
  for (const std::string& n : res.notes) out += "* " + n + "\n";
  if (q.segment == Segment::kBPU) {
    out += std::string("* ") +
           Tr("BPU: the worker pays, unless a regional budget (APBD), a village budget or a donor pays for them.",
              "BPU: pekerja membayar sendiri, kecuali APBD, APBDes atau donatur membayarkannya.") +
           "\n";
  }
  out += std::string("* ") +
         (contract ? Tr("Rounding: the tranches summed exactly, then half up to whole rupiah, once per contract "
                        "(docs/planning.md).",
                        "Pembulatan: jumlah tranche dihitung tepat, lalu setengah ke atas ke rupiah bulat, sekali per "
                        "kontrak (docs/planning.md).")
                   : Tr("Rounding: half up to whole rupiah, per worker, per month, per programme (docs/planning.md).",
                        "Pembulatan: setengah ke atas ke rupiah bulat, per pekerja, per bulan, per program "
                        "(docs/planning.md).")) +
         "\n";
  return out;
}

std::string GapSentence(const GapReport& rep) {
  const GapRow& r = rep.region;
  if (!r.needed || !r.target) return "";
  if (*r.needed == 0) {
    return r.name + ": " + Tr("already at ", "sudah mencapai ") + TargetText(*r.target) + ".";
  }
  return r.name + ": +" + FormatCount(*r.needed) + Tr(" workers to reach ", " pekerja untuk mencapai ") +
         TargetText(*r.target) + ", " + Rp(*r.yearly_cost) + Tr(" per year", " per tahun") + ".";
}

std::string RenderGapTable(const GapReport& rep) {
  std::string out = std::string(Tr("Coverage gaps and the yearly cost of closing them",
                                   "Selisih cakupan dan biaya tahunan untuk menutupnya")) +
                    " \u2014 " + rep.region.name + " (" + rep.region.code.ToString() + "), " + PeriodText(rep.period) +
                    "\n";
  out += std::string(Tr("Basis: ", "Basis: ")) + BasisText(rep.basis) + "; " + Tr("target: ", "target: ") +
         TargetDescription(rep) + "\n";
  out += std::string(Tr("Package: ", "Paket: ")) + PackageText(rep.worker_year.request) + ", " +
         Rp(rep.worker_year.per_worker.total()) + Tr(" per worker per year (rates of ", " per pekerja per tahun (tarif per ") +
         DateText(rep.worker_year.request.start) + ")\n\n";
  TextTable t;
  t.AddColumn(Tr("Code", "Kode"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Region", "Wilayah"), TextTable::Align::kLeft);
  t.AddColumn(rep.basis == "registry" ? Tr("Workers", "Pekerja") : Tr("Employed", "Bekerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Active", "Aktif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Coverage", "Cakupan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Target", "Target"), TextTable::Align::kRight);
  t.AddColumn(Tr("Workers needed", "Tambahan pekerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Cost per year", "Biaya per tahun"), TextTable::Align::kRight);
  auto add = [&](const GapRow& r, const std::string& name) {
    t.AddRow({r.code.ToString(), name, r.workers ? FormatCount(*r.workers) : "-", FormatCount(r.active),
              r.coverage ? FormatPercent(*r.coverage, 1) : "-", r.target ? TargetText(*r.target) : "-",
              NeededText(r.needed), r.yearly_cost ? Rp(*r.yearly_cost) : "-"});
  };
  for (const GapRow& r : rep.rows) add(r, r.name);
  t.AddSeparator();
  t.AddRow({"", Tr("Sum of the rows", "Jumlah baris"), "", "", "", "",
            rep.rows_needed > 0 ? "+" + FormatCount(rep.rows_needed) : "0", Rp(rep.rows_cost)});
  add(rep.region, std::string(Tr("Total ", "Jumlah ")) + rep.region.name);
  out += t.Render();
  out += "\n";
  if (std::string s = GapSentence(rep); !s.empty()) out += "* " + s + "\n";
  out += std::string("* ") +
         Tr("Workers needed: the smallest whole n with (active + n) / denominator >= target; the denominator does "
            "not grow (the workers to enrol are already counted in it). 'met': no worker needed.",
            "Tambahan pekerja: bilangan bulat terkecil n dengan (aktif + n) / penyebut >= target; penyebut tidak "
            "bertambah (pekerja yang didaftarkan sudah terhitung di dalamnya). 'tercapai': tidak perlu tambahan.") +
         "\n";
  out += std::string("* ") +
         Tr("Sum of the rows: every region below brought to its target; regions above it do not make up for the "
            "others, so it can exceed the total's own gap.",
            "Jumlah baris: setiap wilayah di bawahnya mencapai targetnya; wilayah di atas target tidak menutupi "
            "wilayah lain, sehingga bisa melebihi selisih wilayah secara keseluruhan.") +
         "\n";
  if (rep.rows_without_target > 0) {
    out += std::string("* ") + std::to_string(rep.rows_without_target) +
           Tr(" regions have no target for the year ('-'): import targets or give --target.",
              " wilayah tidak memiliki target untuk tahun itu ('-'): impor target atau berikan --target.") +
           "\n";
  }
  if (rep.rows_without_workers > 0) {
    out += std::string("* ") + std::to_string(rep.rows_without_workers) +
           Tr(" regions have no denominator on this basis ('-').",
              " wilayah tidak memiliki penyebut pada basis ini ('-').") +
           "\n";
  }
  return out;
}

Result<std::string> GapReportXlsx(const GapReport& rep) {
  XlsxSheet gaps;
  gaps.name = Tr("Gaps", "Selisih");
  gaps.title = std::string(Tr("Coverage gaps and the yearly cost of closing them", "Selisih cakupan dan biaya tahunan")) +
               " \u2014 " + rep.region.name + " (" + rep.region.code.ToString() + "), " + PeriodText(rep.period);
  gaps.notes = {std::string(Tr("Basis: ", "Basis: ")) + BasisText(rep.basis) + "; " + Tr("target: ", "target: ") +
                    TargetDescription(rep),
                std::string(Tr("Package: ", "Paket: ")) + PackageText(rep.worker_year.request) + ", " +
                    Rp(rep.worker_year.per_worker.total()) + Tr(" per worker per year", " per pekerja per tahun")};
  if (std::string s = GapSentence(rep); !s.empty()) gaps.notes.push_back(s);
  gaps.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 14},
                  {Tr("Region", "Wilayah"), XlsxKind::kText, 28},
                  {rep.basis == "registry" ? Tr("Workers", "Pekerja") : Tr("Employed", "Bekerja"), XlsxKind::kCount, 13},
                  {Tr("Active", "Aktif"), XlsxKind::kCount, 12},
                  {Tr("Coverage", "Cakupan"), XlsxKind::kPercent, 10},
                  {Tr("Target", "Target"), XlsxKind::kPercent, 10},
                  {Tr("Workers needed", "Tambahan pekerja"), XlsxKind::kCount, 14},
                  {Tr("Cost per year", "Biaya per tahun"), XlsxKind::kRupiah, 20}};
  auto num = [](const auto& v) -> XlsxCell {
    if (!v) return std::monostate{};
    return static_cast<double>(*v);
  };
  auto add = [&](const GapRow& r, const std::string& name) {
    gaps.rows.push_back({r.code.ToString(), name, num(r.workers), static_cast<double>(r.active), num(r.coverage),
                         r.target ? XlsxCell(r.target->value()) : XlsxCell(std::monostate{}), num(r.needed),
                         num(r.yearly_cost)});
  };
  for (const GapRow& r : rep.rows) add(r, r.name);
  gaps.rows.push_back({std::string(), std::string(Tr("Sum of the rows", "Jumlah baris")), std::monostate{},
                       std::monostate{}, std::monostate{}, std::monostate{}, static_cast<double>(rep.rows_needed),
                       static_cast<double>(rep.rows_cost)});
  add(rep.region, std::string(Tr("Total ", "Jumlah ")) + rep.region.name);

  XlsxSheet price;
  price.name = Tr("Cost per worker", "Biaya per pekerja");
  price.title = std::string(Tr("One worker for 12 months: ", "Satu pekerja selama 12 bulan: ")) +
                PackageText(rep.worker_year.request);
  price.notes = {Tr("Rounding: half up to whole rupiah, per worker, per month, per programme.",
                    "Pembulatan: setengah ke atas ke rupiah bulat, per pekerja, per bulan, per program.")};
  price.columns = {{Tr("Programme", "Program"), XlsxKind::kText, 12},
                   {Tr("Per month", "Per bulan"), XlsxKind::kRupiah, 14},
                   {Tr("Months", "Bulan"), XlsxKind::kCount, 8},
                   {Tr("Employer", "Pemberi kerja"), XlsxKind::kRupiah, 16},
                   {Tr("Worker", "Pekerja"), XlsxKind::kRupiah, 16},
                   {Tr("Government", "Pemerintah"), XlsxKind::kRupiah, 16},
                   {Tr("Total", "Jumlah"), XlsxKind::kRupiah, 16},
                   {Tr("Regulation", "Regulasi"), XlsxKind::kText, 28}};
  for (const ContributionLine& l : rep.worker_year.lines) {
    price.rows.push_back({FormatProgrammes(l.programmes), static_cast<double>(l.per_worker_month.total()),
                          static_cast<double>(l.months), static_cast<double>(l.total.employer),
                          static_cast<double>(l.total.worker), static_cast<double>(l.total.government),
                          static_cast<double>(l.total.total()), l.rate.regulation});
  }
  XlsxSheet defs;
  defs.name = Tr("Definitions", "Definisi");
  defs.title = Tr("How the figures are computed (docs/definitions.md, docs/planning.md)",
                  "Cara angka dihitung (docs/definitions.md, docs/planning.md)");
  defs.columns = {{Tr("Column", "Kolom"), XlsxKind::kText, 22}, {Tr("Meaning", "Arti"), XlsxKind::kText, 110}};
  defs.rows = {
      {std::string(Tr("Workers needed", "Tambahan pekerja")),
       std::string(Tr("the smallest whole n with (active + n) / denominator >= target; the denominator does not grow",
                      "bilangan bulat terkecil n dengan (aktif + n) / penyebut >= target; penyebut tidak bertambah"))},
      {std::string(Tr("Cost per year", "Biaya per tahun")),
       std::string(Tr("workers needed x the package's cost for one worker for 12 months",
                      "tambahan pekerja x biaya paket untuk satu pekerja selama 12 bulan"))},
      {std::string(Tr("Sum of the rows", "Jumlah baris")),
       std::string(Tr("every row brought to its target; rows above the target do not make up for the others",
                      "setiap baris mencapai targetnya; baris di atas target tidak menutupi baris lain"))},
  };
  return WriteXlsx({gaps, price, defs});
}

}  // namespace cakupan
