// The behaviour every Store implementation must have (store.h), as a
// GoogleTest typed test suite, so that the SQLite and PostgreSQL backends run
// the very same tests. A backend instantiates it once, in one of its
// *_test.cc files, with a factory type:
//
//   struct MyStoreFactory {
//     // A fresh, empty store; called once per test, before anything else.
//     Result<std::unique_ptr<Store>> OpenFresh();
//     // The same store again, as a new connection; usually after the test
//     // destroyed its previous handle, but also while it is still open
//     // (two connections to one database).
//     Result<std::unique_ptr<Store>> Reopen();
//   };
//   INSTANTIATE_TYPED_TEST_SUITE_P(My, StoreContractTest, ::testing::Types<MyStoreFactory>);
//
// The factory is default-constructed before each test and destroyed after it
// (delete the database there). Tables stay small (at most ~100 k rows), so a
// backend that wants chunk boundaries crossed should make its factory write
// small chunks. All data is synthetic.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/rng.h"
#include "base/status.h"
#include "domain/nik.h"
#include "storage/store.h"

// Declares `lhs` from a Result, or fails the test (void functions only).
#define STORE_ASSIGN_OR_FAIL(lhs, expr)                                                      \
  auto CAKUPAN_CONCAT(_store_r_, __LINE__) = (expr);                                         \
  ASSERT_TRUE(CAKUPAN_CONCAT(_store_r_, __LINE__).ok())                                      \
      << CAKUPAN_CONCAT(_store_r_, __LINE__).status().ToString();                            \
  lhs = std::move(CAKUPAN_CONCAT(_store_r_, __LINE__)).value()

#define STORE_ASSERT_OK(expr)                          \
  do {                                                 \
    ::cakupan::Status _store_st = (expr);              \
    ASSERT_TRUE(_store_st.ok()) << _store_st.ToString(); \
  } while (0)

namespace cakupan::store_contract {

// --- Synthetic data --------------------------------------------------------

inline RegionCode Code(const char* text) { return *RegionCode::Parse(text); }
inline Period Month(int year, int month) { return Period::FromYearMonth(year, month); }

inline ImportRecord MakeImport(DataKind kind, const std::string& file_name) {
  ImportRecord r;
  r.kind = kind;
  r.file_name = file_name;
  r.file_hash = "00112233445566ff";
  r.rows_read = 12;
  r.accepted = 10;
  r.rejected = 2;
  r.inserted = 7;
  r.updated = 2;
  r.unchanged = 1;
  r.started_at = "2024-11-30T01:02:03Z";
  r.finished_at = "2024-11-30T01:02:09Z";
  return r;
}

inline const std::vector<std::string>& SampleNames() {
  static const std::vector<std::string> kNames = {
      "Siti Aminah", "", "Ni Luh Putu Ayu Sri Wahyuni", "Budi", "Muhammad Rizky Pratama",
      "Dewi Lestari", "\xc3\x91ona \xc3\x85sa \xe2\x80\x94 Ma'ruf", std::string(300, 'x'),
  };
  return kNames;
}

inline const std::vector<uint64_t>& SampleVillages() {
  static const std::vector<uint64_t> kVillages = {1704072010, 1701012001, 1771011001, 5201012002, 0};
  return kVillages;
}

// `n` registry workers in canonical order with every column filled, NIKs
// from `first_nik` upwards with gaps; with `invalid_niks`, the last twentieth
// has no valid NIK (synthetic keys, above every NIK).
inline WorkerTable MakeWorkers(size_t n, uint64_t seed, uint64_t first_nik = 1704070101900001ULL,
                               bool invalid_niks = false) {
  Rng rng(seed);
  WorkerTable t;
  t.Reserve(n);
  for (const char* o : {"Petani", "Nelayan", "Pedagang", "Buruh harian lepas"}) t.InternOccupation(o);
  uint64_t nik = first_nik;
  for (size_t i = 0; i < n; ++i) {
    nik += 1 + rng.Below(5);
    t.nik.push_back(nik);
    t.name.push_back(SampleNames()[rng.Below(SampleNames().size())]);
    t.sex.push_back(static_cast<uint8_t>(rng.Below(3)));
    t.birth_date.push_back(rng.Chance(0.1) ? kNoDate : static_cast<Date>(rng.Between(-20000, 15000)));
    t.village.push_back(SampleVillages()[rng.Below(SampleVillages().size())]);
    t.formality.push_back(static_cast<uint8_t>(rng.Below(3)));
    t.occupation.push_back(static_cast<uint16_t>(rng.Below(t.occupations.size())));
    t.decile.push_back(static_cast<uint8_t>(rng.Below(11)));
    t.vulnerability.push_back(static_cast<uint8_t>(rng.Below(3)));
    const bool invalid = invalid_niks && i >= n - n / 20;
    if (invalid) t.nik.back() = kSyntheticKeyBit + i;
    t.nik_issue.push_back(invalid ? static_cast<uint8_t>(1 + rng.Below(8)) : 0);
    t.nik_raw.push_back(invalid ? std::string_view(i % 2 ? "17040741059200AB" : "") : std::string_view());
    // Some rows carry a birth date that was no date (kept as written).
    const bool bad_date = invalid_niks && i % 29 == 5;
    if (bad_date) t.birth_date.back() = kNoDate;
    t.birth_date_raw.push_back(bad_date ? std::string_view(i % 2 ? "31-02-1990" : "31154") : std::string_view());
  }
  return t;
}

// About `people` persons' memberships (one or two each) in canonical order
// (nik, segment, npp), every column filled.
inline MembershipTable MakeMembers(size_t people, uint64_t seed, uint64_t first_nik = 1704070101900001ULL) {
  Rng rng(seed);
  struct Row {
    uint64_t nik;
    uint8_t segment;
    std::string npp;
  };
  std::vector<Row> rows;
  uint64_t nik = first_nik;
  for (size_t i = 0; i < people; ++i) {
    nik += 1 + rng.Below(4);
    const int count = 1 + static_cast<int>(rng.Below(2));
    for (int k = 0; k < count; ++k) {
      const auto segment = static_cast<uint8_t>(1 + rng.Below(4));
      std::string npp = segment == static_cast<uint8_t>(Segment::kBPU) ? "" : "NN" + std::to_string(rng.Below(90000) + 10000);
      rows.push_back(Row{nik, segment, std::move(npp)});
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.nik, a.segment, a.npp) < std::tie(b.nik, b.segment, b.npp);
  });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const Row& a, const Row& b) {
                           return a.nik == b.nik && a.segment == b.segment && a.npp == b.npp;
                         }),
             rows.end());
  MembershipTable t;
  t.Reserve(rows.size());
  for (const Row& r : rows) {
    t.nik.push_back(r.nik);
    t.name.push_back(SampleNames()[rng.Below(SampleNames().size())]);
    t.birth_date.push_back(rng.Chance(0.2) ? kNoDate : static_cast<Date>(rng.Between(-20000, 15000)));
    t.segment.push_back(r.segment);
    t.status.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    t.programmes.push_back(static_cast<uint8_t>(rng.Below(32)));
    t.last_paid.push_back(rng.Chance(0.1) ? 0 : Month(2024, 1).index() + static_cast<int32_t>(rng.Below(12)));
    t.npp.push_back(r.npp);
    t.funding.push_back(static_cast<uint8_t>(rng.Below(11)));
    t.region.push_back(SampleVillages()[rng.Below(SampleVillages().size())]);
    const bool bad_date = t.size() % 31 == 7;
    if (bad_date) t.birth_date.back() = kNoDate;
    t.birth_date_raw.push_back(bad_date ? "00-00-0000" : "");
  }
  return t;
}

// `t` with only the columns in `mask` (as a partial load returns it).
inline WorkerTable OnlyColumns(WorkerTable t, uint32_t mask) {
  if (!(mask & kWorkerName)) t.name.clear();
  if (!(mask & kWorkerSex)) t.sex.clear();
  if (!(mask & kWorkerBirthDate)) t.birth_date.clear();
  if (!(mask & kWorkerVillage)) t.village.clear();
  if (!(mask & kWorkerFormality)) t.formality.clear();
  if (!(mask & kWorkerOccupation)) {
    t.occupation.clear();
    t.occupations = {""};
  }
  if (!(mask & kWorkerDecile)) t.decile.clear();
  if (!(mask & kWorkerVulnerability)) t.vulnerability.clear();
  if (!(mask & kWorkerNikIssue)) {
    t.nik_issue.clear();
    t.nik_raw.clear();
  }
  if (!(mask & kWorkerBirthDateRaw)) t.birth_date_raw.clear();
  return t;
}

inline MembershipTable OnlyColumns(MembershipTable t, uint32_t mask) {
  if (!(mask & kMemberName)) t.name.clear();
  if (!(mask & kMemberBirthDate)) t.birth_date.clear();
  if (!(mask & kMemberSegment)) t.segment.clear();
  if (!(mask & kMemberStatus)) t.status.clear();
  if (!(mask & kMemberProgrammes)) t.programmes.clear();
  if (!(mask & kMemberLastPaid)) t.last_paid.clear();
  if (!(mask & kMemberNpp)) t.npp.clear();
  if (!(mask & kMemberFunding)) t.funding.clear();
  if (!(mask & kMemberRegion)) t.region.clear();
  if (!(mask & kMemberBirthDateRaw)) t.birth_date_raw.clear();
  return t;
}

