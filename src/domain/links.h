// Links made other than by an exact NIK, duplicate pairs in the registry, and
// the reviewers' decisions about them (docs/linkage.md). Plain data: the
// linkage module scores pairs, services decide which are applied, storage
// persists them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace cakupan {

// How a registry worker was joined to a person in the extract.
enum class LinkMethod : uint8_t {
  kNone = 0,           // a scored pair not applied (in review, or rejected)
  kExactNik = 1,       // the same NIK (implicit: never stored as a pair)
  kProbabilistic = 2,  // Fellegi–Sunter match band
  kAccepted = 3,       // a reviewer accepted the pair
};
const char* LinkMethodCode(LinkMethod m);  // "none", "exact_nik", "probabilistic", "accepted"

// Same values as linkage's MatchBand.
enum class PairBand : uint8_t { kMatch = 1, kReview = 2, kNonMatch = 3 };
const char* PairBandCode(PairBand b);  // "match", "review", "non_match"
std::optional<PairBand> ParsePairBand(std::string_view code);

enum class PairKind : uint8_t {
  kLink = 1,       // registry worker (left) and extract person (right)
  kDuplicate = 2,  // two registry workers (left < right)
};
const char* PairKindCode(PairKind k);  // "link", "duplicate"
std::optional<PairKind> ParsePairKind(std::string_view code);

enum class Decision : uint8_t { kNone = 0, kAccept = 1, kReject = 2 };
const char* DecisionCode(Decision d);  // "", "accept", "reject"
std::optional<Decision> ParseDecision(std::string_view code);  // "accept"/"terima", "reject"/"tolak"

inline constexpr int kPairLevels = 5;  // linkage's comparisons: nik, name, birth date, sex, region

// A scored candidate pair and what was done with it.
struct ScoredLink {
  uint64_t left = 0;   // registry worker key (NIK or synthetic key)
  uint64_t right = 0;  // extract NIK (kLink) or the other worker's key (kDuplicate)
  PairBand band = PairBand::kNonMatch;
  LinkMethod method = LinkMethod::kNone;  // kLink: kProbabilistic / kAccepted when applied
  Decision decision = Decision::kNone;    // a reviewer's decision, if any
  double weight = 0;                      // log2 Bayes factor
  double probability = 0;                 // posterior probability of a match
  std::array<uint8_t, kPairLevels> levels{};  // comparison levels (the "why")
};

// Packs the levels into one integer (4 bits each) and back, for storage.
int64_t PackLevels(const std::array<uint8_t, kPairLevels>& levels);
std::array<uint8_t, kPairLevels> UnpackLevels(int64_t packed);

// The stored outcome of `cakupan dedupe`: probable duplicate pairs of the
// registry (match and review bands).
struct DedupeRecord {
  int64_t workers_version = 0;  // the registry it was computed from
  std::string computed_at;      // ISO 8601 UTC
  int64_t comparisons = 0;      // candidate pairs scored
  double seconds = 0;
  std::vector<ScoredLink> pairs;  // left < right, by descending weight
};

// A reviewer's decision on a pair; it outlives re-runs and re-imports (keyed
// by the records' keys, not by a period or a run).
struct LinkDecision {
  PairKind kind = PairKind::kLink;
  uint64_t left = 0;
  uint64_t right = 0;
  Decision decision = Decision::kAccept;
  std::string decided_at;  // ISO 8601 UTC
  std::string note;        // free text from the reviewer (at most 500 bytes)
};

}  // namespace cakupan
