// Budget allocation end to end: `cakupan generate` a province, import it
// into a real SQLite file, reconcile (exact NIK), then `cakupan plan` —
// its JSON checked against `cakupan coverage` and against a brute-force
// recomputation from the generated CSV files (candidates, the order of each
// policy, per-regency counts, coverage after, funders); the API answering the
// same object; bad input refused with nothing stored changed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "e2e_util.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan::e2e {
namespace {

constexpr int64_t kCost = 201600;  // bpu-minimum, 12 months, Rp 1.000.000 (docs/planning.md)
const char* kDate = "2025-01-01";

nlohmann::json Json(const RunResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

// --- The brute force: everything recomputed from the generated CSV files ---

uint64_t SplitMix(uint64_t x) {
  uint64_t z = x + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The documented list (docs/planning.md, "Budget allocation").
bool VulnerableOccupation(const std::string& occupation) {
  static const char* kWords[] = {"petani", "buruh tani", "pekebun", "peternak", "nelayan", "buruh harian",
                                 "buruh angkut", "pekerja rumah tangga", "pemulung", "kaki lima", "ojek",
                                 "juru parkir", "tukang", "marbot", "guru ngaji"};
  std::string lower = occupation;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* w : kWords)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

struct Person {
  uint64_t nik = 0;
  std::string nik_text;
  std::string village;  // 17.01.01.2001
  std::string regency;  // 17.01
  bool formal = false;
  int decile_rank = 11;  // 1..10, unknown 11
  int vuln_rank = 1;     // ya 0, unknown 1, tidak 2
  int occ_rank = 1;      // vulnerable occupation 0
  int age = -1;
  std::string status;  // active, non_active, unregistered
  uint64_t tie = 0;
  // The decile policy's need key.
  std::tuple<int, int, int, uint64_t> Need() const { return {decile_rank, vuln_rank, occ_rank, tie}; }
};

int AgeOn(int y, int m, int d, int oy, int om, int od) {
  int age = oy - y;
  if (om < m || (om == m && od < d)) --age;
  return age;
}

struct World {
  std::vector<Person> people;
  std::vector<Person> candidates;  // in no particular order
};

World Load(const std::string& dir, const std::string& period) {
  World w;
  std::map<std::string, std::string> status;  // nik -> active / non_active
  auto members = ReadCsv(dir + "/kepesertaan-" + period + ".csv");
  std::map<std::string, size_t> mcol;
  for (size_t i = 0; i < members[0].size(); ++i) mcol[members[0][i]] = i;
  for (size_t r = 1; r < members.size(); ++r) {
    const std::string& nik = members[r][mcol["nik"]];
    const bool active = members[r][mcol["status"]] == "aktif";
    if (active) status[nik] = "active";
    else if (!status.count(nik)) status[nik] = "non_active";
  }
  auto workers = ReadCsv(dir + "/pekerja.csv");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < workers[0].size(); ++i) col[workers[0][i]] = i;
  for (size_t r = 1; r < workers.size(); ++r) {
    const auto& row = workers[r];
    Person p;
    p.nik_text = row[col["nik"]];
    p.nik = std::stoull(p.nik_text);
    p.village = row[col["kode_desa"]];
    p.regency = p.village.substr(0, 5);
    p.formal = row[col["sektor"]] == "formal";
    const std::string decile = row[col["desil"]];
    if (!decile.empty()) p.decile_rank = std::stoi(decile);
    const std::string rentan = row[col["rentan"]];
    p.vuln_rank = rentan == "ya" ? 0 : rentan == "tidak" ? 2 : 1;
    p.occ_rank = VulnerableOccupation(row[col["pekerjaan"]]) ? 0 : 1;
    const std::string birth = row[col["tanggal_lahir"]];
    if (birth.size() == 10) {
      p.age = AgeOn(std::stoi(birth.substr(0, 4)), std::stoi(birth.substr(5, 2)), std::stoi(birth.substr(8, 2)), 2025,
                    1, 1);
    } else {  // from the NIK: DDMMYY after the district, women's day + 40
      int day = std::stoi(p.nik_text.substr(6, 2)), month = std::stoi(p.nik_text.substr(8, 2)),
          yy = std::stoi(p.nik_text.substr(10, 2));
      if (day > 40) day -= 40;
      p.age = AgeOn(yy <= 25 ? 2000 + yy : 1900 + yy, month, day, 2025, 1, 1);
    }
    auto it = status.find(p.nik_text);
    p.status = it == status.end() ? "unregistered" : it->second;
    p.tie = SplitMix(p.nik);
    w.people.push_back(p);
    if (p.status != "active" && !p.formal && p.age >= 15 && p.age <= 64) w.candidates.push_back(p);
  }
  return w;
}

// The first k by the decile policy.
std::vector<std::string> DecileChoice(std::vector<Person> c, size_t k) {
  std::sort(c.begin(), c.end(), [](const Person& a, const Person& b) { return a.Need() < b.Need(); });
  std::vector<std::string> out;
  for (size_t i = 0; i < std::min(k, c.size()); ++i) out.push_back(c[i].nik_text);
  return out;
}

// Lowest-coverage, simulated one worker at a time: the village whose
// registry coverage is lowest now (exact fractions), ties by the need of its
// next candidate.
std::vector<std::string> LowestCoverageChoice(const World& w, size_t k) {
  std::map<std::string, int64_t> registry, active;
  for (const Person& p : w.people) {
    ++registry[p.village];
    if (p.status == "active") ++active[p.village];
  }
  std::map<std::string, std::vector<Person>> queue;
  for (const Person& p : w.candidates) queue[p.village].push_back(p);
  for (auto& [v, list] : queue)
    std::sort(list.begin(), list.end(), [](const Person& a, const Person& b) { return a.Need() < b.Need(); });
  std::map<std::string, size_t> next;
  std::vector<std::string> out;
  while (out.size() < k) {
    const std::string* best = nullptr;
    for (const auto& [v, list] : queue) {
      if (next[v] >= list.size()) continue;
      if (!best) {
        best = &v;
        continue;
      }
      const __int128 a = static_cast<__int128>(active[v]) * registry[*best];
      const __int128 b = static_cast<__int128>(active[*best]) * registry[v];
      if (a < b || (a == b && list[next[v]].Need() < queue[*best][next[*best]].Need())) best = &v;
    }
    if (!best) break;
    out.push_back(queue[*best][next[*best]].nik_text);
    ++next[*best];
    ++active[*best];
  }
  return out;
}

// --- The fixture ---

class PlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("plan");
    db_ = *dir_ / "plan.db";
    gen_ = *dir_ / "gen";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"generate", "--region", "17", "--workers", "4000", "--seed", "11", "--periods", "1", "--out", gen_},
             {"--db", db_, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"},
             {"--db", db_, "import", "workers", gen_ + "/pekerja.csv"},
             {"--db", db_, "import", "labour-force", gen_ + "/angkatan-kerja.csv"},
             {"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-11.csv"},
             {"--db", db_, "reconcile", "--all", "--exact-only"},
             {"--db", db_, "rates", "import", SourceDir() + "/data/tarif/iuran.csv"}}) {
      RunResult r = Cakupan(args);
      ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    }
    world_ = new World(Load(gen_, "2024-11"));
  }
  static void TearDownTestSuite() {
    delete world_;
    delete dir_;
    world_ = nullptr;
    dir_ = nullptr;
  }

  static nlohmann::json Plan(std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", db_, "plan", "--region", "17", "--date", kDate, "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Json(Cakupan(args));
  }
  // Every enrolled NIK in rank order (CSV, unmasked).
  static std::vector<std::string> Enrolled(std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", db_, "plan", "--region", "17", "--date", kDate, "--format", "csv",
                                     "--unmask"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    static int n = 0;
    const std::string path = *dir_ / ("list-" + std::to_string(n++) + ".csv");
    WriteFile(path, r.out);
    auto rows = ReadCsv(path);
    std::vector<std::string> out;
    for (size_t i = 1; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i][0], std::to_string(i));  // rank
      out.push_back(rows[i][1]);
    }
    return out;
  }

  static TempDir* dir_;
  static std::string db_;
  static std::string gen_;
  static World* world_;
};
TempDir* PlanTest::dir_ = nullptr;
std::string PlanTest::db_;
std::string PlanTest::gen_;
World* PlanTest::world_ = nullptr;

