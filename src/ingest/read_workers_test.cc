#include <gtest/gtest.h>

#include <random>

#include "domain/nik.h"
#include "ingest/csv_reader.h"
#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ExpectConsistent;
using testing_util::TempDir;

constexpr char kHeader[] = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan\n";

class ReadWorkersTest : public ::testing::Test {
 protected:
  ReadWorkersTest() : regions_(testing_util::SmallRegions()) {
    options_.regions = &regions_;
    options_.reference_year = 2024;
  }

  Result<WorkerBatch> Read(const std::string& content, const std::string& name = "pekerja.csv") {
    return ReadWorkersCsv(dir_.Write(name, content), options_, progress_);
  }

  TempDir dir_;
  RegionTable regions_;
  ReadOptions options_;
  NullProgress progress_;
};

TEST_F(ReadWorkersTest, ReadsCanonicalFile) {
  auto b = Read(std::string(kHeader) +
                "1704074105920001,Siti Aminah,P,1992-05-01,17.04.07.2010,informal,Petani,3,ya\n"
                "1771010101850002,  Budi   Santoso ,,,17.71.01.1001,formal,Guru,,tidak\n"
                "1704071505920003,,,,17.04.07.2001,,,,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->report.rows_read, 3);
  EXPECT_EQ(b->report.accepted, 3);
  EXPECT_EQ(b->report.file_name, "pekerja.csv");
  EXPECT_EQ(b->report.delimiter, ',');
  EXPECT_EQ(b->report.warning_count, 0);
  const WorkerTable& t = b->rows;
  ASSERT_TRUE(t.Validate().ok());
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.nik[0], 1704074105920001ULL);
  EXPECT_EQ(t.name[0], "Siti Aminah");
  EXPECT_EQ(t.name[1], "Budi Santoso");
  EXPECT_EQ(t.name[2], "");
  EXPECT_EQ(t.sex[0], static_cast<uint8_t>(Sex::kFemale));
  EXPECT_EQ(t.sex[1], static_cast<uint8_t>(Sex::kMale));  // from the NIK
  EXPECT_EQ(FormatIsoDate(t.birth_date[0]), "1992-05-01");
  EXPECT_EQ(FormatIsoDate(t.birth_date[1]), "1985-01-01");  // from the NIK
  EXPECT_EQ(RegionCode::FromPacked(t.village[0]).ToString(), "17.04.07.2010");
  EXPECT_EQ(t.formality[0], static_cast<uint8_t>(Formality::kInformal));
  EXPECT_EQ(t.formality[2], static_cast<uint8_t>(Formality::kUnknown));
  EXPECT_EQ(t.occupations[t.occupation[0]], "Petani");
  EXPECT_EQ(t.occupations[t.occupation[1]], "Guru");
  EXPECT_EQ(t.occupation[2], 0);
  EXPECT_EQ(t.decile[0], 3);
  EXPECT_EQ(t.decile[1], 0);
  EXPECT_EQ(t.vulnerability[0], static_cast<uint8_t>(Vulnerability::kVulnerable));
  EXPECT_EQ(t.vulnerability[1], static_cast<uint8_t>(Vulnerability::kNotVulnerable));
  EXPECT_EQ(b->lines, (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(b->report.file_hash, HashHex(ContentHash(testing_util::ReadFileText(dir_.Path("pekerja.csv")))));
}

TEST_F(ReadWorkersTest, MissingTrailingFieldsAreEmpty) {
  auto b = Read(std::string(kHeader) + "1704074105920001,Siti,P,1992-05-01,17.04.07.2010\n"
                                       "1704071505920003,Budi,,,17.04.07.2001,formal\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  ASSERT_EQ(b->rows.size(), 2u);
  EXPECT_EQ(b->rows.formality[0], static_cast<uint8_t>(Formality::kUnknown));
  EXPECT_EQ(b->rows.formality[1], static_cast<uint8_t>(Formality::kFormal));
  EXPECT_EQ(b->rows.decile[1], 0);
}

TEST_F(ReadWorkersTest, InternsOccupationsOnce) {
  auto b = Read(std::string(kHeader) +
                "1704074105920001,,,,17.04.07.2010,,Petani,,\n"
                "1704071505920003,,,,17.04.07.2010,,\"  Petani \",,\n"
                "1771010101850002,,,,17.71.01.1001,,Buruh  harian,,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->rows.occupations, (std::vector<std::string>{"", "Petani", "Buruh harian"}));
  EXPECT_EQ(b->rows.occupation, (std::vector<uint16_t>{1, 1, 2}));
}

// The same rows in every dialect: ';' with BOM and CRLF, TAB, quoted cells.
TEST_F(ReadWorkersTest, ReadsEveryDialect) {
  const std::string rows[] = {"1704074105920001", "Siti Aminah", "P", "01/05/1992", "17.04.07.2010"};
  for (const char delim : {',', ';', '\t'}) {
    for (const bool bom : {false, true}) {
      for (const char* eol : {"\n", "\r\n"}) {
        std::string d(1, delim);
        std::string content = bom ? "\xEF\xBB\xBF" : "";
        content += "NIK" + d + "Nama" + d + "JK" + d + "Tgl Lahir" + d + "Kode Desa" + eol;
        content += rows[0] + d + "\"" + rows[1] + "\"" + d + rows[2] + d + rows[3] + d + rows[4] + eol;
        content += std::string(eol) + "1771010101850002" + d + "\"Budi" + d + " \"\"Ucok\"\"\"" + d + "L" + d + d +
                   "17.71.01.1001";  // no final newline
        auto b = Read(content);
        ASSERT_TRUE(b.ok()) << b.status().ToString();
        ExpectConsistent(b->report);
        EXPECT_EQ(b->report.delimiter, delim);
        EXPECT_EQ(b->report.had_bom, bom);
        ASSERT_EQ(b->rows.size(), 2u) << "delimiter " << int(delim) << " bom " << bom;
        EXPECT_EQ(b->rows.name[0], "Siti Aminah");
        // Whitespace runs in names (a TAB included) collapse to one space.
        EXPECT_EQ(b->rows.name[1], delim == '\t' ? "Budi \"Ucok\"" : "Budi" + d + " \"Ucok\"");
        EXPECT_EQ(FormatIsoDate(b->rows.birth_date[0]), "1992-05-01");
        EXPECT_EQ(b->lines, (std::vector<int64_t>{2, 4}));
      }
    }
  }
}

TEST_F(ReadWorkersTest, HonoursExcelSepLine) {
  auto b = Read("sep=;\r\nnik;kode_desa\r\n1704074105920001;17.04.07.2010\r\nx;17.04.07.2010\r\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->report.delimiter, ';');
  EXPECT_EQ(b->lines, std::vector<int64_t>{3});
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].line, 4);
  EXPECT_EQ(b->report.file_hash, HashHex(ContentHash(testing_util::ReadFileText(dir_.Path("pekerja.csv")))));
}

TEST_F(ReadWorkersTest, Utf16FileIsAStructuralError) {
  auto b = Read(std::string("\xFF\xFEn\0i\0k\0", 8));
  EXPECT_EQ(b.status().code(), StatusCode::kDataError);
  EXPECT_NE(b.status().message().find("UTF-16"), std::string::npos);
}

TEST_F(ReadWorkersTest, ExplainsNikTurnedIntoANumberByExcel) {
  auto b = Read(std::string(kHeader) + "1.70407E+15,,,,17.04.07.2010,,,,\n");
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_NE(b->report.rejections[0].reason.find("format kolom sebagai Teks"), std::string::npos);
}

TEST_F(ReadWorkersTest, LineNumbersCountEmbeddedNewlines) {
  auto b = Read(std::string(kHeader) +
                "1704074105920001,\"Siti\nAminah\",,,17.04.07.2010,,,,\n"
                "\n"
                "1704071505920003,\"Budi\r\n\r\nSantoso\",,,17.04.07.2010,,,,\n"
                "bad,,,,17.04.07.2010,,,,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->lines, (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(b->rows.name[1], "Budi Santoso");
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].line, 8);
}

TEST_F(ReadWorkersTest, AcceptsHeaderAliasesAndIgnoresUnknownColumns) {
  auto b = Read(
      "No KTP;Nama Lengkap;L/P;Tanggal Lahir (dd/mm/yyyy);Kode Desa/Kelurahan;Keterangan;Jenis Pekerjaan\n"
      "1704074105920001;Siti Aminah;Perempuan;01-05-1992;1704072010;apa saja;Pedagang\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  ASSERT_EQ(b->rows.size(), 1u);
  EXPECT_EQ(b->rows.occupations[b->rows.occupation[0]], "Pedagang");
  EXPECT_EQ(b->report.ignored_columns, std::vector<std::string>{"Keterangan"});
  ASSERT_EQ(b->report.warnings.size(), 1u);
  EXPECT_EQ(b->report.warnings[0].line, 1);
  EXPECT_EQ(b->report.warnings[0].column, "Keterangan");
}

struct RejectCase {
  const char* label;
  std::string row;       // a data row under kHeader
  std::string column;    // expected column ("" = whole row)
  std::string reason;    // expected substring of the reason
  std::string value;     // expected value
};

TEST_F(ReadWorkersTest, RejectsBadRowsWithReasons) {
  const std::string ok_tail = ",17.04.07.2010,,,,";  // kode_desa .. rentan
  const std::string nik = "1704074105920001";
  const std::vector<RejectCase> cases = {
      // Without a NIK and without a name nothing identifies the worker.
      {"nik empty", ",,," + ok_tail, "nik", "NIK kosong, dan tidak ada nama", ""},
      {"nik short", "17040741059200,,," + ok_tail, "nik", "NIK harus 16 digit", "1704**********"},
      {"nik letters", "17040741059200AB,,," + ok_tail, "nik", "hanya boleh berisi angka", "1704************"},
      {"nik day", "1704078105920001,,," + ok_tail, "nik", "tanggal lahir NIK harus", "1704************"},
      {"nik month", "1704070113920001,,," + ok_tail, "nik", "bulan lahir NIK", "1704************"},
      {"nik serial", "1704074105920000,,," + ok_tail, "nik", "nomor urut NIK 0000", "1704************"},
      {"nik region", "1700004105920001,,," + ok_tail, "nik", "berisi 00", "1700************"},
      {"village empty", nik + ",,,,,,,,", "kode_desa", "kode desa kosong", ""},
      {"village malformed", nik + ",,,,17.04.07.20,,,,", "kode_desa", "bukan kode desa (format", "17.04.07.20"},
      {"village level", nik + ",,,,17.04.07,,,,", "kode_desa", "melainkan kode kecamatan", "17.04.07"},
      {"village unknown", nik + ",,,,17.04.07.2999,,,,", "kode_desa", "kode desa tidak dikenal", "17.04.07.2999"},
      {"name utf8", nik + ",Siti\xff,," + ok_tail, "nama", "CSV UTF-8", ""},
      {"name long", nik + "," + std::string(201, 'a') + ",," + ok_tail, "nama", "nama lebih dari 200 byte", ""},
      {"sex", nik + ",,X," + ok_tail, "jenis_kelamin", "jenis kelamin tidak dikenal", "X"},
      // An impossible tanggal_lahir is kept (bad_input_test.cc).
      {"sector", nik + ",,,,17.04.07.2010,semi,,,", "sektor", "sektor tidak dikenal", "semi"},
      {"occupation utf8", nik + ",,,,17.04.07.2010,,Tani\xc3,,", "pekerjaan", "CSV UTF-8", "Tani?"},
      {"occupation long", nik + ",,,,17.04.07.2010,," + std::string(101, 'p') + ",,", "pekerjaan",
       "pekerjaan lebih dari 100 byte", std::string(80, 'p') + "..."},
      {"decile 11", nik + ",,,,17.04.07.2010,,,11,", "desil", "desil harus bilangan bulat 1-10", "11"},
      {"decile 0", nik + ",,,,17.04.07.2010,,,0,", "desil", "1-10", "0"},
      {"decile text", nik + ",,,,17.04.07.2010,,,tiga,", "desil", "1-10", "tiga"},
      {"vulnerable", nik + ",,,,17.04.07.2010,,,,mungkin", "rentan", "nilai rentan tidak dikenal", "mungkin"},
      {"extra column", nik + ",,,,17.04.07.2010,,,,,surplus", "", "kolom lebih banyak dari header (10 > 9)", ""},
  };
  for (const RejectCase& c : cases) {
    SCOPED_TRACE(c.label);
    auto b = Read(std::string(kHeader) + "1771010101850002,,,,17.71.01.1001,,,,\n" + c.row + "\n");
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectConsistent(b->report);
    EXPECT_EQ(b->report.rows_read, 2);
    EXPECT_EQ(b->report.accepted, 1);
    ASSERT_EQ(b->report.rejections.size(), 1u);
    const Rejection& r = b->report.rejections[0];
    EXPECT_EQ(r.line, 3);
    EXPECT_EQ(r.column, c.column);
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    EXPECT_EQ(r.value, c.value);
    EXPECT_EQ(b->report.warning_count, 0) << "rejected rows carry no warnings";
  }
}

TEST_F(ReadWorkersTest, KeepsWorkersWithAnInvalidNikUnderASyntheticKey) {
  auto b = Read(std::string(kHeader) +
                "1704074105920001,Siti,,,17.04.07.2010,,,,\n"
                ",Budi Santoso,L,1990-05-17,17.04.07.2010,,,,\n"
                "17040741059200AB,Moh. Soekarno,,,17.04.07.2001,,,,\n"
                ",Budi Santoso,L,1990-05-17,17.04.07.2010,,,,\n"   // the same row again
                ",Budi Santoso,L,1990-05-17,17.04.07.2001,,,,\n");  // another village: another worker
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->report.rows_read, 5);
  EXPECT_EQ(b->report.accepted, 4);
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].line, 5);
  EXPECT_NE(b->report.rejections[0].reason.find("baris ganda: sudah ada di baris 3"), std::string::npos)
      << b->report.rejections[0].reason;
  EXPECT_EQ(b->report.warning_count, 4);  // one per row read without a valid NIK (before duplicates are found)
  const WorkerTable& t = b->rows;
  ASSERT_EQ(t.size(), 4u);
  ASSERT_TRUE(t.Validate().ok());
  EXPECT_EQ(t.nik[0], 1704074105920001ULL);
  EXPECT_EQ(t.nik_issue[0], 0);
  EXPECT_EQ(t.nik_raw[0], "");
  EXPECT_TRUE(IsSyntheticWorkerKey(t.nik[1]));
  EXPECT_EQ(t.nik_issue[1], static_cast<uint8_t>(NikError::kEmpty));
  EXPECT_EQ(t.name[1], "Budi Santoso");
  EXPECT_EQ(t.sex[1], static_cast<uint8_t>(Sex::kMale));
  EXPECT_EQ(FormatIsoDate(t.birth_date[1]), "1990-05-17");
  EXPECT_TRUE(IsSyntheticWorkerKey(t.nik[2]));
  EXPECT_EQ(t.nik_issue[2], static_cast<uint8_t>(NikError::kNotDigits));
  EXPECT_EQ(t.nik_raw[2], "17040741059200AB");
  EXPECT_EQ(t.birth_date[2], kNoDate);  // neither the NIK nor a column gives it
  EXPECT_EQ(t.sex[2], static_cast<uint8_t>(Sex::kUnknown));
  EXPECT_NE(t.nik[3], t.nik[1]);

  // The key depends only on the row, so a re-import finds the same worker.
  auto again = Read(std::string(kHeader) + ",Budi Santoso,L,1990-05-17,17.04.07.2010,,,,\n");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows.nik[0], t.nik[1]);
}

