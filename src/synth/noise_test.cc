#include "synth/noise.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "base/date.h"
#include "domain/nik.h"
#include "ingest/readers.h"
#include "synth/synth_testing.h"

namespace cakupan {
namespace {

namespace fs = std::filesystem;
using synth_testing::ReadCsv;
using synth_testing::ReadFile;
using synth_testing::RealPopulation;
using synth_testing::RealRegions;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct VariantCase {
  const char* name;
  std::vector<const char*> expected;  // each must be among the variants
};

TEST(NoiseTest, SpellingVariantsProduceTheListedForms) {
  const std::vector<VariantCase> cases = {
      {"MUHAMMAD RIZKY", {"MUHAMAD RIZKY", "MOHAMMAD RIZKY", "MOHAMAD RIZKY", "MOCHAMMAD RIZKY", "MOH. RIZKY",
                          "MOCH. RIZKY", "M. RIZKY"}},
      {"MOH. SALEH", {"MUHAMMAD SALEH", "M. SALEH"}},
      {"SUPARMAN", {"SOEPARMAN"}},
      {"SOEKARNO", {"SUKARNO"}},
      {"JOKO SUSILO", {"DJOKO SUSILO", "JOKO SOESILO"}},
      {"DJUANDA", {"JUANDA"}},
      {"CAHYO", {"TJAHYO"}},
      {"TJIPTO", {"CIPTO"}},
      {"KHAIRUL", {"CHAIRUL"}},
      {"CHAIRUL", {"KHAIRUL"}},
      {"SYAFRIL", {"SJAFRIL"}},
      {"SJAHRIR", {"SYAHRIR"}},
      {"YANTI", {"JANTI"}},
      {"ANNISA", {"ANISA"}},
      {"ANISA", {"ANNISA"}},
  };
  for (const VariantCase& c : cases) {
    const std::vector<std::string> v = SpellingVariants(c.name);
    for (const char* e : c.expected) EXPECT_TRUE(Contains(v, e)) << c.name << " -> " << e;
    EXPECT_FALSE(Contains(v, c.name)) << c.name;
  }
  EXPECT_TRUE(SpellingVariants("I").empty());
  EXPECT_TRUE(SpellingVariants("H.").empty());
}

// Optimal string alignment distance (independent of the code under test).
int Osa(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

TEST(NoiseTest, TypoIsExactlyOneEditOfALetter) {
  Rng rng(5);
  std::map<int, int> by_length_change;
  for (int i = 0; i < 2000; ++i) {
    const std::string name = i % 2 ? "SITI NURHALIZA" : "I MADE SUARTA";
    const std::string typo = TypoOf(name, rng);
    ASSERT_EQ(Osa(name, typo), 1) << name << " -> " << typo;
    ++by_length_change[static_cast<int>(typo.size()) - static_cast<int>(name.size())];
  }
  // Deletions, insertions and same-length edits all occur.
  EXPECT_GT(by_length_change[-1], 200);
  EXPECT_GT(by_length_change[1], 200);
  EXPECT_GT(by_length_change[0], 600);
}

TEST(NoiseTest, ExcelTitleCaseAndErrorCodes) {
  EXPECT_EQ(ExcelNikText(1704074105920001ULL), "1.70407E+15");
  EXPECT_EQ(ExcelNikText(1704075105920001ULL), "1.70408E+15");
  EXPECT_EQ(ExcelNikText(1700000000000001ULL), "1.7E+15");
  EXPECT_EQ(TitleCase("H. BUDI SANTOSO, S.PD."), "H. Budi Santoso, S.pd.");
  std::string codes;
  AppendNoiseErrors(kErrNameVariant | kErrNikDigit | kErrDuplicate, codes);
  EXPECT_EQ(codes, "name_variant|nik_digit|duplicate");
}

TEST(NoiseTest, DefaultOptionsAreValidAndScaleOneIsTheDefault) {
  const NoiseOptions d = NoiseOptions::Default();
  EXPECT_TRUE(d.any());
  EXPECT_FALSE(NoiseOptions{}.any());
  EXPECT_FALSE(d.Scaled(0).any());
  EXPECT_DOUBLE_EQ(d.Scaled(2).registry.name_variant, 2 * d.registry.name_variant);
  EXPECT_EQ(d.extract.nik_digit, 0);
}

// --- A noisy data set against the clean one with the same seed --------------

std::string TempDir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("cakupan-noise-" + std::to_string(getpid()) + "-" + name);
  fs::remove_all(p);
  return p.string();
}

using Rows = std::vector<std::vector<std::string>>;

class NoisyDatasetTest : public ::testing::Test {
 protected:
  static constexpr int64_t kWorkers = 50000;
  static GenerateOptions Options(bool noise) {
    GenerateOptions o;
    o.scopes = {{RegionCode::Parse("17").value(), kWorkers}};
    o.seed = 4242;
    o.period = Period::FromYearMonth(2024, 11);
    o.periods = 2;
    if (noise) o.noise = NoiseOptions::Default();
    return o;
  }
  static GenerateSummary Generate(const GenerateOptions& o, const std::string& dir) {
    NullProgress progress;
    auto r = GenerateDataset(RealRegions(), RealPopulation(), o, dir, progress);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : GenerateSummary{};
  }
  static void SetUpTestSuite() {
    clean_dir_ = new std::string(TempDir("clean"));
    noisy_dir_ = new std::string(TempDir("noisy"));
    clean_ = new GenerateSummary(Generate(Options(false), *clean_dir_));
    noisy_ = new GenerateSummary(Generate(Options(true), *noisy_dir_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*clean_dir_);
    fs::remove_all(*noisy_dir_);
    delete clean_dir_;
    delete noisy_dir_;
    delete clean_;
    delete noisy_;
  }
  static std::string* clean_dir_;
  static std::string* noisy_dir_;
  static GenerateSummary* clean_;
  static GenerateSummary* noisy_;
};
std::string* NoisyDatasetTest::clean_dir_ = nullptr;
std::string* NoisyDatasetTest::noisy_dir_ = nullptr;
GenerateSummary* NoisyDatasetTest::clean_ = nullptr;
GenerateSummary* NoisyDatasetTest::noisy_ = nullptr;

bool Has(const std::string& kinds, const char* kind) {
  size_t b = 0;
  while (b <= kinds.size()) {
    size_t e = kinds.find('|', b);
    if (e == std::string::npos) e = kinds.size();
    if (kinds.compare(b, e - b, kind) == 0) return true;
    b = e + 1;
  }
  return false;
}

TEST_F(NoisyDatasetTest, SameSeedGivesTheSameFilesAndTruthOnlyWithNoise) {
  EXPECT_TRUE(clean_->files.truth.empty());
  EXPECT_FALSE(fs::exists(*clean_dir_ + "/kebenaran.csv"));
  ASSERT_EQ(noisy_->files.truth, *noisy_dir_ + "/kebenaran.csv");
  const std::string again = TempDir("again");
  const GenerateSummary s = Generate(Options(true), again);
  EXPECT_EQ(ReadFile(s.files.workers), ReadFile(noisy_->files.workers));
  EXPECT_EQ(ReadFile(s.files.members[1]), ReadFile(noisy_->files.members[1]));
  EXPECT_EQ(ReadFile(s.files.truth), ReadFile(noisy_->files.truth));
  fs::remove_all(again);
  // The plan (and so the counts) does not depend on noise.
  ASSERT_EQ(clean_->regencies.size(), noisy_->regencies.size());
  for (size_t i = 0; i < clean_->regencies.size(); ++i)
    EXPECT_EQ(clean_->regencies[i].active, noisy_->regencies[i].active);
  EXPECT_GT(noisy_->registry_rows, kWorkers);
  EXPECT_EQ(clean_->registry_rows, kWorkers);
}

// Every noisy row, found through the truth, equals its clean row except in
// the fields its recorded errors allow, and differs where they say.
TEST_F(NoisyDatasetTest, TruthHasOneRowPerDataRowAndExplainsEveryDifference) {
  const Rows truth = ReadCsv(noisy_->files.truth);
  ASSERT_EQ(truth[0], (std::vector<std::string>{"berkas", "baris", "nik_asli", "kesalahan"}));
  const Rows clean = ReadCsv(clean_->files.workers);
  const Rows noisy = ReadCsv(noisy_->files.workers);
  std::unordered_map<std::string, size_t> clean_row;
  for (size_t i = 1; i < clean.size(); ++i) clean_row[clean[i][0]] = i;

  std::map<std::string, Rows> files;
  files["pekerja.csv"] = noisy;
  std::map<std::string, std::unordered_map<std::string, size_t>> clean_members;
  for (size_t k = 0; k < noisy_->files.members.size(); ++k) {
    const std::string base = fs::path(noisy_->files.members[k]).filename().string();
    files[base] = ReadCsv(noisy_->files.members[k]);
  }
  std::map<std::string, int64_t> truth_rows;
  std::set<std::pair<std::string, int64_t>> seen;
  for (size_t t = 1; t < truth.size(); ++t) {
    const std::string& file = truth[t][0];
    const int64_t line = std::stoll(truth[t][1]);
    const std::string& nik = truth[t][2];
    const std::string& kinds = truth[t][3];
    ASSERT_TRUE(files.count(file)) << file;
    ASSERT_TRUE(seen.emplace(file, line).second) << file << ":" << line;
    ++truth_rows[file];
    const std::vector<std::string>& row = files[file][static_cast<size_t>(line - 1)];
    if (file != "pekerja.csv") {
      EXPECT_EQ(row[1], nik) << "extract NIKs are true NIKs";
      continue;
    }
    ASSERT_TRUE(clean_row.count(nik)) << "true NIK of line " << line << " is a registry worker";
    const std::vector<std::string>& c = clean[clean_row[nik]];
    // NIK.
    if (Has(kinds, "nik_missing")) {
      EXPECT_EQ(row[0], "");
    } else if (Has(kinds, "nik_excel")) {
      EXPECT_EQ(row[0], ExcelNikText(std::stoull(nik)));
    } else if (Has(kinds, "nik_digit") || Has(kinds, "nik_transposed")) {
      ASSERT_EQ(row[0].size(), 16u);
      std::vector<size_t> diff;
      for (size_t i = 0; i < 16; ++i)
        if (row[0][i] != nik[i]) diff.push_back(i);
      if (Has(kinds, "nik_digit")) {
        EXPECT_EQ(diff.size(), 1u) << row[0] << " " << nik;
      } else {
        ASSERT_EQ(diff.size(), 2u) << row[0] << " " << nik;
        EXPECT_EQ(diff[1], diff[0] + 1);
        EXPECT_EQ(row[0][diff[0]], nik[diff[1]]);
      }
      EXPECT_FALSE(clean_row.count(row[0])) << "a wrong NIK is never another worker's";
    } else {
      EXPECT_EQ(row[0], nik);
    }
    // Name.
    const bool name_error = kinds.find("name_") != std::string::npos;
    if (name_error) {
      EXPECT_NE(row[1], c[1]) << kinds;
    } else {
      EXPECT_EQ(row[1], c[1]);
    }
    // Birth date.
    if (Has(kinds, "date_swapped")) {
      EXPECT_EQ(row[3].substr(0, 4), c[3].substr(0, 4));
      EXPECT_EQ(row[3].substr(5, 2), c[3].substr(8, 2));
      EXPECT_EQ(row[3].substr(8, 2), c[3].substr(5, 2));
    } else {
      EXPECT_EQ(row[3], c[3]);
    }
    // Village: another one for a second enumeration, else the same.
    if (Has(kinds, "duplicate")) {
      EXPECT_NE(row[4], c[4]);
      EXPECT_EQ(row[4].substr(0, 5), c[4].substr(0, 5)) << "same regency";
    } else {
      EXPECT_EQ(row[4], c[4]);
    }
    for (size_t col : {2u, 5u, 6u, 7u, 8u}) EXPECT_EQ(row[col], c[col]) << col;
  }
  for (const auto& [file, rows] : files) EXPECT_EQ(truth_rows[file], static_cast<int64_t>(rows.size()) - 1) << file;
}

TEST_F(NoisyDatasetTest, MeasuredRatesMatchTheOptions) {
  const NoiseOptions o = NoiseOptions::Default();
  const Rows truth = ReadCsv(noisy_->files.truth);
  const Rows clean = ReadCsv(clean_->files.workers);
  std::unordered_map<std::string, size_t> clean_row;
  for (size_t i = 1; i < clean.size(); ++i) clean_row[clean[i][0]] = i;

  std::map<std::string, double> count, extract_count;
  double rows = 0, multiword = 0, variantable = 0, swappable = 0, extract_rows = 0, originals = 0;
  for (size_t t = 1; t < truth.size(); ++t) {
    const std::string& kinds = truth[t][3];
    std::vector<std::string> split;
    for (size_t b = 0; b < kinds.size();) {
      size_t e = kinds.find('|', b);
      if (e == std::string::npos) e = kinds.size();
      split.push_back(kinds.substr(b, e - b));
      b = e + 1;
    }
    if (truth[t][0] != "pekerja.csv") {
      if (truth[t][0] != "kepesertaan-2024-11.csv") continue;
      ++extract_rows;
      for (const auto& k : split) ++extract_count[k];
      continue;
    }
    ++rows;
    for (const auto& k : split) ++count[k];
    if (!Has(kinds, "duplicate")) ++originals;
    const std::vector<std::string>& c = clean[clean_row[truth[t][2]]];
    if (c[1].find(' ') != std::string::npos) ++multiword;
    if (!SpellingVariants(c[1]).empty()) ++variantable;
    const int month = std::stoi(c[3].substr(5, 2)), day = std::stoi(c[3].substr(8, 2));
    if (day <= 12 && day != month) ++swappable;
  }
  ASSERT_GT(rows, 50000);
  ASSERT_GT(extract_rows, 10000);
  // Within four standard deviations of a binomial share.
  auto expect_rate = [](double n, double k, double p, const char* what) {
    const double tolerance = 4 * std::sqrt(p * (1 - p) / n) + 1e-9;
    EXPECT_NEAR(k / n, p, tolerance) << what << " over " << n << " records";
  };
  const SourceNoise& r = o.registry;
  expect_rate(rows, count["name_typo"], r.name_typo, "name_typo");
  // A variant needs an applicable rule (and a word may already be gone).
  expect_rate(variantable, count["name_variant"], r.name_variant, "name_variant");
  expect_rate(rows, count["name_title"], r.name_title, "name_title");
  expect_rate(rows, count["name_case"], r.name_case, "name_case");
  expect_rate(rows, count["name_stray"], r.name_stray, "name_stray");
  expect_rate(multiword, count["name_token_dropped"], r.name_token_dropped, "name_token_dropped");
  expect_rate(rows, count["nik_digit"], r.nik_digit, "nik_digit");
  expect_rate(rows, count["nik_transposed"], r.nik_transposed, "nik_transposed");
  expect_rate(rows, count["nik_missing"], r.nik_missing, "nik_missing");
  expect_rate(rows, count["nik_excel"], r.nik_excel, "nik_excel");
  expect_rate(swappable, count["date_swapped"], r.date_swapped, "date_swapped");
  expect_rate(originals, count["duplicate"], r.duplicate, "duplicate");
  expect_rate(extract_rows, extract_count["name_typo"], o.extract.name_typo, "extract name_typo");
  expect_rate(extract_rows, extract_count["name_variant"], o.extract.name_variant, "extract name_variant");
  for (const char* none : {"nik_digit", "nik_transposed", "nik_missing", "nik_excel", "duplicate", "name_title"})
    EXPECT_EQ(extract_count[none], 0) << none;
}

// The importer keeps every noisy registry row, except second enumerations
// that kept the first copy's NIK: those are rejected as "NIK ganda" (the
// exact dedupe).
TEST_F(NoisyDatasetTest, EveryNoisyRegistryRowImportsExceptExactDuplicates) {
  ReadOptions ro;
  ro.regions = &RealRegions();
  ro.reference_year = 2024;
  ro.threads = 2;
  ro.min_bytes_per_thread = 1 << 20;
  NullProgress progress;
  auto batch = ReadWorkersCsv(noisy_->files.workers, ro, progress);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  const Rows noisy = ReadCsv(noisy_->files.workers);
  const Rows truth = ReadCsv(noisy_->files.truth);
  std::set<std::string> seen;
  std::set<int64_t> expected_rejected;
  for (size_t i = 1; i < noisy.size(); ++i) {
    const std::string& nik = noisy[i][0];
    if (nik.size() == 16 && !seen.insert(nik).second) expected_rejected.insert(static_cast<int64_t>(i + 1));
  }
  std::map<int64_t, std::string> kinds_of_line;
  for (size_t t = 1; t < truth.size(); ++t)
    if (truth[t][0] == "pekerja.csv") kinds_of_line[std::stoll(truth[t][1])] = truth[t][3];
  const ReadReport& rep = batch->report;
  EXPECT_EQ(rep.accepted + rep.rejected, noisy_->registry_rows);
  EXPECT_EQ(rep.rejected, static_cast<int64_t>(expected_rejected.size()));
  EXPECT_GT(rep.rejected, 0);
  for (const Rejection& rej : rep.rejections) {
    EXPECT_TRUE(expected_rejected.count(rej.line)) << rej.line << " " << rej.reason;
    EXPECT_TRUE(Has(kinds_of_line[rej.line], "duplicate")) << rej.line;
  }
  // Workers without a usable NIK are kept under a synthetic key.
  int64_t synthetic = 0;
  for (uint64_t k : batch->rows.nik) synthetic += IsSyntheticWorkerKey(k);
  int64_t missing_or_excel = 0;
  for (const auto& [line, kinds] : kinds_of_line)
    missing_or_excel += Has(kinds, "nik_missing") || Has(kinds, "nik_excel");
  EXPECT_GE(synthetic, missing_or_excel);
}

}  // namespace
}  // namespace cakupan
