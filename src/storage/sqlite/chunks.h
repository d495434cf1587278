// Column chunks: how the SQLite store keeps a large column (10-150 M values)
// as a sequence of BLOB rows in a chunk table (segment_chunks,
// reconciliation_chunks or region_chunks, docs/storage.md):
//  - a column is cut into chunks of at most `rows_per_chunk` rows; each chunk
//    is encoded on its own (column_codec.h) and records its encoding;
//  - a StringColumn `c` is two chunk columns over the same row ranges:
//    `c.lengths`, the byte length of each row (an integer chunk), and
//    `c.bytes`, the range's bytes (at most kStringChunkBytes per chunk,
//    unless one row is longer);
//  - every chunk carries its row count, byte size, encoding and the
//    ChunkChecksum of its stored bytes; reading checks them all and reports
//    kCorruption on any mismatch.
// Chunks written before the encodings existed (encoding 0, "legacy") are
// raw arrays, and strings are `c.offsets` (uint32 end offsets) + `c.bytes`;
// ChunkReader reads both forms.
//
// ChunkWriter encodes on one helper thread while the calling thread inserts
// the previous chunks; string bytes are bound from the caller's memory
// (SQLITE_STATIC). ChunkReader reads each chunk once from SQLite
// (sqlite3_blob_read): raw chunks straight into the destination column,
// encoded ones into a scratch buffer that is then decoded. Neither type is
// thread-safe; the caller's tables must not change while a write runs.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "base/status.h"
#include "domain/string_column.h"
#include "storage/sqlite/chunk_checksum.h"
#include "storage/sqlite/column_codec.h"
#include "storage/sqlite/connection.h"

namespace cakupan::sqlite {

// The bytes of a string chunk (also bounds the memory SQLite needs to
// insert one chunk).
inline constexpr size_t kStringChunkBytes = size_t{2} << 20;
// Reading refuses chunks above this size (older versions wrote up to 64 MiB).
inline constexpr size_t kMaxChunkBytes = size_t{64} << 20;

// One stored chunk, without its data.
struct ChunkInfo {
  int64_t rowid = 0;
  int64_t chunk_no = 0;
  int64_t row_count = 0;
  int64_t byte_size = 0;
  uint64_t checksum = 0;
  ChunkEncoding encoding = ChunkEncoding::kLegacy;
};

// The chunks of one owner by column name, each list in chunk order.
using ChunkDirectory = std::map<std::string, std::vector<ChunkInfo>, std::less<>>;

// Reads a chunk directory with `select`, a statement already bound to its
// owner that returns (id, column_name, chunk_no, row_count, byte_size,
// checksum, encoding) ordered by column_name, chunk_no.
Result<ChunkDirectory> ReadChunkDirectory(Statement& select);

// The key of the rows a chunk belongs to: a segment id or a text key
// (a period, 'regions').
using ChunkOwner = std::variant<int64_t, std::string>;

// Collects the columns of one owner, then writes them with Write(). The
// vectors and StringColumns passed to Add* are referenced, not copied: they
// must outlive Write().
class ChunkWriter {
 public:
  explicit ChunkWriter(int64_t rows_per_chunk);
  ~ChunkWriter();
  ChunkWriter(const ChunkWriter&) = delete;
  ChunkWriter& operator=(const ChunkWriter&) = delete;

  // An integer column (uint8_t, uint16_t, uint32_t, int32_t, uint64_t,
  // int64_t). An empty column adds no chunk.
  template <typename T>
  void AddIntegers(std::string column, const std::vector<T>& values);
  void AddStrings(std::string column, const StringColumn& values);

  // Starts encoding (on helper threads) before Write(), so that it overlaps
  // other work of the caller: a few chunks ahead, or, with `all_ahead`,
  // every chunk (the caller holds them all in memory until Write()). Add*
  // may not be called afterwards. Write() starts it when the caller did not.
  void Start(bool all_ahead);

