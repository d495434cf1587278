#include "http/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include "base/i18n.h"

namespace cakupan {
namespace {

namespace fs = std::filesystem;

// Files larger than this are not served (the dashboard's are a few MB).
constexpr off_t kMaxFileBytes = 64 << 20;

struct FileType {
  std::string_view extension;
  std::string_view content_type;
};

constexpr FileType kFileTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".geojson", "application/geo+json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml; charset=utf-8"},
    {".txt", "text/plain; charset=utf-8"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
};

std::string_view ContentTypeFor(std::string_view extension) {
  for (const FileType& type : kFileTypes) {
    if (type.extension == extension) return type.content_type;
  }
  return {};
}

std::string CanonicalDirectory(const std::string& directory) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(directory, ec), ec);
  if (ec) return {};
  std::string text = canonical.native();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

// True when `path` (canonical) lies strictly below `directory` (canonical).
bool IsInside(const std::string& path, const std::string& directory) {
  if (directory.empty()) return false;
  if (directory == "/") return path.size() > 1 && path.front() == '/';
  return path.size() > directory.size() + 1 && path.compare(0, directory.size(), directory) == 0 &&
         path[directory.size()] == '/';
}

bool ContainsIgnoreCase(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return false;
  for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
    bool match = true;
    for (size_t j = 0; j < needle.size() && match; ++j) {
      char c = text[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == needle[j];
    }
    if (match) return true;
  }
  return false;
}

// Checks the decoded path below the base: segments separated by single
// slashes (a trailing slash names a directory), none empty, none starting
// with '.' (no "..", ".", ".git", ".env").
bool IsSafeRelativePath(std::string_view relative) {
  size_t start = 0;
  while (start < relative.size()) {
    size_t slash = relative.find('/', start);
    std::string_view segment = relative.substr(start, slash - start);
    if (segment.empty() || segment.front() == '.') return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

// If-None-Match: "*" or a comma-separated list of (possibly weak) tags.
bool MatchesEtag(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

HttpResponse NotFound(std::string_view path) {
  return HttpResponse::Error(
      404, "not_found",
      std::string(Tr("file not found: ", "berkas tidak ditemukan: ")) + std::string(path));
}

// Closes a descriptor on scope exit.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

bool ReadAll(int fd, size_t size, std::string* out) {
  out->resize(size);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, out->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

StaticFiles::StaticFiles(std::string root,
                         std::vector<std::pair<std::string, std::string>> mounts)
    : root_(CanonicalDirectory(root)) {
  for (auto& [prefix, directory] : mounts) {
    if (prefix.empty() || prefix.front() != '/') continue;
    if (prefix.back() != '/') prefix.push_back('/');
    mounts_.emplace_back(std::move(prefix), CanonicalDirectory(directory));
  }
  // Longest prefix first, so that "/vendor/echarts/" wins over "/vendor/".
  std::stable_sort(mounts_.begin(), mounts_.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
}

HttpResponse StaticFiles::Serve(const HttpRequest& request) const {
  const std::string& path = request.path;
  // Encoded slashes and backslashes are refused before decoding can hide them.
  std::string_view raw_path = request.target;
  raw_path = raw_path.substr(0, raw_path.find('?'));
  if (ContainsIgnoreCase(raw_path, "%2f") || ContainsIgnoreCase(raw_path, "%5c") ||
      path.empty() || path.front() != '/' || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos) {
    return NotFound(path);
  }

  const std::string* base = &root_;
  std::string_view relative = std::string_view(path).substr(1);
  bool mounted = false;
  for (const auto& [prefix, directory] : mounts_) {
    if (path.compare(0, prefix.size(), prefix) == 0) {
      base = &directory;
      relative = std::string_view(path).substr(prefix.size());
      mounted = true;
      break;
    }
  }
  if (base->empty() || !IsSafeRelativePath(relative)) return NotFound(path);

  fs::path candidate = fs::path(*base) / fs::path(relative);
  if (relative.empty() || relative.back() == '/') candidate /= "index.html";
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(candidate, ec);
  if (ec || !IsInside(resolved.native(), *base)) return NotFound(path);
  if (fs::is_directory(resolved, ec)) {
    resolved = fs::weakly_canonical(resolved / "index.html", ec);
    if (ec || !IsInside(resolved.native(), *base)) return NotFound(path);
  }

  std::string_view content_type = ContentTypeFor(resolved.extension().native());
  if (content_type.empty()) return NotFound(path);

  // O_NOFOLLOW: a symlink swapped in after the check above is refused.
  FileDescriptor fd(::open(resolved.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  struct stat info {};
  if (fd.get() < 0 || ::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return NotFound(path);
  }
  if (info.st_size > kMaxFileBytes) {
    return HttpResponse::Error(500, "internal",
                               Tr("file too large to serve", "berkas terlalu besar"));
  }

  char etag[64];
  std::snprintf(etag, sizeof etag, "\"%llx-%llx\"", static_cast<unsigned long long>(info.st_size),
                static_cast<unsigned long long>(info.st_mtim.tv_sec) * 1000000000ull +
                    static_cast<unsigned long long>(info.st_mtim.tv_nsec));
  // HTML always revalidates (it names the other files); mounted vendor files
  // change only with an upgrade.
  const char* cache_control = mounted && resolved.extension() != ".html" ? "public, max-age=86400"
                                                                         : "no-cache";

  HttpResponse response;
  response.content_type = std::string(content_type);
  response.headers.emplace_back("ETag", etag);
  response.headers.emplace_back("Cache-Control", cache_control);
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (auto if_none_match = request.Header("if-none-match");
      if_none_match && MatchesEtag(*if_none_match, etag)) {
    response.status = 304;
    return response;
  }
  if (!ReadAll(fd.get(), static_cast<size_t>(info.st_size), &response.body)) {
    return HttpResponse::Error(500, "internal",
                               Tr("cannot read file", "berkas tidak dapat dibaca"));
  }
  return response;
}

}  // namespace cakupan
