// The parallel paths (radix sort, reconciliation) must give exactly the
// single-threaded result for any thread count.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "base/rng.h"
#include "domain/nik.h"
#include "engine/radix_sort.h"
#include "engine/reconcile.h"
#include "engine/segments.h"

namespace cakupan {
namespace {

class ScopedThreads {
 public:
  explicit ScopedThreads(int n) { setenv("CAKUPAN_THREADS", std::to_string(n).c_str(), 1); }
  ~ScopedThreads() { unsetenv("CAKUPAN_THREADS"); }
};

RegionTable SmallRegions() {
  std::vector<RegionRecord> r;
  for (const char* c : {"17", "17.04", "17.04.01", "17.04.01.2001", "17.04.01.2002", "17.07", "17.07.01",
                        "17.07.01.2001", "18", "18.01", "18.01.01", "18.01.01.2001"})
    r.push_back({*RegionCode::Parse(c), c});
  return std::move(RegionTable::Build(r)).value();
}

TEST(ParallelTest, RadixSortIsIdenticalForAnyThreadCount) {
  Rng rng(3);
  std::vector<uint64_t> keys(300001);
  for (auto& k : keys) k = 1100000000000000ULL + rng.Below(8000000000000000ULL) / 1000 * 1000 + rng.Below(3);
  std::vector<uint32_t> reference;
  {
    ScopedThreads t(1);
    reference = SortedOrder(keys);
  }
  for (int threads : {2, 3, 7}) {
    ScopedThreads t(threads);
    EXPECT_EQ(SortedOrder(keys), reference) << threads << " threads";
  }
  for (size_t i = 1; i < reference.size(); ++i) ASSERT_LE(keys[reference[i - 1]], keys[reference[i]]);
}

TEST(ParallelTest, ReconciliationIsIdenticalForAnyThreadCount) {
  const RegionTable regions = SmallRegions();
  const char* villages[] = {"17.04.01.2001", "17.04.01.2002", "17.07.01.2001", "18.01.01.2001"};
  const char* districts[] = {"17.04.01", "17.07.01", "18.01.01"};
  Rng rng(11);
  WorkerTable w;
  MembershipTable m;
  auto add_member = [&](uint64_t nik) {
    m.nik.push_back(nik);
    m.name.push_back("");
    m.birth_date.push_back(kNoDate);
    m.segment.push_back(static_cast<uint8_t>(1 + rng.Below(4)));
    m.status.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    m.programmes.push_back(0);
    m.last_paid.push_back(0);
    m.npp.push_back(std::to_string(rng.Below(5)));
    m.funding.push_back(0);
    m.region.push_back(rng.Chance(0.5) ? RegionCode::Parse("17.04")->packed() : 0);
  };
  for (int i = 0; i < 180000; ++i) {
    const Date birth = DateFromCivil(1960 + static_cast<int>(rng.Below(45)), 1 + static_cast<int>(rng.Below(12)),
                                     1 + static_cast<int>(rng.Below(28)));
    const uint64_t nik = *ComposeNik(*RegionCode::Parse(districts[rng.Below(3)]), birth,
                                     rng.Chance(0.5) ? Sex::kMale : Sex::kFemale, 1 + static_cast<int>(rng.Below(9999)));
    if (rng.Chance(0.8)) {
      w.nik.push_back(nik);
      w.name.push_back("x");
      w.sex.push_back(1);
      w.birth_date.push_back(birth);
      w.village.push_back(RegionCode::Parse(villages[rng.Below(4)])->packed());
      w.formality.push_back(0);
      w.occupation.push_back(0);
      w.decile.push_back(0);
      w.vulnerability.push_back(0);
      w.nik_issue.push_back(0);
      w.nik_raw.push_back({});
    }
    if (rng.Chance(0.5)) add_member(nik);
    if (rng.Chance(0.05)) add_member(nik);  // a second membership (may duplicate a key: fine for the join)
  }
  // Unique worker NIKs, canonical order.
  w = CanonicalWorkers(std::move(w));
  std::vector<uint32_t> keep;
  for (size_t i = 0; i < w.size(); ++i)
    if (i == 0 || w.nik[i] != w.nik[i - 1]) keep.push_back(static_cast<uint32_t>(i));
  w = w.Gather(keep);
  m = CanonicalMembers(std::move(m));
  const Period p = *Period::Parse("2024-11");
  ReconciliationRecord ref;
  {
    ScopedThreads t(1);
    ref = Reconcile(regions, w, m, p);
  }
  ASSERT_GT(ref.unmatched.size(), 1000u);
  for (int threads : {2, 3, 5}) {
    ScopedThreads t(threads);
    const ReconciliationRecord got = Reconcile(regions, w, m, p);
    EXPECT_EQ(got.worker_results, ref.worker_results) << threads;
    EXPECT_EQ(got.unmatched.nik, ref.unmatched.nik) << threads;
    EXPECT_EQ(got.unmatched.region, ref.unmatched.region) << threads;
    EXPECT_EQ(got.unmatched.birth_date, ref.unmatched.birth_date) << threads;
    EXPECT_EQ(got.summary.active, ref.summary.active);
    EXPECT_EQ(got.summary.members, ref.summary.members);
    EXPECT_EQ(got.summary.unmatched_by_extract_region, ref.summary.unmatched_by_extract_region);
    ASSERT_EQ(got.counts.size(), ref.counts.size());
    for (size_t i = 0; i < got.counts.size(); ++i) {
      EXPECT_EQ(got.counts[i].registry, ref.counts[i].registry);
      EXPECT_EQ(got.counts[i].active, ref.counts[i].active);
      EXPECT_EQ(got.counts[i].unmatched_active, ref.counts[i].unmatched_active);
      EXPECT_EQ(got.counts[i].unmatched_non_active_here, ref.counts[i].unmatched_non_active_here);
    }
  }
}

}  // namespace
}  // namespace cakupan
