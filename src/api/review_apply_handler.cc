// POST /api/review/apply  (body {} or empty)
// GET  /api/review/apply
// Applying the reviewers' link decisions from the dashboard: POST starts a
// run of DecisionApplier (every period reconciled with linkage is reconciled
// again, as `cakupan reconcile --period P` does, then the snapshot reloads)
// and answers 202 with its state; 409 busy while one runs. GET answers the
// state of the last run, so that a page can wait for it. Writes follow
// CheckReviewWrite (403 read_only / cross_origin, 415).
#include "api/api_support.h"
#include "api/handlers.h"

namespace cakupan {

namespace {

nlohmann::json StateJson(const ApplyState& s, bool allowed) {
  nlohmann::json periods = nlohmann::json::array(), done = nlohmann::json::array();
  for (Period p : s.periods) periods.push_back(p.ToString());
  for (const AppliedPeriod& d : s.done) {
    done.push_back({{"period", d.period.ToString()},
                    {"linked_probabilistic", d.linked_probabilistic},
                    {"linked_accepted", d.linked_accepted},
                    {"review_pairs", d.review_pairs}});
  }
  auto text_or_null = [](const std::string& t) { return t.empty() ? nlohmann::json(nullptr) : nlohmann::json(t); };
  return {{"decisions_allowed", allowed},
          {"state", ApplyPhaseCode(s.phase)},
          {"run", s.run},
          {"started_at", text_or_null(s.started_at)},
          {"finished_at", text_or_null(s.finished_at)},
          {"periods", std::move(periods)},
          {"done", std::move(done)},
          {"error", text_or_null(s.error)}};
}

HttpResponse NoStore(HttpResponse response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

HttpResponse HandleReviewApply(ReviewWrites& writes, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  if (Status st = CheckReviewWrite(writes, req); !st.ok()) return ErrorResponse(st);
  auto body = JsonObjectBody(req, /*empty_is_object=*/true);
  if (!body.ok()) return ErrorResponse(body.status());
  if (!body->empty()) {
    return ErrorResponse(Status::InvalidArgument(Tr("this request takes no fields: send {}",
                                                    "permintaan ini tidak menerima kolom apa pun: kirim {}")));
  }
  auto started = writes.applier->Start();
  if (!started.ok()) return ErrorResponse(started.status());
  return NoStore(HttpResponse::Json(202, StateJson(*started, true).dump()));
}

HttpResponse HandleReviewApplyState(ReviewWrites& writes, const HttpRequest&) {
  const ApplyState state = writes.applier ? writes.applier->State() : ApplyState{};
  return NoStore(JsonResponse(StateJson(state, writes.applier != nullptr).dump()));
}

}  // namespace cakupan
