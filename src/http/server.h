// An asynchronous HTTP/1.1 server (Boost.Beast on Asio) that hands every
// request to one handler. Keep-alive, many concurrent connections on a few
// threads (no thread per connection), and defences for the open network:
// limits on header and body size, a deadline for slow clients, malformed
// requests answered with 400 and the connection closed.
//
// Thread-safety: the handler is called concurrently from the server's threads
// and must be thread-safe. Start/Stop/Wait from one controlling thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/router.h"

namespace cakupan {

struct ServerOptions {
  std::string bind = "127.0.0.1";   // address to listen on
  uint16_t port = 8080;             // 0 = any free port (see HttpServer::port())
  int threads = 0;                  // 0 = one per hardware thread
  size_t max_header_bytes = 16 * 1024;  // larger header block: 431, connection closed
  size_t max_body_bytes = 64 * 1024;    // larger body: 413, connection closed
  std::chrono::seconds request_timeout{15};  // to receive a whole request, else closed
  std::chrono::seconds idle_timeout{120};    // keep-alive connection with no request
  int backlog = 4096;               // listen() backlog
  // true (default): one io_context per thread, connections dealt
  // round-robin, no strands: the fastest on 2 cores (about 1.5x the
  // requests/s of the shared mode for small responses, lower p99), but every
  // connection on a thread waits while that thread runs a slow handler.
  // false: one io_context run by all threads, a strand per connection: a
  // slow handler holds up only its own connection. See docs/architecture.md.
  bool context_per_thread = true;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, HttpHandler handler);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on background threads. kIoError when the address
  // cannot be bound (message names it, e.g. "port 8080 is in use"),
  // kInvalidArgument for an address that does not resolve,
  // kFailedPrecondition when called a second time or after Stop().
  Status Start();
  uint16_t port() const;  // the bound port (useful with port 0)
  // Stops accepting, closes connections (a request being handled is
  // finished by its thread, its response dropped), joins the threads.
  // Idempotent; safe to call from another thread while WaitForSignal()
  // waits, never from a handler (it would join its own thread).
  void Stop();
  // Blocks until Stop() is called from another thread or SIGINT/SIGTERM
  // arrives, in which case it stops the server itself: when it returns, the
  // server is stopped. Returns at once if the server was already stopped.
  void WaitForSignal();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cakupan
