#include "present/plan_table.h"

#include <algorithm>

#include "base/format_id.h"
#include "base/i18n.h"
#include "engine/coverage.h"
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

std::string Pct(const std::optional<double>& v) { return v ? FormatPercent(*v, 1) : std::string("-"); }

std::string Count(const std::optional<int64_t>& v) { return v ? FormatCount(*v) : std::string("-"); }

std::string BasisText(const std::string& basis) {
  auto b = ParseBasis(basis);
  return b ? BasisLabel(*b) : basis;
}

std::string PackageText(const PlanReport& rep) {
  const ContributionRequest& q = rep.worker.request;
  auto p = FindPackage(q.package);
  std::string label = p.ok() ? std::string(Tr(p->label_en, p->label_id)) : q.package;
  return label;
}

std::string ShareText(int64_t pcm) { return FormatPcmPercent(pcm); }

std::string Title(const PlanReport& rep) {
  return std::string(Tr("Enrolment budget plan", "Rencana anggaran pendaftaran")) + " \u2014 " + rep.region.name +
         " (" + rep.region.code.ToString() + "), " + PeriodText(rep.period);
}

std::string Arrow(const std::optional<double>& before, const std::optional<double>& after) {
  return Pct(before) + " \u2192 " + Pct(after);
}

std::string StatusLabel(const PlanWorker& w) {
  if (w.status == WorkerStatus::kNonActive) return Tr("non-active", "non-aktif");
  return Tr("not registered", "belum terdaftar");
}

std::string VulnerabilityLabel(Vulnerability v) {
  switch (v) {
    case Vulnerability::kVulnerable: return Tr("yes", "ya");
    case Vulnerability::kNotVulnerable: return Tr("no", "tidak");
    case Vulnerability::kUnknown: break;
  }
  return "-";
}

// The definitions every form repeats.
std::vector<std::pair<std::string, std::string>> Definitions(const PlanReport& rep) {
  return {
      {Tr("Candidate", "Calon"),
       std::string(Tr("a registry worker in the region who is not active in the period (not registered, or "
                      "non-active), informal or of unknown sector, aged ",
                      "pekerja terdata di wilayah yang tidak aktif pada periode itu (belum terdaftar atau non-aktif), "
                      "sektor informal atau tidak diketahui, berusia ")) +
           std::to_string(rep.min_age) + "\u2013" + std::to_string(rep.max_age) +
           Tr(" on the start date, with a valid NIK", " pada tanggal mulai, dengan NIK valid")},
      {Tr("Cost", "Biaya"),
       Tr("enrolled x the package's cost per worker for the months (whole rupiah; docs/planning.md)",
          "jumlah didaftarkan x biaya paket per pekerja selama jumlah bulan (rupiah bulat; docs/planning.md)")},
      {Tr("Coverage after", "Cakupan sesudah"),
       Tr("(active + enrolled) / denominator, on the same basis as before; the denominator does not grow",
          "(aktif + didaftarkan) / penyebut, pada basis yang sama; penyebut tidak bertambah")},
      {Tr("Unfunded", "Belum terdanai"), Tr("candidates not enrolled", "calon yang tidak didaftarkan")},
      {Tr("Funders", "Penyandang dana"),
       Tr("each funder's share of the cost rounded down to whole rupiah; the rupiah left go one each to the "
          "largest remainders, so the parts add up to the cost",
          "bagian tiap penyandang dana dibulatkan ke bawah ke rupiah bulat; sisa rupiah diberikan satu per satu "
          "kepada sisa pembagian terbesar, sehingga jumlahnya sama dengan biaya")},
      {Tr("Ties", "Urutan sama"),
       Tr("broken by a hash of the NIK (SplitMix64), not by NIK order",
          "ditentukan oleh hash NIK (SplitMix64), bukan urutan NIK")},
  };
}

}  // namespace

