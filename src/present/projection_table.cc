#include "present/projection_table.h"

#include "base/format_id.h"
#include "base/i18n.h"
#include "engine/coverage.h"
#include "planning/money.h"
#include "present/coverage_table.h"
#include "present/text_table.h"
#include "present/xlsx.h"

namespace cakupan {

namespace {

std::string PeriodText(Period p) { return CurrentLanguage() == Lang::kEn ? p.ToString() : p.ToIndonesian(); }

std::string BasisText(const std::string& basis) {
  auto b = ParseBasis(basis);
  return b ? BasisLabel(*b) : basis;
}

// A target as written when it came from text (pcm), else one decimal.
std::string TargetText(const CoverageRatio& t) {
  if (t.denominator == kPcmPerWhole) return FormatPcmPercent(t.numerator);
  return FormatPercent(t.value(), 1);
}

std::string TargetDescription(const ProjectionReport& rep) {
  switch (rep.target.kind) {
    case GapTargetKind::kOwn:
      return Tr("each region's own target for the year of the latest period",
                "target masing-masing wilayah untuk tahun periode terbaru");
    case GapTargetKind::kNational:
      return std::string(Tr("the national reference, ", "rujukan nasional, ")) + TargetText(rep.target.ratio);
    case GapTargetKind::kFixed:
      return TargetText(rep.target.ratio) + Tr(" for every region", " untuk setiap wilayah");
  }
  return "";
}

std::string SignedCount(int64_t v) { return v > 0 ? "+" + FormatCount(v) : FormatCount(v); }

std::string PaceText(const std::optional<Pace>& pace) {
  if (!pace) return "-";
  const std::string s = FormatDecimal(pace->value(), 1);
  return pace->numerator > 0 ? "+" + s : s;
}

std::string NeededText(const std::optional<int64_t>& needed) {
  if (!needed) return "-";
  if (*needed == 0) return Tr("met", "tercapai");
  return "+" + FormatCount(*needed);
}

std::string PerMonthText(const std::optional<int64_t>& v) {
  if (!v) return "-";
  return SignedCount(*v);
}

std::string ReachedText(const ProjectionRow& r) {
  switch (r.status) {
    case ProjectionStatus::kReached: return Tr("already", "sudah tercapai");
    case ProjectionStatus::kProjected: return PeriodText(*r.reached_in);
    case ProjectionStatus::kNotAtPace: return Tr("not at this pace", "tidak pada laju ini");
    case ProjectionStatus::kBeyondHorizon: return Tr("> 100 years", "> 100 tahun");
    case ProjectionStatus::kTooFewPeriods: return Tr("needs 2 periods", "perlu 2 periode");
    case ProjectionStatus::kNoTarget:
    case ProjectionStatus::kNoDenominator: return "-";
  }
  return "-";
}

std::string PeriodRange(const ProjectionReport& rep) {
  if (rep.periods.empty()) return "-";
  if (rep.periods.size() == 1) return PeriodText(rep.periods.front());
  return PeriodText(rep.periods.front()) + " \u2013 " + PeriodText(rep.periods.back());
}

std::string Title(const ProjectionReport& rep) {
  return std::string(Tr("Coverage projection", "Proyeksi cakupan")) + " \u2014 " + rep.region.name + " (" +
         rep.region.code.ToString() + "), " + Tr("data ", "data ") + PeriodRange(rep);
}

std::string ByLine(const ProjectionReport& rep) {
  return std::string(Tr("Reach the target by: ", "Batas waktu: ")) + PeriodText(rep.by) + " (" +
         FormatCount(rep.months_to_by) + Tr(" months after ", " bulan setelah ") + PeriodText(rep.latest()) + ")";
}

std::string PaceNote(const ProjectionReport& rep) {
  return std::string(Tr("Pace: the least-squares slope of active participants against the month, over ",
                        "Laju: kemiringan garis kuadrat terkecil peserta aktif terhadap bulan, atas ")) +
         std::to_string(rep.periods.size()) + Tr(" periods (", " periode (") + PeriodRange(rep) +
         Tr("); a month that was not reconciled still counts as a month.",
            "); bulan yang tidak direkonsiliasi tetap dihitung sebagai bulan.");
}

std::string ReachedNote(const ProjectionReport& rep) {
  const std::string latest = PeriodText(rep.latest());
  return std::string(Tr("Reached: the first month in which active of ", "Tercapai: bulan pertama ketika aktif ")) +
         latest + Tr(" + pace x months >= target x denominator of ", " + laju x bulan >= target x penyebut ") + latest +
         Tr("; the denominator does not grow. 'not at this pace': the pace is zero or falling.",
            "; penyebut tidak bertambah. 'tidak pada laju ini': laju nol atau menurun.");
}

std::string PerMonthNote(const ProjectionReport& rep) {
  return std::string(Tr("Needed a month: net growth of active participants a month (new enrolments minus those who "
                        "lapse) to reach the target by ",
                        "Perlu/bulan: pertambahan bersih peserta aktif per bulan (pendaftaran baru dikurangi yang "
                        "berhenti) agar target tercapai pada ")) +
         PeriodText(rep.by) + Tr(" = workers needed / ", " = tambahan / ") + FormatCount(rep.months_to_by) +
         Tr(" months, rounded up.", " bulan, dibulatkan ke atas.");
}

std::vector<std::string> ConditionalNotes(const ProjectionReport& rep) {
  std::vector<std::string> notes;
  if (rep.periods.size() < static_cast<size_t>(kMinPacePeriods)) {
    notes.push_back(std::string(Tr("A pace needs at least 2 reconciled periods; there is only 1 (",
                                   "Laju memerlukan paling sedikit 2 periode yang direkonsiliasi; hanya ada 1 (")) +
                    PeriodRange(rep) +
                    Tr("). Import the membership extract of another month (cakupan import members --period YYYY-MM) "
                       "and run cakupan reconcile.",
                       "). Impor data kepesertaan bulan lain (cakupan import members --period YYYY-MM) lalu jalankan "
                       "cakupan reconcile."));
  }
  for (Period p : rep.stale_periods) {
    notes.push_back(std::string(Tr("Period ", "Periode ")) + p.ToString() +
                    Tr(" left out: the data changed since it was reconciled; run cakupan reconcile --period ",
                       " dilewati: data berubah sejak direkonsiliasi; jalankan cakupan reconcile --period ") +
                    p.ToString() + ".");
  }
  const int64_t no_target = rep.status_counts[static_cast<int>(ProjectionStatus::kNoTarget)];
  const int64_t no_denominator = rep.status_counts[static_cast<int>(ProjectionStatus::kNoDenominator)];
  if (no_target > 0) {
    notes.push_back(std::to_string(no_target) +
                    Tr(" regions have no target for the year ('-'): import targets or give --target.",
                       " wilayah tidak memiliki target untuk tahun itu ('-'): impor target atau berikan --target."));
  }
  if (no_denominator > 0) {
    notes.push_back(std::to_string(no_denominator) + Tr(" regions have no denominator on this basis ('-').",
                                                        " wilayah tidak memiliki penyebut pada basis ini ('-')."));
  }
  return notes;
}

}  // namespace

std::string ProjectionSentence(const ProjectionReport& rep) {
  const ProjectionRow& r = rep.region;
  if (!r.target || !r.needed) return "";
  const std::string target = TargetText(*r.target);
  const std::string by = PeriodText(rep.by);
  const std::string need = std::string(Tr("to reach it by ", "untuk mencapainya pada ")) + by +
                           Tr(" it needs ", " perlu ") + PerMonthText(r.needed_per_month) +
                           Tr(" a month.", " per bulan.");
  const std::string pace = PaceText(r.pace) + Tr(" active participants a month", " peserta aktif per bulan");
  switch (r.status) {
    case ProjectionStatus::kReached:
      return r.name + ": " + Tr("already at ", "sudah mencapai ") + target + ".";
    case ProjectionStatus::kProjected:
      return r.name + ": " + Tr("at the present pace (", "dengan laju sekarang (") + pace + Tr(") ", ") target ") +
             target + Tr(" is reached in ", " tercapai pada ") + PeriodText(*r.reached_in) + " (" +
             FormatCount(*r.months_to_target) + Tr(" months); ", " bulan lagi); ") + need;
    case ProjectionStatus::kNotAtPace:
      return r.name + ": " + Tr("at the present pace (", "dengan laju sekarang (") + pace +
             Tr(") the target ", ") target ") + target + Tr(" is not reached; ", " tidak tercapai; ") + need;
    case ProjectionStatus::kBeyondHorizon:
      return r.name + ": " + Tr("at the present pace (", "dengan laju sekarang (") + pace +
             Tr(") the target ", ") target ") + target +
             Tr(" would take more than 100 years; ", " baru tercapai lebih dari 100 tahun lagi; ") + need;
    case ProjectionStatus::kTooFewPeriods:
      return r.name + ": " + Tr("no pace yet (one period); to reach ", "laju belum dapat dihitung (satu periode); "
                                                                       "untuk mencapai target ") +
             target + Tr(" by ", " pada ") + by + Tr(" it needs ", " perlu ") + PerMonthText(r.needed_per_month) +
             Tr(" a month.", " per bulan.");
    case ProjectionStatus::kNoTarget:
    case ProjectionStatus::kNoDenominator: return "";
  }
  return "";
}

std::string RenderProjectionTable(const ProjectionReport& rep) {
  std::string out = Title(rep) + "\n";
  out += std::string(Tr("Basis: ", "Basis: ")) + BasisText(rep.basis) + "; " + Tr("target: ", "target: ") +
         TargetDescription(rep) + "\n";
  out += ByLine(rep) + "\n\n";
  TextTable t;
  t.AddColumn(Tr("Code", "Kode"), TextTable::Align::kLeft);
  t.AddColumn(Tr("Region", "Wilayah"), TextTable::Align::kLeft);
  t.AddColumn(rep.basis == "registry" ? Tr("Workers", "Pekerja") : Tr("Employed", "Bekerja"), TextTable::Align::kRight);
  t.AddColumn(Tr("Active", "Aktif"), TextTable::Align::kRight);
  t.AddColumn(Tr("Coverage", "Cakupan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Target", "Target"), TextTable::Align::kRight);
  t.AddColumn(Tr("Needed", "Tambahan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Pace/month", "Laju/bulan"), TextTable::Align::kRight);
  t.AddColumn(Tr("Reached", "Tercapai"), TextTable::Align::kRight);
  t.AddColumn(std::string(Tr("Per month to ", "Perlu/bulan s.d. ")) + PeriodText(rep.by), TextTable::Align::kRight);
  auto add = [&](const ProjectionRow& r, const std::string& name) {
    t.AddRow({r.code.ToString(), name, r.workers ? FormatCount(*r.workers) : "-", FormatCount(r.active),
              r.coverage ? FormatPercent(*r.coverage, 1) : "-", r.target ? TargetText(*r.target) : "-",
              NeededText(r.needed), PaceText(r.pace), ReachedText(r), PerMonthText(r.needed_per_month)});
  };
  for (const ProjectionRow& r : rep.rows) add(r, r.name);
  t.AddSeparator();
  add(rep.region, std::string(Tr("Total ", "Jumlah ")) + rep.region.name);
  out += t.Render();
  out += "\n";
  if (std::string s = ProjectionSentence(rep); !s.empty()) out += "* " + s + "\n";
  const int64_t with_target = static_cast<int64_t>(rep.rows.size()) -
                              rep.status_counts[static_cast<int>(ProjectionStatus::kNoTarget)] -
                              rep.status_counts[static_cast<int>(ProjectionStatus::kNoDenominator)];
  if (!rep.rows.empty() && with_target > 0 && rep.periods.size() >= static_cast<size_t>(kMinPacePeriods)) {
    out += std::string("* ") + Tr("At the present pace ", "Dengan laju sekarang ") + FormatCount(rep.rows_on_track) +
           Tr(" of ", " dari ") + FormatCount(with_target) +
           Tr(" regions reach their target by ", " wilayah mencapai targetnya pada ") + PeriodText(rep.by) + ".\n";
  }
  out += "* " + PaceNote(rep) + "\n";
  out += "* " + ReachedNote(rep) + "\n";
  out += "* " + PerMonthNote(rep) + "\n";
  for (const std::string& n : ConditionalNotes(rep)) out += "* " + n + "\n";
  return out;
}

Result<std::string> ProjectionReportXlsx(const ProjectionReport& rep) {
  XlsxSheet main;
  main.name = Tr("Projection", "Proyeksi");
  main.title = Title(rep);
  main.notes = {std::string(Tr("Basis: ", "Basis: ")) + BasisText(rep.basis) + "; " + Tr("target: ", "target: ") +
                    TargetDescription(rep),
                ByLine(rep)};
  if (std::string s = ProjectionSentence(rep); !s.empty()) main.notes.push_back(s);
  for (const std::string& n : ConditionalNotes(rep)) main.notes.push_back(n);
  main.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 14},
                  {Tr("Region", "Wilayah"), XlsxKind::kText, 28},
                  {rep.basis == "registry" ? Tr("Workers", "Pekerja") : Tr("Employed", "Bekerja"), XlsxKind::kCount, 13},
                  {Tr("Active", "Aktif"), XlsxKind::kCount, 12},
                  {Tr("Coverage", "Cakupan"), XlsxKind::kPercent, 10},
                  {Tr("Target", "Target"), XlsxKind::kPercent, 10},
                  {Tr("Needed", "Tambahan"), XlsxKind::kCount, 12},
                  {Tr("Pace per month", "Laju per bulan"), XlsxKind::kPoints, 13},
                  {Tr("Reached", "Tercapai"), XlsxKind::kText, 18},
                  {Tr("Months to target", "Bulan lagi"), XlsxKind::kCount, 11},
                  {std::string(Tr("Per month to ", "Perlu per bulan s.d. ")) + PeriodText(rep.by), XlsxKind::kCount, 20},
                  {Tr("Status", "Status"), XlsxKind::kText, 16}};
  auto num = [](const auto& v) -> XlsxCell {
    if (!v) return std::monostate{};
    return static_cast<double>(*v);
  };
  auto add = [&](const ProjectionRow& r, const std::string& name) {
    main.rows.push_back({r.code.ToString(), name, num(r.workers), static_cast<double>(r.active), num(r.coverage),
                         r.target ? XlsxCell(r.target->value()) : XlsxCell(std::monostate{}), num(r.needed),
                         r.pace ? XlsxCell(r.pace->value()) : XlsxCell(std::monostate{}), ReachedText(r),
                         num(r.months_to_target), num(r.needed_per_month), std::string(ProjectionStatusCode(r.status))});
  };
  for (const ProjectionRow& r : rep.rows) add(r, r.name);
  add(rep.region, std::string(Tr("Total ", "Jumlah ")) + rep.region.name);

  XlsxSheet series;
  series.name = Tr("Series", "Seri");
  series.title = Tr("Active participants per period (the points of the pace)",
                    "Peserta aktif per periode (titik-titik laju)");
  series.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 14}, {Tr("Region", "Wilayah"), XlsxKind::kText, 28}};
  for (Period p : rep.periods) series.columns.push_back({p.ToString(), XlsxKind::kCount, 11});
  auto add_series = [&](const ProjectionRow& r, const std::string& name) {
    std::vector<XlsxCell> cells(2 + rep.periods.size());  // empty cells
    cells[0] = r.code.ToString();
    cells[1] = name;
    size_t k = 0;
    for (size_t i = 0; i < rep.periods.size(); ++i) {
      if (k < r.series.size() && r.series[k].period == rep.periods[i]) {
        cells[2 + i] = static_cast<double>(r.series[k].active);
        ++k;
      }
    }
    series.rows.push_back(std::move(cells));
  };
  for (const ProjectionRow& r : rep.rows) add_series(r, r.name);
  add_series(rep.region, std::string(Tr("Total ", "Jumlah ")) + rep.region.name);

  XlsxSheet defs;
  defs.name = Tr("Definitions", "Definisi");
  defs.title = Tr("How the figures are computed (docs/definitions.md, docs/planning.md)",
                  "Cara angka dihitung (docs/definitions.md, docs/planning.md)");
  defs.columns = {{Tr("Column", "Kolom"), XlsxKind::kText, 22}, {Tr("Meaning", "Arti"), XlsxKind::kText, 120}};
  defs.rows = {
      {std::string(Tr("Pace per month", "Laju per bulan")), PaceNote(rep)},
      {std::string(Tr("Reached", "Tercapai")), ReachedNote(rep)},
      {std::string(Tr("Per month", "Perlu per bulan")), PerMonthNote(rep)},
      {std::string(Tr("Needed", "Tambahan")),
       std::string(Tr("the smallest whole n with (active + n) / denominator >= target, in the latest period",
                      "bilangan bulat terkecil n dengan (aktif + n) / penyebut >= target, pada periode terbaru"))},
  };
  return WriteXlsx({main, series, defs});
}

}  // namespace cakupan
