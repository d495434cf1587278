#include "storage/sqlite/column_codec.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cakupan::sqlite {

static_assert(std::endian::native == std::endian::little, "the codec reads and writes little-endian words");

namespace {

constexpr uint64_t kSignBit = uint64_t{1} << 63;

// Order-preserving map of every supported type onto uint64_t.
template <typename T>
constexpr uint64_t ToKey(T v) {
  if constexpr (std::is_signed_v<T>) {
    return static_cast<uint64_t>(static_cast<int64_t>(v)) ^ kSignBit;
  } else {
    return static_cast<uint64_t>(v);
  }
}
template <typename T>
constexpr T FromKey(uint64_t k) {
  if constexpr (std::is_signed_v<T>) {
    return static_cast<T>(static_cast<int64_t>(k ^ kSignBit));
  } else {
    return static_cast<T>(k);
  }
}
template <typename T>
constexpr uint64_t MinKey() {
  return ToKey(std::numeric_limits<T>::min());
}
template <typename T>
constexpr uint64_t MaxKey() {
  return ToKey(std::numeric_limits<T>::max());
}

inline unsigned Width(uint64_t range) { return static_cast<unsigned>(std::bit_width(range)); }

inline uint64_t Load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void Store64(uint8_t* p, uint64_t v) { std::memcpy(p, &v, sizeof v); }

inline size_t VarintSize(uint64_t v) { return v < 128 ? 1 : (static_cast<size_t>(Width(v)) + 6) / 7; }

inline uint8_t* PutVarint(uint8_t* p, uint64_t v) {
  while (v >= 128) {
    *p++ = static_cast<uint8_t>(v | 128);
    v >>= 7;
  }
  *p++ = static_cast<uint8_t>(v);
  return p;
}

// Reads a varint from [*p, end); false when it runs past `end` or is longer
// than ten bytes.
inline bool GetVarint(const uint8_t** p, const uint8_t* end, uint64_t* v) {
  uint64_t result = 0;
  for (unsigned shift = 0; shift < 64 && *p < end; shift += 7) {
    const uint8_t byte = *(*p)++;
    result |= static_cast<uint64_t>(byte & 127) << shift;
    if (byte < 128) {
      *v = result;
      return true;
    }
  }
  return false;
}

inline size_t PackedBytes(size_t n, unsigned width) { return (n * width + 7) / 8; }

// Bit packing: values of W bits as a little-endian bit stream, value i
// at bits [i * width, (i + 1) * width). Groups of 8 values fill exactly
// `width` bytes, so they are packed and unpacked with compile-time shifts.

template <unsigned W, size_t... J>
inline void PackGroup(const uint64_t* v, uint8_t* out, std::index_sequence<J...>) {
  constexpr unsigned kWords = (8 * W + 63) / 64 + 1;
  uint64_t words[kWords] = {};
  auto put = [&](unsigned j) {
    const unsigned bit = j * W, word = bit / 64, shift = bit % 64;
    words[word] |= v[j] << shift;
    if (shift != 0 && shift + W > 64) words[word + 1] |= v[j] >> (64 - shift);
  };
  (put(static_cast<unsigned>(J)), ...);
  std::memcpy(out, words, W);
}

template <unsigned W, size_t... J>
inline void UnpackGroup(const uint8_t* in, uint64_t* out, std::index_sequence<J...>) {
  constexpr uint64_t kMask = W == 64 ? ~uint64_t{0} : (uint64_t{1} << W) - 1;
  auto get = [&](unsigned j) {
    const unsigned bit = j * W, byte = bit / 8, shift = bit % 8;
    uint64_t word = Load64(in + byte) >> shift;
    if (shift != 0 && shift + W > 64) word |= static_cast<uint64_t>(in[byte + 8]) << (64 - shift);
    out[j] = word & kMask;
  };
  (get(static_cast<unsigned>(J)), ...);
}

// Writes v[0, n), each below 2^W, in PackedBytes(n, W) bytes; may write up
// to 8 bytes beyond them.
template <unsigned W>
void PackBits(const uint64_t* v, size_t n, uint8_t* out) {
  if constexpr (W == 0) {
    return;
  } else {
    size_t i = 0;
    for (; i + 8 <= n; i += 8, out += W) PackGroup<W>(v + i, out, std::make_index_sequence<8>());
    if (i == n) return;
    uint64_t rest[8] = {};
    for (size_t k = 0; i + k < n; ++k) rest[k] = v[i + k];
    uint8_t tail[W + 8];
    PackGroup<W>(rest, tail, std::make_index_sequence<8>());
    std::memcpy(out, tail, PackedBytes(n - i, W));
  }
}

// Reads n values of W bits; may read up to 8 bytes past the packed bytes.
template <unsigned W>
void UnpackBits(const uint8_t* in, size_t n, uint64_t* out) {
  if constexpr (W == 0) {
    std::fill_n(out, n, uint64_t{0});
  } else {
    size_t i = 0;
    for (; i + 8 <= n; i += 8, in += W) UnpackGroup<W>(in, out + i, std::make_index_sequence<8>());
    if (i == n) return;
    uint8_t last[W + 16] = {};  // a partial group: unpack from a padded copy
    std::memcpy(last, in, PackedBytes(n - i, W));
    uint64_t rest[8];
    UnpackGroup<W>(last, rest, std::make_index_sequence<8>());
    for (size_t k = 0; i + k < n; ++k) out[i + k] = rest[k];
  }
}

using PackFn = void (*)(const uint64_t*, size_t, uint8_t*);
using UnpackFn = void (*)(const uint8_t*, size_t, uint64_t*);
template <size_t... W>
constexpr std::array<PackFn, sizeof...(W)> MakePackers(std::index_sequence<W...>) {
  return {&PackBits<static_cast<unsigned>(W)>...};
}
template <size_t... W>
constexpr std::array<UnpackFn, sizeof...(W)> MakeUnpackers(std::index_sequence<W...>) {
  return {&UnpackBits<static_cast<unsigned>(W)>...};
}
constexpr std::array<PackFn, 65> kPack = MakePackers(std::make_index_sequence<65>());
constexpr std::array<UnpackFn, 65> kUnpack = MakeUnpackers(std::make_index_sequence<65>());

// --- Frame of reference ------------------------------------------------------
//
// Payload: base (uint64, the minimum of all values), then per block of
// kFrameBlock values (the last one shorter): width (1 byte, 0-64),
// varint (block minimum - base), and the values minus the block minimum,
// bit-packed at that width.

// Measures a frame encoding of n values whose per-block minimum and maximum
// keys minmax(start, end, &lo, &hi) gives: fills the per-block minimum and
// width, sets *base and returns the payload size.
template <typename MinMax>
size_t MeasureFrame(size_t n, MinMax minmax, std::vector<uint64_t>* block_min, std::vector<uint8_t>* block_width,
                    uint64_t* base) {
  const size_t blocks = (n + kFrameBlock - 1) / kFrameBlock;
  block_min->resize(blocks);
  block_width->resize(blocks);
  uint64_t lowest = ~uint64_t{0};
  for (size_t b = 0; b < blocks; ++b) {
    const size_t start = b * kFrameBlock;
    uint64_t lo, hi;
    minmax(start, std::min(n, start + kFrameBlock), &lo, &hi);
    (*block_min)[b] = lo;
    (*block_width)[b] = static_cast<uint8_t>(Width(hi - lo));
    lowest = std::min(lowest, lo);
  }
  if (n == 0) lowest = 0;
  *base = lowest;
  size_t size = 8;
  for (size_t b = 0; b < blocks; ++b) {
    const size_t count = std::min(kFrameBlock, n - b * kFrameBlock);
    size += 1 + VarintSize((*block_min)[b] - lowest) + PackedBytes(count, (*block_width)[b]);
  }
  return size;
}

// Block statistics of the values themselves, computed in their own type
// (which the compiler can vectorize for narrow types).
template <typename T>
auto ValueMinMax(const T* values) {
  return [values](size_t start, size_t end, uint64_t* lo, uint64_t* hi) {
    T a = values[start], b = values[start];
    for (size_t i = start + 1; i < end; ++i) {
      a = std::min(a, values[i]);
      b = std::max(b, values[i]);
    }
    *lo = ToKey(a);
    *hi = ToKey(b);
  };
}

// Block statistics of get(i).
template <typename Get>
auto GetMinMax(Get get) {
  return [get](size_t start, size_t end, uint64_t* lo, uint64_t* hi) {
    uint64_t a = get(start), b = a;
    for (size_t i = start + 1; i < end; ++i) {
      const uint64_t v = get(i);
      a = std::min(a, v);
      b = std::max(b, v);
    }
    *lo = a;
    *hi = b;
  };
}

// Writes the frame payload measured by MeasureFrame(); `out` has room for
// the measured size plus 8 bytes.
template <typename Get>
uint8_t* WriteFrame(size_t n, Get get, const std::vector<uint64_t>& block_min,
                    const std::vector<uint8_t>& block_width, uint64_t base, uint8_t* out) {
  Store64(out, base);
  out += 8;
  uint64_t tmp[kFrameBlock];
  for (size_t b = 0, start = 0; start < n; ++b, start += kFrameBlock) {
    const size_t count = std::min(kFrameBlock, n - start);
    const uint64_t lo = block_min[b];
    const unsigned width = block_width[b];
    *out++ = static_cast<uint8_t>(width);
    out = PutVarint(out, lo - base);
    if (width == 0) continue;
    for (size_t i = 0; i < count; ++i) tmp[i] = get(start + i) - lo;
    kPack[width](tmp, count, out);
    out += PackedBytes(count, width);
  }
  return out;
}

// Reads a frame payload block by block.
class FrameReader {
 public:
  FrameReader(const uint8_t* data, size_t size, size_t n) : p_(data), end_(data + size), left_(n) {}

