#include "ingest/column_map.h"

#include <gtest/gtest.h>

#include <set>

#include "base/strings.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

Result<HeaderMap> Map(std::vector<std::string_view> cells, const std::vector<ColumnSpec>& specs) {
  return MapHeader("pekerja.csv", cells, specs);
}

TEST(ColumnMapTest, CanonicalHeaders) {
  EXPECT_EQ(CanonicalHeader(RegionColumns()), "kode,nama");
  EXPECT_EQ(CanonicalHeader(WorkerColumns()),
            "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan");
  EXPECT_EQ(CanonicalHeader(MemberColumns()),
            "periode,nik,nama,tanggal_lahir,segmen,status,program,bulan_terakhir_bayar,npp,sumber_dana,kode_wilayah");
  EXPECT_EQ(CanonicalHeader(LabourForceColumns()), "kode,periode,bekerja,formal,informal,sumber");
  EXPECT_EQ(CanonicalHeader(TargetColumns()), "kode,tahun,target");
  EXPECT_EQ(CanonicalHeader(PopulationColumns()), "kode,nama,pria,wanita,total");
}

TEST(ColumnMapTest, AliasesAreNormalizedAndUniqueWithinAKind) {
  for (const auto* specs : {&RegionColumns(), &WorkerColumns(), &MemberColumns(), &LabourForceColumns(),
                            &TargetColumns(), &PopulationColumns()}) {
    std::set<std::string> seen;
    for (const ColumnSpec& s : *specs) {
      EXPECT_TRUE(seen.insert(s.name).second) << s.name;
      EXPECT_EQ(NormalizeKey(s.name), s.name);
      for (const char* a : s.aliases) {
        EXPECT_TRUE(seen.insert(a).second) << a;
        EXPECT_EQ(NormalizeKey(a), a);
      }
    }
  }
}

TEST(ColumnMapTest, MatchesHeadersAsPeopleWriteThem) {
  auto m = Map({"No KTP", "Nama Lengkap", "L/P", "Tanggal Lahir (dd/mm/yyyy)", "Kode Desa/Kelurahan", "Catatan"},
               WorkerColumns());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->field_of[kWNik], 0);
  EXPECT_EQ(m->field_of[kWNama], 1);
  EXPECT_EQ(m->field_of[kWJenisKelamin], 2);
  EXPECT_EQ(m->field_of[kWTanggalLahir], 3);
  EXPECT_EQ(m->field_of[kWKodeDesa], 4);
  EXPECT_EQ(m->field_of[kWSektor], -1);
  EXPECT_EQ(m->text(kWNik), "No KTP");
  EXPECT_EQ(m->ignored, std::vector<std::string>{"Catatan"});

  m = Map({" Nomor Induk Kependudukan ", "KODE_WILAYAH", ""}, WorkerColumns());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->field_of[kWNik], 0);
  EXPECT_EQ(m->field_of[kWKodeDesa], 1);
  EXPECT_TRUE(m->ignored.empty());  // an unnamed column is not reported
}

TEST(ColumnMapTest, MissingRequiredColumnNamesAcceptedHeaders) {
  auto m = Map({"nama", "kode_desa"}, WorkerColumns());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataError);
  EXPECT_EQ(m.status().message().rfind(
                "pekerja.csv: kolom wajib 'nik' tidak ditemukan (nama yang diterima: nik, no_ktp, nomor_ktp, "
                "nomor_induk_kependudukan, ",
                0),
            0u)
      << m.status().message();
}

TEST(ColumnMapTest, MissingRequiredColumnInEnglish) {
  testing_util::ScopedLanguage en(Lang::kEn);
  auto m = Map({"nik"}, WorkerColumns());
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("required column 'kode_desa' not found (accepted names: kode_desa, "),
            std::string::npos)
      << m.status().message();
}

TEST(ColumnMapTest, SameColumnTwiceIsAnError) {
  auto m = Map({"NIK", "kode_desa", "No KTP"}, WorkerColumns());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataError);
  EXPECT_NE(m.status().message().find("'nik'"), std::string::npos);
  EXPECT_NE(m.status().message().find("'NIK'"), std::string::npos);
  EXPECT_NE(m.status().message().find("'No KTP'"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