// `n` scored pairs by descending weight, keys from both ranges (NIKs and
// synthetic keys), every level and band.
inline std::vector<ScoredLink> MakeLinks(size_t n, uint64_t seed, bool duplicates) {
  Rng rng(seed);
  std::vector<ScoredLink> out;
  for (size_t i = 0; i < n; ++i) {
    ScoredLink l;
    l.left = (i % 3 == 0 ? 1704070101900001ULL : (uint64_t{1} << 62)) + i * 7;
    l.right = duplicates ? l.left + 1 + rng.Below(5) : 1771010101950001ULL + i * 3;
    l.band = i % 2 ? PairBand::kReview : PairBand::kMatch;
    if (!duplicates) {
      l.method = l.band == PairBand::kMatch ? LinkMethod::kProbabilistic
                                            : (i % 4 == 1 ? LinkMethod::kAccepted : LinkMethod::kNone);
      l.decision = l.method == LinkMethod::kAccepted ? Decision::kAccept : Decision::kNone;
    }
    l.weight = 40.0 - static_cast<double>(i) * 0.25;
    l.probability = 1.0 - static_cast<double>(i) / static_cast<double>(n + 1);
    for (auto& v : l.levels) v = static_cast<uint8_t>(rng.Below(7));
    out.push_back(l);
  }
  return out;
}

inline ReconciliationRecord MakeReconciliation(Period period, size_t workers, size_t unmatched, uint64_t seed) {
  Rng rng(seed);
  ReconciliationRecord r;
  r.period = period;
  r.workers_version = 3;
  r.members_version = 5;
  r.regions_version = 1;
  r.computed_at = "2024-12-01T08:00:00Z";
  r.summary = ReconciliationSummary{static_cast<int64_t>(workers), 900, 1100, 400, 200, 300, 77, 11, 22, 44,
                                    33, 2, 19, true, 6};
  r.links = MakeLinks(unmatched / 10, seed, false);
  for (size_t i = 0; i < workers; ++i)
    r.worker_results.push_back(PackWorkerResult(static_cast<WorkerStatus>(rng.Below(3)),
                                                static_cast<Segment>(rng.Below(5))) |
                               (rng.Chance(0.01) ? kCountedElsewhere : 0));
  uint64_t nik = 1771010101950001ULL;
  for (size_t i = 0; i < unmatched; ++i) {
    nik += 1 + rng.Below(9);
    r.unmatched.nik.push_back(nik);
    r.unmatched.region.push_back(SampleVillages()[rng.Below(SampleVillages().size())]);
    r.unmatched.attribution.push_back(static_cast<uint8_t>(1 + rng.Below(4)));
    r.unmatched.status.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    r.unmatched.segment.push_back(static_cast<uint8_t>(1 + rng.Below(4)));
    r.unmatched.sex.push_back(static_cast<uint8_t>(rng.Below(3)));
    r.unmatched.birth_date.push_back(rng.Chance(0.1) ? kNoDate : static_cast<Date>(rng.Between(-20000, 15000)));
  }
  for (const char* code : {"0", "17", "17.04", "17.04.07", "17.04.07.2010"}) {
    RegionCounts c;
    c.region = Code(code);
    c.registry = static_cast<int64_t>(rng.Below(1000));
    c.active = 1;
    c.non_active = 2;
    c.unregistered = 3;
    c.unmatched_active = 4;
    c.unmatched_non_active = 5;
    c.unmatched_active_here = 6;
    c.unmatched_non_active_here = 7;
    r.counts.push_back(c);
  }
  return r;
}

// --- Comparisons -----------------------------------------------------------

inline void ExpectStringsEqual(const StringColumn& a, const StringColumn& b, const char* what) {
  EXPECT_EQ(a.offsets(), b.offsets()) << what;
  EXPECT_TRUE(a.bytes() == b.bytes()) << what << " bytes differ";
}

inline void ExpectWorkersEqual(const WorkerTable& expected, const WorkerTable& actual) {
  EXPECT_EQ(expected.loaded_columns(), actual.loaded_columns());
  EXPECT_EQ(expected.nik, actual.nik);
  ExpectStringsEqual(expected.name, actual.name, "workers.name");
  EXPECT_EQ(expected.sex, actual.sex);
  EXPECT_EQ(expected.birth_date, actual.birth_date);
  EXPECT_EQ(expected.village, actual.village);
  EXPECT_EQ(expected.formality, actual.formality);
  EXPECT_EQ(expected.occupation, actual.occupation);
  EXPECT_EQ(expected.nik_issue, actual.nik_issue);
  ExpectStringsEqual(expected.nik_raw, actual.nik_raw, "workers.nik_raw");
  ExpectStringsEqual(expected.birth_date_raw, actual.birth_date_raw, "workers.birth_date_raw");
  EXPECT_EQ(expected.occupations, actual.occupations);
  EXPECT_EQ(expected.decile, actual.decile);
  EXPECT_EQ(expected.vulnerability, actual.vulnerability);
}

inline void ExpectMembersEqual(const MembershipTable& expected, const MembershipTable& actual) {
  EXPECT_EQ(expected.loaded_columns(), actual.loaded_columns());
  EXPECT_EQ(expected.nik, actual.nik);
  ExpectStringsEqual(expected.name, actual.name, "memberships.name");
  EXPECT_EQ(expected.birth_date, actual.birth_date);
  EXPECT_EQ(expected.segment, actual.segment);
  EXPECT_EQ(expected.status, actual.status);
  EXPECT_EQ(expected.programmes, actual.programmes);
  EXPECT_EQ(expected.last_paid, actual.last_paid);
  ExpectStringsEqual(expected.npp, actual.npp, "memberships.npp");
  EXPECT_EQ(expected.funding, actual.funding);
  EXPECT_EQ(expected.region, actual.region);
  ExpectStringsEqual(expected.birth_date_raw, actual.birth_date_raw, "memberships.birth_date_raw");
}

inline auto CountsTuple(const RegionCounts& c) {
  return std::make_tuple(c.region.packed(), c.registry, c.active, c.non_active, c.unregistered, c.unmatched_active,
                         c.unmatched_non_active, c.unmatched_active_here, c.unmatched_non_active_here);
}

inline auto SummaryTuple(const ReconciliationSummary& s) {
  return std::make_tuple(s.workers, s.members, s.memberships, s.active, s.non_active, s.unregistered, s.unmatched,
                         s.unmatched_by_extract_region, s.unmatched_by_nik_district, s.unmatched_unattributed,
                         s.linked_probabilistic, s.linked_accepted, s.review_pairs, s.linkage_run, s.duplicate_rows);
}

inline auto LinkTuple(const ScoredLink& l) {
  return std::make_tuple(l.left, l.right, l.band, l.method, l.decision, l.weight, l.probability, l.levels);
}


inline void ExpectReconciliationEqual(const ReconciliationRecord& e, const ReconciliationRecord& a,
                                      bool with_details) {
  EXPECT_EQ(e.period, a.period);
  EXPECT_EQ(e.workers_version, a.workers_version);
  EXPECT_EQ(e.members_version, a.members_version);
  EXPECT_EQ(e.regions_version, a.regions_version);
  EXPECT_EQ(e.computed_at, a.computed_at);
  EXPECT_EQ(SummaryTuple(e.summary), SummaryTuple(a.summary));
  ASSERT_EQ(e.counts.size(), a.counts.size());
  for (size_t i = 0; i < e.counts.size(); ++i) EXPECT_EQ(CountsTuple(e.counts[i]), CountsTuple(a.counts[i])) << i;
  if (!with_details) {
    EXPECT_TRUE(a.worker_results.empty());
    EXPECT_EQ(a.unmatched.size(), 0u);
    return;
  }
  EXPECT_EQ(e.worker_results, a.worker_results);
  EXPECT_EQ(e.unmatched.nik, a.unmatched.nik);
  EXPECT_EQ(e.unmatched.region, a.unmatched.region);
  EXPECT_EQ(e.unmatched.attribution, a.unmatched.attribution);
  EXPECT_EQ(e.unmatched.status, a.unmatched.status);
  EXPECT_EQ(e.unmatched.segment, a.unmatched.segment);
  EXPECT_EQ(e.unmatched.sex, a.unmatched.sex);
  EXPECT_EQ(e.unmatched.birth_date, a.unmatched.birth_date);
  ASSERT_EQ(e.links.size(), a.links.size());
  for (size_t i = 0; i < e.links.size(); ++i) EXPECT_EQ(LinkTuple(e.links[i]), LinkTuple(a.links[i])) << i;
}

inline auto ImportTuple(const ImportRecord& r) {
  return std::make_tuple(r.id, r.kind, r.period, r.file_name, r.file_hash, r.rows_read, r.accepted, r.rejected,
                         r.inserted, r.updated, r.unchanged, r.replace, r.started_at, r.finished_at);
}

// Everything a store shows, to check that a failed write changed nothing.
struct Snapshot {
  std::vector<std::pair<uint64_t, std::string>> regions;
  std::vector<std::tuple<uint64_t, int32_t, int64_t, int64_t, int64_t, std::string>> labour_force;
  std::vector<std::tuple<uint64_t, int, double>> targets;
  std::vector<int64_t> import_ids;
  std::vector<int64_t> versions;
  std::vector<WorkerTable> workers;
  std::vector<Period> member_periods;
  std::vector<std::vector<MembershipTable>> members;
  std::vector<Period> reconciled;
  std::vector<std::optional<ReconciliationRecord>> reconciliations;
};

