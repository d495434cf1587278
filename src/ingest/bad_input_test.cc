// Bad input on both importers of personal rows, kind by kind (the table in
// docs/data-formats.md, "Bad input"): what is kept (and how it is stored, so
// that the data-quality report can count it) and what is rejected, and a
// warning or a reason for each. The same cell goes through the registry
// (pekerja.csv) and the membership extract (kepesertaan.csv).
#include <gtest/gtest.h>

#include "domain/nik.h"
#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ExpectConsistent;
using testing_util::TempDir;

constexpr char kWorkerHeader[] = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan\n";
constexpr char kMemberHeader[] = "periode,nik,nama,tanggal_lahir,segmen,status\n";
constexpr char kNik[] = "1704074105920001";  // a woman born 1992-05-01 in 17.04.07

enum class Outcome { kKept, kRejected };

struct BadCell {
  const char* label;
  std::string nik;   // the NIK cell
  std::string name;  // the nama cell (CSV-quoted by the test)
  std::string date;  // the tanggal_lahir cell
  Outcome outcome;
  std::string message;  // in the warning (kept) or the reason (rejected); "" = no warning
  std::string stored_name;      // kept: the name as stored
  std::string stored_raw_date;  // kept: birth_date_raw
};

std::string Quote(const std::string& cell) {
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The kinds every personal file meets. The NIK cell is valid unless the case
// is about the NIK.
std::vector<BadCell> NameAndDateCases() {
  return {
      {"plain", kNik, "Siti Aminah", "1992-05-01", Outcome::kKept, "", "Siti Aminah", ""},
      {"empty name", kNik, "", "", Outcome::kKept, "", "", ""},
      {"blank name", kNik, "  \t ", "", Outcome::kKept, "", "", ""},
      {"all caps", kNik, "SITI AMINAH", "", Outcome::kKept, "", "SITI AMINAH", ""},
      {"digits", kNik, "S1ti Am1nah", "", Outcome::kKept, "", "S1ti Am1nah", ""},
      {"control character", kNik, "Siti\x01" "Aminah", "", Outcome::kKept, "", "Siti\x01" "Aminah", ""},
      {"delete character", kNik, "Siti\x7f", "", Outcome::kKept, "", "Siti\x7f", ""},
      {"line break", kNik, "Siti\r\nAminah", "", Outcome::kKept, "", "Siti Aminah", ""},
      {"emoji", kNik, "Siti \xF0\x9F\x98\x80", "", Outcome::kKept, "", "Siti \xF0\x9F\x98\x80", ""},
      {"html", kNik, "<b>Siti</b> &amp; Budi", "", Outcome::kKept, "", "<b>Siti</b> &amp; Budi", ""},
      {"nul byte", kNik, std::string("Siti\0Aminah", 11), "", Outcome::kKept, "", std::string("Siti\0Aminah", 11), ""},
      {"not utf-8", kNik, "Siti\xff", "", Outcome::kRejected, "CSV UTF-8", "", ""},
      {"too long", kNik, std::string(201, 'a'), "", Outcome::kRejected, "lebih dari 200 byte", "", ""},
      {"impossible date", kNik, "Siti", "31-02-1990", Outcome::kKept, "tanggal tidak ada di kalender", "Siti",
       "31-02-1990"},
      {"zero date", kNik, "Siti", "00-00-0000", Outcome::kKept, "tanggal tidak ada di kalender", "Siti", "00-00-0000"},
      {"month 13", kNik, "Siti", "1992-13-01", Outcome::kKept, "tanggal tidak ada di kalender", "Siti", "1992-13-01"},
      {"year 1800", kNik, "Siti", "01-05-1800", Outcome::kKept, "tahun sebelum 1900", "Siti", "01-05-1800"},
      {"future", kNik, "Siti", "01-05-2030", Outcome::kKept, "di masa depan", "Siti", "01-05-2030"},
      {"tomorrow", kNik, "Siti", "2024-12-01", Outcome::kKept, "di masa depan", "Siti", "2024-12-01"},
      {"excel serial", kNik, "Siti", "33725", Outcome::kKept, "angka tanggal dari Excel", "Siti", "33725"},
      {"year only", kNik, "Siti", "1992", Outcome::kKept, "hanya tahun", "Siti", "1992"},
      {"text", kNik, "Siti", "tidak tahu", Outcome::kKept, "bukan tanggal", "Siti", "tidak tahu"},
      {"two-digit year", kNik, "Siti", "01-05-92", Outcome::kKept, "bukan tanggal", "Siti", "01-05-92"},
      {"control in date", kNik, "Siti", "01\x02" "05-1992", Outcome::kKept, "bukan tanggal", "Siti", "01?05-1992"},
      {"long date text", kNik, "Siti", std::string(60, '9'), Outcome::kKept, "bukan tanggal", "Siti",
       std::string(32, '9')},
  };
}

class BadInputTest : public ::testing::Test {
 protected:
  BadInputTest() : regions_(testing_util::SmallRegions()) {
    options_.regions = &regions_;
    options_.reference_year = 2024;
    options_.today = DateFromCivil(2024, 11, 30);
  }
  Result<WorkerBatch> Workers(const BadCell& c) {
    const std::string row = Quote(c.nik) + "," + Quote(c.name) + ",," + Quote(c.date) + ",17.04.07.2010,,,,\n";
    return ReadWorkersCsv(dir_.Write("pekerja.csv", std::string(kWorkerHeader) + row), options_, progress_);
  }
  Result<MemberBatch> Members(const BadCell& c) {
    const std::string row = "2024-11," + Quote(c.nik) + "," + Quote(c.name) + "," + Quote(c.date) + ",BPU,aktif\n";
    return ReadMembersCsv(dir_.Write("kepesertaan.csv", std::string(kMemberHeader) + row), options_, progress_);
  }
  template <typename Batch>
  void ExpectOutcome(const BadCell& c, const Batch& b) {
    ExpectConsistent(b.report);
    EXPECT_EQ(b.report.rows_read, 1);
    if (c.outcome == Outcome::kRejected) {
      EXPECT_EQ(b.report.accepted, 0);
      ASSERT_EQ(b.report.rejections.size(), 1u);
      EXPECT_NE(b.report.rejections[0].reason.find(c.message), std::string::npos) << b.report.rejections[0].reason;
      // Rejections never echo a name or a whole NIK.
      EXPECT_EQ(b.report.rejections[0].value.find("Siti"), std::string::npos);
      EXPECT_EQ(b.report.rejections[0].value.find("0592"), std::string::npos);
      return;
    }
    ASSERT_EQ(b.report.accepted, 1) << (b.report.rejections.empty() ? "" : b.report.rejections[0].reason);
    ASSERT_EQ(b.rows.size(), 1u);
    EXPECT_TRUE(b.rows.Validate().ok());
    EXPECT_EQ(b.rows.name[0], c.stored_name);
    ASSERT_EQ(b.rows.birth_date_raw.size(), 1u);
    EXPECT_EQ(b.rows.birth_date_raw[0], c.stored_raw_date);
    if (c.message.empty()) {
      EXPECT_EQ(b.report.warning_count, 0);
    } else {
      bool found = false;
      for (const Warning& w : b.report.warnings) found |= w.message.find(c.message) != std::string::npos;
      EXPECT_TRUE(found) << "no warning with '" << c.message << "'";
    }
  }

  TempDir dir_;
  RegionTable regions_;
  ReadOptions options_;
  NullProgress progress_;
};

TEST_F(BadInputTest, RegistryKeepsNamesAsWrittenAndBadDatesAsText) {
  for (const BadCell& c : NameAndDateCases()) {
    SCOPED_TRACE(c.label);
    auto b = Workers(c);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectOutcome(c, *b);
    if (c.outcome == Outcome::kKept) {
      EXPECT_EQ(b->rows.nik[0], 1704074105920001ULL);
      // A bad date leaves the NIK's birth date (as an empty cell does).
      if (!c.stored_raw_date.empty()) EXPECT_EQ(FormatIsoDate(b->rows.birth_date[0]), "1992-05-01");
    }
  }
}

TEST_F(BadInputTest, MembershipExtractKeepsNamesAsWrittenAndBadDatesAsText) {
  for (const BadCell& c : NameAndDateCases()) {
    SCOPED_TRACE(c.label);
    auto b = Members(c);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectOutcome(c, *b);
    // A bad date is unknown: the extract's empty date is never taken from the NIK either.
    if (c.outcome == Outcome::kKept && !c.stored_raw_date.empty()) EXPECT_EQ(b->rows.birth_date[0], kNoDate);
  }
}

struct BadNik {
  const char* label;
  std::string nik;
  NikError issue;
  std::string message;   // warning (registry) and reason (extract)
  std::string stored_raw;  // registry: nik_raw
};

std::vector<BadNik> NikCases() {
  return {
      {"letter O", "17O4074105920001", NikError::kNotDigits, "hanya boleh berisi angka", "17O4074105920001"},
      {"spaces", "1704 0741 0592 0001", NikError::kNotDigits, "tanpa spasi atau tanda baca", "1704 0741 0592 0001"},
      {"dashes", "1704-0741-0592-0001", NikError::kNotDigits, "tanpa spasi atau tanda baca", "1704-0741-0592-0001"},
      {"excel number", "1.70407E+15", NikError::kExcelNumber, "format kolom sebagai Teks", "1.70407E+15"},
      {"excel number, comma", "1,70407E+15", NikError::kExcelNumber, "format kolom sebagai Teks", "1,70407E+15"},
      {"short", "170407410592", NikError::kWrongLength, "NIK harus 16 digit", "170407410592"},
      {"empty", "", NikError::kEmpty, "NIK kosong", ""},
      {"control character", "1704\x01" "074105920001", NikError::kNotDigits, "hanya boleh berisi angka",
       "1704?074105920001"},
      {"emoji", "1704\xF0\x9F\x98\x80", NikError::kNotDigits, "hanya boleh berisi angka", "1704????"},
  };
}

TEST_F(BadInputTest, RegistryKeepsAWorkerWithAnInvalidNikWhenNamed) {
  for (const BadNik& c : NikCases()) {
    SCOPED_TRACE(c.label);
    BadCell cell{c.label, c.nik, "Siti Aminah", "31-02-1990", Outcome::kKept, c.message, "Siti Aminah", "31-02-1990"};
    auto b = Workers(cell);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectOutcome(cell, *b);
    const WorkerTable& t = b->rows;
    ASSERT_EQ(t.size(), 1u);
    EXPECT_TRUE(IsSyntheticWorkerKey(t.nik[0]));
    EXPECT_EQ(t.nik_issue[0], static_cast<uint8_t>(c.issue));
    EXPECT_EQ(t.nik_raw[0], c.stored_raw);
    EXPECT_EQ(t.birth_date[0], kNoDate);  // neither the NIK nor the cell gives it
    // Both problems are warned about.
    bool date_warning = false;
    for (const Warning& w : b->report.warnings)
      date_warning |= w.message.find("disimpan sebagai tidak diketahui") != std::string::npos;
    EXPECT_TRUE(date_warning);
    // Without a name nothing identifies the worker: rejected, NIK masked.
    BadCell nameless = cell;
    nameless.name = "";
    nameless.outcome = Outcome::kRejected;
    nameless.message = "tidak ada nama untuk mengenali pekerja";
    auto r = Workers(nameless);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ExpectOutcome(nameless, *r);
  }
}

TEST_F(BadInputTest, ExtractRejectsAnInvalidNik) {
  // The extract's key is the NIK (BPJS checks it with Dukcapil): a row
  // without a valid one is rejected, its NIK masked in the rejects file.
  for (const BadNik& c : NikCases()) {
    SCOPED_TRACE(c.label);
    BadCell cell{c.label, c.nik, "Siti Aminah", "", Outcome::kRejected, c.message, "", ""};
    auto b = Members(cell);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectOutcome(cell, *b);
    EXPECT_EQ(b->report.rejections[0].column, "nik");
  }
}

TEST_F(BadInputTest, TheSameBadRowTwiceIsOneWorker) {
  // A worker without NIK whose date is bad: the stored text takes part in the
  // synthetic key, so a repeat is a duplicate row and another date another worker.
  const std::string row1 = ",Siti,,31-02-1990,17.04.07.2010,,,,\n";
  const std::string row2 = ",Siti,,30-02-1990,17.04.07.2010,,,,\n";
  auto b = ReadWorkersCsv(dir_.Write("p.csv", std::string(kWorkerHeader) + row1 + row2 + row1), options_, progress_);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->report.accepted, 2);
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].line, 4);
  EXPECT_NE(b->report.rejections[0].reason.find("baris ganda"), std::string::npos);
  EXPECT_NE(b->rows.nik[0], b->rows.nik[1]);
}

}  // namespace
}  // namespace cakupan