  // Reads the base; false when the payload is too short.
  bool Start() {
    if (end_ - p_ < 8) return false;
    base_ = Load64(p_);
    p_ += 8;
    return true;
  }
  // Unpacks the next block into tmp (its values minus *lo), its size into
  // *count and the largest value tmp can hold into *span (2^width - 1).
  // false when the payload is malformed.
  bool Next(uint64_t* tmp, size_t* count, uint64_t* lo, uint64_t* span) {
    if (left_ == 0 || p_ >= end_) return false;
    const unsigned width = *p_++;
    uint64_t offset = 0;
    if (width > 64 || !GetVarint(&p_, end_, &offset)) return false;
    if (offset > ~base_) return false;  // base + offset overflows
    *count = std::min(kFrameBlock, left_);
    const size_t bytes = PackedBytes(*count, width);
    if (static_cast<size_t>(end_ - p_) < bytes) return false;
    kUnpack[width](p_, *count, tmp);
    p_ += bytes;
    left_ -= *count;
    *lo = base_ + offset;
    *span = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
    return true;
  }
  // True when every value was read and nothing is left over.
  bool Done() const { return left_ == 0 && p_ == end_; }
  const uint8_t* position() const { return p_; }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
  size_t left_;
  uint64_t base_ = 0;
};

Status Corrupt(const std::string& what) { return Status::Corruption(what); }

// True when every value of a block (lo + tmp[i], tmp[i] <= span) is a key
// of T; checks the actual values only when the bound does not settle it.
template <typename T>
bool BlockFits(uint64_t lo, uint64_t span, const uint64_t* tmp, size_t count) {
  if constexpr (sizeof(T) == 8) {
    return span <= ~lo;  // no wrap-around (always true for valid payloads)
  } else {
    if (lo < MinKey<T>() || lo > MaxKey<T>()) return false;
    if (span <= MaxKey<T>() - lo) return true;
    uint64_t hi = 0;
    for (size_t i = 0; i < count; ++i) hi = std::max(hi, tmp[i]);
    return hi <= MaxKey<T>() - lo;
  }
}

template <typename T>
Status DecodeFrame(const uint8_t* data, size_t size, size_t rows, T* out) {
  FrameReader reader(data, size, rows);
  if (!reader.Start()) return Corrupt("frame encoding: payload too short");
  uint64_t tmp[kFrameBlock];
  size_t pos = 0;
  while (pos < rows) {
    size_t count;
    uint64_t lo, span;
    if (!reader.Next(tmp, &count, &lo, &span)) return Corrupt("frame encoding: malformed block");
    if constexpr (sizeof(T) < 8) {
      if (!BlockFits<T>(lo, span, tmp, count)) return Corrupt("frame encoding: value out of range for the column");
    }
    T* dst = out + pos;
    for (size_t i = 0; i < count; ++i) dst[i] = FromKey<T>(lo + tmp[i]);
    pos += count;
  }
  if (!reader.Done()) return Corrupt("frame encoding: trailing bytes");
  return Status::Ok();
}

// Delta payload: the first key (uint64), then the n - 1 differences between
// neighbouring keys (mod 2^64, as signed values with the sign bit flipped)
// as a frame payload.
template <typename T>
Status DecodeDelta(const uint8_t* data, size_t size, size_t rows, T* out) {
  if (size < 8) return Corrupt("delta encoding: payload too short");
  uint64_t key = Load64(data);
  if constexpr (sizeof(T) < 8) {
    if (key < MinKey<T>() || key > MaxKey<T>()) return Corrupt("delta encoding: value out of range for the column");
  }
  out[0] = FromKey<T>(key);
  FrameReader reader(data + 8, size - 8, rows - 1);
  if (!reader.Start()) return Corrupt("delta encoding: payload too short");
  uint64_t tmp[kFrameBlock];
  size_t pos = 1;
  while (pos < rows) {
    size_t count;
    uint64_t lo, span;
    if (!reader.Next(tmp, &count, &lo, &span)) return Corrupt("delta encoding: malformed block");
    const uint64_t step = lo + kSignBit;  // a difference is tmp[i] + lo with the sign bit flipped back
    T* dst = out + pos;
    if constexpr (sizeof(T) < 8) {
      bool in_range = true;
      for (size_t i = 0; i < count; ++i) {
        key += tmp[i] + step;
        in_range &= key >= MinKey<T>() && key <= MaxKey<T>();
        dst[i] = FromKey<T>(key);
      }
      if (!in_range) return Corrupt("delta encoding: value out of range for the column");
    } else {
      for (size_t i = 0; i < count; ++i) {
        key += tmp[i] + step;
        dst[i] = FromKey<T>(key);
      }
    }
    pos += count;
  }
  if (!reader.Done()) return Corrupt("delta encoding: trailing bytes");
  return Status::Ok();
}

// Dictionary payload: varint count of distinct values, varint byte length
// of the dictionary, the dictionary (a delta payload of `count` ascending
// keys), then the per-row indices as a frame payload.
template <typename T>
Status DecodeDictionary(const uint8_t* data, size_t size, size_t rows, T* out) {
  const uint8_t* p = data;
  const uint8_t* end = data + size;
  uint64_t count = 0, dict_bytes = 0;
  if (!GetVarint(&p, end, &count) || !GetVarint(&p, end, &dict_bytes))
    return Corrupt("dictionary encoding: malformed header");
  if (count == 0 || count > rows) return Corrupt("dictionary encoding: bad dictionary size");
  if (dict_bytes > static_cast<uint64_t>(end - p)) return Corrupt("dictionary encoding: dictionary runs past the end");
  // The dictionary is decoded into its own buffer; the payload that follows
  // it provides the decoder's read padding.
  std::vector<T> dict(static_cast<size_t>(count));
  CAKUPAN_RETURN_IF_ERROR(DecodeDelta(p, static_cast<size_t>(dict_bytes), dict.size(), dict.data()));
  p += dict_bytes;
  FrameReader reader(p, static_cast<size_t>(end - p), rows);
  if (!reader.Start()) return Corrupt("dictionary encoding: indices too short");
  uint64_t tmp[kFrameBlock];
  size_t pos = 0;
  while (pos < rows) {
    size_t n;
    uint64_t lo, span;
    if (!reader.Next(tmp, &n, &lo, &span)) return Corrupt("dictionary encoding: malformed block");
    if (lo >= count) return Corrupt("dictionary encoding: index out of range");
    if (span >= count - lo) {
      uint64_t hi = 0;
      for (size_t i = 0; i < n; ++i) hi = std::max(hi, tmp[i]);
      if (hi >= count - lo) return Corrupt("dictionary encoding: index out of range");
    }
    const T* base = dict.data() + lo;
    for (size_t i = 0; i < n; ++i) out[pos + i] = base[tmp[i]];
    pos += n;
  }
  if (!reader.Done()) return Corrupt("dictionary encoding: trailing bytes");
  return Status::Ok();
}

}  // namespace

