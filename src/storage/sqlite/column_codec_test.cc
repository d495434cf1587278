#include "storage/sqlite/column_codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/rng.h"

namespace cakupan::sqlite {
namespace {

// Encodes and decodes `values` with the encodings in `allowed`; returns the
// encoding chosen.
template <typename T>
ChunkEncoding RoundTrip(const std::vector<T>& values, uint32_t allowed = kAllowAll) {
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  const ChunkEncoding encoding = encoder.EncodeIntegers(values.data(), values.size(), &encoded, allowed);
  const size_t size = encoded.size();
  encoded.resize(size + kDecodePadding, 0xee);  // the padding's values must not matter
  std::vector<T> decoded(values.size());
  Status st = DecodeIntegers(encoding, encoded.data(), size, values.size(), decoded.data());
  EXPECT_TRUE(st.ok()) << st.ToString() << " (" << ChunkEncodingName(encoding) << ")";
  EXPECT_EQ(decoded, values) << ChunkEncodingName(encoding);
  EXPECT_LE(size, values.size() * sizeof(T) + 16) << "never much larger than plain";
  return encoding;
}

// Sizes around the block (128) and the hash table's give-up point (4096).
const std::vector<size_t>& Sizes() {
  static const std::vector<size_t> kSizes = {1, 2, 3, 127, 128, 129, 255, 256, 257, 1000, 4095, 4096, 4097, 10000};
  return kSizes;
}

const uint32_t kEachEncoding[] = {
    kAllowPlain,
    kAllowPlain | kAllowConstant,
    kAllowPlain | kAllowFrame,
    kAllowPlain | kAllowDelta,
    kAllowPlain | kAllowDictionary,
    kAllowAll,
};

// Data sets of one type: every encoding on every size must round-trip.
template <typename T>
std::vector<std::vector<T>> DataSets(size_t n, uint64_t seed) {
  using L = std::numeric_limits<T>;
  Rng rng(seed);
  std::vector<std::vector<T>> sets;
  auto add = [&](auto f) {
    std::vector<T> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = f(i);
    sets.push_back(std::move(v));
  };
  add([](size_t) { return T{0}; });
  add([](size_t) { return L::min(); });
  add([](size_t) { return L::max(); });
  add([&](size_t) { return static_cast<T>(rng.Next()); });                       // full range
  add([&](size_t i) { return i % 2 ? L::min() : L::max(); });                   // widest steps
  add([&](size_t) { return static_cast<T>(rng.Below(3)); });                     // small enum
  add([&](size_t i) { return static_cast<T>(i / 300); });                        // runs
  add([&](size_t) { return rng.Chance(0.5) ? L::min() : static_cast<T>(rng.Below(50)); });  // rare far values
  add([&](size_t i) { return static_cast<T>(L::max() - static_cast<T>(i % 7)); });
  return sets;
}

template <typename T>
void RoundTripEverything() {
  for (size_t n : Sizes()) {
    int set_no = 0;
    for (const std::vector<T>& values : DataSets<T>(n, n)) {
      for (uint32_t allowed : kEachEncoding) {
        SCOPED_TRACE("n=" + std::to_string(n) + " set=" + std::to_string(set_no) + " allowed=" +
                     std::to_string(allowed));
        RoundTrip(values, allowed);
      }
      ++set_no;
    }
  }
}

TEST(ColumnCodecTest, EveryTypeEveryEncodingRoundTripsAtBlockBoundaries) {
  RoundTripEverything<uint8_t>();
  RoundTripEverything<uint16_t>();
  RoundTripEverything<uint32_t>();
  RoundTripEverything<int32_t>();
  RoundTripEverything<uint64_t>();
  RoundTripEverything<int64_t>();
}

TEST(ColumnCodecTest, SortedNiksUseDeltasAndKeepTheExtremes) {
  Rng rng(7);
  std::vector<uint64_t> niks;
  uint64_t nik = 1000000000000000ULL;
  niks.push_back(nik);
  while (niks.size() < 20000) {
    nik += 1 + rng.Below(rng.Chance(0.001) ? 100000000000ULL : 5000000ULL);
    niks.push_back(nik);
  }
  niks.push_back(9999999999999999ULL);
  EXPECT_EQ(RoundTrip(niks), ChunkEncoding::kDelta);
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  encoder.EncodeIntegers(niks.data(), niks.size(), &encoded);
  EXPECT_LT(encoded.size(), niks.size() * 4) << "sorted NIKs take well under half their 8 bytes";
  EXPECT_EQ(RoundTrip(std::vector<uint64_t>{1000000000000000ULL, 9999999999999999ULL}), ChunkEncoding::kPlain);
}

TEST(ColumnCodecTest, RegionCodesUseADictionary) {
  Rng rng(8);
  std::vector<uint64_t> pool;
  for (int d = 0; d < 300; ++d) pool.push_back(1101010000ULL + 10000ULL * rng.Below(9000) + 2001 + rng.Below(30));
  std::vector<uint64_t> villages(50000);
  for (uint64_t& v : villages) v = pool[rng.Below(pool.size())];
  villages[123] = 0;  // "not given"
  EXPECT_EQ(RoundTrip(villages), ChunkEncoding::kDictionary);
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  encoder.EncodeIntegers(villages.data(), villages.size(), &encoded);
  EXPECT_LT(encoded.size(), villages.size() * 11 / 8) << "about 9 bits per row for 300 codes";
}

TEST(ColumnCodecTest, RandomCodesFromALargeListStillUseADictionary) {
  // Villages drawn at random among 80,000: nearly all distinct in the first
  // rows, yet a dictionary halves the size.
  Rng rng(13);
  std::vector<uint64_t> pool(80000);
  for (uint64_t& v : pool) v = 1101012001ULL + rng.Below(8400000000ULL);
  std::vector<uint64_t> villages(400000);
  for (uint64_t& v : villages) v = pool[rng.Below(pool.size())];
  EXPECT_EQ(RoundTrip(villages), ChunkEncoding::kDictionary);
  // Few distinct values spread over the whole 64-bit range (the two-array
  // hash table).
  std::vector<uint64_t> wide(5000);
  for (uint64_t& v : wide) v = rng.Chance(0.5) ? UINT64_MAX - rng.Below(3) : rng.Below(5) << 50;
  EXPECT_EQ(RoundTrip(wide), ChunkEncoding::kDictionary);
  // Keys are never a dictionary.
  std::vector<uint64_t> keys(5000);
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = (uint64_t{1} << 60) + i * 1000 + rng.Below(1000);
  EXPECT_NE(RoundTrip(keys), ChunkEncoding::kDictionary);
}

TEST(ColumnCodecTest, SmallEnumsAreBitPackedAndEqualColumnsAreConstant) {
  Rng rng(9);
  std::vector<uint8_t> sex(100000);
  for (uint8_t& s : sex) s = static_cast<uint8_t>(1 + rng.Below(2));
  EXPECT_EQ(RoundTrip(sex), ChunkEncoding::kFrame);
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  encoder.EncodeIntegers(sex.data(), sex.size(), &encoded);
  EXPECT_LT(encoded.size(), sex.size() / 8 + sex.size() / 40) << "one bit per row and small block headers";

  EXPECT_EQ(RoundTrip(std::vector<uint8_t>(100000, 3)), ChunkEncoding::kConstant);
  EXPECT_EQ(RoundTrip(std::vector<int32_t>(5000, kNoDate)), ChunkEncoding::kConstant);
  EXPECT_EQ(RoundTrip(std::vector<uint8_t>(5, 3)), ChunkEncoding::kPlain) << "5 bytes beat a constant's 8";
}

TEST(ColumnCodecTest, DatesWithUnknownsRoundTrip) {
  Rng rng(10);
  std::vector<Date> dates(30000);
  for (Date& d : dates) d = rng.Chance(0.02) ? kNoDate : static_cast<Date>(rng.Between(-20000, 15000));
  RoundTrip(dates);
  std::vector<Date> known(30000);
  for (Date& d : known) d = static_cast<Date>(rng.Between(-20000, 15000));
  EXPECT_EQ(RoundTrip(known), ChunkEncoding::kFrame);
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  encoder.EncodeIntegers(known.data(), known.size(), &encoded);
  EXPECT_LE(encoded.size(), known.size() * 2 + known.size() / 40) << "16 bits or fewer per date";
}

// --- Damage --------------------------------------------------------------------

template <typename T>
Status Decode(ChunkEncoding encoding, std::vector<uint8_t> payload, size_t rows) {
  const size_t size = payload.size();
  payload.resize(size + kDecodePadding, 0);
  std::vector<T> out(rows);
  return DecodeIntegers(encoding, payload.data(), size, rows, out.data());
}

template <typename T>
std::vector<uint8_t> Encode(const std::vector<T>& values, uint32_t allowed, ChunkEncoding expected) {
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  EXPECT_EQ(encoder.EncodeIntegers(values.data(), values.size(), &encoded, allowed), expected);
  return encoded;
}

TEST(ColumnCodecTest, MalformedPayloadsAreCorruption) {
  std::vector<uint64_t> values(1000);
  Rng rng(11);
  for (uint64_t& v : values) v = 1704072001ULL + rng.Below(20);
  const auto frame = Encode(values, kAllowPlain | kAllowFrame, ChunkEncoding::kFrame);
  const auto delta = Encode(values, kAllowPlain | kAllowDelta, ChunkEncoding::kDelta);
  const auto dict = Encode(values, kAllowPlain | kAllowDictionary, ChunkEncoding::kDictionary);
  for (const auto& [encoding, payload] :
       {std::pair{ChunkEncoding::kFrame, frame}, std::pair{ChunkEncoding::kDelta, delta},
        std::pair{ChunkEncoding::kDictionary, dict}}) {
    SCOPED_TRACE(ChunkEncodingName(encoding));
    EXPECT_TRUE(Decode<uint64_t>(encoding, payload, 1000).ok());
    for (size_t cut : {size_t{0}, size_t{1}, size_t{7}, size_t{9}, payload.size() / 2, payload.size() - 1}) {
      std::vector<uint8_t> truncated(payload.begin(), payload.begin() + static_cast<ptrdiff_t>(cut));
      EXPECT_EQ(Decode<uint64_t>(encoding, truncated, 1000).code(), StatusCode::kCorruption) << cut;
    }
    std::vector<uint8_t> longer = payload;
    longer.push_back(0);
    EXPECT_EQ(Decode<uint64_t>(encoding, longer, 1000).code(), StatusCode::kCorruption);
    // A block more or less. (A row more or less can pack into the same
    // number of bytes: the row count is checked where it is stored.)
    EXPECT_EQ(Decode<uint64_t>(encoding, payload, 1000 - kFrameBlock).code(), StatusCode::kCorruption);
    EXPECT_EQ(Decode<uint64_t>(encoding, payload, 1000 + kFrameBlock).code(), StatusCode::kCorruption);
  }
  // A block width above 64.
  std::vector<uint8_t> bad_width = frame;
  bad_width[8] = 65;
  EXPECT_EQ(Decode<uint64_t>(ChunkEncoding::kFrame, bad_width, 1000).code(), StatusCode::kCorruption);
  // Values that do not fit the column's type.
  EXPECT_EQ(Decode<uint8_t>(ChunkEncoding::kFrame, frame, 1000).code(), StatusCode::kCorruption);
  EXPECT_EQ(Decode<int32_t>(ChunkEncoding::kDelta, delta, 1000).code(), StatusCode::kCorruption);
  EXPECT_EQ(Decode<uint8_t>(ChunkEncoding::kConstant, std::vector<uint8_t>{0, 1, 0, 0, 0, 0, 0, 0}, 3).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decode<uint8_t>(ChunkEncoding::kPlain, std::vector<uint8_t>{1, 2}, 3).code(), StatusCode::kCorruption);
  EXPECT_EQ(Decode<uint8_t>(static_cast<ChunkEncoding>(99), std::vector<uint8_t>{1, 2, 3}, 3).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decode<uint8_t>(ChunkEncoding::kBytes, std::vector<uint8_t>{1, 2, 3}, 3).code(), StatusCode::kCorruption);
}

TEST(ColumnCodecTest, DictionaryIndexOutOfRangeIsCorruption) {
  // 3 distinct values; rewrite the index frame so an index reads 3.
  std::vector<uint64_t> values = {10, 20, 30, 10, 20, 30, 30, 30};
  auto payload = Encode(values, kAllowPlain | kAllowDictionary, ChunkEncoding::kDictionary);
  // Layout: count(1) dict_bytes(1) dictionary, then the index frame: base(8)
  // width(1) offset(1) packed. Raise the block offset from 0 to 1.
  const size_t index_frame = 2 + payload[1];
  ASSERT_EQ(payload[index_frame + 9], 0);
  payload[index_frame + 9] = 1;
  EXPECT_EQ(Decode<uint64_t>(ChunkEncoding::kDictionary, payload, values.size()).code(), StatusCode::kCorruption);
}

TEST(ColumnCodecTest, RandomBytesNeverCrashTheDecoders) {
  Rng rng(12);
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<uint8_t> payload(rng.Below(300));
    for (uint8_t& b : payload) b = static_cast<uint8_t>(rng.Next());
    const size_t rows = 1 + rng.Below(400);
    for (ChunkEncoding e : {ChunkEncoding::kConstant, ChunkEncoding::kFrame, ChunkEncoding::kDelta,
                            ChunkEncoding::kDictionary}) {
      (void)Decode<uint64_t>(e, payload, rows);
      (void)Decode<uint8_t>(e, payload, rows);
      (void)Decode<int32_t>(e, payload, rows);
    }
  }
}

TEST(ColumnCodecTest, LengthsBecomeOffsets) {
  std::vector<uint32_t> lengths = {0, 3, 0, 200, 1};
  uint64_t total = 0;
  ASSERT_TRUE(LengthsToOffsets(lengths.data(), lengths.size(), &total).ok());
  EXPECT_EQ(lengths, (std::vector<uint32_t>{0, 3, 3, 203, 204}));
  EXPECT_EQ(total, 204u);
  std::vector<uint32_t> huge = {UINT32_MAX, UINT32_MAX};
  EXPECT_EQ(LengthsToOffsets(huge.data(), huge.size(), &total).code(), StatusCode::kCorruption);
}

// --- Strings -------------------------------------------------------------------

// Encodes rows [first, last) of `strings` (offsets not starting at 0, as in
// a chunk after the first), decodes, compares; returns the encoding.
ChunkEncoding RoundTripStrings(const std::vector<std::string>& strings, uint32_t allowed = kAllowAll,
                               size_t first = 0) {
  std::string bytes;
  std::vector<uint32_t> offsets = {0};
  for (const std::string& s : strings) {
    bytes += s;
    offsets.push_back(static_cast<uint32_t>(bytes.size()));
  }
  const size_t n = strings.size() - first;
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  const ChunkEncoding encoding = encoder.EncodeStrings(offsets.data() + first, n, bytes.data(), &encoded, allowed);
  if (encoding == ChunkEncoding::kBytes) return encoding;
  const size_t size = encoded.size();
  encoded.resize(size + kDecodePadding, 0xee);
  std::vector<uint32_t> ends(n);
  for (size_t i = 0; i < n; ++i) ends[i] = offsets[first + i + 1] - offsets[first];
  std::string out((ends.empty() ? 0 : ends.back()) + kDecodePadding, '?');
  Status st = DecodeStrings(encoding, encoded.data(), size, ends.data(), n, out.data());
  out.resize(out.size() - kDecodePadding);
  EXPECT_TRUE(st.ok()) << st.ToString() << " (" << ChunkEncodingName(encoding) << ")";
  EXPECT_TRUE(out == bytes.substr(offsets[first])) << ChunkEncodingName(encoding);
  EXPECT_LT(size, out.size()) << "chosen only when smaller";
  return encoding;
}

std::vector<std::string> Names(size_t n, uint64_t seed) {
  static const char* kWords[] = {"SITI", "AMINAH", "BUDI", "SANTOSO", "MUHAMMAD", "RIZKY", "PRATAMA", "DEWI",
                                 "LESTARI", "NI", "LUH", "PUTU", "AYU", "WAYAN", "NUR", "HIDAYAT"};
  Rng rng(seed);
  std::vector<std::string> names;
  for (size_t i = 0; i < n; ++i) {
    std::string name;
    const size_t words = 1 + rng.Below(3);
    for (size_t w = 0; w < words; ++w) name += (w ? " " : "") + std::string(kWords[rng.Below(std::size(kWords))]);
    names.push_back(name);
  }
  return names;
}

TEST(ColumnCodecTest, NamesUseWordsAndKeepEverySpaceAndByte) {
  std::vector<std::string> names = Names(5000, 14);
  names[10] = "";                                  // empty
  names[11] = " ";                                 // only a space: two empty words
  names[12] = "  SITI  AMINAH ";                   // leading, double, trailing spaces
  names[13] = std::string(250, 'X');               // long
  names[14] = "\xc3\x91ONA \xc3\x85SA \xe2\x80\x94 MA'RUF";  // UTF-8 and punctuation
  names[15] = std::string("A\0B C", 5);            // a NUL byte
  for (size_t first : {size_t{0}, size_t{7}}) EXPECT_EQ(RoundTripStrings(names, kAllowAll, first), ChunkEncoding::kWords);
  std::string bytes;
  std::vector<uint32_t> offsets = {0};
  for (const std::string& s : names) {
    bytes += s;
    offsets.push_back(static_cast<uint32_t>(bytes.size()));
  }
  ChunkEncoder encoder;
  std::vector<uint8_t> encoded;
  ASSERT_EQ(encoder.EncodeStrings(offsets.data(), names.size(), bytes.data(), &encoded), ChunkEncoding::kWords);
  EXPECT_LT(encoded.size(), bytes.size() / 3) << "16 words: 4 bits per word";
  // Every row empty: one empty word each.
  EXPECT_EQ(RoundTripStrings(std::vector<std::string>(3000, "")), ChunkEncoding::kBytes) << "nothing to save";
  // All distinct words: plain bytes.
  std::vector<std::string> distinct;
  for (int i = 0; i < 20000; ++i) distinct.push_back("X" + std::to_string(i * 7919) + "Q");
  EXPECT_EQ(RoundTripStrings(distinct), ChunkEncoding::kBytes);
}

TEST(ColumnCodecTest, EmployerNumbersUseDigits) {
  Rng rng(15);
  std::vector<std::string> npp;
  for (int i = 0; i < 3000; ++i) npp.push_back(rng.Chance(0.3) ? "" : std::to_string(10000000 + rng.Below(90000000)));
  npp[0] = "0";
  npp[1] = "9999999999999999999";  // 19 digits: the largest that fits
  npp[2] = "1";
  for (size_t first : {size_t{0}, size_t{5}}) EXPECT_EQ(RoundTripStrings(npp, kAllowAll, first), ChunkEncoding::kDigits);
  // Not numbers as written: leading zeros, 20 digits, a letter. (Words
  // cannot help either: they are all different.)
  for (const char* odd : {"0123", "10000000000000000000", "12A4", "-5", " 12"}) {
    std::vector<std::string> with_odd = npp;
    with_odd[100] = odd;
    EXPECT_NE(RoundTripStrings(with_odd), ChunkEncoding::kDigits) << odd;
  }
  std::vector<std::string> letters = npp;
  for (std::string& s : letters) s = "NN" + s;  // words: distinct, too
  EXPECT_EQ(RoundTripStrings(letters, kAllowAll & ~kAllowWords), ChunkEncoding::kBytes);
}

TEST(ColumnCodecTest, MalformedStringPayloadsAreCorruption) {
  for (const auto& strings : {Names(2000, 16), std::vector<std::string>(2000, "12345678")}) {
    std::string bytes;
    std::vector<uint32_t> offsets = {0};
    for (const std::string& s : strings) {
      bytes += s;
      offsets.push_back(static_cast<uint32_t>(bytes.size()));
    }
    ChunkEncoder encoder;
    std::vector<uint8_t> encoded;
    const ChunkEncoding encoding = encoder.EncodeStrings(offsets.data(), strings.size(), bytes.data(), &encoded);
    ASSERT_NE(encoding, ChunkEncoding::kBytes);
    SCOPED_TRACE(ChunkEncodingName(encoding));
    auto decode = [&](std::vector<uint8_t> payload, std::vector<uint32_t> ends) {
      const size_t size = payload.size();
      payload.resize(size + kDecodePadding, 0);
      std::string out(ends.back() + kDecodePadding, '\0');
      return DecodeStrings(encoding, payload.data(), size, ends.data(), ends.size(), out.data());
    };
    const std::vector<uint32_t> ends(offsets.begin() + 1, offsets.end());
    EXPECT_TRUE(decode(encoded, ends).ok());
    for (size_t cut : {size_t{0}, size_t{1}, encoded.size() / 3, encoded.size() - 1}) {
      std::vector<uint8_t> truncated(encoded.begin(), encoded.begin() + static_cast<ptrdiff_t>(cut));
      EXPECT_EQ(decode(truncated, ends).code(), StatusCode::kCorruption) << cut;
    }
    std::vector<uint32_t> longer = ends, shorter = ends;
    for (size_t i = 500; i < longer.size(); ++i) ++longer[i];
    for (size_t i = 500; i < shorter.size(); ++i) --shorter[i];
    EXPECT_EQ(decode(encoded, longer).code(), StatusCode::kCorruption);
    EXPECT_EQ(decode(encoded, shorter).code(), StatusCode::kCorruption);
  }
  Rng rng(17);
  std::vector<uint32_t> ends(50);
  for (size_t i = 0; i < ends.size(); ++i) ends[i] = static_cast<uint32_t>(i * 5);
  std::string out(ends.back() + kDecodePadding, '\0');
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<uint8_t> payload(rng.Below(200) + kDecodePadding);
    for (uint8_t& b : payload) b = static_cast<uint8_t>(rng.Next());
    for (ChunkEncoding e : {ChunkEncoding::kDigits, ChunkEncoding::kWords})
      (void)DecodeStrings(e, payload.data(), payload.size() - kDecodePadding, ends.data(), ends.size(), out.data());
  }
}

