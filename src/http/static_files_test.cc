#include "http/static_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "http/router.h"
#include "http/server.h"
#include "http/test_client.h"

namespace cakupan {
namespace {

namespace fs = std::filesystem;
using testing::GetRequest;
using testing::TestClient;

const char kSecret[] = "TOP-SECRET-outside-the-web-root\n";

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A temporary tree:
//   <tmp>/web/            the root: index.html, app.js, sub/index.html, ...
//   <tmp>/node/dist/      mounted at /vendor/echarts/
//   <tmp>/secret.txt, <tmp>/outside/secret.json   must never be served
//   web/leak.txt -> ../secret.txt, web/leakdir -> ../outside (symlinks out)
//   web/alias.js -> app.js (a symlink that stays inside: served)
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/cakupan_static_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    web_ = dir_ / "web";
    WriteFile(web_ / "index.html", "<!doctype html><title>cakupan</title>");
    WriteFile(web_ / "app.js", "console.log('app');");
    WriteFile(web_ / "app.mjs", "export {};");
    WriteFile(web_ / "style.css", "body{}");
    WriteFile(web_ / "data.json", "{}");
    WriteFile(web_ / "map.geojson", R"({"type":"FeatureCollection","features":[]})");
    WriteFile(web_ / "icon.svg", "<svg/>");
    WriteFile(web_ / "logo.png", std::string("\x89PNG\r\n\x1a\n", 8));
    WriteFile(web_ / "favicon.ico", "ico");
    WriteFile(web_ / "font.woff2", "wOF2");
    WriteFile(web_ / "app.js.map", "{}");
    WriteFile(web_ / "robots.txt", "User-agent: *");
    WriteFile(web_ / "sub" / "index.html", "<p>sub</p>");
    WriteFile(web_ / "program.exe", "MZ");
    WriteFile(web_ / "noext", "x");
    WriteFile(web_ / ".env", "SECRET=1");
    WriteFile(web_ / "a" / "b.txt", "ab");
    WriteFile(dir_ / "node" / "dist" / "echarts.min.js", "/* echarts */");
    WriteFile(dir_ / "node" / "dist" / "demo.html", "<p>demo</p>");
    WriteFile(dir_ / "secret.txt", kSecret);
    WriteFile(dir_ / "outside" / "secret.json", kSecret);
    WriteFile(dir_ / "outside" / "index.html", kSecret);
    fs::create_symlink("../secret.txt", web_ / "leak.txt");
    fs::create_symlink("../outside", web_ / "leakdir");
    fs::create_symlink(dir_ / "outside" / "secret.json", web_ / "abs.json");
    fs::create_symlink("app.js", web_ / "alias.js");
    files_ = std::make_unique<StaticFiles>(
        web_.string(),
        std::vector<std::pair<std::string, std::string>>{
            {"/vendor/echarts/", (dir_ / "node" / "dist" / "").string()}});
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  HttpResponse Serve(const std::string& target, const std::string& if_none_match = "") {
    HttpRequest request;
    request.method = "GET";
    request.target = target;
    if (!ParseTarget(target, &request.path, &request.query)) {
      return HttpResponse::Error(400, "bad_request", "target");
    }
    if (!if_none_match.empty()) request.headers.emplace_back("if-none-match", if_none_match);
    return files_->Serve(request);
  }

  static std::string Header(const HttpResponse& response, const std::string& name) {
    for (const auto& [k, v] : response.headers) {
      if (k == name) return v;
    }
    return "";
  }