inline void TakeSnapshot(Store& store, Snapshot* s) {
  STORE_ASSIGN_OR_FAIL(auto regions, store.LoadRegions());
  for (const RegionRecord& r : regions) s->regions.emplace_back(r.code.packed(), r.name);
  STORE_ASSIGN_OR_FAIL(auto labour, store.LoadLabourForce());
  for (const LabourForceRecord& r : labour)
    s->labour_force.emplace_back(r.region.packed(), r.period.index(), r.employed, r.formal, r.informal, r.source);
  STORE_ASSIGN_OR_FAIL(auto targets, store.LoadTargets());
  for (const TargetRecord& r : targets) s->targets.emplace_back(r.region.packed(), r.year, r.target);
  STORE_ASSIGN_OR_FAIL(auto imports, store.ListImports(0));
  for (const ImportRecord& r : imports) s->import_ids.push_back(r.id);
  for (DataKind k : {DataKind::kRegions, DataKind::kWorkers, DataKind::kMembers, DataKind::kLabourForce,
                     DataKind::kTargets}) {
    STORE_ASSIGN_OR_FAIL(int64_t v, store.DataVersion(k, std::nullopt));
    s->versions.push_back(v);
  }
  STORE_ASSIGN_OR_FAIL(s->workers, store.LoadWorkerSegments(kWorkerAllColumns));
  STORE_ASSIGN_OR_FAIL(s->member_periods, store.ListMemberPeriods());
  for (Period p : s->member_periods) {
    STORE_ASSIGN_OR_FAIL(auto segments, store.LoadMemberSegments(p, kMemberAllColumns));
    s->members.push_back(std::move(segments));
    STORE_ASSIGN_OR_FAIL(int64_t v, store.DataVersion(DataKind::kMembers, p));
    s->versions.push_back(v);
  }
  STORE_ASSIGN_OR_FAIL(s->reconciled, store.ListReconciledPeriods());
  for (Period p : s->reconciled) {
    STORE_ASSIGN_OR_FAIL(auto rec, store.LoadReconciliation(p, true));
    s->reconciliations.push_back(std::move(rec));
  }
}

inline void ExpectSameSnapshot(const Snapshot& before, const Snapshot& after) {
  EXPECT_EQ(before.regions, after.regions);
  EXPECT_EQ(before.labour_force, after.labour_force);
  EXPECT_EQ(before.targets, after.targets);
  EXPECT_EQ(before.import_ids, after.import_ids);
  EXPECT_EQ(before.versions, after.versions);
  ASSERT_EQ(before.workers.size(), after.workers.size());
  for (size_t i = 0; i < before.workers.size(); ++i) ExpectWorkersEqual(before.workers[i], after.workers[i]);
  EXPECT_EQ(before.member_periods, after.member_periods);
  ASSERT_EQ(before.members.size(), after.members.size());
  for (size_t p = 0; p < before.members.size(); ++p) {
    ASSERT_EQ(before.members[p].size(), after.members[p].size());
    for (size_t i = 0; i < before.members[p].size(); ++i) ExpectMembersEqual(before.members[p][i], after.members[p][i]);
  }
  EXPECT_EQ(before.reconciled, after.reconciled);
  ASSERT_EQ(before.reconciliations.size(), after.reconciliations.size());
  for (size_t i = 0; i < before.reconciliations.size(); ++i) {
    ASSERT_EQ(before.reconciliations[i].has_value(), after.reconciliations[i].has_value());
    if (before.reconciliations[i])
      ExpectReconciliationEqual(*before.reconciliations[i], *after.reconciliations[i], true);
  }
}

}  // namespace cakupan::store_contract

namespace cakupan {

template <typename Factory>
class StoreContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    STORE_ASSIGN_OR_FAIL(store_, factory_.OpenFresh());
  }
  void Reopen() {
    store_.reset();
    STORE_ASSIGN_OR_FAIL(store_, factory_.Reopen());
  }
  Store& store() { return *store_; }
  // A second connection to the same store, while the first stays open.
  std::unique_ptr<Store> OpenSecond() {
    auto second = factory_.Reopen();
    EXPECT_TRUE(second.ok()) << second.status().ToString();
    return second.ok() ? std::move(second).value() : nullptr;
  }

  // A store holding some of everything, for rollback and persistence tests.
  void Populate() {
    using namespace store_contract;
    ImportRecord regions = MakeImport(DataKind::kRegions, "wilayah.csv");
    STORE_ASSERT_OK(store().UpsertRegions({{Code("17"), "BENGKULU"}, {Code("17.04"), "KAUR"}}, &regions));
    ImportRecord workers = MakeImport(DataKind::kWorkers, "pekerja.csv");
    STORE_ASSERT_OK(store().WriteWorkers(MakeWorkers(3000, 1), false, &workers));
    ImportRecord workers2 = MakeImport(DataKind::kWorkers, "pekerja2.csv");
    STORE_ASSERT_OK(store().WriteWorkers(MakeWorkers(500, 2), false, &workers2));
    ImportRecord members = MakeImport(DataKind::kMembers, "bpjs.csv");
    STORE_ASSERT_OK(store().WriteMembers(Month(2024, 11), MakeMembers(2000, 3), false, &members));
    ImportRecord labour = MakeImport(DataKind::kLabourForce, "sakernas.csv");
    STORE_ASSERT_OK(store().UpsertLabourForce({{Code("17"), Month(2024, 8), 1000000, 400000, 600000, "BPS"}}, &labour));
    ImportRecord targets = MakeImport(DataKind::kTargets, "target.csv");
    STORE_ASSERT_OK(store().UpsertTargets({{Code("17"), 2025, 0.4}}, &targets));
    STORE_ASSERT_OK(store().SaveReconciliation(MakeReconciliation(Month(2024, 11), 3500, 700, 4)));
  }

  Factory factory_;
  std::unique_ptr<Store> store_;
};

TYPED_TEST_SUITE_P(StoreContractTest);

// --- A fresh store -----------------------------------------------------------

TYPED_TEST_P(StoreContractTest, FreshStoreIsEmpty) {
  Store& s = this->store();
  STORE_ASSIGN_OR_FAIL(auto regions, s.LoadRegions());
  EXPECT_TRUE(regions.empty());
  STORE_ASSIGN_OR_FAIL(auto workers, s.LoadWorkerSegments(kWorkerAllColumns));
  EXPECT_TRUE(workers.empty());
  STORE_ASSIGN_OR_FAIL(int count, s.CountWorkerSegments());
  EXPECT_EQ(count, 0);
  STORE_ASSIGN_OR_FAIL(auto periods, s.ListMemberPeriods());
  EXPECT_TRUE(periods.empty());
  STORE_ASSIGN_OR_FAIL(auto members, s.LoadMemberSegments(store_contract::Month(2024, 11), kMemberAllColumns));
  EXPECT_TRUE(members.empty());
  STORE_ASSIGN_OR_FAIL(auto labour, s.LoadLabourForce());
  EXPECT_TRUE(labour.empty());
  STORE_ASSIGN_OR_FAIL(auto targets, s.LoadTargets());
  EXPECT_TRUE(targets.empty());
  STORE_ASSIGN_OR_FAIL(auto imports, s.ListImports(10));
  EXPECT_TRUE(imports.empty());
  for (DataKind k : {DataKind::kRegions, DataKind::kWorkers, DataKind::kMembers, DataKind::kLabourForce,
                     DataKind::kTargets}) {
    STORE_ASSIGN_OR_FAIL(int64_t v, s.DataVersion(k, std::nullopt));
    EXPECT_EQ(v, 0) << DataKindName(k);
  }
  STORE_ASSIGN_OR_FAIL(auto rec, s.LoadReconciliation(store_contract::Month(2024, 11), true));
  EXPECT_FALSE(rec.has_value());
  STORE_ASSIGN_OR_FAIL(auto reconciled, s.ListReconciledPeriods());
  EXPECT_TRUE(reconciled.empty());
}

// --- Regions -----------------------------------------------------------------

TYPED_TEST_P(StoreContractTest, RegionsLoadInCodeOrder) {
  using namespace store_contract;
  ImportRecord rec = MakeImport(DataKind::kRegions, "wilayah.csv");
  std::vector<RegionRecord> rows = {{Code("17.04.07.2010"), "Padang Guci"}, {Code("17.71"), "KOTA BENGKULU"},
                                    {Code("17"), "BENGKULU"},               {Code("17.04"), "KAUR"},
                                    {Code("17.04.07"), "Kaur Utara"},       {Code("11"), "ACEH"}};
  STORE_ASSERT_OK(this->store().UpsertRegions(rows, &rec));
  EXPECT_GT(rec.id, 0);
  STORE_ASSIGN_OR_FAIL(auto loaded, this->store().LoadRegions());
  std::vector<std::string> codes;
  for (const RegionRecord& r : loaded) codes.push_back(r.code.ToString() + " " + r.name);
  EXPECT_EQ(codes, (std::vector<std::string>{"11 ACEH", "17 BENGKULU", "17.04 KAUR", "17.04.07 Kaur Utara",
                                             "17.04.07.2010 Padang Guci", "17.71 KOTA BENGKULU"}));
}

TYPED_TEST_P(StoreContractTest, RegionsUpsertRenamesAndAdds) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord first = MakeImport(DataKind::kRegions, "a.csv");
  STORE_ASSERT_OK(s.UpsertRegions({{Code("17"), "BENGKULU"}, {Code("17.04"), "KAUR"}}, &first));
  ImportRecord second = MakeImport(DataKind::kRegions, "b.csv");
  STORE_ASSERT_OK(s.UpsertRegions({{Code("17.04"), "Kabupaten Kaur"}, {Code("17.07"), "LEBONG"}}, &second));
  EXPECT_GT(second.id, first.id);
  STORE_ASSIGN_OR_FAIL(auto loaded, s.LoadRegions());
  ASSERT_EQ(loaded.size(), 3u);
  EXPECT_EQ(loaded[0].name, "BENGKULU");
  EXPECT_EQ(loaded[1].name, "Kabupaten Kaur");
  EXPECT_EQ(loaded[2].code, Code("17.07"));
  STORE_ASSIGN_OR_FAIL(int64_t version, s.DataVersion(DataKind::kRegions, std::nullopt));
  EXPECT_EQ(version, second.id);
}

