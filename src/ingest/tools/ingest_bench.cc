// Times ReadWorkersCsv (or ReadMembersCsv) on a large file:
//   cakupan_ingest_bench <wilayah.csv> <pekerja.csv> [threads] [members]
// Prints rows, seconds, rows/s and the peak resident set size.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ingest/readers.h"

int main(int argc, char** argv) {
  using namespace cakupan;
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <wilayah.csv> <pekerja.csv> [threads] [members]\n", argv[0]);
    return 2;
  }
  NullProgress progress;
  ReadOptions options;
  RegionTable none;
  options.regions = &none;
  auto regions = ReadRegionsCsv(argv[1], options, progress);
  if (!regions.ok()) {
    std::fprintf(stderr, "%s\n", regions.status().ToString().c_str());
    return 1;
  }
  auto table = RegionTable::Build(regions->rows);
  if (!table.ok()) {
    std::fprintf(stderr, "%s\n", table.status().ToString().c_str());
    return 1;
  }
  options.regions = &*table;
  options.reference_year = 2024;
  if (argc > 3) options.threads = std::atoi(argv[3]);
  const bool members = argc > 4 && std::strcmp(argv[4], "members") == 0;
  const auto start = std::chrono::steady_clock::now();
  int64_t rows = 0, accepted = 0, rejected = 0, warnings = 0;
  std::string hash;
  if (members) {
    auto b = ReadMembersCsv(argv[2], options, progress);
    if (!b.ok()) {
      std::fprintf(stderr, "%s\n", b.status().ToString().c_str());
      return 1;
    }
    rows = b->report.rows_read, accepted = b->report.accepted, rejected = b->report.rejected;
    warnings = b->report.warning_count, hash = b->report.file_hash;
  } else {
    auto b = ReadWorkersCsv(argv[2], options, progress);
    if (!b.ok()) {
      std::fprintf(stderr, "%s\n", b.status().ToString().c_str());
      return 1;
    }
    rows = b->report.rows_read, accepted = b->report.accepted, rejected = b->report.rejected;
    warnings = b->report.warning_count, hash = b->report.file_hash;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("rows %lld accepted %lld rejected %lld warnings %lld hash %s\n", static_cast<long long>(rows),
              static_cast<long long>(accepted), static_cast<long long>(rejected), static_cast<long long>(warnings),
              hash.c_str());
  std::printf("%.3f s, %.2f M rows/s, peak RSS %.0f MiB\n", s, rows / s / 1e6, ru.ru_maxrss / 1024.0);
  return 0;
}
