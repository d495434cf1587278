// Reconciliation, roll-up, coverage and breakdowns against a small fixture
// whose every figure is computed by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>

#include "domain/nik.h"
#include "engine/breakdown.h"
#include "engine/coverage.h"
#include "engine/radix_sort.h"
#include "engine/reconcile.h"
#include "engine/segments.h"

namespace cakupan {
namespace {

RegionCode C(const char* s) { return *RegionCode::Parse(s); }

// Province 17 with Kaur (17.04: one district, two villages) and Lebong
// (17.07: one district, one village); province 18 with one regency and
// village (so there are 2 provinces in the table).
RegionTable Fixture() {
  std::vector<RegionRecord> r = {
      {C("17"), "Bengkulu"},           {C("17.04"), "Kab. Kaur"},     {C("17.04.01"), "Kec A"},
      {C("17.04.01.2001"), "Desa A1"}, {C("17.04.01.2002"), "Desa A2"}, {C("17.07"), "Kab. Lebong"},
      {C("17.07.01"), "Kec B"},        {C("17.07.01.2001"), "Desa B1"}, {C("18"), "Lampung"},
      {C("18.01"), "Kab. X"},          {C("18.01.01"), "Kec X"},        {C("18.01.01.2001"), "Desa X1"},
  };
  return std::move(RegionTable::Build(r)).value();
}

uint64_t Nik(const char* district, int y, int m, int d, Sex sex, int serial) {
  return *ComposeNik(C(district), DateFromCivil(y, m, d), sex, serial);
}

struct WorkerSpec {
  uint64_t nik;
  const char* village;
  Sex sex;
  Formality formality;
};

WorkerTable Workers(const std::vector<WorkerSpec>& specs) {
  WorkerTable t;
  for (const auto& s : specs) {
    t.nik.push_back(s.nik);
    t.name.push_back("Nama");
    t.sex.push_back(static_cast<uint8_t>(s.sex));
    t.birth_date.push_back(DecodeNik(s.nik, 2024)->birth_date);
    t.village.push_back(C(s.village).packed());
    t.formality.push_back(static_cast<uint8_t>(s.formality));
    t.occupation.push_back(0);
    t.decile.push_back(0);
    t.vulnerability.push_back(0);
    t.nik_issue.push_back(0);
    t.nik_raw.push_back({});
  }
  return CanonicalWorkers(t);
}

struct MemberSpec {
  uint64_t nik;
  Segment segment;
  MembershipStatus status;
  const char* region;  // "" = none
  const char* npp;
};

MembershipTable Members(const std::vector<MemberSpec>& specs) {
  MembershipTable t;
  for (const auto& s : specs) {
    t.nik.push_back(s.nik);
    t.name.push_back("");
    t.birth_date.push_back(kNoDate);
    t.segment.push_back(static_cast<uint8_t>(s.segment));
    t.status.push_back(static_cast<uint8_t>(s.status));
    t.programmes.push_back(kJKK | kJKM);
    t.last_paid.push_back(0);
    t.npp.push_back(s.npp);
    t.funding.push_back(0);
    t.region.push_back(*s.region ? C(s.region).packed() : 0);
  }
  return CanonicalMembers(t);
}

class EngineFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    regions_ = Fixture();
    // Kaur: 4 workers (A1: w1 w2 w3, A2: w4); Lebong: 2 workers (B1: w5 w6);
    // Lampung: 1 worker (X1: w7).
    w1_ = Nik("17.04.01", 1980, 1, 1, Sex::kMale, 1);
    w2_ = Nik("17.04.01", 1990, 2, 2, Sex::kFemale, 1);
    w3_ = Nik("17.04.01", 2000, 3, 3, Sex::kMale, 1);
    w4_ = Nik("17.04.01", 1975, 4, 4, Sex::kFemale, 1);
    w5_ = Nik("17.07.01", 1985, 5, 5, Sex::kMale, 1);
    w6_ = Nik("17.07.01", 1995, 6, 6, Sex::kFemale, 1);
    w7_ = Nik("18.01.01", 1970, 7, 7, Sex::kMale, 1);
    workers_ = Workers({{w1_, "17.04.01.2001", Sex::kMale, Formality::kFormal},
                        {w2_, "17.04.01.2001", Sex::kFemale, Formality::kInformal},
                        {w3_, "17.04.01.2001", Sex::kMale, Formality::kInformal},
                        {w4_, "17.04.01.2002", Sex::kFemale, Formality::kInformal},
                        {w5_, "17.07.01.2001", Sex::kMale, Formality::kFormal},
                        {w6_, "17.07.01.2001", Sex::kFemale, Formality::kInformal},
                        {w7_, "18.01.01.2001", Sex::kMale, Formality::kFormal}});
    // Unmatched people: u1 attributed by extract region to Kaur (regency
    // level), u2 by NIK district to Lebong's district, u3 with an unknown
    // province in both -> unattributed; u4 non-active in Lampung by region.
    u1_ = Nik("17.07.01", 1988, 8, 8, Sex::kMale, 9);  // NIK says Lebong but the extract says Kaur
    u2_ = Nik("17.07.01", 1989, 9, 9, Sex::kFemale, 9);
    u3_ = Nik("99.01.01", 1990, 10, 10, Sex::kMale, 9);
    u4_ = Nik("18.01.01", 1991, 11, 11, Sex::kMale, 9);
    members_ = Members({
        // w1: active PU and non-active BPU -> active, segment PU
        {w1_, Segment::kPU, MembershipStatus::kActive, "", "NPP1"},
        {w1_, Segment::kBPU, MembershipStatus::kNonActive, "", ""},
        // w2: active BPU -> active
        {w2_, Segment::kBPU, MembershipStatus::kActive, "17.04", ""},
        // w3: non-active PU -> non-active; w4: no membership -> unregistered
        {w3_, Segment::kPU, MembershipStatus::kNonActive, "", "NPP2"},
        // w5: two non-active -> non-active (PU preferred); w6 unregistered
        {w5_, Segment::kBPU, MembershipStatus::kNonActive, "", ""},
        {w5_, Segment::kPU, MembershipStatus::kNonActive, "", "NPP3"},
        // w7: active Jakon
        {w7_, Segment::kJakon, MembershipStatus::kActive, "", "NPP4"},
        {u1_, Segment::kBPU, MembershipStatus::kActive, "17.04", ""},
        {u2_, Segment::kPU, MembershipStatus::kActive, "", "NPP5"},
        {u3_, Segment::kBPU, MembershipStatus::kActive, "", ""},
        {u4_, Segment::kBPU, MembershipStatus::kNonActive, "18.01", ""},
    });
    rec_ = Reconcile(regions_, workers_, members_, *Period::Parse("2024-11"));
  }

