#include "ingest/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/i18n.h"

namespace cakupan {

namespace {

inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Trims blanks at both ends of [b, e) (the delimiter is never a blank here:
// with TAB as delimiter a TAB never reaches a field).
inline std::string_view TrimField(const char* b, const char* e) {
  while (b < e && IsBlank(*b)) ++b;
  while (e > b && IsBlank(e[-1])) --e;
  return std::string_view(b, static_cast<size_t>(e - b));
}

std::string ErrnoText(int err) { return std::strerror(err); }

// Bytes readable past the sentinel, so that a 64-byte window starting at or
// before it never leaves the buffer.
constexpr size_t kPadding = 64;

// First byte at or after q equal to a or b. The buffer holds one of them (the
// sentinel) before its padding ends.
inline char* FindEither(char* q, char a, char b) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (;;) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
    if (m != 0) return q + __builtin_ctz(static_cast<unsigned>(m));
    q += 16;
  }
#else
  while (*q != a && *q != b) ++q;
  return q;
#endif
}

// Bit i of *structural says whether q[i] is the delimiter or '\n', of
// *newlines whether it is '\n', of *quotes whether it is '"' (i < 64).
inline void Masks64(const char* q, char d, uint64_t* structural, uint64_t* newlines, uint64_t* quotes) {
#if defined(__SSE2__)
  const __m128i vd = _mm_set1_epi8(d), vn = _mm_set1_epi8('\n'), vq = _mm_set1_epi8('"');
  uint64_t s = 0, n = 0, qm = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * k));
    const __m128i is_nl = _mm_cmpeq_epi8(x, vn);
    n |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(is_nl))) << (16 * k);
    s |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(is_nl, _mm_cmpeq_epi8(x, vd)))))
         << (16 * k);
    qm |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, vq)))) << (16 * k);
  }
  *structural = s, *newlines = n, *quotes = qm;
#else
  uint64_t s = 0, n = 0, qm = 0;
  for (int i = 0; i < 64; ++i) {
    const uint64_t bit = uint64_t{1} << i;
    if (q[i] == '\n') n |= bit, s |= bit;
    else if (q[i] == d) s |= bit;
    else if (q[i] == '"') qm |= bit;
  }
  *structural = s, *newlines = n, *quotes = qm;
#endif
}

}  // namespace

// --- InputFile ---------------------------------------------------------------

