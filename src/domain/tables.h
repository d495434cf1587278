// The columnar tables cakupan keeps: the regional worker registry, the BPJS
// Ketenagakerjaan membership extract of a period, labour-force denominators
// and targets. Plain data (struct of vectors, one entry per row); modules fill
// them (ingest), persist them (storage) and compute on them (engine).
//
// Invariants, checked by Validate(): every loaded column has size() rows;
// a column that was not loaded is empty. A table is "canonical" when its
// rows are sorted by key and keys are unique (see each table).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/enums.h"
#include "domain/region_code.h"
#include "domain/string_column.h"

namespace cakupan {

// Column selection bits for partial loads.
enum WorkerColumn : uint32_t {
  kWorkerNik = 1u << 0,  // always loaded
  kWorkerName = 1u << 1,
  kWorkerSex = 1u << 2,
  kWorkerBirthDate = 1u << 3,
  kWorkerVillage = 1u << 4,
  kWorkerFormality = 1u << 5,
  kWorkerOccupation = 1u << 6,
  kWorkerDecile = 1u << 7,
  kWorkerVulnerability = 1u << 8,
  kWorkerNikIssue = 1u << 9,  // nik_issue and nik_raw
  kWorkerBirthDateRaw = 1u << 10,
  kWorkerAllColumns = (1u << 11) - 1,
};

// The regional registry of enumerated workers. Key: nik — a valid 16-digit
// NIK as an integer, or, for a worker whose NIK is missing or invalid, a
// synthetic key (domain/nik.h, SyntheticWorkerKey). Canonical order: ascending
// nik, so real NIKs come first.
struct WorkerTable {
  std::vector<uint64_t> nik;
  StringColumn name;
  std::vector<uint8_t> sex;            // Sex
  std::vector<Date> birth_date;        // kNoDate when unknown
  std::vector<uint64_t> village;       // RegionCode::packed() of the domicile village
  std::vector<uint8_t> formality;      // Formality
  std::vector<uint16_t> occupation;    // index into `occupations`; 0 = unknown
  std::vector<std::string> occupations{""};  // dictionary; occupations[0] == ""
  std::vector<uint8_t> decile;         // welfare decile 1..10; 0 = unknown
  std::vector<uint8_t> vulnerability;  // Vulnerability
  std::vector<uint8_t> nik_issue;      // NikError: kNone for a valid NIK, kEmpty when missing, else why invalid
  StringColumn nik_raw;                // the NIK as written when invalid; "" otherwise
  // tanggal_lahir as written when it is no plausible date (domain/birth_date.h;
  // birth_date is then the NIK's, or kNoDate); "" otherwise.
  StringColumn birth_date_raw;

  size_t size() const { return nik.size(); }
  uint32_t loaded_columns() const;
  void Reserve(size_t rows);
  // Returns the dictionary index of `name`, adding it when new (linear in the
  // dictionary size; callers cache when they add many).
  uint16_t InternOccupation(std::string_view name);
  // New table whose row i is this table's row rows[i] (loaded columns only).
  WorkerTable Gather(const std::vector<uint32_t>& rows) const;
  // Appends row `row` of `other` (same loaded columns; occupation remapped).
  void AppendRow(const WorkerTable& other, size_t row);
  Status Validate() const;
};

enum MembershipColumn : uint32_t {
  kMemberNik = 1u << 0,  // always loaded
  kMemberName = 1u << 1,
  kMemberBirthDate = 1u << 2,
  kMemberSegment = 1u << 3,
  kMemberStatus = 1u << 4,
  kMemberProgrammes = 1u << 5,
  kMemberLastPaid = 1u << 6,
  kMemberNpp = 1u << 7,
  kMemberFunding = 1u << 8,
  kMemberRegion = 1u << 9,
  kMemberBirthDateRaw = 1u << 10,
  kMemberAllColumns = (1u << 11) - 1,
};

// One period's BPJS Ketenagakerjaan membership extract. A person may hold
// several memberships (two employers, PU and BPU). Key: (nik, segment, npp).
// Canonical order: ascending nik, then segment, then npp bytes.
struct MembershipTable {
  std::vector<uint64_t> nik;
  StringColumn name;                 // as the extract spells it; may be empty
  std::vector<Date> birth_date;      // kNoDate when not given
  std::vector<uint8_t> segment;      // Segment (never kNone)
  std::vector<uint8_t> status;       // MembershipStatus
  std::vector<uint8_t> programmes;   // Programme bitmask; 0 = not given
  std::vector<int32_t> last_paid;    // Period::index() of the last paid month; 0 = not given
  StringColumn npp;                  // employer registration number; empty for BPU
  std::vector<uint8_t> funding;      // FundingSource
  std::vector<uint64_t> region;      // RegionCode::packed() given by the extract; 0 = not given
  StringColumn birth_date_raw;       // tanggal_lahir as written when no plausible date (birth_date kNoDate); else ""

  size_t size() const { return nik.size(); }
  uint32_t loaded_columns() const;
  void Reserve(size_t rows);
  MembershipTable Gather(const std::vector<uint32_t>& rows) const;
  void AppendRow(const MembershipTable& other, size_t row);
  Status Validate() const;
};

// Employed persons in a region for a period (BPS Sakernas or "potensi
// pekerja"): the labour-force denominator. formal/informal are -1 when not
// given.
struct LabourForceRecord {
  RegionCode region;
  Period period;
  int64_t employed = 0;
  int64_t formal = -1;
  int64_t informal = -1;
  std::string source;  // free text, e.g. "BPS Sakernas Agustus 2024"
};

// Population of a region (Dukcapil), e.g. from the reference file
// penduduk.csv; the synthetic data generator distributes workers by it.
struct PopulationRecord {
  RegionCode region;
  int64_t male = 0;
  int64_t female = 0;
  int64_t total = 0;
};

// A region's boundary for maps: a GeoJSON geometry object (Polygon or
// MultiPolygon, WGS 84 longitude/latitude) as compact JSON text.
struct BoundaryRecord {
  RegionCode region;
  std::string geometry;
};

// A region's coverage target for a year, as a fraction (0.40 = 40%).
struct TargetRecord {
  RegionCode region;
  int year = 0;
  double target = 0;
};

}  // namespace cakupan
