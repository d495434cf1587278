// Serving the dashboard's static files from a web root, safely: no path ever
// resolves outside the root or a mounted directory (".." segments, encoded
// slashes, symlinks pointing outside are refused with 404), only known file
// types are served, with content type, ETag and cache headers. "/" serves
// index.html. Thread-safe (reads files on each request; the OS caches them).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http/http_types.h"

namespace cakupan {

class StaticFiles {
 public:
  // `root`: the web root; `mounts`: URL prefixes mapped to other directories,
  // e.g. {"/vendor/echarts/", "<web>/node_modules/echarts/dist/"}.
  StaticFiles(std::string root, std::vector<std::pair<std::string, std::string>> mounts);

  // 200 with the file, 304 when If-None-Match matches, 404 JSON otherwise.
  HttpResponse Serve(const HttpRequest& request) const;

 private:
  std::string root_;
  std::vector<std::pair<std::string, std::string>> mounts_;
};

}  // namespace cakupan
