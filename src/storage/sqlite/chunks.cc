#include "storage/sqlite/chunks.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>

namespace cakupan::sqlite {

Result<ChunkDirectory> ReadChunkDirectory(Statement& select) {
  ChunkDirectory dir;
  while (true) {
    CAKUPAN_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    ChunkInfo info;
    info.rowid = select.ColumnInt64(0);
    info.chunk_no = select.ColumnInt64(2);
    info.row_count = select.ColumnInt64(3);
    info.byte_size = select.ColumnInt64(4);
    info.checksum = static_cast<uint64_t>(select.ColumnInt64(5));
    const int64_t encoding = select.ColumnInt64(6);
    // An out-of-range value becomes an encoding no decoder knows (kCorruption on read).
    info.encoding = static_cast<ChunkEncoding>(encoding >= 0 && encoding < 255 ? encoding : 255);
    dir[select.ColumnText(1)].push_back(info);
  }
  return dir;
}

// --- ChunkWriter -------------------------------------------------------------

// One chunk to produce: its place, and how to encode it.
struct ChunkWriter::Job {
  std::string column;
  int64_t chunk_no = 0;
  int64_t rows = 0;
  // Fills out->encoding, out->data and out->size (using out->buffer and the
  // encoder's scratch as needed).
  std::function<void(ChunkEncoder& encoder, std::vector<uint32_t>& lengths, Encoded* out)> encode;
};

// A chunk ready to insert.
struct ChunkWriter::Encoded {
  const Job* job = nullptr;
  ChunkEncoding encoding = ChunkEncoding::kPlain;
  const uint8_t* data = nullptr;  // into `buffer` or into the caller's column
  size_t size = 0;
  uint64_t checksum = 0;
  std::vector<uint8_t> buffer;
};

// Runs the jobs on helper threads (as many as there are cores, at most
// kMaxThreads), at most `ahead` jobs beyond the one the consumer waits for,
// and hands out the results in job order. Buffers come back through
// Recycle() and are reused, so that the steady state allocates nothing.
class ChunkWriter::Pipeline {
 public:
  static constexpr size_t kMaxThreads = 2;
  Pipeline(const std::vector<std::unique_ptr<Job>>& jobs, size_t ahead)
      : jobs_(jobs), ahead_(ahead), done_(jobs.size()) {
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t threads = std::min({kMaxThreads, cores, jobs.size()});
    for (size_t t = 0; t < threads; ++t) {
      try {
        threads_.emplace_back([this] { Run(); });
      } catch (const std::system_error&) {
        break;  // with no thread at all, Next() encodes on the calling thread
      }
    }
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // The result of job `i` (called for i = 0, 1, ... in order); null with
  // *error set when encoding failed.
  std::unique_ptr<Encoded> Next(size_t i, Status* error) {
    if (threads_.empty()) {
      std::unique_ptr<Encoded> e = free_.empty() ? std::make_unique<Encoded>() : std::move(free_.back());
      if (!free_.empty()) free_.pop_back();
      try {
        Encode(*jobs_[i], inline_encoder_, inline_lengths_, e.get());
      } catch (const std::bad_alloc&) {
        *error = Status::Internal("out of memory while encoding column '" + jobs_[i]->column + "'");
        return nullptr;
      }
      return e;
    }
    std::unique_lock<std::mutex> lock(mu_);
    consumer_at_ = i;
    cv_.notify_all();  // a thread may wait for room ahead of the consumer
    cv_.wait(lock, [&] { return done_[i] != nullptr || !error_.ok(); });
    if (done_[i] == nullptr) {
      *error = error_;
      return nullptr;
    }
    return std::move(done_[i]);
  }
  void Recycle(std::unique_ptr<Encoded> e) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(e));
  }

