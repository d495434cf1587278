// Random bytes and random rows fed to the CSV importers through
// ImportService on a real SQLite file (a deterministic seed, so a failure
// reproduces): no input may crash the import, every report must add up, and
// an import that fails must leave the store exactly as it was. An import
// that succeeds must leave a registry (or extract) that validates, holds
// every row the report accepted, and nothing that was not already there or
// in the file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/segments.h"
#include "services/import_service.h"
#include "storage/sqlite/sqlite_store.h"

namespace cakupan {
namespace {

class FixedClock final : public Clock {
 public:
  std::string NowUtcIso() override { return "2026-11-21T00:00:00Z"; }
  int CurrentYear() override { return 2026; }
};

constexpr char kWorkerHeader[] = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan\n";
constexpr char kMemberHeader[] =
    "periode,nik,nama,tanggal_lahir,segmen,status,program,bulan_terakhir_bayar,npp,sumber_dana,kode_wilayah\n";

// Cells a field file really holds, good and bad, per column kind.
const std::vector<std::string> kNiks = {"1704074105920001", "1704071505920002", "1704071505920003", "",
                                        "17O4074105920001", "1.70407E+15",      "1704 0741 0592 0001",
                                        "170407410592",     "1704074105920000", "'1704071505920004",
                                        "0000000000000000", "99999999999999999999999", "\"1704\"\"07\""};
const std::vector<std::string> kNames = {"Siti Aminah", "", "SITI", "S1ti", "Siti\x01", "<b>Siti</b>", "Siti \xF0\x9F\x98\x80",
                                         "Siti\xff", std::string(250, 'a'), "Budi, S.Pd.", "\"Budi\"\"s\"", "a\nb"};
const std::vector<std::string> kDates = {"1992-05-01", "", "31-02-1990", "00-00-0000", "01-01-1800", "2099-01-01",
                                         "33725", "1985", "kemarin", "17/04/1985", "17 Agustus 1945",
                                         "99999999999-1-1", "2024-11-30 00:00:00"};
const std::vector<std::string> kVillages = {"17.04.07.2010", "17.04.07.2001", "1704072010", "", "17.04.07",
                                            "17.04.07.2999", "xx", "17.04.07.20100"};
const std::vector<std::string> kSexes = {"P", "L", "", "X", "\xc3", "\""};
const std::vector<std::string> kSectors = {"informal", "formal", "", "semi", "\r"};
const std::vector<std::string> kOccupations = {"Petani", "", "Buruh harian lepas", "\xc3", std::string(120, 'p'), ";"};
const std::vector<std::string> kDeciles = {"3", "", "10", "11", "tiga", "-1"};
const std::vector<std::string> kVulnerable = {"ya", "tidak", "", "mungkin", ","};
const std::vector<std::string> kPeriods = {"2024-11", "", "2024-10", "13/2024", "November 2024"};
const std::vector<std::string> kSegments = {"BPU", "PU", "", "Jakon", "XX"};
const std::vector<std::string> kStatuses = {"aktif", "non-aktif", "", "?"};

class ImportFuzzTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cakupan-fuzz-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::move(OpenSqliteStore((dir_ / "t.db").string(), SqliteStoreOptions{})).value();
    service_ = std::make_unique<ImportService>(*store_, clock_, progress_);
    std::ofstream(dir_ / "wilayah.csv") << "kode,nama\n17,Bengkulu\n17.04,Kaur\n17.04.07,Nasal\n"
                                           "17.04.07.2001,Muara Dua\n17.04.07.2010,Batu Lungun\n";
    ASSERT_TRUE(Import(DataKind::kRegions, "wilayah.csv", false).ok());
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  Result<ImportOutcome> Import(DataKind kind, const std::string& name, bool replace) {
    ImportOptions o;
    o.kind = kind;
    o.path = (dir_ / name).string();
    o.replace = replace;
    return service_->Import(o);
  }

