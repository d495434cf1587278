// RateService on a real SQLite file: importing the shipped table, idempotence,
// merging an update that closes a row, refusing overlaps and bad cells with
// nothing stored, --replace, seeding on first use.
#include "services/rate_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/i18n.h"
#include "storage/sqlite/sqlite_store.h"

namespace cakupan {
namespace {

class FixedClock final : public Clock {
 public:
  std::string NowUtcIso() override { return "2026-11-21T00:00:00Z"; }
  int CurrentYear() override { return 2026; }
};

const char* kHeader =
    "programme,segment,risk_class,basis,rate_percent,amount,employer,worker,government,recomposed,base_min,base_cap,"
    "base_from,base_to,effective_from,effective_to,regulation,note\n";

class RateServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLanguage(Lang::kEn);
    dir_ = std::filesystem::temp_directory_path() /
           ("cakupan-rates-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::move(OpenSqliteStore((dir_ / "t.db").string(), SqliteStoreOptions{})).value();
    service_ = std::make_unique<RateService>(*store_, clock_);
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
    SetLanguage(Lang::kId);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::string Shipped() const { return ShippedRatesPath(std::string(CAKUPAN_SOURCE_DIR) + "/data"); }
  int64_t Version() { return store_->DataVersion(DataKind::kRates, std::nullopt).value(); }

  std::filesystem::path dir_;
  FixedClock clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<RateService> service_;
};

TEST_F(RateServiceTest, ImportsTheShippedTableOnceAndIdempotently) {
  auto first = service_->Import(RateImportOptions{Shipped(), false});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->changed);
  EXPECT_EQ(first->record.rows_read, 17);
  EXPECT_EQ(first->record.inserted, 17);
  EXPECT_EQ(first->rows, 17u);
  EXPECT_EQ(first->record.file_name, "iuran.csv");
  EXPECT_EQ(first->record.file_hash.size(), 16u);
  const int64_t v = Version();
  EXPECT_EQ(v, first->record.id);
  auto again = service_->Import(RateImportOptions{Shipped(), false});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->record.unchanged, 17);
  EXPECT_EQ(Version(), v);
  auto table = service_->Table();
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->size(), 17u);
}

TEST_F(RateServiceTest, AnUpdateClosesTheOldRowAndAddsTheNewOne) {
  ASSERT_TRUE(service_->Import(RateImportOptions{Shipped(), false}).ok());
  // Test values: a new JP cap from 2025-03-01; the old row closed the day before.
  const std::string update = Write(
      "jp.csv", std::string(kHeader) +
                    "JP,PU,,percent,3,,2,1,,,,10042300,,,2024-03-01,2025-02-28,PP 45/2015,\n"
                    "JP,PU,,percent,3,,2,1,,,,11000000,,,2025-03-01,,PP 45/2015,test cap\n");
  auto out = service_->Import(RateImportOptions{update, false});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->record.updated, 1);
  EXPECT_EQ(out->record.inserted, 1);
  EXPECT_EQ(out->rows, 18u);
  auto table = service_->Table();
  ASSERT_TRUE(table.ok());
  const ContributionRate* before = table->FindMonthly(Segment::kPU, kJP, DateFromCivil(2025, 2, 28), 20000000, 0);
  const ContributionRate* after = table->FindMonthly(Segment::kPU, kJP, DateFromCivil(2025, 3, 1), 20000000, 0);
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->base_cap, 10042300);
  EXPECT_EQ(after->base_cap, 11000000);
}

TEST_F(RateServiceTest, AnOverlappingUpdateIsRefusedAndNothingChanges) {
  ASSERT_TRUE(service_->Import(RateImportOptions{Shipped(), false}).ok());
  const int64_t v = Version();
  // A new cap without closing the stored row: both would apply from 2025-03-01.
  const std::string update =
      Write("jp.csv", std::string(kHeader) + "JP,PU,,percent,3,,2,1,,,,11000000,,,2025-03-01,,PP 45/2015,\n");
  auto out = service_->Import(RateImportOptions{update, false});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(out.status().message().find("jp.csv line 2"), std::string::npos) << out.status().message();
  EXPECT_NE(out.status().message().find("overlap"), std::string::npos);
  EXPECT_NE(out.status().message().find("2025-03-01"), std::string::npos);
  EXPECT_EQ(Version(), v);
  EXPECT_EQ(service_->Table()->size(), 17u);
}

