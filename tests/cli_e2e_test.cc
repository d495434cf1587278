// End-to-end: a generated province through the real binary, checked against
// an independent, naive computation from the generated CSV files.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "e2e_util.h"

namespace cakupan::e2e {
namespace {

const char* kPeriod = "2024-11";

class GeneratedProvince : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>("e2e");
    db_ = *dir_ / "test.db";
    gen_ = *dir_ / "gen";
    Ok({"generate", "--region", "17", "--workers", "12000", "--seed", "7", "--period", kPeriod, "--periods", "2",
        "--out", gen_});
    Ok({"--db", db_, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"});
    Ok({"--db", db_, "import", "workers", gen_ + "/pekerja.csv"});
    Ok({"--db", db_, "import", "labour-force", gen_ + "/angkatan-kerja.csv"});
    Ok({"--db", db_, "import", "targets", gen_ + "/target.csv"});
    Ok({"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-10.csv"});
    Ok({"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-11.csv"});
    Ok({"--db", db_, "reconcile", "--all"});
  }

  RunResult Ok(const std::vector<std::string>& args) {
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 0) << "cakupan " << args[0] << " " << (args.size() > 2 ? args[2] : "") << "\n"
                              << r.err << r.out;
    return r;
  }

  nlohmann::json CoverageJson(std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", db_, "coverage", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Ok(args);
    return nlohmann::json::parse(r.out);
  }

  // Independent computation: per regency ("17.04"), registry workers and
  // their status from the raw files.
  struct Naive {
    std::map<std::string, int64_t> registry, active, non_active, unmatched_active, employed;
  };
  Naive ComputeNaively() {
    Naive n;
    auto workers = ReadCsv(gen_ + "/pekerja.csv");
    auto members = ReadCsv(gen_ + "/kepesertaan-2024-11.csv");
    auto lf = ReadCsv(gen_ + "/angkatan-kerja.csv");
    EXPECT_EQ(workers[0][0], "nik");
    EXPECT_EQ(workers[0][4], "kode_desa");
    std::map<std::string, std::string> worker_regency;
    for (size_t i = 1; i < workers.size(); ++i) {
      worker_regency[workers[i][0]] = workers[i][4].substr(0, 5);
      ++n.registry[workers[i][4].substr(0, 5)];
    }
    // Column positions from the header.
    std::map<std::string, size_t> col;
    for (size_t c = 0; c < members[0].size(); ++c) col[members[0][c]] = c;
    std::map<std::string, bool> person_active;
    std::map<std::string, std::string> person_region;
    for (size_t i = 1; i < members.size(); ++i) {
      const auto& m = members[i];
      const std::string& nik = m[col["nik"]];
      person_active[nik] = person_active[nik] || m[col["status"]] == "aktif";
      if (!m[col["kode_wilayah"]].empty()) person_region[nik] = m[col["kode_wilayah"]].substr(0, 5);
    }
    for (const auto& [nik, active] : person_active) {
      auto w = worker_regency.find(nik);
      if (w != worker_regency.end()) {
        ++(active ? n.active : n.non_active)[w->second];
      } else if (active) {
        std::string region = person_region.count(nik) ? person_region[nik] : nik.substr(0, 2) + "." + nik.substr(2, 2);
        ++n.unmatched_active[region];
      }
    }
    // Latest labour-force figure at or before the period, per regency.
    std::map<std::string, std::string> latest;
    for (size_t i = 1; i < lf.size(); ++i) {
      const std::string& code = lf[i][0];
      const std::string& period = lf[i][1];
      if (period > kPeriod || (latest.count(code) && latest[code] >= period)) continue;
      latest[code] = period;
      n.employed[code] = std::stoll(lf[i][2]);
    }
    return n;
  }

