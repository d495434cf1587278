#include "http/router.h"

#include <string>
#include <string_view>
#include <utility>

#include "base/i18n.h"

namespace cakupan {

namespace {

// "/api/review/{id}/accept" -> {"api", "review", "{id}", "accept"}; the
// leading '/' is dropped, empty segments are kept (they match nothing).
std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (;;) {
    const size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsPattern(std::string_view path) { return path.find('{') != std::string_view::npos; }

HttpResponse MethodNotAllowed(const std::string& method, std::string allow) {
  HttpResponse response = HttpResponse::Error(
      405, "method_not_allowed",
      std::string(Tr("method not allowed: ", "metode tidak diizinkan: ")) + method);
  response.headers.emplace_back("Allow", std::move(allow));
  return response;
}

HttpResponse NotFound(const std::string& path) {
  return HttpResponse::Error(404, "not_found",
                             std::string(Tr("no such path: ", "alamat tidak dikenal: ")) + path);
}

}  // namespace

Router::Methods& Router::RouteFor(std::string path) {
  if (!IsPattern(path)) return exact_[std::move(path)];
  std::vector<std::string> segments;
  for (std::string_view s : Split(path)) segments.emplace_back(s);
  for (Pattern& p : patterns_) {
    if (p.segments == segments) return p.methods;
  }
  patterns_.push_back(Pattern{std::move(segments), {}});
  return patterns_.back().methods;
}

void Router::Get(std::string path, HttpHandler handler) {
  RouteFor(std::move(path)).get = std::move(handler);
}

void Router::Post(std::string path, HttpHandler handler) {
  RouteFor(std::move(path)).post = std::move(handler);
}

void Router::Fallback(HttpHandler handler) { fallback_ = std::move(handler); }

const Router::Pattern* Router::MatchPattern(
    const std::string& path, std::vector<std::pair<std::string, std::string>>* params) const {
  if (patterns_.empty()) return nullptr;
  const std::vector<std::string_view> parts = Split(path);
  for (const Pattern& p : patterns_) {
    if (p.segments.size() != parts.size()) continue;
    params->clear();
    bool match = true;
    for (size_t i = 0; i < parts.size() && match; ++i) {
      const std::string& segment = p.segments[i];
      if (IsParam(segment)) {
        if (parts[i].empty()) match = false;
        else params->emplace_back(segment.substr(1, segment.size() - 2), std::string(parts[i]));
      } else {
        match = segment == parts[i];
      }
    }
    if (match) return &p;
  }
  params->clear();
  return nullptr;
}

HttpResponse Router::Dispatch(const Methods& methods, const HttpRequest& request) const {
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (get && methods.get) return methods.get(request);
  if (request.method == "POST" && methods.post) return methods.post(request);
  std::string allow;
  if (methods.get) allow = "GET, HEAD";
  if (methods.post) allow += allow.empty() ? "POST" : ", POST";
  return MethodNotAllowed(request.method, std::move(allow));
}

HttpResponse Router::Handle(const HttpRequest& request) const {
  if (auto it = exact_.find(request.path); it != exact_.end()) return Dispatch(it->second, request);
  std::vector<std::pair<std::string, std::string>> params;
  if (const Pattern* pattern = MatchPattern(request.path, &params)) {
    // Handlers see a const request: give them a copy carrying the values.
    HttpRequest with_params = request;
    with_params.params = std::move(params);
    return Dispatch(pattern->methods, with_params);
  }
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (fallback_) return get ? fallback_(request) : MethodNotAllowed(request.method, "GET, HEAD");
  return NotFound(request.path);
}

}  // namespace cakupan
