#include "ingest/page_advice.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <new>

namespace cakupan {

void ReleasePages(void* data, size_t bytes) {
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + page - 1) & ~(page - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(page - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

void ZeroedFree::operator()(void* p) const {
  if (p != nullptr) ::munmap(p, bytes);
}

std::unique_ptr<void, ZeroedFree> AllocateZeroed(size_t bytes) {
  if (bytes == 0) bytes = 1;
  int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
  flags |= MAP_POPULATE;
#endif
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, flags, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  return std::unique_ptr<void, ZeroedFree>(p, ZeroedFree{bytes});
}

}  // namespace cakupan
