// Column codec: the lightweight encodings of a column chunk (docs/storage.md,
// "Chunk encodings"). Pure functions on memory: nothing here knows SQLite.
//
// An integer chunk is encoded by EncodeIntegers(), which measures the
// candidate encodings on that chunk and keeps the smallest (ties go to the
// simpler one):
//  - kPlain:      the little-endian array of the column's C++ type;
//  - kConstant:   one value, every row equal;
//  - kFrame:      frame of reference per block of 128 values: each block
//                 stores its minimum and the bit width of (value - minimum),
//                 then the values bit-packed at that width;
//  - kDelta:      the first value, then the differences between neighbours
//                 framed and bit-packed as in kFrame (sorted keys: NIKs);
//  - kDictionary: the sorted distinct values (as kDelta) and, per row, the
//                 index of its value (as kFrame) (region codes).
// A string chunk is two chunks: the lengths (an integer chunk of uint32)
// and the bytes, chosen by EncodeStrings():
//  - kBytes:  the bytes of the rows, concatenated;
//  - kDigits: every row is empty or a decimal number without leading zeros
//             (an NPP): the numbers (plus one; 0 for empty) as kFrame;
//  - kWords:  the rows split at each space into words: a dictionary of the
//             distinct words, each row's word count and the word indices, all
//             bit-packed (names: a few thousand words make millions of names).
// kLegacy marks chunks written before the encodings existed (raw arrays;
// string offsets instead of lengths); the codec never writes it and
// DecodeIntegers() reads it as kPlain.
//
// The encodings work on 64-bit "keys": unsigned values as they are, signed
// values with the sign bit flipped, so that the order is kept. Decoding is
// strict: a payload that is not exactly what the encoding would have
// written for `rows` values of type T is kCorruption, never a crash or a
// write outside the destination. Decoders read up to kDecodePadding bytes
// past the end of the payload: callers must keep that many readable bytes
// there (their values do not matter).
//
// Thread-safety: the functions are pure; a ChunkEncoder holds scratch
// buffers and is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace cakupan::sqlite {

// The `encoding` of a stored chunk. The numbers are part of the file format:
// never renumber them.
enum class ChunkEncoding : uint8_t {
  kLegacy = 0,
  kPlain = 1,
  kConstant = 2,
  kFrame = 3,
  kDelta = 4,
  kDictionary = 5,
  kBytes = 16,
  kDigits = 17,
  kWords = 18,
};

// "legacy", "plain", ...; "unknown" for any other value.
const char* ChunkEncodingName(ChunkEncoding encoding);

inline constexpr size_t kDecodePadding = 16;
inline constexpr size_t kFrameBlock = 128;

// Which encodings EncodeIntegers() / EncodeStrings() may choose (all by
// default); the tests use it to exercise each one.
enum EncodingSet : uint32_t {
  kAllowPlain = 1u << 0,  // always allowed: the fallback
  kAllowConstant = 1u << 1,
  kAllowFrame = 1u << 2,
  kAllowDelta = 1u << 3,
  kAllowDictionary = 1u << 4,
  kAllowDigits = 1u << 5,
  kAllowWords = 1u << 6,
  kAllowAll = (1u << 7) - 1,
};

// Encodes chunks, reusing its scratch memory from one chunk to the next.
// Not thread-safe; use one per thread.
class ChunkEncoder {
 public:
  // Encodes values[0, n) (n > 0) into *out (replacing its contents) and
  // returns the encoding chosen. T is one of uint8_t, uint16_t, uint32_t,
  // int32_t, uint64_t, int64_t.
  template <typename T>
  ChunkEncoding EncodeIntegers(const T* values, size_t n, std::vector<uint8_t>* out,
                               uint32_t allowed = kAllowAll);

  // Encodes the bytes of n strings, row i being bytes[offsets[i],
  // offsets[i + 1]) (offsets[0] need not be 0). Returns kBytes, leaving *out
  // untouched, when no encoding is smaller than the bytes themselves
  // (`allowed`: kAllowDigits, kAllowWords).
  ChunkEncoding EncodeStrings(const uint32_t* offsets, size_t n, const char* bytes, std::vector<uint8_t>* out,
                              uint32_t allowed = kAllowAll);

