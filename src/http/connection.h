// Internal to src/http: one accepted TCP connection speaking HTTP/1.0 and 1.1.
//
// A small state machine: read a request (idle_timeout while waiting for its
// first byte on a kept-alive connection, request_timeout from then on, or
// from the accept for the first request), call the handler, write the
// response (each write must make progress within request_timeout), then
// either read the next request or close. Limits and malformed input get a
// JSON error and a lingering close (send shut down, the client's unread
// bytes drained for up to 2 s) so that the client reads the error instead of
// a reset.
//
// The connection owns itself: its pending operation holds the only
// reference, so it ends when the peer closes, a timeout fires, or its
// io_context is destroyed (HttpServer::Stop). All of its work runs on the
// socket's executor, which must be a strand or an io_context run by one
// thread.
#pragma once

#include <utility>  // before any Boost header (Boost 1.74 Asio, g++ 12, C++20)

#include <boost/asio/ip/tcp.hpp>

#include "http/router.h"
#include "http/server.h"

namespace cakupan::http_internal {

// Starts serving `socket`. `options` and `handler` must outlive the socket's
// io_context.
void ServeConnection(boost::asio::ip::tcp::socket socket, const ServerOptions& options,
                     const HttpHandler& handler);

}  // namespace cakupan::http_internal