TEST_F(ReadWorkersTest, ReasonsFollowTheLanguage) {
  testing_util::ScopedLanguage en(Lang::kEn);
  auto b = Read(std::string(kHeader) + "1704074105920001,,,,17.04.07.2999,,,,\n");
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].reason, "unknown village code (not in the region list)");
}

TEST_F(ReadWorkersTest, RejectsLaterDuplicateNik) {
  auto b = Read(std::string(kHeader) +
                "1704074105920001,Siti,,,17.04.07.2010,,,,\n"
                "1704071505920003,Budi,,,17.04.07.2010,,,,\n"
                "1704074105920001,Siti lagi,,,17.04.07.2001,,,,\n"
                "'1704074105920001,Siti juga,,,17.04.07.2001,,,,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->rows.size(), 2u);
  EXPECT_EQ(b->rows.name[0], "Siti");
  ASSERT_EQ(b->report.rejections.size(), 2u);
  EXPECT_EQ(b->report.rejections[0].line, 4);
  EXPECT_EQ(b->report.rejections[0].column, "nik");
  EXPECT_EQ(b->report.rejections[0].reason, "NIK ganda: sudah ada di baris 2");
  EXPECT_EQ(b->report.rejections[0].value, "1704************");
  EXPECT_EQ(b->report.rejections[1].line, 5);
}

TEST_F(ReadWorkersTest, WarnsButAcceptsContradictionsAndOldDistricts) {
  auto b = Read(std::string(kHeader) +
                "1704074105920001,,L,,17.04.07.2010,,,,\n"          // NIK says female
                "1704071505920003,,,16/05/1992,17.04.07.2010,,,,\n"  // NIK says 15 May
                "1799011505920003,,,,17.04.07.2010,,,,\n"            // district 17.99.01 unknown
                "1704071505920004,,L,1992-05-15,17.04.07.2010,,,,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->report.accepted, 4);
  EXPECT_EQ(b->rows.sex[0], static_cast<uint8_t>(Sex::kMale));  // the given value is kept
  EXPECT_EQ(FormatIsoDate(b->rows.birth_date[1]), "1992-05-16");
  ASSERT_EQ(b->report.warning_count, 3);
  EXPECT_EQ(b->report.warnings[0].line, 2);
  EXPECT_EQ(b->report.warnings[0].column, "jenis_kelamin");
  EXPECT_EQ(b->report.warnings[1].line, 3);
  EXPECT_EQ(b->report.warnings[1].column, "tanggal_lahir");
  EXPECT_EQ(b->report.warnings[2].line, 4);
  EXPECT_EQ(b->report.warnings[2].column, "nik");
  EXPECT_NE(b->report.warnings[2].message.find("17.99.01"), std::string::npos);
}

TEST_F(ReadWorkersTest, UnclosedQuoteAtEndIsRejected) {
  auto b = Read(std::string(kHeader) + "1704074105920001,Siti,,,17.04.07.2010,,,,\n1704071505920003,\"Budi,,,17.04.07.2010\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_NE(b->report.rejections[0].reason.find("tanda kutip"), std::string::npos);
}

TEST_F(ReadWorkersTest, StructuralErrors) {
  auto missing = ReadWorkersCsv(dir_.Path("tidak-ada.csv"), options_, progress_);
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_NE(missing.status().message().find("tidak-ada.csv"), std::string::npos);

  auto empty = Read("");
  EXPECT_EQ(empty.status().code(), StatusCode::kDataError);
  EXPECT_NE(empty.status().message().find("pekerja.csv: berkas kosong"), std::string::npos) << empty.status().message();

  auto blank = Read("\n\r\n  \n");
  EXPECT_EQ(blank.status().code(), StatusCode::kDataError);

  auto header_only = Read(kHeader);
  EXPECT_EQ(header_only.status().code(), StatusCode::kDataError);
  EXPECT_NE(header_only.status().message().find("tanpa data"), std::string::npos);

  auto header_and_blanks = Read(std::string(kHeader) + "\n,,,,\n");
  EXPECT_EQ(header_and_blanks.status().code(), StatusCode::kDataError);

  auto no_nik = Read("nama,kode_desa\nSiti,17.04.07.2010\n");
  EXPECT_EQ(no_nik.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_nik.status().message().find("pekerja.csv: kolom wajib 'nik' tidak ditemukan (nama yang diterima: nik, no_ktp"),
            std::string::npos)
      << no_nik.status().message();

  auto twice = Read("nik,kode_desa,NIK\n1704074105920001,17.04.07.2010,1\n");
  EXPECT_EQ(twice.status().code(), StatusCode::kDataError);
  EXPECT_NE(twice.status().message().find("dua kali"), std::string::npos);

  ReadOptions no_regions;
  EXPECT_EQ(ReadWorkersCsv(dir_.Write("x.csv", kHeader), no_regions, progress_).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ReadWorkersTest, StopsWhenTooManyRowsAreRejected) {
  options_.max_rejections = 5;
  std::string content = kHeader;
  for (int i = 0; i < 20000; ++i) content += "bad,,,,17.04.07.2010,,,,\n";
  auto b = Read(content);
  EXPECT_EQ(b.status().code(), StatusCode::kDataError);
  EXPECT_NE(b.status().message().find("lebih dari 5 baris ditolak"), std::string::npos) << b.status().message();
}

TEST_F(ReadWorkersTest, ReportsProgressInBytes) {
  std::string content = kHeader;
  for (int i = 1; i <= 9000; ++i) content += FormatNik(*ComposeNik(*RegionCode::Parse("17.04.07"), DateFromCivil(1990, 1, 1) + i % 9000, Sex::kMale, 1 + i / 9000)) + ",,,,17.04.07.2010,,,,\n";
  testing_util::RecordingProgress progress;
  auto b = ReadWorkersCsv(dir_.Write("p.csv", content), options_, progress);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->rows.size(), 9000u);
  // Reading, in bytes; then the duplicate check, a phase of its own.
  ASSERT_EQ(progress.totals.size(), 2u);
  EXPECT_EQ(progress.totals[0], content.size());
  EXPECT_EQ(progress.labels[0], "membaca p.csv");
  EXPECT_EQ(progress.totals[1], 0u);
  EXPECT_EQ(progress.labels[1], "memeriksa duplikat p.csv");
  EXPECT_EQ(progress.ends, 2);
  ASSERT_FALSE(progress.updates.empty());
  for (size_t i = 1; i < progress.updates.size(); ++i) EXPECT_LE(progress.updates[i - 1], progress.updates[i]);
  EXPECT_EQ(progress.updates.back(), content.size());
}

// A file full of traps for a parallel split (quoted newlines everywhere,
// duplicates across the file, bad rows) reads the same with any number of
// threads and any block size.
TEST_F(ReadWorkersTest, ParallelReadEqualsSerialRead) {
  std::mt19937 rng(7);
  std::string content = kHeader;
  const char* villages[] = {"17.04.07.2010", "17.04.07.2001", "17.71.01.1001", "17.04.07.2999"};
  const char* jobs[] = {"Petani", "Nelayan", "\"Buruh\nharian\"", "Guru", ""};
  std::vector<uint64_t> niks;
  for (int i = 0; i < 6000; ++i) {
    uint64_t nik;
    if (!niks.empty() && rng() % 20 == 0) {
      nik = niks[rng() % niks.size()];  // a duplicate
    } else {
      const Sex sex = rng() % 2 ? Sex::kMale : Sex::kFemale;
      nik = *ComposeNik(*RegionCode::Parse(rng() % 2 ? "17.04.07" : "17.71.01"),
                        DateFromCivil(1960, 1, 1) + static_cast<int>(rng() % 15000), sex,
                        1 + static_cast<int>(rng() % 9999));
      niks.push_back(nik);
    }
    std::string name = rng() % 3 ? "\"Nama\n" + std::to_string(i) + "\"" : "Nama " + std::to_string(i);
    if (rng() % 50 == 0) name = "\"Ada \"\"kutip\"\"\n\nbaris\"";
    content += (rng() % 40 == 0 ? std::string("bad") : FormatNik(nik)) + "," + name + ",,," + villages[rng() % 4] +
               ",," + jobs[rng() % 5] + "," + std::to_string(rng() % 12) + ",\n";
    if (rng() % 30 == 0) content += "\n";
  }
  const std::string path = dir_.Write("big.csv", content);

  options_.threads = 1;
  options_.max_rejections = 0;
  auto serial = ReadWorkersCsv(path, options_, progress_);
  ASSERT_TRUE(serial.ok()) << serial.status().ToString();
  ExpectConsistent(serial->report);
  EXPECT_GT(serial->report.rejected, 100);
  EXPECT_GT(serial->report.accepted, 3000);

  for (int threads : {2, 3, 4, 5, 8}) {
    for (size_t block : {size_t{64}, size_t{1000}, size_t{1} << 20}) {
      SCOPED_TRACE(::testing::Message() << threads << " threads, block " << block);
      options_.threads = threads;
      options_.block_bytes = block;
      options_.min_bytes_per_thread = 1;
      auto par = ReadWorkersCsv(path, options_, progress_);
      ASSERT_TRUE(par.ok()) << par.status().ToString();
      ExpectConsistent(par->report);
      EXPECT_EQ(par->report.file_hash, serial->report.file_hash);
      EXPECT_EQ(par->report.rows_read, serial->report.rows_read);
      EXPECT_EQ(par->lines, serial->lines);
      EXPECT_EQ(par->rows.nik, serial->rows.nik);
      EXPECT_EQ(par->rows.name.bytes(), serial->rows.name.bytes());
      EXPECT_EQ(par->rows.name.offsets(), serial->rows.name.offsets());
      EXPECT_EQ(par->rows.village, serial->rows.village);
      EXPECT_EQ(par->rows.decile, serial->rows.decile);
      EXPECT_EQ(par->rows.sex, serial->rows.sex);
      EXPECT_EQ(par->rows.birth_date, serial->rows.birth_date);
      EXPECT_EQ(par->rows.occupations, serial->rows.occupations);
      EXPECT_EQ(par->rows.occupation, serial->rows.occupation);
      ASSERT_TRUE(par->rows.Validate().ok());
      ASSERT_EQ(par->report.rejections.size(), serial->report.rejections.size());
      for (size_t i = 0; i < par->report.rejections.size(); ++i) {
        const Rejection &a = par->report.rejections[i], &e = serial->report.rejections[i];
        ASSERT_EQ(a.line, e.line);
        ASSERT_EQ(a.column, e.column);
        ASSERT_EQ(a.reason, e.reason);
        ASSERT_EQ(a.value, e.value);
      }
      EXPECT_EQ(par->report.warning_count, serial->report.warning_count);
    }
  }
}

}  // namespace
}  // namespace cakupan
