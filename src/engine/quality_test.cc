// The data-quality model on a hand-made registry whose every finding is
// listed in the comments.
#include "engine/quality.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <tuple>

#include "domain/nik.h"

namespace cakupan {
namespace {

RegionCode C(const char* s) { return *RegionCode::Parse(s); }

// Province 17, regency 17.04 with district 17.04.01 (six villages) and
// district 17.04.02 (one village).
RegionTable Fixture() {
  std::vector<RegionRecord> r = {{C("17"), "Bengkulu"}, {C("17.04"), "Kab. Kaur"}, {C("17.04.01"), "Kec A"},
                                 {C("17.04.02"), "Kec B"}, {C("17.04.02.2001"), "Desa B1"}};
  for (int v = 1; v <= 6; ++v) {
    r.push_back({*RegionCode::FromParts(17, 4, 1, 2000 + v), "Desa A" + std::to_string(v)});
  }
  return std::move(RegionTable::Build(r)).value();
}

uint64_t Nik(const char* district, int y, int m, int d, Sex sex, int serial) {
  return *ComposeNik(C(district), DateFromCivil(y, m, d), sex, serial);
}

struct Row {
  uint64_t key;
  const char* village;
  const char* name = "Siti Aminah";
  Sex sex = Sex::kFemale;
  Date birth = kNoDate;  // kNoDate: from the NIK
  NikError issue = NikError::kNone;
  const char* raw = "";
  const char* birth_raw = "";  // tanggal_lahir kept as written (no plausible date)
};

WorkerTable Table(const std::vector<Row>& rows) {
  WorkerTable t;
  t.InternOccupation("Petani");
  for (const Row& r : rows) {
    t.nik.push_back(r.key);
    t.name.push_back(r.name);
    t.sex.push_back(static_cast<uint8_t>(r.sex));
    Date birth = r.birth;
    if (birth == kNoDate && r.issue == NikError::kNone) birth = DecodeNik(r.key, 2024)->birth_date;
    t.birth_date.push_back(birth);
    t.village.push_back(C(r.village).packed());
    t.formality.push_back(1);
    t.occupation.push_back(1);
    t.decile.push_back(3);
    t.vulnerability.push_back(1);
    t.nik_issue.push_back(static_cast<uint8_t>(r.issue));
    t.nik_raw.push_back(r.raw);
    t.birth_date_raw.push_back(r.birth_raw);
  }
  return t;
}

Date Ref() { return DateFromCivil(2024, 11, 30); }

uint32_t Bit(QualityFinding f) { return 1u << static_cast<int>(f); }

TEST(QualityTest, WorkerFindingBitsCoverEveryWorkerCheck) {
  RegionTable regions = Fixture();
  QualityConfig cfg;
  const uint64_t ok = Nik("17.04.01", 1990, 5, 1, Sex::kFemale, 1);
  struct Case {
    Row row;
    uint32_t want;
  };
  const std::vector<Case> cases = {
      {{ok, "17.04.01.2001"}, 0},
      {{ok, "17.04.01.2001", "Siti", Sex::kMale}, Bit(QualityFinding::kNikSexMismatch)},
      {{ok, "17.04.01.2001", "Siti", Sex::kFemale, DateFromCivil(1990, 5, 2)}, Bit(QualityFinding::kNikBirthDateMismatch)},
      // A century apart is the same two-digit year: not a contradiction (but 134 years old).
      {{ok, "17.04.01.2001", "Siti", Sex::kFemale, DateFromCivil(1890, 5, 1)}, Bit(QualityFinding::kAgeOver)},
      {{Nik("18.01.01", 1990, 5, 1, Sex::kMale, 2), "17.04.01.2001", "Budi", Sex::kMale},
       Bit(QualityFinding::kNikDistrictUnknown)},
      {{SyntheticWorkerKey("17O4", "x", kNoDate, 1) , "17.04.01.2001", "Budi", Sex::kMale, DateFromCivil(1990, 1, 1),
        NikError::kNotDigits, "17O4"},
       Bit(QualityFinding::kNikNotDigits)},
      {{SyntheticWorkerKey("", "y", kNoDate, 1), "17.04.01.2001", "Budi", Sex::kMale, DateFromCivil(1990, 1, 1),
        NikError::kEmpty},
       Bit(QualityFinding::kNikEmpty)},
      {{Nik("17.04.01", 2012, 5, 1, Sex::kFemale, 3), "17.04.01.2001"}, Bit(QualityFinding::kAgeUnder)},
      {{Nik("17.04.01", 1944, 5, 1, Sex::kFemale, 4), "17.04.01.2001", "Siti", Sex::kFemale, DateFromCivil(1944, 5, 1)},
       Bit(QualityFinding::kAgeOver)},
      {{ok, "17.04.01.2001", ""}, Bit(QualityFinding::kNameMissing)},
      {{ok, "17.04.01.2001", "S1ti @minah"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "--"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "SITI AMINAH"}, Bit(QualityFinding::kNameAllCaps)},
      {{ok, "17.04.01.2001", "Ni Made Ayu Dewi-Sari, S.Pd."}, 0},
      {{ok, "17.04.01.2001", "Nur\xC3\xA9"}, 0},  // a non-ASCII letter
      // Stray characters of every kind.
      {{ok, "17.04.01.2001", "Siti\x01"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "Siti \xF0\x9F\x98\x80"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "<b>Siti</b>"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "Siti\xC2\xA0" "Aminah"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "Siti\xE2\x80\x8B"}, Bit(QualityFinding::kNameBadCharacters)},
      {{ok, "17.04.01.2001", "Nur\xE2\x80\x99" "aini"}, 0},  // a typographic apostrophe
      // A birth date kept as text (the NIK's date stands in for it).
      {{ok, "17.04.01.2001", "Siti", Sex::kFemale, kNoDate, NikError::kNone, "", "31-02-1990"},
       Bit(QualityFinding::kBirthDateInvalid)},
      {{SyntheticWorkerKey("1.70407E+15", "x", kNoDate, 1), "17.04.01.2001", "Budi", Sex::kMale,
        DateFromCivil(1990, 1, 1), NikError::kExcelNumber, "1.70407E+15"},
       Bit(QualityFinding::kNikExcelNumber)},
  };
  for (size_t k = 0; k < cases.size(); ++k) {
    WorkerTable t = Table({cases[k].row});
    EXPECT_EQ(WorkerFindingBits(t, 0, regions, Ref(), cfg), cases[k].want) << "case " << k;
  }
  // No birth date at all.
  WorkerTable t = Table({{SyntheticWorkerKey("1", "z", kNoDate, 1), "17.04.01.2001", "Budi", Sex::kMale, kNoDate,
                          NikError::kWrongLength, "1"}});
  EXPECT_EQ(WorkerFindingBits(t, 0, regions, Ref(), cfg),
            Bit(QualityFinding::kNikWrongLength) | Bit(QualityFinding::kBirthDateUnknown));
}

TEST(QualityTest, FindingsAreListedInEnumOrderWithUniqueCodes) {
  std::set<std::string> codes;
  for (int i = 0; i < kQualityFindingCount; ++i) {
    EXPECT_EQ(static_cast<int>(QualityFindings()[i].finding), i);
    EXPECT_TRUE(codes.insert(QualityFindings()[i].code).second) << QualityFindings()[i].code;
    EXPECT_EQ(ParseQualityFinding(QualityFindings()[i].code), QualityFindings()[i].finding);
  }
  // One NIK finding per NikError.
  for (int e = 1; e <= static_cast<int>(NikError::kExcelNumber); ++e)
    EXPECT_EQ(std::string("nik_") + NikErrorCode(static_cast<NikError>(e)), QualityFindings()[e - 1].code);
  for (QualityFinding f : kMemberFindings) {
    EXPECT_TRUE(IsMemberFinding(f));
    EXPECT_EQ(FindingInfo(f).share_of, ShareOf::kMemberships);
  }
}

MembershipTable Members(const std::vector<std::tuple<uint64_t, const char*, const char*, const char*>>& rows) {
  MembershipTable m;
  for (const auto& [nik, name, birth_raw, region] : rows) {
    m.nik.push_back(nik);
    m.name.push_back(name);
    m.birth_date_raw.push_back(birth_raw);
    m.region.push_back(*region ? C(region).packed() : 0);
  }
  return m;
}

TEST(QualityTest, MembershipFindingsAndAttribution) {
  RegionTable regions = Fixture();
  const uint64_t siti = Nik("17.04.01", 1990, 5, 1, Sex::kFemale, 1);
  const uint64_t other = Nik("17.04.02", 1991, 5, 1, Sex::kFemale, 2);
  const uint64_t far = Nik("18.01.01", 1991, 5, 1, Sex::kFemale, 3);
  WorkerTable workers = Table({{siti, "17.04.01.2003"}});
  MembershipTable m = Members({{siti, "SITI AMINAH", "31154", ""},       // matched: the worker's village
                               {siti, "Siti", "", "17.04"},              // a second membership
                               {other, "", "", "17.04.01.2005"},        // unmatched: the extract's code
                               {other + 1, "R1na", "", "17.99"},         // unlisted code: nearest listed (17)
                               {far, "Ani", "00-00-0000", ""}});         // nothing listed: the root
  const std::vector<int32_t> r = AttributeMemberships(m, workers, regions, 2024);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(regions.code(r[0]), C("17.04.01.2003"));
  EXPECT_EQ(regions.code(r[1]), C("17.04.01.2003"));
  EXPECT_EQ(regions.code(r[2]), C("17.04.01.2005"));
  EXPECT_EQ(regions.code(r[3]), C("17"));
  EXPECT_EQ(r[4], RegionTable::kRoot);
  // Rows not in NIK order (not from storage): the same attribution.
  const MembershipTable reversed = m.Gather({4, 3, 2, 1, 0});
  const std::vector<int32_t> rr = AttributeMemberships(reversed, workers, regions, 2024);
  EXPECT_EQ(rr, (std::vector<int32_t>{r[4], r[3], r[2], r[1], r[0]}));
  // Bits in kMemberFindings order: missing, bad characters, capitals, birth date.
  EXPECT_EQ(MemberFindingBits(m, 0, true), (1u << 2) | (1u << 3));
  EXPECT_EQ(MemberFindingBits(m, 1, true), 0u);
  EXPECT_EQ(MemberFindingBits(m, 2, true), 1u << 0);
  EXPECT_EQ(MemberFindingBits(m, 2, false), 0u);  // an extract without names
  EXPECT_EQ(MemberFindingBits(m, 3, true), 1u << 1);
  EXPECT_EQ(MemberFindingBits(m, 4, true), 1u << 3);

  QualityModel model(regions, QualityConfig{});
  model.AddWorkers(workers, Ref());
  model.AddMembers(m, r);
  model.Finish();
  auto n = [](const QualityRow& row, QualityFinding f) { return row.count[static_cast<int>(f)].value_or(-1); };
  const QualityRow v3 = model.Row(regions.Find(C("17.04.01.2003")));
  EXPECT_EQ(v3.memberships, 2);
  EXPECT_EQ(n(v3, QualityFinding::kMemberNameAllCaps), 1);
  EXPECT_EQ(n(v3, QualityFinding::kMemberBirthDateInvalid), 1);
  EXPECT_DOUBLE_EQ(*v3.share[static_cast<int>(QualityFinding::kMemberBirthDateInvalid)], 0.5);
  const QualityRow nation = model.Row(RegionTable::kRoot);
  EXPECT_EQ(nation.memberships, 5);
  EXPECT_EQ(n(nation, QualityFinding::kMemberBirthDateInvalid), 2);
  EXPECT_EQ(n(nation, QualityFinding::kMemberNameMissing), 1);
  EXPECT_EQ(n(nation, QualityFinding::kMemberNameBadCharacters), 1);
  // Membership findings never flag registry workers.
  EXPECT_EQ(nation.flagged, 0);
  // Without AddMembers they are not checked.
  QualityModel bare(regions, QualityConfig{});
  bare.AddWorkers(workers, Ref());
  bare.Finish();
  EXPECT_FALSE(bare.Row(RegionTable::kRoot).memberships.has_value());
  EXPECT_EQ(n(bare.Row(RegionTable::kRoot), QualityFinding::kMemberNameMissing), -1);
}

TEST(QualityTest, RobustZScoresUseMedianAndMad) {
  // Median 10, deviations 0 1 1 2 2 50 0 -> MAD 1; z = 0.6745 * (60 - 10) / 1.
  auto z = RobustZScores({10, 11, 9, 12, 8, 60, 10}, 5);
  ASSERT_TRUE(z[5].has_value());
  EXPECT_NEAR(*z[5], 0.6745 * 50, 1e-9);
  // An even count takes the mean of the two middle values: median 10.5.
  EXPECT_NEAR(*RobustZScores({10, 11, 9, 12, 8, 60}, 5)[0], 0.6745 * -0.5 / 1.5, 1e-9);
  EXPECT_NEAR(*z[0], 0.0, 1e-9);
  // MAD 0: the mean absolute deviation (50 / 6) times 1.2533 scales.
  z = RobustZScores({10, 10, 10, 10, 10, 60}, 5);
  ASSERT_TRUE(z[5].has_value());
  EXPECT_NEAR(*z[5], 50 / (50.0 / 6 * 1.253314), 1e-9);
  // All equal, or too few values: no score.
  EXPECT_FALSE(RobustZScores({4, 4, 4, 4, 4}, 5)[0].has_value());
  EXPECT_FALSE(RobustZScores({1, 2, 100}, 5)[2].has_value());
}

class QualityModelTest : public ::testing::Test {
 protected:
  // District A: villages 1-5 have 5, 5, 6, 4, 5 workers; village 6 has 40
  // (far above); district B's only village has none.
  void SetUp() override {
    const int sizes[6] = {5, 5, 6, 4, 5, 40};
    int serial = 1;
    std::vector<Row> rows;
    for (int v = 0; v < 6; ++v) {
      const std::string village = "17.04.01.200" + std::to_string(v + 1);
      for (int k = 0; k < sizes[v]; ++k) {
        Row r{Nik("17.04.01", 1980, 1, 1 + k % 28, Sex::kFemale, serial++), nullptr};
        village_names_.push_back(village);
        rows.push_back(r);
      }
    }
    for (size_t i = 0; i < rows.size(); ++i) rows[i].village = village_names_[i].c_str();
    // Village 1's first worker is male by the record: a contradiction.
    rows[0].sex = Sex::kMale;
    // Village 2's first worker has no name.
    rows[5].name = "";
    workers_ = Table(rows);
  }
  std::vector<std::string> village_names_;
  WorkerTable workers_;
  RegionTable regions_ = Fixture();
};

TEST_F(QualityModelTest, CountsRollUpAndFlagVillages) {
  QualityModel model(regions_, QualityConfig{});
  model.AddWorkers(workers_, Ref());
  model.Finish();
  auto rep = model.Report(regions_.Find(C("17.04.01")), RegionLevel::kVillage, QualitySort::kCode);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->rows.size(), 6u);
  const QualityRow& a1 = rep->rows[0];
  EXPECT_EQ(a1.registry, 5);
  EXPECT_EQ(*a1.count[static_cast<int>(QualityFinding::kNikSexMismatch)], 1);
  EXPECT_DOUBLE_EQ(*a1.share[static_cast<int>(QualityFinding::kNikSexMismatch)], 0.2);
  EXPECT_EQ(a1.flagged, 1);
  EXPECT_EQ(*rep->rows[1].count[static_cast<int>(QualityFinding::kNameMissing)], 1);
  EXPECT_EQ(rep->rows[1].complete, 4);
  EXPECT_EQ(rep->rows[1].filled[static_cast<int>(QualityField::kName)], 4);
  EXPECT_EQ(*rep->rows[5].count[static_cast<int>(QualityFinding::kVillageCountHigh)], 1);
  EXPECT_TRUE(rep->rows[5].village_z.has_value());
  EXPECT_GT(*rep->rows[5].village_z, 3.5);
  // Duplicates, reconciliation and coverage were not given: null.
  EXPECT_FALSE(a1.count[static_cast<int>(QualityFinding::kDuplicate)].has_value());
  EXPECT_FALSE(a1.count[static_cast<int>(QualityFinding::kMembersNotInRegistry)].has_value());

