// The review queue's write API end to end: a real SQLite file
// (linkage_fixture.h), reconciled with the `cakupan` binary, served by
// `cakupan serve` (read-only, or with --allow-decisions) and driven over HTTP:
// accept / reject / undo, the refusals (read-only server, another origin,
// not JSON, bad JSON or fields, unknown pair), the response cache after a
// decision, and applying decisions, which changes the coverage figures.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "e2e_util.h"
#include "linkage_fixture.h"

namespace cakupan::e2e {
namespace {

const std::string kJson = "Content-Type: application/json";

// A served database and the requests the tests make.
class ReviewServer : public ::testing::Test {
 protected:
  void Serve(bool allow_decisions, int reload_seconds = 0) {
    std::vector<std::string> args = {"--db", db_, "serve", "--port", "0", "--reload-seconds",
                                     std::to_string(reload_seconds)};
    if (allow_decisions) args.push_back("--allow-decisions");
    server_ = std::make_unique<ServerProcess>(args);
    ASSERT_TRUE(server_->ok()) << server_->output();
  }

  HttpResult Post(const std::string& target, const std::string& body, std::vector<std::string> headers = {kJson}) {
    return HttpSend(server_->port(), "POST", target, body, headers);
  }
  nlohmann::json GetJson(const std::string& target, int status = 200) {
    HttpResult r = HttpGet(server_->port(), target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body.substr(0, 300);
    return nlohmann::json::parse(r.body, nullptr, false);
  }
  static std::string ErrorCode(const HttpResult& r) {
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "(no error: " + r.body + ")";
  }
  static std::string ErrorMessage(const HttpResult& r) {
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["message"].get<std::string>() : "";
  }

  // The id of the pair whose registry side has this name (from the CLI,
  // unmasked: the API never shows names).
  std::string PairIdOf(const std::string& name, const std::string& filter = "all") {
    RunResult r = Cakupan({"--db", db_, "review", "list", "--filter", filter, "--format", "json", "--unmask",
                           "--page-size", "1000"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json list = nlohmann::json::parse(r.out);
    for (const auto& item : list["items"])
      if (item["left"]["name"] == name) return item["id"];
    return "";
  }

  int64_t ActiveInKaur() {
    return GetJson("/api/coverage?region=17.04&basis=registry")["region"]["active"].get<int64_t>();
  }

  // Polls GET /api/review/apply until the run has ended (at most 60 s).
  nlohmann::json WaitForApply() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    nlohmann::json state;
    do {
      state = GetJson("/api/review/apply");
      if (state["state"] != "running") return state;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (std::chrono::steady_clock::now() < deadline);
    ADD_FAILURE() << "the run did not end within 60 s: " << state.dump();
    return state;
  }

  TempDir dir_{"review-api"};
  std::string db_ = dir_ / "cakupan.db";
  std::unique_ptr<ServerProcess> server_;
};

// The hand-made data set of linkage_fixture.h, reconciled.
class ReviewApiE2e : public ReviewServer {
 protected:
  void SetUp() override {
    ASSERT_EQ(BuildLinkageDatabase(dir_.path(), db_), "");
    RunResult r = Cakupan({"--db", db_, "reconcile"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

// A generated regency with the documented field errors
// (docs/synthetic-data.md): pairs in the review band wait for a decision.
class ReviewGeneratedE2e : public ReviewServer {
 protected:
  void SetUp() override {
    const std::string gen = dir_ / "gen";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"generate", "--region", "17.04", "--workers", "20000", "--seed", "3", "--noise", "default", "--out", gen},
             {"--db", db_, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"},
             {"--db", db_, "import", "workers", gen + "/pekerja.csv"},
             {"--db", db_, "import", "members", gen + "/kepesertaan-2024-11.csv"},
             {"--db", db_, "reconcile"}}) {
      RunResult r = Cakupan(args);
      ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[2] << ": " << r.err;
    }
  }
  nlohmann::json KaurRegistry() { return GetJson("/api/coverage?region=17.04&basis=registry")["region"]; }
};

TEST_F(ReviewApiE2e, ReadOnlyServerRefusesEveryWrite) {
  Serve(false);
  EXPECT_EQ(GetJson("/api/status")["decisions_allowed"], false);
  const std::string id = PairIdOf("Dewi Anggraini Lestari");
  ASSERT_FALSE(id.empty());
  for (const std::string action : {"accept", "reject", "undo"}) {
    HttpResult r = Post("/api/review/" + id + "/" + action, R"({"kind":"link"})");
    EXPECT_EQ(r.status, 403) << action;
    EXPECT_EQ(ErrorCode(r), "read_only") << action;
    EXPECT_NE(ErrorMessage(r).find("cakupan serve --allow-decisions"), std::string::npos) << ErrorMessage(r);
    EXPECT_NE(ErrorMessage(r).find("hanya-baca"), std::string::npos) << "Indonesian by default";
  }
  HttpResult apply = Post("/api/review/apply", "{}");
  EXPECT_EQ(apply.status, 403);
  EXPECT_EQ(ErrorCode(apply), "read_only");
  nlohmann::json state = GetJson("/api/review/apply");
  EXPECT_EQ(state["decisions_allowed"], false);
  EXPECT_EQ(state["state"], "idle");
  // English on request.
  HttpResult en = Post("/api/review/" + id + "/accept?lang=en", R"({"kind":"link"})");
  EXPECT_NE(ErrorMessage(en).find("read-only"), std::string::npos) << ErrorMessage(en);
  // Nothing was written.
  RunResult decided = Cakupan({"--db", db_, "review", "list", "--filter", "decided", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(decided.out)["total"], 0);
}

TEST_F(ReviewApiE2e, AcceptRejectAndUndoAreStoredAndListedAtOnce) {
  Serve(true);
  EXPECT_EQ(GetJson("/api/status")["decisions_allowed"], true);
  const std::string dewi = PairIdOf("Dewi Anggraini Lestari");
  const std::string soekarno = PairIdOf("H. Moch. Soekarno");
  ASSERT_FALSE(dewi.empty());
  ASSERT_FALSE(soekarno.empty());
  // Cached before any decision: the list must not be served stale afterwards.
  EXPECT_EQ(GetJson("/api/review?filter=decided")["total"], 0);

  HttpResult reject = Post("/api/review/" + dewi + "/reject", R"({"kind":"link","note":"orang lain menurut kepala desa"})");
  ASSERT_EQ(reject.status, 200) << reject.body;
  auto saved = nlohmann::json::parse(reject.body);
  EXPECT_EQ(saved["id"], dewi);
  EXPECT_EQ(saved["decision"], "reject");
  EXPECT_EQ(saved["note"], "orang lain menurut kepala desa");
  EXPECT_EQ(saved["needs_apply"], true);
  EXPECT_FALSE(saved["decided_at"].get<std::string>().empty());
  EXPECT_EQ(reject.Header("cache-control"), "no-store");

  HttpResult accept = Post("/api/review/" + soekarno + "/accept", R"({"kind":"link","period":"2024-11"})");
  ASSERT_EQ(accept.status, 200) << accept.body;
  EXPECT_EQ(nlohmann::json::parse(accept.body)["decision"], "accept");

  nlohmann::json decided = GetJson("/api/review?filter=decided");
  ASSERT_EQ(decided["total"], 2) << decided.dump(1);
  for (const auto& item : decided["items"]) {
    if (item["id"] == dewi) {
      EXPECT_EQ(item["decision"], "reject");
      EXPECT_EQ(item["note"], "orang lain menurut kepala desa");
    } else {
      EXPECT_EQ(item["id"], soekarno);
      EXPECT_EQ(item["decision"], "accept");
    }
  }
  // The same as the CLI reads from the file.
  RunResult cli = Cakupan({"--db", db_, "review", "list", "--filter", "decided", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(cli.out), decided);

  HttpResult undo = Post("/api/review/" + dewi + "/undo", R"({"kind":"link"})");
  ASSERT_EQ(undo.status, 200) << undo.body;
  EXPECT_EQ(nlohmann::json::parse(undo.body)["decision"], "");
  EXPECT_EQ(GetJson("/api/review?filter=decided")["total"], 1);
  HttpResult again = Post("/api/review/" + dewi + "/undo", R"({"kind":"link"})");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(ErrorCode(again), "not_found");
}

TEST_F(ReviewApiE2e, DecisionsReachTheListWithoutRebuildingTheSnapshot) {
  Serve(true, /*reload_seconds=*/1);
  const std::string loaded_at = GetJson("/api/status")["loaded_at"];
  EXPECT_EQ(GetJson("/api/review?filter=decided")["total"], 0);  // cached
  ASSERT_EQ(Post("/api/review/" + PairIdOf("H. Moch. Soekarno") + "/accept", R"({"kind":"link"})").status, 200);
  // A decision taken in the CLI meanwhile reaches the list within the
  // server's check for changes (1 s here).
  RunResult cli = Cakupan({"--db", db_, "review", "reject", PairIdOf("Dewi Anggraini Lestari")});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  int64_t total = 0;
  for (int i = 0; i < 50 && total != 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    total = GetJson("/api/review?filter=decided")["total"].get<int64_t>();
  }
  EXPECT_EQ(total, 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  // Neither decision rebuilt the snapshot: nothing it holds changed.
  EXPECT_EQ(GetJson("/api/status")["loaded_at"], loaded_at);
}

TEST_F(ReviewApiE2e, RefusesOtherOriginsNonJsonAndBadInput) {
  Serve(true);
  const std::string id = PairIdOf("Dewi Anggraini Lestari");
  ASSERT_FALSE(id.empty());
  const std::string target = "/api/review/" + id + "/accept";
  const std::string body = R"({"kind":"link"})";
  // Not JSON: what a cross-site form can send.
  for (const std::vector<std::string>& headers : std::vector<std::vector<std::string>>{
           {"Content-Type: text/plain"}, {"Content-Type: application/x-www-form-urlencoded"}, {}}) {
    HttpResult r = Post(target, body, headers);
    EXPECT_EQ(r.status, 415) << (headers.empty() ? "no content type" : headers[0]);
    EXPECT_EQ(ErrorCode(r), "unsupported_media_type");
  }
  // Another origin.
  HttpResult evil = Post(target, body, {kJson, "Origin: http://evil.example"});
  EXPECT_EQ(evil.status, 403);
  EXPECT_EQ(ErrorCode(evil), "cross_origin");
  HttpResult other_port = Post(target, body, {kJson, "Origin: http://127.0.0.1:1"});
  EXPECT_EQ(other_port.status, 403);
  // Bad JSON or fields: 400, nothing written.
  for (const std::string& bad : {std::string("{kind: link"), std::string("[]"), std::string(""), std::string("{}"),
                                 std::string(R"({"kind":"cousin"})"), std::string(R"({"kind":"link","note":5})"),
                                 std::string(R"({"kind":"link","colour":"red"})"),
                                 std::string(R"({"kind":"link","period":"2024-13"})"),
                                 std::string("{\"kind\":\"link\",\"note\":\"\xff\"}"),
                                 R"({"kind":"link","note":")" + std::string(501, 'x') + R"("})"}) {
    HttpResult r = Post(target, bad);
    EXPECT_EQ(r.status, 400) << bad.substr(0, 60) << ": " << r.body;
    EXPECT_EQ(ErrorCode(r), "bad_request") << bad.substr(0, 60);
  }
  // Ids: malformed 400, unknown 404, another kind's list 404.
  EXPECT_EQ(Post("/api/review/zz/accept", body).status, 400);
  HttpResult unknown = Post("/api/review/000000000000/accept", body);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(ErrorCode(unknown), "not_found");
  EXPECT_NE(ErrorMessage(unknown).find("000000000000"), std::string::npos);
  EXPECT_EQ(ErrorCode(Post(target, R"({"kind":"duplicate"})")), "no_data") << "dedupe never ran";
  // Methods and sizes.
  HttpResult get = HttpGet(server_->port(), target);
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(get.Header("allow"), "POST");
  HttpResult big = Post(target, R"({"kind":"link","note":")" + std::string(70000, 'x') + R"("})");
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(Post("/api/review/apply", R"({"periods":["2024-11"]})").status, 400);
  // Same origin passes; nothing above was written.
  RunResult decided = Cakupan({"--db", db_, "review", "list", "--filter", "decided", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(decided.out)["total"], 0);
  HttpResult same = Post(target, body, {kJson, "Origin: http://127.0.0.1:" + std::to_string(server_->port())});
  EXPECT_EQ(same.status, 200) << same.body;
}

TEST_F(ReviewApiE2e, ApplyingDecisionsReconcilesAgainAndChangesTheCoverage) {
  Serve(true);
  const int64_t before = ActiveInKaur();
  const nlohmann::json linked_before = GetJson("/api/review?filter=linked&page_size=1000");
  const std::string dewi = PairIdOf("Dewi Anggraini Lestari", "linked");
  ASSERT_FALSE(dewi.empty()) << "Dewi is linked by the model";
  ASSERT_EQ(Post("/api/review/" + dewi + "/reject", R"({"kind":"link"})").status, 200);
  EXPECT_EQ(ActiveInKaur(), before) << "a decision alone changes no figure";

  HttpResult start = Post("/api/review/apply", "");
  ASSERT_EQ(start.status, 202) << start.body;
  auto started = nlohmann::json::parse(start.body);
  EXPECT_EQ(started["state"], "running");
  EXPECT_EQ(started["periods"], nlohmann::json::array({"2024-11"}));
  // One run at a time, and no decision while it runs.
  HttpResult second = Post("/api/review/apply", "{}");
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(ErrorCode(second), "busy");
  HttpResult during = Post("/api/review/" + dewi + "/undo", R"({"kind":"link"})");
  EXPECT_EQ(during.status, 409) << during.body;

  nlohmann::json done = WaitForApply();
  ASSERT_EQ(done["state"], "succeeded") << done.dump();
  ASSERT_EQ(done["done"].size(), 1u);
  EXPECT_EQ(done["done"][0]["period"], "2024-11");
  EXPECT_EQ(done["run"], 1);
  // The snapshot was reloaded: one worker fewer is active, as after
  // `cakupan reconcile` in the CLI.
  EXPECT_EQ(ActiveInKaur(), before - 1);
  RunResult cli = Cakupan({"--db", db_, "coverage", "--region", "17.04", "--basis", "registry", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(cli.out)["region"]["active"].get<int64_t>(), before - 1);
  EXPECT_EQ(GetJson("/api/review?filter=linked&page_size=1000")["total"].get<int64_t>(),
            linked_before["total"].get<int64_t>() - 1);

  // Undone and applied again: back to the model's links.
  ASSERT_EQ(Post("/api/review/" + dewi + "/undo", R"({"kind":"link"})").status, 200);
  ASSERT_EQ(Post("/api/review/apply", "{}").status, 202);
  EXPECT_EQ(WaitForApply()["state"], "succeeded");
  EXPECT_EQ(ActiveInKaur(), before);
}

TEST_F(ReviewApiE2e, NothingToApplyWithoutLinkage) {
  RunResult exact = Cakupan({"--db", db_, "reconcile", "--exact-only"});
  ASSERT_EQ(exact.exit_code, 0) << exact.err;
  Serve(true);
  HttpResult r = Post("/api/review/apply", "{}");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(ErrorCode(r), "no_data");
  EXPECT_NE(ErrorMessage(r).find("cakupan reconcile"), std::string::npos);
}

}  // namespace
}  // namespace cakupan::e2e

namespace cakupan::e2e {
namespace {

TEST_F(ReviewGeneratedE2e, AcceptingAPendingPairAndApplyingRegistersTheWorker) {
  Serve(true);
  nlohmann::json pending = GetJson("/api/review?page_size=5");
  ASSERT_GT(pending["pending"].get<int64_t>(), 0) << "the generated errors leave pairs to review";
  const nlohmann::json pair = pending["items"][0];
  EXPECT_EQ(pair["band"], "review");
  EXPECT_EQ(pair["decision"], "");
  const nlohmann::json before = KaurRegistry();

  HttpResult accept = Post("/api/review/" + pair["id"].get<std::string>() + "/accept",
                           R"({"kind":"link","note":"dicek ke desa","period":"2024-11"})");
  ASSERT_EQ(accept.status, 200) << accept.body;
  EXPECT_EQ(GetJson("/api/review?page_size=5")["pending"].get<int64_t>(), pending["pending"].get<int64_t>() - 1);
  ASSERT_EQ(Post("/api/review/apply", "{}").status, 202);
  nlohmann::json done = WaitForApply();
  ASSERT_EQ(done["state"], "succeeded") << done.dump();
  EXPECT_EQ(done["done"][0]["linked_accepted"], 1);
  // The worker is a member now (active or non-active, as the membership is).
  const nlohmann::json after = KaurRegistry();
  EXPECT_EQ(after["unregistered"].get<int64_t>(), before["unregistered"].get<int64_t>() - 1);
  EXPECT_EQ(after["active"].get<int64_t>() + after["non_active"].get<int64_t>(),
            before["active"].get<int64_t>() + before["non_active"].get<int64_t>() + 1);
  nlohmann::json linked = GetJson("/api/review?filter=decided");
  ASSERT_EQ(linked["items"].size(), 1u);
  EXPECT_EQ(linked["items"][0]["method"], "accepted");
  // The OpenAPI document describes the writes.
  nlohmann::json doc = GetJson("/api/openapi.json");
  for (const char* path : {"/api/review/{id}/accept", "/api/review/{id}/reject", "/api/review/{id}/undo",
                           "/api/review/apply"})
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
}

}  // namespace
}  // namespace cakupan::e2e
