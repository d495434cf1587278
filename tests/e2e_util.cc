#include "e2e_util.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cakupan::e2e {

namespace {
std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}
}  // namespace

std::string SourceDir() { return CAKUPAN_SOURCE_DIR; }

RunResult Cakupan(const std::vector<std::string>& args, const std::string& env) {
  static int counter = 0;
  const std::string base = std::filesystem::temp_directory_path().string() + "/cakupan-run-" +
                           std::to_string(getpid()) + "-" + std::to_string(counter++);
  std::string cmd = env + (env.empty() ? "" : " ") + Quote(CAKUPAN_BINARY);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " > " + Quote(base + ".out") + " 2> " + Quote(base + ".err");
  RunResult r;
  const int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(base + ".out");
  r.err = ReadFile(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return r;
}

TempDir::TempDir(const std::string& tag) {
  std::string templ = std::filesystem::temp_directory_path().string() + "/cakupan-" + tag + "-XXXXXX";
  path_ = mkdtemp(templ.data());
}

TempDir::~TempDir() {
  std::error_code ec;
  if (std::getenv("CAKUPAN_KEEP_TEST_DIRS") == nullptr) std::filesystem::remove_all(path_, ec);
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
}

std::vector<std::vector<std::string>> ReadCsv(const std::string& path, char sep) {
  std::string text = ReadFile(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      row.push_back(field);
      field.clear();
    } else if (c == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace cakupan::e2e
