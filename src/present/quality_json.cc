#include "present/quality_json.h"

#include "base/i18n.h"
#include "present/coverage_json.h"

namespace cakupan {

namespace {

nlohmann::json Checks(const QualityChecked& c) {
  auto s = [](bool b) { return b ? "checked" : "not_checked"; };
  return {{"duplicates", s(c.duplicates)}, {"reconciliation", s(c.reconciliation)}, {"coverage", s(c.coverage)}};
}

}  // namespace

std::vector<std::string> QualityNotes(const QualityChecked& c, bool has_period) {
  std::vector<std::string> notes;
  if (!c.duplicates) {
    notes.push_back(Tr("duplicates: not checked; run `cakupan dedupe` to find probable duplicate workers",
                       "duplikat: belum diperiksa; jalankan `cakupan dedupe` untuk mencari pekerja yang kemungkinan ganda"));
  }
  if (!has_period) {
    notes.push_back(Tr("memberships and coverage: not checked (no membership extract); ages are at today's date",
                       "kepesertaan dan cakupan: belum diperiksa (belum ada data kepesertaan); umur dihitung pada hari ini"));
  }
  return notes;
}

nlohmann::json QualityRowJson(const QualityRow& r) {
  nlohmann::json j;
  j["code"] = r.code.ToString();
  j["name"] = r.name;
  j["level"] = RegionLevelName(r.level);
  j["registry"] = r.registry;
  j["villages"] = r.villages;
  j["flagged"] = r.flagged;
  j["flagged_share"] = JsonOrNull(r.flagged_share);
  j["complete"] = r.complete;
  j["complete_share"] = JsonOrNull(r.complete_share);
  nlohmann::json findings = nlohmann::json::object();
  for (const auto& f : QualityFindings()) {
    const int c = static_cast<int>(f.finding);
    findings[f.code] = {{"count", JsonOrNull(r.count[c])}, {"share", JsonOrNull(r.share[c])}};
  }
  j["findings"] = std::move(findings);
  nlohmann::json filled = nlohmann::json::object();
  for (int f = 0; f < kQualityFieldCount; ++f) {
    std::optional<double> share;
    if (r.registry > 0) share = static_cast<double>(r.filled[f]) / static_cast<double>(r.registry);
    filled[QualityFieldCode(static_cast<QualityField>(f))] = {{"count", r.filled[f]}, {"share", JsonOrNull(share)}};
  }
  j["filled"] = std::move(filled);
  j["village_z"] = JsonOrNull(r.village_z);
  j["employed"] = JsonOrNull(r.employed);
  j["enumerated_share"] = JsonOrNull(r.enumerated_share);
  j["coverage_labour_force"] = JsonOrNull(r.coverage_labour_force);
  j["coverage_registry"] = JsonOrNull(r.coverage_registry);
  return j;
}

nlohmann::json QualityReportJson(const QualityReport& rep) {
  nlohmann::json j;
  j["period"] = rep.period ? nlohmann::json(rep.period->ToString()) : nlohmann::json(nullptr);
  j["reference_date"] = FormatIsoDate(rep.reference_date);
  j["level"] = RegionLevelName(rep.level);
  j["sort"] = rep.sort == QualitySort::kScore ? "score" : rep.sort == QualitySort::kCode ? "code" : "workers";
  j["checks"] = Checks(rep.checked);
  j["notes"] = QualityNotes(rep.checked, rep.period.has_value());
  j["thresholds"] = {{"min_age", rep.config.min_age},
                     {"max_age", rep.config.max_age},
                     {"z_threshold", rep.config.z_threshold},
                     {"min_villages_for_z", rep.config.min_villages_for_z},
                     {"enumeration_low", rep.config.enumeration_low},
                     {"enumeration_high", rep.config.enumeration_high}};
  j["region"] = QualityRowJson(rep.region);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : rep.rows) rows.push_back(QualityRowJson(r));
  j["rows"] = std::move(rows);
  nlohmann::json anomalies = nlohmann::json::array();
  for (const auto& a : rep.coverage_anomalies) {
    anomalies.push_back({{"code", a.code.ToString()},
                         {"name", a.name},
                         {"basis", BasisName(a.basis)},
                         {"active", a.active},
                         {"denominator", a.denominator}});
  }
  j["coverage_anomalies"] = std::move(anomalies);
  return j;
}

nlohmann::json QualityDetailsJson(const QualityDetails& d) {
  nlohmann::json j;
  j["village"] = {{"code", d.village.ToString()}, {"name", d.name}, {"level", "village"}};
  j["period"] = d.period ? nlohmann::json(d.period->ToString()) : nlohmann::json(nullptr);
  j["reference_date"] = FormatIsoDate(d.reference_date);
  j["checks"] = {{"duplicates", d.duplicates_checked ? "checked" : "not_checked"}};
  j["summary"] = QualityRowJson(d.summary);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : d.rows) {
    const auto& info = FindingInfo(r.finding);
    rows.push_back({{"nik", r.nik_masked},
                    {"name", r.name_masked},
                    {"check", info.code},
                    {"label", Tr(info.label_en, info.label_id)},
                    {"detail", r.detail}});
  }
  j["findings"] = std::move(rows);
  return j;
}

std::string QualityReportCsv(const QualityReport& rep) {
  std::string out = "code,name,level,is_total,registry,villages,flagged,flagged_share,complete,complete_share";
  for (const auto& f : QualityFindings()) {
    out += std::string(",") + f.code;
    if (f.share_of != ShareOf::kNone) out += std::string(",") + f.code + "_share";
  }
  for (int f = 0; f < kQualityFieldCount; ++f) out += std::string(",filled_") + QualityFieldCode(static_cast<QualityField>(f));
  out += ",village_z,employed,enumerated_share,coverage_labour_force,coverage_registry\n";
  auto line = [&](const QualityRow& r, bool total) {
    out += r.code.ToString() + "," + CsvField(r.name) + "," + RegionLevelName(r.level) + "," + (total ? "1" : "0") + "," +
           CsvNumber(r.registry) + "," + CsvNumber(r.villages) + "," + CsvNumber(r.flagged) + "," +
           CsvNumber(r.flagged_share) + "," + CsvNumber(r.complete) + "," + CsvNumber(r.complete_share);
    for (const auto& f : QualityFindings()) {
      const int c = static_cast<int>(f.finding);
      out += "," + CsvNumber(r.count[c]);
      if (f.share_of != ShareOf::kNone) out += "," + CsvNumber(r.share[c]);
    }
    for (int f = 0; f < kQualityFieldCount; ++f) out += "," + CsvNumber(r.filled[f]);
    out += "," + CsvNumber(r.village_z) + "," + CsvNumber(r.employed) + "," + CsvNumber(r.enumerated_share) + "," +
           CsvNumber(r.coverage_labour_force) + "," + CsvNumber(r.coverage_registry) + "\n";
  };
  for (const auto& r : rep.rows) line(r, false);
  line(rep.region, true);
  return out;
}

std::string QualityDetailsCsv(const QualityDetails& d) {
  std::string out = "village,nik,name,check,label,detail\n";
  for (const auto& r : d.rows) {
    const auto& info = FindingInfo(r.finding);
    out += d.village.ToString() + "," + CsvField(r.nik_masked) + "," + CsvField(r.name_masked) + "," + info.code + "," +
           CsvField(Tr(info.label_en, info.label_id)) + "," + CsvField(r.detail) + "\n";
  }
  return out;
}

}  // namespace cakupan
