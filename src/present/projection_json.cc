#include "present/projection_json.h"

#include "present/coverage_json.h"
#include "present/planning_json.h"

namespace cakupan {

namespace {

nlohmann::json PeriodOrNull(const std::optional<Period>& p) {
  return p ? nlohmann::json(p->ToString()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ProjectionRowJson(const ProjectionRow& r) {
  nlohmann::json j;
  j["code"] = r.code.ToString();
  j["name"] = r.name;
  j["level"] = RegionLevelName(r.level);
  j["workers"] = JsonOrNull(r.workers);
  j["active"] = r.active;
  j["coverage"] = JsonOrNull(r.coverage);
  j["target"] = r.target ? nlohmann::json(r.target->value()) : nlohmann::json(nullptr);
  j["needed"] = JsonOrNull(r.needed);
  nlohmann::json series = nlohmann::json::array();
  for (const ActivePoint& p : r.series) series.push_back({{"period", p.period.ToString()}, {"active", p.active}});
  j["series"] = std::move(series);
  j["pace_per_month"] = r.pace ? nlohmann::json(r.pace->value()) : nlohmann::json(nullptr);
  j["pace"] = r.pace ? nlohmann::json{{"numerator", r.pace->numerator}, {"denominator", r.pace->denominator}}
                     : nlohmann::json(nullptr);
  j["status"] = ProjectionStatusCode(r.status);
  j["months_to_target"] = JsonOrNull(r.months_to_target);
  j["reached_in"] = PeriodOrNull(r.reached_in);
  j["needed_per_month"] = JsonOrNull(r.needed_per_month);
  j["on_track"] = JsonOrNull(r.on_track);
  return j;
}

nlohmann::json ProjectionReportJson(const ProjectionReport& rep) {
  nlohmann::json j;
  j["basis"] = rep.basis;
  j["level"] = RegionLevelName(rep.level);
  j["method"] = "least_squares";
  j["min_periods"] = kMinPacePeriods;
  j["horizon_months"] = kProjectionHorizonMonths;
  nlohmann::json periods = nlohmann::json::array();
  for (Period p : rep.periods) periods.push_back(p.ToString());
  j["periods"] = std::move(periods);
  j["periods_requested"] = rep.periods_requested > 0 ? nlohmann::json(rep.periods_requested) : nlohmann::json(nullptr);
  nlohmann::json stale = nlohmann::json::array();
  for (Period p : rep.stale_periods) stale.push_back(p.ToString());
  j["stale_periods"] = std::move(stale);
  j["latest_period"] = rep.latest().ToString();
  j["by"] = rep.by.ToString();
  j["months_to_by"] = rep.months_to_by;
  j["denominator_grows"] = false;
  j["target"] = GapTargetJson(rep.target);
  j["national_reference"] = JsonOrNull(rep.national_reference);
  j["national_reference_note"] =
      rep.national_reference_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(rep.national_reference_note);
  j["region"] = ProjectionRowJson(rep.region);
  nlohmann::json rows = nlohmann::json::array();
  for (const ProjectionRow& r : rep.rows) rows.push_back(ProjectionRowJson(r));
  j["rows"] = std::move(rows);
  nlohmann::json counts = nlohmann::json::object();
  for (int s = 0; s < 7; ++s) counts[ProjectionStatusCode(static_cast<ProjectionStatus>(s))] = rep.status_counts[s];
  j["status_counts"] = std::move(counts);
  j["rows_on_track"] = rep.rows_on_track;
  return j;
}

std::string ProjectionReportCsv(const ProjectionReport& rep) {
  std::string out =
      "latest_period,first_period,periods,basis,code,name,level,workers,active,coverage,target,needed,"
      "pace_per_month,status,months_to_target,reached_in,by,months_to_by,needed_per_month,on_track,is_total\n";
  const std::string head = rep.latest().ToString() + "," +
                           (rep.periods.empty() ? std::string() : rep.periods.front().ToString()) + "," +
                           std::to_string(rep.periods.size()) + "," + rep.basis + ",";
  auto line = [&](const ProjectionRow& r, bool total) {
    out += head + r.code.ToString() + "," + CsvField(r.name) + "," + RegionLevelName(r.level) + "," +
           CsvNumber(r.workers) + "," + CsvNumber(r.active) + "," + CsvNumber(r.coverage) + "," +
           (r.target ? CsvNumber(r.target->value()) : std::string()) + "," + CsvNumber(r.needed) + "," +
           (r.pace ? CsvNumber(r.pace->value()) : std::string()) + "," + ProjectionStatusCode(r.status) + "," +
           CsvNumber(r.months_to_target) + "," + (r.reached_in ? r.reached_in->ToString() : std::string()) + "," +
           rep.by.ToString() + "," + CsvNumber(rep.months_to_by) + "," + CsvNumber(r.needed_per_month) + "," +
           (r.on_track ? (*r.on_track ? "1" : "0") : "") + "," + (total ? "1" : "0") + "\n";
  };
  for (const ProjectionRow& r : rep.rows) line(r, false);
  line(rep.region, true);
  return out;
}

}  // namespace cakupan
