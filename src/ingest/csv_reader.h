// A streaming CSV reader for the files people export from Excel and from
// BPJS / BPS systems: UTF-8 with or without BOM; ',', ';' or TAB separated;
// RFC 4180 quoting (a quoted field may hold the delimiter, newlines and ""
// escapes); LF or CRLF line ends; blank lines skipped; a missing final
// newline is fine.
//
// The reader holds one block of the file at a time (plus a record that spans
// blocks) and hands out records as string_views into that block: no per-field
// allocation. It can read a byte range of a file so that several readers
// parse one file in parallel (ingest/scan.h), and can feed every piece it
// reads to a ChunkHasher (the content hash, ingest/content_hash.h). A record
// without quotes is split 64 bytes at a time; one with quotes field by field.
//
// Lenient rules, all documented in docs/data-formats.md:
//  - a quote is special only at the start of a field; elsewhere it is text;
//  - unquoted fields are trimmed of spaces, tabs and CR at both ends;
//  - text after a closing quote is kept without the quotes ("ab"c gives abc);
//    blanks after a closing quote are dropped;
//  - a record whose fields are all empty (",,,", a line of spaces) is a blank
//    line, not a data row.
//
// Thread-safety: InputFile may be shared by readers on several threads;
// a CsvReader is used by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/content_hash.h"

namespace cakupan {

// A regular file opened for positional reads (pread). Owns the descriptor;
// movable, not copyable. ReadAt may be called from several threads at once.
class InputFile {
 public:
  // kIoError naming the path when the file cannot be opened or is not a
  // regular file.
  static Result<InputFile> Open(const std::string& path);

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  // Size when opened; readers never look past it.
  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

  // Reads up to `n` bytes at `offset` into `out`; fewer only at the end of
  // the file. Returns the count, or kIoError.
  Result<size_t> ReadAt(uint64_t offset, char* out, size_t n) const;

 private:
  InputFile(int fd, uint64_t size, std::string path) : fd_(fd), size_(size), path_(std::move(path)) {}
  int fd_ = -1;
  uint64_t size_ = 0;
  std::string path_;
};

struct CsvDialect {
  char delimiter = ',';
  size_t bom_bytes = 0;  // 3 when the file starts with the UTF-8 BOM
};

// Detects the BOM and the delimiter from the first bytes of a file: the one of
// ',', ';' and TAB that occurs most often outside quotes in the first
// non-blank line (ties prefer ',' then ';'); ',' when none occurs.
CsvDialect DetectCsvDialect(std::string_view head);

struct CsvRecord {
  int64_t line = 0;      // physical line where the record starts (see CsvReaderOptions::first_line)
  uint64_t offset = 0;   // byte offset in the file where the record starts
  std::span<const std::string_view> fields;  // valid until the next Next()
  bool unterminated_quote = false;  // the file ended inside a quoted field
};

struct CsvReaderOptions {
  char delimiter = ',';
  uint64_t begin = 0;          // must be the start of a record or of a line outside quotes
  uint64_t end = UINT64_MAX;   // stop at the first record starting at or after it
  int64_t first_line = 1;      // line number of the line starting at `begin`
  size_t block_bytes = 8u << 20;
  // A record longer than this is a structural error (an unclosed quote, or
  // not a CSV file); the buffer grows up to it.
  size_t max_record_bytes = 64u << 20;
  // Records without a quote are split 64 bytes at a time; tests turn this
  // off to check that the general parser gives the same records.
  bool fast_unquoted = true;
  // When set, every piece of the file read is fed to it (it hashes the
  // content-hash chunks that the reader reads whole).
  ChunkHasher* hasher = nullptr;
};

// Reads the records that start in [begin, end) of a file, in order. A record
// that starts before `end` is read to its end even past `end`.
class CsvReader {
 public:
  CsvReader(const InputFile& file, const CsvReaderOptions& options);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Fills *record with the next non-blank record and returns true; returns
  // false at the end of the range or on error (then status() is not OK).
  bool Next(CsvRecord* record);
  const Status& status() const { return status_; }

  // File offset just after everything consumed so far (the last record
  // returned and any blank lines after it, up to the next record).
  uint64_t position() const { return buffer_offset_ + pos_; }
  // Physical line number at position().
  int64_t line() const { return line_; }
  // Moves the end of the range (used when a parallel split turns out not to
  // be a record boundary).
  void set_end(uint64_t end) { end_ = end; }

 private:
  struct Fixup {
    size_t field;
    char* raw_begin;
    char* raw_end;
  };
  // Loads more data, keeping the unconsumed tail. False on error.
  bool Refill();
  // Parses the record starting at pos_. Returns false when it runs past the
  // buffered data and more data is to come.
  bool ParseRecord(size_t* next, int64_t* newlines, bool* unterminated);
  // The same for any record (quotes included), a field at a time.
  bool ParseQuotedRecord(size_t* next, int64_t* newlines, bool* unterminated);
  void ApplyFixups();

  const InputFile& file_;
  const char delim_;
  uint64_t end_;
  int64_t line_;
  size_t block_bytes_;
  size_t max_record_bytes_;
  ChunkHasher* hasher_;
  const bool fast_unquoted_;

  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;        // usable bytes (allocated: + 1 sentinel + 64 padding for SIMD loads)
  uint64_t buffer_offset_ = 0; // file offset of buf_[0]
  size_t pos_ = 0;             // first unconsumed byte
  size_t data_end_ = 0;        // one past the last valid byte; buf_[data_end_] == '\n'
  uint64_t next_read_ = 0;     // file offset of the next read
  bool eof_ = false;           // no data after data_end_
  Status status_;

  std::vector<std::string_view> fields_;
  std::vector<Fixup> fixups_;
};

}  // namespace cakupan
