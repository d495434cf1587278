#include "present/coverage_json.h"

#include <charconv>

namespace cakupan {

namespace {


// Shortest text that reads back as the same number (C locale).
template <typename T>
void AppendNumber(std::string& out, T v) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}
template <typename T>
void AppendOpt(std::string& out, const std::optional<T>& v) {
  if (v) AppendNumber(out, *v);
}
std::string Num(double v) {
  std::string s;
  AppendNumber(s, v);
  return s;
}
template <typename T>
std::string OptNum(const std::optional<T>& v) {
  std::string s;
  AppendOpt(s, v);
  return s;
}

}  // namespace

std::string CsvNumber(double v) { return Num(v); }
std::string CsvNumber(int64_t v) {
  std::string s;
  AppendNumber(s, v);
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",;\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += "\"";
  return out;
}

nlohmann::json CoverageRowJson(const CoverageRow& r) {
  nlohmann::json j;
  j["code"] = r.code.ToString();
  j["name"] = r.name;
  j["level"] = RegionLevelName(r.level);
  j["kind"] = RegionKindNameId(r.code.kind());
  j["denominator"] = JsonOrNull(r.denominator);
  j["denominator_period"] = r.denominator_period ? nlohmann::json(r.denominator_period->ToString()) : nullptr;
  j["active"] = r.active;
  j["non_active"] = r.non_active;
  j["unregistered"] = r.unregistered;
  j["registry"] = r.registry;
  j["unmatched_active"] = r.unmatched_active;
  j["coverage"] = JsonOrNull(r.coverage);
  j["rank"] = JsonOrNull(r.rank);
  j["rank_of"] = r.rank_of;
  j["target"] = JsonOrNull(r.target);
  j["gap_points"] = JsonOrNull(r.gap_points);
  j["gap_workers"] = JsonOrNull(r.gap_workers);
  j["gap_national_points"] = JsonOrNull(r.gap_national_points);
  j["gap_national_workers"] = JsonOrNull(r.gap_national_workers);
  return j;
}

nlohmann::json CoverageReportJson(const CoverageReport& rep) {
  nlohmann::json j;
  j["period"] = rep.period.ToString();
  j["basis"] = BasisName(rep.basis);
  j["national_reference"] = JsonOrNull(rep.national_reference);
  j["national_reference_note"] =
      rep.national_reference_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(rep.national_reference_note);
  j["level"] = RegionLevelName(rep.level);
  j["region"] = CoverageRowJson(rep.region);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : rep.rows) rows.push_back(CoverageRowJson(r));
  j["rows"] = std::move(rows);
  j["active_not_in_rows"] = rep.active_not_in_rows;
  return j;
}

nlohmann::json BreakdownJson(const Breakdown& b) {
  nlohmann::json j;
  j["period"] = b.period.ToString();
  j["basis"] = BasisName(b.basis);
  j["dimension"] = DimensionName(b.dimension);
  j["dimension_label"] = DimensionLabel(b.dimension);
  j["region"] = CoverageRowJson(b.region);
  j["note"] = b.note;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : b.rows) {
    nlohmann::json x;
    x["key"] = r.key;
    x["label"] = r.label;
    x["denominator"] = JsonOrNull(r.denominator);
    x["active"] = r.active;
    x["non_active"] = r.non_active;
    x["unregistered"] = r.unregistered;
    x["coverage"] = JsonOrNull(r.coverage);
    x["share_of_active"] = r.share_of_active;
    rows.push_back(std::move(x));
  }
  j["rows"] = std::move(rows);
  return j;
}

std::string CoverageReportCsv(const CoverageReport& rep) {
  std::string out =
      "period,basis,code,name,level,denominator,denominator_period,active,non_active,unregistered,registry,"
      "unmatched_active,coverage,rank,rank_of,target,gap_points,gap_workers,national_reference,"
      "gap_national_points,gap_national_workers,is_total\n";
  out.reserve(out.size() + (rep.rows.size() + 1) * 200);
  const std::string prefix = rep.period.ToString() + "," + BasisName(rep.basis) + ",";
  auto line = [&](const CoverageRow& r, bool total) {
    out += prefix;
    out += r.code.ToString();
    out += ',';
    out += CsvField(r.name);
    out += ',';
    out += RegionLevelName(r.level);
    out += ',';
    AppendOpt(out, r.denominator);
    out += ',';
    if (r.denominator_period) out += r.denominator_period->ToString();
    for (int64_t v : {r.active, r.non_active, r.unregistered, r.registry, r.unmatched_active}) {
      out += ',';
      AppendNumber(out, v);
    }
    out += ',';
    AppendOpt(out, r.coverage);
    out += ',';
    AppendOpt(out, r.rank);
    out += ',';
    AppendNumber(out, static_cast<int64_t>(r.rank_of));
    out += ',';
    AppendOpt(out, r.target);
    out += ',';
    AppendOpt(out, r.gap_points);
    out += ',';
    AppendOpt(out, r.gap_workers);
    out += ',';
    AppendOpt(out, rep.national_reference);
    out += ',';
    AppendOpt(out, r.gap_national_points);
    out += ',';
    AppendOpt(out, r.gap_national_workers);
    out += total ? ",1\n" : ",0\n";
  };
  for (const auto& r : rep.rows) line(r, false);
  line(rep.region, true);
  return out;
}

std::string BreakdownCsv(const Breakdown& b) {
  std::string out = "period,basis,code,dimension,key,label,denominator,active,non_active,unregistered,coverage,"
                    "share_of_active\n";
  for (const auto& r : b.rows) {
    out += b.period.ToString() + "," + BasisName(b.basis) + "," + b.region.code.ToString() + "," +
           DimensionName(b.dimension) + "," + CsvField(r.key) + "," + CsvField(r.label) + "," +
           OptNum(r.denominator) + "," + std::to_string(r.active) + "," + std::to_string(r.non_active) + "," +
           std::to_string(r.unregistered) + "," + OptNum(r.coverage) + "," + Num(r.share_of_active) + "\n";
  }
  return out;
}

}  // namespace cakupan
