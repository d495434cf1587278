#include "http/http_types.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cakupan {
namespace {

using Query = std::vector<std::pair<std::string, std::string>>;

TEST(ParseTargetTest, DecodesPathAndQuery) {
  struct Case {
    std::string target;
    std::string path;
    Query query;
  };
  const Case cases[] = {
      {"/", "/", {}},
      {"/api/coverage", "/api/coverage", {}},
      {"/api/coverage?region=17&level=regency", "/api/coverage",
       {{"region", "17"}, {"level", "regency"}}},
      {"/a%20b/c%2Bd", "/a b/c+d", {}},                       // '+' is literal in paths
      {"/s?q=kota+bengkulu", "/s", {{"q", "kota bengkulu"}}},   // '+' is a space in queries
      {"/s?q=a%2Bb%26c%3Dd", "/s", {{"q", "a+b&c=d"}}},
      {"/s?a=1&a=2&b", "/s", {{"a", "1"}, {"a", "2"}, {"b", ""}}},  // repeated, no '='
      {"/s?&&a=1&", "/s", {{"a", "1"}}},                      // empty pieces skipped
      {"/s?q=", "/s", {{"q", ""}}},
      {"/s?=v", "/s", {{"", "v"}}},
      {"/s?q=x=y", "/s", {{"q", "x=y"}}},                     // first '=' splits
      {"/s?q=%C3%A9", "/s", {{"q", "\xC3\xA9"}}},             // UTF-8 bytes
      {"/s?", "/s", {}},
  };
  for (const Case& c : cases) {
    std::string path;
    Query query;
    ASSERT_TRUE(ParseTarget(c.target, &path, &query)) << c.target;
    EXPECT_EQ(path, c.path) << c.target;
    EXPECT_EQ(query, c.query) << c.target;
  }
}

TEST(ParseTargetTest, RejectsMalformedTargets) {
  const std::string bad[] = {
      "",
      "api/x",                   // not starting with '/'
      "*",
      "http://example.com/x",    // absolute form
      "/a%2",                    // truncated escape
      "/a%",
      "/a%zz",
      "/a%0g",
      "/a%00b",                  // NUL, encoded
      std::string("/a\0b", 4),   // NUL, raw
      "/s?q=%",
      "/s?q=%4",
      "/s?q=%GG",
      "/s?q=%00",
      "/s?%zz=1",
  };
  for (const std::string& target : bad) {
    std::string path = "stale";
    Query query = {{"stale", "x"}};
    EXPECT_FALSE(ParseTarget(target, &path, &query)) << target;
  }
}

TEST(HttpRequestTest, QueryReturnsFirstValue) {
  HttpRequest request;
  request.query = {{"a", "1"}, {"b", "2"}, {"a", "3"}};
  EXPECT_EQ(request.Query("a"), "1");
  EXPECT_EQ(request.Query("b"), "2");
  EXPECT_FALSE(request.Query("c").has_value());
}

TEST(HttpRequestTest, HeaderLookupIgnoresCase) {
  HttpRequest request;
  request.headers = {{"if-none-match", "\"x\""}, {"accept", "*/*"}};
  EXPECT_EQ(request.Header("if-none-match"), "\"x\"");
  EXPECT_EQ(request.Header("Accept"), "*/*");
  EXPECT_FALSE(request.Header("host").has_value());
}

TEST(HttpResponseTest, ErrorIsTheDocumentedJson) {
  HttpResponse response = HttpResponse::Error(404, "not_found", "wilayah tidak dikenal: \"99\"");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "wilayah tidak dikenal: \"99\"");
}

TEST(HttpResponseTest, ErrorSurvivesInvalidUtf8) {
  HttpResponse response = HttpResponse::Error(400, "bad_request", "bad \xff byte");
  EXPECT_NO_THROW(nlohmann::json::parse(response.body));
}

TEST(HttpResponseTest, JsonAndText) {
  HttpResponse json = HttpResponse::Json(201, "{}");
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.body, "{}");
  EXPECT_EQ(json.content_type, "application/json; charset=utf-8");
  HttpResponse text = HttpResponse::Text(200, "text/csv; charset=utf-8", "a,b\n");
  EXPECT_EQ(text.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(text.body, "a,b\n");
}

}  // namespace
}  // namespace cakupan
