#include "synth/generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "domain/nik.h"
#include "synth/synth_testing.h"

namespace cakupan {
namespace {

namespace fs = std::filesystem;
using synth_testing::CheckCoverage;
using synth_testing::Checked;
using synth_testing::ReadCsv;
using synth_testing::ReadFile;
using synth_testing::RealPopulation;
using synth_testing::RealRegions;

RegionCode C(const char* s) { return RegionCode::Parse(s).value(); }

std::string TempDir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("cakupan-synth-" + std::to_string(getpid()) + "-" + name);
  fs::remove_all(p);
  return p.string();
}

GenerateSummary MustGenerate(const GenerateOptions& o, const std::string& dir) {
  NullProgress progress;
  auto r = GenerateDataset(RealRegions(), RealPopulation(), o, dir, progress);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : GenerateSummary{};
}

// The Bengkulu demo at a tenth of its size, generated once for several tests.
class BengkuluDemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(TempDir("demo"));
    options_ = new GenerateOptions(BengkuluDemoOptions(70000, 100000));
    summary_ = new GenerateSummary(MustGenerate(*options_, *dir_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete options_;
    delete summary_;
  }
  static Checked Check(size_t period_index) {
    return CheckCoverage(RealRegions(), summary_->files.workers, summary_->files.members[period_index],
                         summary_->files.labour_force, summary_->periods[period_index]);
  }
  static std::string* dir_;
  static GenerateOptions* options_;
  static GenerateSummary* summary_;
};
std::string* BengkuluDemoTest::dir_ = nullptr;
GenerateOptions* BengkuluDemoTest::options_ = nullptr;
GenerateSummary* BengkuluDemoTest::summary_ = nullptr;

TEST_F(BengkuluDemoTest, ReproducesTheMonevFigures) {
  const Checked c = Check(5);
  const auto employed = [&](const char* code) { return static_cast<double>(c.employed.at(C(code).packed())); };
  EXPECT_NEAR(c.Coverage(C("17")), 0.37, 0.0005);
  EXPECT_NEAR(c.Coverage(RegionCode::National()), 0.39, 0.0005);
  EXPECT_NEAR(c.Coverage(C("17.04")), 0.75, 0.5 / employed("17.04"));
  EXPECT_NEAR(c.Coverage(C("17.07")), 0.17, 0.5 / employed("17.07"));
  // Kaur highest, Lebong lowest; Kota Bengkulu highest of the others.
  double kota = 0;
  for (const char* code : {"17.01", "17.02", "17.03", "17.05", "17.06", "17.08", "17.09", "17.71"}) {
    const double v = c.Coverage(C(code));
    EXPECT_GT(v, 0.17) << code;
    EXPECT_LT(v, 0.75) << code;
    if (std::string(code) == "17.71") kota = v;
  }
  for (const char* code : {"17.01", "17.02", "17.03", "17.05", "17.06", "17.08", "17.09"})
    EXPECT_LT(c.Coverage(C(code)), kota) << code;
  EXPECT_EQ(c.unattributed_active, 0);
  // Worker totals per scope.
  int64_t bengkulu = 0, rest = 0;
  for (const auto& [code, n] : c.registry) (C("17").Contains(RegionCode::FromPacked(code)) ? bengkulu : rest) += n;
  EXPECT_EQ(bengkulu, 70000);
  EXPECT_EQ(rest, 100000);
  EXPECT_EQ(summary_->workers, 170000);
}

TEST_F(BengkuluDemoTest, EveryRegencyHitsItsPlannedCountsExactly) {
  const Checked c = Check(5);
  ASSERT_EQ(c.employed.size(), summary_->regencies.size());
  for (const RegencyPlan& r : summary_->regencies) {
    const uint64_t k = r.region.packed();
    EXPECT_EQ(c.employed.at(k), r.employed) << r.region.ToString();
    EXPECT_EQ(c.registry.at(k), r.workers) << r.region.ToString();
    EXPECT_EQ(c.active.count(k) ? c.active.at(k) : 0, r.active) << r.region.ToString();
    EXPECT_EQ(c.unmatched_active.count(k) ? c.unmatched_active.at(k) : 0, r.unmatched_active);
    EXPECT_EQ(c.non_active.count(k) ? c.non_active.at(k) : 0, r.non_active) << r.region.ToString();
    EXPECT_LE(std::abs(static_cast<double>(r.active) / r.employed - r.coverage), 1.0 / r.employed);
  }
}

TEST_F(BengkuluDemoTest, CoverageGrowsOverTheSixMonths) {
  ASSERT_EQ(summary_->files.members.size(), 6u);
  EXPECT_EQ(summary_->periods.front(), Period::FromYearMonth(2024, 6));
  EXPECT_EQ(summary_->periods.back(), Period::FromYearMonth(2024, 11));
  double previous = 0;
  for (size_t i = 0; i < 6; ++i) {
    const double now = Check(i).Coverage(C("17"));
    EXPECT_GT(now, previous) << summary_->periods[i].ToString();
    previous = now;
  }
  EXPECT_LT(Check(0).Coverage(C("17")), 0.37 - 0.01);
}

TEST_F(BengkuluDemoTest, FilesHaveCanonicalHeadersAndUniqueKeys) {
  auto first_line = [](const std::string& path) {
    const std::string s = ReadFile(path);
    return s.substr(0, s.find('\n'));
  };
  EXPECT_EQ(first_line(summary_->files.workers),
            "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan");
  EXPECT_EQ(first_line(summary_->files.labour_force), "kode,periode,bekerja,formal,informal,sumber");
  EXPECT_EQ(first_line(summary_->files.targets), "kode,tahun,target");
  int64_t rows = 0;
  for (size_t i = 0; i < summary_->files.members.size(); ++i) {
    const std::string& path = summary_->files.members[i];
    EXPECT_EQ(fs::path(path).filename().string(), "kepesertaan-" + summary_->periods[i].ToString() + ".csv");
    EXPECT_EQ(first_line(path),
              "periode,nik,nama,tanggal_lahir,segmen,status,program,bulan_terakhir_bayar,npp,sumber_dana,"
              "kode_wilayah");
    std::set<std::tuple<std::string, std::string, std::string>> keys;
    auto csv = ReadCsv(path);
    for (size_t r = 1; r < csv.size(); ++r) {
      ASSERT_EQ(csv[r].size(), 11u);
      EXPECT_EQ(csv[r][0], summary_->periods[i].ToString());
      EXPECT_TRUE(keys.emplace(csv[r][1], csv[r][4], csv[r][8]).second) << "duplicate key in " << path;
    }
    rows += static_cast<int64_t>(csv.size()) - 1;
  }
  EXPECT_EQ(rows, summary_->memberships);
  const std::string all = ReadFile(summary_->files.workers);
  EXPECT_EQ(all.find('\r'), std::string::npos);
  EXPECT_NE(all.substr(0, 3), "\xEF\xBB\xBF");
}

TEST_F(BengkuluDemoTest, NiksDecodeToTheWorkerAndAreUnique) {
  const RegionTable& regions = RealRegions();
  const int year = options_->period.year();
  const Date reference = options_->period.FirstDay();
  std::map<uint64_t, std::pair<std::string, std::string>> registry;  // nik -> name, birth date
  auto workers = ReadCsv(summary_->files.workers);
  for (size_t i = 1; i < workers.size(); ++i) {
    const auto& w = workers[i];
    ASSERT_EQ(w.size(), 9u);
    ASSERT_EQ(w[0].size(), 16u);
    const uint64_t nik = std::stoull(w[0]);
    NikError err;
    auto info = DecodeNik(nik, year, &err);
    ASSERT_TRUE(info.has_value()) << NikErrorCode(err);
    EXPECT_EQ(SexCode(info->sex), w[2]);
    EXPECT_EQ(FormatIsoDate(info->birth_date), w[3]);
    EXPECT_NE(regions.Find(info->district), RegionTable::kNotFound) << w[0].substr(0, 6);
    const int age = AgeOn(info->birth_date, reference);
    EXPECT_GE(age, 15);
    EXPECT_LE(age, 70);
    // kode_desa is a listed village.
    auto village = RegionCode::Parse(w[4]);
    ASSERT_TRUE(village.has_value()) << w[4];
    EXPECT_EQ(village->level(), RegionLevel::kVillage);
    EXPECT_NE(regions.Find(*village), RegionTable::kNotFound) << w[4];
    EXPECT_TRUE(registry.emplace(nik, std::make_pair(w[1], w[3])).second) << "duplicate NIK";
  }
  // Extract: matched persons carry the registry's name and birth date;
  // unmatched persons decode too, with a NIK not in the registry.
  auto members = ReadCsv(summary_->files.members.back());
  int64_t unmatched = 0;
  for (size_t i = 1; i < members.size(); ++i) {
    const auto& m = members[i];
    const uint64_t nik = std::stoull(m[1]);
    auto it = registry.find(nik);
    if (it != registry.end()) {
      EXPECT_EQ(m[2], it->second.first);
      EXPECT_EQ(m[3], it->second.second);
      continue;
    }
    ++unmatched;
    auto info = DecodeNik(nik, year);
    ASSERT_TRUE(info.has_value());
    EXPECT_EQ(FormatIsoDate(info->birth_date), m[3]);
    EXPECT_NE(regions.Find(info->district), RegionTable::kNotFound);
  }
  EXPECT_GT(unmatched, 0);
}

TEST_F(BengkuluDemoTest, EveryBengkuluVillageHasWorkers) {
  const RegionTable& regions = RealRegions();
  std::set<std::string> villages;
  for (const auto& w : ReadCsv(summary_->files.workers)) villages.insert(w[4]);
  const int32_t bengkulu = regions.Find(C("17"));
  const auto listed = regions.DescendantsAtLevel(bengkulu, RegionLevel::kVillage);
  EXPECT_EQ(listed.size(), 1513u);
  for (int32_t v : listed) EXPECT_TRUE(villages.count(regions.code(v).ToString())) << regions.code(v).ToString();
}

TEST_F(BengkuluDemoTest, AttributesArePlausible) {
  auto workers = ReadCsv(summary_->files.workers);
  int64_t n = 0, men = 0, no_decile = 0, formal_kota = 0, kota = 0, formal_kab = 0, kab = 0;
  std::map<std::string, int64_t> occupation;
  for (size_t i = 1; i < workers.size(); ++i) {
    const auto& w = workers[i];
    ++n;
    men += w[2] == "L";
    no_decile += w[7].empty();
    ++occupation[w[6]];
    const bool is_kota = RegionCode::Parse(w[4])->kind() == RegionKind::kKelurahan &&
                         RegionCode::Parse(w[4])->regency() >= 71;
    const bool formal = w[5] == "formal";
    ASSERT_TRUE(formal || w[5] == "informal");
    (is_kota ? kota : kab)++;
    (is_kota ? formal_kota : formal_kab) += formal;
    const int decile = w[7].empty() ? 0 : std::stoi(w[7]);
    EXPECT_TRUE(decile >= 0 && decile <= 10);
    if (!formal && decile >= 1 && decile <= 4) {
      EXPECT_EQ(w[8], "ya");
    }
    if (formal && decile >= 3) {
      EXPECT_EQ(w[8], "tidak");
    }
    if (formal) {
      EXPECT_NE(w[6], "petani");
    }
    if (!formal) {
      EXPECT_NE(w[6], "karyawan swasta");
    }
  }
  EXPECT_NEAR(static_cast<double>(men) / n, 0.60, 0.01);
  EXPECT_NEAR(static_cast<double>(no_decile) / n, 0.10, 0.01);
  EXPECT_GT(static_cast<double>(formal_kota) / kota, static_cast<double>(formal_kab) / kab + 0.1);
  EXPECT_GT(occupation["petani"], 0);
  EXPECT_GT(occupation["ojek daring"], 0);
  EXPECT_GT(occupation["guru honorer"], 0);

  std::map<std::string, int64_t> segments, funding;
  for (const auto& m : ReadCsv(summary_->files.members.back())) {
    if (m[0] == "periode") continue;
    ++segments[m[4]];
    ++funding[m[9]];
    const bool has_npp = !m[8].empty();
    if (m[4] == "PU" || m[4] == "Jakon") {
      EXPECT_EQ(m[8].size(), 8u);
      EXPECT_EQ(m[9], "pemberi_kerja");
    } else {
      EXPECT_FALSE(has_npp);
    }
    if (m[4] == "PMI") {
      EXPECT_EQ(m[9], "mandiri");
    }
    if (m[5] == "aktif") {
      EXPECT_EQ(m[7], "2024-11");
    }
    if (m[5] == "non-aktif") {
      const Period last = Period::Parse(m[7]).value();
      EXPECT_LT(last, Period::FromYearMonth(2024, 11));
      EXPECT_GE(last, Period::FromYearMonth(2022, 11));
    }
    EXPECT_TRUE(m[10].empty() || RegionCode::Parse(m[10])->level() == RegionLevel::kRegency);
  }
  for (const char* s : {"PU", "BPU", "Jakon", "PMI"}) EXPECT_GT(segments[s], 0) << s;
  for (const char* f : {"mandiri", "pemberi_kerja", "apbd_provinsi", "apbd_kabupaten_kota", "apbdes", "csr", "baznas"})
    EXPECT_GT(funding[f], 0) << f;
}

TEST_F(BengkuluDemoTest, LabourForceAndTargets) {
  auto lf = ReadCsv(summary_->files.labour_force);
  std::map<std::string, int64_t> rows_per_period;
  std::map<std::string, std::set<int64_t>> employed_by_code;
  for (size_t i = 1; i < lf.size(); ++i) {
    ++rows_per_period[lf[i][1]];
    EXPECT_EQ(RegionCode::Parse(lf[i][0])->level(), RegionLevel::kRegency);
    EXPECT_EQ(std::stoll(lf[i][3]) + std::stoll(lf[i][4]), std::stoll(lf[i][2]));
    employed_by_code[lf[i][0]].insert(std::stoll(lf[i][2]));
  }
  EXPECT_EQ(rows_per_period.size(), 2u);
  EXPECT_EQ(rows_per_period["2024-02"], 514);
  EXPECT_EQ(rows_per_period["2024-08"], 514);
  for (const auto& [code, values] : employed_by_code) EXPECT_EQ(values.size(), 1u) << code;

  const std::string targets = ReadFile(summary_->files.targets);
  EXPECT_NE(targets.find("\n0,2024,0.39\n"), std::string::npos) << targets;
  EXPECT_NE(targets.find("\n17,2024,0.40\n"), std::string::npos) << targets;
  EXPECT_NE(targets.find("\n17.07,2024,0.25\n"), std::string::npos) << targets;
}

TEST(GeneratorTest, SameOptionsGiveIdenticalBytesAndAnotherSeedDiffers) {
  GenerateOptions o;
  o.scopes = {{C("17.07"), 3000}, {C("17.71"), 2000}};
  o.period = Period::FromYearMonth(2024, 11);
  o.periods = 3;
  o.profile.fixed = {{C("17.07"), 0.17}};
  const std::string a = TempDir("det-a"), b = TempDir("det-b"), c = TempDir("det-c");
  const GenerateSummary sa = MustGenerate(o, a), sb = MustGenerate(o, b);
  o.seed = 2;
  const GenerateSummary sc = MustGenerate(o, c);
  ASSERT_EQ(sa.files.members.size(), 3u);
  EXPECT_EQ(ReadFile(sa.files.workers), ReadFile(sb.files.workers));
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(ReadFile(sa.files.members[i]), ReadFile(sb.files.members[i]));
  EXPECT_EQ(ReadFile(sa.files.labour_force), ReadFile(sb.files.labour_force));
  EXPECT_NE(ReadFile(sa.files.workers), ReadFile(sc.files.workers));
  EXPECT_NE(ReadFile(sa.files.members[2]), ReadFile(sc.files.members[2]));
  // Same counts per regency for any seed: the plan does not depend on it
  // when coverage is fixed or the spread is not used.
  EXPECT_EQ(sa.regencies[0].active, sc.regencies[0].active);
  for (const auto& d : {a, b, c}) fs::remove_all(d);
}

TEST(GeneratorTest, FewWorkersLeaveSomeVillagesEmptyButKeepTotals) {
  GenerateOptions o;
  o.scopes = {{C("17"), 500}};  // fewer workers than Bengkulu's 1,513 villages
  o.period = Period::FromYearMonth(2024, 8);
  const std::string dir = TempDir("few");
  const GenerateSummary s = MustGenerate(o, dir);
  EXPECT_EQ(s.workers, 500);
  EXPECT_EQ(ReadCsv(s.files.workers).size(), 501u);
  // Kota Bengkulu (67 kelurahan) still has more workers than villages and
  // gives each one; elsewhere each sampled village gets a single worker.
  std::set<std::string> villages;
  for (const auto& w : ReadCsv(s.files.workers)) villages.insert(w[4]);
  EXPECT_EQ(s.villages_with_workers, static_cast<int64_t>(villages.size()) - 1);  // minus the header
  EXPECT_GT(s.villages_with_workers, 450);
  const Checked c =
      CheckCoverage(RealRegions(), s.files.workers, s.files.members[0], s.files.labour_force, o.period);
  for (const RegencyPlan& r : s.regencies) {
    const auto it = c.active.find(r.region.packed());
    EXPECT_EQ(it == c.active.end() ? 0 : it->second, r.active) << r.region.ToString();
  }
  // One period: the labour force row is the Sakernas month itself.
  auto lf = ReadCsv(s.files.labour_force);
  EXPECT_EQ(lf[1][1], "2024-08");
  fs::remove_all(dir);
}

TEST(GeneratorTest, InfeasibleProfileWritesNothing) {
  GenerateOptions o = BengkuluDemoOptions(10000, 10000);
  o.profile.fixed[C("17.01")] = 0.95;
  o.profile.fixed[C("17.02")] = 0.95;
  o.profile.fixed[C("17.03")] = 0.95;
  const std::string dir = TempDir("infeasible");
  NullProgress progress;
  auto r = GenerateDataset(RealRegions(), RealPopulation(), o, dir, progress);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
  EXPECT_FALSE(fs::exists(dir));
}

class CountingProgress : public Progress {
 public:
  void Begin(std::string_view, uint64_t total) override { total_ = total; }
  void Update(uint64_t done) override {
    EXPECT_GE(done, last_);
    last_ = done;
  }
  void End() override {}
  uint64_t total_ = 0, last_ = 0;
};

// Run by hand: the benchmark-sized data set (10 million workers, one
// period). Set CAKUPAN_SYNTH_BENCH_DIR to keep the files somewhere else than
// the temporary directory.
TEST(GeneratorTest, DISABLED_TenMillionWorkers) {
  GenerateOptions o;
  o.scopes = {{RegionCode::National(), 10000000}};
  o.period = Period::FromYearMonth(2024, 11);
  o.profile.national = 0.39;
  const char* env = std::getenv("CAKUPAN_SYNTH_BENCH_DIR");
  const std::string dir = env ? env : TempDir("ten-million");
  CountingProgress progress;
  const auto start = std::chrono::steady_clock::now();
  auto r = GenerateDataset(RealRegions(), RealPopulation(), o, dir, progress);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->workers, 10000000);
  EXPECT_EQ(progress.last_, 10000000u);
  std::printf("generated %lld workers, %lld memberships in %.1f s\n", static_cast<long long>(r->workers),
              static_cast<long long>(r->memberships), seconds);
  EXPECT_LT(seconds, 60);
  if (!env) fs::remove_all(dir);
}

}  // namespace
}  // namespace cakupan