const char* ChunkEncodingName(ChunkEncoding encoding) {
  switch (encoding) {
    case ChunkEncoding::kLegacy: return "legacy";
    case ChunkEncoding::kPlain: return "plain";
    case ChunkEncoding::kConstant: return "constant";
    case ChunkEncoding::kFrame: return "frame";
    case ChunkEncoding::kDelta: return "delta";
    case ChunkEncoding::kDictionary: return "dictionary";
    case ChunkEncoding::kBytes: return "bytes";
    case ChunkEncoding::kDigits: return "digits";
    case ChunkEncoding::kWords: return "words";
  }
  return "unknown";
}

// --- Encoding ------------------------------------------------------------------

namespace {

// Values sampled to decide whether differences are worth measuring.
constexpr size_t kDeltaSample = 8 * kFrameBlock;

// Sorts *v by bits 24 and up (the next `bits` bits, 8 at a time, least
// significant first); *scratch is reused memory.
void RadixSortAbove24(std::vector<uint64_t>* v, std::vector<uint64_t>* scratch, unsigned bits) {
  scratch->resize(v->size());
  uint64_t* from = v->data();
  uint64_t* to = scratch->data();
  const size_t n = v->size();
  for (unsigned shift = 24; shift < 24 + bits; shift += 8) {
    size_t counts[257] = {};
    for (size_t i = 0; i < n; ++i) ++counts[((from[i] >> shift) & 0xff) + 1];
    for (size_t b = 1; b < 257; ++b) counts[b] += counts[b - 1];
    for (size_t i = 0; i < n; ++i) to[counts[(from[i] >> shift) & 0xff]++] = from[i];
    std::swap(from, to);
  }
  if (from != v->data()) std::memcpy(v->data(), from, n * sizeof(uint64_t));
}

template <typename T>
bool StrictlyIncreasing(const T* values, size_t n) {
  for (size_t i = 1; i < n; ++i)
    if (!(values[i - 1] < values[i])) return false;
  return true;
}

inline size_t HashSlot(uint64_t key, unsigned bits) {
  return static_cast<size_t>((key * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
}

}  // namespace

template <typename T>
bool ChunkEncoder::CollectDistinct(const T* values, size_t n, uint64_t lowest, uint64_t highest) {
  // Open addressing with linear probing, at most half full. When the keys
  // span less than 2^40 (region codes do) and the chunk has fewer than 2^24
  // rows, a slot is one word, (key - lowest) << 24 | index, so that a probe
  // touches one cache line; otherwise keys and indices sit in two arrays.
  // A small direct-mapped cache in front catches the handful of values that
  // neighbouring rows share (the villages of one district).
  const bool packed = highest - lowest < (uint64_t{1} << 40) && n < (size_t{1} << 24);
  constexpr uint64_t kEmpty = ~uint64_t{0};
  struct Recent {
    uint64_t key;
    uint32_t index;
  };
  Recent recent[64];
  bool recent_valid[64] = {};
  dict_values_.clear();
  indices_.resize(n);
  unsigned bits = 10;
  auto reset_table = [&] {
    slot_keys_.assign(size_t{1} << bits, kEmpty);
    if (!packed) slot_index_.assign(size_t{1} << bits, 0);
  };
  reset_table();
  const size_t limit = n / 2;  // more distinct values than this: a dictionary cannot pay
  for (size_t i = 0; i < n; ++i) {
    const uint64_t k = ToKey(values[i]);
    const uint64_t h = k * 0x9e3779b97f4a7c15ULL;  // slots use its top bits, the cache bits 20-25
    const size_t r = static_cast<size_t>(h >> 20) & 63;
    if (recent_valid[r] && recent[r].key == k) {
      indices_[i] = recent[r].index;
      continue;
    }
    const size_t mask = slot_keys_.size() - 1;
    size_t slot = static_cast<size_t>(h >> (64 - bits));
    uint32_t index;
    bool found = false;
    if (packed) {
      const uint64_t want = k - lowest;
      while (slot_keys_[slot] != kEmpty) {
        if ((slot_keys_[slot] >> 24) == want) {
          found = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      index = found ? static_cast<uint32_t>(slot_keys_[slot] & 0xffffff) : 0;
    } else {
      while (slot_index_[slot] != 0) {
        if (slot_keys_[slot] == k) {
          found = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      index = found ? slot_index_[slot] - 1 : 0;
    }
    if (!found) {
      if (dict_values_.size() >= limit) return false;
      index = static_cast<uint32_t>(dict_values_.size());
      dict_values_.push_back(k);
      if (packed) {
        slot_keys_[slot] = (k - lowest) << 24 | index;
      } else {
        slot_keys_[slot] = k;
        slot_index_[slot] = index + 1;
      }
      if (dict_values_.size() * 2 > slot_keys_.size()) {  // grow and rehash
        ++bits;
        reset_table();
        const size_t grown_mask = slot_keys_.size() - 1;
        for (size_t d = 0; d < dict_values_.size(); ++d) {
          size_t s = HashSlot(dict_values_[d], bits);
          while (packed ? slot_keys_[s] != kEmpty : slot_index_[s] != 0) s = (s + 1) & grown_mask;
          if (packed) {
            slot_keys_[s] = (dict_values_[d] - lowest) << 24 | d;
          } else {
            slot_keys_[s] = dict_values_[d];
            slot_index_[s] = static_cast<uint32_t>(d + 1);
          }
        }
      }
    }
    recent[r] = Recent{k, index};
    recent_valid[r] = true;
    indices_[i] = index;
  }
  return true;
}

template <typename T>
ChunkEncoding ChunkEncoder::EncodeIntegers(const T* values, size_t n, std::vector<uint8_t>* out, uint32_t allowed) {
  static_assert(std::is_integral_v<T> && sizeof(T) <= 8);
  auto key = [values](size_t i) { return ToKey(values[i]); };
  auto delta = [values](size_t i) { return (ToKey(values[i + 1]) - ToKey(values[i])) ^ kSignBit; };

  ChunkEncoding best = ChunkEncoding::kPlain;
  size_t best_size = n * sizeof(T);

  uint64_t frame_base = 0;
  const size_t frame_size = MeasureFrame(n, ValueMinMax(values), &block_min_, &block_width_, &frame_base);
  bool all_equal = true;
  for (size_t b = 0; b < block_width_.size() && all_equal; ++b)
    all_equal = block_width_[b] == 0 && block_min_[b] == frame_base;
  if (all_equal && (allowed & kAllowConstant) && 8 < best_size) {
    best = ChunkEncoding::kConstant;
    best_size = 8;
  }
  if ((allowed & kAllowFrame) && frame_size < best_size) {
    best = ChunkEncoding::kFrame;
    best_size = frame_size;
  }

  // Differences pay for sorted or smooth values (NIKs, codes in order).
  // Measured on a sample first: most columns are neither.
  uint64_t delta_base = 0;
  if ((allowed & kAllowDelta) && n >= 2 && best != ChunkEncoding::kConstant) {
    bool promising = true;
    if ((allowed & kAllowFrame) && n > kDeltaSample) {
      uint64_t unused;
      const size_t sample_frame = MeasureFrame(kDeltaSample, ValueMinMax(values), &delta_min_, &delta_width_, &unused);
      const size_t sample_delta = MeasureFrame(kDeltaSample - 1, GetMinMax(delta), &delta_min_, &delta_width_, &unused);
      promising = sample_delta < sample_frame;
    }
    if (promising) {
      const size_t delta_size = 8 + MeasureFrame(n - 1, GetMinMax(delta), &delta_min_, &delta_width_, &delta_base);
      if (delta_size < best_size) {
        best = ChunkEncoding::kDelta;
        best_size = delta_size;
      }
    }
  }

  // A dictionary: for wide values of which few are distinct (region codes).
  // Not for strictly increasing values (keys: all distinct).
  uint64_t lowest = frame_base, highest = frame_base;
  for (size_t b = 0; b < block_min_.size(); ++b) {
    const uint64_t top = block_min_[b] + (block_width_[b] == 64 ? ~uint64_t{0} : (uint64_t{1} << block_width_[b]) - 1);
    highest = std::max(highest, top < block_min_[b] ? ~uint64_t{0} : top);
  }
  if ((allowed & kAllowDictionary) && n >= 2 && (best_size > n * 5 / 2 || !(allowed & (kAllowFrame | kAllowDelta))) &&
      (sizeof(T) >= 4 || !(allowed & (kAllowFrame | kAllowDelta))) && !StrictlyIncreasing(values, n) &&
      CollectDistinct(values, n, lowest, highest)) {
    // Sort the dictionary and renumber the indices to sorted positions, so
    // that codes of one area get neighbouring indices.
    const size_t count = dict_values_.size();
    rank_.resize(count);
    sorted_.resize(count);
    if (highest - lowest < (uint64_t{1} << 40) && count < (size_t{1} << 24)) {
      // Sort (value, first-seen index) packed in one integer: no indirection,
      // and a radix sort on the value's bytes (the index bits are unique).
      for (size_t d = 0; d < count; ++d) sorted_[d] = (dict_values_[d] - lowest) << 24 | d;
      RadixSortAbove24(&sorted_, &order64_, Width(highest - lowest));
      for (size_t r = 0; r < count; ++r) {
        rank_[sorted_[r] & 0xffffff] = static_cast<uint32_t>(r);
        sorted_[r] = (sorted_[r] >> 24) + lowest;
      }
    } else {
      order_.resize(count);
      for (size_t d = 0; d < count; ++d) order_[d] = static_cast<uint32_t>(d);
      std::sort(order_.begin(), order_.end(),
                [this](uint32_t a, uint32_t b) { return dict_values_[a] < dict_values_[b]; });
      for (size_t r = 0; r < count; ++r) {
        rank_[order_[r]] = static_cast<uint32_t>(r);
        sorted_[r] = dict_values_[order_[r]];
      }
    }
    for (size_t i = 0; i < n; ++i) indices_[i] = rank_[indices_[i]];

    const uint64_t* sorted = sorted_.data();
    auto dict_delta = [sorted](size_t i) { return (sorted[i + 1] - sorted[i]) ^ kSignBit; };
    const uint32_t* idx = indices_.data();
    auto index = [idx](size_t i) { return static_cast<uint64_t>(idx[i]); };
    uint64_t dict_base = 0, index_base = 0;
    const size_t dict_bytes = 8 + MeasureFrame(count - 1, GetMinMax(dict_delta), &dict_min_, &dict_width_, &dict_base);
    const size_t index_bytes = MeasureFrame(n, GetMinMax(index), &index_min_, &index_width_, &index_base);
    const size_t dict_size = VarintSize(count) + VarintSize(dict_bytes) + dict_bytes + index_bytes;
    if (dict_size < best_size) {
      out->resize(dict_size + 16);
      uint8_t* p = out->data();
      p = PutVarint(p, count);
      p = PutVarint(p, dict_bytes);
      Store64(p, sorted[0]);
      p = WriteFrame(count - 1, dict_delta, dict_min_, dict_width_, dict_base, p + 8);
      p = WriteFrame(n, index, index_min_, index_width_, index_base, p);
      out->resize(static_cast<size_t>(p - out->data()));
      return ChunkEncoding::kDictionary;
    }
  }

  out->resize(best_size + 16);
  uint8_t* p = out->data();
  switch (best) {
    case ChunkEncoding::kConstant:
      Store64(p, key(0));
      p += 8;
      break;
    case ChunkEncoding::kFrame:
      p = WriteFrame(n, key, block_min_, block_width_, frame_base, p);
      break;
    case ChunkEncoding::kDelta:
      Store64(p, key(0));
      p = WriteFrame(n - 1, delta, delta_min_, delta_width_, delta_base, p + 8);
      break;
    default:
      best = ChunkEncoding::kPlain;
      std::memcpy(p, values, n * sizeof(T));
      p += n * sizeof(T);
      break;
  }
  out->resize(static_cast<size_t>(p - out->data()));
  return best;
}

// --- Strings ---------------------------------------------------------------------

namespace {

// A string row that is the decimal form of a number: "" -> 0, "0" -> 1,
// "125" -> 126; false when it is not (leading zero, other characters, more
// than 19 digits).
inline bool ParseDigits(const char* p, size_t n, uint64_t* out) {
  if (n == 0) {
    *out = 0;
    return true;
  }
  if (n > 19 || (p[0] == '0' && n > 1)) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned d = static_cast<unsigned char>(p[i]) - '0';
    if (d > 9) return false;
    v = v * 10 + d;
  }
  *out = v + 1;
  return true;
}

// Writes the decimal digits of v (v > 0 already minus one) into p, which
// has exactly `n` bytes; false when v does not have n digits.
inline bool WriteDigits(uint64_t v, char* p, size_t n) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  char buf[20];
  char* end = buf + 20;
  char* q = end;
  while (v >= 100) {
    const unsigned pair = static_cast<unsigned>(v % 100);
    v /= 100;
    q -= 2;
    std::memcpy(q, kPairs + 2 * pair, 2);
  }
  if (v >= 10) {
    q -= 2;
    std::memcpy(q, kPairs + 2 * v, 2);
  } else {
    *--q = static_cast<char>('0' + v);
  }
  if (static_cast<size_t>(end - q) != n) return false;
  std::memcpy(p, q, n);
  return true;
}

}  // namespace

inline uint64_t WordHash(uint64_t k0, uint64_t k1, size_t len) {
  uint64_t h = (k0 ^ (k1 * 0x9e3779b97f4a7c15ULL) ^ len) * 0xff51afd7ed558ccdULL;
  return h ^ (h >> 31);
}

inline uint32_t ChunkEncoder::FindWord(uint64_t k0, uint64_t k1, uint64_t hash, const char* p, size_t len) {
  const size_t mask = word_table_.size() - 1;
  const unsigned bits = static_cast<unsigned>(std::countr_zero(word_table_.size()));
  size_t slot = static_cast<size_t>(hash >> (64 - bits));
  while (true) {
    WordSlot& w = word_table_[slot];
    if (w.index == 0) break;
    if (w.k0 == k0 && w.k1 == k1 && w.len == len &&
        (len <= 16 || std::memcmp(words_.data() + word_starts_[w.index - 1] + 16, p + 16, len - 16) == 0))
      return w.index - 1;
    slot = (slot + 1) & mask;
  }
  const uint32_t index = static_cast<uint32_t>(word_starts_.size());
  word_starts_.push_back(static_cast<uint32_t>(words_.size()));
  words_.append(p, len);
  word_table_[slot] = WordSlot{k0, k1, static_cast<uint32_t>(len), index + 1};
  if (word_starts_.size() * 2 > word_table_.size()) GrowWordTable();
  return index;
}

namespace {

// Bit k set where row[k] is a space, for k < 64 (len < 64; reads up to 64
// bytes from row, which the caller guarantees are readable).
inline uint64_t SpaceMask(const char* row, size_t len) {
  uint64_t mask = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  for (size_t o = 0; o < len; o += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + o));
    mask |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, space)))) << o;
  }
