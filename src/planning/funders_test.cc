#include "planning/funders.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

Rupiah Sum(const std::vector<Funder>& f) {
  Rupiah s = 0;
  for (const Funder& x : f) s += x.amount;
  return s;
}

TEST(FundersTest, ParsesNamesAndShares) {
  auto f = ParseFunders("provinsi:30,kabupaten:70");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->size(), 2u);
  EXPECT_EQ((*f)[0].name, "provinsi");
  EXPECT_EQ((*f)[0].share_pcm, 30000);
  EXPECT_EQ((*f)[1].share_pcm, 70000);
  f = ParseFunders(" desa : 12,5% ; csr:37,5 ; baznas:50 ");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ((*f)[0].share_pcm, 12500);
  EXPECT_EQ((*f)[2].name, "baznas");
  f = ParseFunders("apbd-provinsi:33.333,apbd-kabupaten:33.333,APBDes:33.334");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(DefaultFunders()[0].name, "apbd");
  EXPECT_EQ(DefaultFunders()[0].share_pcm, 100000);
}

TEST(FundersTest, RefusesWhatDoesNotAddUpOrParse) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"provinsi:30,kabupaten:60", "90%"},
      {"provinsi:30,kabupaten:80", "110%"},
      {"provinsi:30", "30%"},
      {"", "provinsi:30,kabupaten:70"},
      {"provinsi,kabupaten", "NAMA:PERSEN"},
      {"provinsi:-30,kabupaten:130", "provinsi"},
      {"provinsi:0,kabupaten:100", "provinsi"},
      {"provinsi:abc", "abc"},
      {"provinsi:12,5,kabupaten:87,5", "';'"},
      {"prov insi:100", "prov insi"},
      {"a:50,A:50", "dua kali"},
      {"a:30.0001,b:69.9999", "a"},
  };
  for (const Case& c : cases) {
    auto f = ParseFunders(c.text);
    ASSERT_FALSE(f.ok()) << c.text;
    EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(f.status().message().find(c.message), std::string::npos) << c.text << ": " << f.status().message();
  }
}

TEST(FundersTest, ThirtySeventyOfAnOddAmountAddsUpExactly) {
  // 201.601 x 30% = 60.480,3 -> 60.480; x 70% = 141.120,7 -> 141.120; the
  // missing rupiah goes to the larger remainder (0,7): kabupaten.
  auto f = *ParseFunders("provinsi:30,kabupaten:70");
  SplitCost(201601, f);
  EXPECT_EQ(f[0].amount, 60480);
  EXPECT_EQ(f[1].amount, 141121);
  // 999.936.000 (4.960 workers x 201.600): exact.
  SplitCost(999936000, f);
  EXPECT_EQ(f[0].amount, 299980800);
  EXPECT_EQ(f[1].amount, 699955200);
  // 7 x 30% = 2,1 -> 2; 7 x 70% = 4,9 -> 4; one missing -> kabupaten (0,9): 2 + 5.
  SplitCost(7, f);
  EXPECT_EQ(f[0].amount, 2);
  EXPECT_EQ(f[1].amount, 5);
  SplitCost(0, f);
  EXPECT_EQ(Sum(f), 0);
}

TEST(FundersTest, RemaindersTieToTheFunderListedFirst) {
  auto f = *ParseFunders("a:50,b:50");
  SplitCost(3, f);  // 1,5 and 1,5: the extra rupiah to a
  EXPECT_EQ(f[0].amount, 2);
  EXPECT_EQ(f[1].amount, 1);
  auto g = *ParseFunders("a:33.333,b:33.333,c:33.334");
  SplitCost(100, g);  // 33,333 / 33,333 / 33,334: one missing rupiah -> c
  EXPECT_EQ(g[0].amount, 33);
  EXPECT_EQ(g[1].amount, 33);
  EXPECT_EQ(g[2].amount, 34);
  SplitCost(2, g);  // 0,66666 / 0,66666 / 0,66668: two missing -> c, then a
  EXPECT_EQ(g[0].amount, 1);
  EXPECT_EQ(g[1].amount, 0);
  EXPECT_EQ(g[2].amount, 1);
  for (Rupiah cost : {Rupiah{1}, Rupiah{99}, Rupiah{201600}, Rupiah{123456789013}}) {
    SplitCost(cost, g);
    EXPECT_EQ(Sum(g), cost);
  }
}

}  // namespace
}  // namespace cakupan
