// Blocking: hash each record's keys, gather equal keys by radix-partitioning
// on the hash's top byte and sorting each partition, emit pairs within each
// block, then deduplicate pairs across rules the same way.
#include "linkage/blocking.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/parallel.h"
#include "linkage/similarity_internal.h"

namespace cakupan {
namespace {

constexpr int kBuckets = 256;

uint64_t Fmix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t Key(uint64_t rule, uint64_t a, uint64_t b) {
  uint64_t h = Fmix(rule * 0x9E3779B97F4A7C15ULL ^ a);
  h = Fmix(h ^ (b + 0x632BE59BD9B4E019ULL));
  return h == 0 ? 1 : h;
}

uint64_t HashText(std::string_view s) {  // FNV-1a: stable across platforms
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

struct Entry {
  uint64_t key;
  uint32_t row;   // left rows, then right rows offset by the left size
  uint32_t rule;  // index of the blocking rule that gave the key
  bool operator<(const Entry& o) const { return key != o.key ? key < o.key : row < o.row; }
};

// Moves the elements of every chunk into one array grouped by bucket (stable
// within a bucket: chunk order, then element order). offsets gets kBuckets+1
// bucket boundaries.
template <typename T, typename BucketOf>
std::vector<T> Scatter(std::vector<std::vector<T>>& chunks, BucketOf bucket_of, int threads,
                       std::vector<size_t>* offsets) {
  const size_t n_chunks = chunks.size();
  std::vector<std::array<size_t, kBuckets>> hist(n_chunks);
  ParallelTasks(n_chunks, threads, [&](size_t c) {
    hist[c].fill(0);
    for (const T& x : chunks[c]) ++hist[c][bucket_of(x)];
  });
  offsets->assign(kBuckets + 1, 0);
  std::vector<std::array<size_t, kBuckets>> start(n_chunks);
  size_t pos = 0;
  for (int b = 0; b < kBuckets; ++b) {
    (*offsets)[b] = pos;
    for (size_t c = 0; c < n_chunks; ++c) {
      start[c][b] = pos;
      pos += hist[c][b];
    }
  }
  (*offsets)[kBuckets] = pos;
  std::vector<T> out(pos);
  ParallelTasks(n_chunks, threads, [&](size_t c) {
    auto& next = start[c];
    for (const T& x : chunks[c]) out[next[bucket_of(x)]++] = x;
    std::vector<T>().swap(chunks[c]);
  });
  return out;
}

}  // namespace

namespace {

uint64_t PhoneticHash(std::string_view name) {
  char key[kPhoneticKeyMax];
  return HashText(std::string_view(key, PhoneticKeyChars(name, key)));
}

}  // namespace

std::array<uint64_t, kBlockingRules> BlockingKeys(const PreparedRecords& r, size_t i) {
  std::array<uint64_t, kBlockingRules> keys{};
  const uint64_t nik = r.nik[i];
  const Date date = r.birth_date[i];
  const bool has_date = date != kNoDate;
  const std::string_view name = r.Name(i);
  const uint64_t region = r.region[i];
  const int depth = RegionDepth(region);
  const uint64_t date_bits = static_cast<uint32_t>(date);
  // a) NIK district (first 6 digits) + birth date.
  if (nik != 0 && has_date) keys[0] = Key(1, nik / 10000000000ULL, date_bits);
  // b) phonetic keys of the first and the last name token + birth year (the
  // first token alone makes blocks of every "muhamad" or "siti" born in a
  // year: too large at national scale).
  if (!name.empty() && has_date) {
    const size_t space = name.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? std::string_view() : name.substr(space + 1);
    keys[1] = Key(2, PhoneticHash(name) ^ (PhoneticHash(last) * 31), r.year[i]);
  }
  // c) region at district level + birth date.
  if (depth >= 3 && has_date) keys[2] = Key(3, region / 10000ULL, date_bits);
  // d) NIK first 12 digits; NIK last 10 digits (one wrong digit or swap in
  // the other part still meets).
  if (nik != 0) {
    keys[3] = Key(4, nik / 10000ULL, 0);
    keys[4] = Key(5, nik % 10000000000ULL, 0);
  }
  // e) normalised full name + regency (catches wrong birth dates).
  if (!name.empty() && depth >= 2) keys[5] = Key(6, HashText(name), region / 1000000ULL);
  return keys;
}

CandidatePairs FindCandidatePairs(const PreparedRecords& left, const PreparedRecords* right, size_t max_block_size,
                                  int threads) {
  const bool dedupe = right == nullptr;
  const size_t n_left = left.size();
  const size_t n_right = dedupe ? 0 : right->size();
  const size_t n = n_left + n_right;
  CandidatePairs result;
  if (n_left == 0 || (!dedupe && n_right == 0)) return result;
  constexpr int R = kBlockingRules;

  // 1. Every record's keys (rows: left, then right offset by n_left) and
  // the entries (key, row, rule), in fixed-size chunks of rows (independent
  // of the thread count). Linking: only keys that the smaller side has can
  // make a pair, so the smaller side's keys come first, into a bit filter
  // and an open-addressing set, and an entry of the larger side is kept only
  // when its key is in the set; blocks keep their full size (every entry
  // with the key). Deduplicating keeps every entry.
  constexpr size_t kChunkRows = 1 << 16;
  std::vector<uint64_t> keys(n * R);
  const size_t n_chunks = (n + kChunkRows - 1) / kChunkRows;
  std::vector<std::vector<Entry>> chunks(n_chunks);
  std::vector<uint64_t> small_keys;  // open addressing, 0 = empty
  uint64_t mask = 0;
  constexpr int kFilterBits = 22;
  std::vector<uint64_t> filter;  // bit (key >> 20) % 2^22 set for each key of the smaller side
  auto filter_bit = [](uint64_t key) { return (key >> 20) & ((uint64_t{1} << kFilterBits) - 1); };
  auto in_small = [&](uint64_t key) {
    const uint64_t bit = filter_bit(key);
    if ((filter[bit >> 6] >> (bit & 63) & 1) == 0) return false;
    for (uint64_t slot = Fmix(key) & mask;; slot = (slot + 1) & mask) {
      if (small_keys[slot] == key) return true;
      if (small_keys[slot] == 0) return false;
    }
  };
  // Keys and entries of rows [side_begin, side_end) in every chunk meeting
  // them; with `check`, only entries whose key the smaller side has.
  auto side_entries = [&](size_t side_begin, size_t side_end, bool check) {
    if (side_begin >= side_end) return;
    const size_t first = side_begin / kChunkRows, last = (side_end - 1) / kChunkRows;
    ParallelTasks(last - first + 1, threads, [&](size_t c) {
      const size_t chunk = first + c;
      const size_t begin = std::max(side_begin, chunk * kChunkRows);
      const size_t end = std::min(side_end, (chunk + 1) * kChunkRows);
      std::vector<Entry>& out = chunks[chunk];
      out.reserve(out.size() + (check ? (end - begin) / 2 : (end - begin) * R));
      for (size_t row = begin; row < end; ++row) {
        const auto k = row < n_left ? BlockingKeys(left, row) : BlockingKeys(*right, row - n_left);
        std::copy(k.begin(), k.end(), keys.begin() + row * R);
        for (int r = 0; r < R; ++r) {
          if (k[r] == 0 || (check && !in_small(k[r]))) continue;
          out.push_back(Entry{k[r], static_cast<uint32_t>(row), static_cast<uint32_t>(r)});
        }
      }
    });
  };
  if (dedupe) {
    side_entries(0, n, false);
  } else {
    const bool right_smaller = n_right <= n_left;
    const size_t small_begin = right_smaller ? n_left : 0, small_end = right_smaller ? n : n_left;
    side_entries(small_begin, small_end, false);
    size_t capacity = 16;
    while (capacity < (small_end - small_begin) * R * 2) capacity <<= 1;
    small_keys.assign(capacity, 0);
    mask = capacity - 1;
    filter.assign((uint64_t{1} << kFilterBits) / 64, 0);
    for (size_t k = small_begin * R; k < small_end * R; ++k) {
      const uint64_t key = keys[k];
      if (key == 0) continue;
      const uint64_t bit = filter_bit(key);
      filter[bit >> 6] |= uint64_t{1} << (bit & 63);
      for (uint64_t slot = Fmix(key) & mask;; slot = (slot + 1) & mask) {
        if (small_keys[slot] == key) break;
        if (small_keys[slot] == 0) {
          small_keys[slot] = key;
          break;
        }
      }
    }
    side_entries(right_smaller ? 0 : n_left, right_smaller ? n_left : n, true);
  }
  std::vector<uint64_t>().swap(small_keys);
  std::vector<uint64_t>().swap(filter);
  std::vector<size_t> offsets;
  std::vector<Entry> entries = Scatter(chunks, [](const Entry& e) { return e.key >> 56; }, threads, &offsets);

  // 3. Blocks: sort each bucket into runs of equal keys; mark the (row,
  // rule) entries whose block is small enough to be paired.
  std::vector<uint8_t> small(n * R, 0);
  ParallelTasks(kBuckets, threads, [&](size_t b) {
    std::sort(entries.begin() + offsets[b], entries.begin() + offsets[b + 1]);
    size_t i = offsets[b];
    while (i < offsets[b + 1]) {
      size_t j = i;
      while (j < offsets[b + 1] && entries[j].key == entries[i].key) ++j;
      if (j - i <= max_block_size) {
        for (size_t x = i; x < j; ++x) small[static_cast<size_t>(entries[x].row) * R + entries[x].rule] = 1;
      }
      i = j;
    }
  });

  // 4. Pairs within each block. A pair is emitted only by the first rule
  // whose (small enough) block holds both records, so every distinct pair
  // comes out once without sorting the pairs. Two passes: count each
  // bucket's pairs, then write them in place (bucket order).
  std::vector<int64_t> bucket_blocks(kBuckets, 0), bucket_skipped(kBuckets, 0);
  auto each_pair = [&](size_t b, auto&& emit) {
    int64_t blocks = 0, skipped = 0;
    size_t i = offsets[b];
    while (i < offsets[b + 1]) {
      size_t j = i;
      while (j < offsets[b + 1] && entries[j].key == entries[i].key) ++j;
      // Rows are sorted, so left rows come first.
      size_t first_right = i;
      if (!dedupe) {
        while (first_right < j && entries[first_right].row < n_left) ++first_right;
      }
      const bool has_pairs = dedupe ? j - i >= 2 : (first_right > i && first_right < j);
      if (has_pairs) {
        if (j - i > max_block_size) {
          ++skipped;
        } else {
          ++blocks;
          const int rule = static_cast<int>(entries[i].rule);
          const size_t y_begin = dedupe ? i : first_right;
          const size_t x_end = dedupe ? j : first_right;
          for (size_t x = i; x < x_end; ++x) {
            const uint32_t row_x = entries[x].row;
            const uint64_t* kx = &keys[static_cast<size_t>(row_x) * R];
            const uint8_t* sx = &small[static_cast<size_t>(row_x) * R];
            for (size_t y = dedupe ? x + 1 : y_begin; y < j; ++y) {
              const uint32_t row_y = entries[y].row;
              const uint64_t* ky = &keys[static_cast<size_t>(row_y) * R];
              bool earlier = false;
              for (int r = 0; r < rule; ++r) earlier |= (kx[r] == ky[r]) & (kx[r] != 0) & (sx[r] != 0);
              if (!earlier) emit(static_cast<uint64_t>(row_x) << 32 | (dedupe ? row_y : row_y - n_left));
            }
          }
        }
      }
      i = j;
    }
    bucket_blocks[b] = blocks;
    bucket_skipped[b] = skipped;
  };
  std::vector<size_t> bucket_count(kBuckets + 1, 0);
  ParallelTasks(kBuckets, threads, [&](size_t b) {
    size_t count = 0;
    each_pair(b, [&count](uint64_t) { ++count; });
    bucket_count[b] = count;
  });
  size_t total = 0;
  for (int b = 0; b < kBuckets; ++b) {
    const size_t c = bucket_count[b];
    bucket_count[b] = total;  // now the bucket's first pair
    total += c;
    result.blocks += bucket_blocks[b];
    result.skipped_blocks += bucket_skipped[b];
  }
  result.pairs.resize(total);
  uint64_t* out = result.pairs.data();
  ParallelTasks(kBuckets, threads, [&](size_t b) {
    uint64_t* next = out + bucket_count[b];
    each_pair(b, [&next](uint64_t pair) { *next++ = pair; });
  });
  return result;
}

}  // namespace cakupan
