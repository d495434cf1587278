#include "storage/sqlite/chunks.h"

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
    dir[select.ColumnText(1)].push_back(info);
  }
  return dir;
}

// --- ChunkWriter -------------------------------------------------------------

Status ChunkWriter::Put(std::string_view column, int64_t chunk_no, int64_t rows, const void* data, size_t size) {
  if (const auto* id = std::get_if<int64_t>(&owner_)) {
    insert_.BindInt64(1, *id);
  } else {
    insert_.BindText(1, std::get<std::string>(owner_));
  }
  insert_.BindText(2, column);
  insert_.BindInt64(3, chunk_no);
  insert_.BindInt64(4, rows);
  insert_.BindInt64(5, static_cast<int64_t>(size));
  insert_.BindInt64(6, static_cast<int64_t>(ChunkChecksum(data, size)));
  insert_.BindBlobStatic(7, data, size);
  Status st = insert_.Run();
  insert_.Reset();  // drops the pointer to caller memory
  return st;
}

Status ChunkWriter::WriteStrings(std::string_view column, const StringColumn& values) {
  const std::string offsets_name = std::string(column) + ".offsets";
  const std::string bytes_name = std::string(column) + ".bytes";
  const std::vector<uint32_t>& offsets = values.offsets();
  const size_t n = values.size();
  size_t row = 0;
  for (int64_t chunk = 0; row < n; ++chunk) {
    const uint32_t base = offsets[row];
    size_t end = std::min(n, row + static_cast<size_t>(rows_per_chunk_));
    if (offsets[end] - base > kMaxChunkBytes) {
      // Long strings: end the range at the last row that still fits (at
      // least one row, whatever its length).
      const uint64_t max_offset = uint64_t{base} + kMaxChunkBytes;
      auto limit = std::upper_bound(offsets.begin() + static_cast<ptrdiff_t>(row) + 1,
                                    offsets.begin() + static_cast<ptrdiff_t>(end) + 1, max_offset,
                                    [](uint64_t value, uint32_t offset) { return value < offset; });
      end = std::max(row + 1, static_cast<size_t>(limit - offsets.begin()) - 1);
    }
    const size_t rows = end - row;
    const uint32_t* chunk_offsets = offsets.data() + row + 1;
    if (base != 0) {  // store offsets relative to the range
      rebased_.resize(rows);
      for (size_t i = 0; i < rows; ++i) rebased_[i] = chunk_offsets[i] - base;
      chunk_offsets = rebased_.data();
    }
    CAKUPAN_RETURN_IF_ERROR(
        Put(offsets_name, chunk, static_cast<int64_t>(rows), chunk_offsets, rows * sizeof(uint32_t)));
    CAKUPAN_RETURN_IF_ERROR(
        Put(bytes_name, chunk, static_cast<int64_t>(rows), values.bytes().data() + base, offsets[end] - base));
    row = end;
  }
  return Status::Ok();
}

// --- ChunkReader -------------------------------------------------------------

const std::vector<ChunkInfo>& ChunkReader::Find(const ChunkDirectory& dir, std::string_view column) {
  static const std::vector<ChunkInfo> kNone;
  auto it = dir.find(column);
  return it == dir.end() ? kNone : it->second;
}

Status ChunkReader::Corrupt(std::string_view column, int64_t chunk_no, std::string_view what) const {
  return Status::Corruption(owner_name_ + ", column '" + std::string(column) + "', chunk " +
                            std::to_string(chunk_no) + ": " + std::string(what));
}

