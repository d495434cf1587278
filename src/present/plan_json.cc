#include "present/plan_json.h"

#include "base/i18n.h"
#include "planning/money.h"
#include "planning/package.h"
#include "present/coverage_json.h"

namespace cakupan {

namespace {

nlohmann::json SharePercent(int64_t pcm) {
  if (pcm % 1000 == 0) return pcm / 1000;
  return static_cast<double>(pcm) / 1000.0;
}

nlohmann::json RowJson(const PlanRow& r) {
  nlohmann::json j;
  j["code"] = r.code.ToString();
  j["name"] = r.name;
  j["level"] = RegionLevelName(r.level);
  j["workers"] = JsonOrNull(r.workers);
  j["active_before"] = r.active_before;
  j["active_after"] = r.active_after;
  j["coverage_before"] = JsonOrNull(r.coverage_before);
  j["coverage_after"] = JsonOrNull(r.coverage_after);
  j["candidates"] = r.candidates;
  j["enrolled"] = r.enrolled;
  j["cost"] = r.cost;
  j["unfunded"] = r.unfunded;
  j["allotted"] = r.allotted;
  return j;
}

nlohmann::json NullIfEmpty(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

nlohmann::json PlanReportJson(const PlanReport& rep) {
  const ContributionRequest& q = rep.worker.request;
  nlohmann::json j;
  j["region"] = RowJson(rep.region);
  j["period"] = rep.period.ToString();
  j["basis"] = rep.basis;
  j["level"] = RegionLevelName(rep.level);
  j["policy"] = PlanPolicyCode(rep.policy);
  j["policy_label"] = Tr(PlanPolicyLabelEn(rep.policy), PlanPolicyLabelId(rep.policy));
  j["package"] = q.package;
  auto package = FindPackage(q.package);
  j["package_label"] = package.ok() ? nlohmann::json(Tr(package->label_en, package->label_id)) : nlohmann::json(nullptr);
  j["programmes"] = FormatProgrammes(q.programmes);
  j["segment"] = SegmentCode(q.segment);
  j["income"] = q.monthly_base;
  j["months"] = q.months;
  j["date"] = FormatIsoDate(q.start);
  j["cost_per_worker"] = rep.cost_per_worker;
  j["budget"] = rep.budget;
  j["cost"] = rep.cost;
  j["remaining"] = rep.remaining;
  j["candidates"] = rep.candidates;
  j["candidates_by_status"] = {{"unregistered", rep.candidates_unregistered}, {"non_active", rep.candidates_non_active}};
  j["excluded"] = {{"formal", rep.excluded.formal}, {"age", rep.excluded.age}, {"invalid_nik", rep.excluded.invalid_nik}};
  j["eligibility"] = {{"segment", "BPU"},
                      {"formality", nlohmann::json::array({"informal", "unknown"})},
                      {"min_age", rep.min_age},
                      {"max_age", rep.max_age},
                      {"status", nlohmann::json::array({"unregistered", "non_active"})},
                      {"valid_nik", true}};
  j["enrolled"] = rep.enrolled;
  j["unfunded"] = rep.unfunded;
  j["unfunded_cost"] = rep.unfunded_cost;
  j["coverage_before"] = JsonOrNull(rep.region.coverage_before);
  j["coverage_after"] = JsonOrNull(rep.region.coverage_after);
  j["denominator_grows"] = false;
  nlohmann::json funders = nlohmann::json::array();
  for (const Funder& f : rep.funders)
    funders.push_back({{"name", f.name}, {"share_percent", SharePercent(f.share_pcm)}, {"share_pcm", f.share_pcm},
                       {"amount", f.amount}});
  j["funders"] = std::move(funders);
  nlohmann::json rows = nlohmann::json::array();
  for (const PlanRow& r : rep.rows) rows.push_back(RowJson(r));
  j["rows"] = std::move(rows);
  j["enrolled_outside_rows"] = rep.enrolled_outside_rows;
  j["first_share"] = rep.policy == PlanPolicy::kEqualShare ? nlohmann::json(rep.first_share) : nlohmann::json(nullptr);
  j["rounds"] = rep.policy == PlanPolicy::kEqualShare ? nlohmann::json(rep.rounds) : nlohmann::json(nullptr);
  j["tie_break"] = "splitmix64(nik)";
  nlohmann::json items = nlohmann::json::array();
  for (const PlanWorker& w : rep.workers) {
    nlohmann::json x;
    x["rank"] = w.rank;
    x["nik"] = w.nik;
    x["name"] = w.name;
    x["village"] = w.village.ToString();
    x["village_name"] = w.village_name;
    x["row"] = w.row.ToString();
    x["row_name"] = w.row_name;
    x["sex"] = NullIfEmpty(SexCode(w.sex));
    x["age"] = JsonOrNull(w.age);
    x["formality"] = NullIfEmpty(FormalityCode(w.formality));
    x["decile"] = w.decile == 0 ? nlohmann::json(nullptr) : nlohmann::json(w.decile);
    x["vulnerability"] = NullIfEmpty(VulnerabilityCode(w.vulnerability));
    x["occupation"] = NullIfEmpty(w.occupation);
    x["status"] = WorkerStatusCode(w.status);
    x["lapsed_segment"] = NullIfEmpty(SegmentCode(w.lapsed_segment));
    x["cost"] = w.cost;
    x["reason"] = w.reason;
    items.push_back(std::move(x));
  }
  j["workers"] = {{"total", rep.enrolled},
                  {"page", rep.page},
                  {"pages", rep.pages},
                  {"page_size", rep.page_size},
                  {"items", std::move(items)}};
  j["notes"] = rep.notes;
  return j;
}

std::string PlanWorkersCsv(const PlanReport& rep) {
  std::string out =
      "rank,nik,name,village,village_name,row,row_name,sex,age,formality,decile,vulnerability,occupation,status,"
      "lapsed_segment,cost,reason\n";
  for (const PlanWorker& w : rep.workers) {
    out += CsvNumber(w.rank) + "," + CsvField(w.nik) + "," + CsvField(w.name) +
           "," + w.village.ToString() + "," + CsvField(w.village_name) + "," + w.row.ToString() + "," +
           CsvField(w.row_name) + "," + SexCode(w.sex) + "," + (w.age ? std::to_string(*w.age) : std::string()) +
           "," + FormalityCode(w.formality) + "," + (w.decile ? std::to_string(w.decile) : std::string()) + "," +
           VulnerabilityCode(w.vulnerability) + "," + CsvField(w.occupation) + "," + WorkerStatusCode(w.status) +
           "," + SegmentCode(w.lapsed_segment) + "," + CsvNumber(w.cost) + "," + CsvField(w.reason) + "\n";
  }
  return out;
}

}  // namespace cakupan
