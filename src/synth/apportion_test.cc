#include "synth/apportion.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "base/rng.h"

namespace cakupan {
namespace {

TEST(ApportionTest, SumsExactlyAndStaysWithinOneOfTheQuota) {
  Rng rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 1 + rng.Below(60);
    std::vector<double> w(n);
    for (auto& x : w) x = rng.Chance(0.1) ? 0.0 : rng.Uniform() * 1000;
    if (std::accumulate(w.begin(), w.end(), 0.0) == 0) w[0] = 1;
    const int64_t total = static_cast<int64_t>(rng.Below(1000000));
    const auto parts = Apportion(w, total);
    ASSERT_EQ(std::accumulate(parts.begin(), parts.end(), int64_t{0}), total);
    const double sum = std::accumulate(w.begin(), w.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      const double quota = static_cast<double>(total) * w[i] / sum;
      EXPECT_LE(std::abs(static_cast<double>(parts[i]) - quota), 1.0);
      if (w[i] == 0) {
        EXPECT_EQ(parts[i], 0);
      }
    }
  }
}

TEST(ApportionTest, LargestRemainderWinsAndTiesGoToLowerIndex) {
  EXPECT_EQ(Apportion({1, 1, 1}, 2), (std::vector<int64_t>{1, 1, 0}));
  EXPECT_EQ(Apportion({0.2, 0.5, 0.3}, 1), (std::vector<int64_t>{0, 1, 0}));
  EXPECT_EQ(Apportion({3, 1}, 4), (std::vector<int64_t>{3, 1}));
}

TEST(ApportionTest, ZeroTotalAndZeroWeights) {
  EXPECT_EQ(Apportion({1, 2}, 0), (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(Apportion({0, 0, 0}, 4), (std::vector<int64_t>{2, 1, 1}));
  EXPECT_TRUE(Apportion({}, 5).empty());
}

}  // namespace
}  // namespace cakupan