Result<InputFile> InputFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    return Status::IoError(path + ": " + Tr("cannot open: ", "tidak dapat dibuka: ") + ErrnoText(err));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::IoError(path + ": " + ErrnoText(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError(path + ": " + Tr("not a regular file", "bukan berkas biasa"));
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return InputFile(fd, static_cast<uint64_t>(st.st_size), path);
}

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(other.fd_), size_(other.size_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    size_ = other.size_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<size_t> InputFile::ReadAt(uint64_t offset, char* out, size_t n) const {
  if (offset >= size_) return size_t{0};
  n = static_cast<size_t>(std::min<uint64_t>(n, size_ - offset));
  size_t done = 0;
  while (done < n) {
    ssize_t r = ::pread(fd_, out + done, n - done, static_cast<off_t>(offset + done));
    if (r < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      return Status::IoError(path_ + ": " + Tr("read error: ", "gagal membaca: ") + ErrnoText(err));
    }
    if (r == 0) break;  // the file shrank
    done += static_cast<size_t>(r);
  }
  return done;
}

// --- Dialect -----------------------------------------------------------------

CsvDialect DetectCsvDialect(std::string_view head) {
  CsvDialect d;
  if (head.size() >= 3 && static_cast<unsigned char>(head[0]) == 0xEF &&
      static_cast<unsigned char>(head[1]) == 0xBB && static_cast<unsigned char>(head[2]) == 0xBF) {
    d.bom_bytes = 3;
    head.remove_prefix(3);
  }
  int64_t commas = 0, semicolons = 0, tabs = 0;
  bool in_quotes = false;
  bool line_has_content = false;
  for (char c : head) {
    if (in_quotes) {
      if (c == '"') in_quotes = false;  // "" re-enters on the next quote: counts stay right
      continue;
    }
    if (c == '"') {
      in_quotes = true;
      line_has_content = true;
    } else if (c == '\n') {
      if (line_has_content) break;  // end of the first non-blank line
    } else if (c == ',') {
      ++commas;
      line_has_content = true;
    } else if (c == ';') {
      ++semicolons;
      line_has_content = true;
    } else if (c == '\t') {
      ++tabs;
    } else if (c != ' ' && c != '\r') {
      line_has_content = true;
    }
  }
  if (semicolons > commas && semicolons >= tabs) d.delimiter = ';';
  else if (tabs > commas && tabs > semicolons) d.delimiter = '\t';
  else d.delimiter = ',';
  return d;
}

// --- CsvReader ---------------------------------------------------------------

CsvReader::CsvReader(const InputFile& file, const CsvReaderOptions& options)
    : file_(file),
      delim_(options.delimiter),
      end_(options.end),
      line_(options.first_line),
      block_bytes_(std::max<size_t>(options.block_bytes, 16)),
      max_record_bytes_(std::max(options.max_record_bytes, block_bytes_)),
      hasher_(options.hasher),
      fast_unquoted_(options.fast_unquoted) {
  // A small file needs no full block (records longer than this grow it).
  const uint64_t remaining = file_.size() > options.begin ? file_.size() - options.begin : 0;
  capacity_ = static_cast<size_t>(std::min<uint64_t>(block_bytes_, std::max<uint64_t>(remaining + 1, 4096)));
  buf_.reset(new char[capacity_ + 1 + kPadding]());
  buffer_offset_ = options.begin;
  next_read_ = options.begin;
  eof_ = next_read_ >= file_.size();
  buf_[0] = '\n';
  fields_.reserve(64);
}

bool CsvReader::Refill() {
  // Keep the unconsumed tail (a record that spans blocks) at the front.
  const size_t tail = data_end_ - pos_;
  if (pos_ > 0) {
    if (tail > 0) std::memmove(buf_.get(), buf_.get() + pos_, tail);
    buffer_offset_ += pos_;
    pos_ = 0;
    data_end_ = tail;
  }
  if (data_end_ > capacity_ / 2 && capacity_ < max_record_bytes_) {
    // One record fills most of the buffer: grow it.
    const size_t new_capacity = std::min(capacity_ * 2, max_record_bytes_);
    std::unique_ptr<char[]> bigger(new char[new_capacity + 1 + kPadding]());
    std::memcpy(bigger.get(), buf_.get(), data_end_);
    buf_ = std::move(bigger);
    capacity_ = new_capacity;
  }
  if (data_end_ == capacity_) {
    status_ = Status::DataError(
        Tr("a record longer than ", "satu baris lebih panjang dari ") + std::to_string(max_record_bytes_ >> 20) +
        Tr(" MiB starts at line ", " MiB mulai di baris ") + std::to_string(line_) +
        Tr(" (an unclosed quote?)", " (tanda kutip tidak ditutup?)"));
    return false;
  }
  const size_t want = capacity_ - data_end_;
  Result<size_t> got = file_.ReadAt(next_read_, buf_.get() + data_end_, want);
  if (!got.ok()) {
    status_ = got.status();
    return false;
  }
  if (hasher_ != nullptr) hasher_->Update(next_read_, buf_.get() + data_end_, *got);
  next_read_ += *got;
  data_end_ += *got;
  eof_ = *got == 0 || next_read_ >= file_.size();
  buf_[data_end_] = '\n';  // sentinel: every scan loop stops here
  return true;
}

bool CsvReader::ParseRecord(size_t* next, int64_t* newlines, bool* unterminated) {
  // Fast path: a record without any quote, read 64 bytes at a time; the
  // fields end at the delimiters and the first newline. A record holding a
  // quote goes to ParseQuotedRecord (from its start).
  char* const base = buf_.get();
  char* const end = base + data_end_;
  char* field = base + pos_;
  fields_.clear();
  fixups_.clear();
  *unterminated = false;
  for (char* w = field;; w += 64) {
    uint64_t structural, nl, quotes;
    Masks64(w, delim_, &structural, &nl, &quotes);
    // Bits up to and including the first newline (the sentinel at `end`
    // guarantees one before the padding ends).
    const uint64_t upto = nl == 0 ? ~uint64_t{0} : (nl ^ (nl - 1));
    if ((quotes & upto) != 0) return ParseQuotedRecord(next, newlines, unterminated);
    uint64_t bits = structural & upto;
    while (bits != 0) {
      char* const e = w + __builtin_ctzll(bits);
      fields_.push_back(TrimField(field, e));
      field = e + 1;
      bits &= bits - 1;
    }
    if (nl != 0) {
      char* const stop = field - 1;  // the newline
      if (stop == end) {
        if (!eof_) return false;  // the record may go on in the next block
        *next = data_end_;
        *newlines = 0;
      } else {
        *next = static_cast<size_t>(field - base);
        *newlines = 1;
      }
      return true;
    }
  }
}

bool CsvReader::ParseQuotedRecord(size_t* next, int64_t* newlines, bool* unterminated) {
  char* const base = buf_.get();
  char* const end = base + data_end_;
  char* p = base + pos_;
  const char d = delim_;
  int64_t nl = 0;
  fields_.clear();
  fixups_.clear();
  *unterminated = false;
  for (;;) {
    if (*p == '"' && p != end) {
      // Quoted field: scan to the closing quote, counting embedded newlines.
      char* q = p + 1;
      bool escaped = false;
      for (;;) {
        q = FindEither(q, '"', '\n');
        if (q == end) {
          if (!eof_) return false;
          *unterminated = true;
          break;
        }
        if (*q == '\n') {
          ++nl;
          ++q;
          continue;
        }
        if (q + 1 == end && !eof_) return false;  // "" may continue in the next block
        if (q[1] == '"') {
          escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      if (*unterminated) {
        fields_.emplace_back(p + 1, static_cast<size_t>(end - (p + 1)));
        p = end;
      } else {
        char* const close = q;
        char* r = q + 1;
        bool trailing_text = false;
        while (*r != d && *r != '\n') {
          if (!IsBlank(*r)) trailing_text = true;
          ++r;
        }
        if (r == end && !eof_) return false;
        if (escaped || trailing_text) fixups_.push_back({fields_.size(), p, r});
        fields_.emplace_back(p + 1, static_cast<size_t>(close - (p + 1)));
        p = r;
      }
    } else {
      char* q = FindEither(p, d, '\n');
      if (q == end && !eof_) return false;
      fields_.push_back(TrimField(p, q));
      p = q;
    }
    if (p == end) break;
    if (*p == d) {
      ++p;
      continue;
    }
    ++nl;  // the record's own line end
    ++p;
    break;
  }
  *next = static_cast<size_t>(p - base);
  *newlines = nl;
  return true;
}

void CsvReader::ApplyFixups() {
  for (const Fixup& f : fixups_) {
    // Unescape in place: the output is never longer than the input.
    char* out = f.raw_begin;
    char* last = out;  // end of the significant text (blanks outside quotes trimmed)
    bool in_quotes = false;
    for (char* s = f.raw_begin; s < f.raw_end; ++s) {
      const char c = *s;
      if (in_quotes) {
        if (c == '"') {
          if (s + 1 < f.raw_end && s[1] == '"') {
            *out++ = '"';
            ++s;
          } else {
            in_quotes = false;
          }
        } else {
          *out++ = c;
        }
        last = out;
      } else if (c == '"') {
        in_quotes = true;
      } else {
        *out++ = c;
        if (!IsBlank(c)) last = out;
      }
    }
    fields_[f.field] = std::string_view(f.raw_begin, static_cast<size_t>(last - f.raw_begin));
  }
}

bool CsvReader::Next(CsvRecord* record) {
  if (!status_.ok()) return false;
  for (;;) {
    if (pos_ == data_end_) {
      if (eof_) return false;
      if (!Refill()) return false;
      continue;
    }
    const uint64_t offset = buffer_offset_ + pos_;
    if (offset >= end_) return false;
    size_t next = 0;
    int64_t newlines = 0;
    bool unterminated = false;
    if (!ParseRecord(&next, &newlines, &unterminated)) {
      if (!Refill()) return false;
      continue;
    }
    const int64_t start_line = line_;
    pos_ = next;
    line_ += newlines;
    ApplyFixups();
    bool blank = true;
    for (std::string_view f : fields_) {
      if (!f.empty()) {
        blank = false;
        break;
      }
    }
    if (blank) continue;  // a blank line, or only delimiters: not a data row
    record->line = start_line;
    record->offset = offset;
    record->fields = std::span<const std::string_view>(fields_.data(), fields_.size());
    record->unterminated_quote = unterminated;
    return true;
  }
}

}  // namespace cakupan
