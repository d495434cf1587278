#include "ingest/scan.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <new>
#include <thread>

#include "base/i18n.h"

namespace cakupan {

namespace {

constexpr int kMaxThreads = 8;
constexpr int64_t kCheckEvery = 4096;  // records between progress / cancel checks

// Offset just after the first '\n' at or after `from`, or file size when none.
Result<uint64_t> NextLineStart(const InputFile& file, uint64_t from) {
  char buf[64 * 1024];
  uint64_t at = from;
  while (at < file.size()) {
    Result<size_t> got = file.ReadAt(at, buf, sizeof buf);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    if (const void* nl = std::memchr(buf, '\n', *got)) return at + (static_cast<const char*>(nl) - buf) + 1;
    at += *got;
  }
  return file.size();
}

void LowerTo(std::atomic<int>& value, int limit) {
  int cur = value.load();
  while (cur > limit && !value.compare_exchange_weak(cur, limit)) {
  }
}

}  // namespace

int ResolveThreads(int configured) {
  const int threads = configured > 0 ? configured : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(threads, 1, kMaxThreads);
}

void PartDiagnostics::ShiftLines(int64_t delta) {
  for (Rejection& r : rejections) r.line += delta;
  for (Warning& w : warnings) w.line += delta;
}

Result<std::unique_ptr<CsvSource>> OpenCsvSource(const std::string& path, size_t block_bytes) {
  const std::string name = std::filesystem::path(path).filename().string();
  Result<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  auto src = std::make_unique<CsvSource>(std::move(file).value());
  src->file_name = name;
  if (src->file.size() == 0) return Status::DataError(name + ": " + Tr("the file is empty", "berkas kosong"));

  char head[64 * 1024];
  Result<size_t> got = src->file.ReadAt(0, head, sizeof head);
  if (!got.ok()) return got.status();
  const std::string_view head_view(head, *got);
  if (head_view.size() >= 2 && ((head_view[0] == '\xFF' && head_view[1] == '\xFE') ||
                                (head_view[0] == '\xFE' && head_view[1] == '\xFF'))) {
    return Status::DataError(name + ": " +
                             Tr("the file is UTF-16 (Excel \"Unicode Text\"); save it as \"CSV UTF-8\"",
                                "berkas ber-encoding UTF-16 (Excel \"Unicode Text\"); simpan sebagai \"CSV UTF-8\""));
  }
  src->dialect = DetectCsvDialect(head_view);
  uint64_t begin = src->dialect.bom_bytes;
  int64_t first_line = 1;
  // Excel's "sep=;" first line names the delimiter.
  const std::string_view after_bom = head_view.substr(begin);
  if (after_bom.size() >= 6 && after_bom.substr(0, 4) == "sep=" && after_bom[4] != '\n' && after_bom[4] != '\r') {
    const size_t nl = after_bom.find('\n');
    if (nl != std::string_view::npos && nl <= 6) {
      src->dialect.delimiter = after_bom[4];
      begin += nl + 1;
      first_line = 2;
    }
  }
  CsvReaderOptions ro;
  ro.delimiter = src->dialect.delimiter;
  ro.begin = begin;
  ro.first_line = first_line;
  ro.block_bytes = block_bytes;
  ro.hasher = &src->hasher;
  src->reader = std::make_unique<CsvReader>(src->file, ro);
  CsvRecord header;
  if (!src->reader->Next(&header)) {
    if (!src->reader->status().ok()) return Status(src->reader->status().code(), name + ": " + src->reader->status().message());
    return Status::DataError(name + ": " + Tr("the file is empty (no header line)", "berkas kosong (tidak ada baris judul)"));
  }
  src->header.assign(header.fields.begin(), header.fields.end());
  src->header_line = header.line;
  src->data_begin = src->reader->position();
  src->data_line = src->reader->line();
  return src;
}

Result<ScanResult> ScanCsv(CsvSource& source, const ScanConfig& config, std::string_view label, Progress& progress,
                           const std::function<std::unique_ptr<ScanPart>(std::atomic<int64_t>*)>& make_part) {
  const InputFile& file = source.file;
  const uint64_t size = file.size();
  const uint64_t data_bytes = size - std::min(size, source.data_begin);

  int threads = ResolveThreads(config.threads);
  const uint64_t min_bytes = std::max<uint64_t>(config.min_bytes_per_thread, 1);
  threads = static_cast<int>(std::min<uint64_t>(threads, std::max<uint64_t>(1, data_bytes / min_bytes)));

  // Part begins: part 0 at the data, part i just after a newline.
  std::vector<uint64_t> begins = {source.data_begin};
  for (int i = 1; i < threads; ++i) {
    const uint64_t nominal = source.data_begin + data_bytes * static_cast<uint64_t>(i) / threads;
    Result<uint64_t> b = NextLineStart(file, nominal - 1);
    if (!b.ok()) return b.status();
    if (*b > begins.back() && *b < size) begins.push_back(*b);
  }
  const int n = static_cast<int>(begins.size());
  auto range_end = [&](int i) { return i + 1 < n ? begins[i + 1] : size; };

  std::atomic<int64_t> rejections{0};
  std::atomic<bool> abort{false};
  std::atomic<int> valid_parts{n};  // parts >= this are discarded
  std::vector<std::unique_ptr<ScanPart>> parts;
  for (int i = 0; i < n; ++i) parts.push_back(make_part(&rejections));
  std::vector<Status> statuses(n);
  std::vector<int64_t> end_lines(n, 0);
  std::unique_ptr<std::atomic<uint64_t>[]> done(new std::atomic<uint64_t>[n]);
  for (int i = 0; i < n; ++i) done[i] = 0;

  auto report_progress = [&] {
    uint64_t sum = 0;
    for (int i = 0; i < n; ++i) sum += done[i].load(std::memory_order_relaxed);
    progress.Update(std::min(sum, size));
  };
  auto too_many_rejections = [&] {
    return config.max_rejections > 0 && rejections.load(std::memory_order_relaxed) > config.max_rejections;
  };

  // Runs part i to the end of its range (further when its split was wrong).
  auto run_part = [&](int i, CsvReader& reader) {
    ScanPart& part = *parts[i];
    const uint64_t begin = begins[i];
    CsvRecord rec;
    int64_t count = 0;
    bool reserved = false;
    for (;;) {
      while (reader.Next(&rec)) {
        part.OnRecord(rec);
        if ((++count % kCheckEvery) == 0) {
          const uint64_t consumed = reader.position() - begin;
          done[i].store(consumed, std::memory_order_relaxed);
          if (abort.load(std::memory_order_relaxed) || i >= valid_parts.load()) return;
          if (too_many_rejections()) {
            abort = true;
            return;
          }
          if (!reserved && consumed > 0) {
            // Part 0 becomes the merged result: room for the whole file
            // (only the pages written are ever touched).
            reserved = true;
            const uint64_t span = (i == 0 ? size : range_end(i)) - begin;
            part.Reserve(static_cast<double>(count) * static_cast<double>(span) / static_cast<double>(consumed) *
                         1.03);
          }
          if (i == 0) report_progress();
        }
      }
      if (!reader.status().ok()) {
        statuses[i] = reader.status();
        if (i == 0) abort = true;  // a later part may be a wrong guess: decided when joining
        return;
      }
      // Was the next part's start a record boundary?
      if (i + 1 < n && i + 1 < valid_parts.load() && reader.position() != begins[i + 1]) {
        LowerTo(valid_parts, i + 1);
        reader.set_end(UINT64_MAX);
        continue;
      }
      break;
    }
    end_lines[i] = reader.line();
    done[i].store(reader.position() - begin, std::memory_order_relaxed);
  };
  auto guarded = [&](int i, CsvReader& reader) {
    try {
      run_part(i, reader);
    } catch (const std::bad_alloc&) {
      statuses[i] = Status::Internal(Tr("out of memory", "memori tidak cukup"));
      abort = true;
    } catch (const std::exception& e) {  // a bug; never let it end the process from a thread
      statuses[i] = Status::Internal(e.what());
      abort = true;
    }
  };

  progress.Begin(label, size);
  ScanResult result;
  // One chunk hasher per reader; ChunkHasher objects of parts > 0 live here
  // so that the chunks they hashed count even when their part is discarded.
  std::vector<std::unique_ptr<ChunkHasher>> hashers;
  for (int i = 1; i < n; ++i) hashers.push_back(std::make_unique<ChunkHasher>(size));
  if (n == 1) {
    guarded(0, *source.reader);
  } else {
    source.reader->set_end(begins[1]);
    std::mutex mu;
    std::condition_variable cv;
    int running = n - 1;  // parts 1..n-1
    std::vector<std::thread> workers;
    for (int i = 1; i < n; ++i) {
      workers.emplace_back([&, i] {
        CsvReaderOptions ro;
        ro.delimiter = source.dialect.delimiter;
        ro.begin = begins[i];
        ro.end = range_end(i) == size ? UINT64_MAX : range_end(i);
        ro.first_line = 0;  // relative until the parts before are done
        ro.block_bytes = config.block_bytes;
        ro.hasher = hashers[i - 1].get();
        try {
          CsvReader reader(file, ro);
          guarded(i, reader);
        } catch (const std::exception& e) {
          statuses[i] = Status::Internal(e.what());
        }
        std::lock_guard<std::mutex> lock(mu);
        --running;
        cv.notify_all();
      });
    }
    guarded(0, *source.reader);
    {
      std::unique_lock<std::mutex> lock(mu);
      while (running > 0) {
        cv.wait_for(lock, std::chrono::milliseconds(100));
        lock.unlock();
        report_progress();
        lock.lock();
      }
    }
    for (std::thread& t : workers) t.join();
  }
  auto end_progress = [&] {
    progress.Update(size);
    progress.End();
  };

  const int valid = valid_parts.load();
  for (int i = 0; i < valid; ++i) {
    if (!statuses[i].ok()) {
      const Status& st = statuses[i];
      end_progress();
      return Status(st.code(), source.file_name + ": " + st.message());
    }
  }
  if (too_many_rejections()) {
    end_progress();
    return Status::DataError(source.file_name + ": " +
                             Tr("more than ", "lebih dari ") + std::to_string(config.max_rejections) +
                             Tr(" rows rejected; reading stopped (is this the right file, and are the regions loaded?)",
                                " baris ditolak; pembacaan dihentikan (apakah berkasnya benar dan data wilayah sudah dimuat?)"));
  }
  // Relative line numbers become absolute, part by part.
  int64_t line_at_begin = end_lines[0];
  for (int i = 1; i < valid; ++i) {
    parts[i]->ShiftLines(line_at_begin);
    parts[i]->diag.ShiftLines(line_at_begin);
    line_at_begin += end_lines[i];
  }
  parts.resize(valid);
  result.parts = std::move(parts);

  std::vector<const ChunkHasher*> all_hashers = {&source.hasher};
  for (const auto& h : hashers) all_hashers.push_back(h.get());
  Result<uint64_t> hash = FinishContentHash(file, all_hashers);
  source.reader.reset();  // its block buffer is not needed any more
  end_progress();
  if (!hash.ok()) return Status(hash.status().code(), source.file_name + ": " + hash.status().message());
  result.file_hash = HashHex(*hash);
  return result;
}

void MergeDiagnostics(const CsvSource& source, ScanResult& scan, ReadReport* report) {
  report->file_name = source.file_name;
  report->file_hash = scan.file_hash;
  report->delimiter = source.dialect.delimiter;
  report->had_bom = source.dialect.bom_bytes > 0;
  size_t total = report->rejections.size();
  for (auto& p : scan.parts) total += p->diag.rejections.size();
  report->rejections.reserve(total);
  for (auto& p : scan.parts) {
    PartDiagnostics& d = p->diag;
    report->rows_read += d.rows_read;
    for (Rejection& r : d.rejections) report->rejections.push_back(std::move(r));
    std::vector<Rejection>().swap(d.rejections);
    report->warning_count += d.warning_count;
    for (Warning& w : d.warnings) {
      if (report->warnings.size() >= ReadReport::kMaxStoredWarnings) break;
      report->warnings.push_back(std::move(w));
    }
    std::vector<Warning>().swap(d.warnings);
  }
}

void FinishReport(int64_t accepted, ReadReport* report) {
  std::stable_sort(report->rejections.begin(), report->rejections.end(),
                   [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
  std::stable_sort(report->warnings.begin(), report->warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  report->accepted = accepted;
  report->rejected = static_cast<int64_t>(report->rejections.size());
}

}  // namespace cakupan