 private:
  // The encodings' sizes, or 0 when a chunk does not qualify.
  size_t MeasureDigits(const uint32_t* offsets, size_t n, const char* bytes);
  size_t MeasureWords(const uint32_t* offsets, size_t n, const char* bytes, size_t give_up_above);
  // The dictionary index of a word (k0, k1: its first 16 bytes, zero
  // padded; hash: their WordHash), adding it when new.
  uint32_t FindWord(uint64_t k0, uint64_t k1, uint64_t hash, const char* p, size_t len);
  void GrowWordTable();

  // Fills dict_values_ (distinct keys, first-seen order) and indices_ (per
  // row, into dict_values_); false when more than half the values are
  // distinct. Every key lies in [lowest, highest].
  template <typename T>
  bool CollectDistinct(const T* values, size_t n, uint64_t lowest, uint64_t highest);

  // Per-block minimum and width of each candidate being measured.
  std::vector<uint64_t> block_min_, delta_min_, dict_min_, index_min_;
  std::vector<uint8_t> block_width_, delta_width_, dict_width_, index_width_;
  // The dictionary under construction.
  std::vector<uint64_t> slot_keys_;   // hash table keys (or key and index packed)
  std::vector<uint32_t> slot_index_;  // hash table: 1 + index into dict_values_; 0 = empty
  std::vector<uint64_t> dict_values_;
  std::vector<uint32_t> indices_;
  std::vector<uint32_t> order_, rank_;  // sorted position -> first-seen index, and back
  std::vector<uint64_t> sorted_;        // dict_values_ in ascending order
  std::vector<uint64_t> order64_;       // radix sort scratch
  // Strings: the numbers of a digits chunk, the words of a words chunk.
  std::vector<uint64_t> numbers_;
  struct WordSlot {  // a distinct word: its first 16 bytes (zero padded), length, 1 + index
    uint64_t k0, k1;
    uint32_t len, index;
  };
  std::vector<WordSlot> word_table_;                   // open addressing, at most half full
  std::vector<uint32_t> word_starts_, word_lengths_;  // by index, into words_
  std::vector<uint32_t> word_counts_, tokens_;
  std::string words_;
  std::vector<uint64_t> count_min_, token_min_, length_min_;
  std::vector<uint8_t> count_width_, token_width_, length_width_;
  uint64_t count_base_ = 0, token_base_ = 0, length_base_ = 0;
};

// Decodes a chunk of `rows` values of type T written by EncodeIntegers()
// (or, for kLegacy, a raw array) into out[0, rows). `data` holds `size`
// bytes followed by kDecodePadding readable bytes. kCorruption (with a
// short reason) when the payload is not a valid encoding of `rows` values.
template <typename T>
Status DecodeIntegers(ChunkEncoding encoding, const uint8_t* data, size_t size, size_t rows, T* out);

// Decodes the bytes of a string chunk written by EncodeStrings() (any
// encoding but kBytes and kLegacy, which are the bytes themselves) into
// out[0, ends[rows - 1]); row i must decode to exactly bytes
// [ends[i - 1], ends[i]) (ends[-1] = 0). `data` as for DecodeIntegers().
// May write up to kDecodePadding bytes past out[ends[rows - 1]]: the caller
// leaves them writable (what it wrote there before is lost).
Status DecodeStrings(ChunkEncoding encoding, const uint8_t* data, size_t size, const uint32_t* ends, size_t rows,
                     char* out);

// Turns the lengths of a string chunk into end offsets relative to the chunk
// (out[i] = lengths[0] + ... + lengths[i]), in place, and sets *total to the
// sum. kCorruption when the sum exceeds 4 GiB.
Status LengthsToOffsets(uint32_t* lengths, size_t rows, uint64_t* total);

}  // namespace cakupan::sqlite
