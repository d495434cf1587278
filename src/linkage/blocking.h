// Private to the linkage module: candidate pairs from blocking rules
// (docs/linkage.md, "Blocking"). Deterministic: the same records give the
// same pairs in the same order whatever the thread count.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkage/comparisons.h"

namespace cakupan {

struct CandidatePairs {
  // (left row << 32) | right row, distinct (each from the first rule whose
  // block holds it), grouped by block; for one set, left < right.
  std::vector<uint64_t> pairs;
  int64_t blocks = 0;          // blocks that gave pairs
  int64_t skipped_blocks = 0;  // blocks with more than max_block_size records
};

// The blocking keys of record i (0 = the rule does not apply), one per rule.
inline constexpr int kBlockingRules = 6;
std::array<uint64_t, kBlockingRules> BlockingKeys(const PreparedRecords& records, size_t i);

// Pairs of left x right records sharing a blocking key; `right` == nullptr
// deduplicates `left` against itself. Total rows must be below 2^32.
CandidatePairs FindCandidatePairs(const PreparedRecords& left, const PreparedRecords* right,
                                  size_t max_block_size, int threads);

}  // namespace cakupan
