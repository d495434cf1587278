#include <gtest/gtest.h>

#include <string>

#include "linkage/linkage.h"

namespace cakupan {
namespace {

struct NameCase {
  const char* written;
  const char* normalized;
};

class NormalizeNameTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(NormalizeNameTest, GivesTheCanonicalForm) {
  EXPECT_EQ(NormalizeName(GetParam().written), GetParam().normalized) << "input: " << GetParam().written;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeNameTest,
    ::testing::Values(
        // The header's example.
        NameCase{"H. MOEHAMMAD DJOEANDA, S.Pd.", "muhamad juanda"},
        // Muhammad's variants.
        NameCase{"Muhammad Rizki", "muhamad rizki"}, NameCase{"Muhamad Rizki", "muhamad rizki"},
        NameCase{"Mohammad Rizki", "muhamad rizki"}, NameCase{"Mohamad Rizki", "muhamad rizki"},
        NameCase{"Muhammat Rizki", "muhamad rizki"}, NameCase{"Mochammad Rizki", "muhamad rizki"},
        NameCase{"Mochamad Rizki", "muhamad rizki"}, NameCase{"Moch. Rizki", "muhamad rizki"},
        NameCase{"Moh. Rizki", "muhamad rizki"}, NameCase{"MHD Rizki", "muhamad rizki"},
        NameCase{"Muh. Rizki", "muhamad rizki"}, NameCase{"M. Rizki", "muhamad rizki"},
        NameCase{"M Rizki", "muhamad rizki"}, NameCase{"Ahmad Muhammad", "ahmad muhamad"},
        NameCase{"M.", "m"},  // a lone initial stays an initial
        // Old spelling.
        NameCase{"Soekarno", "sukarno"}, NameCase{"Sukarno", "sukarno"},
        NameCase{"Moch. Soekarno", "muhamad sukarno"}, NameCase{"SOEHARTO", "suharto"},
        NameCase{"Tjipto Mangoenkoesoemo", "cipto mangunkusumo"}, NameCase{"Sjahrir", "syahrir"},
        NameCase{"Chairul Tanjung", "khairul tanyung"}, NameCase{"Njoman Suwena", "nyoman suwena"},
        NameCase{"Soejono", "suyono"}, NameCase{"Tjahjo Koemolo", "cahyo kumolo"},
        NameCase{"Jusuf Kalla", "yusuf kala"}, NameCase{"Joesoef", "yusuf"},
        NameCase{"Joko Widodo", "joko widodo"}, NameCase{"Djoko Susilo", "joko susilo"},
        NameCase{"Juanda", "juanda"},
        // Titles and degrees.
        NameCase{"H. Ahmad Dahlan", "ahmad dahlan"}, NameCase{"Hj. Siti Aminah", "siti aminah"},
        NameCase{"Hajjah Siti Aminah", "siti aminah"}, NameCase{"Haji Agus Salim", "agus salim"},
        NameCase{"Prof. Dr. Ir. H. Budi Santoso, M.Si.", "budi santoso"},
        NameCase{"dr. Rina Wati, Sp.OG", "rina wati"}, NameCase{"Drs. Bambang Riyadi", "bambang riyadi"},
        NameCase{"Siti Aminah, S.Pd.I", "siti aminah"}, NameCase{"Siti Aminah S.Pd", "siti aminah"},
        NameCase{"Budi Santoso, S.E., M.M.", "budi santoso"}, NameCase{"Budi Santoso SE MM", "budi santoso"},
        NameCase{"Dewi Lestari, A.Md.", "dewi lestari"}, NameCase{"Rudi Hartono, S. Kom", "rudi hartono"},
        NameCase{"Agus Salim, SKM", "agus salim"}, NameCase{"KH. Hasyim Asyari", "hasyim asyari"},
        NameCase{"Tgk. Abdul Hamid", "abdul hamid"}, NameCase{"Ustadz Abdul Somad, Lc., M.A.", "abdul somad"},
        NameCase{"H.Ahmad", "ahmad"},  // no space after the title's dot
        NameCase{"M.H. Thamrin", "muhamad h thamrin"},  // initials at the start are not a degree
        // bin / binti.
        NameCase{"Ahmad bin Abdullah", "ahmad abdulah"}, NameCase{"Siti binti Ismail", "siti ismail"},
        NameCase{"Umar Bt Hasan", "umar hasan"},
        // Case, doubled letters, stray characters.
        NameCase{"SITI   AMINAH", "siti aminah"}, NameCase{"Yusuff", "yusuf"},
        NameCase{"  siti-aminah  ", "siti aminah"}, NameCase{"Ma'ruf Amin", "maruf amin"},
        NameCase{"Siti Aminah (2)", "siti aminah"}, NameCase{"Agus\tSalim\n", "agus salim"},
        NameCase{"Rahmat_Hidayat#", "rahmat hidayat"},
        // Nothing left.
        NameCase{"", ""}, NameCase{"   ", ""}, NameCase{"...,,,", ""}, NameCase{"H.", ""},
        NameCase{"Dr. H., S.Pd.", ""}, NameCase{"12345", ""}));

TEST(NormalizeNameTest, KeepsUtf8LettersAsBytes) {
  EXPECT_EQ(NormalizeName("Andr\xC3\xA9 Wijaya"), "andr\xC3\xA9 wijaya");
  EXPECT_EQ(NormalizeName("Siti\xC2\xA0" "Aminah"), "siti aminah");  // no-break space separates
  EXPECT_EQ(NormalizeName("Ma\xE2\x80\x99ruf"), "maruf");               // curly apostrophe joins
}

TEST(NormalizeNameTest, NeverCrashesOnArbitraryBytes) {
  // Every single byte, and a sweep of pseudo-random byte strings.
  for (int b = 0; b < 256; ++b) NormalizeName(std::string(1, static_cast<char>(b)));
  uint64_t state = 12345;
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const int len = n % 40;
    for (int i = 0; i < len; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      s.push_back(static_cast<char>(state >> 56));
    }
    const std::string out = NormalizeName(s);
    EXPECT_EQ(out.find("  "), std::string::npos);
    EXPECT_TRUE(out.empty() || (out.front() != ' ' && out.back() != ' '));
  }
  EXPECT_EQ(NormalizeName(std::string("\0\x01\x7F", 3)), "");
  EXPECT_EQ(NormalizeName("\xE2\x80"), "\xE2\x80");  // a truncated sequence is kept, not read past
}

TEST(NormalizeNameTest, IsIdempotent) {
  for (const char* s : {"H. MOEHAMMAD DJOEANDA, S.Pd.", "Moch. Soekarno", "Siti Aminah binti Ismail", "M. Rizki"}) {
    const std::string once = NormalizeName(s);
    EXPECT_EQ(NormalizeName(once), once) << s;
  }
}

struct KeyCase {
  const char* a;
  const char* b;
  bool same;
};

class PhoneticKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(PhoneticKeyTest, SimilarSoundingFirstNamesShareAKey) {
  const std::string ka = PhoneticKey(NormalizeName(GetParam().a));
  const std::string kb = PhoneticKey(NormalizeName(GetParam().b));
  EXPECT_EQ(ka == kb, GetParam().same) << GetParam().a << " -> " << ka << ", " << GetParam().b << " -> " << kb;
}

INSTANTIATE_TEST_SUITE_P(
    Table, PhoneticKeyTest,
    ::testing::Values(KeyCase{"suharto", "soeharto", true}, KeyCase{"suharto", "suharta", true},
                      KeyCase{"Muhammad Ali", "Moch. Ali", true}, KeyCase{"Rahmat", "Ramat", true},
                      KeyCase{"Fitri", "Pitri", true}, KeyCase{"Zainal", "Sainal", true},
                      KeyCase{"Yusuf", "Jusuf", true}, KeyCase{"Dedi", "Tedi", true},
                      KeyCase{"Umar", "Oemar", true}, KeyCase{"Siti Aminah", "Siti Rahma", true},
                      KeyCase{"Siti", "Budi", false}, KeyCase{"Agus", "Bambang", false},
                      KeyCase{"Sukarno", "Suharto", false}, KeyCase{"Dewi", "Rina", false}));

TEST(PhoneticKeyTest, KnownKeys) {
  EXPECT_EQ(PhoneticKey("suharto"), "srt");
  EXPECT_EQ(PhoneticKey("muhamad juanda"), "mt");
  EXPECT_EQ(PhoneticKey("agus salim"), "aks");
  EXPECT_EQ(PhoneticKey(""), "");
  EXPECT_EQ(PhoneticKey("abdurrahmankusumawardhani"), "aptrm");  // at most five characters
}

}  // namespace
}  // namespace cakupan
