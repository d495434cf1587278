// The stored outcome of reconciling the worker registry with one period's
// membership extract (the rule is in docs/definitions.md):
//  - every registry worker is active, non-active or unregistered;
//  - every person in the extract with no registry worker (an "unmatched
//    member") is kept and attributed to a region, with how it was attributed;
//  - counts per region, rolled up the hierarchy.
// Plain data; the engine computes it, storage persists it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "domain/enums.h"
#include "domain/links.h"
#include "domain/region_code.h"

namespace cakupan {

// How an unmatched member (or a matched one) was placed in a region.
enum class Attribution : uint8_t {
  kRegistryDomicile = 1,  // matched: the registry worker's village
  kExtractRegion = 2,     // the extract's own region code
  kNikDistrict = 3,       // the district of first issuance in the NIK
  kUnattributed = 4,      // none of the above is a listed region: national only
};
const char* AttributionCode(Attribution a);  // "registry_domicile", "extract_region", ...

// Per-worker result byte: bits 0-1 WorkerStatus, bits 2-4 Segment of the
// membership that decided the status (kNone for unregistered).
inline uint8_t PackWorkerResult(WorkerStatus s, Segment seg) {
  return static_cast<uint8_t>(static_cast<uint8_t>(s) | (static_cast<uint8_t>(seg) << 2));
}
inline WorkerStatus ResultStatus(uint8_t packed) { return static_cast<WorkerStatus>(packed & 3); }
inline Segment ResultSegment(uint8_t packed) { return static_cast<Segment>((packed >> 2) & 7); }
// Bit 5: the row is another registry row of a worker counted at a different
// row (a confirmed duplicate; docs/definitions.md, "Duplicates"). Its status
// and segment are the worker's; it is counted nowhere.
inline constexpr uint8_t kCountedElsewhere = 1 << 5;
inline bool ResultCountedElsewhere(uint8_t packed) { return (packed & kCountedElsewhere) != 0; }

// One row per person in the extract with no registry worker (their
// memberships combined as for registry workers).
struct UnmatchedMembers {
  std::vector<uint64_t> nik;
  std::vector<uint64_t> region;       // RegionCode::packed() attributed; 0 when unattributed
  std::vector<uint8_t> attribution;   // Attribution
  std::vector<uint8_t> status;        // MembershipStatus
  std::vector<uint8_t> segment;       // Segment
  std::vector<uint8_t> sex;           // Sex, from the NIK (kUnknown if the NIK does not decode)
  std::vector<Date> birth_date;       // from the extract, else the NIK; kNoDate if neither
  size_t size() const { return nik.size(); }
};

// Counts for one region, including everything attributed to its descendants.
struct RegionCounts {
  RegionCode region;
  int64_t registry = 0;              // registry workers domiciled here
  int64_t active = 0;                // registry workers with an active membership
  int64_t non_active = 0;            // registry workers whose memberships are all non-active
  int64_t unregistered = 0;          // registry workers with no membership
  int64_t unmatched_active = 0;      // active members attributed here with no registry worker
  int64_t unmatched_non_active = 0;  // non-active members attributed here with no registry worker
  // Of the unmatched counts above, those attributed to this region itself
  // rather than to one of its children (so the children's rows sum to less).
  int64_t unmatched_active_here = 0;
  int64_t unmatched_non_active_here = 0;
};

struct ReconciliationSummary {
  int64_t workers = 0;          // distinct registry workers (duplicate rows counted once)
  int64_t members = 0;          // distinct NIKs in the extract
  int64_t memberships = 0;      // rows in the extract
  int64_t active = 0;
  int64_t non_active = 0;
  int64_t unregistered = 0;
  int64_t unmatched = 0;
  int64_t unmatched_by_extract_region = 0;
  int64_t unmatched_by_nik_district = 0;
  int64_t unmatched_unattributed = 0;
  // Probabilistic linkage after the exact join (docs/linkage.md): registry
  // workers joined to an extract person by a match-band pair or an accepted
  // review (counted in active / non_active above, not in unmatched), and
  // the pairs left for review.
  int64_t linked_probabilistic = 0;
  int64_t linked_accepted = 0;
  int64_t review_pairs = 0;
  bool linkage_run = false;  // false: exact NIK only
  // Registry rows counted under another row of the same worker (confirmed
  // duplicates, docs/definitions.md): registry rows = workers + duplicate_rows.
  int64_t duplicate_rows = 0;
};

struct ReconciliationRecord {
  Period period;
  int64_t workers_version = 0;  // data versions the result was computed from
  int64_t members_version = 0;
  int64_t regions_version = 0;
  std::string computed_at;      // ISO 8601 UTC
  ReconciliationSummary summary;
  std::vector<uint8_t> worker_results;  // one byte per registry worker, NIK order
  UnmatchedMembers unmatched;
  std::vector<RegionCounts> counts;     // regions with any non-zero count, code order
  // Scored pairs (kLink) of the probabilistic step: applied ones (method
  // kProbabilistic / kAccepted) and those waiting for review (method kNone),
  // by descending weight. Exact-NIK links are implicit.
  std::vector<ScoredLink> links;
};

}  // namespace cakupan
