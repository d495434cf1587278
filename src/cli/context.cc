#include "cli/context.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <cstdlib>
#include <filesystem>

#include "base/format_id.h"
#include "base/i18n.h"
#include "storage/sqlite/sqlite_store.h"

#ifndef CAKUPAN_SOURCE_DATA_DIR
#define CAKUPAN_SOURCE_DATA_DIR ""
#endif

namespace cakupan {

TerminalProgress::TerminalProgress(bool enabled, bool timings)
    : enabled_(enabled && isatty(STDERR_FILENO)), timings_(timings) {}

TerminalProgress::~TerminalProgress() {
  if (drawn_) std::fputs("\n", stderr);
}

void TerminalProgress::Begin(std::string_view label, uint64_t total) {
  if (drawn_) End();
  label_ = std::string(label);
  total_ = total;
  done_ = 0;
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void TerminalProgress::Update(uint64_t done) {
  done_ = done;
  Draw(false);
}

void TerminalProgress::End() {
  if (timings_ && !label_.empty()) {
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "%-40s %8.3f s\n", label_.c_str(), secs);
  }
  if (drawn_) {
    done_ = total_;
    Draw(true);
    std::fputs("\n", stderr);
    std::fflush(stderr);
  }
  drawn_ = false;
  label_.clear();
}

void TerminalProgress::Draw(bool force) {
  if (!enabled_ || label_.empty()) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force) {
    if (now - start_ < std::chrono::seconds(1)) return;
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  }
  last_draw_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  std::string line = "\r" + label_ + " ";
  if (total_ > 0) {
    const double f = std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_));
    const int width = 30, filled = static_cast<int>(f * width);
    line += "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " + FormatPercent(f, 0);
  } else {
    static const char kSpin[] = "|/-\\";
    line += kSpin[static_cast<int>(secs * 4) % 4];
  }
  line += "  " + FormatDecimal(secs, 1) + " s\033[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

Context::Context(std::string argv0) : argv0_(std::move(argv0)) {}

Progress& Context::progress() {
  if (!progress_) progress_ = std::make_unique<TerminalProgress>(!options_.quiet, options_.timings);
  return *progress_;
}

Result<std::unique_ptr<Store>> Context::OpenStore(bool create) {
  SqliteStoreOptions o;
  o.create_if_missing = create;
  auto store = OpenSqliteStore(options_.db, o);
  if (!store.ok() && store.status().code() == StatusCode::kNotFound) {
    return Status::NotFound(std::string(Tr("database '", "basis data '")) + options_.db +
                            Tr("' does not exist; create it by importing data (cakupan import regions "
                               "data/wilayah/wilayah.csv) or run cakupan demo",
                               "' belum ada; buat dengan mengimpor data (cakupan import regions "
                               "data/wilayah/wilayah.csv) atau jalankan cakupan demo"));
  }
  return store;
}

std::string Context::DataDir() const {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CAKUPAN_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path candidate : {exe.parent_path().parent_path() / "data", exe.parent_path() / "data",
                               exe.parent_path().parent_path() / "share" / "cakupan" / "data"}) {
      if (fs::exists(candidate / "wilayah" / "wilayah.csv", ec)) return candidate.string();
    }
  }
  return CAKUPAN_SOURCE_DATA_DIR;
}

int Context::Fail(const Status& status) const {
  std::fprintf(stderr, "cakupan: %s\n", status.message().c_str());
  return kExitFailure;
}

int Context::EmitStream(const std::function<void(const TextSink&)>& produce, const std::string& output) const {
  if (output.empty()) {
    produce([](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
    return kExitOk;
  }
  const std::string tmp = output + ".tmp";
  bool ok = true;
  {
    std::ofstream f(tmp, std::ios::binary);
    produce([&](std::string_view piece) {
      if (ok && !f.write(piece.data(), static_cast<std::streamsize>(piece.size()))) ok = false;
    });
    f.close();
    ok = ok && static_cast<bool>(f);
  }
  if (!ok || std::rename(tmp.c_str(), output.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Fail(Status::IoError(std::string(Tr("cannot write ", "tidak dapat menulis ")) + output));
  }
  std::fprintf(stderr, "%s %s\n", Tr("written:", "ditulis:"), output.c_str());
  return kExitOk;
}

int Context::Emit(const std::string& text, const std::string& output) const {
  if (output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  const std::string tmp = output + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << text;
    if (!f) return Fail(Status::IoError(std::string(Tr("cannot write ", "tidak dapat menulis ")) + output));
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0)
    return Fail(Status::IoError(std::string(Tr("cannot write ", "tidak dapat menulis ")) + output));
  std::fprintf(stderr, "%s %s\n", Tr("written:", "ditulis:"), output.c_str());
  return kExitOk;
}

}  // namespace cakupan
