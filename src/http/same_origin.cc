#include "http/same_origin.h"

#include <string>
#include <string_view>

#include "base/i18n.h"

namespace cakupan {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "application/json; charset=utf-8" -> true; "application/json-seq",
// "text/plain" -> false.
bool IsJsonContentType(std::string_view value) {
  const size_t semicolon = value.find(';');
  return EqualsIgnoreCase(Trim(value.substr(0, semicolon)), "application/json");
}

// The host[:port] of an origin "scheme://host[:port]", or "" when it is not
// one (e.g. "null").
std::string_view OriginAuthority(std::string_view origin) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (origin.size() > scheme.size() && EqualsIgnoreCase(origin.substr(0, scheme.size()), scheme)) {
      std::string_view rest = origin.substr(scheme.size());
      // An origin has no path; a trailing '/' is tolerated.
      if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
      if (rest.find('/') != std::string_view::npos) return {};
      return rest;
    }
  }
  return {};
}

}  // namespace

Status CheckSameOriginJson(const HttpRequest& request) {
  const std::optional<std::string_view> type = request.Header("content-type");
  if (!type || !IsJsonContentType(*type)) {
    return Status::InvalidArgument(Tr("this request changes data and must be sent as JSON "
                                      "(Content-Type: application/json)",
                                      "permintaan ini mengubah data dan harus dikirim sebagai JSON "
                                      "(Content-Type: application/json)"))
        .WithReason("unsupported_media_type");
  }
  const std::optional<std::string_view> origin = request.Header("origin");
  if (!origin) return Status::Ok();
  const std::optional<std::string_view> host = request.Header("host");
  const std::string_view authority = OriginAuthority(Trim(*origin));
  if (host && !authority.empty() && EqualsIgnoreCase(authority, Trim(*host))) return Status::Ok();
  std::string shown(Trim(*origin).substr(0, 100));
  return Status::FailedPrecondition(
             std::string(Tr("refused: the request comes from another site (Origin ",
                            "ditolak: permintaan berasal dari situs lain (Origin ")) +
             shown +
             Tr("); decisions can only be taken from this server's own dashboard",
                "); keputusan hanya dapat diambil dari dasbor server ini sendiri"))
      .WithReason("cross_origin");
}

}  // namespace cakupan
