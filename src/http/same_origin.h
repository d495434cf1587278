// The guard in front of every request that changes data (POST): a defence
// against cross-site request forgery for a server without sessions or
// cookies. A page of another site can make a browser send a POST to this
// server (a form, or fetch in no-cors mode), but only with a "simple"
// content type (form-urlencoded, multipart, text/plain) and with an Origin
// header naming that site; a JSON POST from another origin needs a CORS
// preflight, which this server refuses (405). So a write must
//  - declare Content-Type: application/json (parameters such as
//    "; charset=utf-8" allowed), and
//  - when it carries an Origin header, name the host it was sent to: Origin
//    "http://HOST" or "https://HOST" where HOST equals the Host header
//    (case-insensitive; "null" or a missing Host never matches).
// Clients that are not browsers (curl, scripts) send no Origin and pass with
// the content type alone. Pure function; thread-safe.
#pragma once

#include "base/status.h"
#include "http/http_types.h"

namespace cakupan {

// OK, or a Status whose reason() the API maps to an HTTP code:
//  - "unsupported_media_type" (kInvalidArgument) when the content type is not
//    JSON;
//  - "cross_origin" (kFailedPrecondition) when Origin does not match Host.
// Messages are in the current language and quote at most the Origin.
Status CheckSameOriginJson(const HttpRequest& request);

}  // namespace cakupan