TEST_F(PlanTest, JsonAgreesWithCoverageAndWithABruteForceRecomputation) {
  const World& w = *world_;
  ASSERT_GT(w.candidates.size(), 300u);
  const int64_t k = 100;
  const int64_t budget = k * kCost + 12345;
  nlohmann::json plan = Plan({"--budget", std::to_string(budget), "--funders", "provinsi:33.333,kabupaten:66.667"});
  nlohmann::json cov = Json(Cakupan({"--db", db_, "coverage", "--region", "17", "--format", "json"}));

  // The contract's fields.
  for (const char* f : {"region", "period", "basis", "policy", "policy_label", "package", "programmes", "months",
                        "date", "cost_per_worker", "budget", "cost", "remaining", "candidates", "enrolled", "unfunded",
                        "unfunded_cost", "coverage_before", "coverage_after", "funders", "rows", "workers"})
    EXPECT_TRUE(plan.contains(f)) << f;
  EXPECT_EQ(plan["region"]["code"], "17");
  EXPECT_EQ(plan["region"]["level"], "province");
  EXPECT_EQ(plan["period"], "2024-11");
  EXPECT_EQ(plan["basis"], "labour-force");
  EXPECT_EQ(plan["policy"], "decile");
  EXPECT_EQ(plan["package"], "bpu-minimum");
  EXPECT_EQ(plan["programmes"], "JKK+JKM");
  EXPECT_EQ(plan["months"], 12);
  EXPECT_EQ(plan["date"], kDate);
  EXPECT_EQ(plan["cost_per_worker"], kCost);
  EXPECT_EQ(plan["budget"], budget);
  EXPECT_EQ(plan["cost"], k * kCost);
  EXPECT_EQ(plan["remaining"], 12345);
  EXPECT_EQ(plan["enrolled"], k);

  // Candidates and their split, from the CSV files.
  const int64_t candidates = static_cast<int64_t>(w.candidates.size());
  EXPECT_EQ(plan["candidates"], candidates);
  int64_t unregistered = 0;
  for (const Person& p : w.candidates) unregistered += p.status == "unregistered";
  EXPECT_EQ(plan["candidates_by_status"]["unregistered"], unregistered);
  EXPECT_EQ(plan["candidates_by_status"]["non_active"], candidates - unregistered);
  EXPECT_EQ(plan["unfunded"], candidates - k);
  EXPECT_EQ(plan["unfunded_cost"], (candidates - k) * kCost);

  // Coverage before = `cakupan coverage`; after = (active + enrolled) / denominator.
  const int64_t active = cov["region"]["active"], denominator = cov["region"]["denominator"];
  EXPECT_EQ(plan["coverage_before"].get<double>(), cov["region"]["coverage"].get<double>());
  EXPECT_DOUBLE_EQ(plan["coverage_after"].get<double>(),
                   static_cast<double>(active + k) / static_cast<double>(denominator));
  EXPECT_EQ(plan["region"]["active_after"], active + k);
  EXPECT_EQ(plan["region"]["workers"], denominator);

  // Who: the brute force's first 100 by decile, rentan, occupation, hash.
  const std::vector<std::string> expected = DecileChoice(w.candidates, static_cast<size_t>(k));
  const std::vector<std::string> got = Enrolled({"--budget", std::to_string(budget)});
  EXPECT_EQ(got, expected);
  std::map<std::string, int64_t> per_regency, candidates_per_regency;
  std::map<std::string, std::string> regency_of;
  for (const Person& p : w.candidates) {
    regency_of[p.nik_text] = p.regency;
    ++candidates_per_regency[p.regency];
  }
  for (const std::string& nik : expected) ++per_regency[regency_of[nik]];

  // Rows: one per regency, the same before/after fields.
  ASSERT_EQ(plan["rows"].size(), cov["rows"].size());
  int64_t sum = 0;
  for (size_t i = 0; i < plan["rows"].size(); ++i) {
    const auto& r = plan["rows"][i];
    const auto& c = cov["rows"][i];
    const std::string code = r["code"];
    ASSERT_EQ(code, c["code"]);
    EXPECT_EQ(r["workers"], c["denominator"]);
    EXPECT_EQ(r["active_before"], c["active"]);
    EXPECT_EQ(r["coverage_before"], c["coverage"]);
    EXPECT_EQ(r["enrolled"], per_regency[code]) << code;
    EXPECT_EQ(r["candidates"], candidates_per_regency[code]) << code;
    EXPECT_EQ(r["unfunded"], candidates_per_regency[code] - per_regency[code]);
    EXPECT_EQ(r["cost"], per_regency[code] * kCost);
    EXPECT_EQ(r["active_after"], c["active"].get<int64_t>() + per_regency[code]);
    EXPECT_DOUBLE_EQ(r["coverage_after"].get<double>(),
                     static_cast<double>(c["active"].get<int64_t>() + per_regency[code]) /
                         c["denominator"].get<double>());
    sum += r["enrolled"].get<int64_t>();
  }
  EXPECT_EQ(sum, k);

  // Funders: 33,333% and 66,667% of 20.160.000 are 6.719.932,8 and
  // 13.440.067,2: floors 6.719.932 and 13.440.067, the missing rupiah to the
  // larger remainder (0,8).
  ASSERT_EQ(plan["funders"].size(), 2u);
  EXPECT_EQ(plan["funders"][0]["name"], "provinsi");
  EXPECT_EQ(plan["funders"][0]["amount"], 6719933);
  EXPECT_EQ(plan["funders"][1]["amount"], 13440067);
  EXPECT_EQ(plan["funders"][0]["amount"].get<int64_t>() + plan["funders"][1]["amount"].get<int64_t>(), k * kCost);

  // The first page of the list, masked, with reasons.
  EXPECT_EQ(plan["workers"]["total"], k);
  EXPECT_EQ(plan["workers"]["page_size"], 50);
  EXPECT_EQ(plan["workers"]["pages"], 2);
  ASSERT_EQ(plan["workers"]["items"].size(), 50u);
  const auto& first = plan["workers"]["items"][0];
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["nik"], expected[0].substr(0, 4) + "************");
  const std::string masked_name = first["name"];
  ASSERT_GE(masked_name.size(), 2u);
  EXPECT_EQ(masked_name[1], '*') << masked_name;
  EXPECT_EQ(first["cost"], kCost);
  EXPECT_EQ(first["reason"].get<std::string>().rfind("desil ", 0), 0u) << first["reason"];
  EXPECT_EQ(plan.dump().find(expected[0]), std::string::npos) << "an unmasked NIK in the JSON";
}