#else
  for (size_t o = 0; o < len; o += 8) {
    const uint64_t t = Load64(reinterpret_cast<const uint8_t*>(row + o)) ^ 0x2020202020202020ULL;
    // High bit of each byte set exactly where t has a zero byte (a space).
    const uint64_t zero = ~(((t & 0x7f7f7f7f7f7f7f7fULL) + 0x7f7f7f7f7f7f7f7fULL) | t | 0x7f7f7f7f7f7f7f7fULL);
    mask |= ((zero >> 7) * 0x0102040810204080ULL >> 56) << o;  // one bit per byte
  }
#endif
  return mask;
}

// Copies n bytes; short copies without a library call.
inline void CopyShort(char* dst, const char* src, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a, b;
    std::memcpy(&a, src, 8);
    std::memcpy(&b, src + n - 8, 8);
    std::memcpy(dst, &a, 8);
    std::memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    std::memcpy(&a, src, 4);
    std::memcpy(&b, src + n - 4, 4);
    std::memcpy(dst, &a, 4);
    std::memcpy(dst + n - 4, &b, 4);
  } else {
    for (size_t i = 0; i < n && n < 4; ++i) dst[i] = src[i];
    if (n > 16) std::memcpy(dst, src, n);
  }
}

// Words stop being tried once, after this many, more than half were new.
constexpr size_t kWordsProbe = 16384;

}  // namespace