  WorkerStatus StatusOf(uint64_t nik) const {
    for (size_t i = 0; i < workers_.size(); ++i)
      if (workers_.nik[i] == nik) return ResultStatus(rec_.worker_results[i]);
    ADD_FAILURE() << "no such worker";
    return WorkerStatus::kUnregistered;
  }
  const RegionCounts& CountsOf(const char* code) const {
    for (const auto& c : rec_.counts)
      if (c.region == C(code)) return c;
    static RegionCounts none;
    return none;
  }

  RegionTable regions_;
  uint64_t w1_, w2_, w3_, w4_, w5_, w6_, w7_, u1_, u2_, u3_, u4_;
  WorkerTable workers_;
  MembershipTable members_;
  ReconciliationRecord rec_;
};

TEST_F(EngineFixture, ClassifiesEveryRegistryWorker) {
  EXPECT_EQ(StatusOf(w1_), WorkerStatus::kActive);
  EXPECT_EQ(StatusOf(w2_), WorkerStatus::kActive);
  EXPECT_EQ(StatusOf(w3_), WorkerStatus::kNonActive);
  EXPECT_EQ(StatusOf(w4_), WorkerStatus::kUnregistered);
  EXPECT_EQ(StatusOf(w5_), WorkerStatus::kNonActive);
  EXPECT_EQ(StatusOf(w6_), WorkerStatus::kUnregistered);
  EXPECT_EQ(StatusOf(w7_), WorkerStatus::kActive);
  EXPECT_EQ(rec_.summary.workers, 7);
  EXPECT_EQ(rec_.summary.active, 3);
  EXPECT_EQ(rec_.summary.non_active, 2);
  EXPECT_EQ(rec_.summary.unregistered, 2);
  EXPECT_EQ(rec_.summary.members, 9);  // distinct NIKs in the extract
  EXPECT_EQ(rec_.summary.memberships, 11);
}

TEST_F(EngineFixture, DecidingSegmentPrefersActiveThenPU) {
  for (size_t i = 0; i < workers_.size(); ++i) {
    const Segment seg = ResultSegment(rec_.worker_results[i]);
    if (workers_.nik[i] == w1_) {
      EXPECT_EQ(seg, Segment::kPU);
    } else if (workers_.nik[i] == w5_) {
      EXPECT_EQ(seg, Segment::kPU);
    } else if (workers_.nik[i] == w4_) {
      EXPECT_EQ(seg, Segment::kNone);
    }
  }
}

