// Maps (method, path) to handlers. A route is an exact path
// ("/api/status") or a pattern whose {name} segments match one non-empty
// path segment each ("/api/review/{id}/accept"; the values reach the handler
// as HttpRequest::params). A fallback (the static files) takes GET/HEAD
// requests no route matches. Immutable after setup; Handle() is thread-safe
// as long as the handlers are.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/http_types.h"

namespace cakupan {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class Router {
 public:
  // GET (and HEAD, answered like GET without a body by the server).
  void Get(std::string path, HttpHandler handler);
  // POST. The body has been read whole by the server, within
  // ServerOptions::max_body_bytes (a larger one never reaches the router:
  // 413 too_large).
  void Post(std::string path, HttpHandler handler);
  // Called for GET/HEAD paths with no route.
  void Fallback(HttpHandler handler);

  // An exact route first, then the patterns in the order registered. A path
  // with routes but none for the method: 405 method_not_allowed with an
  // Allow header naming the route's methods. A path with no route: GET/HEAD
  // go to the fallback (else 404 not_found); other methods get 405 with
  // "Allow: GET, HEAD" when there is a fallback, else 404.
  HttpResponse Handle(const HttpRequest& request) const;

 private:
  struct Methods {
    HttpHandler get;
    HttpHandler post;
  };
  struct Pattern {
    std::vector<std::string> segments;  // "{id}" matches any one segment
    Methods methods;
  };
  Methods& RouteFor(std::string path);
  // The pattern route matching `path`, filling `params`, or nullptr.
  const Pattern* MatchPattern(const std::string& path,
                              std::vector<std::pair<std::string, std::string>>* params) const;
  HttpResponse Dispatch(const Methods& methods, const HttpRequest& request) const;

  std::map<std::string, Methods, std::less<>> exact_;
  std::vector<Pattern> patterns_;
  HttpHandler fallback_;
};

}  // namespace cakupan
