#include <gtest/gtest.h>

#include "domain/nik.h"
#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ExpectConsistent;
using testing_util::TempDir;

constexpr char kHeader[] =
    "periode,nik,nama,tanggal_lahir,segmen,status,program,bulan_terakhir_bayar,npp,sumber_dana,kode_wilayah\n";

class ReadMembersTest : public ::testing::Test {
 protected:
  ReadMembersTest() : regions_(testing_util::SmallRegions()) {
    options_.regions = &regions_;
    options_.reference_year = 2024;
  }
  Result<MemberBatch> Read(const std::string& content) {
    return ReadMembersCsv(dir_.Write("kepesertaan-2024-11.csv", content), options_, progress_);
  }

  TempDir dir_;
  RegionTable regions_;
  ReadOptions options_;
  NullProgress progress_;
};

TEST_F(ReadMembersTest, ReadsCanonicalExtract) {
  auto b = Read(std::string(kHeader) +
                "2024-11,1704074105920001,Siti Aminah,1992-05-01,BPU,aktif,JKK+JKM,2024-11,,APBD Kabupaten,17.04\n"
                "2024-11,1771010101850002,Budi,,PU,non-aktif,\"JKK, JKM, JHT, JP\",2024-08,NPP12345678,pemberi kerja,17.71\n"
                "2024-11,1771010101850002,Budi,,BPU,aktif,JKK+JKM,2024-11,,mandiri,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->period, Period::FromYearMonth(2024, 11));
  const MembershipTable& t = b->rows;
  ASSERT_TRUE(t.Validate().ok());
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.nik[0], 1704074105920001ULL);
  EXPECT_EQ(t.name[0], "Siti Aminah");
  EXPECT_EQ(FormatIsoDate(t.birth_date[0]), "1992-05-01");
  EXPECT_EQ(t.birth_date[1], kNoDate);
  EXPECT_EQ(t.segment[0], static_cast<uint8_t>(Segment::kBPU));
  EXPECT_EQ(t.segment[1], static_cast<uint8_t>(Segment::kPU));
  EXPECT_EQ(t.status[0], static_cast<uint8_t>(MembershipStatus::kActive));
  EXPECT_EQ(t.status[1], static_cast<uint8_t>(MembershipStatus::kNonActive));
  EXPECT_EQ(t.programmes[0], kJKK | kJKM);
  EXPECT_EQ(t.programmes[1], kJKK | kJKM | kJHT | kJP);
  EXPECT_EQ(t.last_paid[1], Period::FromYearMonth(2024, 8).index());
  EXPECT_EQ(t.npp[0], "");
  EXPECT_EQ(t.npp[1], "NPP12345678");
  EXPECT_EQ(t.funding[0], static_cast<uint8_t>(FundingSource::kApbdRegency));
  EXPECT_EQ(t.funding[1], static_cast<uint8_t>(FundingSource::kEmployer));
  EXPECT_EQ(RegionCode::FromPacked(t.region[0]).ToString(), "17.04");
  EXPECT_EQ(t.region[2], 0u);
  EXPECT_EQ(b->lines, (std::vector<int64_t>{2, 3, 4}));
}

