#include "present/quality_json.h"

#include <algorithm>
#include <cstring>

#include "base/i18n.h"
#include "present/coverage_json.h"
#include "present/json_writer.h"

namespace cakupan {

namespace {

void Checks(JsonWriter& w, const QualityChecked& c) {
  auto s = [](bool b) { return b ? "checked" : "not_checked"; };
  w.BeginObject();
  w.Key("coverage");
  w.String(s(c.coverage));
  w.Key("duplicates");
  w.String(s(c.duplicates));
  w.Key("members");
  w.String(s(c.members));
  w.Key("reconciliation");
  w.String(s(c.reconciliation));
  w.EndObject();
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

namespace {

// The findings in ascending code order: the order nlohmann's objects keep
// their keys in, so that the text is that of nlohmann::json::dump.
const std::vector<const QualityFindingInfo*>& FindingsByCode() {
  static const std::vector<const QualityFindingInfo*> sorted = [] {
    std::vector<const QualityFindingInfo*> v;
    for (const auto& f : QualityFindings()) v.push_back(&f);
    std::sort(v.begin(), v.end(), [](const QualityFindingInfo* a, const QualityFindingInfo* b) {
      return std::strcmp(a->code, b->code) < 0;
    });
    return v;
  }();
  return sorted;
}

const std::vector<int>& FieldsByCode() {
  static const std::vector<int> sorted = [] {
    std::vector<int> v;
    for (int f = 0; f < kQualityFieldCount; ++f) v.push_back(f);
    auto code = [](int f) { return QualityFieldCode(static_cast<QualityField>(f)); };
    std::sort(v.begin(), v.end(), [&](int a, int b) { return std::strcmp(code(a), code(b)) < 0; });
    return v;
  }();
  return sorted;
}

void CountShare(JsonWriter& w, const std::optional<int64_t>& count, const std::optional<double>& share) {
  w.BeginObject();
  w.Key("count");
  w.Optional(count);
  w.Key("share");
  w.Optional(share);
  w.EndObject();
}

// Keys in ascending order (see FindingsByCode).
void WriteRow(JsonWriter& w, const QualityRow& r) {
  w.BeginObject();
  w.Key("code");
  w.String(r.code.ToString());
  w.Key("complete");
  w.Int(r.complete);
  w.Key("complete_share");
  w.Optional(r.complete_share);
  w.Key("coverage_labour_force");
  w.Optional(r.coverage_labour_force);
  w.Key("coverage_registry");
  w.Optional(r.coverage_registry);
  w.Key("employed");
  w.Optional(r.employed);
  w.Key("enumerated_share");
  w.Optional(r.enumerated_share);
  w.Key("filled");
  w.BeginObject();
  for (int f : FieldsByCode()) {
    std::optional<double> share;
    if (r.registry > 0) share = static_cast<double>(r.filled[f]) / static_cast<double>(r.registry);
    w.Key(QualityFieldCode(static_cast<QualityField>(f)));
    CountShare(w, r.filled[f], share);
  }
  w.EndObject();
  w.Key("findings");
  w.BeginObject();
  for (const QualityFindingInfo* f : FindingsByCode()) {
    const int c = static_cast<int>(f->finding);
    w.Key(f->code);
    CountShare(w, r.count[c], r.share[c]);
  }
  w.EndObject();
  w.Key("flagged");
  w.Int(r.flagged);
  w.Key("flagged_share");
  w.Optional(r.flagged_share);
  w.Key("level");
  w.String(RegionLevelName(r.level));
  w.Key("memberships");
  w.Optional(r.memberships);
  w.Key("name");
  w.String(r.name);
  w.Key("registry");
  w.Int(r.registry);
  w.Key("village_z");
  w.Optional(r.village_z);
  w.Key("villages");
  w.Int(r.villages);
  w.EndObject();
}

}  // namespace

std::string QualityRowJson(const QualityRow& row, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  WriteRow(w, row);
  return out;
}

void WriteQualityReportJson(const QualityReport& rep, int indent, const std::function<void(std::string_view)>& sink) {
  constexpr size_t kPiece = size_t{1} << 20;
  std::string out;
  out.reserve(kPiece + 64 * 1024);
  JsonWriter w(&out, indent);
  w.BeginObject();
  w.Key("checks");
  Checks(w, rep.checked);
  w.Key("coverage_anomalies");
  w.BeginArray();
  for (const auto& a : rep.coverage_anomalies) {
    w.BeginObject();
    w.Key("active");
    w.Int(a.active);
    w.Key("basis");
    w.String(BasisName(a.basis));
    w.Key("code");
    w.String(a.code.ToString());
    w.Key("denominator");
    w.Int(a.denominator);
    w.Key("name");
    w.String(a.name);
    w.EndObject();
  }
  w.EndArray();
  w.Key("level");
  w.String(RegionLevelName(rep.level));
  w.Key("notes");
  w.BeginArray();
  for (const std::string& note : QualityNotes(rep.checked, rep.period.has_value())) w.String(note);
  w.EndArray();
  w.Key("period");
  if (rep.period) w.String(rep.period->ToString());
  else w.Null();
  w.Key("reference_date");
  w.String(FormatIsoDate(rep.reference_date));
  w.Key("region");
  WriteRow(w, rep.region);
  w.Key("rows");
  w.BeginArray();
  for (const auto& r : rep.rows) {
    WriteRow(w, r);
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  w.EndArray();
  w.Key("sort");
  w.String(rep.sort == QualitySort::kScore ? "score" : rep.sort == QualitySort::kCode ? "code" : "workers");
  w.Key("thresholds");
  w.BeginObject();
  w.Key("enumeration_high");
  w.Double(rep.config.enumeration_high);
  w.Key("enumeration_low");
  w.Double(rep.config.enumeration_low);
  w.Key("max_age");
  w.Int(rep.config.max_age);
  w.Key("min_age");
  w.Int(rep.config.min_age);
  w.Key("min_villages_for_z");
  w.Int(rep.config.min_villages_for_z);
  w.Key("z_threshold");
  w.Double(rep.config.z_threshold);
  w.EndObject();
  w.EndObject();
  sink(out);
}

std::string QualityReportJson(const QualityReport& rep, int indent) {
  std::string text;
  // About 1.8 KB per row in compact form, twice that indented.
  text.reserve((rep.rows.size() + 1) * (indent < 0 ? 1900 : 3600) + 4096);
  WriteQualityReportJson(rep, indent, [&text](std::string_view piece) { text.append(piece); });
  return text;
}

std::string QualityDetailsJson(const QualityDetails& d, int indent) {
  std::string out;
  out.reserve(d.rows.size() * 220 + 8192);
  JsonWriter w(&out, indent);
  auto region = [&] {
    w.BeginObject();
    w.Key("code");
    w.String(d.region.ToString());
    w.Key("level");
    w.String(RegionLevelName(d.level));
    w.Key("name");
    w.String(d.name);
    w.EndObject();
  };
  w.BeginObject();
  w.Key("checks");
  w.BeginObject();
  w.Key("duplicates");
  w.String(d.duplicates_checked ? "checked" : "not_checked");
  w.Key("members");
  w.String(d.period ? "checked" : "not_checked");
  w.EndObject();
  w.Key("findings");
  w.BeginArray();
  for (const auto& r : d.rows) {
    const auto& info = FindingInfo(r.finding);
    w.BeginObject();
    w.Key("check");
    w.String(info.code);
    w.Key("detail");
    w.String(r.detail);
    w.Key("label");
    w.String(Tr(info.label_en, info.label_id));
    w.Key("name");
    w.String(r.name_masked);
    w.Key("nik");
    w.String(r.nik_masked);
    w.Key("region");
    w.String(r.region.ToString());
    w.Key("source");
    w.String(r.member ? "members" : "registry");
    w.EndObject();
  }
  w.EndArray();
  w.Key("period");
  if (d.period) w.String(d.period->ToString());
  else w.Null();
  w.Key("reference_date");
  w.String(FormatIsoDate(d.reference_date));
  w.Key("region");
  region();
  w.Key("summary");
  WriteRow(w, d.summary);
  w.Key("village");  // the same object as "region" (its name before regencies and districts had lists)
  region();
  w.EndObject();
  return out;
}

std::string QualityReportCsv(const QualityReport& rep) {
  std::string out = "code,name,level,is_total,registry,villages,flagged,flagged_share,complete,complete_share";
  for (const auto& f : QualityFindings()) {
    out += std::string(",") + f.code;
    if (f.share_of != ShareOf::kNone) out += std::string(",") + f.code + "_share";
  }
  for (int f = 0; f < kQualityFieldCount; ++f) out += std::string(",filled_") + QualityFieldCode(static_cast<QualityField>(f));
  out += ",village_z,employed,enumerated_share,coverage_labour_force,coverage_registry,memberships\n";
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
           CsvNumber(r.coverage_labour_force) + "," + CsvNumber(r.coverage_registry) + "," + CsvNumber(r.memberships) +
           "\n";
  };
  for (const auto& r : rep.rows) line(r, false);
  line(rep.region, true);
  return out;
}

std::string QualityDetailsCsv(const QualityDetails& d) {
  std::string out = "region,nik,name,check,label,detail,source\n";
  for (const auto& r : d.rows) {
    const auto& info = FindingInfo(r.finding);
    out += r.region.ToString() + "," + CsvField(r.nik_masked) + "," + CsvField(r.name_masked) + "," + info.code + "," +
           CsvField(Tr(info.label_en, info.label_id)) + "," + CsvField(r.detail) + "," +
           (r.member ? "members" : "registry") + "\n";
  }
  return out;
}

}  // namespace cakupan
