#include "synth/nik_set.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

TEST(NikSetTest, InsertsOnceAndGrowsPastItsSizing) {
  NikSet set(10);
  for (uint64_t i = 1; i <= 5000; ++i) ASSERT_TRUE(set.Insert(1704070000000000ULL + i * 7919));
  EXPECT_EQ(set.size(), 5000);
  for (uint64_t i = 1; i <= 5000; ++i) {
    EXPECT_TRUE(set.Contains(1704070000000000ULL + i * 7919));
    EXPECT_FALSE(set.Insert(1704070000000000ULL + i * 7919));
  }
  EXPECT_FALSE(set.Contains(1704070000000001ULL));
  EXPECT_EQ(set.size(), 5000);
}

}  // namespace
}  // namespace cakupan
