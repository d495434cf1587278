#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::TempDir;

struct Rec {
  int64_t line;
  std::vector<std::string> fields;
  bool unterminated = false;
};

// Reads every record of `content` with blocks of `block` bytes.
std::vector<Rec> ReadAll(const std::string& content, size_t block, char delim = ',', Status* status = nullptr,
                         uint64_t begin = 0, uint64_t end = UINT64_MAX, std::string* hash = nullptr) {
  TempDir dir;
  auto file = InputFile::Open(dir.Write("t.csv", content));
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  ChunkHasher h(content.size());
  CsvReaderOptions o;
  o.delimiter = delim;
  o.block_bytes = block;
  o.begin = begin;
  o.end = end;
  o.max_record_bytes = 1 << 20;
  o.hasher = &h;
  CsvReader reader(*file, o);
  std::vector<Rec> out;
  CsvRecord r;
  while (reader.Next(&r)) {
    Rec rec{r.line, {}, r.unterminated_quote};
    for (std::string_view f : r.fields) rec.fields.emplace_back(f);
    out.push_back(std::move(rec));
  }
  if (status) *status = reader.status();
  else EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  if (hash) {
    auto v = FinishContentHash(*file, {&h});
    EXPECT_TRUE(v.ok());
    *hash = HashHex(*v);
  }
  return out;
}

TEST(CsvDialectTest, DetectsDelimiterFromHeader) {
  EXPECT_EQ(DetectCsvDialect("nik,nama,desa\n1;2;3\n").delimiter, ',');
  EXPECT_EQ(DetectCsvDialect("nik;nama;desa\n").delimiter, ';');
  EXPECT_EQ(DetectCsvDialect("nik\tnama\tdesa\r\n").delimiter, '\t');
  EXPECT_EQ(DetectCsvDialect("nik").delimiter, ',');
  // Delimiters inside quotes do not count.
  EXPECT_EQ(DetectCsvDialect("\"a;b;c\",d\n").delimiter, ',');
  EXPECT_EQ(DetectCsvDialect("\"Nama, lengkap\";nik;desa\n").delimiter, ';');
  // Leading blank lines are skipped.
  EXPECT_EQ(DetectCsvDialect("\n\r\nkode;nama\n").delimiter, ';');
}

TEST(CsvDialectTest, DetectsBom) {
  CsvDialect d = DetectCsvDialect("\xEF\xBB\xBFkode;nama\n");
  EXPECT_EQ(d.bom_bytes, 3u);
  EXPECT_EQ(d.delimiter, ';');
  EXPECT_EQ(DetectCsvDialect("kode,nama\n").bom_bytes, 0u);
}

class CsvReaderBlockTest : public ::testing::TestWithParam<size_t> {};

TEST_P(CsvReaderBlockTest, ParsesQuotingBlankLinesAndLineNumbers) {
  const std::string content =
      "a,b,c\r\n"
      "1,\"x,y\",3\r\n"
      "\r\n"
      "2,\"multi\nline\nvalue\",4\n"
      "\n"
      "3,\"say \"\"hi\"\"\",5\n"
      "  4  , trailing   ,\t6\t\n"
      ",,\n"
      "5,\"\",\"\"\n"
      "6,\"ab\"c,7";  // text after a closing quote; no final newline
  const std::vector<Rec> recs = ReadAll(content, GetParam());
  ASSERT_EQ(recs.size(), 7u);
  EXPECT_EQ(recs[0].line, 1);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "x,y", "3"}));
  EXPECT_EQ(recs[2].line, 4);
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"2", "multi\nline\nvalue", "4"}));
  EXPECT_EQ(recs[3].line, 8);
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"3", "say \"hi\"", "5"}));
  EXPECT_EQ(recs[4].line, 9);
  EXPECT_EQ(recs[4].fields, (std::vector<std::string>{"4", "trailing", "6"}));
  // line 10 (",,") is blank
  EXPECT_EQ(recs[5].line, 11);
  EXPECT_EQ(recs[5].fields, (std::vector<std::string>{"5", "", ""}));
  EXPECT_EQ(recs[6].line, 12);
  EXPECT_EQ(recs[6].fields, (std::vector<std::string>{"6", "abc", "7"}));
}

TEST_P(CsvReaderBlockTest, HashCoversEveryByte) {
  std::string content = "kode,nama\n";
  for (int i = 0; i < 200; ++i) content += std::to_string(i) + ",\"nama " + std::to_string(i) + "\"\n";
  std::string hash;
  const auto recs = ReadAll(content, GetParam(), ',', nullptr, 0, UINT64_MAX, &hash);
  EXPECT_EQ(recs.size(), 201u);
  EXPECT_EQ(hash, HashHex(ContentHash(content)));
}

