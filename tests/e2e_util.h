// Helpers for end-to-end tests: run the cakupan binary, read CSV files back
// with a minimal independent parser, and make temporary directories.
#pragma once

#include <string>
#include <vector>

namespace cakupan::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs CAKUPAN_BINARY with `args` (each single-quoted for the shell).
RunResult Cakupan(const std::vector<std::string>& args, const std::string& env = "");

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& tag);
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Parses a CSV file (RFC 4180 quotes, a leading UTF-8 BOM skipped) into rows
// of fields; the first row is the header.
std::vector<std::vector<std::string>> ReadCsv(const std::string& path, char sep = ',');
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

std::string SourceDir();

}  // namespace cakupan::e2e