std::string RenderPlan(const PlanReport& rep) {
  const ContributionRequest& q = rep.worker.request;
  std::string out = Title(rep) + "\n";
  out += std::string(Tr("Policy: ", "Kebijakan: ")) + Tr(PlanPolicyLabelEn(rep.policy), PlanPolicyLabelId(rep.policy)) +
         "\n";
  out += std::string(Tr("Package: ", "Paket: ")) + PackageText(rep) + ", " + std::to_string(q.months) +
         Tr(" months from ", " bulan mulai ") + DateText(q.start) + ": " + FormatRupiah(rep.cost_per_worker) +
         Tr(" per worker", " per pekerja") + "\n";
  out += std::string(Tr("Basis: ", "Basis: ")) + BasisText(rep.basis) + "\n\n";

  std::vector<std::pair<std::string, std::string>> summary;
  summary.push_back({Tr("Budget", "Anggaran"), FormatRupiah(rep.budget)});
  summary.push_back({Tr("Cost", "Biaya"), FormatRupiah(rep.cost) + " (" + FormatCount(rep.enrolled) +
                                     Tr(" workers)", " pekerja)")});
  summary.push_back({Tr("Left over", "Sisa"), FormatRupiah(rep.remaining)});
  summary.push_back({Tr("Candidates", "Calon"), FormatCount(rep.candidates) + " (" + Tr("not registered ", "belum terdaftar ") +
                                           FormatCount(rep.candidates_unregistered) + ", " +
                                           Tr("non-active ", "non-aktif ") + FormatCount(rep.candidates_non_active) +
                                           ")"});
  summary.push_back({Tr("Unfunded", "Belum terdanai"), FormatCount(rep.unfunded) + Tr(" workers, ", " pekerja, ") +
                                                   FormatRupiah(rep.unfunded_cost)});
  summary.push_back({Tr("Coverage", "Cakupan"), Arrow(rep.region.coverage_before, rep.region.coverage_after) + " (" +
                                           FormatCount(rep.region.active_before) + " \u2192 " +
                                           FormatCount(rep.region.active_after) + Tr(" active of ", " aktif dari ") +
                                           Count(rep.region.workers) + ")"});
  std::string funders;
  for (const Funder& f : rep.funders)
    funders += (funders.empty() ? "" : " \u00b7 ") + f.name + " " + ShareText(f.share_pcm) + ": " + FormatRupiah(f.amount);
  summary.push_back({Tr("Funders", "Penyandang dana"), funders});
  if (rep.policy == PlanPolicy::kEqualShare) {
    summary.push_back({Tr("Equal share", "Bagian sama rata"), FormatRupiah(rep.first_share) + Tr(" per region, ", " per wilayah, ") +
                                                         std::to_string(rep.rounds) + Tr(" rounds", " putaran")});
  }
  size_t width = 0;
  for (const auto& [label, value] : summary) width = std::max(width, DisplayWidth(label));
  for (const auto& [label, value] : summary)
    out += label + std::string(width - DisplayWidth(label) + 2, ' ') + value + "\n";
  out += "\n";

  if (!rep.rows.empty()) {
    TextTable t;
    t.AddColumn(Tr("Code", "Kode"), TextTable::Align::kLeft);
    t.AddColumn(Tr("Region", "Wilayah"), TextTable::Align::kLeft);
    t.AddColumn(Tr("Denominator", "Penyebut"), TextTable::Align::kRight);
    t.AddColumn(Tr("Active", "Aktif"), TextTable::Align::kRight);
    t.AddColumn(Tr("Coverage", "Cakupan"), TextTable::Align::kRight);
    t.AddColumn(Tr("Candidates", "Calon"), TextTable::Align::kRight);
    t.AddColumn(Tr("Enrolled", "Didaftarkan"), TextTable::Align::kRight);
    t.AddColumn(Tr("Cost", "Biaya"), TextTable::Align::kRight);
    t.AddColumn(Tr("Unfunded", "Belum terdanai"), TextTable::Align::kRight);
    t.AddColumn(Tr("Coverage after", "Cakupan sesudah"), TextTable::Align::kRight);
    auto add = [&](const PlanRow& r, const std::string& code, const std::string& name) {
      t.AddRow({code, name, Count(r.workers), FormatCount(r.active_before), Pct(r.coverage_before),
                FormatCount(r.candidates), FormatCount(r.enrolled), FormatRupiah(r.cost), FormatCount(r.unfunded),
                Pct(r.coverage_after)});
    };
    for (const PlanRow& r : rep.rows) add(r, r.code.ToString(), r.name);
    t.AddSeparator();
    add(rep.region, rep.region.code.ToString(), std::string(Tr("Total ", "Jumlah ")) + rep.region.name);
    out += t.Render() + "\n";
  }

  if (!rep.workers.empty()) {
    const int64_t first = rep.workers.front().rank, last = rep.workers.back().rank;
    out += std::string(Tr("Enrolled workers ", "Pekerja terpilih ")) + FormatCount(first) + "\u2013" +
           FormatCount(last) + Tr(" of ", " dari ") + FormatCount(rep.enrolled);
    if (last - first + 1 < rep.enrolled)
      out += Tr(" (the whole list: --format csv or xlsx)", " (daftar lengkap: --format csv atau xlsx)");
    out += "\n\n";
    TextTable w;
    w.AddColumn("#", TextTable::Align::kRight);
    w.AddColumn("NIK", TextTable::Align::kLeft);
    w.AddColumn(Tr("Name", "Nama"), TextTable::Align::kLeft);
    w.AddColumn(Tr("Village", "Desa"), TextTable::Align::kLeft);
    w.AddColumn(Tr("Occupation", "Pekerjaan"), TextTable::Align::kLeft);
    w.AddColumn(Tr("Reason", "Alasan"), TextTable::Align::kLeft);
    for (const PlanWorker& x : rep.workers)
      w.AddRow({FormatCount(x.rank), x.nik, x.name, x.village_name, x.occupation.empty() ? "-" : x.occupation,
                x.reason});
    out += w.Render() + "\n";
  }
  for (const std::string& n : rep.notes) out += "* " + n + "\n";
  for (const auto& [term, meaning] : Definitions(rep)) out += "* " + term + ": " + meaning + ".\n";
  return out;
}