// Random text over the characters that matter: the 64-byte fast path for
// records without quotes gives exactly the records of the general parser.
TEST(CsvReaderTest, FastPathAgreesWithTheGeneralParser) {
  std::mt19937 rng(5);
  const char alphabet[] = "ab,,;\n\n\r \t\"x";
  for (int round = 0; round < 300; ++round) {
    std::string content;
    const int len = static_cast<int>(rng() % 600);
    for (int i = 0; i < len; ++i) {
      // Mostly quote-free records, with some long fields (past 64 bytes).
      const char c = rng() % 10 == 0 ? alphabet[rng() % (sizeof alphabet - 1)] : "abcdefgh,\n"[rng() % 10];
      content += c;
      if (rng() % 200 == 0) content += std::string(70 + rng() % 100, 'y');
    }
    TempDir dir;
    auto file = InputFile::Open(dir.Write("r.csv", content));
    ASSERT_TRUE(file.ok());
    for (size_t block : {size_t{16}, size_t{63}, size_t{200}, size_t{1} << 20}) {
      std::vector<std::vector<Rec>> results;
      for (bool fast : {true, false}) {
        CsvReaderOptions o;
        o.block_bytes = block;
        o.max_record_bytes = 1 << 20;
        o.fast_unquoted = fast;
        CsvReader reader(*file, o);
        std::vector<Rec> out;
        CsvRecord r;
        while (reader.Next(&r)) {
          Rec rec{r.line, {}, r.unterminated_quote};
          for (std::string_view f : r.fields) rec.fields.emplace_back(f);
          out.push_back(std::move(rec));
        }
        ASSERT_TRUE(reader.status().ok());
        results.push_back(std::move(out));
      }
      ASSERT_EQ(results[0].size(), results[1].size()) << "block " << block << ": " << content;
      for (size_t i = 0; i < results[0].size(); ++i) {
        ASSERT_EQ(results[0][i].line, results[1][i].line) << content;
        ASSERT_EQ(results[0][i].fields, results[1][i].fields) << content;
        ASSERT_EQ(results[0][i].unterminated, results[1][i].unterminated) << content;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BlockSizes, CsvReaderBlockTest, ::testing::Values(16, 17, 31, 64, 1 << 20));

TEST(CsvReaderTest, SemicolonAndTab) {
  auto recs = ReadAll("a;b\n\"1;2\";3\n", 64, ';');
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1;2", "3"}));
  recs = ReadAll("a\tb\n1 \t 2\n", 64, '\t');
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsText) {
  auto recs = ReadAll("a,b\nJl. \"Mawar\",2\n", 64);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields[0], "Jl. \"Mawar\"");
}

TEST(CsvReaderTest, TrailingDelimiterGivesEmptyLastField) {
  auto recs = ReadAll("a,b,\n1,2,", 64);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "2", ""}));
}

TEST(CsvReaderTest, UnterminatedQuoteAtEndOfFileIsFlagged) {
  auto recs = ReadAll("a,b\n1,\"open\n2,3\n", 16);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_TRUE(recs[1].unterminated);
  EXPECT_EQ(recs[1].fields[1], "open\n2,3\n");
  EXPECT_FALSE(recs[0].unterminated);
}

TEST(CsvReaderTest, RecordLongerThanLimitIsAnError) {
  std::string content = "a,b\n1,\"" + std::string(3 << 20, 'x') + "\"\n";
  Status st;
  ReadAll(content, 64 << 10, ',', &st);
  EXPECT_EQ(st.code(), StatusCode::kDataError);
}

TEST(CsvReaderTest, ReadsOnlyRecordsStartingInRange) {
  const std::string content = "h\n1\n\"2\n2\"\n3\n4\n";
  // Offsets: "h\n"=0, "1\n"=2, "\"2\n2\"\n"=4, "3\n"=10, "4\n"=12.
  auto recs = ReadAll(content, 16, ',', nullptr, 2, 10);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].fields[0], "1");
  EXPECT_EQ(recs[1].fields[0], "2\n2");
  // A record starting before `end` is read past it.
  recs = ReadAll(content, 16, ',', nullptr, 2, 5);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields[0], "2\n2");
}

TEST(InputFileTest, MissingFileIsIoError) {
  auto f = InputFile::Open("/nonexistent/dir/pekerja.csv");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kIoError);
  EXPECT_NE(f.status().message().find("pekerja.csv"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
