// What every subcommand shares: global options, opening the store, the
// terminal progress bar, locating the reference data, and turning a Status
// into a message on stderr and an exit code. Used from the main thread only.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/progress.h"
#include "base/status.h"
#include "storage/store.h"

namespace cakupan {

// Exit codes: 0 success, 1 the command could not do its job, 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  std::string db = "cakupan.db";  // --db
  bool quiet = false;             // --quiet: no progress bar
  bool timings = false;           // --timings: each phase's duration on stderr
};

// A progress bar on stderr, shown only when stderr is a terminal and a phase
// has lasted more than a second; redrawn at most ten times a second.
class TerminalProgress final : public Progress {
 public:
  TerminalProgress(bool enabled, bool timings);
  ~TerminalProgress() override;
  void Begin(std::string_view label, uint64_t total) override;
  void Update(uint64_t done) override;
  void End() override;

 private:
  void Draw(bool force);
  bool enabled_;
  bool timings_;
  bool drawn_ = false;
  std::string label_;
  uint64_t total_ = 0;
  uint64_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

class Context {
 public:
  explicit Context(std::string argv0);

  GlobalOptions& options() { return options_; }
  Clock& clock() { return clock_; }
  Progress& progress();

  // Opens the database; with `create` false a missing file is an error that
  // tells the user how to create one.
  Result<std::unique_ptr<Store>> OpenStore(bool create);

  // The directory holding wilayah/wilayah.csv: $CAKUPAN_DATA_DIR, else
  // ../data next to the executable, else the source tree's data/.
  std::string DataDir() const;

  // Prints "cakupan: <message>" to stderr and returns kExitFailure.
  int Fail(const Status& status) const;
  // Writes `text` to stdout, or atomically to `output` (a temporary file
  // renamed into place; "written: FILE" on stderr). kExitOk, or Fail().
  int Emit(const std::string& text, const std::string& output) const;
  // The same for text produced in pieces: `produce` calls its argument with
  // each piece in order (a report of every village is written as it is
  // formatted, never held whole).
  using TextSink = std::function<void(std::string_view)>;
  int EmitStream(const std::function<void(const TextSink&)>& produce, const std::string& output) const;

 private:
  std::string argv0_;
  GlobalOptions options_;
  SystemClock clock_;
  std::unique_ptr<TerminalProgress> progress_;
};

}  // namespace cakupan
