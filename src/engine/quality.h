// The data-quality report of field enumeration (docs/quality.md): findings
// about the worker registry counted per region, from the village up.
//
//  - worker findings: a NIK missing or invalid (one finding per NikError), a
//    valid NIK contradicting the recorded sex or birth date, a NIK district
//    not in the region list, an age outside [min_age, max_age], an unknown
//    birth date, a birth date written that is no date (kept as text by the
//    importer), a missing or garbled name (engine/name_check.h), a probable
//    duplicate;
//  - membership findings: the period's extract rows with a missing or
//    garbled name or a birth date that is no date, counted where the
//    membership is attributed (AttributeMemberships);
//  - region findings: villages with no registry worker, villages whose count
//    is far from their district's other villages (modified z-score on the
//    median and MAD), regencies whose registry is far from the BPS employed
//    figure, regions whose coverage exceeds 100%, active participants with no
//    registry worker;
//  - completeness of the optional fields.
//
// QualityModel is filled once (AddWorkers, then the optional Add* calls, then
// Finish) with every count on dense region indices, so that any region/level
// query is a selection. Not thread-safe while being filled; const methods
// are safe to share after Finish(). AddWorkers runs on a few threads
// (base/parallel.h).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"
#include "engine/coverage.h"

namespace cakupan {

// Every finding the report counts. The order is the order of the report's
// columns; codes are stable API (QualityFindingCode).
enum class QualityFinding : uint8_t {
  // Worker findings (a worker may have several).
  kNikEmpty = 0,        // one per NikError, in NikError order (NikError value - 1)
  kNikWrongLength,
  kNikNotDigits,
  kNikBadRegion,
  kNikBadDay,
  kNikBadMonth,
  kNikImpossibleDate,
  kNikSerialZero,
  kNikExcelNumber,        // the last NIK reason (NikError::kExcelNumber)
  kNikSexMismatch,        // valid NIK, recorded sex differs
  kNikBirthDateMismatch,  // valid NIK, recorded birth date differs (century tolerated)
  kNikDistrictUnknown,    // valid NIK whose PPKKCC is not a listed district
  kAgeUnder,              // age < min_age at the reference date (a future birth date included)
  kAgeOver,               // age > max_age
  kBirthDateUnknown,
  kBirthDateInvalid,      // tanggal_lahir written but no plausible date (WorkerTable::birth_date_raw)
  kNameMissing,
  kNameBadCharacters,     // digits or symbols other than . ' - , and spaces
  kNameAllCaps,           // informational: not counted in `flagged`
  kDuplicate,             // the worker is in a probable duplicate pair
  kWorkerFindingCount,    // -- end of worker findings
  // Pair, membership, coverage and enumeration findings (counted as the
  // descriptor says; rolled up by summing unless noted).
  kNikInvalid = kWorkerFindingCount,  // the sum of the nine NIK reasons
  kDuplicatePairsCrossVillage,  // probable duplicate pairs touching the region, records in different villages
  kMembersNotInRegistry,        // active participants attributed here with no registry worker
  kMembersNotInRegistryNonActive,
  kMemberNameMissing,           // memberships of the period whose name is empty (when the extract has names)
  kMemberNameBadCharacters,     // ... whose name holds digits, symbols, markup or control characters
  kMemberNameAllCaps,           // ... whose name is in capitals (information)
  kMemberBirthDateInvalid,      // ... whose tanggal_lahir was no date (MembershipTable::birth_date_raw)
  kCoverageAbove100,            // regions in the subtree (itself included) with coverage > 100% on a basis
  kVillagesEmpty,               // villages with no registry worker
  kVillageCountHigh,            // villages with modified z > threshold among their district's villages
  kVillageCountLow,             // villages with modified z < -threshold
  kEnumerationLow,              // regencies with registry / employed below enumeration_low
  kEnumerationHigh,             // regencies with registry / employed above enumeration_high
  kIncomplete,                  // workers with at least one optional field empty
  kFindingCount,
};
constexpr int kQualityFindingCount = static_cast<int>(QualityFinding::kFindingCount);
constexpr int kQualityWorkerFindingCount = static_cast<int>(QualityFinding::kWorkerFindingCount);
// The NIK reasons kNikEmpty .. kNikExcelNumber: finding NikError - 1.
constexpr int kQualityNikFindingCount = static_cast<int>(QualityFinding::kNikExcelNumber) + 1;
// The membership findings, in order (MemberFindingBits' bits).
inline constexpr QualityFinding kMemberFindings[] = {QualityFinding::kMemberNameMissing,
                                                    QualityFinding::kMemberNameBadCharacters,
                                                    QualityFinding::kMemberNameAllCaps,
                                                    QualityFinding::kMemberBirthDateInvalid};
constexpr bool IsMemberFinding(QualityFinding f) {
  return f >= QualityFinding::kMemberNameMissing && f <= QualityFinding::kMemberBirthDateInvalid;
}

// What a finding's share is a share of.
enum class ShareOf : uint8_t { kNone, kRegistry, kVillages, kActiveParticipants, kMemberships };

struct QualityFindingInfo {
  QualityFinding finding;
  const char* code;      // "nik_empty", stable
  const char* group;     // "nik", "nik_contradiction", "age", "name", "duplicate", "membership", "member_data", "coverage", "enumeration", "completeness"
  const char* label_en;
  const char* label_id;
  ShareOf share_of;
  bool scored;           // counted in `flagged` (a worker finding that needs a fix)
};
const std::array<QualityFindingInfo, kQualityFindingCount>& QualityFindings();
const QualityFindingInfo& FindingInfo(QualityFinding f);
std::optional<QualityFinding> ParseQualityFinding(std::string_view code);

// Optional registry fields whose completeness is measured.
enum class QualityField : uint8_t { kName, kSex, kBirthDate, kSector, kOccupation, kDecile, kVulnerability, kCount };
constexpr int kQualityFieldCount = static_cast<int>(QualityField::kCount);
const char* QualityFieldCode(QualityField f);  // "name", "sex", "birth_date", "sector", ...
const char* QualityFieldLabel(QualityField f); // in the current language

struct QualityConfig {
  int min_age = 15;                // younger is a finding
  int max_age = 75;                // older is a finding
  double z_threshold = 3.5;        // |modified z| above this flags a village (Iglewicz & Hoaglin)
  int min_villages_for_z = 5;      // districts with fewer enumerated villages are not scored
  double enumeration_low = 0.5;    // registry / employed below this flags a regency
  double enumeration_high = 1.0;   // ... above this
  int threads = 0;                 // 0 = DefaultThreads(), at most 4
};

// Which optional inputs were given; a check without its input is "not
// checked" and its counts are null.
struct QualityChecked {
  bool duplicates = false;    // AddDuplicatePairs was called
  bool reconciliation = false;  // AddReconciliation
  bool coverage = false;      // AddCoverage
  bool members = false;       // AddMembers (the period's extract rows)
};

struct QualityRow {
  int32_t index = -1;
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  int64_t registry = 0;        // registry workers domiciled in the region
  int64_t villages = 0;        // listed villages in the region
  int64_t active = 0;          // registry workers with an active membership (when reconciled)
  std::optional<int64_t> memberships;  // the period's extract rows attributed here (null when not checked)
  std::array<std::optional<int64_t>, kQualityFindingCount> count;   // null = not checked / not applicable
  std::array<std::optional<double>, kQualityFindingCount> share;    // count / (what ShareOf says); null when 0 / 0
  int64_t flagged = 0;                  // workers with at least one scored finding
  std::optional<double> flagged_share;  // flagged / registry
  std::array<int64_t, kQualityFieldCount> filled{};  // workers with the field filled
  int64_t complete = 0;                 // workers with every optional field filled
  std::optional<double> complete_share;
  std::optional<double> village_z;      // village rows: modified z-score among the district's villages
  std::optional<int64_t> employed;      // BPS employed (labour-force figure resolved for the period)
  std::optional<double> enumerated_share;  // registry / employed
  std::optional<double> coverage_labour_force;
  std::optional<double> coverage_registry;
};

enum class QualitySort : uint8_t {
  kScore,    // regions without registry workers first, then flagged_share descending, then code
  kCode,     // code order
  kWorkers,  // registry workers descending
};
std::optional<QualitySort> ParseQualitySort(std::string_view text);  // "score", "code", "workers"

// A region that exceeds 100% coverage (or whose denominator is below its
// numerator), for the report's list.
struct CoverageAnomaly {
  RegionCode code;
  std::string name;
  Basis basis = Basis::kLabourForce;
  int64_t active = 0;
  int64_t denominator = 0;
};

struct QualityReport {
  std::optional<Period> period;  // the reconciled period used; absent when none
  Date reference_date = kNoDate; // ages are computed at this date
  QualityConfig config;
  QualityChecked checked;
  RegionLevel level = RegionLevel::kProvince;
  QualitySort sort = QualitySort::kScore;
  QualityRow region;             // the whole scope
  std::vector<QualityRow> rows;  // regions at `level` inside it, sorted
  std::vector<CoverageAnomaly> coverage_anomalies;  // inside the scope, code order, at most 200
};

// One finding about one worker (or one membership of the extract), for the
// officer who fixes it.
struct QualityDetailRow {
  std::string nik_masked;   // "1704************", or the NIK text masked ("17O4******"), or "" when empty
  std::string name_masked;  // "S*** A*****"
  QualityFinding finding = QualityFinding::kNikEmpty;
  std::string detail;       // what is wrong, in the current language, without personal data
  RegionCode region;        // the worker's village, or where the membership is attributed
  bool member = false;      // a membership of the extract (else a registry worker)
};

// The individual findings of a village, district or regency.
struct QualityDetails {
  RegionCode region;
  RegionLevel level = RegionLevel::kVillage;
  std::string name;
  std::optional<Period> period;
  Date reference_date = kNoDate;
  bool duplicates_checked = false;
  QualityRow summary;                 // the region's counts
  // Registry workers in NIK order, each with its findings in finding order;
  // then the memberships likewise.
  std::vector<QualityDetailRow> rows;
};

// One worker's findings, as a bit per QualityFinding below
// kWorkerFindingCount (no duplicate bit: pairs are added by the model).
// `reference` is the date ages are computed at.
uint32_t WorkerFindingBits(const WorkerTable& workers, size_t row, const RegionTable& regions, Date reference,
                           const QualityConfig& config);

// One membership's findings: bit k for kMemberFindings[k]. `names_given`:
// the extract has names at all (else an empty name is no finding).
uint32_t MemberFindingBits(const MembershipTable& members, size_t row, bool names_given);
// Whether any membership has a name.
bool MembersHaveNames(const MembershipTable& members);

// The region each membership row is attributed to, as reconciliation does
// for persons: the registry worker's village when the NIK is in `workers`
// (a village not listed: the root); else the row's kode_wilayah, else the
// NIK's district (the nearest listed region of either); else the root.
// `workers` needs only its nik and village columns.
std::vector<int32_t> AttributeMemberships(const MembershipTable& members, const WorkerTable& workers,
                                          const RegionTable& regions, int reference_year);

// Modified z-scores 0.6745 (x - median) / MAD; when the MAD is 0, the mean
// absolute deviation times 1.2533 replaces it; nullopt for each value when
// both are 0 (all values equal) or there are fewer than `min_values`.
std::vector<std::optional<double>> RobustZScores(const std::vector<double>& values, int min_values);

class QualityModel {
 public:
  QualityModel(const RegionTable& regions, QualityConfig config);

