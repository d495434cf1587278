// LinkRecords and Deduplicate: prepare, block, compare, estimate, score,
// band, and (for linking) keep one match per record (docs/linkage.md).
#include "linkage/linkage.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "base/parallel.h"
#include "base/rng.h"
#include "linkage/blocking.h"
#include "linkage/comparisons.h"
#include "linkage/em.h"

namespace cakupan {
namespace {

// Pairs are compared in fixed-size chunks so that per-chunk results (and so
// the output) do not depend on the thread count.
constexpr size_t kPairChunk = 1 << 16;
constexpr double kStartingMatchShare = 0.1;

Status CheckColumns(const LinkageRecords& r, const char* side) {
  const size_t n = r.nik.size();
  auto mismatch = [&](const char* column, size_t size) {
    return Status::InvalidArgument(std::string("linkage records (") + side + "): column " + column + " has " +
                                   std::to_string(size) + " rows, nik has " + std::to_string(n));
  };
  if (r.name.size() != n) return mismatch("name", r.name.size());
  if (r.birth_date.size() != n) return mismatch("birth_date", r.birth_date.size());
  if (r.sex.size() != n) return mismatch("sex", r.sex.size());
  if (r.region.size() != n) return mismatch("region", r.region.size());
  return Status::Ok();
}

Status CheckOptions(const LinkageOptions& o) {
  if (!(o.review_probability >= 0 && o.review_probability <= o.match_probability && o.match_probability <= 1)) {
    return Status::InvalidArgument("linkage options: need 0 <= review_probability <= match_probability <= 1");
  }
  if (o.max_em_iterations < 0) return Status::InvalidArgument("linkage options: max_em_iterations is negative");
  if (!(o.em_tolerance >= 0)) return Status::InvalidArgument("linkage options: em_tolerance is negative");
  if (o.max_block_size < 2) return Status::InvalidArgument("linkage options: max_block_size must be at least 2");
  if (o.threads < 0) return Status::InvalidArgument("linkage options: threads is negative");
  return Status::Ok();
}

// Pattern counts of the pairs in `sample` ((left row << 32) | other row).
PatternCounts CountSamplePatterns(const PreparedRecords& left, const PreparedRecords& other,
                                  std::vector<uint64_t>& sample, int threads) {
  // Only the counts matter, not the order of the pairs: group the sample by
  // blocks of 1,024 left rows (a counting sort) so that the left records are
  // read nearly in order rather than at random.
  if (sample.size() > kPairChunk) {
    constexpr int kRowShift = 10;
    std::vector<size_t> start((left.size() >> kRowShift) + 2, 0);
    for (uint64_t s : sample) ++start[(s >> 32 >> kRowShift) + 1];
    for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    std::vector<uint64_t> sorted(sample.size());
    for (uint64_t s : sample) sorted[start[s >> 32 >> kRowShift]++] = s;
    sample.swap(sorted);
  }
  const size_t chunks = (sample.size() + kPairChunk - 1) / kPairChunk;
  std::vector<PatternCounts> chunk_counts(chunks);
  ParallelTasks(chunks, threads, [&](size_t c) {
    auto& counts = chunk_counts[c];
    counts.assign(kPatternCount, 0);
    const size_t end = std::min(sample.size(), (c + 1) * kPairChunk);
    for (size_t k = c * kPairChunk; k < end; ++k) {
      ++counts[PatternIndex(ComparePrepared(left, sample[k] >> 32, other, sample[k] & 0xFFFFFFFFu))];
    }
  });
  PatternCounts total(kPatternCount, 0);
  for (const auto& counts : chunk_counts) {
    for (int p = 0; p < kPatternCount; ++p) total[p] += counts[p];
  }
  return total;
}

// Pattern counts among random pairs (all pairs when there are few enough),
// drawn with a fixed seed.
PatternCounts RandomPairPatterns(const PreparedRecords& left, const PreparedRecords* right,
                                 const LinkageOptions& options, int threads) {
  const bool dedupe = right == nullptr;
  const PreparedRecords& other = dedupe ? left : *right;
  const uint64_t n_left = left.size(), n_right = other.size();
  const uint64_t possible = dedupe ? (n_left < 2 ? 0 : n_left * (n_left - 1) / 2) : n_left * n_right;
  std::vector<uint64_t> sample;
  if (possible <= options.u_sample_pairs) {
    sample.reserve(possible);
    for (uint64_t i = 0; i < n_left; ++i) {
      for (uint64_t j = dedupe ? i + 1 : 0; j < n_right; ++j) sample.push_back(i << 32 | j);
    }
  } else {
    Rng rng(options.seed);
    sample.resize(options.u_sample_pairs);
    for (uint64_t& s : sample) {
      const uint64_t i = rng.Below(n_left);
      uint64_t j = rng.Below(dedupe ? n_left - 1 : n_right);
      if (dedupe && j >= i) ++j;
      s = i << 32 | j;
    }
  }
  return CountSamplePatterns(left, other, sample, threads);
}

// (key, row) of the rows with a key (key_of returns kNoKey for none), ordered.
constexpr uint64_t kNoKey = UINT64_MAX;
template <typename KeyOf>
std::vector<std::pair<uint64_t, uint32_t>> RowsByKey(const PreparedRecords& r, KeyOf key_of) {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    const uint64_t key = key_of(r, i);
    if (key != kNoKey) out.emplace_back(key, static_cast<uint32_t>(i));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Pattern counts among random pairs of records with the same key (all such
// pairs when there are few enough), drawn with a fixed seed: the NIK's u in
// contexts that random pairs seldom reach (docs/linkage.md, "Model").
template <typename KeyOf>
PatternCounts SameKeyPairPatterns(const PreparedRecords& left, const PreparedRecords* right, KeyOf key_of,
                                  uint64_t seed, const LinkageOptions& options, int threads) {
  const bool dedupe = right == nullptr;
  const PreparedRecords& other = dedupe ? left : *right;
  const auto a = RowsByKey(left, key_of);
  const auto b = dedupe ? a : RowsByKey(other, key_of);
  // Groups of one key: [a_begin, a_end) x [b_begin, b_end), and how many
  // pairs they hold (cumulative).
  struct Group {
    size_t a_begin, a_end, b_begin, b_end;
  };
  std::vector<Group> groups;
  std::vector<uint64_t> cumulative;
  uint64_t total = 0;
  for (size_t i = 0, j = 0; i < a.size();) {
    size_t i_end = i;
    while (i_end < a.size() && a[i_end].first == a[i].first) ++i_end;
    while (j < b.size() && b[j].first < a[i].first) ++j;
    size_t j_end = j;
    while (j_end < b.size() && b[j_end].first == a[i].first) ++j_end;
    const uint64_t n_a = i_end - i, n_b = j_end - j;
    const uint64_t pairs = dedupe ? n_a * (n_a - 1) / 2 : n_a * n_b;
    if (pairs > 0) {
      groups.push_back(Group{i, i_end, j, j_end});
      total += pairs;
      cumulative.push_back(total);
    }
    i = i_end;
  }
  std::vector<uint64_t> sample;
  if (total <= options.u_sample_pairs) {
    sample.reserve(total);
    for (const Group& g : groups) {
      for (size_t x = g.a_begin; x < g.a_end; ++x) {
        for (size_t y = dedupe ? x + 1 : g.b_begin; y < g.b_end; ++y) {
          sample.push_back(uint64_t{a[x].second} << 32 | b[y].second);
        }
      }
    }
  } else {
    Rng rng(options.seed ^ seed);
    sample.resize(options.u_sample_pairs);
    for (uint64_t& s : sample) {
      const uint64_t r = rng.Below(total);
      const Group& g = groups[std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin()];
      const uint64_t n_a = g.a_end - g.a_begin;
      const size_t x = g.a_begin + rng.Below(n_a);
      size_t y;
      if (dedupe) {
        y = g.a_begin + rng.Below(n_a - 1);
        if (y >= x) ++y;
      } else {
        y = g.b_begin + rng.Below(g.b_end - g.b_begin);
      }
      s = uint64_t{a[x].second} << 32 | b[y].second;
    }
  }
  return CountSamplePatterns(left, other, sample, threads);
}

uint64_t BirthDateKey(const PreparedRecords& r, size_t i) {
  if (r.birth_date[i] == kNoDate) return kNoKey;
  return static_cast<uint64_t>(static_cast<int64_t>(r.birth_date[i]) + (int64_t{1} << 40));
}
uint64_t DistrictKey(const PreparedRecords& r, size_t i) {
  return r.region_depth[i] >= 3 ? r.region[i] / 10000 : kNoKey;
}

// log2(u_exact / u_tf) for each name id, u_tf = u_exact * p_v / sum_w p_w^2,
// floored at kProbabilityFloor and at most 1 (docs/linkage.md).
std::vector<double> TermFrequencyAdjustments(const std::vector<uint32_t>& name_counts, double u_exact) {
  double total = 0, sum_squares = 0;
  for (uint32_t c : name_counts) total += c;
  std::vector<double> adjust(name_counts.size(), 0.0);
  if (total <= 0) return adjust;
  for (uint32_t c : name_counts) sum_squares += (c / total) * (c / total);
  for (size_t v = 0; v < name_counts.size(); ++v) {
    const double share = name_counts[v] / total;
    const double u_tf = std::clamp(u_exact * share / sum_squares, kProbabilityFloor, 1.0);
    adjust[v] = std::log2(u_exact) - std::log2(u_tf);
  }
  return adjust;
}

Result<LinkageResult> Run(const LinkageRecords& left_records, const LinkageRecords* right_records,
                          const LinkageOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto phase_start = started;
  // Seconds since the previous call (or the start).
  auto lap = [&phase_start] {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - phase_start).count();
    phase_start = now;
    return s;
  };
  const bool dedupe = right_records == nullptr;
  CAKUPAN_RETURN_IF_ERROR(CheckColumns(left_records, dedupe ? "records" : "left"));
  if (!dedupe) CAKUPAN_RETURN_IF_ERROR(CheckColumns(*right_records, "right"));
  CAKUPAN_RETURN_IF_ERROR(CheckOptions(options));
  const uint64_t total_rows = left_records.size() + (dedupe ? 0 : right_records->size());
  if (total_rows >= 0xFFFFFFFFULL) return Status::InvalidArgument("linkage: more than 2^32 - 2 records");
  const int threads = options.threads > 0 ? options.threads : DefaultThreads();

  // 1. Prepare: normalised names, usable values, shared name ids.
  PreparedRecords left = PrepareRecords(left_records, threads);
  PreparedRecords right_storage;
  if (!dedupe) right_storage = PrepareRecords(*right_records, threads);
  PreparedRecords* right = dedupe ? nullptr : &right_storage;
  std::vector<PreparedRecords*> sets = {&left};
  if (right) sets.push_back(right);
  const std::vector<uint32_t> name_counts = AssignNameIds(sets);
  const PreparedRecords& other = right ? *right : left;
  LinkageResult result;
  result.stats.prepare_seconds = lap();

  // 2. Candidate pairs.
  CandidatePairs candidates = FindCandidatePairs(left, right, options.max_block_size, threads);
  const std::vector<uint64_t>& pairs = candidates.pairs;
  result.stats.blocking_seconds = lap();

  result.stats.blocks = candidates.blocks;
  result.stats.skipped_blocks = candidates.skipped_blocks;
  result.stats.comparisons = static_cast<int64_t>(pairs.size());

  // 3. Compare every candidate pair; count patterns.
  std::vector<uint16_t> pattern(pairs.size());
  const size_t chunks = (pairs.size() + kPairChunk - 1) / kPairChunk;
  std::vector<std::vector<int64_t>> chunk_counts(chunks);
  ParallelTasks(chunks, threads, [&](size_t c) {
    auto& counts = chunk_counts[c];
    counts.assign(kPatternCount, 0);
    const size_t end = std::min(pairs.size(), (c + 1) * kPairChunk);
    for (size_t k = c * kPairChunk; k < end; ++k) {
      const int p = PatternIndex(ComparePrepared(left, pairs[k] >> 32, other, pairs[k] & 0xFFFFFFFFu));
      pattern[k] = static_cast<uint16_t>(p);
      ++counts[p];
    }
  });
  std::vector<int64_t> pattern_counts(kPatternCount, 0);
  for (const auto& counts : chunk_counts) {
    for (int p = 0; p < kPatternCount; ++p) pattern_counts[p] += counts[p];
  }
  std::vector<PatternCount> observed;
  for (int p = 0; p < kPatternCount; ++p) {
    if (pattern_counts[p] > 0) observed.push_back(PatternCount{PatternLevels(p), pattern_counts[p]});
  }
  result.stats.compare_seconds = lap();

  // 4. Model (docs/linkage.md, "Model"): u from random pairs (the NIK's per
  // context of birth-date, sex and region levels), m from anchor pairs or
  // priors, then m of sex and region and the match share among all pairs by
  // EM on the candidates.
  const PatternCounts random_pairs = RandomPairPatterns(left, right, options, threads);
  const PatternCounts same_date_pairs =
      SameKeyPairPatterns(left, right, BirthDateKey, 0x5A3E0D47E1B1A7C5ULL, options, threads);
  const PatternCounts same_district_pairs =
      SameKeyPairPatterns(left, right, DistrictKey, 0x2C1B3C6D4E5F6A7BULL, options, threads);
  result.stats.u_sample_seconds = lap();
  const double n_left = static_cast<double>(left.size()), n_right = static_cast<double>(other.size());
  EstimateSettings settings;
  settings.hold_u = true;
  // m of the NIK, the name and the birth date stay as measured on anchor
  // pairs (or their priors): left free, EM takes clusters of different
  // persons for matches (NIK typos that recreate another person's district
  // and date, namesakes born days apart). Sex and region are estimated:
  // how they agree depends on the sources (an extract's region known to the
  // regency only; a worker enumerated again in another village).
  settings.hold_m[static_cast<int>(Comparison::kNik)] = true;
  settings.hold_m[static_cast<int>(Comparison::kName)] = true;
  settings.hold_m[static_cast<int>(Comparison::kBirthDate)] = true;
  const double candidate_count = static_cast<double>(pairs.size());
  settings.total_pairs = std::max(candidate_count, dedupe ? n_left * (n_left - 1) / 2 : n_left * n_right);
  const double start_share = kStartingMatchShare * candidate_count / std::max(1.0, settings.total_pairs);
  const LinkageModel start =
      AnchoredModel(observed, random_pairs, same_date_pairs, same_district_pairs, std::max(start_share, 1e-12));
  CAKUPAN_ASSIGN_OR_RETURN(result.model, EstimateModel(observed, start, options, settings));
  result.stats.em_seconds = lap();
  const LinkageModel& model = result.model;

  // 5. Score and band.
  const std::vector<double> pattern_weight = PatternWeights(model);
  const double prior = PriorWeight(model.match_share);
  const int name = static_cast<int>(Comparison::kName);
  const std::vector<double> tf_adjust = options.term_frequency_adjustment
                                            ? TermFrequencyAdjustments(name_counts, model.u[name][kNameExact])
                                            : std::vector<double>(name_counts.size(), 0.0);
  // Patterns whose best possible weight (the largest term-frequency
  // adjustment for an exact name) stays below the review band (with a margin
  // for rounding) are skipped without scoring their pairs.
  double max_tf = 0;
  for (double a : tf_adjust) max_tf = std::max(max_tf, a);
  std::vector<uint8_t> reachable(kPatternCount, 0);
  for (int p = 0; p < kPatternCount; ++p) {
    const double best = pattern_weight[p] + (PatternLevels(p)[name] == kNameExact ? max_tf : 0.0) + 1e-6;
    reachable[p] = MatchProbability(best, prior) >= options.review_probability;
  }
  std::vector<std::vector<ScoredPair>> chunk_scored(chunks);
  ParallelTasks(chunks, threads, [&](size_t c) {
    const size_t end = std::min(pairs.size(), (c + 1) * kPairChunk);
    for (size_t k = c * kPairChunk; k < end; ++k) {
      if (!reachable[pattern[k]]) continue;
      const ComparisonVector levels = PatternLevels(pattern[k]);
      const uint32_t i = static_cast<uint32_t>(pairs[k] >> 32), j = static_cast<uint32_t>(pairs[k]);
      double weight = pattern_weight[pattern[k]];
      if (levels[name] == kNameExact) weight += tf_adjust[left.name_id[i]];
      const double probability = MatchProbability(weight, prior);
      if (probability < options.review_probability) continue;
      ScoredPair s;
      s.left = i;
      s.right = j;
      s.weight = weight;
      s.probability = probability;
      s.band = probability >= options.match_probability ? MatchBand::kMatch : MatchBand::kReview;
      s.levels = levels;
      chunk_scored[c].push_back(s);
    }
  });
  std::vector<ScoredPair> scored;
  for (auto& part : chunk_scored) scored.insert(scored.end(), part.begin(), part.end());
  std::sort(scored.begin(), scored.end(), [](const ScoredPair& a, const ScoredPair& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.left != b.left) return a.left < b.left;
    return a.right < b.right;
  });
  result.stats.score_seconds = lap();

  // 6. One match per record (linking only): greedy by weight; a conflicting
  // match, or a review pair touching a matched record, is dropped.
  if (!dedupe && options.one_to_one) {
    std::vector<bool> left_used(left.size(), false), right_used(other.size(), false);
    std::vector<ScoredPair> kept;
    for (const ScoredPair& s : scored) {
      if (s.band != MatchBand::kMatch || left_used[s.left] || right_used[s.right]) continue;
      left_used[s.left] = right_used[s.right] = true;
      kept.push_back(s);
    }
    for (const ScoredPair& s : scored) {
      if (s.band == MatchBand::kReview && !left_used[s.left] && !right_used[s.right]) kept.push_back(s);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const ScoredPair& a, const ScoredPair& b) {
      if (a.weight != b.weight) return a.weight > b.weight;
      if (a.left != b.left) return a.left < b.left;
      return a.right < b.right;
    });
    scored = std::move(kept);
  }
  result.stats.one_to_one_seconds = lap();
  result.pairs = std::move(scored);
  result.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace

Result<LinkageResult> LinkRecords(const LinkageRecords& left, const LinkageRecords& right,
                                  const LinkageOptions& options) {
  return Run(left, &right, options);
}

Result<LinkageResult> Deduplicate(const LinkageRecords& records, const LinkageOptions& options) {
  return Run(records, nullptr, options);
}

}  // namespace cakupan