TEST_F(EngineFixture, AttributesUnmatchedMembersByTheRule) {
  ASSERT_EQ(rec_.unmatched.size(), 4u);
  for (size_t k = 0; k < rec_.unmatched.size(); ++k) {
    const auto how = static_cast<Attribution>(rec_.unmatched.attribution[k]);
    const RegionCode r = RegionCode::FromPacked(rec_.unmatched.region[k]);
    if (rec_.unmatched.nik[k] == u1_) {
      EXPECT_EQ(how, Attribution::kExtractRegion);  // the extract beats the NIK
      EXPECT_EQ(r, C("17.04"));
    } else if (rec_.unmatched.nik[k] == u2_) {
      EXPECT_EQ(how, Attribution::kNikDistrict);
      EXPECT_EQ(r, C("17.07.01"));
      EXPECT_EQ(static_cast<Sex>(rec_.unmatched.sex[k]), Sex::kFemale);
    } else if (rec_.unmatched.nik[k] == u3_) {
      EXPECT_EQ(how, Attribution::kUnattributed);
    } else {
      EXPECT_EQ(how, Attribution::kExtractRegion);
      EXPECT_EQ(r, C("18.01"));
    }
  }
  EXPECT_EQ(rec_.summary.unmatched_by_extract_region, 2);
  EXPECT_EQ(rec_.summary.unmatched_by_nik_district, 1);
  EXPECT_EQ(rec_.summary.unmatched_unattributed, 1);
}

TEST_F(EngineFixture, RollsUpCountsByHand) {
  // Desa A1: w1 active, w2 active, w3 non-active.
  const auto& a1 = CountsOf("17.04.01.2001");
  EXPECT_EQ(a1.registry, 3);
  EXPECT_EQ(a1.active, 2);
  EXPECT_EQ(a1.non_active, 1);
  EXPECT_EQ(a1.unregistered, 0);
  // Kaur: 4 registry, 2 active, 1 non-active, 1 unregistered, u1 here.
  const auto& kaur = CountsOf("17.04");
  EXPECT_EQ(kaur.registry, 4);
  EXPECT_EQ(kaur.active, 2);
  EXPECT_EQ(kaur.unregistered, 1);
  EXPECT_EQ(kaur.unmatched_active, 1);
  EXPECT_EQ(kaur.unmatched_active_here, 1);
  // Lebong: 2 registry (w5 non-active, w6 unregistered) + u2 in the district.
  const auto& lebong = CountsOf("17.07");
  EXPECT_EQ(lebong.registry, 2);
  EXPECT_EQ(lebong.active, 0);
  EXPECT_EQ(lebong.unmatched_active, 1);
  EXPECT_EQ(lebong.unmatched_active_here, 0);
  // Province 17: 6 registry, 2 active, 2 non-active, 2 unregistered, 2 unmatched active.
  const auto& p = CountsOf("17");
  EXPECT_EQ(p.registry, 6);
  EXPECT_EQ(p.active, 2);
  EXPECT_EQ(p.non_active, 2);
  EXPECT_EQ(p.unregistered, 2);
  EXPECT_EQ(p.unmatched_active, 2);
  // National: 7 registry, 3 active; unmatched active 3 (incl. unattributed u3), 1 non-active.
  const auto& n = CountsOf("0");
  EXPECT_EQ(n.registry, 7);
  EXPECT_EQ(n.active, 3);
  EXPECT_EQ(n.unmatched_active, 3);
  EXPECT_EQ(n.unmatched_active_here, 1);
  EXPECT_EQ(n.unmatched_non_active, 1);
}

