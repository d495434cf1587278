#include "domain/string_column.h"

namespace cakupan {

bool StringColumn::Valid() const {
  if (offsets_.empty() || offsets_.front() != 0 || offsets_.back() != bytes_.size()) return false;
  for (size_t i = 1; i < offsets_.size(); ++i)
    if (offsets_[i] < offsets_[i - 1]) return false;
  return true;
}

StringColumn StringColumn::Gather(const std::vector<uint32_t>& rows) const {
  size_t total = 0;
  for (uint32_t r : rows) total += offsets_[r + 1] - offsets_[r];
  StringColumn out;
  out.reserve(rows.size(), total);
  for (uint32_t r : rows) out.push_back((*this)[r]);
  return out;
}

}  // namespace cakupan
