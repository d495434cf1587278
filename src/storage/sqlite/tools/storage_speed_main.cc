// cakupan_storage_speed: times the SQLite store on national-scale tables.
//
//   cakupan_storage_speed [--workers N] [--members N] [--dir DIR] [--runs R]
//
// Generates a synthetic worker registry (N rows, default 10,000,000, every
// column, names about 15 bytes) and a membership extract (default 4,000,000
// rows), writes each to a fresh database in DIR (default: a temporary
// directory, removed afterwards), then loads them back with all columns and
// with only nik + village. Loads run right after the write, so the page
// cache is warm. Reports wall-clock seconds and how far the resident memory
// rose while writing above what it was right after generating the table
// (from VmHWM, reset through /proc/self/clear_refs). Prints no NIK and no
// name.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "base/rng.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/temp_dir.h"

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

// A name of 2-4 syllable words, ~15 bytes on average.
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

WorkerTable MakeWorkers(size_t n) {
  Rng rng(42);
  WorkerTable t;
  t.Reserve(n);
  for (const char* o : {"Petani", "Nelayan", "Pedagang", "Buruh", "Guru", "Sopir"}) t.InternOccupation(o);
  std::string name;
  uint64_t nik = 1101010101800001ULL;
  for (size_t i = 0; i < n; ++i) {
    nik += 1 + rng.Below(100);
    t.nik.push_back(nik);
    AppendName(rng, &name);
    t.name.push_back(name);
    t.sex.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    t.birth_date.push_back(static_cast<Date>(rng.Between(-15000, 12000)));
    t.village.push_back(1704072001ULL + rng.Below(20));
    t.formality.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    t.occupation.push_back(static_cast<uint16_t>(rng.Below(t.occupations.size())));
    t.decile.push_back(static_cast<uint8_t>(rng.Below(11)));
    t.vulnerability.push_back(static_cast<uint8_t>(rng.Below(3)));
  }
  return t;
}

MembershipTable MakeMembers(size_t n) {
  Rng rng(43);
  MembershipTable t;
  t.Reserve(n);
  std::string name;
  uint64_t nik = 1101010101800001ULL;
  for (size_t i = 0; i < n; ++i) {
    nik += 1 + rng.Below(200);
    t.nik.push_back(nik);
    AppendName(rng, &name);
    t.name.push_back(name);
    t.birth_date.push_back(static_cast<Date>(rng.Between(-15000, 12000)));
    const bool bpu = rng.Chance(0.3);
    t.segment.push_back(bpu ? 2 : 1);
    t.status.push_back(static_cast<uint8_t>(1 + rng.Below(2)));
    t.programmes.push_back(3);
    t.last_paid.push_back(Period::FromYearMonth(2024, 1).index() + static_cast<int32_t>(rng.Below(11)));
    t.npp.push_back(bpu ? "" : "NN" + std::to_string(10000000 + rng.Below(90000000)));
    t.funding.push_back(static_cast<uint8_t>(rng.Below(11)));
    t.region.push_back(1704072001ULL + rng.Below(20));
  }
  return t;
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

int Main(int argc, char** argv) {
  size_t workers = 10'000'000, members = 4'000'000;
  int runs = 2;
  std::string dir_arg;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--workers") == 0) workers = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--members") == 0) members = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--dir") == 0) dir_arg = argv[i + 1];
    else if (std::strcmp(argv[i], "--runs") == 0) runs = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: %s [--workers N] [--members N] [--dir DIR] [--runs R]\n", argv[0]);
      return 2;
    }
  }
  sqlite::TempDir temp;
  const std::string dir = dir_arg.empty() ? temp.path() : dir_arg;
  const std::string path = dir + "/speed.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto opened = OpenSqliteStore(path, SqliteStoreOptions());
  Check(opened.status(), "open");
  std::unique_ptr<Store> store = std::move(opened).value();
  double rss = 0, peak = 0;

  {
    std::printf("generating %zu workers...\n", workers);
    WorkerTable table = MakeWorkers(workers);
    std::printf("workers table: %.0f MiB (names %.1f bytes on average)\n", TableMiB(table),
                static_cast<double>(table.name.byte_size()) / static_cast<double>(table.size()));
    ReadMemory(&rss, &peak);
    const double baseline = rss;  // the table and little else
    for (int run = 0; run < runs; ++run) {
      ResetPeakMemory();
      ImportRecord record;
      record.kind = DataKind::kWorkers;
      double t = Seconds([&] { Check(store->WriteWorkers(table, /*replace_all=*/true, &record), "WriteWorkers"); });
      ReadMemory(&rss, &peak);
      std::printf("write workers (run %d): %.3f s, peak memory +%.0f MiB above the table\n", run + 1, t,
                  peak - baseline);
    }
  }
  for (int run = 0; run < runs; ++run) {
    size_t rows = 0;
    double t = Seconds([&] {
      auto loaded = store->LoadWorkerSegments(kWorkerAllColumns);
      Check(loaded.status(), "LoadWorkerSegments");
      rows = loaded->at(0).size();
    });
    std::printf("load workers, all columns (run %d): %.3f s (%zu rows)\n", run + 1, t, rows);
    t = Seconds([&] {
      auto loaded = store->LoadWorkerSegments(kWorkerNik | kWorkerVillage);
      Check(loaded.status(), "LoadWorkerSegments");
      rows = loaded->at(0).size();
    });
    std::printf("load workers, nik + village (run %d): %.3f s\n", run + 1, t);
  }
  {
    std::printf("generating %zu memberships...\n", members);
    MembershipTable table = MakeMembers(members);
    std::printf("memberships table: %.0f MiB\n", TableMiB(table));
    const Period period = Period::FromYearMonth(2024, 11);
    ReadMemory(&rss, &peak);
    const double baseline = rss;
    for (int run = 0; run < runs; ++run) {
      ResetPeakMemory();
      ImportRecord record;
      record.kind = DataKind::kMembers;
      double t = Seconds([&] { Check(store->WriteMembers(period, table, true, &record), "WriteMembers"); });
      ReadMemory(&rss, &peak);
      std::printf("write members (run %d): %.3f s, peak memory +%.0f MiB above the table\n", run + 1, t,
                  peak - baseline);
    }
    for (int run = 0; run < runs; ++run) {
      double t = Seconds([&] { Check(store->LoadMemberSegments(period, kMemberAllColumns).status(), "load"); });
      std::printf("load members, all columns (run %d): %.3f s\n", run + 1, t);
      t = Seconds([&] {
        Check(store->LoadMemberSegments(period, kMemberNik | kMemberStatus | kMemberSegment).status(), "load");
      });
      std::printf("load members, nik + status + segment (run %d): %.3f s\n", run + 1, t);
    }
  }
  store.reset();
  std::printf("database file: %.0f MiB\n", static_cast<double>(std::filesystem::file_size(path)) / (1 << 20));
  return 0;
}

}  // namespace
}  // namespace cakupan

int main(int argc, char** argv) { return cakupan::Main(argc, argv); }