  // Everything a workers or members import could change, as text.
  std::string Snapshot() {
    std::string s;
    auto workers = store_->LoadWorkerSegments(kWorkerAllColumns);
    EXPECT_TRUE(workers.ok()) << workers.status().ToString();
    const WorkerTable w = MergeWorkerSegments(std::move(workers).value());
    EXPECT_TRUE(w.Validate().ok());
    for (size_t i = 0; i < w.size(); ++i) {
      s += std::to_string(w.nik[i]) + '|' + std::string(w.name[i]) + '|' + std::to_string(w.sex[i]) + '|' +
           std::to_string(w.birth_date[i]) + '|' + std::to_string(w.village[i]) + '|' + std::to_string(w.formality[i]) +
           '|' + w.occupations[w.occupation[i]] + '|' + std::to_string(w.decile[i]) + '|' +
           std::to_string(w.vulnerability[i]) + '|' + std::to_string(w.nik_issue[i]) + '|' + std::string(w.nik_raw[i]) +
           '|' + std::string(w.birth_date_raw[i]) + '\n';
    }
    auto members = store_->LoadMemberSegments(Period::FromYearMonth(2024, 11), kMemberAllColumns);
    EXPECT_TRUE(members.ok()) << members.status().ToString();
    const MembershipTable m = MergeMemberSegments(std::move(members).value());
    EXPECT_TRUE(m.Validate().ok());
    for (size_t i = 0; i < m.size(); ++i) {
      s += std::to_string(m.nik[i]) + '|' + std::string(m.name[i]) + '|' + std::to_string(m.birth_date[i]) + '|' +
           std::to_string(m.segment[i]) + '|' + std::to_string(m.status[i]) + '|' + std::string(m.npp[i]) + '|' +
           std::string(m.birth_date_raw[i]) + '\n';
    }
    auto version = [](Result<int64_t> v) { return v.ok() ? std::to_string(*v) : v.status().ToString(); };
    for (DataKind k : {DataKind::kWorkers, DataKind::kRegions})
      s += "version " + version(store_->DataVersion(k, std::nullopt)) + '\n';
    s += "members version " + version(store_->DataVersion(DataKind::kMembers, Period::FromYearMonth(2024, 11)));
    return s;
  }
  size_t LoggedImports() {
    auto log = store_->ListImports(100000);
    EXPECT_TRUE(log.ok());
    return log.ok() ? log->size() : 0;
  }

