// Internal to src/http: writing the status line and header block of a
// response. No Beast types; thread-safe (HttpDate() caches per thread).
#pragma once

#include <string>
#include <string_view>

#include "http/http_types.h"

namespace cakupan::http_internal {

// "OK", "Not Found", ...; "Unknown" for codes not in the table.
std::string_view ReasonPhrase(int status);

// The current time as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"),
// formatted at most once a second per thread. Valid until the next call on
// the same thread.
std::string_view HttpDate();

// False for 1xx, 204 and 304, which never carry a body (nor Content-Length).
bool StatusAllowsBody(int status);

// Appends "HTTP/1.1 <status> <reason>\r\n", Server, Date, Content-Type,
// Content-Length (the length of response.body, also for HEAD), the extra
// headers (any containing CR or LF is dropped: no header injection), the
// Connection header and the blank line to `*out`. `keep_alive` false adds
// "Connection: close"; `http10` with keep_alive adds "Connection: keep-alive".
void AppendResponseHead(const HttpResponse& response, bool keep_alive, bool http10,
                        std::string* out);

}  // namespace cakupan::http_internal
