// QualityService on a real SQLite store: the registry checks without any
// extract (ages at today's date), the injected duplicate source, and the
// village list of findings with personal data masked.
#include "services/quality_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/progress.h"
#include "services/import_service.h"
#include "services/reconcile_service.h"
#include "storage/sqlite/sqlite_store.h"

namespace cakupan {
namespace {

class FixedClock final : public Clock {
 public:
  std::string NowUtcIso() override { return "2026-11-21T00:00:00Z"; }
  int CurrentYear() override { return 2026; }
};

class QualityServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cakupan-quality-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::move(OpenSqliteStore((dir_ / "t.db").string(), SqliteStoreOptions{})).value();
    ImportService import(*store_, clock_, progress_);
    std::ofstream(dir_ / "wilayah.csv") << "kode,nama\n17,Bengkulu\n17.04,Kaur\n17.04.07,Nasal\n"
                                           "17.04.07.2010,Batu Lungun\n17.04.07.2011,Desa Dua\n";
    // Siti (fine), Budi (NIK with a letter), Rina (born 2014: 12 at the
    // clock's date), Ani (fine, other village).
    std::ofstream(dir_ / "pekerja.csv")
        << "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa\n"
           "1704074105920001,Siti Aminah,P,1992-05-01,17.04.07.2010\n"
           "17040717O8850002,Budi Santoso,L,1985-08-17,17.04.07.2010\n"
           "1704075003140003,Rina,P,2014-03-10,17.04.07.2010\n"
           "1704074105920004,Ani,P,1992-05-01,17.04.07.2011\n";
    for (auto [kind, file] : {std::pair{DataKind::kRegions, "wilayah.csv"}, std::pair{DataKind::kWorkers, "pekerja.csv"}}) {
      ImportOptions o;
      o.kind = kind;
      o.path = (dir_ / file).string();
      auto r = import.Import(o);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  static int64_t N(const QualityRow& r, QualityFinding f) { return r.count[static_cast<int>(f)].value_or(-1); }

  std::filesystem::path dir_;
  FixedClock clock_;
  NullProgress progress_;
  std::unique_ptr<Store> store_;
};

TEST_F(QualityServiceTest, RegistryChecksWithoutAnyExtract) {
  QualityService service(*store_, clock_);
  QualityQuery q;
  q.region = "17.04.07";
  auto rep = service.Report(q);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_FALSE(rep->period.has_value());
  EXPECT_EQ(rep->reference_date, DateFromCivil(2026, 11, 21));
  EXPECT_EQ(rep->level, RegionLevel::kVillage);
  EXPECT_EQ(rep->region.registry, 4);
  EXPECT_EQ(N(rep->region, QualityFinding::kNikNotDigits), 1);
  EXPECT_EQ(N(rep->region, QualityFinding::kAgeUnder), 1);
  EXPECT_EQ(N(rep->region, QualityFinding::kDuplicate), -1);
  EXPECT_EQ(N(rep->region, QualityFinding::kMembersNotInRegistry), -1);
  EXPECT_EQ(rep->region.flagged, 2);
  ASSERT_EQ(rep->rows.size(), 2u);
  EXPECT_EQ(rep->rows[0].code.ToString(), "17.04.07.2010");  // worst first
}

TEST_F(QualityServiceTest, DuplicatesComeFromTheInjectedSource) {
  QualityServiceOptions options;
  // Siti and Ani: the same woman registered in two villages.
  options.duplicates = []() -> Result<DuplicatePairs> {
    return DuplicatePairs{{1704074105920001ULL, 1704074105920004ULL}};
  };
  QualityService service(*store_, clock_, options);
  QualityQuery q;
  q.region = "17.04.07";
  auto rep = service.Report(q);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_TRUE(rep->checked.duplicates);
  EXPECT_EQ(N(rep->region, QualityFinding::kDuplicate), 2);
  EXPECT_EQ(N(rep->region, QualityFinding::kDuplicatePairsCrossVillage), 1);
  EXPECT_EQ(rep->region.flagged, 4);

  q.region = "17.04.07.2010";
  auto d = service.Details(q, QualityFinding::kDuplicate);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 1u);
  EXPECT_EQ(d->rows[0].nik_masked, "1704************");
  EXPECT_EQ(d->rows[0].name_masked, "S*** A*****");
  EXPECT_NE(d->rows[0].detail.find("17.04.07.2011"), std::string::npos) << d->rows[0].detail;

