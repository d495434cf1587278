#include "engine/name_check.h"

#include <gtest/gtest.h>

#include <string>

namespace cakupan {
namespace {

struct NameCase {
  std::string name;
  NameFlaw flaw;
  bool all_caps = false;
};

class NameCheckTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(NameCheckTest, Classifies) {
  const NameCheck c = CheckPersonName(GetParam().name);
  EXPECT_FALSE(c.missing);
  EXPECT_EQ(static_cast<int>(c.flaw), static_cast<int>(GetParam().flaw)) << GetParam().name;
  EXPECT_EQ(c.all_caps, GetParam().all_caps) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NameCheckTest,
    ::testing::Values(
        // Names as they are written.
        NameCase{"Siti Aminah", NameFlaw::kNone}, NameCase{"SITI AMINAH", NameFlaw::kNone, true},
        NameCase{"Ni Made Ayu Dewi-Sari, S.Pd.", NameFlaw::kNone}, NameCase{"Nur'aini", NameFlaw::kNone},
        NameCase{"Nur\xE2\x80\x99" "aini", NameFlaw::kNone}, NameCase{"Ren\xC3\xA9" "e", NameFlaw::kNone},
        NameCase{"\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", NameFlaw::kNone},  // Arabic letters
        NameCase{"\xEA\xA6\xA7\xEA\xA6\xB1", NameFlaw::kNone},           // Javanese script
        NameCase{"A", NameFlaw::kNone},  // one capital is not "all caps"
        // Digits.
        NameCase{"S1ti", NameFlaw::kDigit}, NameCase{"Budi 2", NameFlaw::kDigit},
        NameCase{"\xD9\xA1" "Ali", NameFlaw::kDigit}, NameCase{"\xEF\xBC\x91" "Ali", NameFlaw::kDigit},
        // Control and invisible characters (the worst first).
        NameCase{"Siti\x01", NameFlaw::kControl}, NameCase{"Siti\x7f", NameFlaw::kControl},
        NameCase{std::string("Siti\0", 5), NameFlaw::kControl}, NameCase{"Siti\x1b[31m", NameFlaw::kControl},
        NameCase{"Siti\xC2\x85", NameFlaw::kControl}, NameCase{"Si\xE2\x80\x8Bti", NameFlaw::kControl},
        NameCase{"\xEF\xBB\xBFSiti", NameFlaw::kControl}, NameCase{"Siti\xE2\x80\xAE", NameFlaw::kControl},
        NameCase{"S1ti\x01", NameFlaw::kControl},
        // Markup.
        NameCase{"<b>Siti</b>", NameFlaw::kMarkup}, NameCase{"Siti &amp; Budi", NameFlaw::kMarkup},
        NameCase{"Siti&#39;s", NameFlaw::kMarkup}, NameCase{"<script>", NameFlaw::kMarkup},
        NameCase{"Siti & Budi", NameFlaw::kSymbol},
        // Symbols, emoji, spaces that are not spaces.
        NameCase{"Siti @minah", NameFlaw::kSymbol}, NameCase{"Siti/Budi", NameFlaw::kSymbol},
        NameCase{"Siti?", NameFlaw::kSymbol}, NameCase{"Siti \xF0\x9F\x98\x80", NameFlaw::kSymbol},
        NameCase{"Siti \xE2\x9D\xA4\xEF\xB8\x8F", NameFlaw::kSymbol}, NameCase{"Siti\xC2\xA0" "Aminah", NameFlaw::kSymbol},
        NameCase{"Siti \xE2\x80\x94 Aminah", NameFlaw::kSymbol}, NameCase{"Siti\xEF\xBF\xBD", NameFlaw::kSymbol},
        NameCase{"Siti\xff", NameFlaw::kSymbol},  // not UTF-8 (never stored; judged anyway)
        NameCase{"Siti\xE2\x82", NameFlaw::kSymbol},  // a cut sequence
        // No letter at all.
        NameCase{"--", NameFlaw::kNoLetter}, NameCase{".", NameFlaw::kNoLetter}, NameCase{" ' ", NameFlaw::kNoLetter}));

TEST(NameCheckTest, EmptyIsMissing) {
  const NameCheck c = CheckPersonName("");
  EXPECT_TRUE(c.missing);
  EXPECT_EQ(c.flaw, NameFlaw::kNone);
  EXPECT_FALSE(c.all_caps);
}

TEST(NameCheckTest, EveryFlawHasAMessage) {
  for (int f = 1; f <= static_cast<int>(NameFlaw::kNoLetter); ++f)
    EXPECT_STRNE(NameFlawMessage(static_cast<NameFlaw>(f)), "") << f;
}

}  // namespace
}  // namespace cakupan