  fs::path dir_;
  fs::path web_;
  std::unique_ptr<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesKnownTypesWithContentType) {
  struct Case {
    const char* target;
    const char* content_type;
  };
  const Case cases[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/app.js", "text/javascript; charset=utf-8"},
      {"/app.mjs", "text/javascript; charset=utf-8"},
      {"/style.css", "text/css; charset=utf-8"},
      {"/data.json", "application/json; charset=utf-8"},
      {"/map.geojson", "application/geo+json; charset=utf-8"},
      {"/icon.svg", "image/svg+xml; charset=utf-8"},
      {"/logo.png", "image/png"},
      {"/favicon.ico", "image/x-icon"},
      {"/font.woff2", "font/woff2"},
      {"/app.js.map", "application/json; charset=utf-8"},
      {"/robots.txt", "text/plain; charset=utf-8"},
      {"/vendor/echarts/echarts.min.js", "text/javascript; charset=utf-8"},
      {"/alias.js", "text/javascript; charset=utf-8"},  // a symlink inside the root
      {"/a/b.txt?v=3", "text/plain; charset=utf-8"},
  };
  for (const Case& c : cases) {
    HttpResponse response = Serve(c.target);
    EXPECT_EQ(response.status, 200) << c.target << " " << response.body;
    EXPECT_EQ(response.content_type, c.content_type) << c.target;
    EXPECT_FALSE(Header(response, "ETag").empty()) << c.target;
  }
  EXPECT_EQ(Serve("/app.js").body, "console.log('app');");
  EXPECT_EQ(Serve("/logo.png").body.size(), 8u);
}

TEST_F(StaticFilesTest, RootAndDirectoriesServeIndexHtml) {
  EXPECT_EQ(Serve("/").body, "<!doctype html><title>cakupan</title>");
  EXPECT_EQ(Serve("/sub/").body, "<p>sub</p>");
  EXPECT_EQ(Serve("/sub").body, "<p>sub</p>");
  EXPECT_EQ(Serve("/a/").status, 404);  // a directory without index.html
}

TEST_F(StaticFilesTest, CacheHeaders) {
  EXPECT_EQ(Header(Serve("/index.html"), "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(Serve("/app.js"), "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(Serve("/vendor/echarts/echarts.min.js"), "Cache-Control"),
            "public, max-age=86400");
  EXPECT_EQ(Header(Serve("/vendor/echarts/demo.html"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, EtagGives304) {
  HttpResponse first = Serve("/app.js");
  std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(Serve("/app.js").headers, first.headers);  // stable

  HttpResponse again = Serve("/app.js", etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(Header(again, "ETag"), etag);
  EXPECT_EQ(Serve("/app.js", "\"other\", " + etag).status, 304);
  EXPECT_EQ(Serve("/app.js", "W/" + etag).status, 304);
  EXPECT_EQ(Serve("/app.js", "*").status, 304);
  EXPECT_EQ(Serve("/app.js", "\"other\"").status, 200);

  // A changed file gets a new tag.
  WriteFile(web_ / "app.js", "console.log('changed, and longer');");
  HttpResponse changed = Serve("/app.js", etag);
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(Header(changed, "ETag"), etag);
}

TEST_F(StaticFilesTest, MissingUnknownAndHiddenAre404Json) {
  for (const char* target : {"/missing.js", "/program.exe", "/noext", "/.env", "/sub/missing.html",
                             "/vendor/echarts/missing.js", "/vendor/echarts/"}) {
    HttpResponse response = Serve(target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "not_found") << target;
  }
}

TEST_F(StaticFilesTest, MissingRootServesNothing) {
  StaticFiles none((dir_ / "does-not-exist").string(), {});
  HttpRequest request;
  request.method = "GET";
  request.target = request.path = "/index.html";
  EXPECT_EQ(none.Serve(request).status, 404);
}

// Every traversal attempt, sent as raw bytes through the real server (no
// client normalises anything): 404 (or 400 where the request itself is
// malformed) and never the secret.
TEST_F(StaticFilesTest, NoPathLeavesTheRoot) {
  Router router;
  router.Fallback([this](const HttpRequest& request) { return files_->Serve(request); });
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  HttpServer server(options, [&router](const HttpRequest& r) { return router.Handle(r); });
  ASSERT_TRUE(server.Start().ok());
  const std::string secret_path = (dir_ / "secret.txt").string();

  const std::string attempts[] = {
      "/../secret.txt",
      "/../../../../../../etc/passwd",
      "/../etc/passwd",
      "/%2e%2e/secret.txt",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E/%2E%2E/etc/passwd",
      "/..%2fsecret.txt",
      "/..%2Fsecret.txt",
      "/..%2fetc",
      "/a/../../secret.txt",
      "/a/../../x",
      "/a/%2e%2e/%2e%2e/secret.txt",
      "/sub/../../secret.txt",
      "/./../secret.txt",
      "/.%2e/secret.txt",
      "/..\\secret.txt",
      "/..%5csecret.txt",
      "/..%5Csecret.txt",
      "/a\\..\\..\\secret.txt",
      "/leak.txt",
      "/leakdir/secret.json",
      "/leakdir/",
      "/leakdir",
      "/abs.json",
      "//etc/passwd",
      "//" + secret_path,
      "/" + secret_path,
      "/%2f" + secret_path.substr(1),
      "/vendor/echarts/../../secret.txt",
      "/vendor/echarts/%2e%2e/%2e%2e/secret.txt",
      "/vendor/echarts/..%2f..%2fsecret.txt",
      "/vendor/echarts//etc/passwd",
      "/vendor/echarts/../../web/index.html",
      "/index.html%00.png",
      "/secret.txt",
      "/....//secret.txt",
      "/%252e%252e/secret.txt",  // double encoding stays literal
      "/.../secret.txt",
  };
  for (const std::string& target : attempts) {
    TestClient client(server.port());
    auto response = client.Request(GetRequest(target));
    ASSERT_TRUE(response) << target;
    EXPECT_TRUE(response->status == 404 || response->status == 400)
        << target << " -> " << response->status;
    EXPECT_EQ(response->body.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_NE(response->body, kSecret) << target;
  }
  // The ones the brief names are 404 exactly.
  for (const std::string target : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc",
                                   "/a/../../x", "/..\\secret.txt", "/leak.txt", "//etc/passwd"}) {
    TestClient client(server.port());
    auto response = client.Request(GetRequest(target));
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 404) << target;
  }
  // And the site itself still works.
  TestClient client(server.port());
  auto index = client.Request(GetRequest("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
  auto head = client.Request(GetRequest("/app.js", "", "HEAD"), /*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "19");
  auto not_modified = client.Request(
      GetRequest("/app.js", "If-None-Match: " + head->Header("etag") + "\r\n"));
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_FALSE(not_modified->HasHeader("content-length"));
  auto after = client.Request(GetRequest("/vendor/echarts/echarts.min.js"));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body, "/* echarts */");
}

}  // namespace
}  // namespace cakupan