  QualityServiceOptions failing;
  failing.duplicates = []() -> Result<DuplicatePairs> { return Status::IoError("dedupe store unreadable"); };
  QualityService broken(*store_, clock_, failing);
  EXPECT_FALSE(broken.Report(q).ok());
}

TEST_F(QualityServiceTest, DetailsListOneVillageMasked) {
  QualityService service(*store_, clock_);
  QualityQuery q;
  q.region = "17.04.07.2010";
  auto d = service.Details(q, std::nullopt);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 2u);
  // NIK order: the valid NIK (Rina) before the synthetic key (Budi).
  EXPECT_EQ(d->rows[0].finding, QualityFinding::kAgeUnder);
  EXPECT_EQ(d->rows[0].name_masked, "R***");
  EXPECT_EQ(d->rows[1].finding, QualityFinding::kNikNotDigits);
  EXPECT_EQ(d->rows[1].nik_masked, "1704************");
  // A district lists its villages' workers (in NIK order), each with its village.
  q.region = "17.04.07";
  d = service.Details(q, std::nullopt);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 2u);
  EXPECT_EQ(d->level, RegionLevel::kDistrict);
  EXPECT_EQ(d->rows[0].region.ToString(), "17.04.07.2010");
  EXPECT_FALSE(d->rows[0].member);
  // A province is too large a list.
  q.region = "17";
  EXPECT_EQ(service.Details(q, std::nullopt).status().code(), StatusCode::kInvalidArgument);
  q.region = "99";
  EXPECT_FALSE(service.Report(q).ok());
}

// The extract's own bad input: names and birth dates of memberships, each
// counted where the membership is attributed (the matched worker's village,
// else the extract's kode_wilayah) and listed masked.
TEST_F(QualityServiceTest, MembershipFindingsAreCountedWhereAttributed) {
  std::ofstream(dir_ / "kepesertaan.csv")
      << "periode,nik,nama,tanggal_lahir,segmen,status,kode_wilayah\n"
         "2026-10,1704074105920001,SITI AMINAH,31-02-1992,BPU,aktif,\n"          // Siti (2010): capitals, no date
         "2026-10,1704071708850009,Budi \xF0\x9F\x98\x80,,BPU,aktif,17.04.07\n"  // not in the registry: emoji
         "2026-10,1704074105920004,,,BPU,aktif,\n";                               // Ani (2011): no name
  ImportService import(*store_, clock_, progress_);
  ImportOptions o;
  o.kind = DataKind::kMembers;
  o.path = (dir_ / "kepesertaan.csv").string();
  auto imported = import.Import(o);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->record.accepted, 3);
  ReconcileService reconcile(*store_, clock_, progress_, ReconcileOptions{.probabilistic = false});
  ASSERT_TRUE(reconcile.Reconcile(std::nullopt).ok());

  QualityService service(*store_, clock_);
  QualityQuery q;
  q.region = "17.04.07";
  auto rep = service.Report(q);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_TRUE(rep->checked.members);
  EXPECT_EQ(rep->region.memberships, 3);
  EXPECT_EQ(N(rep->region, QualityFinding::kMemberNameAllCaps), 1);
  EXPECT_EQ(N(rep->region, QualityFinding::kMemberBirthDateInvalid), 1);
  EXPECT_EQ(N(rep->region, QualityFinding::kMemberNameBadCharacters), 1);
  EXPECT_EQ(N(rep->region, QualityFinding::kMemberNameMissing), 1);
  EXPECT_DOUBLE_EQ(*rep->region.share[static_cast<int>(QualityFinding::kMemberNameMissing)], 1.0 / 3);
  ASSERT_EQ(rep->rows.size(), 2u);
  for (const QualityRow& v : rep->rows) {
    // Siti's two findings in her village, Ani's in hers; Budi's stays at the district.
    EXPECT_EQ(v.memberships, 1) << v.code.ToString();
    if (v.code.ToString() == "17.04.07.2010") EXPECT_EQ(N(v, QualityFinding::kMemberBirthDateInvalid), 1);
    else EXPECT_EQ(N(v, QualityFinding::kMemberNameMissing), 1);
  }

  // The village lists Siti's membership findings after its workers'.
  q.region = "17.04.07.2010";
  auto d = service.Details(q, std::nullopt);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  std::vector<std::string> checks;
  for (const QualityDetailRow& r : d->rows) {
    checks.push_back(FindingInfo(r.finding).code);
    EXPECT_EQ(r.nik_masked.find("0592"), std::string::npos) << r.nik_masked;
  }
  EXPECT_EQ(checks, (std::vector<std::string>{"age_under_15", "nik_not_digits", "member_name_all_caps",
                                              "member_birth_date_invalid"}));
  EXPECT_TRUE(d->rows.back().member);
  EXPECT_EQ(d->rows.back().name_masked, "S*** A*****");
  EXPECT_NE(d->rows.back().detail.find("tidak ada di kalender"), std::string::npos) << d->rows.back().detail;
  // The district lists Budi's too; --check narrows to one kind.
  q.region = "17.04.07";
  d = service.Details(q, QualityFinding::kMemberNameBadCharacters);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 1u);
  EXPECT_EQ(d->rows[0].region.ToString(), "17.04.07");
  EXPECT_EQ(d->rows[0].name_masked, "B*** \xF0\x9F\x98\x80");  // each word's initial, as everywhere
  EXPECT_NE(d->rows[0].detail.find("emoji"), std::string::npos) << d->rows[0].detail;
  // Checks without a list of rows are refused.
  EXPECT_EQ(service.Details(q, QualityFinding::kVillagesEmpty).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cakupan