TEST_F(PlanTest, ExactlyKWorkersAndOneRupiahShort) {
  nlohmann::json exact = Plan({"--budget", std::to_string(7 * kCost)});
  EXPECT_EQ(exact["enrolled"], 7);
  EXPECT_EQ(exact["cost"], 7 * kCost);
  EXPECT_EQ(exact["remaining"], 0);
  nlohmann::json shy = Plan({"--budget", "Rp " + std::string("1.411.199")});  // 7 x 201.600 - 1
  EXPECT_EQ(shy["budget"], 1411199);
  EXPECT_EQ(shy["enrolled"], 6);
  EXPECT_EQ(shy["cost"], 6 * kCost);
  EXPECT_EQ(shy["remaining"], kCost - 1);
  // Six months cost half.
  nlohmann::json half = Plan({"--budget", std::to_string(7 * kCost), "--months", "6"});
  EXPECT_EQ(half["cost_per_worker"], kCost / 2);
  EXPECT_EQ(half["enrolled"], 14);
  // A budget above every candidate funds them all and keeps the rest.
  nlohmann::json all = Plan({"--budget", "1.000.000.000.000"});
  EXPECT_EQ(all["unfunded"], 0);
  EXPECT_EQ(all["enrolled"], all["candidates"]);
  EXPECT_EQ(all["remaining"], 1000000000000LL - all["cost"].get<int64_t>());
}

