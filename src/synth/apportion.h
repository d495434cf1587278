// Integer apportionment for the synthetic data generator: splitting a whole
// number of people (workers, active members) over parts in proportion to
// real-valued weights so that the parts sum exactly to the total.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

namespace cakupan {

// Largest-remainder (Hamilton) apportionment: splits `total` >= 0 over
// `weights` (each >= 0) so that part i is floor or ceil of its exact quota
// total * w_i / sum(w) and the parts sum to `total`. Remainders are ranked
// largest first, ties by lower index, so the result is deterministic.
// Returns all zeros when `total` is 0; when every weight is 0 and total > 0,
// splits evenly (lower indices first).
std::vector<int64_t> Apportion(const std::vector<double>& weights, int64_t total);

}  // namespace cakupan
