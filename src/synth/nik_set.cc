#include "synth/nik_set.h"

namespace cakupan {

NikSet::NikSet(int64_t expected) {
  int bits = 4;
  while ((int64_t{1} << bits) * 7 / 10 < expected) ++bits;
  slots_.assign(size_t{1} << bits, 0);
  shift_ = 64 - bits;
  limit_ = static_cast<int64_t>(slots_.size()) * 7 / 10;
}

bool NikSet::Insert(uint64_t nik) {
  if (size_ >= limit_) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = Slot(nik);; i = (i + 1) & mask) {
    if (slots_[i] == nik) return false;
    if (slots_[i] == 0) {
      slots_[i] = nik;
      ++size_;
      return true;
    }
  }
}

bool NikSet::Contains(uint64_t nik) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = Slot(nik);; i = (i + 1) & mask) {
    if (slots_[i] == nik) return true;
    if (slots_[i] == 0) return false;
  }
}

void NikSet::Grow() {
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, 0);
  --shift_;
  limit_ = static_cast<int64_t>(slots_.size()) * 7 / 10;
  const size_t mask = slots_.size() - 1;
  for (uint64_t v : old) {
    if (v == 0) continue;
    size_t i = Slot(v);
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = v;
  }
}

}  // namespace cakupan