size_t ChunkEncoder::MeasureDigits(const uint32_t* offsets, size_t n, const char* bytes) {
  // Give up at the first row that is not a number (names: at once), before
  // any memory is taken.
  numbers_.clear();
  for (size_t i = 0; i < n; ++i) {
    uint64_t v;
    if (!ParseDigits(bytes + offsets[i], offsets[i + 1] - offsets[i], &v)) return 0;
    if (numbers_.empty()) numbers_.reserve(n);
    numbers_.push_back(v);
  }
  return MeasureFrame(n, ValueMinMax(numbers_.data()), &block_min_, &block_width_, &count_base_);
}

void ChunkEncoder::GrowWordTable() {
  std::vector<WordSlot> old(word_table_.size() * 2);
  old.swap(word_table_);
  const unsigned bits = static_cast<unsigned>(std::countr_zero(word_table_.size()));
  const size_t mask = word_table_.size() - 1;
  for (const WordSlot& w : old) {
    if (w.index == 0) continue;
    size_t s = static_cast<size_t>(WordHash(w.k0, w.k1, w.len) >> (64 - bits));
    while (word_table_[s].index != 0) s = (s + 1) & mask;
    word_table_[s] = w;
  }
}

size_t ChunkEncoder::MeasureWords(const uint32_t* offsets, size_t n, const char* bytes, size_t give_up_above) {
  // Each distinct word is kept as its first 16 bytes in two integers (zero
  // padded) and its length, so that most lookups compare integers; the
  // bytes of words longer than 16 are compared in full. A row's spaces are
  // found as a bit mask, 8 bytes at a time, so that splitting takes no
  // branch per byte.
  word_starts_.clear();
  word_counts_.resize(n);
  tokens_.resize(std::min<size_t>(n * 2, 1 << 16) + 64);  // grows as needed
  size_t token_count = 0;
  words_.clear();
  word_table_.assign(size_t{1} << 12, WordSlot{0, 0, 0, 0});
  const char* limit = bytes + offsets[n];  // reading up to here is safe
  static constexpr uint64_t kKeep[9] = {0,
                                        0xff,
                                        0xffff,
                                        0xffffff,
                                        0xffffffffULL,
                                        0xffffffffffULL,
                                        0xffffffffffffULL,
                                        0xffffffffffffffULL,
                                        ~uint64_t{0}};
  auto add = [&](uint64_t k0, uint64_t k1, const char* p, size_t len) {
    if (token_count == tokens_.size()) tokens_.resize(tokens_.size() * 3 / 2 + 64);
    tokens_[token_count++] = FindWord(k0, k1, WordHash(k0, k1, len), p, len);
  };
  for (size_t i = 0; i < n; ++i) {
    const char* row = bytes + offsets[i];
    const size_t len = offsets[i + 1] - offsets[i];
    uint32_t count = 0;
    if (len >= 64 || row + len + 16 > limit) {
      // Long rows and the chunk's last bytes: byte by byte.
      size_t start = 0;
      for (size_t k = 0; k <= len; ++k) {
        if (k == len || row[k] == ' ') {
          char head[16] = {};
          std::memcpy(head, row + start, std::min<size_t>(k - start, 16));
          uint64_t k0, k1;
          std::memcpy(&k0, head, 8);
          std::memcpy(&k1, head + 8, 8);
          add(k0, k1, row + start, k - start);
          ++count;
          start = k + 1;
        }
      }
    } else {
      const uint64_t mask_bits = SpaceMask(row, len);
      uint64_t mask = mask_bits;
      mask &= (uint64_t{1} << len) - 1;
      mask |= uint64_t{1} << len;  // the end of the row ends the last word
      size_t start = 0;
      do {
        const size_t at = static_cast<size_t>(std::countr_zero(mask));
        mask &= mask - 1;
        const size_t word_len = at - start;
        const uint8_t* w = reinterpret_cast<const uint8_t*>(row + start);
        const size_t first = word_len < 8 ? word_len : 8;
        const size_t second = word_len < 8 ? 0 : (word_len < 16 ? word_len - 8 : 8);
        add(Load64(w) & kKeep[first], Load64(w + 8) & kKeep[second], row + start, word_len);
        ++count;
        start = at + 1;
      } while (mask != 0);
    }
    word_counts_[i] = count;
    if ((i & 1023) == 1023) {
      if (token_count >= kWordsProbe && word_starts_.size() * 2 > token_count) return 0;  // mostly distinct words
      if (words_.size() > give_up_above) return 0;
    }
  }
  tokens_.resize(token_count);
  if (words_.size() > give_up_above) return 0;
  const size_t dict = word_starts_.size();
  word_lengths_.resize(dict);
  for (size_t d = 0; d < dict; ++d)
    word_lengths_[d] = (d + 1 < dict ? word_starts_[d + 1] : static_cast<uint32_t>(words_.size())) - word_starts_[d];
  const size_t lengths_size = MeasureFrame(dict, ValueMinMax(word_lengths_.data()), &length_min_, &length_width_,
                                           &length_base_);
  const size_t counts_size = MeasureFrame(n, ValueMinMax(word_counts_.data()), &count_min_, &count_width_,
                                          &count_base_);
  const size_t tokens_size = MeasureFrame(tokens_.size(), ValueMinMax(tokens_.data()), &token_min_, &token_width_,
                                          &token_base_);
  return VarintSize(dict) + VarintSize(lengths_size) + lengths_size + VarintSize(words_.size()) + words_.size() +
         VarintSize(counts_size) + counts_size + tokens_size;
}

