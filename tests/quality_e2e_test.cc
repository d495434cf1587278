// `cakupan quality` end to end: a small registry with known defects imported
// through `cakupan import`, the exact counts of the JSON report, the village
// list of findings (masked), the XLSX workbook, and the API answering the
// same object as the CLI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "e2e_util.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan::e2e {
namespace {

// Province 17, regency 17.04; district 17.04.01 with villages A1-A6, district
// 17.04.02 with village B1 (never enumerated).
constexpr const char* kRegions =
    "kode,nama\n17,Bengkulu\n17.04,Kabupaten Kaur\n17.04.01,Kec A\n17.04.02,Kec B\n"
    "17.04.01.2001,Desa A1\n17.04.01.2002,Desa A2\n17.04.01.2003,Desa A3\n17.04.01.2004,Desa A4\n"
    "17.04.01.2005,Desa A5\n17.04.01.2006,Desa A6\n17.04.02.2001,Desa B1\n";

// The defects, each explained:
constexpr const char* kDefects =
    // A1 (5 workers, all flagged)
    "1704O14105920001,Siti Aminah,P,1992-05-01,17.04.01.2001,informal,Petani,3,ya\n"  // letter O: nik_not_digits
    "170401410592,BUDI SANTOSO,L,1985-08-17,17.04.01.2001,informal,Petani,3,ya\n"     // 12 digits; all caps (info)
    ",R1na,P,1990-01-01,17.04.01.2001,informal,Petani,3,ya\n"                          // nik_empty; name_bad_characters
    "1704014105920002,Sari Dewi,L,1992-05-01,17.04.01.2001,informal,Petani,3,ya\n"     // a woman's NIK, sex L
    "1704015003120003,Ani,P,2012-03-10,17.04.01.2001,informal,Petani,3,ya\n"           // age 12
    // A2 (5 workers, 4 flagged)
    "1704010202440004,Karto,L,1944-02-02,17.04.01.2002,informal,Petani,3,ya\n"        // age 80
    "1799010101900005,Joko,L,1990-01-01,17.04.01.2002,informal,Petani,3,ya\n"          // NIK district 17.99.01 unknown
    "1704010101900006,Agus,L,1990-01-02,17.04.01.2002,informal,Petani,3,ya\n"          // birth date differs from NIK
    "1704010101900000,Andi,L,1990-01-01,17.04.01.2002,informal,Petani,3,ya\n"          // serial 0000
    "1704010101900007,Bayu,L,1990-01-01,17.04.01.2002,informal,Petani,3,ya\n";         // fine

std::string Workers() {
  std::string csv = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan\n";
  csv += kDefects;
  // Correct workers: A3 6 (two without occupation), A4 4, A5 5, A6 40 (far
  // above the district's other villages).
  int serial = 100;
  auto add = [&](const char* village, int n, bool occupation) {
    for (int k = 0; k < n; ++k) {
      char nik[17];
      std::snprintf(nik, sizeof nik, "170401010190%04d", serial++);
      csv += std::string(nik) + ",Pekerja Baik,L,1990-01-01," + village + ",formal," + (occupation ? "Guru" : "") +
             ",5,tidak\n";
    }
  };
  add("17.04.01.2003", 4, true);
  add("17.04.01.2003", 2, false);
  add("17.04.01.2004", 4, true);
  add("17.04.01.2005", 5, true);
  add("17.04.01.2006", 40, true);
  return csv;
}

// Bayu (A2) and three A6 workers (serials 115-117) are active; two active members are not in
// the registry, attributed to district 17.04.01 by the extract.
constexpr const char* kMembers =
    "periode,nik,segmen,status,kode_wilayah\n"
    "2024-11,1704010101900007,BPU,aktif,\n"
    "2024-11,1704010101900115,BPU,aktif,\n"
    "2024-11,1704010101900116,BPU,aktif,\n"
    "2024-11,1704010101900117,BPU,aktif,\n"
    "2024-11,1704010101909998,BPU,aktif,17.04.01\n"
    "2024-11,1704010101909999,BPU,aktif,17.04.01\n";

// Regency: 200 employed (65 enumerated: 32.5%, below half); district
// 17.04.01: 3 employed for 6 active participants (coverage above 100%).
constexpr const char* kLabourForce = "kode,periode,bekerja\n17.04,2024-08,200\n17.04.01,2024-08,3\n";

class QualityE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>("quality");
    db_ = *dir_ / "q.db";
    WriteFile(*dir_ / "wilayah.csv", kRegions);
    WriteFile(*dir_ / "pekerja.csv", Workers());
    WriteFile(*dir_ / "kepesertaan.csv", kMembers);
    WriteFile(*dir_ / "angkatan-kerja.csv", kLabourForce);
    Ok({"--db", db_, "import", "regions", *dir_ / "wilayah.csv"});
    Ok({"--db", db_, "import", "workers", *dir_ / "pekerja.csv"});
  }
  void ImportMembersAndReconcile() {
    Ok({"--db", db_, "import", "labour-force", *dir_ / "angkatan-kerja.csv"});
    Ok({"--db", db_, "import", "members", *dir_ / "kepesertaan.csv"});
    Ok({"--db", db_, "reconcile", "--period", "2024-11"});
  }
  RunResult Ok(const std::vector<std::string>& args) {
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 0) << args[2] << ": " << r.err << r.out;
    return r;
  }
  nlohmann::json Json(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--db", db_, "quality", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Ok(args);
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  static int64_t Count(const nlohmann::json& row, const char* code) {
    const auto& c = row["findings"][code]["count"];
    return c.is_null() ? -1 : c.get<int64_t>();
  }
  static const nlohmann::json& Row(const nlohmann::json& rep, const std::string& code) {
    for (const auto& r : rep["rows"])
      if (r["code"] == code) return r;
    static const nlohmann::json kNone;
    ADD_FAILURE() << "no row " << code;
    return kNone;
  }

  std::unique_ptr<TempDir> dir_;
  std::string db_;
};

