// Small random draws shared by the synthetic data generator. Header-only,
// pure functions of the Rng.
#pragma once

#include <cmath>
#include <cstddef>

#include "base/rng.h"

namespace cakupan {

// Standard normal (Box-Muller, one value per call).
inline double DrawNormal(Rng& rng) {
  const double u1 = 1.0 - rng.Uniform();  // (0, 1]
  const double u2 = rng.Uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

// Index drawn from `n` cumulative weights (non-decreasing, last > 0).
template <typename T, size_t N>
int DrawCumulative(const T (&cum)[N], Rng& rng) {
  const double x = rng.Uniform() * static_cast<double>(cum[N - 1]);
  for (size_t i = 0; i < N; ++i)
    if (x < static_cast<double>(cum[i])) return static_cast<int>(i);
  return static_cast<int>(N - 1);
}

}  // namespace cakupan
