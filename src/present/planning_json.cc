#include "present/planning_json.h"

#include <map>

#include "planning/money.h"
#include "present/coverage_json.h"

namespace cakupan {

namespace {

nlohmann::json DateOrNull(Date d) { return d == kNoDate ? nlohmann::json(nullptr) : nlohmann::json(FormatIsoDate(d)); }
nlohmann::json PositiveOrNull(int64_t v) { return v > 0 ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

nlohmann::json GapTargetJson(const GapTarget& t) {
  nlohmann::json j;
  j["kind"] = GapTargetKindCode(t.kind);
  if (t.kind == GapTargetKind::kOwn) {
    j["value"] = nullptr;
  } else {
    j["value"] = t.ratio.value();
    j["numerator"] = t.ratio.numerator;
    j["denominator"] = t.ratio.denominator;
  }
  return j;
}

namespace {

nlohmann::json GapRowJson(const GapRow& r) {
  nlohmann::json j;
  j["code"] = r.code.ToString();
  j["name"] = r.name;
  j["level"] = RegionLevelName(r.level);
  j["workers"] = JsonOrNull(r.workers);
  j["active"] = r.active;
  j["coverage"] = JsonOrNull(r.coverage);
  j["target"] = r.target ? nlohmann::json(r.target->value()) : nlohmann::json(nullptr);
  j["needed"] = JsonOrNull(r.needed);
  j["yearly_cost"] = JsonOrNull(r.yearly_cost);
  return j;
}

std::string Opt(const std::optional<int64_t>& v) { return v ? CsvNumber(*v) : std::string(); }
std::string Opt(const std::optional<double>& v) { return v ? CsvNumber(*v) : std::string(); }

}  // namespace

nlohmann::json PayerAmountsJson(const PayerAmounts& a) {
  return nlohmann::json{{"employer", a.employer}, {"worker", a.worker}, {"government", a.government},
                        {"total", a.total()}};
}

nlohmann::json RateJson(const ContributionRate& r) {
  const bool flat = r.basis == RateBasis::kFlat;
  nlohmann::json j;
  j["programme"] = FormatProgrammes(r.programmes);
  j["segment"] = SegmentCode(r.segment);
  j["risk_class"] = r.risk_class == 0 ? nlohmann::json(nullptr) : nlohmann::json(r.risk_class);
  j["basis"] = RateBasisCode(r.basis);
  j["rate_percent"] = flat ? nlohmann::json(nullptr) : nlohmann::json(PcmDecimalText(r.rate_pcm));
  j["rate_pcm"] = flat ? nlohmann::json(nullptr) : nlohmann::json(r.rate_pcm);
  j["amount"] = flat ? nlohmann::json(r.amount) : nlohmann::json(nullptr);
  // Shares: pcm of the base (percent, contract) or rupiah (flat).
  j["share_unit"] = flat ? "rupiah" : "pcm";
  j["employer"] = r.employer;
  j["worker"] = r.worker;
  j["government"] = r.government;
  j["recomposed"] = r.recomposed;
  j["base_min"] = PositiveOrNull(r.base_min);
  j["base_cap"] = PositiveOrNull(r.base_cap);
  j["base_from"] = r.basis == RateBasis::kContract || r.base_from > 0 ? nlohmann::json(r.base_from) : nullptr;
  j["base_to"] = PositiveOrNull(r.base_to);
  j["effective_from"] = DateOrNull(r.effective_from);
  j["effective_to"] = DateOrNull(r.effective_to);
  j["regulation"] = r.regulation;
  j["note"] = r.note;
  return j;
}

nlohmann::json RatesJson(const std::vector<ContributionRate>& rows, Date in_force_on) {
  nlohmann::json j;
  j["date"] = DateOrNull(in_force_on);
  nlohmann::json list = nlohmann::json::array();
  for (const ContributionRate& r : rows) list.push_back(RateJson(r));
  j["rows"] = std::move(list);
  return j;
}

nlohmann::json ContributionJson(const ContributionResult& res) {
  const ContributionRequest& q = res.request;
  nlohmann::json j;
  j["segment"] = SegmentCode(q.segment);
  j["package"] = q.package.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.package);
  j["programmes"] = FormatProgrammes(q.programmes);
  j["monthly_base"] = PositiveOrNull(q.monthly_base);
  j["contract_value"] = PositiveOrNull(q.contract_value);
  j["risk_class"] = q.risk_class == 0 ? nlohmann::json(nullptr) : nlohmann::json(q.risk_class);
  j["date"] = FormatIsoDate(q.start);
  j["months"] = q.months;
  j["workers"] = q.workers;
  nlohmann::json lines = nlohmann::json::array();
  std::map<uint8_t, Rupiah> by_programme;
  for (const ContributionLine& l : res.lines) {
    nlohmann::json x;
    x["programme"] = FormatProgrammes(l.programmes);
    x["basis"] = RateBasisCode(l.rate.basis);
    // A contract line's rates are those of its tranches (below).
    x["rate_percent"] = l.rate.basis == RateBasis::kPercent ? nlohmann::json(PcmDecimalText(l.rate.rate_pcm))
                                                            : nlohmann::json(nullptr);
    x["amount"] = l.rate.basis == RateBasis::kFlat ? nlohmann::json(l.rate.amount) : nlohmann::json(nullptr);
    x["base"] = l.rate.basis == RateBasis::kFlat ? nlohmann::json(nullptr) : nlohmann::json(l.base);
    x["first_month"] = FormatIsoDate(l.first_day);
    x["months"] = l.months;
    x["per_worker_month"] = PayerAmountsJson(l.per_worker_month);
    x["recomposed_per_worker_month"] = l.recomposed_per_worker_month;
    x["total"] = PayerAmountsJson(l.total);
    x["effective_from"] = DateOrNull(l.rate.effective_from);
    x["effective_to"] = DateOrNull(l.rate.effective_to);
    x["regulation"] = l.rate.regulation;
    if (l.rate.basis == RateBasis::kContract) {
      nlohmann::json tranches = nlohmann::json::array();
      for (const ContributionRate& t : l.tranches) {
        tranches.push_back({{"from", t.base_from},
                            {"to", PositiveOrNull(t.base_to)},
                            {"rate_percent", PcmDecimalText(t.rate_pcm)}});
      }
      x["tranches"] = std::move(tranches);
    }
    by_programme[l.programmes] += l.total.total();
    lines.push_back(std::move(x));
  }
  j["lines"] = std::move(lines);
  nlohmann::json programmes = nlohmann::json::object();
  for (const auto& [mask, amount] : by_programme) programmes[FormatProgrammes(mask)] = amount;
  j["by_programme"] = std::move(programmes);
  j["by_payer"] = nlohmann::json{
      {"employer", res.total.employer}, {"worker", res.total.worker}, {"government", res.total.government}};
  j["first_month"] = PayerAmountsJson(res.first_month);
  j["per_worker"] = PayerAmountsJson(res.per_worker);
  j["total"] = res.total.total();
  j["notes"] = res.notes;
  j["rounding"] = q.contract_value > 0 ? "half_up_once_per_contract" : "half_up_per_worker_month_programme";
  return j;
}

nlohmann::json GapReportJson(const GapReport& rep) {
  nlohmann::json j;
  j["period"] = rep.period.ToString();
  j["basis"] = rep.basis;
  j["level"] = RegionLevelName(rep.level);
  j["target"] = GapTargetJson(rep.target);
  j["national_reference"] = JsonOrNull(rep.national_reference);
  j["national_reference_note"] =
      rep.national_reference_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(rep.national_reference_note);
  j["denominator_grows"] = false;
  j["package"] = rep.worker_year.request.package.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(rep.worker_year.request.package);
  j["programmes"] = FormatProgrammes(rep.worker_year.request.programmes);
  j["segment"] = SegmentCode(rep.worker_year.request.segment);
  j["cost_per_worker_year"] = rep.worker_year.per_worker.total();
  j["worker_year"] = ContributionJson(rep.worker_year);
  j["region"] = GapRowJson(rep.region);
  nlohmann::json rows = nlohmann::json::array();
  for (const GapRow& r : rep.rows) rows.push_back(GapRowJson(r));
  j["rows"] = std::move(rows);
  j["rows_needed"] = rep.rows_needed;
  j["rows_cost"] = rep.rows_cost;
  j["rows_without_target"] = rep.rows_without_target;
  j["rows_without_workers"] = rep.rows_without_workers;
  return j;
}

std::string ContributionCsv(const ContributionResult& res) {
  std::string out =
      "programme,basis,rate_percent,amount,base,first_month,months,per_worker_month,employer,worker,government,"
      "total,recomposed_per_worker_month,regulation\n";
  for (const ContributionLine& l : res.lines) {
    const bool flat = l.rate.basis == RateBasis::kFlat;
    const bool percent = l.rate.basis == RateBasis::kPercent;
    out += FormatProgrammes(l.programmes) + "," + RateBasisCode(l.rate.basis) + "," +
           (percent ? PcmDecimalText(l.rate.rate_pcm) : std::string()) + "," +
           (flat ? CsvNumber(l.rate.amount) : std::string()) + "," + CsvNumber(l.base) + "," +
           FormatIsoDate(l.first_day) + "," + CsvNumber(static_cast<int64_t>(l.months)) + "," +
           CsvNumber(l.per_worker_month.total()) + "," + CsvNumber(l.total.employer) + "," +
           CsvNumber(l.total.worker) + "," + CsvNumber(l.total.government) + "," + CsvNumber(l.total.total()) + "," +
           CsvNumber(l.recomposed_per_worker_month) + "," + CsvField(l.rate.regulation) + "\n";
  }
  out += "total,,,,," + FormatIsoDate(res.request.start) + "," + CsvNumber(static_cast<int64_t>(res.request.months)) +
         "," + CsvNumber(res.first_month.total()) + "," + CsvNumber(res.total.employer) + "," +
         CsvNumber(res.total.worker) + "," + CsvNumber(res.total.government) + "," + CsvNumber(res.total.total()) +
         ",,\n";
  return out;
}

std::string GapReportCsv(const GapReport& rep) {
  std::string out =
      "period,basis,code,name,level,workers,active,coverage,target,needed,yearly_cost,package,cost_per_worker_year,"
      "is_total\n";
  const std::string package = rep.worker_year.request.package.empty()
                                  ? FormatProgrammes(rep.worker_year.request.programmes)
                                  : rep.worker_year.request.package;
  auto line = [&](const GapRow& r, bool total) {
    out += rep.period.ToString() + "," + rep.basis + "," + r.code.ToString() + "," + CsvField(r.name) + "," +
           RegionLevelName(r.level) + "," + Opt(r.workers) + "," + CsvNumber(r.active) + "," + Opt(r.coverage) + "," +
           (r.target ? CsvNumber(r.target->value()) : std::string()) + "," + Opt(r.needed) + "," +
           Opt(r.yearly_cost) + "," + CsvField(package) + "," + CsvNumber(rep.worker_year.per_worker.total()) + "," +
           (total ? "1" : "0") + "\n";
  };
  for (const GapRow& r : rep.rows) line(r, false);
  line(rep.region, true);
  return out;
}

}  // namespace cakupan
