// cakupan_storage_speed: times the SQLite store on national-scale tables.
//
//   cakupan_storage_speed [--workers N] [--members N] [--runs R] [--dir DIR]
//                         [--wilayah FILE] [--bulk-min-bytes B]
//
// Generates realistic synthetic data: the 91,599 regions of FILE (default
// data/wilayah/wilayah.csv of the source tree); a worker registry of N rows
// (default 10,000,000) whose NIKs are consistent with a random district, sex
// and birth date and sorted, living in villages drawn at random among all
// villages, with names of about 17 bytes; a membership extract (default
// 4,500,000 rows: most persons are registry workers, some hold two
// memberships); and a reconciliation result for all of them. Writes each to
// a fresh database file in DIR (default: a temporary directory, removed
// afterwards): the first write of a table goes into a new, growing file, as
// in the benchmark; runs 2..R replace it. Then loads it back (warm page
// cache).
//
// Every write is timed until its data is durable: a write that went through
// the WAL is followed by a checkpoint from a second connection (printed as
// "+ checkpoint"); a bulk write (rollback journal) is durable at commit.
// Also reports how far the resident memory rose while writing above what it
// was right after generating the table (VmHWM, reset through
// /proc/self/clear_refs), and the database size. Prints no NIK and no name.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/rng.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/temp_dir.h"

#ifndef CAKUPAN_SOURCE_DIR
#define CAKUPAN_SOURCE_DIR "."
#endif

namespace cakupan {
namespace {

// Resident set (VmRSS) and its peak (VmHWM) in MiB, from /proc/self/status.
void ReadMemory(double* rss_mib, double* peak_mib) {
  std::ifstream in("/proc/self/status");
  std::string line;
  *rss_mib = *peak_mib = 0;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) *rss_mib = std::atof(line.c_str() + 6) / 1024.0;
    if (line.rfind("VmHWM:", 0) == 0) *peak_mib = std::atof(line.c_str() + 6) / 1024.0;
  }
}

void ResetPeakMemory() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

// CPU seconds (user + system) of this process so far.
double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

