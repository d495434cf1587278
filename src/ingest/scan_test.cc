#include "ingest/scan.h"

#include <gtest/gtest.h>

#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::TempDir;

// Keeps every record as (line, first field).
class CollectingPart final : public ScanPart {
 public:
  using ScanPart::ScanPart;
  void OnRecord(const CsvRecord& r) override {
    ++diag.rows_read;
    records.emplace_back(r.line, std::string(r.fields[0]));
  }
  void ShiftLines(int64_t delta) override {
    for (auto& rec : records) rec.first += delta;
  }
  std::vector<std::pair<int64_t, std::string>> records;
};

std::vector<std::pair<int64_t, std::string>> Scan(const std::string& path, int threads, size_t* kept_parts,
                                                  std::string* hash) {
  auto src = OpenCsvSource(path, 64);
  EXPECT_TRUE(src.ok()) << src.status().ToString();
  ScanConfig config;
  config.threads = threads;
  config.block_bytes = 64;
  config.min_bytes_per_thread = 1;
  NullProgress progress;
  auto result = ScanCsv(**src, config, "test", progress,
                        [](std::atomic<int64_t>* shared) { return std::make_unique<CollectingPart>(shared); });
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  std::vector<std::pair<int64_t, std::string>> all;
  for (auto& p : result->parts) {
    auto* part = static_cast<CollectingPart*>(p.get());
    all.insert(all.end(), part->records.begin(), part->records.end());
  }
  *kept_parts = result->parts.size();
  *hash = result->file_hash;
  return all;
}

TEST(ScanCsvTest, SplitsAtRecordBoundaries) {
  TempDir dir;
  std::string content = "id,nama\n";
  for (int i = 0; i < 400; ++i) content += std::to_string(i) + ",nama" + std::to_string(i) + "\n";
  const std::string path = dir.Write("a.csv", content);
  size_t serial_parts = 0, parallel_parts = 0;
  std::string h1, h2;
  const auto serial = Scan(path, 1, &serial_parts, &h1);
  const auto parallel = Scan(path, 4, &parallel_parts, &h2);
  EXPECT_EQ(serial_parts, 1u);
  EXPECT_EQ(parallel_parts, 4u);
  EXPECT_EQ(serial, parallel);
  ASSERT_EQ(serial.size(), 400u);
  EXPECT_EQ(serial.back(), std::make_pair(int64_t{401}, std::string("399")));
  EXPECT_EQ(h1, h2);
  EXPECT_EQ(h1, HashHex(ContentHash(content)));
}

// A file of several content-hash chunks, with a BOM (the readers start after
// it): the hash is the same for every thread count and block size, and is
// ContentHash of the bytes.
TEST(ScanCsvTest, ContentHashDoesNotDependOnTheSplit) {
  TempDir dir;
  std::string content = "\xEF\xBB\xBFid,nama\n";
  for (int i = 0; content.size() < 2 * kContentHashChunk + 12345; ++i)
    content += std::to_string(i) + ",nama " + std::to_string(i * 7919) + "\n";
  const std::string path = dir.Write("h.csv", content);
  const std::string expected = HashHex(ContentHash(content));
  for (int threads : {1, 2, 3, 8}) {
    for (size_t block : {size_t{4096}, size_t{1} << 20, size_t{8} << 20}) {
      SCOPED_TRACE(::testing::Message() << threads << " threads, block " << block);
      auto src = OpenCsvSource(path, block);
      ASSERT_TRUE(src.ok());
      ScanConfig config;
      config.threads = threads;
      config.block_bytes = block;
      config.min_bytes_per_thread = 1;
      NullProgress progress;
      auto result = ScanCsv(**src, config, "test", progress,
                            [](std::atomic<int64_t>* shared) { return std::make_unique<CollectingPart>(shared); });
      ASSERT_TRUE(result.ok()) << result.status().ToString();
      EXPECT_EQ(result->file_hash, expected);
    }
  }
}

// The middle of the file is one quoted field over many lines: the guess that
// the newline after the nominal split ends a record is wrong, and part 0
// reads on to the end.
TEST(ScanCsvTest, WrongSplitGuessFallsBackToTheSerialResult) {
  TempDir dir;
  std::string content = "id,catatan\n1,a\n2,\"";
  for (int i = 0; i < 300; ++i) content += "baris " + std::to_string(i) + ",\n";
  content += "\"\n3,c\n4,d\n";
  const std::string path = dir.Write("q.csv", content);
  size_t kept = 0;
  std::string hash;
  const auto serial = Scan(path, 1, &kept, &hash);
  const auto parallel = Scan(path, 2, &kept, &hash);
  EXPECT_EQ(kept, 1u);
  EXPECT_EQ(parallel, serial);
  ASSERT_EQ(serial.size(), 4u);
  EXPECT_EQ(serial[2], std::make_pair(int64_t{304}, std::string("3")));
  EXPECT_EQ(serial[3], std::make_pair(int64_t{305}, std::string("4")));

  // With more parts, the wrong guesses are those inside the field only.
  const auto many = Scan(path, 8, &kept, &hash);
  EXPECT_EQ(many, serial);
  EXPECT_GE(kept, 1u);
}

}  // namespace
}  // namespace cakupan
