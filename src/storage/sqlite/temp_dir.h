// TempDir: a fresh directory under the system temporary directory, removed
// with everything in it when the object is destroyed. For tests and the
// speed tool. Not thread-safe.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace cakupan::sqlite {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cakupan-sqlite-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Empty when the directory could not be created.
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace cakupan::sqlite