TEST_F(QualityE2e, CountsEveryDefectPerVillage) {
  ImportMembersAndReconcile();
  nlohmann::json rep = Json({"--region", "17.04", "--level", "village", "--sort", "code"});
  ASSERT_FALSE(rep.is_discarded());
  EXPECT_EQ(rep["period"], "2024-11");
  EXPECT_EQ(rep["reference_date"], "2024-11-30");
  EXPECT_EQ(rep["checks"]["duplicates"], "not_checked");
  ASSERT_EQ(rep["rows"].size(), 7u);

  const auto& a1 = Row(rep, "17.04.01.2001");
  EXPECT_EQ(a1["registry"], 5);
  EXPECT_EQ(a1["flagged"], 5);
  EXPECT_DOUBLE_EQ(a1["flagged_share"].get<double>(), 1.0);
  EXPECT_EQ(Count(a1, "nik_not_digits"), 1);
  EXPECT_EQ(Count(a1, "nik_wrong_length"), 1);
  EXPECT_EQ(Count(a1, "nik_empty"), 1);
  EXPECT_EQ(Count(a1, "nik_invalid"), 3);
  EXPECT_DOUBLE_EQ(a1["findings"]["nik_invalid"]["share"].get<double>(), 0.6);
  EXPECT_EQ(Count(a1, "nik_sex_mismatch"), 1);
  EXPECT_EQ(Count(a1, "age_under_15"), 1);
  EXPECT_EQ(Count(a1, "name_bad_characters"), 1);
  EXPECT_EQ(Count(a1, "name_all_caps"), 1);
  EXPECT_EQ(Count(a1, "duplicate_probable"), -1);  // not checked: null

  const auto& a2 = Row(rep, "17.04.01.2002");
  EXPECT_EQ(a2["registry"], 5);
  EXPECT_EQ(a2["flagged"], 4);
  EXPECT_EQ(Count(a2, "age_over_75"), 1);
  EXPECT_EQ(Count(a2, "nik_district_unknown"), 1);
  EXPECT_EQ(Count(a2, "nik_birth_date_mismatch"), 1);
  EXPECT_EQ(Count(a2, "nik_serial_zero"), 1);
  EXPECT_EQ(Count(a2, "nik_invalid"), 1);

  const auto& a3 = Row(rep, "17.04.01.2003");
  EXPECT_EQ(a3["flagged"], 0);
  EXPECT_EQ(a3["complete"], 4);
  EXPECT_EQ(a3["filled"]["occupation"]["count"], 4);
  EXPECT_EQ(Count(a3, "incomplete"), 2);

  const auto& a6 = Row(rep, "17.04.01.2006");
  EXPECT_EQ(a6["registry"], 40);
  EXPECT_EQ(Count(a6, "village_count_high"), 1);
  EXPECT_GT(a6["village_z"].get<double>(), 3.5);
  EXPECT_EQ(Count(Row(rep, "17.04.01.2004"), "village_count_low"), 0);

  const auto& b1 = Row(rep, "17.04.02.2001");
  EXPECT_EQ(b1["registry"], 0);
  EXPECT_EQ(Count(b1, "villages_empty"), 1);
  EXPECT_TRUE(b1["flagged_share"].is_null());

  // The regency: every finding summed, plus the regency checks.
  const auto& k = rep["region"];
  EXPECT_EQ(k["code"], "17.04");
  EXPECT_EQ(k["registry"], 65);
  EXPECT_EQ(k["villages"], 7);
  EXPECT_EQ(k["flagged"], 9);
  EXPECT_EQ(Count(k, "nik_invalid"), 4);
  EXPECT_EQ(Count(k, "villages_empty"), 1);
  EXPECT_EQ(Count(k, "village_count_high"), 1);
  EXPECT_EQ(Count(k, "members_not_in_registry"), 2);
  EXPECT_EQ(Count(k, "enumeration_low"), 1);
  EXPECT_EQ(Count(k, "enumeration_high"), 0);
  EXPECT_EQ(k["employed"], 200);
  EXPECT_DOUBLE_EQ(k["enumerated_share"].get<double>(), 65.0 / 200);
  // District 17.04.01: 6 active participants (4 matched + 2 not in the
  // registry) for 3 employed.
  EXPECT_EQ(Count(k, "coverage_above_100"), 1);
  ASSERT_EQ(rep["coverage_anomalies"].size(), 1u);
  EXPECT_EQ(rep["coverage_anomalies"][0]["code"], "17.04.01");
  EXPECT_EQ(rep["coverage_anomalies"][0]["active"], 6);
  EXPECT_EQ(rep["coverage_anomalies"][0]["denominator"], 3);

  // Default sort: the empty village first, then A1 (100% flagged), A2 (80%).
  nlohmann::json worst = Json({"--region", "17.04", "--level", "village"});
  ASSERT_EQ(worst["rows"].size(), 7u);
  EXPECT_EQ(worst["rows"][0]["code"], "17.04.02.2001");
  EXPECT_EQ(worst["rows"][1]["code"], "17.04.01.2001");
  EXPECT_EQ(worst["rows"][2]["code"], "17.04.01.2002");
}