 private:
  void Run() {
    ChunkEncoder encoder;
    std::vector<uint32_t> lengths;
    while (true) {
      size_t i;
      std::unique_ptr<Encoded> e;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || next_ >= jobs_.size() || next_ <= consumer_at_ + ahead_; });
        if (stop_ || next_ >= jobs_.size()) return;
        i = next_++;
        if (!free_.empty()) {
          e = std::move(free_.back());
          free_.pop_back();
        }
      }
      const Job& job = *jobs_[i];
      try {
        if (!e) e = std::make_unique<Encoded>();
        Encode(job, encoder, lengths, e.get());
      } catch (const std::bad_alloc&) {
        std::lock_guard<std::mutex> lock(mu_);
        error_ = Status::Internal("out of memory while encoding column '" + job.column + "'");
        cv_.notify_all();
        return;
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_[i] = std::move(e);
      }
      cv_.notify_all();
    }
  }

  static void Encode(const Job& job, ChunkEncoder& encoder, std::vector<uint32_t>& lengths, Encoded* e) {
    e->job = &job;
    job.encode(encoder, lengths, e);
    e->checksum = ChunkChecksum(e->data, e->size);
  }

  const std::vector<std::unique_ptr<Job>>& jobs_;
  const size_t ahead_;
  ChunkEncoder inline_encoder_;  // when no thread could be started
  std::vector<uint32_t> inline_lengths_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Encoded>> done_;  // GUARDED_BY(mu_): by job
  std::vector<std::unique_ptr<Encoded>> free_;  // GUARDED_BY(mu_)
  size_t next_ = 0;                             // GUARDED_BY(mu_): the next job to claim
  size_t consumer_at_ = 0;                      // GUARDED_BY(mu_): the job the consumer waits for
  Status error_;                                // GUARDED_BY(mu_)
  bool stop_ = false;                           // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;            // last: started after the members above exist
};

ChunkWriter::ChunkWriter(int64_t rows_per_chunk) : rows_per_chunk_(rows_per_chunk) {}
ChunkWriter::~ChunkWriter() = default;

void ChunkWriter::Start(bool all_ahead) {
  if (!pipeline_ && !jobs_.empty())
    pipeline_ = std::make_unique<Pipeline>(jobs_, all_ahead ? jobs_.size() : kAhead);
}

template <typename T>
void ChunkWriter::AddIntegers(std::string column, const std::vector<T>& values) {
  const int64_t n = static_cast<int64_t>(values.size());
  for (int64_t row = 0, chunk = 0; row < n; row += rows_per_chunk_, ++chunk) {
    auto job = std::make_unique<Job>();
    job->column = column;
    job->chunk_no = chunk;
    job->rows = std::min(rows_per_chunk_, n - row);
    const T* data = values.data() + row;
    const size_t rows = static_cast<size_t>(job->rows);
    job->encode = [data, rows](ChunkEncoder& encoder, std::vector<uint32_t>&, Encoded* out) {
      out->encoding = encoder.EncodeIntegers(data, rows, &out->buffer);
      out->data = out->buffer.data();
      out->size = out->buffer.size();
    };
    jobs_.push_back(std::move(job));
  }
}

