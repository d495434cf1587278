// Sorting 64-bit keys with their row numbers, the workhorse of canonical
// ordering (NIKs are 54-bit integers). LSD radix sort, 11-bit digits, only as
// many passes as the largest key needs; stable. Not thread-safe on shared
// inputs; pure otherwise.
#pragma once

#include <cstdint>
#include <vector>

namespace cakupan {

// Returns the permutation `perm` such that keys[perm[0]] <= keys[perm[1]] <=
// ...; equal keys keep their input order (stable).
std::vector<uint32_t> SortedOrder(const std::vector<uint64_t>& keys);

// Sorts `keys` in place (stable) and returns the permutation applied:
// new keys[i] == old keys[perm[i]]. Saves gathering the key column afterwards.
std::vector<uint32_t> SortInPlace(std::vector<uint64_t>& keys);

// True when keys are non-decreasing.
bool IsSorted(const std::vector<uint64_t>& keys);

}  // namespace cakupan
