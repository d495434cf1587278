#include "ingest/content_hash.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>

#include "ingest/csv_reader.h"

namespace cakupan {

namespace {

static_assert(kContentHashChunk % 32 == 0, "a chunk is whole stripes except the file's last");

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr uint64_t kLaneSeed = 0x9e3779b97f4a7c15ULL;

inline uint64_t LoadLittleEndian64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

inline void InitLanes(uint64_t lanes[4]) {
  for (int i = 0; i < 4; ++i) lanes[i] = kFnvOffset ^ (static_cast<uint64_t>(i) * kLaneSeed);
}

// Feeds `count` whole 32-byte stripes to the lanes.
inline void FeedStripes(uint64_t lanes[4], const unsigned char* p, size_t count) {
  uint64_t l0 = lanes[0], l1 = lanes[1], l2 = lanes[2], l3 = lanes[3];
  for (size_t b = 0; b < count; ++b, p += 32) {
    l0 = std::rotl((l0 ^ LoadLittleEndian64(p)) * kFnvPrime, 31);
    l1 = std::rotl((l1 ^ LoadLittleEndian64(p + 8)) * kFnvPrime, 31);
    l2 = std::rotl((l2 ^ LoadLittleEndian64(p + 16)) * kFnvPrime, 31);
    l3 = std::rotl((l3 ^ LoadLittleEndian64(p + 24)) * kFnvPrime, 31);
  }
  lanes[0] = l0, lanes[1] = l1, lanes[2] = l2, lanes[3] = l3;
}

// The length, the lanes and the 0-31 tail bytes, then fmix64.
inline uint64_t Combine(const uint64_t lanes[4], uint64_t size, const unsigned char* tail, size_t tail_size) {
  uint64_t h = kFnvOffset ^ size;
  for (int i = 0; i < 4; ++i) h = (h ^ lanes[i]) * kFnvPrime;
  for (size_t i = 0; i < tail_size; ++i) h = (h ^ tail[i]) * kFnvPrime;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t CombineChunks(const std::vector<uint64_t>& chunk_hashes) {
  std::vector<unsigned char> bytes(chunk_hashes.size() * 8);
  for (size_t i = 0; i < chunk_hashes.size(); ++i) {
    uint64_t v = chunk_hashes[i];
    for (int b = 0; b < 8; ++b, v >>= 8) bytes[8 * i + b] = static_cast<unsigned char>(v);
  }
  return Fnv1a64x4(bytes.data(), bytes.size());
}

}  // namespace

uint64_t Fnv1a64x4(const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t lanes[4];
  InitLanes(lanes);
  FeedStripes(lanes, p, size / 32);
  return Combine(lanes, size, p + size / 32 * 32, size % 32);
}

uint64_t ContentHash(std::string_view bytes) {
  std::vector<uint64_t> chunks;
  for (size_t at = 0; at < bytes.size(); at += kContentHashChunk) {
    const size_t n = std::min<size_t>(kContentHashChunk, bytes.size() - at);
    chunks.push_back(Fnv1a64x4(bytes.data() + at, n));
  }
  return CombineChunks(chunks);
}

std::string HashHex(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[i] = kDigits[value & 0xF];
  return out;
}

// --- ChunkHasher ---------------------------------------------------------------

void ChunkHasher::StartChunk(uint64_t index) {
  active_ = true;
  index_ = index;
  chunk_size_ = std::min(kContentHashChunk, file_size_ - index * kContentHashChunk);
  done_ = 0;
  InitLanes(lanes_);
  carry_size_ = 0;
}

void ChunkHasher::FinishChunk() {
  chunks_.push_back({index_, Combine(lanes_, chunk_size_, carry_, carry_size_)});
  active_ = false;
}

void ChunkHasher::Update(uint64_t offset, const char* data, size_t size) {
  if (offset != next_offset_) active_ = false;  // a gap (or the first piece): wait for a chunk start
  next_offset_ = offset + size;
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  uint64_t at = offset;
  const uint64_t end = std::min(offset + size, file_size_);
  while (at < end) {
    if (!active_) {
      if (at % kContentHashChunk != 0) {
        const uint64_t skip = std::min(kContentHashChunk - at % kContentHashChunk, end - at);
        p += skip;
        at += skip;
        continue;
      }
      StartChunk(at / kContentHashChunk);
    }
    size_t take = static_cast<size_t>(std::min(chunk_size_ - done_, end - at));
    done_ += take;
    at += take;
    if (carry_size_ > 0) {  // complete the stripe begun by the previous piece
      const size_t fill = std::min(take, 32 - carry_size_);
      std::memcpy(carry_ + carry_size_, p, fill);
      carry_size_ += fill;
      p += fill;
      take -= fill;
      if (carry_size_ == 32) {
        FeedStripes(lanes_, carry_, 1);
        carry_size_ = 0;
      }
    }
    const size_t stripes = take / 32;
    FeedStripes(lanes_, p, stripes);
    p += stripes * 32;
    take -= stripes * 32;
    if (take > 0) {
      std::memcpy(carry_ + carry_size_, p, take);
      carry_size_ += take;
      p += take;
    }
    if (done_ == chunk_size_) FinishChunk();
  }
}

Result<uint64_t> FinishContentHash(const InputFile& file, const std::vector<const ChunkHasher*>& hashers) {
  const uint64_t count = (file.size() + kContentHashChunk - 1) / kContentHashChunk;
  std::vector<uint64_t> hashes(count, 0);
  std::vector<bool> have(count, false);
  for (const ChunkHasher* h : hashers) {
    for (const ChunkHasher::Chunk& c : h->chunks()) {
      if (c.index < count) {
        hashes[c.index] = c.hash;
        have[c.index] = true;
      }
    }
  }
  std::unique_ptr<char[]> buf;
  for (uint64_t k = 0; k < count; ++k) {
    if (have[k]) continue;
    if (!buf) buf.reset(new char[kContentHashChunk]);
    Result<size_t> got = file.ReadAt(k * kContentHashChunk, buf.get(), kContentHashChunk);
    if (!got.ok()) return got.status();
    hashes[k] = Fnv1a64x4(buf.get(), *got);
  }
  return CombineChunks(hashes);
}

}  // namespace cakupan
