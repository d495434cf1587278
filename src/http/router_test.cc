#include "http/router.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cakupan {
namespace {

HttpRequest Request(std::string method, std::string path) {
  HttpRequest request;
  request.method = std::move(method);
  request.target = path;
  request.path = std::move(path);
  return request;
}

std::string ErrorCode(const HttpResponse& response) {
  return nlohmann::json::parse(response.body)["error"]["code"];
}

Router MakeRouter() {
  Router router;
  router.Get("/api/status", [](const HttpRequest&) { return HttpResponse::Json(200, "status"); });
  router.Get("/api/regions", [](const HttpRequest&) { return HttpResponse::Json(200, "regions"); });
  return router;
}

TEST(RouterTest, GetAndHeadReachTheExactRoute) {
  Router router = MakeRouter();
  EXPECT_EQ(router.Handle(Request("GET", "/api/status")).body, "status");
  EXPECT_EQ(router.Handle(Request("HEAD", "/api/status")).body, "status");
  EXPECT_EQ(router.Handle(Request("GET", "/api/regions")).body, "regions");
}

TEST(RouterTest, UnknownPathIs404JsonWithoutFallback) {
  Router router = MakeRouter();
  for (const char* path : {"/api/status/", "/api/statu", "/api", "/", "/API/STATUS"}) {
    HttpResponse response = router.Handle(Request("GET", path));
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(ErrorCode(response), "not_found") << path;
  }
}

std::string Allow(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Allow") return value;
  }
  return "(no Allow header)";
}

TEST(RouterTest, OtherMethodsAre405WithAllow) {
  Router router = MakeRouter();
  for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"}) {
    HttpResponse response = router.Handle(Request(method, "/api/status"));
    EXPECT_EQ(response.status, 405) << method;
    EXPECT_EQ(ErrorCode(response), "method_not_allowed") << method;
    ASSERT_EQ(response.headers.size(), 1u);
    EXPECT_EQ(response.headers[0].first, "Allow");
    EXPECT_EQ(response.headers[0].second, "GET, HEAD");
  }
  // No route and no fallback: nothing is there for any method.
  EXPECT_EQ(router.Handle(Request("POST", "/nowhere")).status, 404);
  // With a fallback (static files, GET only), other methods are 405.
  router.Fallback([](const HttpRequest&) { return HttpResponse::Json(200, "file"); });
  HttpResponse post = router.Handle(Request("POST", "/index.html"));
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(Allow(post), "GET, HEAD");
}

TEST(RouterTest, PostRoutesAndTheirAllowHeader) {
  Router router = MakeRouter();
  router.Post("/api/apply", [](const HttpRequest& r) { return HttpResponse::Json(202, "applied " + r.body); });
  router.Post("/api/status", [](const HttpRequest&) { return HttpResponse::Json(200, "posted"); });
  HttpRequest post = Request("POST", "/api/apply");
  post.body = "{}";
  HttpResponse applied = router.Handle(post);
  EXPECT_EQ(applied.status, 202);
  EXPECT_EQ(applied.body, "applied {}");
  // GET on a POST-only route: 405 naming POST.
  for (const char* method : {"GET", "HEAD", "PUT", "DELETE"}) {
    HttpResponse response = router.Handle(Request(method, "/api/apply"));
    EXPECT_EQ(response.status, 405) << method;
    EXPECT_EQ(Allow(response), "POST") << method;
  }
  // A path with both: each method reaches its own handler.
  EXPECT_EQ(router.Handle(Request("GET", "/api/status")).body, "status");
  EXPECT_EQ(router.Handle(Request("POST", "/api/status")).body, "posted");
  EXPECT_EQ(Allow(router.Handle(Request("PUT", "/api/status"))), "GET, HEAD, POST");
}

TEST(RouterTest, PatternSegmentsReachTheHandlerAsParams) {
  Router router = MakeRouter();
  auto echo = [](const HttpRequest& r) {
    std::string out;
    for (const auto& [k, v] : r.params) out += k + "=" + v + ";";
    return HttpResponse::Json(200, out);
  };
  router.Post("/api/review/{id}/accept", echo);
  router.Post("/api/review/{id}/reject", echo);
  router.Get("/api/review/{id}", echo);
  router.Post("/api/review/apply", [](const HttpRequest&) { return HttpResponse::Json(202, "apply"); });

  EXPECT_EQ(router.Handle(Request("POST", "/api/review/292f199d15b1/accept")).body, "id=292f199d15b1;");
  EXPECT_EQ(router.Handle(Request("POST", "/api/review/abc/reject")).body, "id=abc;");
  EXPECT_EQ(router.Handle(Request("GET", "/api/review/abc")).body, "id=abc;");
  // An exact route wins over a pattern of the same shape.
  router.Get("/api/review/apply", [](const HttpRequest&) { return HttpResponse::Json(200, "state"); });
  EXPECT_EQ(router.Handle(Request("GET", "/api/review/apply")).body, "state");
  EXPECT_EQ(router.Handle(Request("POST", "/api/review/apply")).body, "apply");
  HttpRequest with_param = Request("POST", "/api/review/x1/accept");
  EXPECT_EQ(router.Handle(with_param).body, "id=x1;");
  // The method is checked on the matched pattern.
  HttpResponse get = router.Handle(Request("GET", "/api/review/x1/accept"));
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(Allow(get), "POST");
  // Empty segments, extra or missing segments, other literals: no match.
  for (const char* path : {"/api/review//accept", "/api/review/x/accept/", "/api/review/x/y/accept",
                           "/api/review/x/ACCEPT", "/api/reviews/x/accept", "/api/review/x/undo"}) {
    HttpResponse response = router.Handle(Request("POST", path));
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(ErrorCode(response), "not_found") << path;
  }
  EXPECT_EQ(router.Handle(Request("GET", "/api/review/")).status, 404);
}

TEST(RouterTest, RequestParamLookup) {
  HttpRequest request;
  request.params = {{"id", "abc"}, {"action", "accept"}};
  EXPECT_EQ(request.Param("id"), "abc");
  EXPECT_EQ(request.Param("action"), "accept");
  EXPECT_FALSE(request.Param("kind"));
}

TEST(RouterTest, FallbackTakesUnroutedGetAndHead) {
  Router router = MakeRouter();
  router.Fallback([](const HttpRequest& r) { return HttpResponse::Text(200, "text/plain", r.path); });
  EXPECT_EQ(router.Handle(Request("GET", "/index.html")).body, "/index.html");
  EXPECT_EQ(router.Handle(Request("HEAD", "/")).body, "/");
  EXPECT_EQ(router.Handle(Request("GET", "/api/status")).body, "status");  // routes first
  EXPECT_EQ(router.Handle(Request("POST", "/index.html")).status, 405);
}

TEST(RouterTest, LaterRegistrationReplaces) {
  Router router = MakeRouter();
  router.Get("/api/status", [](const HttpRequest&) { return HttpResponse::Json(200, "new"); });
  EXPECT_EQ(router.Handle(Request("GET", "/api/status")).body, "new");
}

}  // namespace
}  // namespace cakupan
