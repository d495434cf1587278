#include "ingest/content_hash.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/csv_reader.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::TempDir;

// 3 MiB + 5 bytes: byte i = (i * 131 + i / 7) % 256.
std::string Pattern() {
  std::string s(3 * kContentHashChunk + 5, '\0');
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>((i * 131 + i / 7) % 256);
  return s;
}

// Values from the Python definition in docs/data-formats.md: they pin the
// function, which must not change (stored import logs hold its values).
TEST(ContentHashTest, KnownValues) {
  EXPECT_EQ(Fnv1a64x4("", 0), 0x6149264d5b2f8282ULL);
  EXPECT_EQ(Fnv1a64x4("a", 1), 0x79c42f6d75bc0cafULL);
  EXPECT_EQ(HashHex(ContentHash("")), "6149264d5b2f8282");
  EXPECT_EQ(HashHex(ContentHash("a")), "33922d4089556734");
  EXPECT_EQ(HashHex(ContentHash("nik,nama\n")), "0083f0a5438b3119");
  EXPECT_EQ(HashHex(ContentHash(Pattern())), "4747d832871a9ce7");
}

TEST(ContentHashTest, HexIsSixteenLowercaseDigits) {
  EXPECT_EQ(HashHex(0), "0000000000000000");
  EXPECT_EQ(HashHex(0xABCDEF0123456789ULL), "abcdef0123456789");
}

// Feeds [begin, end) of `bytes` to a ChunkHasher in pieces of `piece` bytes.
ChunkHasher Feed(const std::string& bytes, size_t begin, size_t end, size_t piece) {
  ChunkHasher h(bytes.size());
  for (size_t at = begin; at < end; at += piece) h.Update(at, bytes.data() + at, std::min(piece, end - at));
  return h;
}

TEST(ChunkHasherTest, RecordsOnlyChunksSeenWhole) {
  const std::string bytes = Pattern();
  for (size_t piece : {size_t{1}, size_t{31}, size_t{32}, size_t{4096}, size_t{1000003}, size_t{8} << 20}) {
    SCOPED_TRACE(piece);
    // From offset 100: chunk 0 is incomplete, chunks 1..3 (the last is 5 bytes) whole.
    const ChunkHasher h = Feed(bytes, 100, bytes.size(), piece);
    ASSERT_EQ(h.chunks().size(), 3u);
    for (size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(h.chunks()[k].index, k + 1);
      const size_t at = (k + 1) * kContentHashChunk;
      const size_t n = std::min<size_t>(kContentHashChunk, bytes.size() - at);
      EXPECT_EQ(h.chunks()[k].hash, Fnv1a64x4(bytes.data() + at, n));
    }
  }
}

TEST(ChunkHasherTest, AGapAbandonsTheChunkUnderWay) {
  const std::string bytes = Pattern();
  ChunkHasher h(bytes.size());
  h.Update(0, bytes.data(), 1000);
  h.Update(2000, bytes.data() + 2000, 2 * kContentHashChunk - 2000);  // skips 1000..2000
  ASSERT_EQ(h.chunks().size(), 1u);
  EXPECT_EQ(h.chunks()[0].index, 1u);
}

// Whatever the readers covered, FinishContentHash reads the rest: the value
// is always ContentHash of the file.
TEST(ChunkHasherTest, FinishReadsTheChunksNoHasherSaw) {
  TempDir dir;
  const std::string bytes = Pattern();
  auto file = InputFile::Open(dir.Write("p.bin", bytes));
  ASSERT_TRUE(file.ok());
  const uint64_t expected = ContentHash(bytes);
  const ChunkHasher none(bytes.size());
  const ChunkHasher head = Feed(bytes, 3, kContentHashChunk + 10, 4096);
  const ChunkHasher tail = Feed(bytes, kContentHashChunk + 7, bytes.size(), 65536);
  const ChunkHasher all = Feed(bytes, 0, bytes.size(), 8 << 20);
  for (const std::vector<const ChunkHasher*>& hs : std::vector<std::vector<const ChunkHasher*>>{
           {}, {&none}, {&head}, {&tail}, {&head, &tail}, {&all}, {&all, &tail}}) {
    auto h = FinishContentHash(*file, hs);
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(*h, expected);
  }
}

}  // namespace
}  // namespace cakupan
