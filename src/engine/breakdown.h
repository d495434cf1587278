// Breakdowns of a region's coverage by one dimension: segment, sex,
// formal/informal, age band, vulnerability, welfare decile
// (docs/definitions.md, "Breakdowns").
//
// Registry basis: groups of registry workers by their registry attributes;
// each group's denominator is its registry workers. Labour-force basis:
// active and non-active participants, matched or not, grouped by what is known
// of them (sex and age from the NIK for unmatched members; formal = PU, Jakon,
// PMI and informal = BPU); only formal/informal has a labour-force
// denominator (BPS formal / informal employed), other groups show counts and
// shares without a coverage.
// Pure function; thread-compatible.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"
#include "engine/coverage.h"

namespace cakupan {

enum class Dimension : uint8_t { kSegment, kSex, kFormality, kAgeBand, kVulnerability, kDecile };
inline constexpr Dimension kAllDimensions[] = {Dimension::kSegment, Dimension::kSex, Dimension::kFormality,
                                               Dimension::kAgeBand, Dimension::kVulnerability,
                                               Dimension::kDecile};
const char* DimensionName(Dimension d);  // "segment", "sex", "formality", "age_band", "vulnerability", "decile"
// Human label in the current language: "segmen kepesertaan", "jenis kelamin", ...
const char* DimensionLabel(Dimension d);
// Also accepts Indonesian: "segmen", "jenis_kelamin", "sektor", "umur", "kelompok_umur", "rentan", "desil".
std::optional<Dimension> ParseDimension(std::string_view text);

struct BreakdownRow {
  std::string key;    // stable machine key: "PU", "L", "formal", "25-34", "rentan", "3", "unknown"
  std::string label;  // human label in the current language
  std::optional<int64_t> denominator;
  int64_t active = 0;
  int64_t non_active = 0;
  int64_t unregistered = 0;  // registry workers without membership (registry attributes)
  std::optional<double> coverage;
  double share_of_active = 0;  // active / region's active (0 when none)
};

struct Breakdown {
  Dimension dimension = Dimension::kSex;
  Basis basis = Basis::kLabourForce;
  Period period;
  CoverageRow region;  // the region's own totals on the basis
  std::vector<BreakdownRow> rows;
  std::string note;    // what the denominators are on this basis
};

// Age bands used everywhere: "<15", "15-24", ..., "55-64", "65+", "unknown";
// age in whole years at the last day of the period.
std::string AgeBandKey(Date birth, Date on);

// The rows a breakdown reads, as parallel columns in any order. Rows outside
// the region's subtree are skipped, so callers holding rows in region order
// (engine/region_order.h) pass just the region's range and scan nothing else.
struct BreakdownRows {
  // Registry workers.
  std::span<const int32_t> region;  // region index of the worker's village
  std::span<const uint8_t> sex, formality, vulnerability, decile;
  std::span<const Date> birth_date;
  std::span<const uint8_t> result;  // PackWorkerResult for the period; rows with kCountedElsewhere are skipped
  // Members without a registry worker (labour-force basis only).
  std::span<const int32_t> unmatched_region;  // RegionTable::kRoot when unattributed
  std::span<const uint8_t> unmatched_sex, unmatched_segment, unmatched_status;
  std::span<const Date> unmatched_birth_date;
};

Result<Breakdown> ComputeBreakdown(const CoverageModel& model, const BreakdownRows& rows, int32_t region,
                                   Dimension dim);

// The counts behind the breakdowns of one region on one basis, for every
// dimension at once (one pass over the rows) and free of language, so that a
// caller can keep them and answer any dimension later with FinishBreakdown.
struct BreakdownTallies {
  static constexpr int kMaxGroups = 11;
  struct Tally {
    int64_t registry[kMaxGroups] = {};
    int64_t active[kMaxGroups] = {};
    int64_t non_active[kMaxGroups] = {};
    int64_t unregistered[kMaxGroups] = {};
  };
  Tally by_dimension[6];  // indexed by static_cast<int>(Dimension)
};
Result<BreakdownTallies> CountBreakdowns(const CoverageModel& model, const BreakdownRows& rows, int32_t region);
Breakdown FinishBreakdown(const CoverageModel& model, int32_t region, Dimension dim, const BreakdownTallies& tallies);

// Convenience for one-off use (the CLI): `workers` canonical, with village,
// sex, birth_date, formality, vulnerability and decile loaded; `rec` the
// period's reconciliation with details (worker_results aligned with
// `workers`). Scans every row.
Result<Breakdown> ComputeBreakdown(const CoverageModel& model, const WorkerTable& workers,
                                   const ReconciliationRecord& rec, int32_t region, Dimension dim);

// Region index of each unmatched member (RegionTable::kRoot when
// unattributed or no longer listed).
std::vector<int32_t> UnmatchedRegions(const RegionTable& regions, const UnmatchedMembers& unmatched);

}  // namespace cakupan
