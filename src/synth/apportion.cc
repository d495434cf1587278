#include "synth/apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cakupan {

std::vector<int64_t> Apportion(const std::vector<double>& weights, int64_t total) {
  const size_t n = weights.size();
  std::vector<int64_t> out(n, 0);
  if (n == 0 || total <= 0) return out;
  double sum = 0;
  for (double w : weights) sum += w > 0 ? w : 0;
  if (sum <= 0) {
    const auto parts = static_cast<int64_t>(n);
    for (size_t i = 0; i < n; ++i) out[i] = total / parts + (static_cast<int64_t>(i) < total % parts ? 1 : 0);
    return out;
  }
  std::vector<double> frac(n);
  int64_t assigned = 0;
  for (size_t i = 0; i < n; ++i) {
    const double q = weights[i] > 0 ? static_cast<double>(total) * (weights[i] / sum) : 0.0;
    const double f = std::floor(q);
    out[i] = static_cast<int64_t>(f);
    frac[i] = q - f;
    assigned += out[i];
  }
  int64_t rest = total - assigned;
  if (rest == 0) return out;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  if (rest > 0) {
    // Largest remainders first. Rounding error can leave `rest` above n in
    // theory; cycle in that case.
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return frac[a] > frac[b]; });
    for (size_t k = 0; rest > 0; k = (k + 1) % n) {
      if (weights[order[k]] <= 0) continue;  // some weight is positive: terminates
      ++out[order[k]];
      --rest;
    }
  } else {
    // Floating error pushed a floor over an integer: take back from the
    // smallest remainders among non-zero parts.
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return frac[a] < frac[b]; });
    for (size_t k = 0; rest < 0; k = (k + 1) % n) {
      if (out[order[k]] == 0) continue;
      --out[order[k]];
      ++rest;
    }
  }
  return out;
}

}  // namespace cakupan
