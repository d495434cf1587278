// Maps (method, path) to handlers. Exact paths for the API; a fallback (the
// static files) for everything else. Immutable after setup; Handle() is
// thread-safe as long as the handlers are.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "http/http_types.h"

namespace cakupan {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class Router {
 public:
  // GET (and HEAD, answered like GET without a body by the server).
  void Get(std::string path, HttpHandler handler);
  // Called for GET/HEAD paths with no route.
  void Fallback(HttpHandler handler);

  // 405 for methods other than GET/HEAD; 404 JSON when nothing matches.
  HttpResponse Handle(const HttpRequest& request) const;

 private:
  std::map<std::string, HttpHandler, std::less<>> routes_;
  HttpHandler fallback_;
};

}  // namespace cakupan
