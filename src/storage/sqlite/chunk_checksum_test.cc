#include "storage/sqlite/chunk_checksum.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace cakupan::sqlite {
namespace {

// The checksum is part of the file format: these values must never change.
// (The Python version in docs/storage.md gives the same.)
TEST(ChunkChecksumTest, KnownValues) {
  EXPECT_EQ(ChunkChecksum("", 0), 0x6149264d5b2f8282ULL);
  EXPECT_EQ(ChunkChecksum("a", 1), 0x79c42f6d75bc0cafULL);
  const std::string text = "cakupan: jaminan sosial ketenagakerjaan per desa";
  EXPECT_EQ(ChunkChecksum(text.data(), text.size()), 0xf9081ed5b274681bULL);
}

TEST(ChunkChecksumTest, EveryLengthGivesADifferentValue) {
  std::vector<unsigned char> zeros(200, 0);
  std::set<uint64_t> seen;
  for (size_t n = 0; n <= zeros.size(); ++n) seen.insert(ChunkChecksum(zeros.data(), n));
  EXPECT_EQ(seen.size(), zeros.size() + 1);
}

TEST(ChunkChecksumTest, EverySingleBitFlipIsDetected) {
  std::vector<unsigned char> data(100);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<unsigned char>(i * 37 + 11);
  const uint64_t original = ChunkChecksum(data.data(), data.size());
  for (size_t byte = 0; byte < data.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      data[byte] ^= static_cast<unsigned char>(1 << bit);
      EXPECT_NE(ChunkChecksum(data.data(), data.size()), original) << byte << ":" << bit;
      data[byte] ^= static_cast<unsigned char>(1 << bit);
    }
  }
}

TEST(ChunkChecksumTest, SwappedWordsAreDetected) {
  std::vector<uint64_t> words = {1, 2, 3, 4, 5, 6, 7, 8};
  const uint64_t original = ChunkChecksum(words.data(), words.size() * 8);
  std::swap(words[0], words[4]);  // same lane position in two blocks
  EXPECT_NE(ChunkChecksum(words.data(), words.size() * 8), original);
  std::swap(words[0], words[4]);
  std::swap(words[0], words[1]);  // two lanes of one block
  EXPECT_NE(ChunkChecksum(words.data(), words.size() * 8), original);
}

}  // namespace
}  // namespace cakupan::sqlite