TEST_F(QualityE2e, RegistryChecksRunBeforeAnyExtract) {
  nlohmann::json rep = Json({"--region", "17.04.01", "--level", "village"});
  ASSERT_FALSE(rep.is_discarded());
  EXPECT_TRUE(rep["period"].is_null());
  EXPECT_EQ(rep["checks"]["reconciliation"], "not_checked");
  EXPECT_EQ(rep["region"]["registry"], 65);
  EXPECT_EQ(Count(rep["region"], "nik_invalid"), 4);
  EXPECT_EQ(Count(rep["region"], "members_not_in_registry"), -1);
  // The table says what was not checked.
  RunResult table = Ok({"--db", db_, "quality", "--region", "17.04"});
  EXPECT_NE(table.out.find("cakupan dedupe"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Kec A"), std::string::npos);
}

TEST_F(QualityE2e, StaleReconciliationIsRefused) {
  ImportMembersAndReconcile();
  std::string csv = Workers() + "1704010101908888,Baru,L,1990-01-01,17.04.01.2003,formal,Guru,5,tidak\n";
  WriteFile(*dir_ / "pekerja2.csv", csv);
  Ok({"--db", db_, "import", "workers", *dir_ / "pekerja2.csv"});
  RunResult r = Cakupan({"--db", db_, "quality", "--region", "17.04"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("cakupan reconcile --period 2024-11"), std::string::npos) << r.err;
}

TEST_F(QualityE2e, VillageDetailsAreMasked) {
  ImportMembersAndReconcile();
  nlohmann::json d = Json({"--region", "17.04.01.2001", "--details"});
  ASSERT_FALSE(d.is_discarded());
  EXPECT_EQ(d["village"]["code"], "17.04.01.2001");
  // 5 scored findings and the all-caps name.
  ASSERT_EQ(d["findings"].size(), 7u);
  std::map<std::string, int> by_check;
  for (const auto& f : d["findings"]) {
    ++by_check[f["check"].get<std::string>()];
    const std::string nik = f["nik"], name = f["name"];
    EXPECT_EQ(nik.find("0592"), std::string::npos) << nik;  // never the birth-date digits
    EXPECT_EQ(name.find("iti"), std::string::npos) << name;
  }
  EXPECT_EQ(by_check["nik_not_digits"], 1);
  EXPECT_EQ(by_check["nik_sex_mismatch"], 1);
  EXPECT_EQ(by_check["age_under_15"], 1);
  // The masked forms.
  const std::string text = d["findings"].dump();
  EXPECT_NE(text.find("1704************"), std::string::npos) << text;  // a valid NIK, or 16 characters of text
  EXPECT_NE(text.find("\"1704********\""), std::string::npos) << text;  // the 12-character NIK text
  EXPECT_NE(text.find("S*** A*****"), std::string::npos) << text;
  EXPECT_NE(text.find("umur 12"), std::string::npos) << text;
  // Filtered by check.
  nlohmann::json only = Json({"--region", "17.04.01.2001", "--details", "--check", "nik_empty"});
  ASSERT_EQ(only["findings"].size(), 1u);
  EXPECT_EQ(only["findings"][0]["nik"], "");
  EXPECT_EQ(only["findings"][0]["name"], "R***");
  // A province: too large a list, a clear error.
  RunResult r = Cakupan({"--db", db_, "quality", "--region", "17", "--details"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("kecamatan atau desa"), std::string::npos) << r.err;
  // A regency lists every village's findings, each with its village.
  r = Cakupan({"--db", db_, "quality", "--region", "17.04", "--details", "--check", "villages_empty"});
  EXPECT_NE(r.exit_code, 0) << "a region check has no list of rows";
  nlohmann::json regency = Json({"--region", "17.04", "--details"});
  ASSERT_FALSE(regency.is_discarded());
  EXPECT_EQ(regency["region"]["level"], "regency");
  std::set<std::string> villages;
  for (const auto& f : regency["findings"]) villages.insert(f["region"].get<std::string>());
  EXPECT_EQ(villages, (std::set<std::string>{"17.04.01.2001", "17.04.01.2002"}));
  // No full NIK anywhere in the table either.
  RunResult t = Ok({"--db", db_, "quality", "--region", "17.04.01.2002", "--details"});
  EXPECT_EQ(t.out.find("1704010202440004"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("umur 80"), std::string::npos) << t.out;
}

TEST_F(QualityE2e, XlsxHoldsTheReport) {
  ImportMembersAndReconcile();
  const std::string file = *dir_ / "mutu.xlsx";
  Ok({"--db", db_, "quality", "--region", "17.04", "--level", "village", "--format", "xlsx", "-o", file});
  auto entries = testing_zip::ReadZip(ReadFile(file));
  ASSERT_FALSE(entries.empty());
  ASSERT_TRUE(entries.count("xl/worksheets/sheet1.xml"));
  const std::string strings = entries["xl/sharedStrings.xml"];
  EXPECT_NE(strings.find("nik_not_digits"), std::string::npos);
  EXPECT_NE(strings.find("17.04.01.2006"), std::string::npos);
  EXPECT_NE(strings.find("Jumlah Kabupaten Kaur"), std::string::npos);
  const std::string sheet = entries["xl/worksheets/sheet1.xml"];
  EXPECT_NE(sheet.find("<v>65</v>"), std::string::npos);  // the regency's registry workers
  EXPECT_NE(sheet.find("<v>40</v>"), std::string::npos);  // village A6
  // CSV: the total row last.
  RunResult csv = Ok({"--db", db_, "quality", "--region", "17.04", "--level", "village", "--format", "csv"});
  EXPECT_NE(csv.out.find("\n17.04,Kabupaten Kaur,regency,1,65,7,9,"), std::string::npos) << csv.out;
}

TEST_F(QualityE2e, ApiAnswersTheSameObjectAsTheCli) {
  ImportMembersAndReconcile();
  nlohmann::json cli = Json({"--region", "17.04", "--level", "village"});
  nlohmann::json details = Json({"--region", "17.04.01.2002", "--details"});
  ServerProcess server({"--db", db_, "serve", "--port", "0", "--reload-seconds", "0"});
  ASSERT_TRUE(server.ok()) << server.output();
  HttpResult r = HttpGet(server.port(), "/api/quality?region=17.04&level=village");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body), cli);
  r = HttpGet(server.port(), "/api/quality?region=17.04.01.2002&details=1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body), details);
  r = HttpGet(server.port(), "/api/quality?region=17.04&level=village&format=xlsx");
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(testing_zip::ReadZip(r.body).empty());
  r = HttpGet(server.port(), "/api/quality?region=17.04&format=csv");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("nik_not_digits"), std::string::npos);
  r = HttpGet(server.port(), "/api/quality?region=99");
  EXPECT_EQ(r.status, 404);
  r = HttpGet(server.port(), "/api/quality?region=17&sort=xyz");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("bad_request"), std::string::npos);
  r = HttpGet(server.port(), "/api/openapi.json");
  EXPECT_NE(r.body.find("/api/quality"), std::string::npos);
}

// Bad input end to end: a registry and an extract holding every kind of bad
// cell are imported through the CLI (nothing crashes, the import says what
// it kept and why), and every kind is counted in its village and listed,
// masked, by --details.
TEST_F(QualityE2e, BadInputBecomesFindingsNotCrashes) {
  std::string workers = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa\n";
  workers +=
      "1704014105920101,,P,1992-05-01,17.04.01.2003\n"                  // empty name
      "1704014105920102,SITI AMINAH,P,1992-05-01,17.04.01.2003\n"       // all caps (info)
      "1704014105920103,S1ti,P,1992-05-01,17.04.01.2003\n"              // digit
      "1704014105920104,\"Siti\x01\",P,1992-05-01,17.04.01.2003\n"      // control character
      "1704014105920105,Siti \xF0\x9F\x98\x80,P,1992-05-01,17.04.01.2003\n"  // emoji
      "1704014105920106,<b>Siti</b>,P,1992-05-01,17.04.01.2003\n"       // HTML
      "1704014105920107,Siti,P,31-02-1992,17.04.01.2003\n"              // impossible date
      "1704014105920108,Siti,P,00-00-0000,17.04.01.2003\n"              // zero date
      "1704014105920109,Siti,P,01-05-1800,17.04.01.2003\n"              // year 1800
      "1704014105920110,Siti,P,01-05-2099,17.04.01.2003\n"              // future
      "1704014105920111,Siti,P,33725,17.04.01.2003\n"                   // Excel serial
      "1704014105920112,Siti,P,tidak tahu,17.04.01.2003\n"              // text
      "17O4014105920113,Siti,P,1992-05-01,17.04.01.2003\n"              // NIK with a letter
      "1704 0141 0592 0114,Siti,P,1992-05-01,17.04.01.2003\n"           // NIK with spaces
      "1.70401E+15,Siti,P,1992-05-01,17.04.01.2003\n"                   // NIK as an Excel number
      "1.70401E+15,,P,1992-05-01,17.04.01.2003\n";                      // ... and no name: rejected
  WriteFile(*dir_ / "pekerja-buruk.csv", workers);
  RunResult imp = Ok({"--db", db_, "import", "workers", *dir_ / "pekerja-buruk.csv"});
  EXPECT_NE(imp.out.find("15 diterima + 1 ditolak"), std::string::npos) << imp.out << imp.err;
  const std::string rejects = ReadFile(*dir_ / "pekerja-buruk.rejects.csv");
  EXPECT_NE(rejects.find("tidak ada nama untuk mengenali pekerja"), std::string::npos) << rejects;
  EXPECT_EQ(rejects.find("1.70401E+15"), std::string::npos) << "the NIK is masked: " << rejects;

  std::string members = "periode,nik,nama,tanggal_lahir,segmen,status\n";
  members +=
      "2024-11,1704014105920101,BUDI,31-02-1992,BPU,aktif\n"             // capitals, impossible date
      "2024-11,1704014105920102,Bud1,,BPU,aktif\n"                       // digit
      "2024-11,1704014105920103,,,BPU,aktif\n"                           // empty name
      "2024-11,17O4014105920104,Budi,,BPU,aktif\n"                       // NIK with a letter: rejected
      "2024-11,1.70401E+15,Budi,,BPU,aktif\n";                           // Excel number: rejected
  WriteFile(*dir_ / "kepesertaan-buruk.csv", members);
  imp = Ok({"--db", db_, "import", "members", *dir_ / "kepesertaan-buruk.csv"});
  EXPECT_NE(imp.out.find("3 diterima + 2 ditolak"), std::string::npos) << imp.out << imp.err;
  Ok({"--db", db_, "reconcile", "--period", "2024-11"});

  nlohmann::json rep = Json({"--region", "17.04.01", "--level", "village", "--sort", "code"});
  ASSERT_FALSE(rep.is_discarded());
  EXPECT_EQ(rep["checks"]["members"], "checked");
  const auto& a3 = Row(rep, "17.04.01.2003");
  EXPECT_EQ(a3["registry"], 6 + 15);
  EXPECT_EQ(Count(a3, "name_missing"), 1);
  EXPECT_EQ(Count(a3, "name_all_caps"), 1);
  EXPECT_EQ(Count(a3, "name_bad_characters"), 4);
  EXPECT_EQ(Count(a3, "birth_date_invalid"), 6);
  EXPECT_EQ(Count(a3, "nik_not_digits"), 2);
  EXPECT_EQ(Count(a3, "nik_excel_number"), 1);
  EXPECT_EQ(Count(a3, "nik_invalid"), 3);
  EXPECT_EQ(a3["memberships"], 3);
  EXPECT_EQ(Count(a3, "member_name_all_caps"), 1);
  EXPECT_EQ(Count(a3, "member_birth_date_invalid"), 1);
  EXPECT_EQ(Count(a3, "member_name_bad_characters"), 1);
  EXPECT_EQ(Count(a3, "member_name_missing"), 1);

  nlohmann::json d = Json({"--region", "17.04.01.2003", "--details"});
  ASSERT_FALSE(d.is_discarded());
  std::map<std::string, int> by_check;
  for (const auto& f : d["findings"]) {
    ++by_check[f["check"].get<std::string>()];
    const std::string nik = f["nik"], name = f["name"];
    EXPECT_EQ(nik.find("0592"), std::string::npos) << nik;
    EXPECT_EQ(name.find("iti"), std::string::npos) << name;
    EXPECT_EQ(name.find('\x01'), std::string::npos) << "a control character is never shown";
    EXPECT_EQ(f["detail"].get<std::string>().find("1992"), std::string::npos) << "no birth date in the list";
  }
  EXPECT_EQ(by_check["birth_date_invalid"], 6);
  EXPECT_EQ(by_check["name_bad_characters"], 4);
  EXPECT_EQ(by_check["nik_excel_number"], 1);
  EXPECT_EQ(by_check["member_birth_date_invalid"], 1);
  EXPECT_EQ(by_check["member_name_missing"], 1);
  // The table never prints a control character either.
  RunResult t = Ok({"--db", db_, "quality", "--region", "17.04.01.2003", "--details"});
  EXPECT_EQ(t.out.find('\x01'), std::string::npos);
  EXPECT_NE(t.out.find("angka tanggal dari Excel"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("data BPJS"), std::string::npos) << t.out;
}

}  // namespace
}  // namespace cakupan::e2e
