#include "http/router.h"

#include <string>
#include <utility>

#include "base/i18n.h"

namespace cakupan {

void Router::Get(std::string path, HttpHandler handler) {
  routes_[std::move(path)] = std::move(handler);
}

void Router::Fallback(HttpHandler handler) { fallback_ = std::move(handler); }

HttpResponse Router::Handle(const HttpRequest& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse response =
        HttpResponse::Error(405, "method_not_allowed",
                            std::string(Tr("method not allowed: ", "metode tidak diizinkan: ")) +
                                request.method);
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  if (auto it = routes_.find(request.path); it != routes_.end()) return it->second(request);
  if (fallback_) return fallback_(request);
  return HttpResponse::Error(404, "not_found",
                             std::string(Tr("no such path: ", "alamat tidak dikenal: ")) +
                                 request.path);
}

}  // namespace cakupan
