// Advice to the kernel about large working memory.
//
// Release: the pages of a column already copied elsewhere are given back at
// once, so that concatenating the parts of a read never holds two copies of
// a column. Populate: the duplicate index is probed at random, so its pages
// are mapped in one call up front instead of by a page fault every few
// probes.
//
// Transparent huge pages were tried and left out: on the development VM a
// fresh 2 MiB page costs far more to zero than the 512 faults it saves
// (clear_page took a third of the read's CPU time).
// Thread-safe (no state).
#pragma once

#include <cstddef>
#include <memory>

namespace cakupan {

// Gives back the whole pages inside [data, data + bytes) (MADV_DONTNEED):
// their contents become zeros. Only for memory the caller owns and will not
// read again before freeing it (a column already copied out). Never fails.
void ReleasePages(void* data, size_t bytes);

// Zero-filled memory of `bytes` bytes from mmap, its pages mapped up front;
// throws std::bad_alloc when there is none. Freed by the deleter.
struct ZeroedFree {
  size_t bytes = 0;
  void operator()(void* p) const;
};
std::unique_ptr<void, ZeroedFree> AllocateZeroed(size_t bytes);

}  // namespace cakupan