void ChunkWriter::AddStrings(std::string column, const StringColumn& values) {
  const std::string lengths_name = column + ".lengths";
  const std::string bytes_name = column + ".bytes";
  const std::vector<uint32_t>& offsets = values.offsets();
  const size_t n = values.size();
  size_t row = 0;
  for (int64_t chunk = 0; row < n; ++chunk) {
    const uint32_t base = offsets[row];
    size_t end = std::min(n, row + static_cast<size_t>(rows_per_chunk_));
    if (offsets[end] - base > kStringChunkBytes) {
      // End the range at the last row that still fits (at least one row,
      // whatever its length).
      const uint64_t max_offset = uint64_t{base} + kStringChunkBytes;
      auto limit = std::upper_bound(offsets.begin() + static_cast<ptrdiff_t>(row) + 1,
                                    offsets.begin() + static_cast<ptrdiff_t>(end) + 1, max_offset,
                                    [](uint64_t value, uint32_t offset) { return value < offset; });
      end = std::max(row + 1, static_cast<size_t>(limit - offsets.begin()) - 1);
    }
    const size_t rows = end - row;
    const uint32_t* chunk_offsets = offsets.data() + row;
    auto lengths = std::make_unique<Job>();
    lengths->column = lengths_name;
    lengths->chunk_no = chunk;
    lengths->rows = static_cast<int64_t>(rows);
    lengths->encode = [chunk_offsets, rows](ChunkEncoder& encoder, std::vector<uint32_t>& scratch, Encoded* out) {
      scratch.resize(rows);
      for (size_t i = 0; i < rows; ++i) scratch[i] = chunk_offsets[i + 1] - chunk_offsets[i];
      out->encoding = encoder.EncodeIntegers(scratch.data(), rows, &out->buffer);
      out->data = out->buffer.data();
      out->size = out->buffer.size();
    };
    jobs_.push_back(std::move(lengths));
    auto bytes = std::make_unique<Job>();
    bytes->column = bytes_name;
    bytes->chunk_no = chunk;
    bytes->rows = static_cast<int64_t>(rows);
    const char* all_bytes = values.bytes().data();
    const size_t size = offsets[end] - base;
    bytes->encode = [chunk_offsets, rows, all_bytes, base, size](ChunkEncoder& encoder, std::vector<uint32_t>&,
                                                                 Encoded* out) {
      out->encoding = encoder.EncodeStrings(chunk_offsets, rows, all_bytes, &out->buffer);
      if (out->encoding == ChunkEncoding::kBytes) {
        out->data = reinterpret_cast<const uint8_t*>(all_bytes) + base;  // the caller's memory: no copy
        out->size = size;
      } else {
        out->data = out->buffer.data();
        out->size = out->buffer.size();
      }
    };
    jobs_.push_back(std::move(bytes));
    row = end;
  }
}

Status ChunkWriter::Write(Statement& insert, const ChunkOwner& owner) {
  stored_bytes_ = 0;
  if (jobs_.empty()) return Status::Ok();
  Start(false);
  std::unique_ptr<Pipeline> pipeline = std::move(pipeline_);  // joined when Write returns
  for (size_t i = 0; i < jobs_.size(); ++i) {
    Status error;
    std::unique_ptr<Encoded> e = pipeline->Next(i, &error);
    if (!e) return error;
    const Job& job = *e->job;
    if (const auto* id = std::get_if<int64_t>(&owner)) {
      insert.BindInt64(1, *id);
    } else {
      insert.BindText(1, std::get<std::string>(owner));
    }
    insert.BindText(2, job.column);
    insert.BindInt64(3, job.chunk_no);
    insert.BindInt64(4, job.rows);
    insert.BindInt64(5, static_cast<int64_t>(e->size));
    insert.BindInt64(6, static_cast<int64_t>(e->checksum));
    insert.BindInt64(7, static_cast<int64_t>(e->encoding));
    insert.BindBlobStatic(8, e->data, e->size);
    Status st = insert.Run();
    insert.Reset();  // drops the pointer to the chunk's memory
    if (!st.ok()) return st;
    stored_bytes_ += e->size;
    pipeline->Recycle(std::move(e));
  }
  return Status::Ok();
}

#define CAKUPAN_INSTANTIATE_ADD(T) template void ChunkWriter::AddIntegers<T>(std::string, const std::vector<T>&);
CAKUPAN_INSTANTIATE_ADD(uint8_t)
CAKUPAN_INSTANTIATE_ADD(uint16_t)
CAKUPAN_INSTANTIATE_ADD(uint32_t)
CAKUPAN_INSTANTIATE_ADD(int32_t)
CAKUPAN_INSTANTIATE_ADD(uint64_t)
CAKUPAN_INSTANTIATE_ADD(int64_t)
#undef CAKUPAN_INSTANTIATE_ADD

// --- ChunkReader -------------------------------------------------------------

namespace {

// Error messages of one owner's column.
class Where {
 public:
  Where(const std::string& owner, std::string_view column) : owner_(owner), column_(column) {}
  Status Corrupt(int64_t chunk_no, std::string_view what) const {
    return Status::Corruption(owner_ + ", column '" + column_ + "', chunk " + std::to_string(chunk_no) + ": " +
                              std::string(what));
  }

