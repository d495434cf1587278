#include "synth/generator.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "base/i18n.h"
#include "synth/csv_out.h"
#include "synth/dataset_writer.h"
#include "synth/plan.h"

namespace cakupan {

namespace {

// BPS Sakernas months (February and August) from the latest one at or before
// `from` up to `to`.
std::vector<Period> SakernasMonths(Period from, Period to) {
  int year = from.year();
  int month = from.month() >= 8 ? 8 : from.month() >= 2 ? 2 : 8;
  if (from.month() < 2) --year;
  std::vector<Period> out;
  for (Period p = Period::FromYearMonth(year, month); p <= to; p = p.Plus(6)) out.push_back(p);
  return out;
}

// "0.4" -> "0.40"; "0.375" -> "0.375": at least two decimals, at most four.
std::string FormatFraction(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", f);
  std::string s = buf;
  while (s.size() > 4 && s.back() == '0' && s[s.size() - 3] != '.') s.pop_back();
  return s;
}

Status WriteLabourForce(const std::string& path, const std::vector<RegencyPlan>& regencies, Period first,
                        Period last) {
  CsvOut out;
  CAKUPAN_RETURN_IF_ERROR(out.Open(path));
  out.Raw("kode,periode,bekerja,formal,informal,sumber");
  out.EndRow();
  for (const Period& p : SakernasMonths(first, last)) {
    const std::string source = std::string("BPS Sakernas ") + IndonesianMonthName(p.month()) + " " +
                               std::to_string(p.year()) + " (sintetis)";
    for (const RegencyPlan& r : regencies) {
      out.Raw(r.region.ToString());
      out.Month(p);
      out.Uint(static_cast<uint64_t>(r.employed));
      out.Uint(static_cast<uint64_t>(r.employed_formal));
      out.Uint(static_cast<uint64_t>(r.employed - r.employed_formal));
      out.Text(source);
      out.EndRow();
    }
  }
  return out.Close();
}

Status WriteTargets(const std::string& path, const std::map<RegionCode, double>& targets, int year) {
  CsvOut out;
  CAKUPAN_RETURN_IF_ERROR(out.Open(path));
  out.Raw("kode,tahun,target");
  out.EndRow();
  for (const auto& [code, target] : targets) {
    out.Raw(code.ToString());
    out.Uint(static_cast<uint64_t>(year));
    out.Raw(FormatFraction(target));
    out.EndRow();
  }
  return out.Close();
}

RegionCode Code(const char* text) { return RegionCode::Parse(text).value(); }

}  // namespace

Result<GenerateSummary> GenerateDataset(const RegionTable& regions, const std::vector<PopulationRecord>& population,
                                        const GenerateOptions& options, const std::string& out_dir,
                                        Progress& progress) {
  CAKUPAN_ASSIGN_OR_RETURN(DatasetPlan plan, PlanDataset(regions, population, options));
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return Status::IoError("cannot create directory " + out_dir + ": " + ec.message());

  GenerateSummary summary;
  DatasetWriter writer(regions, options, plan);
  Status opened = writer.Open(out_dir, &summary.files);
  if (!opened.ok()) {
    (void)writer.Close();
    return opened;
  }
  progress.Begin(Tr("generating workers and memberships", "membuat data pekerja dan kepesertaan"),
                 static_cast<uint64_t>(plan.workers));
  int64_t done = 0;
  for (size_t k = 0; k < plan.regencies.size(); ++k) {
    Status s = writer.WriteRegency(k);
    if (!s.ok()) {
      (void)writer.Close();
      progress.End();
      return s;
    }
    done += plan.regencies[k].workers;
    progress.Update(static_cast<uint64_t>(done));
  }
  progress.End();
  CAKUPAN_RETURN_IF_ERROR(writer.Close());

  summary.files.labour_force = out_dir + "/angkatan-kerja.csv";
  CAKUPAN_RETURN_IF_ERROR(
      WriteLabourForce(summary.files.labour_force, plan.regencies, writer.periods().front(), options.period));
  summary.files.targets = out_dir + "/target.csv";
  CAKUPAN_RETURN_IF_ERROR(WriteTargets(summary.files.targets, options.profile.targets, options.period.year()));

  summary.workers = plan.workers;
  summary.memberships = writer.memberships();
  summary.villages_with_workers = writer.villages_with_workers();
  summary.registry_rows = writer.registry_rows();
  summary.periods = writer.periods();
  summary.regencies = std::move(plan.regencies);
  return summary;
}

GenerateOptions BengkuluDemoOptions(int64_t bengkulu_workers, int64_t rest_workers, uint64_t seed) {
  GenerateOptions o;
  o.scopes = {{RegionCode::National(), rest_workers}, {Code("17"), bengkulu_workers}};
  o.seed = seed;
  o.period = Period::FromYearMonth(2024, 11);
  o.periods = 6;
  CoverageProfile& p = o.profile;
  // The Monev of 20 November 2024: Kaur highest (75%), Lebong lowest (17%),
  // the province 37%, the nation 39%.
  p.fixed = {{Code("17.04"), 0.75}, {Code("17.07"), 0.17}};
  p.province = {{Code("17"), 0.37}};
  p.national = 0.39;
  // The other eight regencies of Bengkulu: relative weights (our judgement,
  // not published figures). Kota Bengkulu, with most wage earners, highest;
  // Mukomuko (plantation companies) and Bengkulu Selatan next; Seluma and
  // Kepahiang (smallholder farming) lowest. Solved, they lie between about
  // 26% and 50%, strictly between Lebong and Kaur.
  p.weight = {
      {Code("17.01"), 1.00},  // Bengkulu Selatan
      {Code("17.02"), 0.95},  // Rejang Lebong
      {Code("17.03"), 0.90},  // Bengkulu Utara
      {Code("17.05"), 0.75},  // Seluma
      {Code("17.06"), 1.05},  // Mukomuko
      {Code("17.08"), 0.80},  // Kepahiang
      {Code("17.09"), 0.85},  // Bengkulu Tengah
      {Code("17.71"), 1.45},  // Kota Bengkulu
  };
  // 2024 targets (assumed): the nation at its own average, the province 40%,
  // regencies by capacity; Kaur already above its target, Lebong far below.
  p.targets = {
      {RegionCode::National(), 0.39}, {Code("17"), 0.40},    {Code("17.01"), 0.40}, {Code("17.02"), 0.38},
      {Code("17.03"), 0.38},          {Code("17.04"), 0.70}, {Code("17.05"), 0.33}, {Code("17.06"), 0.40},
      {Code("17.07"), 0.25},          {Code("17.08"), 0.33}, {Code("17.09"), 0.35}, {Code("17.71"), 0.50},
  };
  return o;
}

}  // namespace cakupan