TEST_F(PlanTest, EveryPolicyIsConsistentAndLowestCoverageLevelsVillagesUp) {
  const int64_t budget = 60 * kCost + 5000;
  for (const char* policy : {"decile", "vulnerable", "lowest-coverage", "equal-share", "max-gain"}) {
    nlohmann::json p = Plan({"--budget", std::to_string(budget), "--policy", policy});
    EXPECT_EQ(p["policy"], policy);
    const int64_t enrolled = p["enrolled"], cost = p["cost"], remaining = p["remaining"];
    EXPECT_EQ(cost, enrolled * kCost) << policy;
    EXPECT_EQ(cost + remaining, budget) << policy;
    EXPECT_TRUE(remaining < kCost || p["unfunded"] == 0) << policy << " left " << remaining;
    int64_t sum = 0;
    for (const auto& r : p["rows"]) {
      EXPECT_LE(r["enrolled"].get<int64_t>(), r["candidates"].get<int64_t>());
      sum += r["enrolled"].get<int64_t>();
    }
    EXPECT_EQ(sum, enrolled) << policy;
    // Deterministic: the same answer twice.
    EXPECT_EQ(Enrolled({"--budget", std::to_string(budget), "--policy", policy}),
              Enrolled({"--budget", std::to_string(budget), "--policy", policy}))
        << policy;
  }
  // Lowest-coverage against a one-at-a-time simulation.
  EXPECT_EQ(Enrolled({"--budget", std::to_string(budget), "--policy", "lowest-coverage"}),
            LowestCoverageChoice(*world_, 60));
  // Equal share: ten regencies, Rp 10 x 5 x 201.600 = five workers each.
  nlohmann::json eq = Plan({"--budget", std::to_string(50 * kCost), "--policy", "equal-share"});
  EXPECT_EQ(eq["first_share"], 5 * kCost);
  for (const auto& r : eq["rows"]) EXPECT_EQ(r["enrolled"], 5) << r["code"];
  // Max gain: the regency with the smallest denominator first.
  nlohmann::json mg = Plan({"--budget", std::to_string(3 * kCost), "--policy", "max-gain"});
  std::string smallest;
  int64_t d = INT64_MAX;
  for (const auto& r : mg["rows"]) {
    if (r["workers"].get<int64_t>() < d && r["candidates"].get<int64_t>() > 0) {
      d = r["workers"];
      smallest = r["code"];
    }
  }
  for (const auto& r : mg["rows"]) EXPECT_EQ(r["enrolled"], r["code"] == smallest ? 3 : 0) << r["code"];
}

