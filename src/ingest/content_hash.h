// The content hash of an input file (ReadReport::file_hash): a 64-bit value,
// written as 16 lowercase hex digits, that imports log so that a later import
// of the same bytes can be recognised. It identifies content; it is not a
// checksum against tampering (not cryptographic).
//
// Definition ("FNV-1a/64x4, chunked"; docs/data-formats.md gives it in
// Python). Let X4(bytes) be FNV-1a/64 applied to 64-bit little-endian words
// in four interleaved lanes, rotated after each multiplication, then combined
// with the length and the 0-31 tail bytes and finished with MurmurHash3's
// fmix64 (the same function as the storage chunk checksum, docs/storage.md).
// The file is cut into chunks of kContentHashChunk (1 MiB) bytes at offsets
// 0, 1 MiB, 2 MiB, ... (the last one shorter); the file hash is X4 of the
// concatenation of the chunks' X4 values, each as 8 little-endian bytes. An
// empty file hashes to X4("") = 0x6149264d5b2f8282.
//
// Because chunks are fixed by file offset, the chunks can be hashed by the
// parsing threads from the blocks they read anyway (ChunkHasher), whatever
// the number of threads and however the file was split; the value is the
// same for the same bytes.
//
// Thread-safety: the functions are pure; a ChunkHasher is used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace cakupan {

class InputFile;

inline constexpr uint64_t kContentHashChunk = uint64_t{1} << 20;

// X4 above, over `size` bytes.
uint64_t Fnv1a64x4(const void* data, size_t size);

// The content hash of `bytes` held in memory (the definition, directly).
uint64_t ContentHash(std::string_view bytes);

// 16 lowercase hex digits, most significant first.
std::string HashHex(uint64_t value);

// Hashes the whole chunks seen in a stream of reads of one file. Update is
// called with consecutive pieces of the file (offset, bytes); bytes before
// the first chunk boundary met are skipped (that chunk is incomplete here),
// and a jump in offsets abandons the chunk under way. Every chunk seen from
// its first to its last byte is recorded.
class ChunkHasher {
 public:
  struct Chunk {
    uint64_t index;  // chunk number: file offset / kContentHashChunk
    uint64_t hash;   // Fnv1a64x4 of the chunk
  };

  explicit ChunkHasher(uint64_t file_size) : file_size_(file_size) {}

  void Update(uint64_t offset, const char* data, size_t size);
  const std::vector<Chunk>& chunks() const { return chunks_; }

 private:
  void StartChunk(uint64_t index);
  void Stripes(const unsigned char* p, size_t count);
  void FinishChunk();

  const uint64_t file_size_;
  uint64_t next_offset_ = UINT64_MAX;  // offset the next Update should start at
  bool active_ = false;                // a chunk is under way from its first byte
  uint64_t index_ = 0;                 // that chunk
  uint64_t chunk_size_ = 0;            // its length
  uint64_t done_ = 0;                  // its bytes seen so far
  uint64_t lanes_[4] = {0, 0, 0, 0};
  unsigned char carry_[32];            // bytes of an incomplete 32-byte stripe
  size_t carry_size_ = 0;
  std::vector<Chunk> chunks_;
};

// Combines the chunks recorded by `hashers` (overlaps are fine: a chunk's
// value does not depend on who hashed it) into the file's content hash,
// reading from `file` the chunks that no hasher saw whole (those that
// straddle a split between threads, or the first one when the readers began
// after a byte-order mark). kIoError when such a read fails.
Result<uint64_t> FinishContentHash(const InputFile& file, const std::vector<const ChunkHasher*>& hashers);

}  // namespace cakupan
