#include "http/server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/router.h"
#include "http/test_client.h"

namespace cakupan {
namespace {

using testing::GetRequest;
using testing::RawResponse;
using testing::TestClient;
using Clock = std::chrono::steady_clock;

std::string ErrorCode(const RawResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("error")) return "(not an error: " + response.body + ")";
  return body["error"]["code"];
}

long MillisecondsSince(Clock::time_point start) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

// A server on 127.0.0.1, any free port, with a few routes for the tests.
class ServerTest : public ::testing::Test {
 protected:
  void StartServer(ServerOptions options = {}) {
    options.bind = "127.0.0.1";
    options.port = 0;
    if (options.threads == 0) options.threads = 2;
    router_.Get("/api/x", [](const HttpRequest&) { return HttpResponse::Json(200, R"({"x":1})"); });
    router_.Get("/api/echo", [](const HttpRequest& request) {
      nlohmann::json query = nlohmann::json::array();
      for (const auto& [k, v] : request.query) query.push_back({k, v});
      nlohmann::json body = {{"method", request.method},
                             {"path", request.path},
                             {"query", query},
                             {"body_size", request.body.size()},
                             {"user_agent", request.Header("user-agent").value_or("")}};
      return HttpResponse::Json(200, body.dump());
    });
    router_.Post("/api/echo", [](const HttpRequest& request) {
      nlohmann::json body = {{"method", request.method},
                             {"body", request.body},
                             {"content_type", request.Header("content-type").value_or("")}};
      return HttpResponse::Json(200, body.dump());
    });
    router_.Get("/api/throw", [](const HttpRequest&) -> HttpResponse {
      throw std::runtime_error("boom in handler");
    });
    router_.Get("/api/sleep", [](const HttpRequest&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));
      return HttpResponse::Json(200, "{}");
    });
    router_.Get("/api/throw-int", [](const HttpRequest&) -> HttpResponse { throw 42; });
    server_ = std::make_unique<HttpServer>(
        options, [this](const HttpRequest& request) { return router_.Handle(request); });
    Status status = server_->Start();
    ASSERT_TRUE(status.ok()) << status.ToString();
    port_ = server_->port();
    ASSERT_NE(port_, 0);
  }

  // One GET on a fresh connection.
  std::optional<RawResponse> Get(const std::string& target) {
    TestClient client(port_);
    if (!client.connected()) return std::nullopt;
    return client.Request(GetRequest(target));
  }

  Router router_;
  std::unique_ptr<HttpServer> server_;
  uint16_t port_ = 0;
};