TEST_F(PlanTest, RegistryBasisAndOtherForms) {
  nlohmann::json reg = Plan({"--budget", std::to_string(10 * kCost), "--basis", "registry"});
  nlohmann::json cov = Json(Cakupan({"--db", db_, "coverage", "--region", "17", "--basis", "registry", "--format",
                                     "json"}));
  EXPECT_EQ(reg["basis"], "registry");
  EXPECT_EQ(reg["region"]["workers"], cov["region"]["denominator"]);
  EXPECT_EQ(reg["region"]["workers"], static_cast<int64_t>(world_->people.size()));
  EXPECT_DOUBLE_EQ(reg["coverage_after"].get<double>(),
                   (cov["region"]["active"].get<double>() + 10) / cov["region"]["denominator"].get<double>());
  // The table in Indonesian.
  RunResult table = Cakupan({"--db", db_, "plan", "--region", "17", "--budget", "1.000.000.000", "--date", kDate,
                             "--funders", "provinsi:30,kabupaten:70"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Rencana anggaran pendaftaran \u2014 Bengkulu (17), November 2024"), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("Rp 1.000.000.000"), std::string::npos);
  EXPECT_NE(table.out.find("provinsi 30%"), std::string::npos);
  EXPECT_NE(table.out.find("Kabupaten Kaur"), std::string::npos);
  // XLSX: four sheets.
  const std::string xlsx = *dir_ / "plan.xlsx";
  RunResult x = Cakupan({"--db", db_, "plan", "--region", "17", "--budget", "20160000", "--date", kDate, "--format",
                         "xlsx", "-o", xlsx});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const auto entries = testing_zip::ReadZip(ReadFile(xlsx));
  EXPECT_TRUE(entries.count("xl/worksheets/sheet4.xml"));
  EXPECT_NE(entries.at("xl/sharedStrings.xml").find("Alasan"), std::string::npos);
  // A village as the region.
  const std::string village = world_->candidates.front().village;
  nlohmann::json v = Json(Cakupan({"--db", db_, "plan", "--region", village, "--budget", "201600", "--date", kDate,
                                   "--format", "json"}));
  EXPECT_EQ(v["region"]["code"], village);
  EXPECT_EQ(v["rows"].size(), 0u);
  EXPECT_EQ(v["enrolled"], 1);
}

TEST_F(PlanTest, BadInputIsRefusedAndNothingStoredChanges) {
  const std::string before = ReadFile(db_);
  struct Case {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--region", "17", "--budget=-1000"}, "budget: '-1000' tidak boleh negatif"},
      {{"--region", "17", "--budget", "10000000000000000"}, "terlalu besar"},
      {{"--region", "17", "--budget", "sejuta"}, "bukan jumlah rupiah bulat"},
      {{"--region", "99", "--budget", "1000000"}, "99"},
      {{"--region", "17", "--budget", "1000000", "--package", "emas"}, "emas"},
      {{"--region", "17", "--budget", "1000000", "--package", "pu-full"}, "bukan paket BPU"},
      {{"--region", "17", "--budget", "1000000", "--policy", "acak"}, "policy: 'acak'"},
      {{"--region", "17", "--budget", "1000000", "--funders", "provinsi:30,kabupaten:60"}, "90%"},
      {{"--region", "17", "--budget", "1000000", "--funders", "provinsi:30,provinsi:70"}, "dua kali"},
      {{"--region", "17", "--budget", "1000000", "--months", "0"}, "months"},
      {{"--region", "17", "--budget", "1000000", "--period", "2023-01"}, "2023-01"},
      {{"--region", "17", "--budget", "1000000", "--format", "xlsx"}, "--output"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--db", db_, "plan"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 1) << c.message << ": " << r.out;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_TRUE(ReadFile(db_) == before) << "the database changed";
}

TEST_F(PlanTest, ApiAnswersTheSameObjectAsTheCli) {
  ServerProcess server({"--db", db_, "serve", "--port", "0", "--reload-seconds", "0"});
  ASSERT_TRUE(server.ok()) << server.output();
  auto get = [&](const std::string& target, int status) {
    HttpResult r = HttpGet(server.port(), target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body.substr(0, 300);
    return nlohmann::json::parse(r.body, nullptr, false);
  };
  const std::string budget = std::to_string(120 * kCost + 7);
  for (const char* policy : {"decile", "lowest-coverage", "equal-share"}) {
    nlohmann::json api = get(std::string("/api/plan?region=17&budget=") + budget + "&date=" + kDate +
                                 "&policy=" + policy + "&funders=provinsi:30,kabupaten:70",
                             200);
    EXPECT_EQ(api, Plan({"--budget", budget, "--policy", policy, "--funders", "provinsi:30,kabupaten:70"})) << policy;
  }
  nlohmann::json page = get("/api/plan?region=17&budget=" + budget + "&date=" + kDate + "&page=3&page_size=50", 200);
  EXPECT_EQ(page["workers"]["items"].size(), 20u);
  EXPECT_EQ(page["workers"]["items"][0]["rank"], 101);
  HttpResult csv = HttpGet(server.port(), "/api/plan?region=17&budget=" + budget + "&date=" + kDate + "&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.Header("content-disposition").find("cakupan-rencana-17-decile-2024-11.csv"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 121);
  EXPECT_EQ(csv.body.find(world_->candidates[0].nik_text), std::string::npos);
  for (const Person& p : world_->candidates) ASSERT_EQ(csv.body.find(p.nik_text), std::string::npos);
  // Errors, as documented.
  EXPECT_EQ(get("/api/plan?region=17&budget=-5", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/plan?region=17", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/plan?region=17&budget=1000&policy=x", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/plan?region=17&budget=1000&funders=a:50", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/plan?region=99&budget=1000", 404)["error"]["code"], "not_found");
  EXPECT_EQ(get("/api/plan?region=17&budget=1000&package=emas", 404)["error"]["code"], "not_found");
  EXPECT_EQ(get("/api/plan?region=17&budget=1000&period=2023-01", 404)["error"]["code"], "not_found");
  nlohmann::json openapi = get("/api/openapi.json", 200);
  EXPECT_TRUE(openapi["paths"].contains("/api/plan"));
}

}  // namespace
}  // namespace cakupan::e2e
