#include "storage/sqlite/chunk_checksum.h"

#include <bit>
#include <cstring>
#include <initializer_list>

namespace cakupan::sqlite {

namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr uint64_t kLaneSeed = 0x9e3779b97f4a7c15ULL;

uint64_t LoadLittleEndian64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

uint64_t Finalize(uint64_t h) {  // MurmurHash3 fmix64
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint64_t ChunkChecksum(const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t lane0 = kFnvOffset, lane1 = kFnvOffset ^ kLaneSeed, lane2 = kFnvOffset ^ (2 * kLaneSeed),
           lane3 = kFnvOffset ^ (3 * kLaneSeed);
  const size_t blocks = size / 32;
  for (size_t b = 0; b < blocks; ++b, p += 32) {
    lane0 = std::rotl((lane0 ^ LoadLittleEndian64(p)) * kFnvPrime, 31);
    lane1 = std::rotl((lane1 ^ LoadLittleEndian64(p + 8)) * kFnvPrime, 31);
    lane2 = std::rotl((lane2 ^ LoadLittleEndian64(p + 16)) * kFnvPrime, 31);
    lane3 = std::rotl((lane3 ^ LoadLittleEndian64(p + 24)) * kFnvPrime, 31);
  }
  uint64_t h = kFnvOffset ^ static_cast<uint64_t>(size);
  for (uint64_t lane : {lane0, lane1, lane2, lane3}) h = (h ^ lane) * kFnvPrime;
  for (size_t i = 0; i < size % 32; ++i) h = (h ^ p[i]) * kFnvPrime;
  return Finalize(h);
}

}  // namespace cakupan::sqlite