TYPED_TEST_P(StoreContractTest, UpsertOfIdenticalRowsChangesNoVersion) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord a = MakeImport(DataKind::kRegions, "a.csv");
  STORE_ASSERT_OK(s.UpsertRegions({{Code("17"), "BENGKULU"}}, &a));
  ImportRecord b = MakeImport(DataKind::kRegions, "a.csv");
  STORE_ASSERT_OK(s.UpsertRegions({{Code("17"), "BENGKULU"}}, &b));
  EXPECT_GT(b.id, a.id);  // logged all the same
  STORE_ASSIGN_OR_FAIL(int64_t version, s.DataVersion(DataKind::kRegions, std::nullopt));
  EXPECT_EQ(version, a.id);

  ImportRecord t1 = MakeImport(DataKind::kTargets, "t.csv");
  STORE_ASSERT_OK(s.UpsertTargets({{Code("17"), 2025, 0.37}}, &t1));
  ImportRecord t2 = MakeImport(DataKind::kTargets, "t.csv");
  STORE_ASSERT_OK(s.UpsertTargets({{Code("17"), 2025, 0.37}}, &t2));
  STORE_ASSIGN_OR_FAIL(version, s.DataVersion(DataKind::kTargets, std::nullopt));
  EXPECT_EQ(version, t1.id);

  ImportRecord l1 = MakeImport(DataKind::kLabourForce, "l.csv");
  STORE_ASSERT_OK(s.UpsertLabourForce({{Code("17"), Month(2024, 8), 10, -1, -1, "BPS"}}, &l1));
  ImportRecord l2 = MakeImport(DataKind::kLabourForce, "l.csv");
  STORE_ASSERT_OK(s.UpsertLabourForce({{Code("17"), Month(2024, 8), 10, -1, -1, "BPS"}}, &l2));
  STORE_ASSIGN_OR_FAIL(version, s.DataVersion(DataKind::kLabourForce, std::nullopt));
  EXPECT_EQ(version, l1.id);
  ImportRecord l3 = MakeImport(DataKind::kLabourForce, "l.csv");
  STORE_ASSERT_OK(s.UpsertLabourForce({{Code("17"), Month(2024, 8), 10, 4, 6, "BPS"}}, &l3));
  STORE_ASSIGN_OR_FAIL(version, s.DataVersion(DataKind::kLabourForce, std::nullopt));
  EXPECT_EQ(version, l3.id);
}

TYPED_TEST_P(StoreContractTest, InvalidRegionRowRollsBackTheWholeUpsert) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord a = MakeImport(DataKind::kRegions, "a.csv");
  STORE_ASSERT_OK(s.UpsertRegions({{Code("17"), "BENGKULU"}}, &a));
  store_contract::Snapshot before;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(s, &before));
  ImportRecord b = MakeImport(DataKind::kRegions, "b.csv");
  // Valid rows first (a rename and a new code), then the national root,
  // which is implicit and never stored.
  Status st = s.UpsertRegions({{Code("17"), "Provinsi Bengkulu"}, {Code("18"), "LAMPUNG"}, {RegionCode(), "INDONESIA"}},
                              &b);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  EXPECT_EQ(b.id, 0);
  store_contract::Snapshot after;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(s, &after));
  ExpectSameSnapshot(before, after);
}

// --- Labour force and targets ------------------------------------------------

TYPED_TEST_P(StoreContractTest, LabourForceUpsertsByRegionAndPeriod) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord a = MakeImport(DataKind::kLabourForce, "sakernas.csv");
  STORE_ASSERT_OK(s.UpsertLabourForce({{Code("17.04"), Month(2024, 8), 70000, 20000, 50000, "BPS Sakernas"},
                                       {Code("17"), Month(2024, 8), 1000000, -1, -1, ""},
                                       {Code("17"), Month(2023, 8), 990000, 400000, 590000, "BPS"},
                                       {RegionCode(), Month(2025, 8), 146540000, -1, 84600000, "nasional"}},
                                      &a));
  ImportRecord b = MakeImport(DataKind::kLabourForce, "potensi.csv");
  STORE_ASSERT_OK(s.UpsertLabourForce({{Code("17.04"), Month(2024, 8), 71000, -1, -1, "potensi pekerja"}}, &b));
  STORE_ASSIGN_OR_FAIL(auto rows, s.LoadLabourForce());
  ASSERT_EQ(rows.size(), 4u);
  // Region code order, then period.
  EXPECT_EQ(rows[0].region, RegionCode());
  EXPECT_EQ(rows[0].employed, 146540000);
  EXPECT_EQ(rows[0].formal, -1);
  EXPECT_EQ(rows[0].informal, 84600000);
  EXPECT_EQ(rows[1].period, Month(2023, 8));
  EXPECT_EQ(rows[2].period, Month(2024, 8));
  EXPECT_EQ(rows[2].formal, -1);
  EXPECT_EQ(rows[3].region, Code("17.04"));
  EXPECT_EQ(rows[3].employed, 71000);
  EXPECT_EQ(rows[3].formal, -1);
  EXPECT_EQ(rows[3].source, "potensi pekerja");
  STORE_ASSIGN_OR_FAIL(int64_t version, s.DataVersion(DataKind::kLabourForce, std::nullopt));
  EXPECT_EQ(version, b.id);
}

TYPED_TEST_P(StoreContractTest, TargetsUpsertByRegionAndYear) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord a = MakeImport(DataKind::kTargets, "target.csv");
  STORE_ASSERT_OK(s.UpsertTargets({{Code("17"), 2025, 0.3215}, {Code("17"), 2026, 0.3499}, {Code("17.04"), 2025, 0.75}},
                                  &a));
  ImportRecord b = MakeImport(DataKind::kTargets, "target2.csv");
  STORE_ASSERT_OK(s.UpsertTargets({{Code("17"), 2026, 0.36}, {RegionCode(), 2029, 0.4392}}, &b));
  STORE_ASSIGN_OR_FAIL(auto rows, s.LoadTargets());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].region, RegionCode());
  EXPECT_EQ(rows[0].year, 2029);
  EXPECT_DOUBLE_EQ(rows[0].target, 0.4392);
  EXPECT_EQ(rows[1].year, 2025);
  EXPECT_DOUBLE_EQ(rows[1].target, 0.3215);
  EXPECT_DOUBLE_EQ(rows[2].target, 0.36);
  EXPECT_EQ(rows[3].region, Code("17.04"));
  STORE_ASSIGN_OR_FAIL(int64_t version, s.DataVersion(DataKind::kTargets, std::nullopt));
  EXPECT_EQ(version, b.id);
}

TYPED_TEST_P(StoreContractTest, BoundariesUpsertAndLoadByRegion) {
  using namespace store_contract;
  Store& s = this->store();
  const std::string square = R"({"type":"Polygon","coordinates":[[[102,-4],[103,-4],[103,-3],[102,-4]]]})";
  ImportRecord a = MakeImport(DataKind::kBoundaries, "batas.geojson");
  STORE_ASSERT_OK(s.UpsertBoundaries({{Code("17.07"), square}, {Code("17.04"), square}}, &a));
  STORE_ASSIGN_OR_FAIL(int64_t count, s.CountBoundaries());
  EXPECT_EQ(count, 2);
  STORE_ASSIGN_OR_FAIL(auto rows, s.LoadBoundaries({Code("17.07"), Code("17.71"), Code("17.04")}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].region, Code("17.04"));
  EXPECT_EQ(rows[1].region, Code("17.07"));
  EXPECT_EQ(rows[1].geometry, square);
  // Same rows again: no change, no new version; a changed geometry: a version.
  ImportRecord b = MakeImport(DataKind::kBoundaries, "batas.geojson");
  STORE_ASSERT_OK(s.UpsertBoundaries({{Code("17.07"), square}}, &b));
  STORE_ASSIGN_OR_FAIL(int64_t v1, s.DataVersion(DataKind::kBoundaries, std::nullopt));
  EXPECT_EQ(v1, a.id);
  ImportRecord c = MakeImport(DataKind::kBoundaries, "batas2.geojson");
  STORE_ASSERT_OK(s.UpsertBoundaries({{Code("17.07"), R"({"type":"Polygon","coordinates":[]})"}}, &c));
  STORE_ASSIGN_OR_FAIL(int64_t v2, s.DataVersion(DataKind::kBoundaries, std::nullopt));
  EXPECT_EQ(v2, c.id);
  // An invalid row rolls the whole upsert back.
  ImportRecord d = MakeImport(DataKind::kBoundaries, "bad.geojson");
  EXPECT_FALSE(s.UpsertBoundaries({{Code("17.71"), square}, {Code("17.09"), ""}}, &d).ok());
  STORE_ASSIGN_OR_FAIL(int64_t count2, s.CountBoundaries());
  EXPECT_EQ(count2, 2);
}

TYPED_TEST_P(StoreContractTest, ChangeStampMovesWhenAnotherConnectionWrites) {
  using namespace store_contract;
  Store& reader = this->store();
  STORE_ASSIGN_OR_FAIL(int64_t before, reader.ChangeStamp());
  STORE_ASSIGN_OR_FAIL(int64_t again, reader.ChangeStamp());
  EXPECT_EQ(before, again) << "nothing happened";
  {
    auto writer = this->OpenSecond();
    ASSERT_NE(writer, nullptr);
    ImportRecord rec = MakeImport(DataKind::kTargets, "target.csv");
    STORE_ASSERT_OK(writer->UpsertTargets({{Code("17"), 2025, 0.4}}, &rec));
  }
  STORE_ASSIGN_OR_FAIL(int64_t after, reader.ChangeStamp());
  EXPECT_NE(after, before);
}

TYPED_TEST_P(StoreContractTest, InvalidTargetOrLabourForceRowRollsBack) {
  using namespace store_contract;
  Store& s = this->store();
  ASSERT_NO_FATAL_FAILURE(this->Populate());
  store_contract::Snapshot before;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(s, &before));
  ImportRecord t = MakeImport(DataKind::kTargets, "bad.csv");
  Status st = s.UpsertTargets(
      {{Code("17"), 2025, 0.5}, {Code("18"), 2025, 0.2}, {Code("17.04"), 2025, std::numeric_limits<double>::quiet_NaN()}},
      &t);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  st = s.UpsertTargets({{Code("18"), 2025, 0.2}, {Code("17"), 2025, 37.0}}, &t);  // a percentage, not a fraction
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  ImportRecord l = MakeImport(DataKind::kLabourForce, "bad.csv");
  st = s.UpsertLabourForce({{Code("18"), Month(2024, 8), 5, -1, -1, ""}, {Code("17"), Period(), 5, -1, -1, ""}}, &l);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  st = s.UpsertLabourForce({{Code("18"), Month(2024, 8), 5, -1, -1, ""}, {Code("17"), Month(2024, 8), -5, -1, -1, ""}},
                           &l);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  store_contract::Snapshot after;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(s, &after));
  ExpectSameSnapshot(before, after);
}