 private:
  std::string owner_;
  std::string column_;
};

Status VerifyChecksum(const Where& where, const FetchedChunk& c) {
  if (ChunkChecksum(c.bytes.data(), static_cast<size_t>(c.info.byte_size)) != c.info.checksum)
    return where.Corrupt(c.info.chunk_no, "checksum mismatch: the stored data is damaged");
  return Status::Ok();
}

template <typename T>
Status DecodeIntegerChunk(const Where& where, const FetchedChunk& c, T* dst) {
  CAKUPAN_RETURN_IF_ERROR(VerifyChecksum(where, c));
  Status st = DecodeIntegers(c.info.encoding, c.bytes.data(), static_cast<size_t>(c.info.byte_size),
                             static_cast<size_t>(c.info.row_count), dst);
  if (!st.ok()) return where.Corrupt(c.info.chunk_no, st.message());
  return Status::Ok();
}

}  // namespace

// Runs decode tasks on up to two threads, started on the first task.
class ChunkReader::Pool {
 public:
  static constexpr size_t kThreads = 2;
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  void Add(Decode task) {
    std::unique_lock<std::mutex> lock(mu_);
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    if (threads_.size() < std::min(kThreads, cores)) {
      try {
        threads_.emplace_back([this] { Run(); });
      } catch (const std::system_error&) {
        // Fewer helpers; with none at all the task runs here.
      }
    }
    if (threads_.empty()) {
      lock.unlock();
      Status st = RunTask(task);
      lock.lock();
      if (!st.ok() && error_.ok()) error_ = std::move(st);
      return;
    }
    tasks_.push_back(std::move(task));
    ++pending_;
    lock.unlock();
    cv_.notify_all();
  }
  Status Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return pending_ == 0; });
    Status first = std::move(error_);
    error_ = Status::Ok();
    return first;
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping
      Decode task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      Status st = RunTask(task);
      task = nullptr;  // free the chunks' bytes outside the lock
      lock.lock();
      if (!st.ok() && error_.ok()) error_ = std::move(st);
      if (--pending_ == 0) cv_.notify_all();
    }
  }

  static Status RunTask(const Decode& task) {
    try {
      return task();
    } catch (const std::bad_alloc&) {
      return Status::Internal("out of memory while decoding chunks");
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Decode> tasks_;  // GUARDED_BY(mu_)
  size_t pending_ = 0;        // GUARDED_BY(mu_): added, not finished
  Status error_;              // GUARDED_BY(mu_): the first failure
  bool stop_ = false;         // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;
};

ChunkReader::ChunkReader(Connection& conn, const std::string& table, std::string owner_name)
    : blobs_(conn, table, "data"), owner_name_(std::move(owner_name)) {}

ChunkReader::~ChunkReader() { (void)Wait(); }

Status ChunkReader::Wait() { return pool_ ? pool_->Wait() : Status::Ok(); }

const std::vector<ChunkInfo>& ChunkReader::Find(const ChunkDirectory& dir, std::string_view column) {
  static const std::vector<ChunkInfo> kNone;
  auto it = dir.find(column);
  return it == dir.end() ? kNone : it->second;
}

bool ChunkReader::HasStrings(const ChunkDirectory& dir, std::string_view column) {
  return dir.find(std::string(column) + ".lengths") != dir.end() ||
         dir.find(std::string(column) + ".offsets") != dir.end();
}

int64_t ChunkReader::RowsOf(const ChunkDirectory& dir, std::string_view column) {
  int64_t rows = 0;
  for (const ChunkInfo& c : Find(dir, column)) rows += c.row_count;
  return rows;
}

Status ChunkReader::CheckLayout(std::string_view column, const std::vector<ChunkInfo>& chunks, int64_t rows,
                                size_t width) const {
  const Where where(owner_name_, column);
  int64_t total = 0;
  for (size_t i = 0; i < chunks.size(); ++i) {
    const ChunkInfo& c = chunks[i];
    if (c.chunk_no != static_cast<int64_t>(i)) return where.Corrupt(static_cast<int64_t>(i), "chunk is missing");
    if (c.row_count <= 0 || c.row_count > rows - total)
      return where.Corrupt(c.chunk_no, "row count " + std::to_string(c.row_count) + " does not fit the " +
                                           std::to_string(rows) + " rows of the table");
    if (c.byte_size < 0 || static_cast<uint64_t>(c.byte_size) > kMaxChunkBytes)
      return where.Corrupt(c.chunk_no, "impossible size " + std::to_string(c.byte_size));
    if (c.encoding == ChunkEncoding::kLegacy && width != 0 &&
        c.byte_size != c.row_count * static_cast<int64_t>(width))
      return where.Corrupt(c.chunk_no, "holds " + std::to_string(c.byte_size) + " bytes for " +
                                           std::to_string(c.row_count) + " values of " + std::to_string(width) +
                                           " bytes");
    total += c.row_count;
  }
  if (total != rows)
    return where.Corrupt(static_cast<int64_t>(chunks.size()),
                         "chunks hold " + std::to_string(total) + " rows, expected " + std::to_string(rows));
  return Status::Ok();
}

Status ChunkReader::Fetch(std::string_view column, const std::vector<ChunkInfo>& chunks,
                          std::vector<FetchedChunk>* out) {
  const Where where(owner_name_, column);
  out->resize(chunks.size());
  for (size_t i = 0; i < chunks.size(); ++i) {
    FetchedChunk& f = (*out)[i];
    f.info = chunks[i];
    f.bytes.resize(static_cast<size_t>(chunks[i].byte_size) + kDecodePadding);
    Status st = blobs_.ReadAll(chunks[i].rowid, f.bytes.data(), static_cast<size_t>(chunks[i].byte_size));
    if (st.code() == StatusCode::kCorruption) return where.Corrupt(chunks[i].chunk_no, st.message());
    CAKUPAN_RETURN_IF_ERROR(st);
  }
  return Status::Ok();
}

template <typename T>
Result<ChunkReader::Decode> ChunkReader::PrepareIntegers(const ChunkDirectory& dir, std::string_view column,
                                                         int64_t rows, std::vector<T>* out) {
  static_assert(std::is_integral_v<T>);
  const std::vector<ChunkInfo>& chunks = Find(dir, column);
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(column, chunks, rows, sizeof(T)));
  auto fetched = std::make_shared<std::vector<FetchedChunk>>();
  CAKUPAN_RETURN_IF_ERROR(Fetch(column, chunks, fetched.get()));
  return Decode([where = Where(owner_name_, column), fetched, rows, out]() -> Status {
    out->resize(static_cast<size_t>(rows));
    T* dst = out->data();
    for (FetchedChunk& c : *fetched) {
      CAKUPAN_RETURN_IF_ERROR(DecodeIntegerChunk(where, c, dst));
      dst += c.info.row_count;
      std::vector<uint8_t>().swap(c.bytes);  // done with it
    }
    return Status::Ok();
  });
}

