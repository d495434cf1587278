// ReadBoundariesGeoJson: region boundaries from GeoJSON.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "base/i18n.h"
#include "base/strings.h"
#include "ingest/content_hash.h"
#include "ingest/readers.h"

namespace cakupan {

namespace {

using nlohmann::json;

constexpr const char* kCodeKeys[] = {"kode", "code", "kode_wilayah", "kd_wilayah", "kode_kemendagri", "kdepum",
                                     "region_code"};

// The feature's region code text and where it came from, or "" when absent.
std::pair<std::string, std::string> CodeOf(const json& feature) {
  if (const auto p = feature.find("properties"); p != feature.end() && p->is_object()) {
    for (const char* key : kCodeKeys) {
      for (const auto& [k, v] : p->items()) {
        if (NormalizeKey(k) != key) continue;
        if (v.is_string()) return {v.get<std::string>(), "properties." + k};
        if (v.is_number_integer()) return {std::to_string(v.get<int64_t>()), "properties." + k};
      }
    }
  }
  if (const auto id = feature.find("id"); id != feature.end()) {
    if (id->is_string()) return {id->get<std::string>(), "id"};
    if (id->is_number_integer()) return {std::to_string(id->get<int64_t>()), "id"};
  }
  return {"", ""};
}

bool IsPosition(const json& p) {
  if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) return false;
  const double lon = p[0].get<double>(), lat = p[1].get<double>();
  return std::isfinite(lon) && std::isfinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

bool IsRing(const json& ring) {
  if (!ring.is_array() || ring.size() < 4) return false;
  for (const json& p : ring)
    if (!IsPosition(p)) return false;
  return true;
}

bool IsPolygon(const json& rings) {
  if (!rings.is_array() || rings.empty()) return false;
  for (const json& r : rings)
    if (!IsRing(r)) return false;
  return true;
}

// "" when the geometry is a valid Polygon/MultiPolygon, else the reason.
std::string CheckGeometry(const json& g) {
  if (!g.is_object()) return Tr("feature has no geometry", "fitur tidak memiliki geometri");
  const auto type = g.find("type");
  const auto coords = g.find("coordinates");
  if (type == g.end() || !type->is_string() || coords == g.end())
    return Tr("geometry needs a type and coordinates", "geometri harus memiliki type dan coordinates");
  const std::string t = type->get<std::string>();
  if (t == "Polygon") {
    if (!IsPolygon(*coords))
      return Tr("malformed Polygon coordinates (rings of at least 4 [longitude, latitude] positions)",
                "koordinat Polygon tidak valid (cincin minimal 4 posisi [bujur, lintang])");
    return "";
  }
  if (t == "MultiPolygon") {
    if (!coords->is_array() || coords->empty())
      return Tr("malformed MultiPolygon coordinates", "koordinat MultiPolygon tidak valid");
    for (const json& poly : *coords)
      if (!IsPolygon(poly)) return Tr("malformed MultiPolygon coordinates", "koordinat MultiPolygon tidak valid");
    return "";
  }
  return std::string(Tr("geometry type must be Polygon or MultiPolygon, not ", "tipe geometri harus Polygon atau "
                                                                               "MultiPolygon, bukan ")) +
         t;
}

}  // namespace

Result<BoundaryBatch> ReadBoundariesGeoJson(const std::string& path, const ReadOptions& options) {
  if (options.regions == nullptr) return Status::InvalidArgument("ReadBoundariesGeoJson: ReadOptions::regions is null");
  const std::string name = std::filesystem::path(path).filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + Tr(": cannot open the file", ": berkas tidak dapat dibuka"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  BoundaryBatch batch;
  batch.report.file_name = name;
  batch.report.file_hash = HashHex(ContentHash(text));
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Parse again with exceptions only to learn where the syntax breaks.
    std::string where;
    try {
      json ignored = json::parse(text);
      (void)ignored;
    } catch (const json::parse_error& e) {
      where = std::string(Tr(" at byte ", " pada byte ")) + std::to_string(e.byte);
    }
    return Status::DataError(name + Tr(": not valid JSON", ": bukan JSON yang valid") + where);
  }
  std::vector<const json*> features;
  const auto type = doc.find("type");
  if (doc.is_object() && type != doc.end() && *type == "FeatureCollection" && doc.contains("features") &&
      doc["features"].is_array()) {
    for (const json& f : doc["features"]) features.push_back(&f);
  } else if (doc.is_object() && type != doc.end() && *type == "Feature") {
    features.push_back(&doc);
  } else {
    return Status::DataError(name + Tr(": not a GeoJSON FeatureCollection or Feature",
                                       ": bukan GeoJSON FeatureCollection atau Feature"));
  }
  std::unordered_map<uint64_t, int64_t> first_seen;
  for (size_t i = 0; i < features.size(); ++i) {
    const json& f = *features[i];
    const int64_t line = static_cast<int64_t>(i) + 1;
    ++batch.report.rows_read;
    auto reject = [&](std::string column, std::string reason, std::string value) {
      batch.report.rejections.push_back({line, std::move(column), std::move(reason), std::move(value)});
      ++batch.report.rejected;
    };
    if (!f.is_object()) {
      reject("", Tr("not a GeoJSON feature", "bukan fitur GeoJSON"), "");
      continue;
    }
    auto [code_text, column] = CodeOf(f);
    if (code_text.empty()) {
      reject("properties.kode", Tr("feature has no region code (properties.kode)",
                                   "fitur tidak memiliki kode wilayah (properties.kode)"), "");
      continue;
    }
    const auto code = RegionCode::Parse(code_text);
    if (!code || *code == RegionCode::National()) {
      reject(column, Tr("malformed region code", "kode wilayah tidak valid"), code_text.substr(0, 40));
      continue;
    }
    if (options.regions->Find(*code) == RegionTable::kNotFound) {
      reject(column, Tr("unknown region code (not in the region list)", "kode wilayah tidak dikenal (tidak ada di daftar "
                                                                        "wilayah)"),
             code->ToString());
      continue;
    }
    const auto geometry = f.find("geometry");
    const std::string problem = geometry == f.end() ? Tr("feature has no geometry", "fitur tidak memiliki geometri")
                                                    : CheckGeometry(*geometry);
    if (!problem.empty()) {
      reject("geometry", problem, code->ToString());
      continue;
    }
    if (auto [it, inserted] = first_seen.emplace(code->packed(), line); !inserted) {
      reject(column, std::string(Tr("region code repeated: first in feature ", "kode wilayah ganda: sudah ada di fitur ")) +
                         std::to_string(it->second),
             code->ToString());
      continue;
    }
    batch.rows.push_back(BoundaryRecord{*code, geometry->dump()});
    ++batch.report.accepted;
  }
  return batch;
}

}  // namespace cakupan