  std::unique_ptr<TempDir> dir_;
  std::string db_, gen_;
};

TEST_F(GeneratedProvince, CoverageJsonHasTheDocumentedShape) {
  auto j = CoverageJson({"--region", "17", "--level", "regency"});
  EXPECT_EQ(j["period"], kPeriod);
  EXPECT_EQ(j["basis"], "labour-force");
  EXPECT_TRUE(j.contains("national_reference"));
  ASSERT_EQ(j["rows"].size(), 10u);
  for (const auto& row : j["rows"]) {
    for (const char* f : {"code", "name", "level", "denominator", "active", "non_active", "coverage", "rank", "target",
                          "gap_points", "gap_workers"})
      EXPECT_TRUE(row.contains(f)) << f;
    EXPECT_EQ(row["level"], "regency");
    const double expected = row["active"].get<double>() / row["denominator"].get<double>();
    EXPECT_NEAR(row["coverage"].get<double>(), expected, 1e-12);
    EXPECT_GE(row["rank"].get<int>(), 1);
    EXPECT_LE(row["rank"].get<int>(), 10);
  }
  EXPECT_EQ(j["region"]["code"], "17");
  EXPECT_EQ(j["region"]["level"], "province");
}

TEST_F(GeneratedProvince, RegistryBasisMatchesAnIndependentCount) {
  Naive n = ComputeNaively();
  auto j = CoverageJson({"--region", "17", "--level", "regency", "--basis", "registry", "--period", kPeriod});
  EXPECT_EQ(j["basis"], "registry");
  int64_t total = 0;
  for (const auto& row : j["rows"]) {
    const std::string code = row["code"];
    EXPECT_EQ(row["denominator"].get<int64_t>(), n.registry[code]) << code;
    EXPECT_EQ(row["active"].get<int64_t>(), n.active[code]) << code;
    EXPECT_EQ(row["non_active"].get<int64_t>(), n.non_active[code]) << code;
    EXPECT_EQ(row["unregistered"].get<int64_t>(), n.registry[code] - n.active[code] - n.non_active[code]) << code;
    total += n.registry[code];
  }
  EXPECT_EQ(total, 12000);
  EXPECT_EQ(j["region"]["denominator"].get<int64_t>(), 12000);
}

TEST_F(GeneratedProvince, LabourForceBasisMatchesAnIndependentCount) {
  Naive n = ComputeNaively();
  auto j = CoverageJson({"--region", "17", "--level", "regency"});
  int64_t num = 0, den = 0;
  for (const auto& row : j["rows"]) {
    const std::string code = row["code"];
    EXPECT_EQ(row["denominator"].get<int64_t>(), n.employed[code]) << code;
    EXPECT_EQ(row["active"].get<int64_t>(), n.active[code] + n.unmatched_active[code]) << code;
    num += n.active[code] + n.unmatched_active[code];
    den += n.employed[code];
  }
  EXPECT_EQ(j["region"]["active"].get<int64_t>() - j["active_not_in_rows"].get<int64_t>(), num);
  EXPECT_EQ(j["region"]["denominator"].get<int64_t>(), den);
}

TEST_F(GeneratedProvince, VillageLevelListsEveryVillage) {
  auto j = CoverageJson({"--region", "17", "--level", "village", "--basis", "registry"});
  EXPECT_EQ(j["rows"].size(), 1513u);
  int64_t sum = 0;
  for (const auto& row : j["rows"]) sum += row["active"].get<int64_t>();
  EXPECT_EQ(sum, j["region"]["active"].get<int64_t>());
}

TEST_F(GeneratedProvince, TableAndCsvFormats) {
  RunResult table = Ok({"--db", db_, "coverage", "--region", "17"});
  EXPECT_NE(table.out.find("Cakupan jaminan sosial ketenagakerjaan"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Kabupaten Kaur"), std::string::npos);
  EXPECT_NE(table.out.find("November 2024"), std::string::npos);
  EXPECT_TRUE(std::regex_search(table.out, std::regex(R"( [0-9]{1,2},[0-9]%)"))) << "decimal comma: " << table.out;
  EXPECT_FALSE(std::regex_search(table.out, std::regex(R"( [0-9]{1,2}\.[0-9]%)"))) << table.out;
  RunResult en = Ok({"--lang", "en", "--db", db_, "coverage", "--region", "17"});
  EXPECT_NE(en.out.find("Employment social security coverage"), std::string::npos) << en.out;
  RunResult csv = Ok({"--db", db_, "coverage", "--region", "17", "--format", "csv"});
  auto path = *dir_ / "out.csv";
  WriteFile(path, csv.out);
  auto rows = ReadCsv(path);
  ASSERT_EQ(rows.size(), 12u);  // header + 10 regencies + total
  EXPECT_EQ(rows[0][2], "code");
  EXPECT_EQ(rows[11][2], "17");
  RunResult breakdown = Ok({"--db", db_, "coverage", "--region", "17.07", "--breakdown", "sex", "--basis", "registry",
                            "--format", "json"});
  auto b = nlohmann::json::parse(breakdown.out);
  int64_t denominators = 0;
  for (const auto& r : b["rows"])
    if (!r["denominator"].is_null()) denominators += r["denominator"].get<int64_t>();
  EXPECT_EQ(denominators, b["region"]["denominator"].get<int64_t>());
}

TEST_F(GeneratedProvince, ReimportingTheSameFileChangesNothing) {
  RunResult again = Ok({"--db", db_, "import", "workers", gen_ + "/pekerja.csv", "--format", "json"});
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["changed"], false);
  EXPECT_EQ(j["inserted"], 0);
  EXPECT_EQ(j["updated"], 0);
  EXPECT_EQ(j["unchanged"], 12000);
  EXPECT_EQ(j["rows_read"].get<int64_t>(), j["accepted"].get<int64_t>() + j["rejected"].get<int64_t>());
  // Nothing changed, so the reconciliation is still current.
  RunResult cov = Cakupan({"--db", db_, "coverage", "--region", "17"});
  EXPECT_EQ(cov.exit_code, 0) << cov.err;
}

TEST_F(GeneratedProvince, BadRowsAreRejectedWithLineColumnAndReason) {
  // Semicolon-separated with a BOM and Indonesian header aliases, as Excel writes it.
  const std::string file = *dir_ / "tambahan.csv";
  WriteFile(file,
            "\xEF\xBB\xBFNo KTP;Nama Lengkap;Kode Desa\r\n"
            "1704075505920001;Siti Aminah;17.04.07.2010\r\n"   // line 2: good
            "17040755059200;;17.04.07.2010\r\n"                // line 3: NIK too short, and no name
            "1704075505920002;Ani;99.99.99.9999\r\n"           // line 4: unknown village
            "1704075505920001;Siti Aminah;17.04.07.2010\r\n"   // line 5: duplicate of line 2
            "17040755059200;Budi;17.04.07.2010\r\n");          // line 6: NIK too short: kept by name, warned
  RunResult r = Ok({"--db", db_, "import", "workers", file, "--format", "json", "--max-reject-rate", "0.8"});
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rows_read"], 5);
  EXPECT_EQ(j["accepted"], 2);
  EXPECT_EQ(j["rejected"], 3);
  // The rejects file mirrors the input's dialect (semicolons, BOM) for Excel.
  EXPECT_EQ(ReadFile(*dir_ / "tambahan.rejects.csv").rfind("\xEF\xBB\xBF" "baris;kolom;alasan;nilai", 0), 0u);
  auto rejects = ReadCsv(*dir_ / "tambahan.rejects.csv", ';');
  ASSERT_EQ(rejects.size(), 4u);
  EXPECT_EQ(rejects[0][0], "baris");
  EXPECT_EQ(rejects[1][0], "3");
  EXPECT_EQ(rejects[2][0], "4");
  EXPECT_EQ(rejects[3][0], "5");
  for (size_t i = 1; i < rejects.size(); ++i) EXPECT_FALSE(rejects[i][2].empty());
  EXPECT_EQ(rejects[3][3].find("1704075505920001"), std::string::npos) << "NIK must be masked";
}

TEST_F(GeneratedProvince, StructuralErrorStoresNothing) {
  const std::string file = *dir_ / "salah.csv";
  WriteFile(file, "nama,kode_desa\nBudi,17.04.07.2010\n");
  RunResult r = Cakupan({"--db", db_, "import", "workers", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("salah.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nik"), std::string::npos) << r.err;
  // The data did not change: the stored reconciliation is still current.
  RunResult cov = Cakupan({"--db", db_, "coverage", "--region", "17"});
  EXPECT_EQ(cov.exit_code, 0) << cov.err;
}

TEST_F(GeneratedProvince, TooManyRejectionsStoreNothing) {
  const std::string file = *dir_ / "sampah.csv";
  WriteFile(file, "nik,kode_desa\nabc,17.04.07.2010\n123,17.04.07.2010\n1704075505920001,17.04.07.2010\n");
  RunResult r = Cakupan({"--db", db_, "import", "workers", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("sampah.rejects.csv"), std::string::npos) << r.err;
  RunResult cov = Cakupan({"--db", db_, "coverage", "--region", "17"});
  EXPECT_EQ(cov.exit_code, 0) << cov.err;
}

TEST_F(GeneratedProvince, ChangedDataMakesCoverageAskForReconcile) {
  const std::string file = *dir_ / "baru.csv";
  WriteFile(file, "nik,kode_desa\n1704075505920001,17.04.07.2010\n");
  Ok({"--db", db_, "import", "workers", file});
  RunResult stale = Cakupan({"--db", db_, "coverage", "--region", "17"});
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_NE(stale.err.find("cakupan reconcile --period 2024-11"), std::string::npos) << stale.err;
  Ok({"--db", db_, "reconcile", "--period", kPeriod});
  auto j = CoverageJson({"--region", "17", "--basis", "registry"});
  EXPECT_EQ(j["region"]["denominator"].get<int64_t>(), 12001);
}

TEST_F(GeneratedProvince, AnExtractInTwoFilesMergesBeforeReconciling) {
  // A second file for the same month (e.g. another BPJS branch) adds one
  // membership for a registry worker who had none: a second stored segment.
  auto workers = ReadCsv(gen_ + "/pekerja.csv");
  auto members = ReadCsv(gen_ + "/kepesertaan-2024-11.csv");
  std::set<std::string> member_niks;
  for (size_t i = 1; i < members.size(); ++i) member_niks.insert(members[i][1]);
  std::string nik, regency;
  for (size_t i = 1; i < workers.size() && nik.empty(); ++i)
    if (!member_niks.count(workers[i][0])) {
      nik = workers[i][0];
      regency = workers[i][4].substr(0, 5);
    }
  ASSERT_FALSE(nik.empty());
  auto before = CoverageJson({"--region", "17", "--basis", "registry"});
  const std::string file = *dir_ / "cabang-2.csv";
  WriteFile(file, "nik,segmen,status,npp\n" + nik + ",BPU,aktif,\n");
  Ok({"--db", db_, "import", "members", file, "--period", kPeriod});
  Ok({"--db", db_, "reconcile", "--period", kPeriod});
  auto after = CoverageJson({"--region", "17", "--basis", "registry"});
  for (size_t i = 0; i < after["rows"].size(); ++i) {
    const auto& a = after["rows"][i];
    const auto& b = before["rows"][i];
    const int64_t expected = b["active"].get<int64_t>() + (a["code"] == regency ? 1 : 0);
    EXPECT_EQ(a["active"].get<int64_t>(), expected) << a["code"];
  }
}

TEST_F(GeneratedProvince, ClearErrorsForBadArguments) {
  RunResult unknown = Cakupan({"--db", db_, "coverage", "--region", "99"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("99"), std::string::npos);
  RunResult malformed = Cakupan({"--db", db_, "coverage", "--region", "17.4"});
  EXPECT_EQ(malformed.exit_code, 1);
  RunResult level = Cakupan({"--db", db_, "coverage", "--region", "17.04", "--level", "province"});
  EXPECT_EQ(level.exit_code, 1);
  RunResult period = Cakupan({"--db", db_, "coverage", "--period", "2019-01"});
  EXPECT_EQ(period.exit_code, 1);
  RunResult missing = Cakupan({"--db", *dir_ / "nope.db", "coverage"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(*dir_ / "nope.db"));
  RunResult usage = Cakupan({"coverage", "--format", "xml"});
  EXPECT_EQ(usage.exit_code, 2);
}

TEST(CliHelp, EverySubcommandHasHelp) {
  for (const char* sub : {"import", "reconcile", "coverage", "generate", "demo", "status"}) {
    RunResult r = Cakupan({sub, "--help"});
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("--"), std::string::npos) << sub;
  }
}

}  // namespace
}  // namespace cakupan::e2e