// Damaged copies of valid payloads: each decodes to corruption or to some
// values, never past its buffers (run under AddressSanitizer to check).
TEST(ColumnCodecTest, FlippedBytesInValidPayloadsNeverCrashTheDecoders) {
  Rng rng(18);
  std::vector<uint64_t> villages(3000);
  for (uint64_t& v : villages) v = 1101012001ULL + rng.Below(50) * 10000 + rng.Below(20);
  std::vector<uint64_t> niks(3000);
  for (size_t i = 0; i < niks.size(); ++i) niks[i] = 1000000000000000ULL + i * 977 + rng.Below(900);
  std::vector<uint8_t> small(3000);
  for (uint8_t& v : small) v = static_cast<uint8_t>(rng.Below(11));
  struct Case {
    std::vector<uint8_t> payload;
    ChunkEncoding encoding;
  };
  std::vector<Case> cases = {
      {Encode(villages, kAllowPlain | kAllowDictionary, ChunkEncoding::kDictionary), ChunkEncoding::kDictionary},
      {Encode(niks, kAllowPlain | kAllowDelta, ChunkEncoding::kDelta), ChunkEncoding::kDelta},
      {Encode(small, kAllowPlain | kAllowFrame, ChunkEncoding::kFrame), ChunkEncoding::kFrame},
  };
  for (const Case& c : cases) {
    for (int trial = 0; trial < 2000; ++trial) {
      std::vector<uint8_t> damaged = c.payload;
      for (int flips = 1 + static_cast<int>(rng.Below(3)); flips > 0; --flips)
        damaged[rng.Below(damaged.size())] ^= static_cast<uint8_t>(1 + rng.Below(255));
      (void)Decode<uint64_t>(c.encoding, damaged, 3000);
      (void)Decode<uint8_t>(c.encoding, damaged, 3000);
    }
  }
  for (const auto& strings : {Names(2000, 19), std::vector<std::string>(2000, "87654321")}) {
    std::string bytes;
    std::vector<uint32_t> offsets = {0};
    for (const std::string& str : strings) {
      bytes += str;
      offsets.push_back(static_cast<uint32_t>(bytes.size()));
    }
    ChunkEncoder encoder;
    std::vector<uint8_t> encoded;
    const ChunkEncoding encoding = encoder.EncodeStrings(offsets.data(), strings.size(), bytes.data(), &encoded);
    const std::vector<uint32_t> ends(offsets.begin() + 1, offsets.end());
    std::string out(ends.back() + kDecodePadding, '\0');
    for (int trial = 0; trial < 2000; ++trial) {
      std::vector<uint8_t> damaged = encoded;
      damaged[rng.Below(damaged.size())] ^= static_cast<uint8_t>(1 + rng.Below(255));
      const size_t size = damaged.size();
      damaged.resize(size + kDecodePadding);
      (void)DecodeStrings(encoding, damaged.data(), size, ends.data(), ends.size(), out.data());
    }
  }
}

}  // namespace
}  // namespace cakupan::sqlite
