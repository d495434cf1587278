// Draws the persons and memberships of a planned data set regency by regency
// and streams them into the CSV files (pekerja.csv and one
// kepesertaan-YYYY-MM.csv per period), so memory stays bounded by the largest
// regency plus the set of NIKs issued. The model is described in
// docs/synthetic-data.md.
//
// Each regency draws from its own Rng stream (seed, kStreamRegency + code),
// so a regency's records depend only on the seed, its plan and the NIKs
// issued before it (serial collisions move to the next free serial, in
// regency order). Not thread-safe; one writer per data set.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/rng.h"
#include "base/status.h"
#include "domain/region_table.h"
#include "synth/csv_out.h"
#include "synth/generator.h"
#include "synth/nik_set.h"
#include "synth/noise.h"
#include "synth/occupations.h"
#include "synth/plan.h"

namespace cakupan {

class DatasetWriter {
 public:
  // `plan` must outlive the writer; WriteRegency() fills in the formal
  // counts of its regencies.
  DatasetWriter(const RegionTable& regions, const GenerateOptions& options, DatasetPlan& plan);
  DatasetWriter(const DatasetWriter&) = delete;
  DatasetWriter& operator=(const DatasetWriter&) = delete;

  // Opens pekerja.csv, the extracts and, with noise on, kebenaran.csv in
  // `out_dir` (which must exist), writes their headers and records their
  // paths in `files`. With registry NIK errors on, first draws every
  // regency's persons once without writing, to know every NIK of the data
  // set (a NIK typo must not yield one). kInternal as WriteRegency.
  Status Open(const std::string& out_dir, GeneratedFiles* files);
  // Draws and writes regency `k` of the plan. kInternal if NIK serials of a
  // (district, birth date) run out (9,999 persons born on one day).
  Status WriteRegency(size_t k);
  // Flushes and closes every file; kIoError if a write failed.
  Status Close();

  const std::vector<Period>& periods() const { return periods_; }
  int64_t memberships() const { return memberships_; }
  int64_t villages_with_workers() const { return villages_with_workers_; }
  int64_t registry_rows() const { return registry_line_ - 1; }

 private:
  struct Person {
    uint64_t nik = 0;
    Date birth = kNoDate;
    uint32_t name_offset = 0;
    uint16_t name_length = 0;
    uint8_t sex = 0;         // Sex
    uint8_t formal = 0;      // 1 = sektor formal
    uint8_t occupation = 0;  // index into OccupationAt()
    uint8_t decile = 0;      // 0 = unknown
    uint8_t vulnerable = 0;  // 1 = rentan
  };
  struct MemberRow {
    uint32_t person = 0;
    int32_t first = 0;      // first period index present in an extract
    int32_t last_paid = 0;  // last paid month (period index); >= final period: active
    uint32_t npp = 0;       // employer id + 1; 0 = none
    uint8_t segment = 0;    // Segment
    uint8_t programmes = 0;
    uint8_t funding = 0;    // FundingSource
    bool region_given = false;
  };
  struct Employers {
    uint32_t base = 0;        // first global employer id of the regency
    uint32_t companies = 1;   // ids base .. base+companies-1
    uint32_t contractors = 1; // then the construction contractors
  };

  // A person as the extract records them (noise on): drawn once per person.
  struct ExtractFields {
    uint64_t nik = 0;
    Date birth = kNoDate;
    uint32_t name_offset = 0;  // into extract_names_
    uint16_t name_length = 0;
    uint32_t errors = 0;
  };

  // Draws regency k's persons into persons_ (registry workers village by
  // village, their villages in person_village_, then the unmatched
  // persons), issuing NIKs into `niks`; `villages_used` = villages with a
  // worker. Consumes `rng` exactly as the regency's records need.
  Status DrawRegencyPersons(size_t k, Rng& rng, NikSet& niks, int64_t* villages_used);
  void DrawPerson(int province, double formal_share, const OccupationSampler& occupations, Rng& rng, Person& p);
  Status IssueNik(int32_t district, Person& p, Rng& rng, NikSet& niks);
  int32_t IssuingDistrict(int32_t home_district, const std::vector<int32_t>& regency_districts, int province,
                          Rng& rng);
  void AddMemberships(uint32_t person, bool active, bool registry, const Employers& employers, Rng& rng);
  std::string_view NameOf(const Person& p) const {
    return std::string_view(names_).substr(p.name_offset, p.name_length);
  }
  // Writes one registry row (with its noise, recording `extra_errors` too)
  // and its truth row.
  void WriteRegistryRow(const Person& p, std::string_view village_code, uint32_t extra_errors);
  // A village of the regency other than `village` for a second enumeration:
  // in the same district with probability 0.7 when it has another.
  int32_t OtherVillage(int32_t village, Rng& rng) const;
  void WriteTruthRow(std::string_view file, int64_t line, uint64_t nik, uint32_t errors);
  void WriteExtracts(std::string_view regency_code);

  const RegionTable& regions_;
  const GenerateOptions& options_;
  DatasetPlan& plan_;
  Rng root_;
  Noise noise_;
  Rng noise_rng_{0};  // per regency: seed, kStreamNoise + code (see noise.h)
  NikSet niks_;
  std::unique_ptr<NikSet> all_niks_;  // registry NIK errors on: every NIK of the data set and every wrong one
  Period final_;
  int32_t window_start_ = 0;             // period index of the oldest extract
  std::vector<Period> periods_;
  std::vector<std::string> period_text_;  // "2024-11"
  Date age_reference_ = 0;                // ages are whole years on the final period's first day
  std::vector<int32_t> all_districts_;
  std::vector<std::vector<int32_t>> province_districts_;  // by province number
  std::string programme_text_[32];

  CsvOut workers_out_;
  std::vector<std::unique_ptr<CsvOut>> member_out_;  // one per period, oldest first
  CsvOut truth_out_;                                 // kebenaran.csv (noise on)
  std::vector<std::string> member_file_names_;       // "kepesertaan-2024-11.csv"
  int64_t registry_line_ = 1;                        // last line written (1 = header)
  std::vector<int64_t> member_line_;                 // per period

  // Per-regency scratch, reused.
  std::vector<Person> persons_;
  std::vector<int32_t> person_village_;  // RegionTable index, per registry worker
  std::vector<int32_t> villages_;        // the regency's villages
  std::string names_;
  std::vector<ExtractFields> extract_fields_;  // per person (noise on)
  std::string extract_names_;
  std::vector<MemberRow> rows_;
  std::vector<uint8_t> state_;  // 0 unregistered, 1 active, 2 lapsed
  std::vector<double> keys_;
  std::vector<uint32_t> order_;
  std::string scratch_;

  uint32_t next_employer_ = 0;
  int64_t memberships_ = 0;
  int64_t villages_with_workers_ = 0;
};

}  // namespace cakupan