ChunkEncoding ChunkEncoder::EncodeStrings(const uint32_t* offsets, size_t n, const char* bytes,
                                          std::vector<uint8_t>* out, uint32_t allowed) {
  const size_t raw = offsets[n] - offsets[0];
  if ((allowed & kAllowDigits) && n > 0) {
    const size_t size = MeasureDigits(offsets, n, bytes);
    if (size != 0 && size < raw) {
      out->resize(size + 16);
      const uint64_t* numbers = numbers_.data();
      auto number = [numbers](size_t i) { return numbers[i]; };
      uint8_t* p = WriteFrame(n, number, block_min_, block_width_, count_base_, out->data());
      out->resize(static_cast<size_t>(p - out->data()));
      return ChunkEncoding::kDigits;
    }
  }
  if ((allowed & kAllowWords) && n > 0) {
    const size_t size = MeasureWords(offsets, n, bytes, raw / 2);
    if (size != 0 && size < raw) {
      out->resize(size + 16);
      uint8_t* p = out->data();
      const size_t dict = word_lengths_.size();
      const uint32_t* lengths = word_lengths_.data();
      const uint32_t* counts = word_counts_.data();
      const uint32_t* tokens = tokens_.data();
      auto lengths_get = [lengths](size_t i) { return static_cast<uint64_t>(lengths[i]); };
      auto counts_get = [counts](size_t i) { return static_cast<uint64_t>(counts[i]); };
      auto tokens_get = [tokens](size_t i) { return static_cast<uint64_t>(tokens[i]); };
      p = PutVarint(p, dict);
      uint8_t* section = p + 10;  // room for the varint length, moved down below
      uint8_t* section_end = WriteFrame(dict, lengths_get, length_min_, length_width_, length_base_, section);
      size_t section_size = static_cast<size_t>(section_end - section);
      p = PutVarint(p, section_size);
      std::memmove(p, section, section_size);
      p += section_size;
      p = PutVarint(p, words_.size());
      std::memcpy(p, words_.data(), words_.size());
      p += words_.size();
      section = p + 10;
      section_end = WriteFrame(n, counts_get, count_min_, count_width_, count_base_, section);
      section_size = static_cast<size_t>(section_end - section);
      p = PutVarint(p, section_size);
      std::memmove(p, section, section_size);
      p += section_size;
      p = WriteFrame(tokens_.size(), tokens_get, token_min_, token_width_, token_base_, p);
      out->resize(static_cast<size_t>(p - out->data()));
      return ChunkEncoding::kWords;
    }
  }
  return ChunkEncoding::kBytes;
}