TEST_F(ServerTest, AnswersGetWithServerDateAndLength) {
  StartServer();
  auto response = Get("/api/x");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"x":1})");
  EXPECT_EQ(response->Header("server"), "cakupan");
  EXPECT_EQ(response->Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(response->Header("content-length"), "7");
  EXPECT_TRUE(std::regex_match(
      response->Header("date"),
      std::regex(R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT)")))
      << response->Header("date");
  EXPECT_FALSE(response->HasHeader("connection"));  // HTTP/1.1 keeps alive by default
}

TEST_F(ServerTest, HeadIsGetWithoutBody) {
  StartServer();
  TestClient client(port_);
  auto head = client.Request(GetRequest("/api/x", "", "HEAD"), /*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "7");
  // Had a body been sent, it would now be read as the next status line.
  auto next = client.Request(GetRequest("/api/x"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, R"({"x":1})");
}

TEST_F(ServerTest, UnknownPathIs404AndOtherMethodsAre405) {
  StartServer();
  auto missing = Get("/api/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorCode(*missing), "not_found");

  TestClient client(port_);
  auto post = client.Request("POST /api/x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(ErrorCode(*post), "method_not_allowed");
  EXPECT_EQ(post->Header("allow"), "GET, HEAD");
  // The body was consumed: the connection goes on.
  auto after = client.Request(GetRequest("/api/x"));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(ServerTest, PassesDecodedQueryAndHeaders) {
  StartServer();
  TestClient client(port_);
  auto response = client.Request(
      GetRequest("/api/%65cho?q=kota+bengkulu&a=1&a=2&c=%41%2B&empty", "User-Agent: test/1\r\n"));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  auto body = nlohmann::json::parse(response->body);
  EXPECT_EQ(body["path"], "/api/echo");
  EXPECT_EQ(body["query"], nlohmann::json::parse(
                               R"([["q","kota bengkulu"],["a","1"],["a","2"],["c","A+"],["empty",""]])"));
  EXPECT_EQ(body["user_agent"], "test/1");
}

TEST_F(ServerTest, MalformedEscapesAre400BadRequest) {
  StartServer();
  for (const char* target : {"/api/echo?q=%zz", "/api/echo?q=%4", "/api/%e", "/api/echo%00",
                             "/api/echo?q=%00"}) {
    auto response = Get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 400) << target;
    EXPECT_EQ(ErrorCode(*response), "bad_request") << target;
  }
  EXPECT_EQ(Get("/api/x")->status, 200);
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  StartServer();
  TestClient client(port_);
  for (int i = 0; i < 20; ++i) {
    auto response = client.Request(GetRequest(i % 2 ? "/api/x" : "/api/echo?i=" + std::to_string(i)));
    ASSERT_TRUE(response) << i;
    EXPECT_EQ(response->status, 200) << i;
  }
  // Pipelined: three requests in one write, three responses in order.
  ASSERT_TRUE(client.Send(GetRequest("/api/echo?n=1") + GetRequest("/api/x") +
                          GetRequest("/api/echo?n=3")));
  auto first = client.Read();
  auto second = client.Read();
  auto third = client.Read();
  ASSERT_TRUE(first && second && third);
  EXPECT_EQ(nlohmann::json::parse(first->body)["query"][0][1], "1");
  EXPECT_EQ(second->body, R"({"x":1})");
  EXPECT_EQ(nlohmann::json::parse(third->body)["query"][0][1], "3");
}

TEST_F(ServerTest, HonoursConnectionClose) {
  StartServer();
  TestClient client(port_);
  auto response = client.Request(GetRequest("/api/x", "Connection: close\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_TRUE(client.WaitClosed(2000));
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveIsAsked) {
  StartServer();
  {
    TestClient client(port_);
    auto response = client.Request("GET /api/x HTTP/1.0\r\n\r\n");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->Header("connection"), "close");
    EXPECT_TRUE(client.WaitClosed(2000));
  }
  TestClient client(port_);
  for (int i = 0; i < 3; ++i) {
    auto response = client.Request("GET /api/x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    ASSERT_TRUE(response) << i;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->Header("connection"), "keep-alive");
  }
}

TEST_F(ServerTest, OversizedHeaderIs431AndClosed) {
  ServerOptions options;
  options.max_header_bytes = 2048;
  StartServer(options);
  TestClient client(port_);
  auto response = client.Request(GetRequest("/api/x", "X-Big: " + std::string(8000, 'a') + "\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 431);
  EXPECT_EQ(ErrorCode(*response), "too_large");
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_TRUE(client.WaitClosed(3000));
  // Many small header lines add up too.
  TestClient many(port_);
  std::string lines;
  for (int i = 0; i < 200; ++i) lines += "X-H" + std::to_string(i) + ": 0123456789\r\n";
  auto response2 = many.Request(GetRequest("/api/x", lines));
  ASSERT_TRUE(response2);
  EXPECT_EQ(response2->status, 431);
  // A header just under the limit is fine.
  auto fine = Get("/api/x");
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200);
}

TEST_F(ServerTest, OversizedBodyIs413AndClosed) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  StartServer(options);
  {  // Declared length over the limit: refused before the body is read.
    TestClient client(port_);
    auto response = client.Request("POST /api/x HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n" +
                                   std::string(100000, 'b'));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(ErrorCode(*response), "too_large");
    EXPECT_TRUE(client.WaitClosed(3000));
  }
  {  // Chunked, growing past the limit.
    TestClient client(port_);
    std::string chunk = std::string(600, 'c');
    auto response = client.Request(
        "POST /api/x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" + chunk +
        "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_TRUE(client.WaitClosed(3000));
  }
  {  // Within the limit: read, and the route answers (405 for POST).
    TestClient client(port_);
    auto response = client.Request("POST /api/x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" +
                                   std::string(1000, 'd'));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 405);
  }
  EXPECT_EQ(Get("/api/x")->status, 200);
}

std::string PostRequest(std::string_view target, std::string_view body,
                        std::string_view type = "application/json") {
  std::string request = "POST " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  request += "Content-Type: " + std::string(type) + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  request += body;
  return request;
}

TEST_F(ServerTest, PostBodiesReachTheHandlerOnAKeptAliveConnection) {
  StartServer();
  TestClient client(port_);
  for (const std::string& body :
       std::vector<std::string>{R"({"kind":"link","note":"dicek ke desa"})", "", "{}"}) {
    auto response = client.Request(PostRequest("/api/echo", body));
    ASSERT_TRUE(response) << body;
    ASSERT_EQ(response->status, 200) << response->body;
    auto echoed = nlohmann::json::parse(response->body);
    EXPECT_EQ(echoed["method"], "POST");
    EXPECT_EQ(echoed["body"], body);
    EXPECT_EQ(echoed["content_type"], "application/json");
  }
  // Chunked, then a GET on the same connection: the body was consumed.
  auto chunked = client.Request(
      "POST /api/echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n");
  ASSERT_TRUE(chunked);
  EXPECT_EQ(nlohmann::json::parse(chunked->body)["body"], R"({"a":1})");
  auto get = client.Request(GetRequest("/api/x"));
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  // Pipelined POSTs are answered in order.
  ASSERT_TRUE(client.Send(PostRequest("/api/echo", "1") + PostRequest("/api/echo", "22")));
  auto first = client.Read();
  auto second = client.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(nlohmann::json::parse(first->body)["body"], "1");
  EXPECT_EQ(nlohmann::json::parse(second->body)["body"], "22");
}

TEST_F(ServerTest, PostBodyLimitIs413AndMethodMismatchIs405) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  StartServer(options);
  {  // Exactly at the limit: the handler gets all of it.
    TestClient client(port_);
    auto response = client.Request(PostRequest("/api/echo", std::string(1024 - 10, 'x') + "0123456789"));
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200);
    EXPECT_EQ(nlohmann::json::parse(response->body)["body"].get<std::string>().size(), 1024u);
  }
  {  // One byte more: 413 before the handler, connection closed.
    TestClient client(port_);
    auto response = client.Request(PostRequest("/api/echo", std::string(1025, 'x')));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(ErrorCode(*response), "too_large");
    EXPECT_TRUE(client.WaitClosed(3000));
  }
  {  // GET-only route: 405 with Allow; POST route asked with GET: 405 naming POST and GET.
    TestClient client(port_);
    auto post = client.Request(PostRequest("/api/x", "{}"));
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->Header("allow"), "GET, HEAD");
    auto put = client.Request("PUT /api/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}");
    ASSERT_TRUE(put);
    EXPECT_EQ(put->status, 405);
    EXPECT_EQ(put->Header("allow"), "GET, HEAD, POST");
  }
}

TEST_F(ServerTest, MalformedRequestsAre400AndClosed) {
  StartServer();
  const std::string bad[] = {
      "GARBAGE\r\n\r\n",
      "GET /api/x HTTP/9.9\r\nHost: a\r\n\r\n",
      "GET /api/x HTTP/1.1\r\nHost a\r\n\r\n",           // no colon
      "GET /api/x HTTP/1.1\r\nHo st: a\r\n\r\n",         // space in a name
      "GET /api/x\r\n\r\n",                              // HTTP/0.9
      "GET  /api/x HTTP/1.1\r\n\r\n",
      "GET /api/x HTTP/1.1\r\nContent-Length: x\r\n\r\n",
      "GET /api/x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
      "GET /api/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "GET /api/\x01x HTTP/1.1\r\n\r\n",
      std::string("GET /api/x HTTP/1.1\r\nX: a\0b\r\n\r\n", 30),
  };
  for (const std::string& request : bad) {
    TestClient client(port_);
    auto response = client.Request(request);
    ASSERT_TRUE(response) << request;
    EXPECT_EQ(response->status, 400) << request;
    EXPECT_EQ(ErrorCode(*response), "bad_request") << request;
    EXPECT_TRUE(client.WaitClosed(3000)) << request;
  }
  // A target that is not origin-form gets 400 from ParseTarget.
  auto absolute = Get("http://127.0.0.1/api/x");
  ASSERT_TRUE(absolute);
  EXPECT_EQ(absolute->status, 400);
  EXPECT_EQ(Get("/api/x")->status, 200);
}

TEST_F(ServerTest, SlowClientIsClosedWithinRequestTimeout) {
  ServerOptions options;
  options.request_timeout = std::chrono::seconds(1);
  StartServer(options);
  TestClient client(port_);
  auto start = Clock::now();
  ASSERT_TRUE(client.Send("GET /api/x HTTP/1.1\r\nHost: 127.0"));
  // Trickle a byte every 200 ms: the deadline is for the whole request.
  bool closed = false;
  for (int i = 0; i < 15 && !closed; ++i) {
    closed = client.WaitClosed(200);
    if (!closed) client.Send("x");
  }
  long elapsed = MillisecondsSince(start);
  EXPECT_TRUE(closed);
  EXPECT_GE(elapsed, 800);
  EXPECT_LE(elapsed, 2500);
  std::printf("[ info ] slow client closed after %ld ms (request_timeout 1 s)\n", elapsed);
  // A connection that sends nothing at all is closed too.
  TestClient silent(port_);
  start = Clock::now();
  EXPECT_TRUE(silent.WaitClosed(3000));
  EXPECT_LE(MillisecondsSince(start), 2500);
  EXPECT_EQ(Get("/api/x")->status, 200);
}

TEST_F(ServerTest, IdleKeepAliveIsClosedAfterIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  options.request_timeout = std::chrono::seconds(5);
  StartServer(options);
  TestClient client(port_);
  ASSERT_EQ(client.Request(GetRequest("/api/x"))->status, 200);
  auto start = Clock::now();
  EXPECT_TRUE(client.WaitClosed(4000));
  long elapsed = MillisecondsSince(start);
  EXPECT_GE(elapsed, 800);
  EXPECT_LE(elapsed, 2500);
}

TEST_F(ServerTest, HandlerExceptionIs500AndServerGoesOn) {
  StartServer();
  TestClient client(port_);
  auto response = client.Request(GetRequest("/api/throw"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(ErrorCode(*response), "internal");
  EXPECT_NE(response->body.find("boom in handler"), std::string::npos);
  auto odd = client.Request(GetRequest("/api/throw-int"));
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->status, 500);
  auto next = client.Request(GetRequest("/api/x"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(Get("/api/x")->status, 200);
}

TEST_F(ServerTest, SharedContextSlowHandlerDoesNotHoldUpOtherConnections) {
  ServerOptions options;
  options.context_per_thread = false;  // two threads sharing one io_context
  StartServer(options);
  TestClient slow(port_);
  ASSERT_TRUE(slow.Send(GetRequest("/api/sleep")));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the handler is running
  for (int i = 0; i < 4; ++i) {  // whichever connection lands where
    auto start = Clock::now();
    TestClient fast(port_);
    auto response = fast.Request(GetRequest("/api/x"));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_LE(MillisecondsSince(start), 500);
  }
  auto slow_response = slow.Read();
  ASSERT_TRUE(slow_response);
  EXPECT_EQ(slow_response->status, 200);
}

TEST_F(ServerTest, ThousandIdleConnectionsDoNotDelayANewClient) {
  // Both ends live in this process: 2,000 descriptors and some.
  rlimit limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
  if (limit.rlim_cur < 2200) {
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 4096);
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur < 2200) GTEST_SKIP() << "RLIMIT_NOFILE too low: " << limit.rlim_cur;
  StartServer();
  constexpr int kIdle = 1000;
  std::vector<std::unique_ptr<TestClient>> idle;
  idle.reserve(kIdle);
  for (int i = 0; i < kIdle; ++i) {
    auto client = std::make_unique<TestClient>(port_);
    ASSERT_TRUE(client->connected()) << i;
    // Half have had a request answered (idle keep-alive), half sent nothing.
    if (i % 2 == 0) {
      auto response = client->Request(GetRequest("/api/x"));
      ASSERT_TRUE(response) << i;
    }
    idle.push_back(std::move(client));
  }
  long worst_us = 0;
  for (int round = 0; round < 5; ++round) {
    auto start = Clock::now();
    TestClient fresh(port_);
    auto response = fresh.Request(GetRequest("/api/x"));
    long elapsed_us = static_cast<long>(
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    worst_us = std::max(worst_us, elapsed_us);
  }
  std::printf("[ info ] new client connected and answered in <= %ld us with %d idle connections open\n",
              worst_us, kIdle);
  EXPECT_LE(worst_us, 500 * 1000);  // the goal is 100 ms; slack for a loaded CI machine
  // The idle ones are still served.
  EXPECT_EQ(idle[0]->Request(GetRequest("/api/x"))->status, 200);
  EXPECT_EQ(idle[1]->Request(GetRequest("/api/x"))->status, 200);
}

TEST_F(ServerTest, StopClosesConnectionsAndIsIdempotent) {
  StartServer();
  TestClient client(port_);
  ASSERT_EQ(client.Request(GetRequest("/api/x"))->status, 200);
  TestClient half(port_);
  ASSERT_TRUE(half.Send("GET /api/x HTTP/1.1\r\n"));
  server_->Stop();
  EXPECT_TRUE(client.WaitClosed(2000));
  EXPECT_TRUE(half.WaitClosed(2000));
  server_->Stop();
  TestClient refused(port_);
  EXPECT_FALSE(refused.connected());
  server_->WaitForSignal();  // already stopped: returns at once
}

TEST_F(ServerTest, WaitForSignalReturnsWhenStoppedFromAnotherThread) {
  StartServer();
  std::thread stopper([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server_->Stop();
  });
  server_->WaitForSignal();
  stopper.join();
  TestClient refused(port_);
  EXPECT_FALSE(refused.connected());
}

TEST_F(ServerTest, WaitForSignalReturnsOnSigterm) {
  StartServer();
  std::thread signaller([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ::kill(::getpid(), SIGTERM);
  });
  server_->WaitForSignal();  // returns, and the server is stopped
  signaller.join();
  TestClient refused(port_);
  EXPECT_FALSE(refused.connected());
}

TEST_F(ServerTest, StartFailsWhenThePortIsInUse) {
  StartServer();
  ServerOptions options;
  options.port = port_;
  HttpServer second(options, [](const HttpRequest&) { return HttpResponse::Json(200, "{}"); });
  Status status = second.Start();
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find("in use"), std::string::npos) << status.message();
  EXPECT_EQ(Get("/api/x")->status, 200);
}

TEST_F(ServerTest, SharedContextModeServesToo) {
  ServerOptions options;
  options.context_per_thread = false;
  StartServer(options);
  TestClient client(port_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.Request(GetRequest("/api/x"))->status, 200);
  EXPECT_EQ(client.Request(GetRequest("/api/throw"))->status, 500);
  // Several connections on the shared context; Stop() closes them all.
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < 6; ++i) {
    clients.push_back(std::make_unique<TestClient>(port_));
    EXPECT_EQ(clients.back()->Request(GetRequest("/api/x"))->status, 200);
  }
  server_->Stop();
  for (auto& c : clients) EXPECT_TRUE(c->WaitClosed(2000));
}

}  // namespace
}  // namespace cakupan