  // One pass over the registry (canonical or not; columns missing from the
  // table count as unknown). Workers whose village is not listed are
  // counted in the national root only.
  void AddWorkers(const WorkerTable& workers, Date reference);
  // Probable duplicate pairs of worker keys; keys not in `workers` are
  // ignored. Call after AddWorkers with the same table.
  void AddDuplicatePairs(const WorkerTable& workers, const std::vector<std::pair<uint64_t, uint64_t>>& pairs);
  // The period's membership rows and the region of each
  // (AttributeMemberships): their name and birth-date findings.
  void AddMembers(const MembershipTable& members, const std::vector<int32_t>& region_of_row);
  // The rolled-up counts of the period's reconciliation.
  void AddReconciliation(Period period, const std::vector<RegionCounts>& counts);
  // Coverage on both bases, and the employed figures for the enumeration
  // check (labour-force model).
  void AddCoverage(const CoverageModel& labour_force, const CoverageModel& registry);
  // Rolls the counts up and scores the villages. Call once, last.
  void Finish();

  QualityRow Row(int32_t index) const;
  // The region's own row and its regions at `level` (at or below the
  // region's level; kInvalidArgument otherwise).
  Result<QualityReport> Report(int32_t region, RegionLevel level, QualitySort sort) const;

 private:
  int64_t& At(int32_t index, int column) { return counts_[static_cast<size_t>(index) * kColumns + column]; }
  int64_t At(int32_t index, int column) const { return counts_[static_cast<size_t>(index) * kColumns + column]; }