namespace {

// Decodes a frame payload of exactly n values of type uint32_t into out.
Status DecodeFrameSection(const uint8_t* data, size_t size, size_t n, std::vector<uint32_t>* out, const char* what) {
  out->resize(n);
  Status st = DecodeFrame(data, size, n, out->data());
  if (!st.ok()) return Corrupt(std::string(what) + ": " + st.message());
  return Status::Ok();
}

Status DecodeDigits(const uint8_t* data, size_t size, const uint32_t* ends, size_t rows, char* out) {
  std::vector<uint64_t> numbers(rows);
  CAKUPAN_RETURN_IF_ERROR(DecodeFrame(data, size, rows, numbers.data()));
  uint32_t start = 0;
  for (size_t i = 0; i < rows; ++i) {
    const size_t n = ends[i] - start;
    if (numbers[i] == 0 ? n != 0 : !WriteDigits(numbers[i] - 1, out + start, n))
      return Corrupt("digits encoding: row " + std::to_string(i) + " does not have its stored length");
    start = ends[i];
  }
  return Status::Ok();
}

Status DecodeWords(const uint8_t* data, size_t size, const uint32_t* ends, size_t rows, char* out) {
  const uint8_t* p = data;
  const uint8_t* end = data + size;
  uint64_t dict = 0, section = 0;
  if (!GetVarint(&p, end, &dict) || dict == 0 || dict > size || !GetVarint(&p, end, &section) ||
      section > static_cast<uint64_t>(end - p))
    return Corrupt("words encoding: malformed dictionary");
  std::vector<uint32_t> lengths;
  CAKUPAN_RETURN_IF_ERROR(DecodeFrameSection(p, section, dict, &lengths, "words encoding: word lengths"));
  p += section;
  uint64_t word_bytes = 0;
  if (!GetVarint(&p, end, &word_bytes) || word_bytes > static_cast<uint64_t>(end - p))
    return Corrupt("words encoding: malformed dictionary");
  const char* words = reinterpret_cast<const char*>(p);
  std::vector<uint32_t> starts(dict + 1);
  uint64_t sum = 0;
  for (size_t d = 0; d < dict; ++d) {
    starts[d] = static_cast<uint32_t>(sum);
    sum += lengths[d];
    if (sum > word_bytes) return Corrupt("words encoding: word lengths exceed the dictionary");
  }
  if (sum != word_bytes) return Corrupt("words encoding: word lengths do not fill the dictionary");
  starts[dict] = static_cast<uint32_t>(sum);
  p += word_bytes;
  if (!GetVarint(&p, end, &section) || section > static_cast<uint64_t>(end - p))
    return Corrupt("words encoding: malformed word counts");
  std::vector<uint32_t> counts;
  CAKUPAN_RETURN_IF_ERROR(DecodeFrameSection(p, section, rows, &counts, "words encoding: word counts"));
  p += section;
  uint64_t total = 0;
  for (uint32_t c : counts) total += c;
  // Every word but a row's first takes a space: total words <= rows + bytes.
  if (total > rows + static_cast<uint64_t>(ends[rows - 1])) return Corrupt("words encoding: too many words");
  std::vector<uint32_t> tokens;
  CAKUPAN_RETURN_IF_ERROR(
      DecodeFrameSection(p, static_cast<size_t>(end - p), static_cast<size_t>(total), &tokens, "words encoding: words"));
  // Check every row's length first, so that the copy below needs no checks.
  for (uint32_t t : tokens)
    if (t >= dict) return Corrupt("words encoding: word index out of range");
  {
    const uint32_t* token = tokens.data();
    uint32_t row_start = 0;
    for (size_t i = 0; i < rows; ++i) {
      if (counts[i] == 0) return Corrupt("words encoding: a row without words");
      uint64_t length = counts[i] - 1;  // the spaces
      for (uint32_t w = 0; w < counts[i]; ++w) length += lengths[*token++];
      if (length != static_cast<uint64_t>(ends[i]) - row_start)
        return Corrupt("words encoding: row " + std::to_string(i) + " does not have its stored length");
      row_start = ends[i];
    }
  }
  // Each word is copied 16 bytes at a time and followed by a space; the
  // next word or row overwrites what went past it (the caller leaves
  // kDecodePadding spare bytes after the last row; the dictionary is
  // followed by the rest of the payload and its padding).
  const uint32_t* token = tokens.data();
  char* dst = out;
  for (size_t i = 0; i < rows; ++i) {
    for (uint32_t w = 0; w < counts[i]; ++w, ++token) {
      const uint32_t len = lengths[*token];
      const char* src = words + starts[*token];
      std::memcpy(dst, src, 16);
      if (len > 16) std::memcpy(dst + 16, src + 16, len - 16);
      dst += len;
      *dst++ = ' ';
    }
    dst = out + ends[i];  // drop the last word's space
  }
  return Status::Ok();
}

}  // namespace

