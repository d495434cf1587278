#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <system_error>
#include <thread>
#include <vector>

namespace cakupan {

int DefaultThreads() {
  if (const char* env = std::getenv("CAKUPAN_THREADS"); env && *env) {
    const int n = std::atoi(env);
    if (n >= 1 && n <= 64) return n;
  }
  const unsigned hw = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(hw == 0 ? 1u : hw, 1u, 8u));
}

void ParallelRanges(size_t n, int parts, const std::function<void(int, size_t, size_t)>& fn) {
  if (parts <= 1 || n < 2) {
    fn(0, 0, n);
    return;
  }
  parts = static_cast<int>(std::min<size_t>(static_cast<size_t>(parts), n));
  std::vector<std::thread> threads;
  threads.reserve(parts - 1);
  auto range = [&](int p) { return std::pair<size_t, size_t>{n * p / parts, n * (p + 1) / parts}; };
  for (int p = 1; p < parts; ++p) {
    auto [b, e] = range(p);
    try {
      threads.emplace_back([&fn, p, b = b, e = e] { fn(p, b, e); });
    } catch (const std::system_error&) {
      fn(p, b, e);  // could not start a thread: do it here
    }
  }
  auto [b0, e0] = range(0);
  fn(0, b0, e0);
  for (auto& t : threads) t.join();
}

void ParallelTasks(size_t count, int threads, const std::function<void(size_t)>& task) {
  std::atomic<size_t> next{0};
  auto worker = [&](int, size_t, size_t) {
    for (size_t i = next++; i < count; i = next++) task(i);
  };
  ParallelRanges(static_cast<size_t>(std::max(1, threads)), std::max(1, threads), worker);
}

}  // namespace cakupan
