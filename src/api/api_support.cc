#include "api/api_support.h"

#include <charconv>

namespace cakupan {

Result<CommonParams> ParseCommonParams(const HttpRequest& req) {
  CommonParams p;
  if (auto lang = req.Query("lang")) {
    if (!ParseLanguage(*lang, &p.lang)) return Status::InvalidArgument("lang must be id or en");
  }
  ScopedThreadLanguage scope(p.lang);  // messages below in the asked language
  if (auto period = req.Query("period"); period && !period->empty()) {
    p.period = Period::Parse(*period);
    if (!p.period) {
      return Status::InvalidArgument(std::string(Tr("bad period '", "periode tidak valid '")) + std::string(*period) +
                                     "' (YYYY-MM)");
    }
  }
  if (auto basis = req.Query("basis"); basis && !basis->empty()) {
    auto b = ParseBasis(*basis);
    if (!b) return Status::InvalidArgument(std::string(Tr("unknown basis '", "basis tidak dikenal '")) +
                                           std::string(*basis) + "' (labour-force, registry)");
    p.basis = *b;
  }
  if (auto format = req.Query("format"); format && !format->empty()) {
    if (*format == "json") p.format = ApiFormat::kJson;
    else if (*format == "csv") p.format = ApiFormat::kCsv;
    else if (*format == "xlsx") p.format = ApiFormat::kXlsx;
    else return Status::InvalidArgument(std::string(Tr("unknown format '", "format tidak dikenal '")) +
                                        std::string(*format) + "' (json, csv, xlsx)");
  }
  return p;
}

Result<std::string> RequiredParam(const HttpRequest& req, std::string_view name) {
  auto v = req.Query(name);
  if (!v || v->empty()) {
    return Status::InvalidArgument(std::string(Tr("missing parameter '", "parameter wajib tidak ada: '")) +
                                   std::string(name) + "'");
  }
  return std::string(*v);
}

Result<int> IntParam(const HttpRequest& req, std::string_view name, int fallback, int lo, int hi) {
  auto v = req.Query(name);
  if (!v || v->empty()) return fallback;
  int out = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || ptr != v->data() + v->size() || out < lo || out > hi) {
    return Status::InvalidArgument(std::string(Tr("parameter '", "parameter '")) + std::string(name) +
                                   Tr("' must be a whole number from ", "' harus bilangan bulat dari ") +
                                   std::to_string(lo) + Tr(" to ", " sampai ") + std::to_string(hi));
  }
  return out;
}

Result<nlohmann::json> JsonObjectBody(const HttpRequest& req, bool empty_is_object) {
  bool blank = true;
  for (char c : req.body) blank = blank && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
  if (blank) {
    if (empty_is_object) return nlohmann::json::object();
    return Status::InvalidArgument(Tr("the request body is empty; expected a JSON object",
                                      "isi permintaan kosong; seharusnya objek JSON"));
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    return Status::InvalidArgument(Tr("the request body is not valid JSON (UTF-8)",
                                      "isi permintaan bukan JSON yang valid (UTF-8)"));
  }
  if (!body.is_object()) {
    return Status::InvalidArgument(Tr("the request body must be a JSON object", "isi permintaan harus objek JSON"));
  }
  return body;
}

HttpResponse ErrorResponse(const Status& st) {
  if (!st.reason().empty()) {
    const std::string& r = st.reason();
    if (r == "stale" || r == "no_data" || r == "busy") return HttpResponse::Error(409, r, st.message());
    if (r == "no_boundaries") return HttpResponse::Error(404, r, st.message());
    if (r == "read_only" || r == "cross_origin") return HttpResponse::Error(403, r, st.message());
    if (r == "unsupported_media_type") return HttpResponse::Error(415, r, st.message());
  }
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return HttpResponse::Error(400, "bad_request", st.message());
    case StatusCode::kNotFound: return HttpResponse::Error(404, "not_found", st.message());
    case StatusCode::kFailedPrecondition: return HttpResponse::Error(409, "no_data", st.message());
    default: return HttpResponse::Error(500, "internal", st.message());
  }
}

HttpResponse JsonResponse(std::string body) { return HttpResponse::Json(200, std::move(body)); }

HttpResponse CsvDownload(std::string body, const std::string& stem) {
  HttpResponse r = HttpResponse::Text(200, "text/csv; charset=utf-8", std::move(body));
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"cakupan-" + stem + ".csv\"");
  return r;
}

HttpResponse XlsxDownload(std::string body, const std::string& stem) {
  HttpResponse r = HttpResponse::Text(
      200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(body));
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"cakupan-" + stem + ".xlsx\"");
  return r;
}

std::string FileStem(std::string_view text) {
  std::string out;
  for (char c : text) out.push_back((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? c : '-');
  return out;
}

}  // namespace cakupan