Status DecodeStrings(ChunkEncoding encoding, const uint8_t* data, size_t size, const uint32_t* ends, size_t rows,
                     char* out) {
  if (rows == 0) return Corrupt("string chunk without rows");
  switch (encoding) {
    case ChunkEncoding::kDigits:
      return DecodeDigits(data, size, ends, rows, out);
    case ChunkEncoding::kWords:
      return DecodeWords(data, size, ends, rows, out);
    default:
      break;
  }
  return Corrupt(std::string("encoding ") + std::to_string(static_cast<int>(encoding)) +
                 " is not a string encoding this build knows");
}

// --- Decoding ------------------------------------------------------------------

template <typename T>
Status DecodeIntegers(ChunkEncoding encoding, const uint8_t* data, size_t size, size_t rows, T* out) {
  switch (encoding) {
    case ChunkEncoding::kLegacy:
    case ChunkEncoding::kPlain:
      if (size != rows * sizeof(T))
        return Corrupt("holds " + std::to_string(size) + " bytes for " + std::to_string(rows) + " values of " +
                       std::to_string(sizeof(T)) + " bytes");
      if (size > 0) std::memcpy(out, data, size);
      return Status::Ok();
    case ChunkEncoding::kConstant: {
      if (size != 8) return Corrupt("constant encoding: payload is not 8 bytes");
      const uint64_t key = Load64(data);
      if (key < MinKey<T>() || key > MaxKey<T>()) return Corrupt("constant encoding: value out of range for the column");
      std::fill_n(out, rows, FromKey<T>(key));
      return Status::Ok();
    }
    case ChunkEncoding::kFrame:
      return DecodeFrame(data, size, rows, out);
    case ChunkEncoding::kDelta:
      if (rows == 0) return Corrupt("delta encoding: no rows");
      return DecodeDelta(data, size, rows, out);
    case ChunkEncoding::kDictionary:
      return DecodeDictionary(data, size, rows, out);
    default:
      break;
  }
  return Corrupt(std::string("encoding ") + std::to_string(static_cast<int>(encoding)) +
                 " is not an integer encoding this build knows");
}

Status LengthsToOffsets(uint32_t* lengths, size_t rows, uint64_t* total) {
  uint64_t sum = 0;
  for (size_t i = 0; i < rows; ++i) {
    sum += lengths[i];
    lengths[i] = static_cast<uint32_t>(sum);
  }
  // Each length is below 2^32 and rows below 2^31, so the sum cannot wrap.
  if (sum > UINT32_MAX) return Corrupt("string lengths add up to more than 4 GiB");
  *total = sum;
  return Status::Ok();
}

#define CAKUPAN_INSTANTIATE_CODEC(T)                                                                       \
  template ChunkEncoding ChunkEncoder::EncodeIntegers<T>(const T*, size_t, std::vector<uint8_t>*, uint32_t); \
  template Status DecodeIntegers<T>(ChunkEncoding, const uint8_t*, size_t, size_t, T*);
CAKUPAN_INSTANTIATE_CODEC(uint8_t)
CAKUPAN_INSTANTIATE_CODEC(uint16_t)
CAKUPAN_INSTANTIATE_CODEC(uint32_t)
CAKUPAN_INSTANTIATE_CODEC(int32_t)
CAKUPAN_INSTANTIATE_CODEC(uint64_t)
CAKUPAN_INSTANTIATE_CODEC(int64_t)
#undef CAKUPAN_INSTANTIATE_CODEC

}  // namespace cakupan::sqlite