Result<ChunkReader::Decode> ChunkReader::PrepareStrings(const ChunkDirectory& dir, std::string_view column,
                                                        int64_t rows, StringColumn* out) {
  const std::string lengths_name = std::string(column) + ".lengths";
  const std::string bytes_name = std::string(column) + ".bytes";
  if (dir.find(lengths_name) == dir.end()) return PrepareLegacyStrings(dir, column, rows, out);
  const std::vector<ChunkInfo>& length_chunks = Find(dir, lengths_name);
  const std::vector<ChunkInfo>& byte_chunks = Find(dir, bytes_name);
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(lengths_name, length_chunks, rows, sizeof(uint32_t)));
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(bytes_name, byte_chunks, rows, 0));
  const Where bytes_where(owner_name_, bytes_name);
  for (size_t i = 0; i < byte_chunks.size(); ++i) {
    if (byte_chunks[i].row_count != length_chunks[i].row_count)
      return bytes_where.Corrupt(static_cast<int64_t>(i), "row count differs from its lengths chunk");
  }
  auto lengths = std::make_shared<std::vector<FetchedChunk>>();
  auto bytes = std::make_shared<std::vector<FetchedChunk>>();
  CAKUPAN_RETURN_IF_ERROR(Fetch(lengths_name, length_chunks, lengths.get()));
  CAKUPAN_RETURN_IF_ERROR(Fetch(bytes_name, byte_chunks, bytes.get()));
  return Decode([lengths_where = Where(owner_name_, lengths_name), bytes_where, lengths, bytes, rows,
                 out]() -> Status {
    // First the lengths of every chunk, as end offsets relative to the
    // chunk, to learn the column's size; then the bytes, in place.
    std::vector<uint32_t> offsets(static_cast<size_t>(rows) + 1);
    std::vector<uint64_t> chunk_bytes(lengths->size());
    uint64_t total_bytes = 0;
    size_t row = 0;
    for (size_t i = 0; i < lengths->size(); ++i) {
      const FetchedChunk& lc = (*lengths)[i];
      const FetchedChunk& bc = (*bytes)[i];
      uint32_t* ends = offsets.data() + row + 1;
      CAKUPAN_RETURN_IF_ERROR(DecodeIntegerChunk(lengths_where, lc, ends));
      Status st = LengthsToOffsets(ends, static_cast<size_t>(lc.info.row_count), &chunk_bytes[i]);
      if (!st.ok()) return lengths_where.Corrupt(lc.info.chunk_no, st.message());
      if (bc.info.encoding == ChunkEncoding::kBytes && chunk_bytes[i] != static_cast<uint64_t>(bc.info.byte_size))
        return lengths_where.Corrupt(lc.info.chunk_no, "lengths add up to " + std::to_string(chunk_bytes[i]) +
                                                           " bytes, the bytes chunk holds " +
                                                           std::to_string(bc.info.byte_size));
      total_bytes += chunk_bytes[i];
      row += static_cast<size_t>(lc.info.row_count);
    }
    if (total_bytes > UINT32_MAX) return bytes_where.Corrupt(0, "column exceeds 4 GiB");

    std::string text(total_bytes + kDecodePadding, '\0');  // DecodeStrings may write past the end
    row = 0;
    uint32_t base = 0;
    for (size_t i = 0; i < bytes->size(); ++i) {
      FetchedChunk& bc = (*bytes)[i];
      const size_t n = static_cast<size_t>(bc.info.row_count);
      uint32_t* ends = offsets.data() + row + 1;
      CAKUPAN_RETURN_IF_ERROR(VerifyChecksum(bytes_where, bc));
      if (bc.info.encoding == ChunkEncoding::kBytes) {
        std::memcpy(text.data() + base, bc.bytes.data(), static_cast<size_t>(bc.info.byte_size));
      } else {
        Status st = DecodeStrings(bc.info.encoding, bc.bytes.data(), static_cast<size_t>(bc.info.byte_size), ends,
                                  n, text.data() + base);
        if (!st.ok()) return bytes_where.Corrupt(bc.info.chunk_no, st.message());
      }
      std::vector<uint8_t>().swap(bc.bytes);
      if (base != 0)
        for (size_t k = 0; k < n; ++k) ends[k] += base;
      row += n;
      base += static_cast<uint32_t>(chunk_bytes[i]);
    }
    text.resize(total_bytes);
    *out = StringColumn(std::move(offsets), std::move(text));
    return Status::Ok();
  });
}

