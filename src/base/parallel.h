// Data parallelism for the engine's hot loops: split [0, n) into contiguous
// ranges and run them on a few threads. Threads are plain std::threads joined
// before returning; `fn` must be safe to call concurrently on disjoint ranges.
// If a thread cannot be started the work runs on the calling thread.
#pragma once

#include <cstddef>
#include <functional>

namespace cakupan {

// Threads for CPU-bound work: $CAKUPAN_THREADS if set (1..64), else the
// hardware's concurrency capped at 8.
int DefaultThreads();

// Calls fn(part, begin, end) for `parts` contiguous ranges covering [0, n)
// (part = 0..parts-1, in order), each on its own thread; parts <= 1 or small
// n run inline.
void ParallelRanges(size_t n, int parts, const std::function<void(int part, size_t begin, size_t end)>& fn);

// Runs task(i) for i in [0, count) on up to `threads` threads, each thread
// taking the next unclaimed index.
void ParallelTasks(size_t count, int threads, const std::function<void(size_t i)>& task);

}  // namespace cakupan