// --- Import log and data versions ---------------------------------------------

TYPED_TEST_P(StoreContractTest, ImportLogListsMostRecentFirst) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord regions = MakeImport(DataKind::kRegions, "wilayah.csv");
  STORE_ASSERT_OK(s.UpsertRegions({{Code("17"), "BENGKULU"}}, &regions));
  ImportRecord members = MakeImport(DataKind::kMembers, "bpjs-2024-11.csv");
  members.replace = true;
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MakeMembers(10, 1), true, &members));
  ImportRecord same = MakeImport(DataKind::kWorkers, "pekerja.csv");
  same.inserted = 0;
  same.updated = 0;
  same.unchanged = 10;
  STORE_ASSERT_OK(s.LogImport(&same));
  EXPECT_LT(regions.id, members.id);
  EXPECT_LT(members.id, same.id);
  EXPECT_EQ(members.period, "2024-11");  // set by the store

  STORE_ASSIGN_OR_FAIL(auto all, s.ListImports(0));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(ImportTuple(all[0]), ImportTuple(same));
  EXPECT_EQ(ImportTuple(all[1]), ImportTuple(members));
  EXPECT_EQ(ImportTuple(all[2]), ImportTuple(regions));
  EXPECT_TRUE(all[1].replace);
  STORE_ASSIGN_OR_FAIL(auto two, s.ListImports(2));
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].id, same.id);
  EXPECT_EQ(two[1].id, members.id);
}

TYPED_TEST_P(StoreContractTest, DataVersionsFollowChangingImports) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord w1 = MakeImport(DataKind::kWorkers, "w1.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(20, 1), false, &w1));
  ImportRecord nov = MakeImport(DataKind::kMembers, "nov.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MakeMembers(20, 2), false, &nov));
  ImportRecord oct = MakeImport(DataKind::kMembers, "oct.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 10), MakeMembers(20, 3), false, &oct));
  ImportRecord unchanged = MakeImport(DataKind::kWorkers, "w1-again.csv");
  STORE_ASSERT_OK(s.LogImport(&unchanged));
  ImportRecord unchanged_members = MakeImport(DataKind::kMembers, "nov-again.csv");
  unchanged_members.period = "2024-11";
  STORE_ASSERT_OK(s.LogImport(&unchanged_members));

  auto version = [&](DataKind k, std::optional<Period> p) {
    Result<int64_t> v = s.DataVersion(k, p);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : -1;
  };
  EXPECT_EQ(version(DataKind::kWorkers, std::nullopt), w1.id);
  EXPECT_EQ(version(DataKind::kMembers, Month(2024, 11)), nov.id);
  EXPECT_EQ(version(DataKind::kMembers, Month(2024, 10)), oct.id);
  EXPECT_EQ(version(DataKind::kMembers, Month(2024, 9)), 0);
  EXPECT_EQ(version(DataKind::kMembers, std::nullopt), oct.id);  // any period
  EXPECT_EQ(version(DataKind::kRegions, std::nullopt), 0);

  ImportRecord w2 = MakeImport(DataKind::kWorkers, "w2.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(5, 4, 3171010101900001ULL), false, &w2));
  EXPECT_EQ(version(DataKind::kWorkers, std::nullopt), w2.id);
  EXPECT_EQ(version(DataKind::kMembers, Month(2024, 11)), nov.id);
}

// --- Worker registry -----------------------------------------------------------

TYPED_TEST_P(StoreContractTest, WorkersRoundTripEveryColumn) {
  using namespace store_contract;
  Store& s = this->store();
  const WorkerTable first = MakeWorkers(20000, 11, 1704070101900001ULL, /*invalid_niks=*/true);
  const WorkerTable second = MakeWorkers(777, 12, 1771010101900001ULL);
  ImportRecord a = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(first, false, &a));
  ImportRecord b = MakeImport(DataKind::kWorkers, "b.csv");
  STORE_ASSERT_OK(s.WriteWorkers(second, false, &b));
  STORE_ASSIGN_OR_FAIL(auto segments, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(segments.size(), 2u);  // oldest first
  ExpectWorkersEqual(first, segments[0]);
  ExpectWorkersEqual(second, segments[1]);
}

TYPED_TEST_P(StoreContractTest, WorkersLoadOnlyRequestedColumns) {
  using namespace store_contract;
  Store& s = this->store();
  const WorkerTable full = MakeWorkers(5000, 21, 1704070101900001ULL, /*invalid_niks=*/true);
  ImportRecord a = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(full, false, &a));
  const uint32_t masks[] = {0,
                            kWorkerNik,
                            kWorkerNik | kWorkerVillage,
                            kWorkerName,
                            kWorkerOccupation | kWorkerSex,
                            kWorkerBirthDate | kWorkerFormality | kWorkerDecile | kWorkerVulnerability,
                            kWorkerBirthDateRaw | kWorkerNikIssue,
                            kWorkerAllColumns & ~kWorkerName};
  for (uint32_t mask : masks) {
    SCOPED_TRACE(mask);
    STORE_ASSIGN_OR_FAIL(auto segments, s.LoadWorkerSegments(mask));
    ASSERT_EQ(segments.size(), 1u);
    EXPECT_EQ(segments[0].loaded_columns(), mask | kWorkerNik);
    ExpectWorkersEqual(OnlyColumns(full, mask), segments[0]);
  }
}

TYPED_TEST_P(StoreContractTest, WorkersWrittenWithoutAColumnLoadItAsUnknown) {
  using namespace store_contract;
  Store& s = this->store();
  WorkerTable partial = OnlyColumns(MakeWorkers(100, 31), kWorkerVillage | kWorkerSex);
  ImportRecord a = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(partial, false, &a));
  STORE_ASSIGN_OR_FAIL(auto segments, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(segments.size(), 1u);
  const WorkerTable& t = segments[0];
  EXPECT_EQ(t.loaded_columns(), kWorkerAllColumns);
  EXPECT_EQ(t.village, partial.village);
  EXPECT_EQ(t.sex, partial.sex);
  EXPECT_EQ(t.name.size(), 100u);
  EXPECT_EQ(t.name.byte_size(), 0u);
  EXPECT_EQ(t.birth_date, std::vector<Date>(100, kNoDate));
  EXPECT_EQ(t.occupation, std::vector<uint16_t>(100, 0));
  EXPECT_EQ(t.occupations, std::vector<std::string>{""});
  EXPECT_EQ(t.decile, std::vector<uint8_t>(100, 0));
  EXPECT_EQ(t.birth_date_raw.size(), 100u);
  EXPECT_EQ(t.birth_date_raw.byte_size(), 0u);
}

// A birth date kept as written (the row's date was no date) round-trips for
// workers and memberships; a segment written without any such text (every
// row "") loads it as "" in every row.
TYPED_TEST_P(StoreContractTest, RawBirthDateTextRoundTrips) {
  using namespace store_contract;
  Store& s = this->store();
  WorkerTable workers = MakeWorkers(300, 71);
  for (size_t i = 0; i < workers.size(); ++i) {
    if (i % 7 != 3) continue;
    workers.birth_date[i] = kNoDate;
  }
  workers.birth_date_raw = StringColumn();
  for (size_t i = 0; i < workers.size(); ++i)
    workers.birth_date_raw.push_back(i % 7 == 3 ? (i % 2 ? "00-00-0000" : "tidak tahu") : "");
  ImportRecord a = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(workers, false, &a));
  const WorkerTable plain = MakeWorkers(40, 72, 3171010101900001ULL);
  ImportRecord b = MakeImport(DataKind::kWorkers, "b.csv");
  STORE_ASSERT_OK(s.WriteWorkers(plain, false, &b));
  STORE_ASSIGN_OR_FAIL(auto segments, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(segments.size(), 2u);
  ExpectWorkersEqual(workers, segments[0]);
  EXPECT_EQ(segments[0].birth_date_raw[3], "00-00-0000");
  EXPECT_EQ(segments[0].birth_date_raw[10], "tidak tahu");
  EXPECT_EQ(segments[1].birth_date_raw.size(), 40u);
  EXPECT_EQ(segments[1].birth_date_raw.byte_size(), 0u);

  const MembershipTable members = MakeMembers(200, 73);
  ASSERT_GT(members.birth_date_raw.byte_size(), 0u);
  ImportRecord m = MakeImport(DataKind::kMembers, "m.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), members, false, &m));
  STORE_ASSIGN_OR_FAIL(auto msegments, s.LoadMemberSegments(Month(2024, 11), kMemberAllColumns));
  ASSERT_EQ(msegments.size(), 1u);
  ExpectMembersEqual(members, msegments[0]);
  STORE_ASSIGN_OR_FAIL(msegments, s.LoadMemberSegments(Month(2024, 11), kMemberNik | kMemberBirthDateRaw));
  ASSERT_EQ(msegments.size(), 1u);
  ExpectMembersEqual(OnlyColumns(members, kMemberBirthDateRaw), msegments[0]);
}

TYPED_TEST_P(StoreContractTest, WorkersAppendAddsASegmentAndReplaceAllLeavesOne) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord a = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(100, 41), false, &a));
  ImportRecord b = MakeImport(DataKind::kWorkers, "b.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(50, 42), false, &b));
  STORE_ASSIGN_OR_FAIL(int count, s.CountWorkerSegments());
  EXPECT_EQ(count, 2);

  const WorkerTable replacement = MakeWorkers(70, 43);
  ImportRecord c = MakeImport(DataKind::kWorkers, "c.csv");
  STORE_ASSERT_OK(s.WriteWorkers(replacement, true, &c));
  EXPECT_TRUE(c.replace);
  STORE_ASSIGN_OR_FAIL(count, s.CountWorkerSegments());
  EXPECT_EQ(count, 1);
  STORE_ASSIGN_OR_FAIL(auto segments, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(segments.size(), 1u);
  ExpectWorkersEqual(replacement, segments[0]);
  STORE_ASSIGN_OR_FAIL(int64_t version, s.DataVersion(DataKind::kWorkers, std::nullopt));
  EXPECT_EQ(version, c.id);
}

TYPED_TEST_P(StoreContractTest, EmptyWorkerTables) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord a = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(10, 51), false, &a));
  // Appending nothing stores nothing and changes no version.
  ImportRecord empty = MakeImport(DataKind::kWorkers, "empty.csv");
  STORE_ASSERT_OK(s.WriteWorkers(WorkerTable(), false, &empty));
  EXPECT_GT(empty.id, a.id);
  STORE_ASSIGN_OR_FAIL(int64_t version, s.DataVersion(DataKind::kWorkers, std::nullopt));
  EXPECT_EQ(version, a.id);
  STORE_ASSIGN_OR_FAIL(int count, s.CountWorkerSegments());
  EXPECT_EQ(count, 1);
  // Replacing with nothing empties the registry: a change.
  ImportRecord cleared = MakeImport(DataKind::kWorkers, "cleared.csv");
  STORE_ASSERT_OK(s.WriteWorkers(WorkerTable(), true, &cleared));
  STORE_ASSIGN_OR_FAIL(version, s.DataVersion(DataKind::kWorkers, std::nullopt));
  EXPECT_EQ(version, cleared.id);
  STORE_ASSIGN_OR_FAIL(auto segments, s.LoadWorkerSegments(kWorkerAllColumns));
  EXPECT_TRUE(segments.empty());
  // A table whose strings are all empty still round-trips.
  WorkerTable blank = MakeWorkers(3, 52);
  blank.name = StringColumn();
  for (int i = 0; i < 3; ++i) blank.name.push_back("");
  ImportRecord b = MakeImport(DataKind::kWorkers, "blank.csv");
  STORE_ASSERT_OK(s.WriteWorkers(blank, false, &b));
  STORE_ASSIGN_OR_FAIL(segments, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(segments.size(), 1u);
  ExpectWorkersEqual(blank, segments[0]);
}

