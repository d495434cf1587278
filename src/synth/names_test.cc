#include "synth/names.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "base/strings.h"
#include "synth/occupations.h"

namespace cakupan {
namespace {

bool WellFormed(const std::string& name) {
  if (name.empty() || name.front() == ' ' || name.back() == ' ' || name.find("  ") != std::string::npos)
    return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || c == ' ' || c == '\'' || c == '-' || c == '.')) return false;
  return true;
}

TEST(NamesTest, EveryCultureGivesWellFormedUpperCaseNames) {
  Rng rng(3);
  for (int c = 0; c < kNamingCultureCount; ++c) {
    std::set<std::string> distinct;
    int words_total = 0, single = 0;
    for (int i = 0; i < 2000; ++i) {
      std::string name = "X";  // names are appended to an existing buffer
      AppendName(static_cast<NamingCulture>(c), i % 2 ? Sex::kFemale : Sex::kMale, rng, name);
      name.erase(0, 1);
      ASSERT_TRUE(WellFormed(name)) << CultureName(static_cast<NamingCulture>(c)) << ": '" << name << "'";
      const int words = static_cast<int>(SplitView(name, ' ').size());
      EXPECT_LE(words, 6) << name;
      words_total += words;
      single += words == 1;
      distinct.insert(name);
    }
    EXPECT_GT(distinct.size(), 300u) << CultureName(static_cast<NamingCulture>(c));
    EXPECT_GT(words_total, 2000 * 1.3) << CultureName(static_cast<NamingCulture>(c));
    (void)single;
  }
}

TEST(NamesTest, CultureMarkersAppear) {
  Rng rng(5);
  auto sample = [&](NamingCulture c, Sex s) {
    std::string n;
    AppendName(c, s, rng, n);
    return n;
  };
  int bali_i = 0, batak_marga = 0, java_siti = 0, java_single = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string b = sample(NamingCulture::kBali, Sex::kMale);
    bali_i += StartsWith(b, "I ") || StartsWith(b, "IDA ") || StartsWith(b, "ANAK ") || StartsWith(b, "DEWA ");
    const std::string t = sample(NamingCulture::kBatak, Sex::kMale);
    batak_marga += SplitView(t, ' ').size() >= 2;
    const std::string j = sample(NamingCulture::kJawa, Sex::kFemale);
    java_siti += StartsWith(j, "SITI ") || StartsWith(j, "NUR");
    java_single += SplitView(j, ' ').size() == 1;
  }
  EXPECT_EQ(bali_i, 1000);
  EXPECT_GT(batak_marga, 900);
  EXPECT_GT(java_siti, 30);
  EXPECT_GT(java_single, 150);
}

TEST(NamesTest, BengkuluMixIsMostlyMalayWithJavaneseTransmigrants) {
  Rng rng(11);
  std::map<NamingCulture, int> n;
  for (int i = 0; i < 10000; ++i) ++n[DrawCulture(17, rng)];
  EXPECT_NEAR(n[NamingCulture::kMelayu], 5600, 300);
  EXPECT_NEAR(n[NamingCulture::kJawa], 2400, 250);
  EXPECT_EQ(n[NamingCulture::kPapua], 0);
  std::map<NamingCulture, int> unknown;
  for (int i = 0; i < 1000; ++i) ++unknown[DrawCulture(99, rng)];
  EXPECT_EQ(unknown[NamingCulture::kJawa] + unknown[NamingCulture::kMelayu], 1000);
}

TEST(OccupationsTest, DrawsMatchTheSectorAndKotaHasNoPerangkatDesa) {
  Rng rng(2);
  const OccupationSampler kota(true, rng), kabupaten(false, rng);
  for (int i = 0; i < 5000; ++i) {
    const Formality f = i % 2 ? Formality::kFormal : Formality::kInformal;
    const OccupationInfo& a = OccupationAt(kota.Draw(f, i % 4 < 2 ? Sex::kMale : Sex::kFemale, rng));
    const OccupationInfo& b = OccupationAt(kabupaten.Draw(f, i % 4 < 2 ? Sex::kMale : Sex::kFemale, rng));
    EXPECT_EQ(a.sector, f);
    EXPECT_EQ(b.sector, f);
    EXPECT_STRNE(a.name, "perangkat desa");
  }
}

}  // namespace
}  // namespace cakupan