TEST_F(EngineFixture, LabourForceCoverageWithTargetsRanksAndGaps) {
  const Period p = *Period::Parse("2024-11");
  std::vector<LabourForceRecord> lf = {
      {C("17.04"), *Period::Parse("2024-02"), 100, 40, 60, ""},
      {C("17.04"), *Period::Parse("2024-08"), 10, 4, 6, ""},  // latest <= period wins
      {C("17.04"), *Period::Parse("2024-12"), 999, -1, -1, ""},  // after the period: ignored
      {C("17.07"), *Period::Parse("2024-08"), 5, -1, -1, ""},
      {C("18.01"), *Period::Parse("2024-08"), 4, -1, -1, ""},
  };
  std::vector<TargetRecord> targets = {{C("17"), 2024, 0.40}, {C("17.04"), 2024, 0.25}, {C("17.07"), 2023, 0.9}};
  CoverageModel model(regions_, rec_.counts, lf, targets, p, Basis::kLabourForce);
  auto rep = model.Report(regions_.Find(C("17")), RegionLevel::kRegency);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  // Province: denominator 10 + 5 = 15 (sum of children), numerator 2 matched + 2 unmatched = 4.
  EXPECT_EQ(rep->region.denominator, 15);
  EXPECT_EQ(rep->region.active, 4);
  EXPECT_NEAR(*rep->region.coverage, 4.0 / 15, 1e-12);
  EXPECT_EQ(rep->region.denominator_period->ToString(), "2024-08");
  // Target 40%: ceil(0.4 * 15) = 6 -> 2 workers short; gap 40 - 26.67 = 13.33 points.
  EXPECT_EQ(rep->region.gap_workers, 2);
  EXPECT_NEAR(*rep->region.gap_points, 40 - 400.0 / 15, 1e-9);
  ASSERT_EQ(rep->rows.size(), 2u);
  const CoverageRow& kaur = rep->rows[0];
  const CoverageRow& lebong = rep->rows[1];
  // Kaur: (2 + 1) / 10 = 30%, rank 1 of 2; target 25% met by 1 worker (ceil(2.5)=3 -> 0).
  EXPECT_NEAR(*kaur.coverage, 0.30, 1e-12);
  EXPECT_EQ(kaur.rank, 1);
  EXPECT_EQ(kaur.rank_of, 2);
  EXPECT_EQ(kaur.gap_workers, 0);
  EXPECT_NEAR(*kaur.gap_points, -5.0, 1e-9);
  // Lebong: 1 / 5 = 20%, rank 2; its target is for another year -> none.
  EXPECT_NEAR(*lebong.coverage, 0.20, 1e-12);
  EXPECT_EQ(lebong.rank, 2);
  EXPECT_FALSE(lebong.target.has_value());
  // National: both provinces have figures: (3 + 3) / (15 + 4) -- including the unattributed u3.
  ASSERT_TRUE(rep->national_reference.has_value());
  EXPECT_NEAR(*rep->national_reference, 6.0 / 19, 1e-12);
  EXPECT_EQ(rep->active_not_in_rows, 0);
  // Province rank among provinces: 17 has 4/15 = 26.7%, 18 has 1/4 = 25% -> 1 of 2.
  EXPECT_EQ(rep->region.rank, 1);
}

TEST_F(EngineFixture, RegionLevelAttributionShowsUpAsNotInRows) {
  std::vector<LabourForceRecord> lf = {{C("17.04"), *Period::Parse("2024-08"), 10, -1, -1, ""}};
  CoverageModel model(regions_, rec_.counts, lf, {}, *Period::Parse("2024-11"), Basis::kLabourForce);
  auto rep = model.Report(regions_.Find(C("17.04")), RegionLevel::kVillage);
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->region.active, 3);
  EXPECT_EQ(rep->active_not_in_rows, 1);  // u1 attributed to the regency itself
  EXPECT_FALSE(rep->rows[0].coverage.has_value());  // villages have no labour-force figure
  EXPECT_FALSE(rep->national_reference.has_value());
  EXPECT_FALSE(rep->national_reference_note.empty());
}

TEST_F(EngineFixture, RegistryBasisUsesEnumeratedWorkers) {
  CoverageModel model(regions_, rec_.counts, {}, {}, *Period::Parse("2024-11"), Basis::kRegistry);
  auto rep = model.Report(regions_.Find(C("17.04")), RegionLevel::kVillage);
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->region.denominator, 4);
  EXPECT_EQ(rep->region.active, 2);  // unmatched members do not count on this basis
  EXPECT_NEAR(*rep->region.coverage, 0.5, 1e-12);
  ASSERT_EQ(rep->rows.size(), 2u);
  EXPECT_NEAR(*rep->rows[0].coverage, 2.0 / 3, 1e-12);  // A1
  EXPECT_NEAR(*rep->rows[1].coverage, 0.0, 1e-12);      // A2
  EXPECT_EQ(rep->rows[0].rank, 1);
  EXPECT_EQ(rep->rows[1].rank, 2);
  // National registry basis: 3 active of 7.
  EXPECT_NEAR(*model.national_reference(), 3.0 / 7, 1e-12);
}

TEST_F(EngineFixture, RejectsLevelAtOrAboveRegion) {
  CoverageModel model(regions_, rec_.counts, {}, {}, *Period::Parse("2024-11"), Basis::kRegistry);
  EXPECT_FALSE(model.Report(regions_.Find(C("17.04")), RegionLevel::kProvince).ok());
  EXPECT_FALSE(model.Report(regions_.Find(C("17.04")), RegionLevel::kRegency).ok());
}

TEST_F(EngineFixture, BreakdownBySexOnRegistryBasis) {
  CoverageModel model(regions_, rec_.counts, {}, {}, *Period::Parse("2024-11"), Basis::kRegistry);
  auto b = ComputeBreakdown(model, workers_, rec_, regions_.Find(C("17")), Dimension::kSex);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  // Men in 17: w1 (active), w3 (non-active), w5 (non-active); women: w2 (active), w4, w6 (unregistered).
  ASSERT_GE(b->rows.size(), 2u);
  EXPECT_EQ(b->rows[0].key, "L");
  EXPECT_EQ(b->rows[0].denominator, 3);
  EXPECT_EQ(b->rows[0].active, 1);
  EXPECT_EQ(b->rows[0].non_active, 2);
  EXPECT_EQ(b->rows[1].key, "P");
  EXPECT_EQ(b->rows[1].active, 1);
  EXPECT_EQ(b->rows[1].unregistered, 2);
  EXPECT_NEAR(*b->rows[1].coverage, 1.0 / 3, 1e-12);
}