Result<ChunkReader::Decode> ChunkReader::PrepareLegacyStrings(const ChunkDirectory& dir, std::string_view column,
                                                              int64_t rows, StringColumn* out) {
  const std::string offsets_name = std::string(column) + ".offsets";
  const std::string bytes_name = std::string(column) + ".bytes";
  const std::vector<ChunkInfo>& offset_chunks = Find(dir, offsets_name);
  const std::vector<ChunkInfo>& byte_chunks = Find(dir, bytes_name);
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(offsets_name, offset_chunks, rows, sizeof(uint32_t)));
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(bytes_name, byte_chunks, rows, 0));
  const Where bytes_where(owner_name_, bytes_name);
  uint64_t total_bytes = 0;
  for (size_t i = 0; i < byte_chunks.size(); ++i) {
    if (byte_chunks[i].row_count != offset_chunks[i].row_count)
      return bytes_where.Corrupt(static_cast<int64_t>(i), "row count differs from its offsets chunk");
    total_bytes += static_cast<uint64_t>(byte_chunks[i].byte_size);
  }
  if (total_bytes > UINT32_MAX) return bytes_where.Corrupt(0, "column exceeds 4 GiB");
  auto offsets_fetched = std::make_shared<std::vector<FetchedChunk>>();
  auto bytes = std::make_shared<std::vector<FetchedChunk>>();
  CAKUPAN_RETURN_IF_ERROR(Fetch(offsets_name, offset_chunks, offsets_fetched.get()));
  CAKUPAN_RETURN_IF_ERROR(Fetch(bytes_name, byte_chunks, bytes.get()));
  return Decode([offsets_where = Where(owner_name_, offsets_name), bytes_where, offsets_fetched, bytes, rows,
                 total_bytes, out]() -> Status {
    std::vector<uint32_t> offsets(static_cast<size_t>(rows) + 1);
    std::string text(total_bytes, '\0');
    size_t row = 0;
    uint32_t base = 0;
    for (size_t i = 0; i < offsets_fetched->size(); ++i) {
      const FetchedChunk& oc = (*offsets_fetched)[i];
      const FetchedChunk& bc = (*bytes)[i];
      uint32_t* dst = offsets.data() + row + 1;
      CAKUPAN_RETURN_IF_ERROR(DecodeIntegerChunk(offsets_where, oc, dst));
      const size_t n = static_cast<size_t>(oc.info.row_count);
      uint32_t previous = 0;
      for (size_t k = 0; k < n; ++k) {
        if (dst[k] < previous) return offsets_where.Corrupt(oc.info.chunk_no, "offsets decrease");
        previous = dst[k];
        dst[k] += base;
      }
      if (previous != static_cast<uint64_t>(bc.info.byte_size))
        return offsets_where.Corrupt(oc.info.chunk_no, "offsets do not end at the size of the bytes chunk");
      CAKUPAN_RETURN_IF_ERROR(VerifyChecksum(bytes_where, bc));
      std::memcpy(text.data() + base, bc.bytes.data(), static_cast<size_t>(bc.info.byte_size));
      row += n;
      base += static_cast<uint32_t>(bc.info.byte_size);
    }
    *out = StringColumn(std::move(offsets), std::move(text));
    return Status::Ok();
  });
}

