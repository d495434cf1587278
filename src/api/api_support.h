// What every /api handler shares: parsing the common parameters, turning a
// Status into the documented JSON error (the one place where errors become
// HTTP codes), and answering a table in JSON, CSV or XLSX. Pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/date.h"
#include "base/i18n.h"
#include "base/status.h"
#include "engine/coverage.h"
#include "http/http_types.h"
#include "services/coverage_service.h"

namespace cakupan {

enum class ApiFormat { kJson, kCsv, kXlsx };

// Common parameters: period, basis, lang, format (docs/api.md).
struct CommonParams {
  std::optional<Period> period;
  Basis basis = Basis::kLabourForce;
  Lang lang = Lang::kId;
  ApiFormat format = ApiFormat::kJson;
};

// kInvalidArgument naming the parameter for a malformed value.
Result<CommonParams> ParseCommonParams(const HttpRequest& request);
// A required parameter, or kInvalidArgument naming it.
Result<std::string> RequiredParam(const HttpRequest& request, std::string_view name);
// An optional integer parameter within [lo, hi], else `fallback`.
Result<int> IntParam(const HttpRequest& request, std::string_view name, int fallback, int lo, int hi);

// The body of a write request as a JSON object: kInvalidArgument (400) for an
// empty body, malformed JSON (invalid UTF-8 included) or another JSON value.
// An empty body counts as {} when `empty_is_object`.
Result<nlohmann::json> JsonObjectBody(const HttpRequest& request, bool empty_is_object = false);

// The documented error response for a failed Status: 400 bad_request,
// 403 read_only / cross_origin, 404 not_found / no_boundaries,
// 409 stale / no_data / busy, 415 unsupported_media_type, 500 internal.
HttpResponse ErrorResponse(const Status& status);

// 200 with a body in the requested format. `stem` names downloads:
// "cakupan-<stem>.csv".
HttpResponse JsonResponse(std::string body);
HttpResponse CsvDownload(std::string body, const std::string& stem);
HttpResponse XlsxDownload(std::string body, const std::string& stem);

// A file-name-safe form of a region code or period: "17.04" -> "17-04".
std::string FileStem(std::string_view text);

}  // namespace cakupan
