// A constant JSON served through HttpServer + Router, to measure the server
// core alone (wrk -t2 -c100 -d10s --latency http://127.0.0.1:PORT/api/x).
//
//   http_bench_server [--port N] [--threads N] [--shared-context] [--slow-ms N]
//
// --slow-ms adds /api/slow, a handler that keeps its thread busy for N ms, to
// see how a slow handler delays the fast ones in either threading mode.
// Prints "listening on PORT" and serves until SIGINT/SIGTERM.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "http/router.h"
#include "http/server.h"

int main(int argc, char** argv) {
  cakupan::ServerOptions options;
  options.port = 0;
  int slow_ms = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
      options.port = static_cast<uint16_t>(std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--shared-context") == 0) {
      options.context_per_thread = false;
    } else if (std::strcmp(argv[i], "--slow-ms") == 0 && i + 1 < argc) {
      slow_ms = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--port N] [--threads N] [--shared-context] [--slow-ms N]\n",
                   argv[0]);
      return 2;
    }
  }
  cakupan::Router router;
  router.Get("/api/x", [](const cakupan::HttpRequest&) {
    return cakupan::HttpResponse::Json(
        200, R"({"region":{"code":"17","name":"Bengkulu"},"coverage":0.349,"active":257000})");
  });
  if (slow_ms > 0) {
    router.Get("/api/slow", [slow_ms](const cakupan::HttpRequest&) {
      auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(slow_ms);
      while (std::chrono::steady_clock::now() < end) {
      }
      return cakupan::HttpResponse::Json(200, "{}");
    });
  }
  cakupan::HttpServer server(options,
                             [&router](const cakupan::HttpRequest& r) { return router.Handle(r); });
  cakupan::Status status = server.Start();
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  std::printf("listening on %u\n", server.port());
  std::fflush(stdout);
  server.WaitForSignal();
  return 0;
}
