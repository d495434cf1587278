// Progress reporting for long jobs (imports, generation, reconciliation).
//
// Services report through this narrow interface; the CLI supplies a terminal
// progress bar that appears only on a TTY and only once a job has run longer
// than a second; tests and servers pass NullProgress. Calls come from a single
// thread (the one running the job).
#pragma once

#include <cstdint>
#include <string_view>

namespace cakupan {

class Progress {
 public:
  virtual ~Progress() = default;
  // Starts a phase. `total` is in the phase's own units (bytes, rows); 0 when
  // unknown.
  virtual void Begin(std::string_view label, uint64_t total) = 0;
  // Reports the amount done so far in the current phase (monotonic).
  virtual void Update(uint64_t done) = 0;
  // Ends the current phase.
  virtual void End() = 0;
};

class NullProgress final : public Progress {
 public:
  void Begin(std::string_view, uint64_t) override {}
  void Update(uint64_t) override {}
  void End() override {}
};

}  // namespace cakupan