TEST_F(EngineFixture, BreakdownBySegmentOnLabourForceBasisCountsUnmatched) {
  std::vector<LabourForceRecord> lf = {{C("17.04"), *Period::Parse("2024-08"), 10, 4, 6, ""},
                                       {C("17.07"), *Period::Parse("2024-08"), 5, 2, 3, ""}};
  CoverageModel model(regions_, rec_.counts, lf, {}, *Period::Parse("2024-11"), Basis::kLabourForce);
  auto seg = ComputeBreakdown(model, workers_, rec_, regions_.Find(C("17")), Dimension::kSegment);
  ASSERT_TRUE(seg.ok());
  // Active in 17: w1 PU, w2 BPU, u1 BPU, u2 PU.
  EXPECT_EQ(seg->rows[0].key, "PU");
  EXPECT_EQ(seg->rows[0].active, 2);
  EXPECT_EQ(seg->rows[1].key, "BPU");
  EXPECT_EQ(seg->rows[1].active, 2);
  EXPECT_DOUBLE_EQ(seg->rows[0].share_of_active, 0.5);
  auto form = ComputeBreakdown(model, workers_, rec_, regions_.Find(C("17")), Dimension::kFormality);
  ASSERT_TRUE(form.ok());
  // formal active = PU (w1, u2) = 2 of 4 + 2 = 6 BPS formal; informal = BPU (w2, u1) = 2 of 9.
  EXPECT_EQ(form->rows[0].key, "formal");
  EXPECT_EQ(form->rows[0].denominator, 6);
  EXPECT_NEAR(*form->rows[0].coverage, 2.0 / 6, 1e-12);
  EXPECT_EQ(form->rows[1].denominator, 9);
  EXPECT_NEAR(*form->rows[1].coverage, 2.0 / 9, 1e-12);
}

// ---- Duplicates: registry rows that are one worker count once ----

class DuplicateFixture : public EngineFixture {
 protected:
  uint32_t Row(uint64_t nik) const {
    for (size_t i = 0; i < workers_.size(); ++i)
      if (workers_.nik[i] == nik) return static_cast<uint32_t>(i);
    ADD_FAILURE() << "no such worker";
    return 0;
  }
  ReconciliationRecord With(const SameWorkerRows& same) const {
    return Reconcile(regions_, workers_, members_, *Period::Parse("2024-11"), same);
  }
  static const RegionCounts& In(const ReconciliationRecord& rec, const char* code) {
    for (const auto& c : rec.counts)
      if (c.region == C(code)) return c;
    static RegionCounts none;
    return none;
  }
};

