// Probabilistic record linkage (Fellegi–Sunter) for cakupan: finding the same
// person in the worker registry and the BPJS extract when the NIK or the name
// is wrong, and the same worker twice in the registry (docs/linkage.md).
//
// Records are compared on NIK (a serial-only difference, else
// Damerau–Levenshtein with transpositions as one edit), normalised name
// (Jaro–Winkler), birth date (exact, the +40 rule for women, day/month swap),
// sex and region. Candidate pairs come from blocking rules; u is measured on
// random pairs (the NIK's per birth-date, sex and region context, since the
// NIK encodes them), m on anchor pairs, and m of sex and region with the
// match share over all pairs by EM, from the data itself; a term-frequency
// adjustment makes agreement on a common name (Muhammad, Siti) weigh less than
// on a rare one. Every scored pair carries its match weight, probability,
// band and comparison levels (the "why").
//
// Pure functions of their inputs; internally multi-threaded; thread-compatible.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/enums.h"

namespace cakupan {

// The fields linkage compares, for one side, as parallel columns.
struct LinkageRecords {
  std::vector<uint64_t> nik;        // 16-digit NIK as written (also an invalid one, if it has 16 digits); 0 = none
  std::vector<std::string> name;    // as written (normalised inside)
  std::vector<Date> birth_date;     // kNoDate when unknown
  std::vector<uint8_t> sex;         // Sex
  std::vector<uint64_t> region;     // RegionCode::packed() at the finest level known; 0 = unknown
  size_t size() const { return nik.size(); }
};

// The comparisons and their levels, from agreement to disagreement. The
// level index of each comparison is stored with every pair (the "why").
enum class Comparison : uint8_t { kNik = 0, kName = 1, kBirthDate = 2, kSex = 3, kRegion = 4 };
inline constexpr int kComparisons = 5;
// Number of levels of a comparison, including the last, "missing" (a side
// has no value: contributes nothing to the weight).
int LevelCount(Comparison c);
// Stable machine name ("nik.one_edit", "birth_date.day_month_swapped") and a
// human label in the current language for a comparison level.
std::string LevelCode(Comparison c, int level);
std::string LevelLabel(Comparison c, int level);

using ComparisonVector = std::array<uint8_t, kComparisons>;  // a level per comparison

// The context of a pair's NIK comparison: its birth-date, sex and region
// levels, (date * LevelCount(kSex) + sex) * LevelCount(kRegion) + region
// (missing levels included), 0 .. kNikContexts - 1.
inline constexpr int kNikContexts = 7 * 3 * 6;
int NikContext(const ComparisonVector& levels);

enum class MatchBand : uint8_t { kMatch = 1, kReview = 2, kNonMatch = 3 };
const char* MatchBandCode(MatchBand b);  // "match", "review", "non_match"

struct ScoredPair {
  uint32_t left = 0;   // row in the left records (dedupe: the smaller row)
  uint32_t right = 0;  // row in the right records
  double weight = 0;       // log2 Bayes factor, term-frequency adjusted
  double probability = 0;  // posterior probability of a match
  MatchBand band = MatchBand::kNonMatch;
  ComparisonVector levels{};
};

// The estimated model, for reports and tests.
struct LinkageModel {
  // m[c][l], u[c][l]: probability of level l of comparison c among matches and
  // non-matches (LevelCount(c) values each, the "missing" level included: a
  // NIK missing on a side is why a pair escaped the exact join).
  std::array<std::vector<double>, kComparisons> m, u;
  // u of the NIK levels given the pair's birth-date, sex and region levels
  // (docs/linkage.md, "Model"): the NIK is made of the district of issue,
  // the birth date (day + 40 for women) and a serial, so among different
  // persons its agreement depends on how their birth dates, sexes and regions
  // agree. nik_u[NikContext(levels)][nik level] (LevelCount(kNik) values
  // each, kNikContexts rows). Empty: u[kNik] serves every pair.
  std::vector<std::vector<double>> nik_u;
  double match_share = 0;  // λ: share of candidate pairs that are matches
  int iterations = 0;
  bool converged = false;
};

struct LinkageOptions {
  // Probability bands: >= match_probability is a match, >= review_probability
  // goes to review, below is a non-match.
  double match_probability = 0.95;
  double review_probability = 0.50;
  int max_em_iterations = 100;
  double em_tolerance = 1e-7;            // stop when no parameter moves more than this
  bool term_frequency_adjustment = true;
  size_t max_block_size = 2000;          // larger blocks are skipped (counted in the stats)
  int threads = 0;                       // 0 = DefaultThreads()
  bool one_to_one = true;                // keep at most one match per record (best weight first); LinkRecords only
  size_t u_sample_pairs = 1000000;       // random pairs sampled (fixed seed) to start u
  uint64_t seed = 20240401;              // seed of that sample: the same seed gives the same result
};

struct LinkageStats {
  int64_t blocks = 0;
  int64_t skipped_blocks = 0;   // larger than max_block_size
  int64_t comparisons = 0;      // distinct candidate pairs scored
  double seconds = 0;
  // Wall time of each phase (docs/linkage.md, "Performance"), in seconds.
  double prepare_seconds = 0;     // checking, normalising names, name ids
  double blocking_seconds = 0;    // blocking keys and distinct candidate pairs
  double compare_seconds = 0;     // comparison vectors of the candidate pairs
  double u_sample_seconds = 0;    // comparison vectors of the random pairs
  double em_seconds = 0;          // anchored m, EM
  double score_seconds = 0;       // weights, bands, sorting
  double one_to_one_seconds = 0;  // LinkRecords only
};

struct LinkageResult {
  std::vector<ScoredPair> pairs;  // match and review bands only, by descending weight
  LinkageModel model;
  LinkageStats stats;
};

// Links every left record to right records (e.g. unmatched registry workers
// against extract persons without a registry worker).
Result<LinkageResult> LinkRecords(const LinkageRecords& left, const LinkageRecords& right,
                                  const LinkageOptions& options);
// Finds pairs of records in one set that are the same person (left < right).
Result<LinkageResult> Deduplicate(const LinkageRecords& records, const LinkageOptions& options);

// Indonesian name normalisation (docs/linkage.md, "Names"): lower case, no
// punctuation, titles and degrees removed (H., Hj., Dr., Ir., Drs., S.Pd.,
// S.E., A.Md., ...), bin/binti dropped, old spelling modernised (oe->u,
// dj->j, tj->c, j->y before a vowel where old, ch->kh, sj->sy), Muhammad's
// variants unified, doubled letters collapsed. "H. MOEHAMMAD DJOEANDA, S.Pd."
// -> "muhamad juanda".
std::string NormalizeName(std::string_view name);
// A phonetic key of a normalised name for blocking (similar-sounding names
// share it).
std::string PhoneticKey(std::string_view normalized_name);

// Similarities used by the comparisons, exposed for tests.
double JaroWinkler(std::string_view a, std::string_view b);
int DamerauLevenshtein(std::string_view a, std::string_view b);  // optimal string alignment distance

// ---- Added to the contract (issue 4, linkage core) ----
// The level of each comparison for one pair of values (docs/linkage.md,
// "Comparisons and levels"); the last level of each is "missing". Names must
// already be normalised (NormalizeName). Dates outside 1850..2199 count as
// missing; a NIK of 0 or with more than 16 digits is missing; a region whose
// province part is 00 is missing.
int CompareNik(uint64_t a, uint64_t b);
int CompareNames(std::string_view normalized_a, std::string_view normalized_b);
int CompareBirthDates(Date a, Date b);
int CompareSex(uint8_t a, uint8_t b);
int CompareRegions(uint64_t packed_a, uint64_t packed_b);
// The comparison vector of left row i and right row j (normalises both names:
// a convenience for explanations and tests; LinkRecords precomputes). Rows
// must be in range.
ComparisonVector CompareRecords(const LinkageRecords& left, size_t i, const LinkageRecords& right, size_t j);

// How many candidate pairs show one pattern of levels.
struct PatternCount {
  ComparisonVector levels{};
  int64_t count = 0;
};
// What EstimateModel holds and over which pairs it counts.
struct EstimateSettings {
  std::array<bool, kComparisons> hold_m{};  // hold_m[c]: m of comparison c stays as in `start`
  bool hold_u = false;  // u stays (measured on random pairs); nik_u always stays when given
  // When > 0: the patterns are those of the candidate pairs among this many
  // pairs, and every other pair is a non-match, so the match share is over
  // all pairs. Needs hold_u (the other pairs' patterns are unknown).
  double total_pairs = 0;
};

// Fellegi–Sunter EM on pattern counts (docs/linkage.md, "Model"): estimates m,
// u and the match share from `start` (m and u sized LevelCount(c) each,
// nik_u empty or kNikContexts x LevelCount(kNik), match_share in (0, 1)),
// holding what `settings` says. Stops when no parameter moves more than
// options.em_tolerance (the match share: relative to itself) or after
// options.max_em_iterations. Each level gets a pseudo-count of one pair and
// probabilities are floored at 1e-6. LinkRecords holds u (random pairs) and
// the m of the NIK, the name and the birth date (anchor pairs or priors),
// and counts over all pairs (docs/linkage.md, "Model"). Returns
// InvalidArgument when `start` or `settings` is malformed or a level is out
// of range.
Result<LinkageModel> EstimateModel(const std::vector<PatternCount>& patterns, const LinkageModel& start,
                                   const LinkageOptions& options, const EstimateSettings& settings = {});

}  // namespace cakupan
