// A column of strings stored as one byte buffer plus offsets (no per-row
// std::string): row i is bytes[offsets[i], offsets[i+1]). Value type; not
// thread-safe for concurrent mutation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cakupan {

class StringColumn {
 public:
  StringColumn() : offsets_{0} {}
  // Takes ownership of prepared parts; offsets must start at 0, be
  // non-decreasing and end at bytes.size() (checked by Valid()).
  StringColumn(std::vector<uint32_t> offsets, std::string bytes)
      : offsets_(std::move(offsets)), bytes_(std::move(bytes)) {}

  size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  std::string_view operator[](size_t i) const {
    return std::string_view(bytes_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  void push_back(std::string_view s) {
    bytes_.append(s.data(), s.size());
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  void reserve(size_t rows, size_t bytes) {
    offsets_.reserve(rows + 1);
    bytes_.reserve(bytes);
  }
  void clear() {
    offsets_.assign(1, 0);
    bytes_.clear();
  }
  // Total bytes; a column must stay below 4 GiB (offsets are 32-bit).
  size_t byte_size() const { return bytes_.size(); }
  const std::vector<uint32_t>& offsets() const { return offsets_; }
  const std::string& bytes() const { return bytes_; }
  bool Valid() const;

  // New column whose row i is this column's row rows[i].
  StringColumn Gather(const std::vector<uint32_t>& rows) const;
  void Append(const StringColumn& other, size_t row) { push_back(other[row]); }

 private:
  std::vector<uint32_t> offsets_;
  std::string bytes_;
};

}  // namespace cakupan