  // Encodes and inserts every chunk through `insert`, a prepared INSERT with
  // parameters ?1 owner, ?2 column_name, ?3 chunk_no, ?4 row_count,
  // ?5 byte_size, ?6 checksum, ?7 encoding, ?8 data. On failure nothing
  // more is inserted (the caller rolls back).
  Status Write(Statement& insert, const ChunkOwner& owner);

  // Total bytes stored by the last Write().
  uint64_t stored_bytes() const { return stored_bytes_; }

 private:
  struct Job;
  struct Encoded;
  class Pipeline;

  // Chunks a write encodes ahead of the one being inserted: bounds the
  // memory a write holds beyond its table.
  static constexpr size_t kAhead = 2;

  int64_t rows_per_chunk_;
  std::vector<std::unique_ptr<Job>> jobs_;
  uint64_t stored_bytes_ = 0;
  std::unique_ptr<Pipeline> pipeline_;  // after jobs_: stopped before they go
};

// A chunk's stored bytes as read from SQLite, followed by kDecodePadding
// spare bytes.
struct FetchedChunk {
  ChunkInfo info;
  std::vector<uint8_t> bytes;
};

// Reads columns of one owner from `table`.data by the rowids in a directory.
// `owner_name` ("workers segment 12") only goes into error messages.
//
// Read* decode before returning. Read*Later read the stored bytes from
// SQLite before returning (so that they see the caller's transaction) and
// leave the checks and the decoding to helper threads (two at most), so
// that several columns decode at once while the calling thread reads the
// next: the output must stay alive, and the caller must not touch it, until
// Wait() (which the destructor also calls).
class ChunkReader {
 public:
  ChunkReader(Connection& conn, const std::string& table, std::string owner_name);
  ~ChunkReader();
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;

  // Resizes *out to `rows` and fills it from the chunks of `column`.
  // kCorruption when the chunks do not hold exactly `rows` values, or any
  // chunk fails its size, checksum or decoding check.
  template <typename T>
  Status ReadIntegers(const ChunkDirectory& dir, std::string_view column, int64_t rows, std::vector<T>* out);
  // A string column in either form (`.lengths` or legacy `.offsets`).
  Status ReadStrings(const ChunkDirectory& dir, std::string_view column, int64_t rows, StringColumn* out);

  // As above, decoded later; the returned Status covers reading and the
  // layout checks, Wait() the rest.
  template <typename T>
  Status ReadIntegersLater(const ChunkDirectory& dir, std::string_view column, int64_t rows, std::vector<T>* out);
  Status ReadStringsLater(const ChunkDirectory& dir, std::string_view column, int64_t rows, StringColumn* out);
  // Waits for every deferred read; the first failure among them.
  Status Wait();

  // True when the directory holds string column `column` (either form).
  static bool HasStrings(const ChunkDirectory& dir, std::string_view column);
  // Rows in the chunks of `column` (0 when it has none).
  static int64_t RowsOf(const ChunkDirectory& dir, std::string_view column);

 private:
  class Pool;
  // A read in progress: the stored bytes of its chunks and what decodes them.
  using Decode = std::function<Status()>;

  static const std::vector<ChunkInfo>& Find(const ChunkDirectory& dir, std::string_view column);
  // Chunk numbers 0, 1, ...; positive row counts summing to `rows`; for
  // legacy chunks a byte size of row_count * width (width 0: not checked).
  Status CheckLayout(std::string_view column, const std::vector<ChunkInfo>& chunks, int64_t rows, size_t width) const;
  // Reads the stored bytes of `chunks`.
  Status Fetch(std::string_view column, const std::vector<ChunkInfo>& chunks, std::vector<FetchedChunk>* out);
  template <typename T>
  Result<Decode> PrepareIntegers(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                 std::vector<T>* out);
  Result<Decode> PrepareStrings(const ChunkDirectory& dir, std::string_view column, int64_t rows, StringColumn* out);
  Result<Decode> PrepareLegacyStrings(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                      StringColumn* out);

  BlobReader blobs_;
  std::string owner_name_;
  std::unique_ptr<Pool> pool_;  // started by the first deferred read
};

}  // namespace cakupan::sqlite
