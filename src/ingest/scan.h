// The machinery every reader shares: open a CSV input (file, dialect,
// header), then feed its data records to "parts" — one per thread, each
// covering a contiguous byte range of the file and keeping its own partial
// rows and diagnostics — and hash the file on the way (each reader hashes
// the content-hash chunks it reads whole; ingest/content_hash.h).
//
// Parallel splits are speculative and verified, so the result is always that
// of a serial read: part i > 0 starts just after the first newline at or
// after its nominal offset, assuming that newline ends a record. Part i - 1
// reads the records that start before that point; if its last record ends
// exactly there the guess was right. If not (the newline sat inside a quoted
// field), part i - 1 carries on to the end of the file and parts >= i are
// discarded. Line numbers of part i are relative until the parts before it
// are done; ScanCsv shifts them.
//
// Thread-safety: ScanCsv runs part 0 and the progress reports on the calling
// thread, other parts on threads it owns and joins. Parts are not shared
// between threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/progress.h"
#include "base/status.h"
#include "ingest/csv_reader.h"
#include "ingest/read_report.h"

namespace cakupan {

struct ScanConfig {
  int threads = 0;                          // 0 = hardware threads (at most 8)
  size_t block_bytes = 8u << 20;            // read size per reader
  uint64_t min_bytes_per_thread = 32u << 20;  // smaller files use fewer threads
  int64_t max_rejections = 0;               // 0 = no limit
};

// An input file opened and its header read. Not movable (the reader points
// into it): held by unique_ptr.
struct CsvSource {
  InputFile file;
  std::string file_name;                // base name, for messages
  CsvDialect dialect;
  std::vector<std::string> header;      // header cells (unquoted, not yet trimmed)
  int64_t header_line = 1;
  uint64_t data_begin = 0;              // offset of the first byte after the header
  int64_t data_line = 2;                // line number at data_begin
  ChunkHasher hasher;                   // fed by `reader` while it reads
  std::unique_ptr<CsvReader> reader;    // positioned after the header

  explicit CsvSource(InputFile f) : file(std::move(f)), hasher(file.size()) {}
};

// The thread count for `configured` threads: itself when positive, else one
// per hardware thread; at most 8.
int ResolveThreads(int configured);

// Opens `path` and reads its header. kIoError when the file cannot be read,
// kDataError (message starting with the file name) when it is empty.
Result<std::unique_ptr<CsvSource>> OpenCsvSource(const std::string& path, size_t block_bytes);

// Diagnostics of one part. Rejections and warnings are in line order.
class PartDiagnostics {
 public:
  explicit PartDiagnostics(std::atomic<int64_t>* shared_rejections = nullptr)
      : shared_rejections_(shared_rejections) {}

  void Reject(int64_t line, const std::string& column, std::string reason, std::string value) {
    rejections.push_back({line, column, std::move(reason), std::move(value)});
    if (shared_rejections_ != nullptr) shared_rejections_->fetch_add(1, std::memory_order_relaxed);
  }
  void Warn(int64_t line, const std::string& column, std::string message) {
    ++warning_count;
    if (warnings.size() < ReadReport::kMaxStoredWarnings) warnings.push_back({line, column, std::move(message)});
  }
  void ShiftLines(int64_t delta);

  int64_t rows_read = 0;
  std::vector<Rejection> rejections;
  int64_t warning_count = 0;
  std::vector<Warning> warnings;

 private:
  std::atomic<int64_t>* shared_rejections_;
};

// One thread's share of a file. OnRecord sees every data record of the
// part's range in order; record.line is relative for parts > 0 until
// ShiftLines is called.
class ScanPart {
 public:
  explicit ScanPart(std::atomic<int64_t>* shared_rejections) : diag(shared_rejections) {}
  virtual ~ScanPart() = default;
  virtual void OnRecord(const CsvRecord& record) = 0;
  // Hint after the first few thousand records: reserve room for about
  // `expected_records` records (for part 0, those of the whole file, since
  // the other parts are merged into it).
  virtual void Reserve(double expected_records) {}
  // Adds `delta` to every line number kept (diag is shifted by the caller).
  virtual void ShiftLines(int64_t delta) {}

  PartDiagnostics diag;
};

struct ScanResult {
  std::vector<std::unique_ptr<ScanPart>> parts;  // in file order
  std::string file_hash;  // content hash (ingest/content_hash.h), 16 hex digits
};

// Reads every data record of `source` into parts made by `make_part`
// (called on the calling thread); source.reader is used up (and freed when
// the scan succeeds). Reports progress in bytes under `label`.
// Fails with the reader's status (kIoError, kDataError for a runaway
// record) or, when config.max_rejections is exceeded, kDataError.
Result<ScanResult> ScanCsv(CsvSource& source, const ScanConfig& config, std::string_view label, Progress& progress,
                           const std::function<std::unique_ptr<ScanPart>(std::atomic<int64_t>*)>& make_part);

// Fills the common report fields from a scan: file name, hash, dialect,
// rows_read, rejections and warnings of every part in order.
void MergeDiagnostics(const CsvSource& source, ScanResult& scan, ReadReport* report);
// Sorts rejections by line (stable) and sets rejected / accepted.
void FinishReport(int64_t accepted, ReadReport* report);

}  // namespace cakupan