  auto province = model.Report(regions_.Find(C("17")), RegionLevel::kDistrict, QualitySort::kScore);
  ASSERT_TRUE(province.ok());
  EXPECT_EQ(province->region.registry, 65);
  EXPECT_EQ(province->region.flagged, 2);
  EXPECT_EQ(province->region.villages, 7);
  EXPECT_EQ(*province->region.count[static_cast<int>(QualityFinding::kVillagesEmpty)], 1);
  EXPECT_EQ(*province->region.count[static_cast<int>(QualityFinding::kVillageCountHigh)], 1);
  // Score order: district B has no registry worker, so it comes first.
  ASSERT_EQ(province->rows.size(), 2u);
  EXPECT_EQ(province->rows[0].code, C("17.04.02"));
  EXPECT_FALSE(province->rows[0].flagged_share.has_value());
}

TEST_F(QualityModelTest, DuplicatePairsCountWorkersAndCrossVillagePairs) {
  QualityModel model(regions_, QualityConfig{});
  model.AddWorkers(workers_, Ref());
  // Worker 1 (village 1, already flagged for sex) with worker 6 (village 2);
  // workers 7 and 8 (both village 2); an unknown key is ignored.
  model.AddDuplicatePairs(workers_, {{workers_.nik[0], workers_.nik[5]},
                                     {workers_.nik[6], workers_.nik[7]},
                                     {workers_.nik[0], 42}});
  model.Finish();
  const QualityRow a = model.Row(regions_.Find(C("17.04.01")));
  EXPECT_EQ(*a.count[static_cast<int>(QualityFinding::kDuplicate)], 4);
  EXPECT_EQ(*a.count[static_cast<int>(QualityFinding::kDuplicatePairsCrossVillage)], 1);
  // Flagged: worker 1 (sex), worker 6 (name), workers 7 and 8 (duplicate).
  EXPECT_EQ(a.flagged, 4);
  const QualityRow v1 = model.Row(regions_.Find(C("17.04.01.2001")));
  const QualityRow v2 = model.Row(regions_.Find(C("17.04.01.2002")));
  EXPECT_EQ(*v1.count[static_cast<int>(QualityFinding::kDuplicatePairsCrossVillage)], 1);
  EXPECT_EQ(*v2.count[static_cast<int>(QualityFinding::kDuplicatePairsCrossVillage)], 1);
  EXPECT_EQ(*v2.count[static_cast<int>(QualityFinding::kDuplicate)], 3);
}

TEST_F(QualityModelTest, ReconciliationAndCoverageFindings) {
  std::vector<RegionCounts> counts(2);
  counts[0].region = C("17.04");
  counts[0].registry = 65;
  counts[0].active = 30;
  counts[0].unmatched_active = 10;
  counts[1].region = C("17");
  counts[1] = counts[0];
  counts[1].region = C("17");
  std::vector<LabourForceRecord> lf = {{C("17.04"), *Period::Parse("2024-08"), 35, -1, -1, "BPS"}};
  const Period p = *Period::Parse("2024-11");
  CoverageModel by_lf(regions_, counts, lf, {}, p, Basis::kLabourForce);
  CoverageModel by_reg(regions_, counts, lf, {}, p, Basis::kRegistry);
  QualityModel model(regions_, QualityConfig{});
  model.AddWorkers(workers_, p.LastDay());
  model.AddReconciliation(p, counts);
  model.AddCoverage(by_lf, by_reg);
  model.Finish();
  const QualityRow k = model.Row(regions_.Find(C("17.04")));
  // 40 active participants (30 + 10) for 35 employed: above 100%.
  EXPECT_EQ(*k.count[static_cast<int>(QualityFinding::kCoverageAbove100)], 1);
  EXPECT_EQ(*k.count[static_cast<int>(QualityFinding::kMembersNotInRegistry)], 10);
  EXPECT_DOUBLE_EQ(*k.share[static_cast<int>(QualityFinding::kMembersNotInRegistry)], 0.25);
  // 65 registry workers for 35 employed: enumerated beyond the employed.
  EXPECT_EQ(*k.count[static_cast<int>(QualityFinding::kEnumerationHigh)], 1);
  EXPECT_EQ(*k.employed, 35);
  EXPECT_NEAR(*k.enumerated_share, 65.0 / 35, 1e-12);
  auto rep = model.Report(regions_.Find(C("17")), RegionLevel::kRegency, QualitySort::kScore);
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(*rep->region.count[static_cast<int>(QualityFinding::kEnumerationHigh)], 1);
  // The province sums its only regency's figure, so it is above 100% too.
  EXPECT_EQ(*rep->region.count[static_cast<int>(QualityFinding::kCoverageAbove100)], 2);
  ASSERT_EQ(rep->coverage_anomalies.size(), 2u);
  EXPECT_EQ(rep->coverage_anomalies[0].code, C("17"));
  EXPECT_EQ(rep->coverage_anomalies[1].code, C("17.04"));
  EXPECT_EQ(rep->coverage_anomalies[1].active, 40);
  EXPECT_EQ(rep->coverage_anomalies[1].denominator, 35);
  // Districts have no enumeration check.
  EXPECT_FALSE(model.Row(regions_.Find(C("17.04.01"))).count[static_cast<int>(QualityFinding::kEnumerationHigh)]);
}

TEST_F(QualityModelTest, ParallelPassEqualsSerial) {
  WorkerTable big;
  for (int rep = 0; rep < 5000; ++rep)
    for (size_t i = 0; i < workers_.size(); ++i) big.AppendRow(workers_, i);
  QualityConfig serial_cfg;
  serial_cfg.threads = 1;
  QualityConfig par_cfg;
  par_cfg.threads = 3;
  QualityModel a(regions_, serial_cfg), b(regions_, par_cfg);
  a.AddWorkers(big, Ref());
  b.AddWorkers(big, Ref());
  a.Finish();
  b.Finish();
  for (int32_t i = 0; i < regions_.size(); ++i) {
    const QualityRow ra = a.Row(i), rb = b.Row(i);
    EXPECT_EQ(ra.registry, rb.registry);
    EXPECT_EQ(ra.flagged, rb.flagged);
    EXPECT_EQ(ra.count, rb.count);
  }
  EXPECT_EQ(a.Row(0).registry, static_cast<int64_t>(big.size()));
}

}  // namespace
}  // namespace cakupan
