// Probable links and duplicates, for people to review (docs/linkage.md,
// "Review"): listing the pairs a reconciliation or `cakupan dedupe` scored,
// with both records side by side (masked unless asked) and why they were
// paired; recording accept / reject decisions, which outlive re-runs and
// re-imports; and running the registry's deduplication.
//
// A pair is named by a stable id: 12 hex digits derived from the two record
// keys (so that no NIK has to be typed on a command line).
// Not thread-safe; one use at a time per Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/links.h"
#include "linkage/linkage.h"
#include "storage/store.h"

namespace cakupan {

std::string PairId(uint64_t left, uint64_t right);

enum class ReviewFilter : uint8_t {
  kPending = 0,  // review band, no decision yet (the default)
  kDecided = 1,  // any pair with a decision
  kLinked = 2,   // applied links (probabilistic or accepted); duplicates: match band
  kAll = 3,
};
std::optional<ReviewFilter> ParseReviewFilter(std::string_view code);  // "pending", "decided", "linked", "all"

struct ReviewQuery {
  PairKind kind = PairKind::kLink;
  std::optional<Period> period;  // links: default the latest reconciled period
  ReviewFilter filter = ReviewFilter::kPending;
  int page = 1;            // 1-based
  int page_size = 50;      // 1..1000
  bool unmask = false;     // full NIKs and names (personal data: CLI only, on request)
};

// One side of a pair as a reviewer sees it.
struct ReviewSide {
  std::string nik;         // masked ("1704************") unless unmasked; "" when none
  std::string nik_issue;   // NikErrorCode of an invalid registry NIK, else ""
  std::string name;        // masked ("S*** A*****") unless unmasked
  std::string sex;         // "L" / "P" / ""
  std::string birth_date;  // "1985-04-17" ("" unknown)
  std::string region;      // code of the village (registry) or attributed region (extract)
  std::string region_name;
  std::string source;      // "registry" or "extract"
};

struct ReviewItem {
  std::string id;
  ScoredLink pair;
  ReviewSide left, right;
  std::string decided_at, note;  // when decided
};

struct ReviewList {
  PairKind kind = PairKind::kLink;
  std::optional<Period> period;
  std::string computed_at;      // of the reconciliation / dedupe listed
  bool stale = false;           // data changed since: re-run to refresh
  int64_t pending = 0;          // review-band pairs without a decision
  int64_t total = 0;            // pairs matching the filter
  int page = 1, pages = 0;
  std::vector<ReviewItem> items;
};

struct DedupeOptions {
  LinkageOptions linkage;
};

class ReviewService {
 public:
  ReviewService(Store& store, Clock& clock, Progress& progress);

  // kFailedPrecondition when there is nothing to list yet (no reconciliation
  // with linkage / no dedupe run), with the command that makes it.
  Result<ReviewList> List(const ReviewQuery& query);
  // Records a decision on the pair `id` of the current list (the period's
  // reconciliation, or the last dedupe). kNotFound for an unknown id.
  // Applied by the next `cakupan reconcile` (links) or shown by the next list.
  Result<LinkDecision> Decide(PairKind kind, std::string_view id, Decision decision, std::string note,
                              std::optional<Period> period);
  // Removes the decision on pair `id`. kNotFound when there is none.
  Status Undo(PairKind kind, std::string_view id, std::optional<Period> period);

  // Finds probable duplicates in the registry and stores them (replacing the
  // previous run). kFailedPrecondition when there are no workers.
  Result<DedupeRecord> Dedupe(const DedupeOptions& options);

 private:
  Result<std::vector<ScoredLink>> CurrentPairs(PairKind kind, std::optional<Period>* period, std::string* computed_at,
                                               bool* stale);

  Store& store_;
  Clock& clock_;
  Progress& progress_;
};

}  // namespace cakupan
