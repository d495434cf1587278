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
  ASSERT_TRUE(LengthsToOffsets(lengths.data(), lengths.size(), 204).ok());
  EXPECT_EQ(lengths, (std::vector<uint32_t>{0, 3, 3, 203, 204}));
  std::vector<uint32_t> wrong = {1, 2};
  EXPECT_EQ(LengthsToOffsets(wrong.data(), wrong.size(), 4).code(), StatusCode::kCorruption);
  std::vector<uint32_t> huge = {UINT32_MAX, UINT32_MAX};
  EXPECT_EQ(LengthsToOffsets(huge.data(), huge.size(), 2).code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace cakupan::sqlite
