// GET /api/review?kind=link|duplicate[&period=P][&filter=pending|decided|linked|all][&page=N][&page_size=N]
// — the review queue, the object of `cakupan review list --format json`
// (always masked: the API never shows full NIKs or names). Reads the store.
// Decisions are taken with `cakupan review accept|reject` (docs/linkage.md).
#include "api/api_support.h"
#include "api/handlers.h"
#include "api/review_json.h"
#include "base/clock.h"
#include "base/progress.h"
#include "services/review_service.h"

namespace cakupan {

HttpResponse HandleReview(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  ReviewQuery q;
  q.period = params->period;
  if (auto kind = req.Query("kind"); kind && !kind->empty()) {
    auto k = ParsePairKind(*kind);
    if (!k) return ErrorResponse(Status::InvalidArgument(Tr("kind must be link or duplicate", "kind harus link atau duplicate")));
    q.kind = *k;
  }
  if (auto filter = req.Query("filter"); filter && !filter->empty()) {
    auto f = ParseReviewFilter(*filter);
    if (!f) return ErrorResponse(Status::InvalidArgument("filter: pending | decided | linked | all"));
    q.filter = *f;
  }
  for (auto [key, target] : {std::pair{"page", &q.page}, std::pair{"page_size", &q.page_size}}) {
    if (auto v = req.Query(key); v && !v->empty()) {
      int n = 0;
      for (char c : *v) {
        if (c < '0' || c > '9' || n > 100000) return ErrorResponse(Status::InvalidArgument(std::string(key) + ": a whole number"));
        n = n * 10 + (c - '0');
      }
      *target = n;
    }
  }
  q.unmask = false;
  auto store = service.OpenStore();
  if (!store.ok()) return ErrorResponse(store.status());
  SystemClock clock;
  NullProgress progress;
  ReviewService review(**store, clock, progress);
  auto list = review.List(q);
  if (!list.ok()) return ErrorResponse(list.status());
  return JsonResponse(ReviewListJson(*list).dump());
}

}  // namespace cakupan
