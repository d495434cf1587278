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
  // Also where no route exists: the method is wrong everywhere.
  EXPECT_EQ(router.Handle(Request("POST", "/nowhere")).status, 405);
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