template <typename T>
Status ChunkReader::ReadIntegers(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                 std::vector<T>* out) {
  CAKUPAN_ASSIGN_OR_RETURN(Decode decode, PrepareIntegers(dir, column, rows, out));
  return decode();
}

Status ChunkReader::ReadStrings(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                StringColumn* out) {
  CAKUPAN_ASSIGN_OR_RETURN(Decode decode, PrepareStrings(dir, column, rows, out));
  return decode();
}

template <typename T>
Status ChunkReader::ReadIntegersLater(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                      std::vector<T>* out) {
  CAKUPAN_ASSIGN_OR_RETURN(Decode decode, PrepareIntegers(dir, column, rows, out));
  if (!pool_) pool_ = std::make_unique<Pool>();
  pool_->Add(std::move(decode));
  return Status::Ok();
}

Status ChunkReader::ReadStringsLater(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                     StringColumn* out) {
  CAKUPAN_ASSIGN_OR_RETURN(Decode decode, PrepareStrings(dir, column, rows, out));
  if (!pool_) pool_ = std::make_unique<Pool>();
  pool_->Add(std::move(decode));
  return Status::Ok();
}

#define CAKUPAN_INSTANTIATE_READ(T)                                                                      \
  template Status ChunkReader::ReadIntegers<T>(const ChunkDirectory&, std::string_view, int64_t,      \
                                               std::vector<T>*);                                      \
  template Status ChunkReader::ReadIntegersLater<T>(const ChunkDirectory&, std::string_view, int64_t, \
                                                    std::vector<T>*);
CAKUPAN_INSTANTIATE_READ(uint8_t)
CAKUPAN_INSTANTIATE_READ(uint16_t)
CAKUPAN_INSTANTIATE_READ(uint32_t)
CAKUPAN_INSTANTIATE_READ(int32_t)
CAKUPAN_INSTANTIATE_READ(uint64_t)
CAKUPAN_INSTANTIATE_READ(int64_t)
#undef CAKUPAN_INSTANTIATE_READ

}  // namespace cakupan::sqlite