// w4 (Desa A2, no membership) is w2 (Desa A1, active BPU) registered again:
// the worker counts once, in A1, active; A2 has no worker left.
TEST_F(DuplicateFixture, CountedOnceWhereEitherRowIsCovered) {
  const ReconciliationRecord rec = With({{Row(w4_), Row(w2_)}});
  EXPECT_EQ(rec.worker_results[Row(w2_)], rec_.worker_results[Row(w2_)]);
  EXPECT_EQ(rec.worker_results[Row(w4_)], rec_.worker_results[Row(w2_)] | kCountedElsewhere);
  EXPECT_TRUE(ResultCountedElsewhere(rec.worker_results[Row(w4_)]));
  EXPECT_EQ(ResultStatus(rec.worker_results[Row(w4_)]), WorkerStatus::kActive);
  EXPECT_EQ(ResultSegment(rec.worker_results[Row(w4_)]), Segment::kBPU);
  // Summary: 7 rows, 6 workers; unregistered 2 -> 1 (w6 only).
  EXPECT_EQ(rec.summary.workers, 6);
  EXPECT_EQ(rec.summary.duplicate_rows, 1);
  EXPECT_EQ(rec.summary.active, 3);
  EXPECT_EQ(rec.summary.non_active, 2);
  EXPECT_EQ(rec.summary.unregistered, 1);
  EXPECT_EQ(In(rec, "17.04.01.2002").registry, 0);
  EXPECT_EQ(In(rec, "17.04.01.2001").registry, 3);
  const RegionCounts& kaur = In(rec, "17.04");
  EXPECT_EQ(kaur.registry, 3);
  EXPECT_EQ(kaur.active, 2);
  EXPECT_EQ(kaur.unregistered, 0);
  const RegionCounts& national = In(rec, "0");
  EXPECT_EQ(national.registry, 6);
  EXPECT_EQ(national.active, 3);
  EXPECT_EQ(national.unregistered, 1);
  // Registry coverage of Kaur: 2 / 3 instead of 2 / 4.
  CoverageModel model(regions_, rec.counts, {}, {}, *Period::Parse("2024-11"), Basis::kRegistry);
  EXPECT_NEAR(*model.Row(regions_.Find(C("17.04"))).coverage, 2.0 / 3, 1e-12);
  // Women in 17: w2 (active) and w6 (unregistered); w4 is w2.
  auto sex = ComputeBreakdown(model, workers_, rec, regions_.Find(C("17")), Dimension::kSex);
  ASSERT_TRUE(sex.ok()) << sex.status().ToString();
  ASSERT_GE(sex->rows.size(), 2u);
  EXPECT_EQ(sex->rows[1].key, "P");
  EXPECT_EQ(sex->rows[1].denominator, 2);
  EXPECT_EQ(sex->rows[1].active, 1);
  EXPECT_EQ(sex->rows[1].unregistered, 1);
  // By segment: BPU active once (w2), none without membership from w4.
  auto segment = ComputeBreakdown(model, workers_, rec, regions_.Find(C("17")), Dimension::kSegment);
  ASSERT_TRUE(segment.ok());
  EXPECT_EQ(segment->rows[1].key, "BPU");
  EXPECT_EQ(segment->rows[1].active, 1);
  // The order of a pair does not matter.
  const ReconciliationRecord swapped = With({{Row(w2_), Row(w4_)}});
  EXPECT_EQ(swapped.worker_results, rec.worker_results);
  EXPECT_EQ(swapped.summary.workers, 6);
}

// Pairs chain: w4 ~ w6 and w6 ~ w3 make one worker of three rows in two
// regencies, counted at w3 (non-active PU, Desa A1): the best status.
TEST_F(DuplicateFixture, ChainedPairsAreOneWorkerAtTheBestStatus) {
  const ReconciliationRecord rec = With({{Row(w4_), Row(w6_)}, {Row(w6_), Row(w3_)}});
  const uint8_t kept = rec_.worker_results[Row(w3_)];
  EXPECT_EQ(ResultStatus(kept), WorkerStatus::kNonActive);
  EXPECT_EQ(rec.worker_results[Row(w3_)], kept);
  EXPECT_EQ(rec.worker_results[Row(w4_)], kept | kCountedElsewhere);
  EXPECT_EQ(rec.worker_results[Row(w6_)], kept | kCountedElsewhere);
  EXPECT_EQ(rec.summary.workers, 5);
  EXPECT_EQ(rec.summary.duplicate_rows, 2);
  EXPECT_EQ(rec.summary.unregistered, 0);
  EXPECT_EQ(rec.summary.non_active, 2);
  // Lebong keeps w5 only; Kaur w1, w2, w3.
  EXPECT_EQ(In(rec, "17.07").registry, 1);
  EXPECT_EQ(In(rec, "17.07").unregistered, 0);
  EXPECT_EQ(In(rec, "17.04").registry, 3);
  EXPECT_EQ(In(rec, "17").registry, 4);
  EXPECT_EQ(In(rec, "17").non_active, 2);
  // Members are untouched: the extract's persons and who is unmatched.
  EXPECT_EQ(rec.summary.members, rec_.summary.members);
  EXPECT_EQ(rec.unmatched.nik, rec_.unmatched.nik);
}