TYPED_TEST_P(StoreContractTest, InvalidWorkerTablesChangeNothing) {
  using namespace store_contract;
  Store& s = this->store();
  ASSERT_NO_FATAL_FAILURE(this->Populate());
  store_contract::Snapshot before;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(s, &before));

  WorkerTable ragged = MakeWorkers(100, 61);
  ragged.sex.pop_back();  // Validate() fails
  ImportRecord rec = MakeImport(DataKind::kWorkers, "bad.csv");
  EXPECT_EQ(s.WriteWorkers(ragged, true, &rec).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.CompactWorkers(ragged).code(), StatusCode::kInvalidArgument);
  WorkerTable unsorted = MakeWorkers(100, 62);
  std::swap(unsorted.nik[10], unsorted.nik[11]);
  EXPECT_EQ(s.WriteWorkers(unsorted, true, &rec).code(), StatusCode::kInvalidArgument);
  WorkerTable duplicate = MakeWorkers(100, 63);
  duplicate.nik[11] = duplicate.nik[10];
  EXPECT_EQ(s.WriteWorkers(duplicate, false, &rec).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.WriteWorkers(MakeWorkers(10, 64), false, nullptr).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(rec.id, 0);

  MembershipTable members = MakeMembers(100, 65);
  members.status.pop_back();
  EXPECT_EQ(s.WriteMembers(Month(2024, 11), members, true, &rec).code(), StatusCode::kInvalidArgument);
  MembershipTable unsorted_members = MakeMembers(100, 66);
  std::reverse(unsorted_members.nik.begin(), unsorted_members.nik.end());
  EXPECT_EQ(s.WriteMembers(Month(2024, 11), unsorted_members, true, &rec).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.WriteMembers(Period(), MakeMembers(10, 67), true, &rec).code(), StatusCode::kInvalidArgument);

  ReconciliationRecord ragged_rec = MakeReconciliation(Month(2024, 11), 10, 10, 68);
  ragged_rec.unmatched.sex.pop_back();
  EXPECT_EQ(s.SaveReconciliation(ragged_rec).code(), StatusCode::kInvalidArgument);
  // A bad region code after good rows: the old result for the period stays.
  ReconciliationRecord bad_region = MakeReconciliation(Month(2024, 11), 10, 10, 69);
  bad_region.counts.push_back(RegionCounts{RegionCode::FromPacked(1700000001ULL)});
  EXPECT_EQ(s.SaveReconciliation(bad_region).code(), StatusCode::kInvalidArgument);

  store_contract::Snapshot after;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(s, &after));
  ExpectSameSnapshot(before, after);
}

// --- Membership extracts --------------------------------------------------------