Status ChunkReader::CheckLayout(std::string_view column, const std::vector<ChunkInfo>& chunks, int64_t rows,
                                size_t width) const {
  int64_t total = 0;
  for (size_t i = 0; i < chunks.size(); ++i) {
    const ChunkInfo& c = chunks[i];
    if (c.chunk_no != static_cast<int64_t>(i)) return Corrupt(column, static_cast<int64_t>(i), "chunk is missing");
    if (c.row_count <= 0 || c.row_count > rows - total)
      return Corrupt(column, c.chunk_no, "row count " + std::to_string(c.row_count) + " does not fit the " +
                                             std::to_string(rows) + " rows of the table");
    if (width != 0 && c.byte_size != c.row_count * static_cast<int64_t>(width))
      return Corrupt(column, c.chunk_no, "holds " + std::to_string(c.byte_size) + " bytes for " +
                                             std::to_string(c.row_count) + " values of " + std::to_string(width) +
                                             " bytes");
    total += c.row_count;
  }
  if (total != rows)
    return Corrupt(column, static_cast<int64_t>(chunks.size()),
                   "chunks hold " + std::to_string(total) + " rows, expected " + std::to_string(rows));
  return Status::Ok();
}

Status ChunkReader::ReadChunk(std::string_view column, const ChunkInfo& chunk, void* dst) {
  Status st = blobs_.ReadAll(chunk.rowid, dst, static_cast<size_t>(chunk.byte_size));
  if (st.code() == StatusCode::kCorruption) return Corrupt(column, chunk.chunk_no, st.message());
  CAKUPAN_RETURN_IF_ERROR(st);
  if (ChunkChecksum(dst, static_cast<size_t>(chunk.byte_size)) != chunk.checksum)
    return Corrupt(column, chunk.chunk_no, "checksum mismatch: the stored data is damaged");
  return Status::Ok();
}

Status ChunkReader::ReadStrings(const ChunkDirectory& dir, std::string_view column, int64_t rows,
                                StringColumn* out) {
  const std::string offsets_name = std::string(column) + ".offsets";
  const std::string bytes_name = std::string(column) + ".bytes";
  const std::vector<ChunkInfo>& offset_chunks = Find(dir, offsets_name);
  const std::vector<ChunkInfo>& byte_chunks = Find(dir, bytes_name);
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(offsets_name, offset_chunks, rows, sizeof(uint32_t)));
  CAKUPAN_RETURN_IF_ERROR(CheckLayout(bytes_name, byte_chunks, rows, 0));
  uint64_t total_bytes = 0;
  for (size_t i = 0; i < byte_chunks.size(); ++i) {
    if (byte_chunks[i].row_count != offset_chunks[i].row_count)
      return Corrupt(bytes_name, static_cast<int64_t>(i), "row count differs from its offsets chunk");
    if (byte_chunks[i].byte_size < 0) return Corrupt(bytes_name, static_cast<int64_t>(i), "negative size");
    total_bytes += static_cast<uint64_t>(byte_chunks[i].byte_size);
  }
  if (total_bytes > UINT32_MAX) return Corrupt(bytes_name, 0, "column exceeds 4 GiB");

  std::vector<uint32_t> offsets(static_cast<size_t>(rows) + 1);
  std::string bytes(total_bytes, '\0');
  size_t row = 0;
  uint32_t base = 0;
  for (size_t i = 0; i < offset_chunks.size(); ++i) {
    const ChunkInfo& oc = offset_chunks[i];
    const ChunkInfo& bc = byte_chunks[i];
    uint32_t* dst = offsets.data() + row + 1;
    CAKUPAN_RETURN_IF_ERROR(ReadChunk(offsets_name, oc, dst));
    const size_t n = static_cast<size_t>(oc.row_count);
    uint32_t previous = 0;
    for (size_t k = 0; k < n; ++k) {
      if (dst[k] < previous) return Corrupt(offsets_name, oc.chunk_no, "offsets decrease");
      previous = dst[k];
      dst[k] += base;
    }
    if (previous != static_cast<uint64_t>(bc.byte_size))
      return Corrupt(offsets_name, oc.chunk_no, "offsets do not end at the size of the bytes chunk");
    CAKUPAN_RETURN_IF_ERROR(ReadChunk(bytes_name, bc, bytes.data() + base));
    row += n;
    base += static_cast<uint32_t>(bc.byte_size);
  }
  *out = StringColumn(std::move(offsets), std::move(bytes));
  return Status::Ok();
}

}  // namespace cakupan::sqlite
