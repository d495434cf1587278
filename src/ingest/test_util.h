// Helpers for the ingest tests: a temporary directory that cleans itself up,
// a small Bengkulu region table, and report checks. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "base/i18n.h"
#include "base/progress.h"
#include "domain/region_table.h"
#include "ingest/read_report.h"
#include "ingest/readers.h"

namespace cakupan {
namespace testing_util {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("cakupan_ingest_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string Write(const std::string& name, const std::string& content) const {
    const std::string p = (path_ / name).string();
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Bengkulu (17): Kaur (17.04) district Nasal (17.04.07) with villages 2001,
// 2010; Kota Bengkulu (17.71) district 17.71.01 with kelurahan 1001 (names as in data/wilayah).
inline RegionTable SmallRegions() {
  std::vector<RegionRecord> records = {
      {*RegionCode::Parse("17"), "Bengkulu"},
      {*RegionCode::Parse("17.04"), "Kabupaten Kaur"},
      {*RegionCode::Parse("17.04.07"), "Nasal"},
      {*RegionCode::Parse("17.04.07.2001"), "Muara Dua"},
      {*RegionCode::Parse("17.04.07.2010"), "Batu Lungun"},
      {*RegionCode::Parse("17.71"), "Kota Bengkulu"},
      {*RegionCode::Parse("17.71.01"), "Selebar"},
      {*RegionCode::Parse("17.71.01.1001"), "Pagar Dewa"},
  };
  return RegionTable::Build(std::move(records)).value();
}

// rows_read == accepted + rejected, and one rejection entry per rejected row.
inline void ExpectConsistent(const ReadReport& r) {
  EXPECT_EQ(r.rows_read, r.accepted + r.rejected) << r.file_name;
  EXPECT_EQ(static_cast<int64_t>(r.rejections.size()), r.rejected);
  for (size_t i = 1; i < r.rejections.size(); ++i) EXPECT_LE(r.rejections[i - 1].line, r.rejections[i].line);
}

// Records every progress call.
class RecordingProgress final : public Progress {
 public:
  void Begin(std::string_view label, uint64_t total) override {
    labels.emplace_back(label);
    totals.push_back(total);
  }
  void Update(uint64_t done) override { updates.push_back(done); }
  void End() override { ++ends; }

  std::vector<std::string> labels;
  std::vector<uint64_t> totals;
  std::vector<uint64_t> updates;
  int ends = 0;
};

// Sets the language for one test and restores Indonesian after it.
class ScopedLanguage {
 public:
  explicit ScopedLanguage(Lang lang) { SetLanguage(lang); }
  ~ScopedLanguage() { SetLanguage(Lang::kId); }
};

}  // namespace testing_util
}  // namespace cakupan
