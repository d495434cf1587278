#include "http/same_origin.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

HttpRequest Post(std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest request;
  request.method = "POST";
  request.target = request.path = "/api/review/292f199d15b1/accept";
  request.headers = std::move(headers);
  return request;
}

TEST(SameOriginTest, JsonWithoutOriginPasses) {
  // curl and scripts: no Origin header.
  for (const char* type : {"application/json", "application/json; charset=utf-8", "Application/JSON",
                           " application/json ;charset=UTF-8"}) {
    Status st = CheckSameOriginJson(Post({{"host", "127.0.0.1:8080"}, {"content-type", type}}));
    EXPECT_TRUE(st.ok()) << type << ": " << st.ToString();
  }
}

TEST(SameOriginTest, OtherContentTypesAre415) {
  // What a cross-site form or no-cors fetch can send without a preflight,
  // and look-alikes.
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                           "application/json-seq", "application/jsonx", "", "json"}) {
    Status st = CheckSameOriginJson(Post({{"host", "127.0.0.1:8080"}, {"content-type", type}}));
    EXPECT_FALSE(st.ok()) << type;
    EXPECT_EQ(st.reason(), "unsupported_media_type") << type;
    EXPECT_NE(st.message().find("application/json"), std::string::npos);
  }
  Status none = CheckSameOriginJson(Post({{"host", "127.0.0.1:8080"}}));
  EXPECT_EQ(none.reason(), "unsupported_media_type");
}

TEST(SameOriginTest, OriginMustNameTheHost) {
  struct Case {
    const char* origin;
    const char* host;
    bool ok;
  };
  const Case cases[] = {
      {"http://127.0.0.1:8080", "127.0.0.1:8080", true},
      {"http://LOCALHOST:8080", "localhost:8080", true},
      {"https://cakupan.example.go.id", "cakupan.example.go.id", true},
      {"http://127.0.0.1:8080/", "127.0.0.1:8080", true},
      {"http://127.0.0.1:8081", "127.0.0.1:8080", false},   // another port: another origin
      {"http://evil.example", "127.0.0.1:8080", false},
      {"http://127.0.0.1:8080.evil.example", "127.0.0.1:8080", false},
      {"http://127.0.0.1:8080/path", "127.0.0.1:8080", false},
      {"null", "127.0.0.1:8080", false},                    // sandboxed frames, file://
      {"", "127.0.0.1:8080", false},
      {"127.0.0.1:8080", "127.0.0.1:8080", false},           // no scheme
      {"ftp://127.0.0.1:8080", "127.0.0.1:8080", false},
      {"http://127.0.0.1:8080", nullptr, false},             // no Host to compare with
  };
  for (const Case& c : cases) {
    std::vector<std::pair<std::string, std::string>> headers = {{"content-type", "application/json"},
                                                                {"origin", c.origin}};
    if (c.host) headers.emplace_back("host", c.host);
    Status st = CheckSameOriginJson(Post(headers));
    EXPECT_EQ(st.ok(), c.ok) << c.origin << " vs " << (c.host ? c.host : "(none)");
    if (!c.ok) {
      EXPECT_EQ(st.reason(), "cross_origin") << c.origin;
    }
  }
}

TEST(SameOriginTest, LongOriginIsCutInTheMessage) {
  const std::string origin = "http://" + std::string(5000, 'a') + ".example";
  Status st = CheckSameOriginJson(Post({{"host", "h"}, {"content-type", "application/json"}, {"origin", origin}}));
  EXPECT_EQ(st.reason(), "cross_origin");
  EXPECT_LT(st.message().size(), 400u);
}

}  // namespace
}  // namespace cakupan
