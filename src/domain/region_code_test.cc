#include "domain/region_code.h"

#include <gtest/gtest.h>

#include "domain/region_table.h"

namespace cakupan {
namespace {

TEST(RegionCodeTest, ParsesAllLevels) {
  EXPECT_EQ(RegionCode::Parse("17")->level(), RegionLevel::kProvince);
  EXPECT_EQ(RegionCode::Parse("17.04")->level(), RegionLevel::kRegency);
  EXPECT_EQ(RegionCode::Parse("17.04.07")->level(), RegionLevel::kDistrict);
  EXPECT_EQ(RegionCode::Parse("17.04.07.2010")->level(), RegionLevel::kVillage);
  EXPECT_EQ(RegionCode::Parse("0")->level(), RegionLevel::kNational);
  EXPECT_EQ(RegionCode::Parse("1704072010")->ToString(), "17.04.07.2010");
  EXPECT_EQ(RegionCode::Parse(" 17.71 ")->ToString(), "17.71");
}

TEST(RegionCodeTest, RejectsMalformedCodes) {
  for (const char* bad : {"", "1", "17.4", "17.04.7", "17.04.07.201", "17.00", "17.04.07.0000", "ab",
                          "17.04.07.2010.1", "170", "17-04"}) {
    EXPECT_FALSE(RegionCode::Parse(bad).has_value()) << bad;
  }
}

TEST(RegionCodeTest, KindsFollowKemendagriConvention) {
  EXPECT_EQ(RegionCode::Parse("17.04")->kind(), RegionKind::kKabupaten);
  EXPECT_EQ(RegionCode::Parse("17.71")->kind(), RegionKind::kKota);
  EXPECT_EQ(RegionCode::Parse("17.71.01.1001")->kind(), RegionKind::kKelurahan);
  EXPECT_EQ(RegionCode::Parse("17.04.07.2010")->kind(), RegionKind::kDesa);
  EXPECT_EQ(RegionCode::Parse("91.01.01.3001")->kind(), RegionKind::kDesaAdat);
}

TEST(RegionCodeTest, ParentsAndContainment) {
  auto v = *RegionCode::Parse("17.04.07.2010");
  EXPECT_EQ(v.Parent().ToString(), "17.04.07");
  EXPECT_EQ(v.Parent().Parent().Parent().ToString(), "17");
  EXPECT_EQ(v.Parent().Parent().Parent().Parent(), RegionCode::National());
  EXPECT_TRUE(RegionCode::Parse("17.04")->Contains(v));
  EXPECT_FALSE(RegionCode::Parse("17.07")->Contains(v));
  EXPECT_TRUE(RegionCode::National().Contains(v));
}

TEST(RegionCodeTest, SortOrderIsPreOrder) {
  EXPECT_LT(*RegionCode::Parse("17"), *RegionCode::Parse("17.01"));
  EXPECT_LT(*RegionCode::Parse("17.01.01.2001"), *RegionCode::Parse("17.01.02"));
  EXPECT_LT(*RegionCode::Parse("17.71.09.1001"), *RegionCode::Parse("18"));
}

TEST(RegionTableTest, BuildsHierarchyWithContiguousSubtrees) {
  std::vector<RegionRecord> recs = {
      {*RegionCode::Parse("17.04.07.2010"), "Desa B"}, {*RegionCode::Parse("17"), "Bengkulu"},
      {*RegionCode::Parse("17.04"), "Kaur"},           {*RegionCode::Parse("17.04.07"), "Kec"},
      {*RegionCode::Parse("17.04.07.2001"), "Desa A"}, {*RegionCode::Parse("17.07"), "Lebong"},
  };
  auto t = RegionTable::Build(recs);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size(), 7);
  int32_t kaur = t->Find(*RegionCode::Parse("17.04"));
  ASSERT_NE(kaur, RegionTable::kNotFound);
  EXPECT_EQ(t->name(kaur), "Kaur");
  int32_t desa_b = t->Find(*RegionCode::Parse("17.04.07.2010"));
  EXPECT_TRUE(t->IsAncestorOrSelf(kaur, desa_b));
  EXPECT_EQ(t->Children(t->Find(*RegionCode::Parse("17"))).size(), 2u);
  EXPECT_EQ(t->DescendantsAtLevel(0, RegionLevel::kVillage).size(), 2u);
  EXPECT_EQ(t->AncestorAt(desa_b, RegionLevel::kRegency), kaur);
  EXPECT_EQ(t->Find(*RegionCode::Parse("17.04.07.2099")), RegionTable::kNotFound);
  EXPECT_EQ(t->FindNearestListed(*RegionCode::Parse("17.04.07.2099")), t->Find(*RegionCode::Parse("17.04.07")));
  EXPECT_EQ(t->FindNearestListed(*RegionCode::Parse("31.71")), RegionTable::kRoot);
}

TEST(RegionTableTest, RejectsOrphansAndDuplicates) {
  auto orphan = RegionTable::Build({{*RegionCode::Parse("17.04.07"), "x"}, {*RegionCode::Parse("17"), "B"}});
  EXPECT_FALSE(orphan.ok());
  EXPECT_NE(orphan.status().message().find("17.04"), std::string::npos);
  auto dup = RegionTable::Build({{*RegionCode::Parse("17"), "a"}, {*RegionCode::Parse("17"), "b"}});
  EXPECT_FALSE(dup.ok());
}

}  // namespace
}  // namespace cakupan

namespace cakupan {
namespace {

TEST(RegionTableTest, FindVillageAgreesWithFindForEveryCode) {
  std::vector<RegionRecord> recs = {{*RegionCode::Parse("17"), "p"}, {*RegionCode::Parse("17.04"), "r"},
                                    {*RegionCode::Parse("17.04.07"), "d"}, {*RegionCode::Parse("17.04.08"), "e"}};
  for (int v : {1001, 1002, 1005, 2001, 2002, 2003, 2010, 2011, 2050, 3001})
    recs.push_back({*RegionCode::FromParts(17, 4, 7, v), "v"});
  recs.push_back({*RegionCode::FromParts(17, 4, 8, 2001), "w"});
  auto t = RegionTable::Build(recs);
  ASSERT_TRUE(t.ok());
  for (int c : {7, 8, 9}) {
    for (int v = 1; v <= 3999; ++v) {
      const RegionCode code = *RegionCode::FromParts(17, 4, c, v);
      ASSERT_EQ(t->FindVillage(code.packed()), t->Find(code)) << code.ToString();
    }
  }
  EXPECT_EQ(t->FindVillage(RegionCode::FromParts(99, 1, 1, 2001)->packed()), RegionTable::kNotFound);
}

}  // namespace
}  // namespace cakupan