Result<std::string> PlanReportXlsx(const PlanReport& rep) {
  const ContributionRequest& q = rep.worker.request;
  std::vector<XlsxSheet> sheets;
  // Summary.
  {
    XlsxSheet s;
    s.name = Tr("Summary", "Ringkasan");
    s.title = Title(rep);
    s.notes = {std::string(Tr("Policy: ", "Kebijakan: ")) + Tr(PlanPolicyLabelEn(rep.policy), PlanPolicyLabelId(rep.policy)),
               std::string(Tr("Package: ", "Paket: ")) + PackageText(rep) + ", " + std::to_string(q.months) +
                   Tr(" months from ", " bulan mulai ") + DateText(q.start),
               std::string(Tr("Basis: ", "Basis: ")) + BasisText(rep.basis)};
    s.columns = {{Tr("Item", "Keterangan"), XlsxKind::kText, 34},
                 {Tr("Rupiah", "Rupiah"), XlsxKind::kRupiah, 22},
                 {Tr("Workers", "Pekerja"), XlsxKind::kCount, 14},
                 {Tr("Share", "Porsi"), XlsxKind::kPercent, 12}};
    auto d = [](int64_t v) { return XlsxCell(static_cast<double>(v)); };
    auto opt = [](const std::optional<double>& v) { return v ? XlsxCell(*v) : XlsxCell(); };
    s.rows.push_back({std::string(Tr("Budget", "Anggaran")), d(rep.budget), XlsxCell(), XlsxCell()});
    s.rows.push_back({std::string(Tr("Cost per worker", "Biaya per pekerja")), d(rep.cost_per_worker), XlsxCell(),
                      XlsxCell()});
    s.rows.push_back({std::string(Tr("Enrolled (cost)", "Didaftarkan (biaya)")), d(rep.cost), d(rep.enrolled),
                      XlsxCell()});
    s.rows.push_back({std::string(Tr("Left over", "Sisa")), d(rep.remaining), XlsxCell(), XlsxCell()});
    s.rows.push_back({std::string(Tr("Candidates", "Calon")), XlsxCell(), d(rep.candidates), XlsxCell()});
    s.rows.push_back({std::string(Tr("  not registered", "  belum terdaftar")), XlsxCell(),
                      d(rep.candidates_unregistered), XlsxCell()});
    s.rows.push_back({std::string(Tr("  non-active", "  non-aktif")), XlsxCell(), d(rep.candidates_non_active),
                      XlsxCell()});
    s.rows.push_back({std::string(Tr("Unfunded", "Belum terdanai")), d(rep.unfunded_cost), d(rep.unfunded), XlsxCell()});
    s.rows.push_back({std::string(Tr("Coverage before", "Cakupan sebelum")), XlsxCell(), d(rep.region.active_before),
                      opt(rep.region.coverage_before)});
    s.rows.push_back({std::string(Tr("Coverage after", "Cakupan sesudah")), XlsxCell(), d(rep.region.active_after),
                      opt(rep.region.coverage_after)});
    for (const Funder& f : rep.funders) {
      s.rows.push_back({std::string(Tr("Funder: ", "Penyandang dana: ")) + f.name, d(f.amount), XlsxCell(),
                        XlsxCell(static_cast<double>(f.share_pcm) / kPcmPerWhole)});
    }
    sheets.push_back(std::move(s));
  }
  // Regions.
  {
    XlsxSheet s;
    s.name = Tr("Regions", "Wilayah");
    s.title = Title(rep);
    s.notes = {Tr("Before and after the plan; the denominator does not grow.",
                  "Sebelum dan sesudah rencana; penyebut tidak bertambah.")};
    s.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 12},
                 {Tr("Region", "Wilayah"), XlsxKind::kText, 30},
                 {Tr("Denominator", "Penyebut"), XlsxKind::kCount, 13},
                 {Tr("Active before", "Aktif sebelum"), XlsxKind::kCount, 13},
                 {Tr("Coverage before", "Cakupan sebelum"), XlsxKind::kPercent, 12},
                 {Tr("Candidates", "Calon"), XlsxKind::kCount, 12},
                 {Tr("Enrolled", "Didaftarkan"), XlsxKind::kCount, 12},
                 {Tr("Cost", "Biaya"), XlsxKind::kRupiah, 18},
                 {Tr("Unfunded", "Belum terdanai"), XlsxKind::kCount, 13},
                 {Tr("Active after", "Aktif sesudah"), XlsxKind::kCount, 13},
                 {Tr("Coverage after", "Cakupan sesudah"), XlsxKind::kPercent, 12}};
    auto add = [&](const PlanRow& r, const std::string& name) {
      auto d = [](int64_t v) { return XlsxCell(static_cast<double>(v)); };
      s.rows.push_back({r.code.ToString(), name, r.workers ? d(*r.workers) : XlsxCell(), d(r.active_before),
                        r.coverage_before ? XlsxCell(*r.coverage_before) : XlsxCell(), d(r.candidates), d(r.enrolled),
                        d(r.cost), d(r.unfunded), d(r.active_after),
                        r.coverage_after ? XlsxCell(*r.coverage_after) : XlsxCell()});
    };
    for (const PlanRow& r : rep.rows) add(r, r.name);
    add(rep.region, std::string(Tr("Total ", "Jumlah ")) + rep.region.name);
    sheets.push_back(std::move(s));
  }
  // Workers.
  {
    XlsxSheet s;
    s.name = Tr("Workers", "Pekerja");
    s.title = std::string(Tr("Enrolled workers, in the order chosen", "Pekerja terpilih, menurut urutan pemilihan"));
    if (static_cast<int64_t>(rep.workers.size()) > kMaxXlsxWorkers) {
      s.notes.push_back(std::string(Tr("The first ", "Hanya ")) + FormatCount(kMaxXlsxWorkers) +
                        Tr(" workers only (Excel's limit); the whole list: --format csv.",
                           " pekerja pertama (batas Excel); daftar lengkap: --format csv."));
    }
    s.columns = {{"#", XlsxKind::kCount, 9},
                 {"NIK", XlsxKind::kText, 19},
                 {Tr("Name", "Nama"), XlsxKind::kText, 24},
                 {Tr("Village code", "Kode desa"), XlsxKind::kText, 15},
                 {Tr("Village", "Desa"), XlsxKind::kText, 22},
                 {Tr("Region", "Wilayah"), XlsxKind::kText, 24},
                 {Tr("Age", "Usia"), XlsxKind::kCount, 7},
                 {Tr("Decile", "Desil"), XlsxKind::kCount, 7},
                 {Tr("Vulnerable", "Rentan"), XlsxKind::kText, 9},
                 {Tr("Occupation", "Pekerjaan"), XlsxKind::kText, 20},
                 {Tr("Status", "Status"), XlsxKind::kText, 15},
                 {Tr("Cost", "Biaya"), XlsxKind::kRupiah, 14},
                 {Tr("Reason", "Alasan"), XlsxKind::kText, 80}};
    int64_t k = 0;
    for (const PlanWorker& w : rep.workers) {
      if (++k > kMaxXlsxWorkers) break;
      s.rows.push_back({XlsxCell(static_cast<double>(w.rank)), w.nik, w.name, w.village.ToString(), w.village_name,
                        w.row_name, w.age ? XlsxCell(static_cast<double>(*w.age)) : XlsxCell(),
                        w.decile ? XlsxCell(static_cast<double>(w.decile)) : XlsxCell(),
                        VulnerabilityLabel(w.vulnerability), w.occupation, StatusLabel(w),
                        XlsxCell(static_cast<double>(w.cost)), w.reason});
    }
    sheets.push_back(std::move(s));
  }
  // Definitions and notes.
  {
    XlsxSheet s;
    s.name = Tr("Definitions", "Definisi");
    s.title = Tr("How the plan is computed (docs/planning.md)", "Cara rencana dihitung (docs/planning.md)");
    s.columns = {{Tr("Term", "Istilah"), XlsxKind::kText, 24}, {Tr("Meaning", "Arti"), XlsxKind::kText, 110}};
    for (const auto& [term, meaning] : Definitions(rep)) s.rows.push_back({term, meaning});
    for (const std::string& n : rep.notes) s.rows.push_back({std::string(Tr("Note", "Catatan")), n});
    sheets.push_back(std::move(s));
  }
  return WriteXlsx(sheets);
}

}  // namespace cakupan
