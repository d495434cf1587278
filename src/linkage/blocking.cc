// Blocking: hash each record's keys, gather equal keys by radix-partitioning
// on the hash's top byte and sorting each partition, emit pairs within each
// block, then deduplicate pairs across rules the same way.
#include "linkage/blocking.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/parallel.h"

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
  uint32_t row;  // left rows, then right rows offset by the left size
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
  // b) phonetic key of the first name token + birth year.
  if (!name.empty() && has_date) keys[1] = Key(2, HashText(PhoneticKey(name)), r.year[i]);
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

  // 1. Keys, in fixed-size chunks of rows (independent of the thread count).
  constexpr size_t kChunkRows = 1 << 16;
  const size_t n_chunks = (n + kChunkRows - 1) / kChunkRows;
  std::vector<std::vector<Entry>> chunks(n_chunks);
  ParallelTasks(n_chunks, threads, [&](size_t c) {
    const size_t begin = c * kChunkRows, end = std::min(n, begin + kChunkRows);
    auto& out = chunks[c];
    out.reserve((end - begin) * 3);
    for (size_t row = begin; row < end; ++row) {
      const auto keys = row < n_left ? BlockingKeys(left, row) : BlockingKeys(*right, row - n_left);
      for (uint64_t k : keys) {
        if (k != 0) out.push_back(Entry{k, static_cast<uint32_t>(row)});
      }
    }
  });
  std::vector<size_t> offsets;
  std::vector<Entry> entries = Scatter(chunks, [](const Entry& e) { return e.key >> 56; }, threads, &offsets);

  // 2. Blocks: sort each bucket, pair up within runs of equal keys.
  std::vector<std::vector<uint64_t>> bucket_pairs(kBuckets);
  std::vector<int64_t> bucket_blocks(kBuckets, 0), bucket_skipped(kBuckets, 0);
  ParallelTasks(kBuckets, threads, [&](size_t b) {
    std::sort(entries.begin() + offsets[b], entries.begin() + offsets[b + 1]);
    auto& out = bucket_pairs[b];
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
          ++bucket_skipped[b];
        } else {
          ++bucket_blocks[b];
          if (dedupe) {
            for (size_t x = i; x < j; ++x) {
              for (size_t y = x + 1; y < j; ++y) {
                out.push_back(static_cast<uint64_t>(entries[x].row) << 32 | entries[y].row);
              }
            }
          } else {
            for (size_t x = i; x < first_right; ++x) {
              for (size_t y = first_right; y < j; ++y) {
                out.push_back(static_cast<uint64_t>(entries[x].row) << 32 | (entries[y].row - n_left));
              }
            }
          }
        }
      }
      i = j;
    }
  });
  std::vector<Entry>().swap(entries);
  for (int b = 0; b < kBuckets; ++b) {
    result.blocks += bucket_blocks[b];
    result.skipped_blocks += bucket_skipped[b];
  }

  // 3. The same pair from several rules: group by a hash of the pair, sort,
  // unique.
  std::vector<uint64_t> pairs = Scatter(bucket_pairs, [](uint64_t p) { return Fmix(p) >> 56; }, threads, &offsets);
  std::vector<size_t> unique_end(kBuckets);
  ParallelTasks(kBuckets, threads, [&](size_t b) {
    auto first = pairs.begin() + offsets[b], last = pairs.begin() + offsets[b + 1];
    std::sort(first, last);
    unique_end[b] = std::unique(first, last) - pairs.begin();
  });
  size_t out = 0;
  for (int b = 0; b < kBuckets; ++b) {
    for (size_t i = offsets[b]; i < unique_end[b]; ++i) pairs[out++] = pairs[i];
  }
  pairs.resize(out);
  pairs.shrink_to_fit();
  result.pairs = std::move(pairs);
  return result;
}

}  // namespace cakupan