// Equal status: the row with a valid NIK is kept over one without (a
// synthetic key), whatever the order; rows out of range and a row paired
// with itself are ignored.
TEST_F(DuplicateFixture, EqualStatusKeepsTheValidNikAndBadPairsAreIgnored) {
  WorkerTable w = workers_;
  // w6 again (Desa B1, unregistered) without a valid NIK.
  const uint64_t key = SyntheticWorkerKey("", "Nama", w.birth_date[Row(w6_)], w.village[Row(w6_)]);
  ASSERT_TRUE(IsSyntheticWorkerKey(key));
  w.nik.push_back(key);
  w.name.push_back("Nama");
  w.sex.push_back(w.sex[Row(w6_)]);
  w.birth_date.push_back(w.birth_date[Row(w6_)]);
  w.village.push_back(C("17.07.01.2001").packed());
  w.formality.push_back(0);
  w.occupation.push_back(0);
  w.decile.push_back(0);
  w.vulnerability.push_back(0);
  w.nik_issue.push_back(0);
  w.nik_raw.push_back({});
  w = CanonicalWorkers(w);
  uint32_t valid = 0, synthetic = 0;
  for (uint32_t i = 0; i < w.size(); ++i) {
    if (w.nik[i] == w6_) valid = i;
    if (w.nik[i] == key) synthetic = i;
  }
  ASSERT_GT(synthetic, valid);  // synthetic keys sort last
  const Period period = *Period::Parse("2024-11");
  const ReconciliationRecord alone = Reconcile(regions_, w, members_, period);
  EXPECT_EQ(alone.summary.workers, 8);
  EXPECT_EQ(alone.summary.unregistered, 3);
  for (const SameWorkerRows& same : {SameWorkerRows{{synthetic, valid}}, SameWorkerRows{{valid, synthetic}}}) {
    const ReconciliationRecord rec = Reconcile(regions_, w, members_, period, same);
    EXPECT_FALSE(ResultCountedElsewhere(rec.worker_results[valid]));
    EXPECT_TRUE(ResultCountedElsewhere(rec.worker_results[synthetic]));
    EXPECT_EQ(rec.summary.workers, 7);
    EXPECT_EQ(rec.summary.unregistered, 2);
    EXPECT_EQ(In(rec, "17.07.01.2001").registry, 2);
  }
  const ReconciliationRecord ignored =
      Reconcile(regions_, w, members_, period, {{valid, valid}, {valid, 999}, {1000, synthetic}});
  EXPECT_EQ(ignored.worker_results, alone.worker_results);
  EXPECT_EQ(ignored.summary.workers, 8);
  EXPECT_EQ(ignored.summary.duplicate_rows, 0);
}

TEST(AgeBandTest, BandsByCompletedYears) {
  const Date on = DateFromCivil(2024, 11, 30);
  EXPECT_EQ(AgeBandKey(DateFromCivil(2000, 12, 1), on), "15-24");  // 23
  EXPECT_EQ(AgeBandKey(DateFromCivil(1999, 11, 30), on), "25-34");  // 25 today
  EXPECT_EQ(AgeBandKey(DateFromCivil(1959, 12, 1), on), "55-64");  // 64
  EXPECT_EQ(AgeBandKey(DateFromCivil(1959, 11, 30), on), "65+");
  EXPECT_EQ(AgeBandKey(DateFromCivil(2015, 1, 1), on), "<15");
  EXPECT_EQ(AgeBandKey(kNoDate, on), "unknown");
}

TEST(CeilWorkersTest, RobustToBinaryRounding) {
  EXPECT_EQ(CeilWorkers(0.4, 1000), 400);
  EXPECT_EQ(CeilWorkers(0.39, 100), 39);
  EXPECT_EQ(CeilWorkers(0.37, 3), 2);
  EXPECT_EQ(CeilWorkers(0.0, 50), 0);
}

TEST(SegmentsTest, MergeNewestWinsAndDiffCounts) {
  auto make = [](std::vector<std::pair<uint64_t, const char*>> rows) {
    WorkerTable t;
    for (auto& [nik, village] : rows) {
      t.nik.push_back(nik);
      t.name.push_back("x");
      t.sex.push_back(1);
      t.birth_date.push_back(0);
      t.village.push_back(C(village).packed());
      t.formality.push_back(0);
      t.occupation.push_back(t.InternOccupation(village));
      t.decile.push_back(0);
      t.vulnerability.push_back(0);
      t.nik_issue.push_back(0);
      t.nik_raw.push_back({});
    }
    return CanonicalWorkers(t);
  };
  WorkerTable old_seg = make({{30, "17.04.01.2001"}, {10, "17.04.01.2001"}, {20, "17.04.01.2001"}});
  WorkerTable new_seg = make({{20, "17.07.01.2001"}, {40, "17.07.01.2001"}});
  WorkerTable merged = MergeWorkerSegments({old_seg, new_seg});
  ASSERT_EQ(merged.size(), 4u);
  EXPECT_EQ(merged.nik, (std::vector<uint64_t>{10, 20, 30, 40}));
  EXPECT_EQ(merged.village[1], C("17.07.01.2001").packed());
  EXPECT_EQ(merged.occupations[merged.occupation[1]], "17.07.01.2001");
  EXPECT_EQ(merged.occupations[merged.occupation[0]], "17.04.01.2001");

  auto diff = DiffWorkers(old_seg, new_seg);
  EXPECT_EQ(diff.inserted, 1);
  EXPECT_EQ(diff.updated, 1);
  EXPECT_EQ(diff.unchanged, 0);
  auto same = DiffWorkers(merged, merged);
  EXPECT_EQ(same.unchanged, 4);
  EXPECT_EQ(same.delta.size(), 0u);
}

