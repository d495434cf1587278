#include "synth/csv_out.h"

#include <cerrno>
#include <cstring>

namespace cakupan {

namespace {

// Appends `v` in decimal, at least `width` digits (zero-padded).
void AppendDigits(std::string& out, uint64_t v, int width) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < width) tmp[n++] = '0';
  while (n > 0) out.push_back(tmp[--n]);
}

}  // namespace

CsvOut::~CsvOut() {
  if (file_ != nullptr) std::fclose(file_);
}

Status CsvOut::Open(const std::string& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) return Status::IoError("cannot create " + path + ": " + std::strerror(errno));
  buf_.reserve(kFlushAt + 4096);
  row_start_ = true;
  failed_ = false;
  return Status::Ok();
}

void CsvOut::Flush() {
  if (file_ != nullptr && !buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
    failed_ = true;
  buf_.clear();
}

Status CsvOut::Close() {
  if (file_ == nullptr) return Status::Ok();
  Flush();
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  if (failed_) return Status::IoError("cannot write " + path_);
  return Status::Ok();
}

void CsvOut::Text(std::string_view s) {
  Sep();
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    buf_.append(s);
    return;
  }
  buf_.push_back('"');
  for (char c : s) {
    if (c == '"') buf_.push_back('"');
    buf_.push_back(c);
  }
  buf_.push_back('"');
}

void CsvOut::Raw(std::string_view s) {
  Sep();
  buf_.append(s);
}

void CsvOut::Uint(uint64_t v) {
  Sep();
  AppendDigits(buf_, v, 1);
}

void CsvOut::Padded(uint64_t v, int width) {
  Sep();
  AppendDigits(buf_, v, width);
}

void CsvOut::IsoDate(Date d) {
  Sep();
  const CivilDate c = CivilFromDate(d);
  AppendDigits(buf_, static_cast<uint64_t>(c.year), 4);
  buf_.push_back('-');
  AppendDigits(buf_, static_cast<uint64_t>(c.month), 2);
  buf_.push_back('-');
  AppendDigits(buf_, static_cast<uint64_t>(c.day), 2);
}

void CsvOut::Month(Period p) {
  Sep();
  AppendDigits(buf_, static_cast<uint64_t>(p.year()), 4);
  buf_.push_back('-');
  AppendDigits(buf_, static_cast<uint64_t>(p.month()), 2);
}

void CsvOut::Empty() { Sep(); }

void CsvOut::EndRow() {
  buf_.push_back('\n');
  row_start_ = true;
  MaybeFlush();
}

}  // namespace cakupan
