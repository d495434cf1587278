// Transport-neutral request and response values exchanged between the HTTP
// server and the handlers. Handlers never see Beast types. Value types; not
// thread-safe for concurrent mutation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cakupan {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string target;  // as received: "/api/coverage?region=17"
  std::string path;    // percent-decoded path without the query: "/api/coverage"
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  // Values of the route's {name} segments ("/api/review/{id}/accept"), set by
  // the Router; empty for exact routes.
  std::vector<std::pair<std::string, std::string>> params;

  // The value of the first `key` parameter, or nullopt.
  std::optional<std::string_view> Query(std::string_view key) const;
  // The value of the route segment {name}, or nullopt.
  std::optional<std::string_view> Param(std::string_view name) const;
  // The value of header `name` (lower-case), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  static HttpResponse Json(int status, std::string body);
  static HttpResponse Text(int status, std::string content_type, std::string body);
  // {"error": {"code": code, "message": message}}
  static HttpResponse Error(int status, std::string_view code, std::string_view message);
};

// Splits a request target into a decoded path and query parameters
// ("+" is a space in the query). Returns false for malformed percent escapes,
// NUL bytes or a path that does not start with '/'.
bool ParseTarget(std::string_view target, std::string* path,
                 std::vector<std::pair<std::string, std::string>>* query);

}  // namespace cakupan
