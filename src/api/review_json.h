// The JSON form of a review list (docs/api.md, "Review"), shared by
// `cakupan review list --format json` and GET /api/review, so that both say
// exactly the same thing.
#pragma once

#include <nlohmann/json.hpp>

#include "services/review_service.h"

namespace cakupan {

nlohmann::json ReviewListJson(const ReviewList& list);
// The comparison levels of a pair as [{comparison, level, label}] in the
// current language.
nlohmann::json WhyJson(const ScoredLink& pair);

}  // namespace cakupan
