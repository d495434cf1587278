// Column chunks: how the SQLite store keeps a large column (10-150 M values)
// as a sequence of BLOB rows in a chunk table (segment_chunks or
// reconciliation_chunks, docs/storage.md):
//  - a fixed-width column is stored as little-endian raw arrays of at most
//    `rows_per_chunk` values (and at most kMaxChunkBytes) per chunk;
//  - a StringColumn `c` is stored as two chunk columns over the same row
//    ranges: `c.offsets`, the uint32 end offset of each row relative to the
//    start of the range, and `c.bytes`, the range's bytes;
//  - every chunk carries its row count, byte size and ChunkChecksum; reading
//    checks all three and reports kCorruption on any mismatch.
// Writers bind caller memory without copying (SQLITE_STATIC); readers read
// each chunk straight into the destination column (sqlite3_blob_read), so a
// load costs one copy from the OS page cache. Not thread-safe.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "base/status.h"
#include "domain/string_column.h"
#include "storage/sqlite/chunk_checksum.h"
#include "storage/sqlite/connection.h"

namespace cakupan::sqlite {

static_assert(std::endian::native == std::endian::little,
              "chunks are little-endian raw arrays; a big-endian host needs byte swapping in chunks.h");

inline constexpr int64_t kDefaultRowsPerChunk = int64_t{1} << 20;
inline constexpr size_t kMaxChunkBytes = size_t{64} << 20;

// One stored chunk, without its data.
struct ChunkInfo {
  int64_t rowid = 0;
  int64_t chunk_no = 0;
  int64_t row_count = 0;
  int64_t byte_size = 0;
  uint64_t checksum = 0;
};

// The chunks of one owner by column name, each list in chunk order.
using ChunkDirectory = std::map<std::string, std::vector<ChunkInfo>, std::less<>>;

// Reads a chunk directory with `select`, a statement already bound to its
// owner that returns (id, column_name, chunk_no, row_count, byte_size,
// checksum) ordered by column_name, chunk_no.
Result<ChunkDirectory> ReadChunkDirectory(Statement& select);

// The key of the rows a chunk belongs to: a segment id or a period text.
using ChunkOwner = std::variant<int64_t, std::string>;

// Writes the columns of one owner through `insert`, a prepared INSERT with
// parameters ?1 owner, ?2 column_name, ?3 chunk_no, ?4 row_count,
// ?5 byte_size, ?6 checksum, ?7 data.
class ChunkWriter {
 public:
  ChunkWriter(Statement& insert, ChunkOwner owner, int64_t rows_per_chunk)
      : insert_(insert), owner_(std::move(owner)), rows_per_chunk_(rows_per_chunk) {}

  template <typename T>
  Status WriteFixed(std::string_view column, const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    const int64_t step = std::min<int64_t>(rows_per_chunk_, static_cast<int64_t>(kMaxChunkBytes / sizeof(T)));
    const int64_t n = static_cast<int64_t>(values.size());
    for (int64_t row = 0, chunk = 0; row < n; row += step, ++chunk) {
      const int64_t rows = std::min(step, n - row);
      CAKUPAN_RETURN_IF_ERROR(Put(column, chunk, rows, values.data() + row, static_cast<size_t>(rows) * sizeof(T)));
    }
    return Status::Ok();
  }
  Status WriteStrings(std::string_view column, const StringColumn& values);

 private:
  Status Put(std::string_view column, int64_t chunk_no, int64_t rows, const void* data, size_t size);

  Statement& insert_;
  ChunkOwner owner_;
  int64_t rows_per_chunk_;
  std::vector<uint32_t> rebased_;  // one chunk of string offsets, reused
};

// Reads columns of one owner from `table`.data by the rowids in a directory.
// `owner_name` ("workers segment 12") only goes into error messages.
class ChunkReader {
 public:
  ChunkReader(Connection& conn, const std::string& table, std::string owner_name)
      : blobs_(conn, table, "data"), owner_name_(std::move(owner_name)) {}

  // Resizes *out to `rows` and fills it from the chunks of `column`.
  // kCorruption when the chunks do not hold exactly `rows` values or any
  // chunk fails its size or checksum check.
  template <typename T>
  Status ReadFixed(const ChunkDirectory& dir, std::string_view column, int64_t rows, std::vector<T>* out) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::vector<ChunkInfo>& chunks = Find(dir, column);
    CAKUPAN_RETURN_IF_ERROR(CheckLayout(column, chunks, rows, sizeof(T)));
    out->resize(static_cast<size_t>(rows));
    int64_t pos = 0;
    for (const ChunkInfo& c : chunks) {
      CAKUPAN_RETURN_IF_ERROR(ReadChunk(column, c, out->data() + pos));
      pos += c.row_count;
    }
    return Status::Ok();
  }
  Status ReadStrings(const ChunkDirectory& dir, std::string_view column, int64_t rows, StringColumn* out);

 private:
  static const std::vector<ChunkInfo>& Find(const ChunkDirectory& dir, std::string_view column);
  // Chunk numbers 0, 1, ...; positive row counts summing to `rows`; byte
  // sizes of row_count * width (width 0: not checked).
  Status CheckLayout(std::string_view column, const std::vector<ChunkInfo>& chunks, int64_t rows, size_t width) const;
  Status ReadChunk(std::string_view column, const ChunkInfo& chunk, void* dst);
  Status Corrupt(std::string_view column, int64_t chunk_no, std::string_view what) const;

  BlobReader blobs_;
  std::string owner_name_;
};

}  // namespace cakupan::sqlite