TEST_F(RateServiceTest, BadCellsAndRepeatedKeysAreRefusedWithLineAndNothingIsStored) {
  const std::string bad = Write("bad.csv", std::string(kHeader) +
                                               "JKK,BPU,,percent,1,,,1,,,1000000,,,,2015-07-01,,PP 44/2015,\n"
                                               "JKM,BPU,,flat,,-6800,,6800,,,,,,,2015-07-01,,PP 44/2015,\n");
  auto out = service_->Import(RateImportOptions{bad, false});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("bad.csv line 3: amount: '-6800'"), std::string::npos)
      << out.status().message();
  EXPECT_TRUE(store_->LoadRates()->empty());
  EXPECT_EQ(Version(), 0);
  const std::string twice = Write("twice.csv", std::string(kHeader) +
                                                   "JKK,BPU,,percent,1,,,1,,,1000000,,,,2015-07-01,,PP 44/2015,\n"
                                                   "JKK,BPU,,percent,2,,,2,,,1000000,,,,2015-07-01,,PP 44/2015,\n");
  out = service_->Import(RateImportOptions{twice, false});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("twice.csv line 3 repeats the row of twice.csv line 2"), std::string::npos)
      << out.status().message();
  auto missing = service_->Import(RateImportOptions{(dir_ / "nope.csv").string(), false});
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_TRUE(store_->LoadRates()->empty());
}

TEST_F(RateServiceTest, ReplaceMakesTheFileTheWholeTable) {
  ASSERT_TRUE(service_->Import(RateImportOptions{Shipped(), false}).ok());
  const std::string only_bpu = Write("bpu.csv", std::string(kHeader) +
                                                    "JKK,BPU,,percent,1,,,1,,,1000000,,,,2015-07-01,,PP 44/2015,\n"
                                                    "JKM,BPU,,flat,,6800,,6800,,,,,,,2015-07-01,,PP 44/2015,\n");
  auto out = service_->Import(RateImportOptions{only_bpu, true});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->removed, 15);
  EXPECT_EQ(out->rows, 2u);
  EXPECT_EQ(service_->Table()->size(), 2u);
}

TEST_F(RateServiceTest, SeedsTheStoreOnFirstUseOnly) {
  auto first = service_->TableOrSeed(Shipped());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->seeded);
  EXPECT_EQ(first->table.size(), 17u);
  const int64_t v = Version();
  auto second = service_->TableOrSeed(Shipped());
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->seeded);
  EXPECT_EQ(Version(), v);
  // Without a seed file an empty store gives an empty table.
  store_.reset();
  std::filesystem::remove(dir_ / "t.db");
  store_ = std::move(OpenSqliteStore((dir_ / "t2.db").string(), SqliteStoreOptions{})).value();
  RateService empty(*store_, clock_);
  auto none = empty.TableOrSeed("");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->table.empty());
}

TEST_F(RateServiceTest, ReadsSemicolonFilesWithBomAndDecimalCommas) {
  const std::string excel =
      Write("excel.csv", "\xEF\xBB\xBFprogram;segmen;dasar;tarif;pekerja;batas_bawah;berlaku_mulai;regulasi\r\n"
                         "JKK;BPU;persen;1;1;Rp 1.000.000;01/07/2015;PP 44/2015\r\n"
                         "JHT;BPU;persen;2,0;2;1.000.000;1 Juli 2015;PP 46/2015\r\n");
  auto table = ReadRateFile(excel);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->size(), 2u);
  EXPECT_EQ(table->rows()[0].base_min, 1000000);
}

TEST_F(RateServiceTest, TheExampleOfDataFormatsIsAValidRateFile) {
  std::ifstream in(std::string(CAKUPAN_SOURCE_DIR) + "/docs/data-formats.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const size_t section = doc.find("## 11. Contribution rates");
  ASSERT_NE(section, std::string::npos);
  const size_t begin = doc.find("```\nprogramme,", section);
  ASSERT_NE(begin, std::string::npos);
  const size_t end = doc.find("```", begin + 4);
  const std::string path = Write("example.csv", doc.substr(begin + 4, end - begin - 4));
  auto table = ReadRateFile(path);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->size(), 4u);
}

TEST_F(RateServiceTest, TheTemplateIsAValidRateFile) {
  auto table = ReadRateFile(std::string(CAKUPAN_SOURCE_DIR) + "/templates/tarif-iuran.csv");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->size(), 4u);
}

}  // namespace
}  // namespace cakupan
