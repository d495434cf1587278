#include "planning/rate_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/i18n.h"
#include "planning/rates_for_tests.h"

namespace cakupan {
namespace {

using testing_rates::ParseCsvText;

class RateFileTest : public ::testing::Test {
 protected:
  void SetUp() override { SetLanguage(Lang::kEn); }
  void TearDown() override { SetLanguage(Lang::kId); }
};

TEST_F(RateFileTest, ReadsIndonesianHeadersDecimalCommasAndGroupedRupiah) {
  const std::string csv =
      "program,segmen,kelas_risiko,dasar,tarif,nominal,pemberi_kerja,pekerja,pemerintah,rekomposisi,"
      "batas_upah,berlaku_mulai,berlaku_sampai,regulasi,catatan\n"
      "JKK,PU,sedang,persen,\"0,89\",,\"0,89\",,,,,01/07/2015,,PP 44/2015,\n"
      "JKM,BPU,,nominal,,Rp 6.800,,6.800,,,,2015-07-01,,PP 44/2015,\"flat, per bulan\"\n"
      "JP,PU,,persen,3%,,2,1,,,10.042.300,2024-03-01,,PP 45/2015,\n";
  auto parsed = ParseCsvText("iuran.csv", csv);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->rows.size(), 3u);
  const ContributionRate& jkk = parsed->rows[0];
  EXPECT_EQ(jkk.programmes, kJKK);
  EXPECT_EQ(jkk.risk_class, 3);
  EXPECT_EQ(jkk.rate_pcm, 890);
  EXPECT_EQ(jkk.employer, 890);
  EXPECT_EQ(jkk.effective_from, DateFromCivil(2015, 7, 1));
  EXPECT_EQ(jkk.effective_to, kNoDate);
  const ContributionRate& jkm = parsed->rows[1];
  EXPECT_EQ(jkm.basis, RateBasis::kFlat);
  EXPECT_EQ(jkm.amount, 6800);
  EXPECT_EQ(jkm.worker, 6800);
  EXPECT_EQ(jkm.note, "flat, per bulan");
  EXPECT_EQ(parsed->rows[2].base_cap, 10042300);
  EXPECT_EQ(parsed->labels[2], "iuran.csv line 4");
}

TEST_F(RateFileTest, EveryBadCellIsReportedWithLineAndColumnAndNothingIsReturned) {
  const std::string csv =
      "programme,segment,basis,rate_percent,worker,effective_from,regulation\n"
      "JKK,BPU,percent,1,1,2015-07-01,PP 44/2015\n"
      "JKX,BPU,percent,1,1,2015-07-01,PP 44/2015\n"
      "JKM,BPU,percent,0.2345,0.2345,2015-07-01,PP 44/2015\n"
      "JHT,BPU,percent,2,2,1 Juli 2015x,PP 46/2015\n"
      "JHT,BPU,percent,2,1.5,2016-01-01,PP 46/2015\n";
  auto parsed = ParseCsvText("iuran.csv", csv);
  ASSERT_FALSE(parsed.ok());
  const std::string& m = parsed.status().message();
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(m.find("iuran.csv line 3: programme: 'JKX'"), std::string::npos) << m;
  EXPECT_NE(m.find("iuran.csv line 4: rate_percent: '0.2345'"), std::string::npos) << m;
  EXPECT_NE(m.find("iuran.csv line 5: effective_from"), std::string::npos) << m;
  EXPECT_NE(m.find("iuran.csv line 6: employer/worker/government"), std::string::npos) << m;
  EXPECT_EQ(m.find("line 2"), std::string::npos) << m;  // the good row is not blamed
}

TEST_F(RateFileTest, HeaderProblemsAreDataErrors) {
  auto missing = ParseCsvText("x.csv", "programme,segment,basis,rate_percent,worker,regulation\nJKK,BPU,percent,1,1,PP\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("effective_from"), std::string::npos);
  auto unknown = ParseCsvText(
      "x.csv", "programme,segment,basis,rate_percent,goverment,effective_from,regulation\nJKK,BPU,percent,1,1,2015-07-01,PP\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("goverment"), std::string::npos);
  auto twice = ParseCsvText(
      "x.csv", "programme,program,segment,basis,rate_percent,effective_from,regulation\nJKK,JKK,BPU,percent,1,2015-07-01,PP\n");
  EXPECT_FALSE(twice.ok());
  auto empty = ParseCsvText("x.csv", "programme,segment,basis,rate_percent,effective_from,regulation\n");
  EXPECT_FALSE(empty.ok());
}

TEST_F(RateFileTest, WrittenCsvReadsBackToTheSameRows) {
  std::ifstream in(testing_rates::ShippedRatesPath());
  std::stringstream text;
  text << in.rdbuf();
  auto shipped = ParseCsvText("iuran.csv", text.str());
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  const std::string written = RateFileCsv(shipped->rows);
  auto again = ParseCsvText("again.csv", written);
  ASSERT_TRUE(again.ok()) << again.status().ToString() << "\n" << written;
  EXPECT_EQ(again->rows, shipped->rows);
  // The shipped file is itself in the canonical form.
  EXPECT_EQ(written, text.str());
}

}  // namespace
}  // namespace cakupan
