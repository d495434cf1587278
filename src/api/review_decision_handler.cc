// POST /api/review/{id}/accept | reject | undo
//   {"kind": "link" | "duplicate", "note": "…" (accept/reject), "period": "YYYY-MM"}
// Records or removes a reviewer's decision on one pair of the review queue,
// as `cakupan review accept|reject|undo ID` does (ReviewService). Only on a
// server started with `cakupan serve --allow-decisions`, and only as JSON
// from this server's own pages (CheckReviewWrite). A link decision takes
// effect when the periods are reconciled again (POST /api/review/apply or
// `cakupan reconcile`); the response says so with "needs_apply".
#include <string>

#include "api/api_support.h"
#include "api/handlers.h"
#include "base/clock.h"
#include "base/progress.h"
#include "http/same_origin.h"
#include "services/review_service.h"

namespace cakupan {

namespace {

constexpr size_t kPairIdLength = 12;

bool IsPairId(std::string_view id) {
  if (id.size() != kPairIdLength) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

struct DecisionBody {
  PairKind kind = PairKind::kLink;
  std::string note;
  std::optional<Period> period;
};

Status FieldError(const char* field, const char* en, const char* id) {
  return Status::InvalidArgument(std::string(Tr("field '", "kolom '")) + field + "': " + Tr(en, id));
}

Result<DecisionBody> ParseBody(const HttpRequest& req, ReviewAction action) {
  CAKUPAN_ASSIGN_OR_RETURN(nlohmann::json json, JsonObjectBody(req));
  DecisionBody out;
  for (const auto& [key, value] : json.items()) {
    if (key == "kind") {
      if (!value.is_string()) return FieldError("kind", "must be \"link\" or \"duplicate\"", "harus \"link\" atau \"duplicate\"");
      std::optional<PairKind> kind = ParsePairKind(value.get<std::string>());
      if (!kind) return FieldError("kind", "must be \"link\" or \"duplicate\"", "harus \"link\" atau \"duplicate\"");
      out.kind = *kind;
    } else if (key == "note" && action != ReviewAction::kUndo) {
      if (!value.is_string() && !value.is_null()) return FieldError("note", "must be text", "harus teks");
      if (value.is_string()) out.note = value.get<std::string>();
    } else if (key == "period") {
      if (value.is_null()) continue;
      if (value.is_string()) out.period = Period::Parse(value.get<std::string>());
      if (!out.period) return FieldError("period", "must be a month YYYY-MM", "harus bulan YYYY-MM");
    } else {
      return Status::InvalidArgument(std::string(Tr("unknown field '", "kolom tidak dikenal '")) +
                                     key.substr(0, 40) + "'");
    }
  }
  if (!json.contains("kind")) {
    return FieldError("kind", "is required (\"link\" or \"duplicate\")", "wajib diisi (\"link\" atau \"duplicate\")");
  }
  return out;
}

}  // namespace

Status CheckReviewWrite(const ReviewWrites& writes, const HttpRequest& req) {
  if (writes.applier == nullptr) {
    return Status::FailedPrecondition(
               Tr("this server is read-only: review decisions cannot be taken through it. Start it with "
                  "cakupan serve --allow-decisions, or decide in the command line: cakupan review accept ID",
                  "server ini hanya-baca: keputusan tinjauan tidak dapat diambil lewat server ini. Jalankan "
                  "cakupan serve --allow-decisions, atau putuskan di baris perintah: cakupan review accept ID"))
        .WithReason("read_only");
  }
  return CheckSameOriginJson(req);
}

HttpResponse HandleReviewDecision(ReviewWrites& writes, const HttpRequest& req, ReviewAction action) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  if (Status st = CheckReviewWrite(writes, req); !st.ok()) return ErrorResponse(st);
  const std::string id(req.Param("id").value_or(""));
  if (!IsPairId(id)) {
    return ErrorResponse(Status::InvalidArgument(Tr("a pair id is 12 hexadecimal digits (see GET /api/review)",
                                                    "id pasangan terdiri atas 12 digit heksadesimal (lihat GET /api/review)")));
  }
  auto body = ParseBody(req, action);
  if (!body.ok()) return ErrorResponse(body.status());
  if (writes.applier->Running()) {
    return ErrorResponse(Status::FailedPrecondition(
                             Tr("decisions are being applied; decide again when that run has ended",
                                "keputusan sedang diterapkan; putuskan lagi setelah proses itu selesai"))
                             .WithReason("busy"));
  }

  auto store = writes.service.OpenStore();
  if (!store.ok()) return ErrorResponse(store.status());
  SystemClock clock;
  NullProgress progress;
  ReviewService review(**store, clock, progress);
  nlohmann::json out = {{"id", id},
                        {"kind", PairKindCode(body->kind)},
                        {"period", body->period ? nlohmann::json(body->period->ToString()) : nlohmann::json(nullptr)},
                        {"needs_apply", body->kind == PairKind::kLink}};
  if (action == ReviewAction::kUndo) {
    if (Status st = review.Undo(body->kind, id, body->period); !st.ok()) return ErrorResponse(st);
    out["decision"] = "";
    out["decided_at"] = "";
    out["note"] = "";
  } else {
    const Decision decision = action == ReviewAction::kAccept ? Decision::kAccept : Decision::kReject;
    auto saved = review.Decide(body->kind, id, decision, body->note, body->period);
    if (!saved.ok()) return ErrorResponse(saved.status());
    out["decision"] = DecisionCode(saved->decision);
    out["decided_at"] = saved->decided_at;
    out["note"] = saved->note;
  }
  HttpResponse response = JsonResponse(out.dump());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace cakupan