double Seconds(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Check(const Status& st, const char* what) {
  if (!st.ok()) {
    std::fprintf(stderr, "%s failed: %s\n", what, st.ToString().c_str());
    std::exit(1);
  }
}

double MiB(uint64_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

// Checkpoints the WAL of `path` from a second connection; returns seconds,
// and the WAL size found in *wal_bytes (0: nothing to make durable).
double Checkpoint(const std::string& path, uint64_t* wal_bytes) {
  std::error_code ec;
  *wal_bytes = std::filesystem::exists(path + "-wal", ec) ? std::filesystem::file_size(path + "-wal", ec) : 0;
  if (*wal_bytes == 0) return 0;
  sqlite3* db = nullptr;
  double t = Seconds([&] {
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  });
  return t;
}

// --- Regions ---------------------------------------------------------------

std::vector<RegionRecord> ReadRegions(const std::string& file) {
  std::vector<RegionRecord> out;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const size_t comma = line.find(',');
    if (comma == std::string::npos) continue;
    std::optional<RegionCode> code = RegionCode::Parse(line.substr(0, comma));
    if (!code || code->level() == RegionLevel::kNational) continue;
    std::string name = line.substr(comma + 1);
    if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
    out.push_back(RegionRecord{*code, name});
  }
  std::sort(out.begin(), out.end(), [](const RegionRecord& a, const RegionRecord& b) { return a.code < b.code; });
  return out;
}

// --- Workers and memberships -------------------------------------------------

// A name of 2-4 syllable words, ~17 bytes on average.
void AppendName(Rng& rng, std::string* out) {
  static const char* kSyllables[] = {"su", "ti", "wa", "ni", "ra", "ha", "yu", "di", "ka", "ma",
                                     "ri", "an", "to", "sri", "dewi", "budi", "nur", "putu"};
  out->clear();
  const int words = 2 + static_cast<int>(rng.Below(2));
  for (int w = 0; w < words; ++w) {
    if (w > 0) out->push_back(' ');
    const int syllables = 2 + static_cast<int>(rng.Below(2));
    for (int s = 0; s < syllables; ++s) out->append(kSyllables[rng.Below(std::size(kSyllables))]);
  }
}

// A NIK: district PPKKCC, birth date DDMMYY (day + 40 for women), serial.
uint64_t MakeNik(uint64_t district_packed, bool female, int year, int month, int day, int serial) {
  const uint64_t district6 = district_packed / 10000;  // PPKKCC
  return district6 * 10000000000ULL + static_cast<uint64_t>(day + (female ? 40 : 0)) * 100000000ULL +
         static_cast<uint64_t>(month) * 1000000ULL + static_cast<uint64_t>(year % 100) * 10000ULL +
         static_cast<uint64_t>(serial);
}

// Sorted unique NIKs of random people: n of them.
std::vector<uint64_t> MakeNiks(Rng& rng, const std::vector<uint64_t>& districts, size_t n) {
  std::vector<uint64_t> niks;
  niks.reserve(n + n / 20);
  while (niks.size() < n) {
    while (niks.size() < n + n / 50 + 16) {
      const int year = 1955 + static_cast<int>(rng.Below(52));
      niks.push_back(MakeNik(districts[rng.Below(districts.size())], rng.Chance(0.5), year,
                             1 + static_cast<int>(rng.Below(12)), 1 + static_cast<int>(rng.Below(28)),
                             1 + static_cast<int>(rng.Below(40))));
    }
    std::sort(niks.begin(), niks.end());
    niks.erase(std::unique(niks.begin(), niks.end()), niks.end());
  }
  // Keep a uniform sample of n (selection sampling).
  std::vector<uint64_t> kept;
  kept.reserve(n);
  for (size_t i = 0; i < niks.size() && kept.size() < n; ++i)
    if (rng.Below(niks.size() - i) < n - kept.size()) kept.push_back(niks[i]);
  return kept;
}

bool NikFemale(uint64_t nik) { return nik / 100000000ULL % 100 > 40; }
Date NikBirthDate(uint64_t nik) {
  const int day = static_cast<int>(nik / 100000000ULL % 100) % 40;
  const int month = static_cast<int>(nik / 1000000ULL % 100);
  const int yy = static_cast<int>(nik / 10000ULL % 100);
  return DateFromCivil(yy < 10 ? 2000 + yy : 1900 + yy, month, day);
}

struct Geography {
  std::vector<uint64_t> districts, villages, regencies;
};

WorkerTable MakeWorkers(size_t n, const Geography& geo) {
  Rng rng(42);
  WorkerTable t;
  t.nik = MakeNiks(rng, geo.districts, n);
  t.Reserve(n);
  for (const char* o : {"Petani", "Nelayan", "Pedagang", "Buruh harian lepas", "Guru", "Sopir", "Karyawan swasta",
                        "Wiraswasta", "Pedagang kaki lima", "Tukang bangunan", "Perangkat desa", "Bidan"})
    t.InternOccupation(o);
  std::string name;
  for (size_t i = 0; i < n; ++i) {
    AppendName(rng, &name);
    t.name.push_back(name);
    t.sex.push_back(NikFemale(t.nik[i]) ? 2 : 1);
    t.birth_date.push_back(NikBirthDate(t.nik[i]));
    t.village.push_back(geo.villages[rng.Below(geo.villages.size())]);
    t.formality.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    t.occupation.push_back(static_cast<uint16_t>(rng.Below(t.occupations.size())));
    t.decile.push_back(static_cast<uint8_t>(rng.Below(11)));
    t.vulnerability.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    t.nik_issue.push_back(0);
    t.nik_raw.push_back({});
  }
  return t;
}

// About `rows` memberships: 80% of the persons are registry workers, 12%
// hold a second membership.
MembershipTable MakeMembers(size_t rows, const std::vector<uint64_t>& worker_niks, const Geography& geo,
                            std::vector<uint64_t>* outsiders) {
  Rng rng(43);
  const size_t persons = rows * 100 / 112;
  std::vector<uint64_t> niks;
  const size_t from_registry = std::min(worker_niks.size(), persons * 8 / 10);
  for (size_t i = 0; i < worker_niks.size() && niks.size() < from_registry; ++i)
    if (rng.Below(worker_niks.size() - i) < from_registry - niks.size()) niks.push_back(worker_niks[i]);
  *outsiders = MakeNiks(rng, geo.districts, persons - niks.size());
  niks.insert(niks.end(), outsiders->begin(), outsiders->end());
  std::sort(niks.begin(), niks.end());
  niks.erase(std::unique(niks.begin(), niks.end()), niks.end());
  MembershipTable t;
  t.Reserve(rows);
  std::string name;
  static const uint8_t kProgrammes[] = {3, 7, 15, 31};
  for (uint64_t nik : niks) {
    AppendName(rng, &name);
    const int count = rng.Chance(0.12) ? 2 : 1;  // two: PU and BPU, in canonical order
    const uint8_t single = rng.Chance(0.6) ? 1 : static_cast<uint8_t>(2 + rng.Below(3));
    for (int k = 0; k < count; ++k) {
      const uint8_t segment = count == 2 ? static_cast<uint8_t>(1 + k) : single;
      t.nik.push_back(nik);
      t.name.push_back(name);
      t.birth_date.push_back(NikBirthDate(nik));
      t.segment.push_back(segment);
      const bool active = rng.Chance(0.8);
      t.status.push_back(active ? 1 : 2);
      t.programmes.push_back(kProgrammes[rng.Below(4)]);
      t.last_paid.push_back(Period::FromYearMonth(2024, active ? 11 : 1 + static_cast<int>(rng.Below(10))).index());
      t.npp.push_back(segment == 2 ? "" : std::to_string(10000000 + rng.Below(90000000)));
      t.funding.push_back(segment == 2 ? 1 : static_cast<uint8_t>(2 + rng.Below(7)));
      t.region.push_back(rng.Chance(0.7) ? 0 : geo.regencies[rng.Below(geo.regencies.size())]);
    }
  }
  return t;
}

ReconciliationRecord MakeReconciliation(const WorkerTable& workers, const std::vector<uint64_t>& outsiders,
                                        const std::vector<RegionRecord>& regions) {
  Rng rng(44);
  ReconciliationRecord r;
  r.period = Period::FromYearMonth(2024, 11);
  r.computed_at = "2024-12-01T08:00:00Z";
  r.workers_version = 2;
  r.members_version = 3;
  r.regions_version = 1;
  r.worker_results.reserve(workers.size());
  for (size_t i = 0; i < workers.size(); ++i) {
    const auto status = static_cast<WorkerStatus>(rng.Below(3));
    r.worker_results.push_back(PackWorkerResult(
        status, status == WorkerStatus::kUnregistered ? Segment::kNone : static_cast<Segment>(1 + rng.Below(4))));
  }
  UnmatchedMembers& u = r.unmatched;
  for (uint64_t nik : outsiders) {
    u.nik.push_back(nik);
    const bool by_nik = rng.Chance(0.7);
    u.region.push_back(by_nik ? nik / 10000000000ULL * 10000ULL : 0);
    u.attribution.push_back(by_nik ? 3 : 4);
    u.status.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    u.segment.push_back(static_cast<uint8_t>(1 + rng.Below(4)));
    u.sex.push_back(NikFemale(nik) ? 2 : 1);
    u.birth_date.push_back(NikBirthDate(nik));
  }
  RegionCounts root;
  r.counts.push_back(root);  // the national root first, then every region
  for (const RegionRecord& region : regions) {
    RegionCounts c;
    c.region = region.code;
    const int64_t scale = region.code.level() == RegionLevel::kVillage ? 1 : 100;
    c.registry = static_cast<int64_t>(rng.Below(200)) * scale;
    c.active = c.registry / 3;
    c.non_active = c.registry / 5;
    c.unregistered = c.registry - c.active - c.non_active;
    c.unmatched_active = static_cast<int64_t>(rng.Below(20)) * scale;
    c.unmatched_non_active = static_cast<int64_t>(rng.Below(5)) * scale;
    c.unmatched_active_here = static_cast<int64_t>(rng.Below(3));
    c.unmatched_non_active_here = static_cast<int64_t>(rng.Below(2));
    r.counts.push_back(c);
  }
  return r;
}

double TableMiB(const WorkerTable& t) {
  const double n = static_cast<double>(t.size());
  return (n * (8 + 4 + 1 + 4 + 8 + 1 + 2 + 1 + 1) + static_cast<double>(t.name.byte_size())) / (1 << 20);
}

double TableMiB(const MembershipTable& t) {
  const double n = static_cast<double>(t.size());
  return (n * (8 + 4 + 4 + 1 + 1 + 1 + 4 + 4 + 1 + 8) + static_cast<double>(t.name.byte_size() + t.npp.byte_size())) /
         (1 << 20);
}

// Times `write` until durable; prints one line.
void TimeWrite(const char* what, int run, const std::string& path, double baseline_mib,
               const std::function<void()>& write) {
  double rss = 0, peak = 0;
  ResetPeakMemory();
  const double cpu = CpuSeconds();
  const double t = Seconds(write);
  const double cpu_used = CpuSeconds() - cpu;
  ReadMemory(&rss, &peak);
  uint64_t wal = 0;
  const double checkpoint = Checkpoint(path, &wal);
  std::printf("%-28s run %d: %.3f s", what, run, t + checkpoint);
  if (wal > 0) std::printf(" (%.3f s + checkpoint of %.0f MiB WAL %.3f s)", t, MiB(wal), checkpoint);
  if (baseline_mib > 0) std::printf(", peak memory +%.0f MiB above the table", peak - baseline_mib);
  std::printf(", CPU %.2f s, file %.0f MiB\n", cpu_used, MiB(std::filesystem::file_size(path)));
}

int Main(int argc, char** argv) {
  size_t workers = 10'000'000, members = 4'500'000;
  int runs = 2;
  std::string dir_arg, wilayah = std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/wilayah.csv";
  SqliteStoreOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--workers") == 0) workers = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--members") == 0) members = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--dir") == 0) dir_arg = argv[i + 1];
    else if (std::strcmp(argv[i], "--runs") == 0) runs = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--wilayah") == 0) wilayah = argv[i + 1];
    else if (std::strcmp(argv[i], "--bulk-min-bytes") == 0) options.bulk_write_min_bytes = std::atoll(argv[i + 1]);
    else {
      std::fprintf(stderr,
                   "usage: %s [--workers N] [--members N] [--runs R] [--dir DIR] [--wilayah FILE] "
                   "[--bulk-min-bytes B]\n",
                   argv[0]);
      return 2;
    }
  }
  sqlite::TempDir temp;
  const std::string dir = dir_arg.empty() ? temp.path() : dir_arg;
  const std::string path = dir + "/speed.db";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);

  const std::vector<RegionRecord> regions = ReadRegions(wilayah);
  if (regions.empty()) {
    std::fprintf(stderr, "no regions in %s (give --wilayah)\n", wilayah.c_str());
    return 2;
  }
  Geography geo;
  for (const RegionRecord& r : regions) {
    if (r.code.level() == RegionLevel::kDistrict) geo.districts.push_back(r.code.packed());
    if (r.code.level() == RegionLevel::kVillage) geo.villages.push_back(r.code.packed());
    if (r.code.level() == RegionLevel::kRegency) geo.regencies.push_back(r.code.packed());
  }
  std::printf("%zu regions (%zu districts, %zu villages)\n", regions.size(), geo.districts.size(),
              geo.villages.size());

  auto opened = OpenSqliteStore(path, options);
  Check(opened.status(), "open");
  std::unique_ptr<Store> store = std::move(opened).value();
  double rss = 0, peak = 0;

  for (int run = 0; run < runs; ++run) {
    ImportRecord record;
    TimeWrite("upsert regions", run + 1, path, 0,
              [&] { Check(store->UpsertRegions(regions, &record), "UpsertRegions"); });
  }

  WorkerTable worker_table;
  {
    std::printf("generating %zu workers...\n", workers);
    worker_table = MakeWorkers(workers, geo);
    std::printf("workers table: %.0f MiB (names %.1f bytes on average)\n", TableMiB(worker_table),
                static_cast<double>(worker_table.name.byte_size()) / static_cast<double>(worker_table.size()));
    ReadMemory(&rss, &peak);
    const double baseline = rss;  // the table and little else
    for (int run = 0; run < runs; ++run) {
      ImportRecord record;
      TimeWrite("write workers", run + 1, path, baseline, [&] {
        Check(store->WriteWorkers(worker_table, /*replace_all=*/true, &record), "WriteWorkers");
      });
    }
  }
  for (int run = 0; run < runs; ++run) {
    for (uint32_t columns : {kWorkerNik | kWorkerVillage, uint32_t{kWorkerAllColumns}}) {
      size_t rows = 0;
      const double t = Seconds([&] {
        auto loaded = store->LoadWorkerSegments(columns);
        Check(loaded.status(), "LoadWorkerSegments");
        rows = loaded->at(0).size();
      });
      std::printf("load workers, %-13s run %d: %.3f s (%zu rows)\n",
                  columns == kWorkerAllColumns ? "all columns" : "nik + village", run + 1, t, rows);
    }
  }

  std::vector<uint64_t> outsiders;
  {
    std::printf("generating %zu memberships...\n", members);
    MembershipTable table = MakeMembers(members, worker_table.nik, geo, &outsiders);
    std::printf("memberships table: %.0f MiB, %zu rows\n", TableMiB(table), table.size());
    const Period period = Period::FromYearMonth(2024, 11);
    ReadMemory(&rss, &peak);
    const double baseline = rss;
    for (int run = 0; run < runs; ++run) {
      ImportRecord record;
      TimeWrite("write members", run + 1, path, baseline,
                [&] { Check(store->WriteMembers(period, table, true, &record), "WriteMembers"); });
    }
    for (int run = 0; run < runs; ++run) {
      double t = Seconds([&] { Check(store->LoadMemberSegments(period, kMemberAllColumns).status(), "load"); });
      std::printf("load members, all columns      run %d: %.3f s\n", run + 1, t);
      t = Seconds([&] {
        Check(store->LoadMemberSegments(period, kMemberNik | kMemberStatus | kMemberSegment).status(), "load");
      });
      std::printf("load members, nik+status+seg   run %d: %.3f s\n", run + 1, t);
    }
  }
  std::printf("database file with workers and members: %.0f MiB\n", MiB(std::filesystem::file_size(path)));

  {
    const ReconciliationRecord recon = MakeReconciliation(worker_table, outsiders, regions);
    worker_table = WorkerTable();
    std::printf("reconciliation: %zu worker results, %zu unmatched, %zu counts\n", recon.worker_results.size(),
                recon.unmatched.size(), recon.counts.size());
    for (int run = 0; run < runs; ++run)
      TimeWrite("save reconciliation", run + 1, path, 0,
                [&] { Check(store->SaveReconciliation(recon), "SaveReconciliation"); });
  }
  for (int run = 0; run < runs + 1; ++run) {
    size_t region_rows = 0, count_rows = 0;
    const double t_regions = Seconds([&] {
      auto loaded = store->LoadRegions();
      Check(loaded.status(), "LoadRegions");
      region_rows = loaded->size();
    });
    const double t_counts = Seconds([&] {
      auto loaded = store->LoadReconciliation(Period::FromYearMonth(2024, 11), false);
      Check(loaded.status(), "LoadReconciliation");
      count_rows = (*loaded)->counts.size();
    });
    std::printf("load regions (%zu) + reconciliation counts (%zu) run %d: %.1f + %.1f = %.1f ms\n", region_rows,
                count_rows, run + 1, t_regions * 1e3, t_counts * 1e3, (t_regions + t_counts) * 1e3);
  }
  store.reset();
  std::printf("database file: %.0f MiB\n", MiB(std::filesystem::file_size(path)));
  return 0;
}

}  // namespace
}  // namespace cakupan

int main(int argc, char** argv) { return cakupan::Main(argc, argv); }