TYPED_TEST_P(StoreContractTest, MembersRoundTripPerPeriod) {
  using namespace store_contract;
  Store& s = this->store();
  const MembershipTable nov_a = MakeMembers(8000, 71);
  const MembershipTable nov_b = MakeMembers(300, 72, 1771010101900001ULL);
  const MembershipTable oct = MakeMembers(1000, 73);
  ImportRecord r1 = MakeImport(DataKind::kMembers, "nov-a.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), nov_a, false, &r1));
  ImportRecord r2 = MakeImport(DataKind::kMembers, "oct.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 10), oct, false, &r2));
  ImportRecord r3 = MakeImport(DataKind::kMembers, "nov-b.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), nov_b, false, &r3));

  STORE_ASSIGN_OR_FAIL(auto periods, s.ListMemberPeriods());
  EXPECT_EQ(periods, (std::vector<Period>{Month(2024, 10), Month(2024, 11)}));
  STORE_ASSIGN_OR_FAIL(auto nov, s.LoadMemberSegments(Month(2024, 11), kMemberAllColumns));
  ASSERT_EQ(nov.size(), 2u);
  ExpectMembersEqual(nov_a, nov[0]);
  ExpectMembersEqual(nov_b, nov[1]);
  STORE_ASSIGN_OR_FAIL(auto october, s.LoadMemberSegments(Month(2024, 10), kMemberAllColumns));
  ASSERT_EQ(october.size(), 1u);
  ExpectMembersEqual(oct, october[0]);
  STORE_ASSIGN_OR_FAIL(int count, s.CountMemberSegments(Month(2024, 11)));
  EXPECT_EQ(count, 2);
  STORE_ASSIGN_OR_FAIL(count, s.CountMemberSegments(Month(2024, 9)));
  EXPECT_EQ(count, 0);
}

TYPED_TEST_P(StoreContractTest, MembersLoadOnlyRequestedColumns) {
  using namespace store_contract;
  Store& s = this->store();
  const MembershipTable full = MakeMembers(3000, 81);
  ImportRecord r = MakeImport(DataKind::kMembers, "m.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), full, false, &r));
  const uint32_t masks[] = {0,
                            kMemberNik | kMemberStatus | kMemberSegment,
                            kMemberName | kMemberNpp,
                            kMemberBirthDate | kMemberProgrammes | kMemberLastPaid | kMemberFunding | kMemberRegion,
                            kMemberAllColumns};
  for (uint32_t mask : masks) {
    SCOPED_TRACE(mask);
    STORE_ASSIGN_OR_FAIL(auto segments, s.LoadMemberSegments(Month(2024, 11), mask));
    ASSERT_EQ(segments.size(), 1u);
    EXPECT_EQ(segments[0].loaded_columns(), mask | kMemberNik);
    ExpectMembersEqual(OnlyColumns(full, mask), segments[0]);
  }
}

TYPED_TEST_P(StoreContractTest, MembersReplacePeriodLeavesOtherPeriods) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord r1 = MakeImport(DataKind::kMembers, "a.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MakeMembers(100, 91), false, &r1));
  ImportRecord r2 = MakeImport(DataKind::kMembers, "b.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MakeMembers(100, 92), false, &r2));
  const MembershipTable october = MakeMembers(100, 93);
  ImportRecord r3 = MakeImport(DataKind::kMembers, "c.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 10), october, false, &r3));

  const MembershipTable replacement = MakeMembers(60, 94);
  ImportRecord r4 = MakeImport(DataKind::kMembers, "d.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), replacement, true, &r4));
  STORE_ASSIGN_OR_FAIL(auto nov, s.LoadMemberSegments(Month(2024, 11), kMemberAllColumns));
  ASSERT_EQ(nov.size(), 1u);
  ExpectMembersEqual(replacement, nov[0]);
  STORE_ASSIGN_OR_FAIL(auto oct, s.LoadMemberSegments(Month(2024, 10), kMemberAllColumns));
  ASSERT_EQ(oct.size(), 1u);
  ExpectMembersEqual(october, oct[0]);
  STORE_ASSIGN_OR_FAIL(int64_t v, s.DataVersion(DataKind::kMembers, Month(2024, 11)));
  EXPECT_EQ(v, r4.id);
  STORE_ASSIGN_OR_FAIL(v, s.DataVersion(DataKind::kMembers, Month(2024, 10)));
  EXPECT_EQ(v, r3.id);

  // Replacing a period with nothing removes it from the list.
  ImportRecord r5 = MakeImport(DataKind::kMembers, "e.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MembershipTable(), true, &r5));
  STORE_ASSIGN_OR_FAIL(auto periods, s.ListMemberPeriods());
  EXPECT_EQ(periods, std::vector<Period>{Month(2024, 10)});
  STORE_ASSIGN_OR_FAIL(v, s.DataVersion(DataKind::kMembers, Month(2024, 11)));
  EXPECT_EQ(v, r5.id);
}

TYPED_TEST_P(StoreContractTest, MemberPeriodsAreListedAscending) {
  using namespace store_contract;
  Store& s = this->store();
  for (Period p : {Month(2025, 1), Month(2023, 12), Month(2024, 11), Month(2024, 2)}) {
    ImportRecord r = MakeImport(DataKind::kMembers, "m.csv");
    STORE_ASSERT_OK(s.WriteMembers(p, MakeMembers(5, static_cast<uint64_t>(p.index())), false, &r));
  }
  STORE_ASSIGN_OR_FAIL(auto periods, s.ListMemberPeriods());
  EXPECT_EQ(periods, (std::vector<Period>{Month(2023, 12), Month(2024, 2), Month(2024, 11), Month(2025, 1)}));
}

// --- Compaction -------------------------------------------------------------

TYPED_TEST_P(StoreContractTest, CompactionKeepsDataAndVersions) {
  using namespace store_contract;
  Store& s = this->store();
  ImportRecord w1 = MakeImport(DataKind::kWorkers, "a.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(100, 101), false, &w1));
  ImportRecord w2 = MakeImport(DataKind::kWorkers, "b.csv");
  STORE_ASSERT_OK(s.WriteWorkers(MakeWorkers(100, 102, 3171010101900001ULL), false, &w2));
  ImportRecord m1 = MakeImport(DataKind::kMembers, "c.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MakeMembers(100, 103), false, &m1));
  ImportRecord m2 = MakeImport(DataKind::kMembers, "d.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), MakeMembers(50, 104, 3171010101900001ULL), false, &m2));
  STORE_ASSIGN_OR_FAIL(auto imports_before, s.ListImports(0));

  // The merge itself is the engine's job; here the segments are disjoint,
  // so concatenating them in order is the merged table.
  STORE_ASSIGN_OR_FAIL(auto workers, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(workers.size(), 2u);
  WorkerTable merged = workers[0];
  for (size_t i = 0; i < workers[1].size(); ++i) merged.AppendRow(workers[1], i);
  STORE_ASSERT_OK(s.CompactWorkers(merged));
  STORE_ASSIGN_OR_FAIL(auto members, s.LoadMemberSegments(Month(2024, 11), kMemberAllColumns));
  ASSERT_EQ(members.size(), 2u);
  MembershipTable merged_members = members[0];
  for (size_t i = 0; i < members[1].size(); ++i) merged_members.AppendRow(members[1], i);
  STORE_ASSERT_OK(s.CompactMembers(Month(2024, 11), merged_members));

  STORE_ASSIGN_OR_FAIL(int count, s.CountWorkerSegments());
  EXPECT_EQ(count, 1);
  STORE_ASSIGN_OR_FAIL(count, s.CountMemberSegments(Month(2024, 11)));
  EXPECT_EQ(count, 1);
  STORE_ASSIGN_OR_FAIL(auto compacted, s.LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(compacted.size(), 1u);
  ExpectWorkersEqual(merged, compacted[0]);
  STORE_ASSIGN_OR_FAIL(auto compacted_members, s.LoadMemberSegments(Month(2024, 11), kMemberAllColumns));
  ASSERT_EQ(compacted_members.size(), 1u);
  ExpectMembersEqual(merged_members, compacted_members[0]);

  STORE_ASSIGN_OR_FAIL(int64_t v, s.DataVersion(DataKind::kWorkers, std::nullopt));
  EXPECT_EQ(v, w2.id);
  STORE_ASSIGN_OR_FAIL(v, s.DataVersion(DataKind::kMembers, Month(2024, 11)));
  EXPECT_EQ(v, m2.id);
  STORE_ASSIGN_OR_FAIL(auto imports_after, s.ListImports(0));
  EXPECT_EQ(imports_before.size(), imports_after.size());
}

// --- Reconciliation results ---------------------------------------------------

TYPED_TEST_P(StoreContractTest, ReconciliationRoundTripsWithAndWithoutDetails) {
  using namespace store_contract;
  Store& s = this->store();
  const ReconciliationRecord rec = MakeReconciliation(Month(2024, 11), 25000, 3000, 111);
  STORE_ASSERT_OK(s.SaveReconciliation(rec));
  STORE_ASSIGN_OR_FAIL(auto full, s.LoadReconciliation(Month(2024, 11), true));
  ASSERT_TRUE(full.has_value());
  ExpectReconciliationEqual(rec, *full, true);
  STORE_ASSIGN_OR_FAIL(auto header, s.LoadReconciliation(Month(2024, 11), false));
  ASSERT_TRUE(header.has_value());
  ExpectReconciliationEqual(rec, *header, false);
  STORE_ASSIGN_OR_FAIL(auto missing, s.LoadReconciliation(Month(2024, 10), true));
  EXPECT_FALSE(missing.has_value());

  // Empty details round-trip too.
  const ReconciliationRecord empty = MakeReconciliation(Month(2024, 12), 0, 0, 112);
  STORE_ASSERT_OK(s.SaveReconciliation(empty));
  STORE_ASSIGN_OR_FAIL(auto loaded_empty, s.LoadReconciliation(Month(2024, 12), true));
  ASSERT_TRUE(loaded_empty.has_value());
  ExpectReconciliationEqual(empty, *loaded_empty, true);
}

TYPED_TEST_P(StoreContractTest, SavingAReconciliationReplacesThatPeriodOnly) {
  using namespace store_contract;
  Store& s = this->store();
  STORE_ASSERT_OK(s.SaveReconciliation(MakeReconciliation(Month(2024, 11), 500, 50, 121)));
  const ReconciliationRecord october = MakeReconciliation(Month(2024, 10), 400, 40, 122);
  STORE_ASSERT_OK(s.SaveReconciliation(october));
  ReconciliationRecord again = MakeReconciliation(Month(2024, 11), 300, 70, 123);
  again.workers_version = 9;
  again.counts.resize(2);
  STORE_ASSERT_OK(s.SaveReconciliation(again));
  STORE_ASSIGN_OR_FAIL(auto nov, s.LoadReconciliation(Month(2024, 11), true));
  ASSERT_TRUE(nov.has_value());
  ExpectReconciliationEqual(again, *nov, true);
  STORE_ASSIGN_OR_FAIL(auto oct, s.LoadReconciliation(Month(2024, 10), true));
  ASSERT_TRUE(oct.has_value());
  ExpectReconciliationEqual(october, *oct, true);
}

TYPED_TEST_P(StoreContractTest, ReconciledPeriodsAreListedAscending) {
  using namespace store_contract;
  Store& s = this->store();
  for (Period p : {Month(2024, 11), Month(2023, 1), Month(2024, 2)})
    STORE_ASSERT_OK(s.SaveReconciliation(MakeReconciliation(p, 10, 2, static_cast<uint64_t>(p.index()))));
  STORE_ASSIGN_OR_FAIL(auto periods, s.ListReconciledPeriods());
  EXPECT_EQ(periods, (std::vector<Period>{Month(2023, 1), Month(2024, 2), Month(2024, 11)}));
}

// --- Persistence --------------------------------------------------------------

TYPED_TEST_P(StoreContractTest, DedupeResultRoundTripsAndIsReplaced) {
  using namespace store_contract;
  Store& s = this->store();
  STORE_ASSIGN_OR_FAIL(auto none, s.LoadDedupe());
  EXPECT_FALSE(none.has_value());
  DedupeRecord r;
  r.workers_version = 4;
  r.computed_at = "2024-12-01T08:00:00Z";
  r.comparisons = 123456;
  r.seconds = 1.5;
  r.pairs = MakeLinks(300, 7, true);
  STORE_ASSERT_OK(s.SaveDedupe(r));
  STORE_ASSIGN_OR_FAIL(auto loaded, s.LoadDedupe());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->workers_version, 4);
  EXPECT_EQ(loaded->computed_at, r.computed_at);
  EXPECT_EQ(loaded->comparisons, 123456);
  EXPECT_EQ(loaded->seconds, 1.5);
  ASSERT_EQ(loaded->pairs.size(), r.pairs.size());
  for (size_t i = 0; i < r.pairs.size(); ++i) EXPECT_EQ(LinkTuple(r.pairs[i]), LinkTuple(loaded->pairs[i])) << i;

  // A pair with left >= right, or a repeated pair, stores nothing.
  DedupeRecord bad = r;
  bad.pairs.push_back(bad.pairs[0]);
  EXPECT_EQ(s.SaveDedupe(bad).code(), StatusCode::kInvalidArgument);
  bad = r;
  std::swap(bad.pairs[5].left, bad.pairs[5].right);
  EXPECT_EQ(s.SaveDedupe(bad).code(), StatusCode::kInvalidArgument);
  STORE_ASSIGN_OR_FAIL(auto still, s.LoadDedupe());
  EXPECT_EQ(still->pairs.size(), r.pairs.size());

  r.pairs.resize(2);
  r.workers_version = 5;
  STORE_ASSERT_OK(s.SaveDedupe(r));
  STORE_ASSIGN_OR_FAIL(auto replaced, s.LoadDedupe());
  EXPECT_EQ(replaced->pairs.size(), 2u);
  EXPECT_EQ(replaced->workers_version, 5);
}

TYPED_TEST_P(StoreContractTest, DecisionsAreUpsertedPerPairAndDeleted) {
  using namespace store_contract;
  Store& s = this->store();
  LinkDecision d;
  d.kind = PairKind::kLink;
  d.left = (uint64_t{1} << 62) + 5;
  d.right = 1771010101950001ULL;
  d.decision = Decision::kAccept;
  d.decided_at = "2024-12-01T08:00:00Z";
  d.note = "sudah dicek ke desa";
  STORE_ASSERT_OK(s.SaveDecision(d));
  LinkDecision dup{PairKind::kDuplicate, 1704070101900001ULL, 1704070101900002ULL, Decision::kReject,
                   "2024-12-02T08:00:00Z", ""};
  STORE_ASSERT_OK(s.SaveDecision(dup));
  d.decision = Decision::kReject;  // the reviewer changed their mind
  d.note = "orang lain";
  STORE_ASSERT_OK(s.SaveDecision(d));
  STORE_ASSIGN_OR_FAIL(auto links, s.LoadDecisions(PairKind::kLink));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].decision, Decision::kReject);
  EXPECT_EQ(links[0].note, "orang lain");
  EXPECT_EQ(links[0].left, d.left);
  STORE_ASSIGN_OR_FAIL(auto dups, s.LoadDecisions(PairKind::kDuplicate));
  ASSERT_EQ(dups.size(), 1u);
  EXPECT_EQ(dups[0].right, 1704070101900002ULL);

  EXPECT_EQ(s.SaveDecision(LinkDecision{PairKind::kLink, 1, 2, Decision::kNone, "", ""}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(s.SaveDecision(LinkDecision{PairKind::kLink, 1, 2, Decision::kAccept, "", std::string(501, 'x')}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(s.SaveDecision(LinkDecision{PairKind::kDuplicate, 9, 2, Decision::kAccept, "", ""}).code(),
            StatusCode::kInvalidArgument);

  STORE_ASSERT_OK(s.DeleteDecision(PairKind::kLink, d.left, d.right));
  EXPECT_EQ(s.DeleteDecision(PairKind::kLink, d.left, d.right).code(), StatusCode::kNotFound);
  STORE_ASSIGN_OR_FAIL(auto after, s.LoadDecisions(PairKind::kLink));
  EXPECT_TRUE(after.empty());
  ASSERT_NO_FATAL_FAILURE(this->Reopen());
  STORE_ASSIGN_OR_FAIL(auto reopened, this->store().LoadDecisions(PairKind::kDuplicate));
  EXPECT_EQ(reopened.size(), 1u);
}

// --- Contribution rates -------------------------------------------------------

namespace store_contract {

// Two rows of a rate table (synthetic values): a percent row with a cap and
// a flat row that is no longer in force.
inline std::vector<ContributionRate> MakeRates() {
  ContributionRate jp;
  jp.programmes = kJP;
  jp.segment = Segment::kPU;
  jp.basis = RateBasis::kPercent;
  jp.rate_pcm = 3000;
  jp.employer = 2000;
  jp.worker = 1000;
  jp.base_cap = 10042300;
  jp.effective_from = DateFromCivil(2024, 3, 1);
  jp.regulation = "PP 45/2015";
  jp.note = "batas upah, diindeks";
  ContributionRate jkm;
  jkm.programmes = kJKM;
  jkm.segment = Segment::kBPU;
  jkm.basis = RateBasis::kFlat;
  jkm.amount = 6800;
  jkm.worker = 6800;
  jkm.effective_from = DateFromCivil(2015, 7, 1);
  jkm.effective_to = DateFromCivil(2019, 12, 31);
  jkm.regulation = "PP 44/2015";
  ContributionRate tranche;
  tranche.programmes = kJKK | kJKM;
  tranche.segment = Segment::kJakon;
  tranche.basis = RateBasis::kContract;
  tranche.rate_pcm = 210;
  tranche.employer = 210;
  tranche.base_from = 0;
  tranche.base_to = 100000000;
  tranche.effective_from = DateFromCivil(2021, 3, 1);
  tranche.regulation = "Permenaker 5/2021";
  return {jp, jkm, tranche};
}

}  // namespace store_contract

TYPED_TEST_P(StoreContractTest, RatesAreReplacedAsAWholeAndVersioned) {
  using namespace store_contract;
  Store& s = this->store();
  STORE_ASSIGN_OR_FAIL(auto none, s.LoadRates());
  EXPECT_TRUE(none.empty());
  STORE_ASSIGN_OR_FAIL(int64_t v0, s.DataVersion(DataKind::kRates, std::nullopt));
  EXPECT_EQ(v0, 0);
  const std::vector<ContributionRate> rates = MakeRates();
  ImportRecord a = MakeImport(DataKind::kRegions, "iuran.csv");  // the store sets the kind
  STORE_ASSERT_OK(s.ReplaceRates(rates, 0, &a));
  EXPECT_EQ(a.kind, DataKind::kRates);
  STORE_ASSIGN_OR_FAIL(int64_t v1, s.DataVersion(DataKind::kRates, std::nullopt));
  EXPECT_EQ(v1, a.id);
  STORE_ASSIGN_OR_FAIL(auto loaded, s.LoadRates());
  EXPECT_EQ(loaded, rates);
  // The same rows again: logged, but no new version.
  ImportRecord b = MakeImport(DataKind::kRates, "iuran.csv");
  STORE_ASSERT_OK(s.ReplaceRates(rates, v1, &b));
  EXPECT_GT(b.id, a.id);
  STORE_ASSIGN_OR_FAIL(int64_t v2, s.DataVersion(DataKind::kRates, std::nullopt));
  EXPECT_EQ(v2, v1);
  STORE_ASSIGN_OR_FAIL(auto log, s.ListImports(1));
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].kind, DataKind::kRates);
  // A writer that read an older version is refused, and nothing changes.
  std::vector<ContributionRate> fewer(rates.begin(), rates.begin() + 1);
  ImportRecord c = MakeImport(DataKind::kRates, "lama.csv");
  Status st = s.ReplaceRates(fewer, 0, &c);
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition) << st.ToString();
  EXPECT_EQ(c.id, 0);
  // An invalid row (shares that do not add up) is refused, and nothing changes.
  std::vector<ContributionRate> bad = rates;
  bad[0].worker = 999;
  st = s.ReplaceRates(bad, v1, &c);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  STORE_ASSIGN_OR_FAIL(auto still, s.LoadRates());
  EXPECT_EQ(still, rates);
  // A real change moves the version and persists.
  STORE_ASSERT_OK(s.ReplaceRates(fewer, v1, &c));
  STORE_ASSIGN_OR_FAIL(int64_t v3, s.DataVersion(DataKind::kRates, std::nullopt));
  EXPECT_EQ(v3, c.id);
  ASSERT_NO_FATAL_FAILURE(this->Reopen());
  STORE_ASSIGN_OR_FAIL(auto reopened, this->store().LoadRates());
  EXPECT_EQ(reopened, fewer);
}

TYPED_TEST_P(StoreContractTest, EverythingPersistsAfterReopen) {
  ASSERT_NO_FATAL_FAILURE(this->Populate());
  store_contract::Snapshot before;
  ASSERT_NO_FATAL_FAILURE(store_contract::TakeSnapshot(this->store(), &before));
  ASSERT_NO_FATAL_FAILURE(this->Reopen());
  store_contract::Snapshot after;
  ASSERT_NO_FATAL_FAILURE(store_contract::TakeSnapshot(this->store(), &after));
  store_contract::ExpectSameSnapshot(before, after);
  EXPECT_EQ(after.workers.size(), 2u);
  EXPECT_EQ(after.reconciled.size(), 1u);
}

TYPED_TEST_P(StoreContractTest, LargeTablesRoundTrip) {
  using namespace store_contract;
  Store& s = this->store();
  const WorkerTable workers = MakeWorkers(100000, 131, 1704070101900001ULL, /*invalid_niks=*/true);
  ImportRecord a = MakeImport(DataKind::kWorkers, "big.csv");
  STORE_ASSERT_OK(s.WriteWorkers(workers, true, &a));
  const MembershipTable members = MakeMembers(60000, 132);
  ImportRecord b = MakeImport(DataKind::kMembers, "big.csv");
  STORE_ASSERT_OK(s.WriteMembers(Month(2024, 11), members, true, &b));
  ASSERT_NO_FATAL_FAILURE(this->Reopen());
  STORE_ASSIGN_OR_FAIL(auto w, this->store().LoadWorkerSegments(kWorkerAllColumns));
  ASSERT_EQ(w.size(), 1u);
  ExpectWorkersEqual(workers, w[0]);
  STORE_ASSIGN_OR_FAIL(auto m, this->store().LoadMemberSegments(Month(2024, 11), kMemberAllColumns));
  ASSERT_EQ(m.size(), 1u);
  ExpectMembersEqual(members, m[0]);
}

REGISTER_TYPED_TEST_SUITE_P(StoreContractTest, FreshStoreIsEmpty, RegionsLoadInCodeOrder, RegionsUpsertRenamesAndAdds,
                            UpsertOfIdenticalRowsChangesNoVersion, InvalidRegionRowRollsBackTheWholeUpsert,
                            LabourForceUpsertsByRegionAndPeriod, TargetsUpsertByRegionAndYear,
                            BoundariesUpsertAndLoadByRegion, ChangeStampMovesWhenAnotherConnectionWrites,
                            InvalidTargetOrLabourForceRowRollsBack, ImportLogListsMostRecentFirst,
                            DataVersionsFollowChangingImports, WorkersRoundTripEveryColumn,
                            WorkersLoadOnlyRequestedColumns, WorkersWrittenWithoutAColumnLoadItAsUnknown,
                            RawBirthDateTextRoundTrips,
                            WorkersAppendAddsASegmentAndReplaceAllLeavesOne, EmptyWorkerTables,
                            InvalidWorkerTablesChangeNothing, MembersRoundTripPerPeriod,
                            MembersLoadOnlyRequestedColumns, MembersReplacePeriodLeavesOtherPeriods,
                            MemberPeriodsAreListedAscending, CompactionKeepsDataAndVersions,
                            ReconciliationRoundTripsWithAndWithoutDetails,
                            SavingAReconciliationReplacesThatPeriodOnly, ReconciledPeriodsAreListedAscending,
                            EverythingPersistsAfterReopen, LargeTablesRoundTrip,
                            DedupeResultRoundTripsAndIsReplaced, DecisionsAreUpsertedPerPairAndDeleted,
                            RatesAreReplacedAsAWholeAndVersioned);

}  // namespace cakupan