TEST_F(ReadMembersTest, DerivesStatusFromLastPaidMonth) {
  auto b = Read("Periode;No KTP;Segmen Kepesertaan;BLTH Terakhir\n"
                "Nov 2024;1704074105920001;BPU;2024-11\n"
                "Nov 2024;1704071505920003;BPU;10/2024\n"
                "Nov 2024;1771010101850002;Penerima Upah;Desember 2024\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->report.delimiter, ';');
  ASSERT_EQ(b->rows.size(), 3u);
  EXPECT_EQ(b->rows.status[0], static_cast<uint8_t>(MembershipStatus::kActive));
  EXPECT_EQ(b->rows.status[1], static_cast<uint8_t>(MembershipStatus::kNonActive));
  EXPECT_EQ(b->rows.status[2], static_cast<uint8_t>(MembershipStatus::kActive));
}

TEST_F(ReadMembersTest, PeriodFromOptionsWithoutColumn) {
  options_.period = Period::FromYearMonth(2024, 10);
  auto b = Read("nik,segmen,bulan_terakhir_bayar\n1704074105920001,BPU,2024-10\n1704071505920003,BPU,2024-09\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->period, Period::FromYearMonth(2024, 10));
  EXPECT_EQ(b->rows.status, (std::vector<uint8_t>{1, 2}));
}

TEST_F(ReadMembersTest, PeriodColumnMustAgreeWithOptions) {
  options_.period = Period::FromYearMonth(2024, 11);
  auto b = Read("periode,nik,segmen,status\n2024-11,1704074105920001,BPU,aktif\n2024-10,1704071505920003,BPU,aktif\n"
                ",1771010101850002,BPU,aktif\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->rows.size(), 2u);  // an empty periode takes the import's
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].line, 3);
  EXPECT_EQ(b->report.rejections[0].reason, "periode 2024-10 berbeda dengan periode impor 2024-11");
}

TEST_F(ReadMembersTest, RowsOfAnotherPeriodThanTheFirstAreRejected) {
  auto b = Read("periode,nik,segmen,status\n"
                "bulan?,1704074105920001,BPU,aktif\n"
                "2024-11,1704074105920001,BPU,aktif\n"
                "2024-10,1704071505920003,BPU,aktif\n"
                "2024-11,1771010101850002,BPU,aktif\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->period, Period::FromYearMonth(2024, 11));
  EXPECT_EQ(b->rows.size(), 2u);
  ASSERT_EQ(b->report.rejections.size(), 2u);
  EXPECT_EQ(b->report.rejections[0].line, 2);
  EXPECT_EQ(b->report.rejections[1].line, 4);
  EXPECT_EQ(b->report.rejections[1].column, "periode");
  EXPECT_EQ(b->report.rejections[1].reason, "periode 2024-10 berbeda dengan periode berkas 2024-11 (baris 3)");
}

TEST_F(ReadMembersTest, RejectsLaterDuplicateOfNikSegmentNpp) {
  auto b = Read(std::string(kHeader) +
                "2024-11,1771010101850002,,,PU,aktif,,,NPP1,,\n"
                "2024-11,1771010101850002,,,PU,aktif,,,NPP2,,\n"   // another employer: fine
                "2024-11,1771010101850002,,,BPU,aktif,,,,,\n"      // another segment: fine
                "2024-11,1771010101850002,,,PPU,non-aktif,,,NPP1,,\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->rows.size(), 3u);
  ASSERT_EQ(b->report.rejections.size(), 1u);
  EXPECT_EQ(b->report.rejections[0].line, 5);
  EXPECT_EQ(b->report.rejections[0].reason, "kepesertaan (NIK, segmen, NPP) ganda: sudah ada di baris 2");
  EXPECT_EQ(b->report.rejections[0].value, "1771************");
}

TEST_F(ReadMembersTest, UnknownRegionIsKeptWithWarning) {
  auto b = Read(std::string(kHeader) + "2024-11,1771010101850002,,,BPU,aktif,,,,,17.99\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(RegionCode::FromPacked(b->rows.region[0]).ToString(), "17.99");
  ASSERT_EQ(b->report.warning_count, 1);
  EXPECT_EQ(b->report.warnings[0].column, "kode_wilayah");
}

struct RejectCase {
  const char* label;
  std::string row;
  std::string column;
  std::string reason;
  std::string value;
};

TEST_F(ReadMembersTest, RejectsBadRowsWithReasons) {
  const std::string nik = "1704074105920001";
  const std::vector<RejectCase> cases = {
      {"period bad", "2024-13," + nik + ",,,BPU,aktif,,,,,", "periode", "bukan bulan", "2024-13"},
      {"period empty", "," + nik + ",,,BPU,aktif,,,,,", "periode", "periode kosong", ""},
      {"nik", "2024-11,123,,,BPU,aktif,,,,,", "nik", "NIK harus 16 digit", "123"},
      {"name", "2024-11," + nik + ",\xc0\xaf,,BPU,aktif,,,,,", "nama", "CSV UTF-8", ""},
      // A tanggal_lahir that is no date is kept (bad_input_test.cc).
      {"segment empty", "2024-11," + nik + ",,,,aktif,,,,,", "segmen", "segmen kosong", ""},
      {"segment", "2024-11," + nik + ",,,ASN,aktif,,,,,", "segmen", "segmen tidak dikenal", "ASN"},
      {"status", "2024-11," + nik + ",,,BPU,mungkin,,,,,", "status", "status tidak dikenal", "mungkin"},
      {"status and last paid empty", "2024-11," + nik + ",,,BPU,,,,,,", "status", "status tidak dapat ditentukan", ""},
      {"last paid", "2024-11," + nik + ",,,BPU,aktif,,2024-00,,,", "bulan_terakhir_bayar", "bukan bulan", "2024-00"},
      {"programme", "2024-11," + nik + ",,,BPU,aktif,JKK+JKN,,,,", "program", "program tidak dikenal", "JKK+JKN"},
      {"npp", "2024-11," + nik + ",,,PU,aktif,,," + std::string(33, '9') + ",,", "npp", "NPP lebih dari 32 karakter",
       "9999" + std::string(29, '*')},  // a long digit run is masked like a NIK
      {"funding", "2024-11," + nik + ",,,BPU,aktif,,,,arisan,", "sumber_dana", "sumber dana tidak dikenal", "arisan"},
      {"region", "2024-11," + nik + ",,,BPU,aktif,,,,,17-04", "kode_wilayah", "bukan kode wilayah", "17-04"},
      {"extra", "2024-11," + nik + ",,,BPU,aktif,,,,,,x", "", "kolom lebih banyak dari header (12 > 11)", ""},
  };
  for (const RejectCase& c : cases) {
    SCOPED_TRACE(c.label);
    auto b = Read(std::string(kHeader) + "2024-11,1771010101850002,,,BPU,aktif,,,,,\n" + c.row + "\n");
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectConsistent(b->report);
    EXPECT_EQ(b->report.accepted, 1);
    ASSERT_EQ(b->report.rejections.size(), 1u);
    const Rejection& r = b->report.rejections[0];
    EXPECT_EQ(r.line, 3);
    EXPECT_EQ(r.column, c.column);
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    EXPECT_EQ(r.value, c.value);
  }
}

TEST_F(ReadMembersTest, StructuralErrors) {
  auto no_status = Read("periode,nik,segmen\n2024-11,1704074105920001,BPU\n");
  EXPECT_EQ(no_status.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_status.status().message().find("'status' atau 'bulan_terakhir_bayar'"), std::string::npos)
      << no_status.status().message();

  auto no_period = Read("nik,segmen,status\n1704074105920001,BPU,aktif\n");
  EXPECT_EQ(no_period.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_period.status().message().find("kolom wajib 'periode'"), std::string::npos);

  auto no_segment = Read("periode,nik,status\n2024-11,1704074105920001,aktif\n");
  EXPECT_EQ(no_segment.status().code(), StatusCode::kDataError);
  EXPECT_NE(no_segment.status().message().find("kolom wajib 'segmen'"), std::string::npos);

  EXPECT_EQ(Read(kHeader).status().code(), StatusCode::kDataError);
}

TEST_F(ReadMembersTest, ParallelReadEqualsSerialRead) {
  std::string content = kHeader;
  const char* segments[] = {"PU", "BPU", "Jakon", "PMI"};
  for (int i = 0; i < 5000; ++i) {
    const uint64_t nik = *ComposeNik(*RegionCode::Parse("17.04.07"), DateFromCivil(1970, 1, 1) + i % 700,
                                     i % 3 ? Sex::kMale : Sex::kFemale, 1 + i % 5);
    content += std::string(i % 97 == 50 ? "2024-10" : "2024-11") + "," + FormatNik(nik) + ",\"Nama\n" +
               std::to_string(i) + "\",," + segments[i % 4] + ",,\"JKK,\nJKM\",2024-" + (i % 2 ? "11" : "09") +
               ",NPP" + std::to_string(i % 3) + ",,\n";
  }
  const std::string path = dir_.Write("m.csv", content);
  options_.threads = 1;
  auto serial = ReadMembersCsv(path, options_, progress_);
  ASSERT_TRUE(serial.ok()) << serial.status().ToString();
  ExpectConsistent(serial->report);
  EXPECT_GT(serial->report.rejected, 0);
  for (int threads : {2, 3, 7}) {
    options_.threads = threads;
    options_.block_bytes = 300;
    options_.min_bytes_per_thread = 1;
    auto par = ReadMembersCsv(path, options_, progress_);
    ASSERT_TRUE(par.ok()) << par.status().ToString();
    ExpectConsistent(par->report);
    EXPECT_EQ(par->lines, serial->lines);
    EXPECT_EQ(par->rows.nik, serial->rows.nik);
    EXPECT_EQ(par->rows.status, serial->rows.status);
    EXPECT_EQ(par->rows.npp.bytes(), serial->rows.npp.bytes());
    EXPECT_EQ(par->rows.npp.offsets(), serial->rows.npp.offsets());
    EXPECT_EQ(par->rows.name.bytes(), serial->rows.name.bytes());
    EXPECT_EQ(par->rows.name.offsets(), serial->rows.name.offsets());
    EXPECT_EQ(par->rows.segment, serial->rows.segment);
    EXPECT_EQ(par->rows.programmes, serial->rows.programmes);
    EXPECT_EQ(par->rows.last_paid, serial->rows.last_paid);
    ASSERT_TRUE(par->rows.Validate().ok());
    EXPECT_EQ(par->report.file_hash, serial->report.file_hash);
    EXPECT_EQ(par->report.rejected, serial->report.rejected);
    ASSERT_EQ(par->report.rejections.size(), serial->report.rejections.size());
    for (size_t i = 0; i < par->report.rejections.size(); ++i) {
      const Rejection &a = par->report.rejections[i], &e = serial->report.rejections[i];
      ASSERT_EQ(a.line, e.line);
      ASSERT_EQ(a.column, e.column);
      ASSERT_EQ(a.reason, e.reason);
      ASSERT_EQ(a.value, e.value);
    }
    EXPECT_EQ(par->period, serial->period);
  }
}

}  // namespace
}  // namespace cakupan