  // The first (good) value five times in six, else any.
  std::string Pick(const std::vector<std::string>& v) { return rng_() % 6 ? v[0] : v[rng_() % v.size()]; }
  // A valid NIK of district 17.04.07 (a random serial), or a cell from the list.
  std::string Nik() {
    if (rng_() % 6 == 0) return kNiks[rng_() % kNiks.size()];
    char buf[17];
    std::snprintf(buf, sizeof buf, "17040715059%05d", static_cast<int>(1 + rng_() % 99998));
    return buf;
  }
  // Mostly CSV's own bytes, then anything.
  std::string RandomBytes(size_t n) {
    static const std::string kCsvish = ",;\t\"\r\n 0123456789-./abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string s(n, '\0');
    for (char& c : s) c = rng_() % 4 ? kCsvish[rng_() % kCsvish.size()] : static_cast<char>(rng_() % 256);
    return s;
  }
  std::string Mutate(std::string s) {
    const int edits = 1 + static_cast<int>(rng_() % 8);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      const size_t at = rng_() % s.size();
      switch (rng_() % 5) {
        case 0: s[at] = static_cast<char>(rng_() % 256); break;
        case 1: s.insert(at, 1, "\",;\n\r\t\0\xff"[rng_() % 8]); break;
        case 2: s.erase(at, 1 + rng_() % 5); break;
        case 3: s.insert(at, s.substr(at, 1 + rng_() % 40)); break;  // a repeated piece
        default: s.resize(at); break;                                // cut short
      }
    }
    return s;
  }
  std::string WorkerRows(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      s += Nik() + "," + Pick(kNames) + "," + Pick(kSexes) + "," + Pick(kDates) + "," + Pick(kVillages) + "," +
           Pick(kSectors) + "," + Pick(kOccupations) + "," + Pick(kDeciles) + "," + Pick(kVulnerable);
      if (rng_() % 10 == 0) s += ",surplus";  // a longer row
      s += rng_() % 2 ? "\n" : "\r\n";
    }
    return s;
  }
  std::string MemberRows(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      s += Pick(kPeriods) + "," + Nik() + "," + Pick(kNames) + "," + Pick(kDates) + "," + Pick(kSegments) + "," +
           Pick(kStatuses) + ",JKK+JKM," + Pick(kPeriods) + "," + (rng_() % 3 ? "" : "NPP1") + ",mandiri," +
           Pick(kVillages) + "\n";
    }
    return s;
  }
  // One random file of a kind: noise, a header over noise, random rows, or
  // a mutated file of random rows.
  std::string RandomFile(bool members) {
    const std::string header = members ? kMemberHeader : kWorkerHeader;
    auto rows = [&](int n) { return members ? MemberRows(n) : WorkerRows(n); };
    switch (rng_() % 5) {
      case 0: return RandomBytes(rng_() % 3000);
      case 1: return header + RandomBytes(rng_() % 3000);
      case 2: return header + rows(1 + static_cast<int>(rng_() % 40));
      case 3: return Mutate(header + rows(1 + static_cast<int>(rng_() % 40)));
      default: return (rng_() % 2 ? "\xEF\xBB\xBF" : "") + header + Mutate(rows(1 + static_cast<int>(rng_() % 20)));
    }
  }

  // Imports `iterations` random files of a kind and checks every outcome.
  void Run(bool members, int iterations) {
    int failed = 0, succeeded = 0, kept_rows = 0;
    for (int it = 0; it < iterations; ++it) {
      SCOPED_TRACE("iteration " + std::to_string(it));
      const std::string name = members ? "kepesertaan.csv" : "pekerja.csv";
      const std::string content = RandomFile(members);
      std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << content;
      const std::string before = Snapshot();
      const size_t logged = LoggedImports();
      const bool replace = rng_() % 10 == 0;
      auto r = Import(members ? DataKind::kMembers : DataKind::kWorkers, name, replace);
      const std::string after = Snapshot();
      if (!r.ok()) {
        ++failed;
        EXPECT_FALSE(r.status().message().empty());
        ASSERT_EQ(before, after) << "a failed import changed the store: " << r.status().ToString();
        ASSERT_EQ(LoggedImports(), logged) << "a failed import was logged";
        continue;
      }
      EXPECT_EQ(LoggedImports(), logged + 1);
      ++succeeded;
      const ReadReport& rep = r->report;
      EXPECT_EQ(rep.rows_read, rep.accepted + rep.rejected);
      EXPECT_EQ(static_cast<int64_t>(rep.rejections.size()), rep.rejected);
      EXPECT_EQ(r->record.inserted + r->record.updated + r->record.unchanged, rep.accepted);
      if (!r->changed) EXPECT_EQ(before, after) << "an import that changed nothing changed the store";
      kept_rows += static_cast<int>(rep.accepted);
      for (const Rejection& rej : rep.rejections) {
        // A rejects file never holds a whole NIK, nor anything of another
        // row (a quote left open swallows the rows after it).
        const std::string what = rej.column + ": " + rej.reason + ": " + rej.value;
        EXPECT_EQ(rej.value.find_first_of("\r\n"), std::string::npos) << what;
        int run = 0, longest = 0;
        for (char c : rej.value) longest = std::max(longest, run = c >= '0' && c <= '9' ? run + 1 : 0);
        EXPECT_LT(longest, 12) << what;
      }
    }
    std::printf("%d imports failed, %d succeeded keeping %d rows\n", failed, succeeded, kept_rows);
    // Not vacuous: both outcomes happened, and rows were kept.
    EXPECT_GT(failed, iterations / 20);
    EXPECT_GT(succeeded, iterations / 20);
    EXPECT_GT(kept_rows, iterations);
  }

  std::filesystem::path dir_;
  FixedClock clock_;
  NullProgress progress_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ImportService> service_;
  std::mt19937_64 rng_{20261121};
};

TEST_F(ImportFuzzTest, RandomRegistryFilesNeverCrashOrHalfWrite) { Run(/*members=*/false, 400); }

TEST_F(ImportFuzzTest, RandomExtractFilesNeverCrashOrHalfWrite) { Run(/*members=*/true, 300); }

}  // namespace
}  // namespace cakupan