  // Columns of counts_: the findings, then registry, flagged, complete, the
  // filled fields, villages, memberships.
  static constexpr int kRegistryCol = kQualityFindingCount;
  static constexpr int kFlaggedCol = kRegistryCol + 1;
  static constexpr int kCompleteCol = kFlaggedCol + 1;
  static constexpr int kFilledCol = kCompleteCol + 1;
  static constexpr int kVillagesCol = kFilledCol + kQualityFieldCount;
  static constexpr int kMembershipsCol = kVillagesCol + 1;
  static constexpr int kColumns = kMembershipsCol + 1;

  const RegionTable& regions_;
  QualityConfig config_;
  QualityChecked checked_;
  std::optional<Period> period_;
  Date reference_ = kNoDate;
  std::vector<int64_t> counts_;  // regions x kColumns, rolled up by Finish()
  // Already rolled up (or counted per subtree) when added:
  std::vector<int64_t> cross_pairs_, unmatched_active_, unmatched_non_active_, active_;
  std::vector<double> village_z_;      // NaN = not scored
  std::vector<int64_t> employed_;      // -1 = unknown
  std::vector<double> coverage_[2];    // by Basis; NaN = none
  std::vector<CoverageAnomaly> anomalies_;  // every region above 100%, code order
  bool finished_ = false;
};

}  // namespace cakupan
