// Serving the dashboard's static files from a web root, safely: no path ever
// resolves outside the root or a mounted directory (".." segments, encoded
// slashes, backslashes, dot-segments and hidden files, symlinks resolving
// outside are refused with 404), only known file types are served (html, js,
// mjs, css, json, geojson, map, svg, txt, png, ico, woff2), with content type
// (UTF-8 for text), ETag (size and mtime) and Cache-Control (no-cache for HTML
// and under the root, max-age=86400 for other files under mounts). "/" and any directory serve their
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
  // e.g. {"/vendor/echarts/", "<web>/node_modules/echarts/dist/"}. The
  // directories are resolved (symlinks included) here; a directory that does
  // not exist serves nothing (404).
  StaticFiles(std::string root, std::vector<std::pair<std::string, std::string>> mounts);

  // 200 with the file, 304 when If-None-Match matches, 404 JSON otherwise
  // (500 `internal` for a file that cannot be read or is over 64 MB). Looks at
  // request.path and, for encoded slashes, at the raw request.target.
  HttpResponse Serve(const HttpRequest& request) const;

 private:
  std::string root_;  // canonical, no trailing slash; empty if unresolvable
  // (URL prefix ending in '/', canonical directory), longest prefix first.
  std::vector<std::pair<std::string, std::string>> mounts_;
};

}  // namespace cakupan