TEST(SegmentsTest, MembersCanonicalByNikSegmentNpp) {
  MembershipTable t;
  auto add = [&](uint64_t nik, Segment s, const char* npp, MembershipStatus st) {
    t.nik.push_back(nik);
    t.name.push_back("");
    t.birth_date.push_back(kNoDate);
    t.segment.push_back(static_cast<uint8_t>(s));
    t.status.push_back(static_cast<uint8_t>(st));
    t.programmes.push_back(0);
    t.last_paid.push_back(0);
    t.npp.push_back(npp);
    t.funding.push_back(0);
    t.region.push_back(0);
  };
  add(5, Segment::kBPU, "", MembershipStatus::kActive);
  add(5, Segment::kPU, "B", MembershipStatus::kActive);
  add(5, Segment::kPU, "A", MembershipStatus::kActive);
  add(1, Segment::kPU, "Z", MembershipStatus::kActive);
  MembershipTable c = CanonicalMembers(t);
  EXPECT_EQ(c.nik, (std::vector<uint64_t>{1, 5, 5, 5}));
  EXPECT_EQ(c.npp[1], "A");
  EXPECT_EQ(c.npp[2], "B");
  EXPECT_EQ(c.segment[3], static_cast<uint8_t>(Segment::kBPU));
  MembershipTable newer;
  newer.nik = {5};
  newer.name.push_back("");
  newer.birth_date = {kNoDate};
  newer.segment = {static_cast<uint8_t>(Segment::kPU)};
  newer.status = {static_cast<uint8_t>(MembershipStatus::kNonActive)};
  newer.programmes = {0};
  newer.last_paid = {0};
  newer.npp.push_back("B");
  newer.funding = {0};
  newer.region = {0};
  MembershipTable merged = MergeMemberSegments({c, newer});
  ASSERT_EQ(merged.size(), 4u);
  EXPECT_EQ(merged.status[2], static_cast<uint8_t>(MembershipStatus::kNonActive));
  auto diff = DiffMembers(c, newer);
  EXPECT_EQ(diff.updated, 1);
}

// Reconciliation loads the npp only when a period has several segments; a
// person with two memberships is still put in key order without it (the
// linkage step re-sorts the extract after linking).
TEST(SegmentsTest, MembersCanonicalWithoutNpp) {
  MembershipTable t;
  for (const auto& [nik, segment] : std::vector<std::pair<uint64_t, Segment>>{
           {1704011505880021, Segment::kBPU}, {1704011505880021, Segment::kPU}, {1704011505880011, Segment::kBPU}}) {
    t.nik.push_back(nik);
    t.segment.push_back(static_cast<uint8_t>(segment));
    t.status.push_back(static_cast<uint8_t>(MembershipStatus::kActive));
    t.region.push_back(0);
  }
  const MembershipTable sorted = CanonicalMembers(t);
  EXPECT_EQ(sorted.nik, (std::vector<uint64_t>{1704011505880011, 1704011505880021, 1704011505880021}));
  const auto code = [](Segment s) { return static_cast<uint8_t>(s); };
  EXPECT_EQ(sorted.segment, (std::vector<uint8_t>{code(Segment::kBPU), code(Segment::kPU), code(Segment::kBPU)}));
  EXPECT_TRUE(sorted.npp.empty());
}

TEST(RadixSortTest, StableAndMatchesStdSort) {
  std::vector<uint64_t> keys;
  uint64_t x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    keys.push_back((x >> 20) % 5000000000000000ULL);
  }
  keys.push_back(keys[10]);
  auto perm = SortedOrder(keys);
  for (size_t i = 1; i < perm.size(); ++i) {
    ASSERT_LE(keys[perm[i - 1]], keys[perm[i]]);
    if (keys[perm[i - 1]] == keys[perm[i]]) {
      EXPECT_LT(perm[i - 1], perm[i]);
    }
  }
}

}  // namespace
}  // namespace cakupan

namespace cakupan {
namespace {

TEST(AgeBandTest, AgreesWithWholeYearsForEveryDayIncludingLeapDays) {
  for (Date on : {DateFromCivil(2024, 2, 29), DateFromCivil(2023, 2, 28), DateFromCivil(2024, 11, 30),
                  DateFromCivil(2025, 3, 1)}) {
    for (Date birth = DateFromCivil(1900, 1, 1); birth <= on; birth += 3) {
      const int age = AgeOn(birth, on);
      std::string want;
      if (age > 120) want = "unknown";
      else if (age < 15) want = "<15";
      else if (age >= 65) want = "65+";
      else want = std::to_string(15 + (age - 15) / 10 * 10) + "-" + std::to_string(15 + (age - 15) / 10 * 10 + 9);
      ASSERT_EQ(AgeBandKey(birth, on), want) << FormatIsoDate(birth) << " on " << FormatIsoDate(on);
    }
  }
}

}  // namespace
}  // namespace cakupan
