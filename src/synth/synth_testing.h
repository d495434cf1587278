// Test support for src/synth (header-only so the module does not compile it
// into cakupan_synth): the real region list and population from data/wilayah,
// a tiny CSV reader, and an independent coverage checker that reads the
// generated files back and applies cakupan's reconciliation rule
// (docs/synthetic-data.md, "What reconciling gives").
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/strings.h"
#include "domain/region_table.h"
#include "domain/tables.h"

namespace cakupan::synth_testing {

// Splits one CSV line (RFC 4180 quotes; no embedded line breaks).
inline std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

// All rows of a CSV file including the header row.
inline std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) rows.push_back(SplitCsvLine(line));
  return rows;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string DataPath(const char* name) { return std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/" + name; }

// data/wilayah/wilayah.csv as a RegionTable (loaded once).
inline const RegionTable& RealRegions() {
  static const RegionTable table = [] {
    std::vector<RegionRecord> records;
    auto rows = ReadCsv(DataPath("wilayah.csv"));
    for (size_t i = 1; i < rows.size(); ++i) {
      auto code = RegionCode::Parse(rows[i][0]);
      if (code && code->level() != RegionLevel::kNational) records.push_back({*code, rows[i][1]});
    }
    return RegionTable::Build(std::move(records)).value();
  }();
  return table;
}

// data/wilayah/penduduk.csv.
inline const std::vector<PopulationRecord>& RealPopulation() {
  static const std::vector<PopulationRecord> records = [] {
    std::vector<PopulationRecord> out;
    auto rows = ReadCsv(DataPath("penduduk.csv"));
    for (size_t i = 1; i < rows.size(); ++i) {
      auto code = RegionCode::Parse(rows[i][0]);
      if (!code) continue;
      out.push_back({*code, std::stoll(rows[i][2]), std::stoll(rows[i][3]), std::stoll(rows[i][4])});
    }
    return out;
  }();
  return records;
}

// A small hand-made table: province 17 with 17.04 (2 districts, 5 desa),
// 17.07 (1 district, 3 desa) and Kota 17.71 (2 districts, 4 kelurahan);
// province 18 with 18.01 (2 districts, 4 desa).
inline RegionTable SmallRegions() {
  std::vector<RegionRecord> r;
  auto add = [&](const char* code) { r.push_back({RegionCode::Parse(code).value(), code}); };
  for (const char* c :
       {"17", "17.04", "17.04.01", "17.04.01.2001", "17.04.01.2002", "17.04.01.2003", "17.04.02", "17.04.02.2001",
        "17.04.02.2002", "17.07", "17.07.01", "17.07.01.2001", "17.07.01.2002", "17.07.01.2003", "17.71",
        "17.71.01", "17.71.01.1001", "17.71.01.1002", "17.71.02", "17.71.02.1001", "17.71.02.1002", "18",
        "18.01", "18.01.01", "18.01.01.2001", "18.01.01.2002", "18.01.02", "18.01.02.2001", "18.01.02.2002"})
    add(c);
  return RegionTable::Build(std::move(r)).value();
}

// Coverage computed from the files alone.
struct Checked {
  std::map<uint64_t, int64_t> registry;          // regency -> registry workers
  std::map<uint64_t, int64_t> active;            // regency -> registry active + unmatched active
  std::map<uint64_t, int64_t> unmatched_active;  // regency -> of which unmatched
  std::map<uint64_t, int64_t> non_active;        // regency -> registry workers with only lapsed memberships
  std::map<uint64_t, int64_t> employed;          // regency -> bekerja (latest row at or before the period)
  int64_t unattributed_active = 0;

  double Coverage(RegionCode region) const {
    int64_t a = 0, b = 0;
    for (const auto& [code, n] : employed) {
      if (!region.Contains(RegionCode::FromPacked(code))) continue;
      b += n;
      auto it = active.find(code);
      if (it != active.end()) a += it->second;
    }
    return b == 0 ? 0 : static_cast<double>(a) / static_cast<double>(b);
  }
};

// Applies the rule: a registry worker is active if any membership in the
// extract is aktif; an unmatched member is attributed to kode_wilayah when it
// is a listed region, else to the NIK's district (nearest listed region).
inline Checked CheckCoverage(const RegionTable& regions, const std::string& workers_csv,
                             const std::string& members_csv, const std::string& labour_csv, Period period) {
  Checked out;
  auto regency_of = [&](RegionCode c) { return c.AncestorAt(RegionLevel::kRegency).packed(); };
  std::map<uint64_t, uint64_t> worker_regency;  // nik -> regency
  auto workers = ReadCsv(workers_csv);
  for (size_t i = 1; i < workers.size(); ++i) {
    const uint64_t nik = std::stoull(workers[i][0]);
    const uint64_t reg = regency_of(RegionCode::Parse(workers[i][4]).value());
    worker_regency[nik] = reg;
    ++out.registry[reg];
  }
  struct Member {
    bool active = false;
    std::string region;
  };
  std::map<uint64_t, Member> members;
  auto rows = ReadCsv(members_csv);
  for (size_t i = 1; i < rows.size(); ++i) {
    Member& m = members[std::stoull(rows[i][1])];
    if (rows[i][5] == "aktif") m.active = true;
    if (!rows[i][10].empty()) m.region = rows[i][10];
  }
  for (const auto& [nik, m] : members) {
    auto w = worker_regency.find(nik);
    if (w != worker_regency.end()) {
      if (m.active) {
        ++out.active[w->second];
      } else {
        ++out.non_active[w->second];
      }
      continue;
    }
    if (!m.active) continue;
    int32_t idx = RegionTable::kNotFound;
    if (auto c = RegionCode::Parse(m.region); c) idx = regions.Find(*c);
    if (idx == RegionTable::kNotFound) {
      auto d = RegionCode::FromNikPrefix(nik);
      idx = d ? regions.FindNearestListed(*d) : RegionTable::kRoot;
    }
    if (regions.level(idx) < RegionLevel::kRegency) {
      ++out.unattributed_active;
      continue;
    }
    const uint64_t reg = regency_of(regions.code(idx));
    ++out.active[reg];
    ++out.unmatched_active[reg];
  }
  std::map<uint64_t, Period> latest;
  auto lf = ReadCsv(labour_csv);
  for (size_t i = 1; i < lf.size(); ++i) {
    const uint64_t code = RegionCode::Parse(lf[i][0]).value().packed();
    const Period p = Period::Parse(lf[i][1]).value();
    if (p > period) continue;
    auto it = latest.find(code);
    if (it != latest.end() && it->second > p) continue;
    latest[code] = p;
    out.employed[code] = std::stoll(lf[i][2]);
  }
  return out;
}

}  // namespace cakupan::synth_testing
