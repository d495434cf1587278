#include "api/review_json.h"

#include "linkage/linkage.h"

namespace cakupan {

namespace {

nlohmann::json SideJson(const ReviewSide& s) {
  return {{"source", s.source},       {"nik", s.nik},     {"nik_issue", s.nik_issue},
          {"name", s.name},           {"sex", s.sex},     {"birth_date", s.birth_date},
          {"region", s.region},       {"region_name", s.region_name}};
}

constexpr const char* kComparisonNames[kComparisons] = {"nik", "name", "birth_date", "sex", "region"};

}  // namespace

nlohmann::json WhyJson(const ScoredLink& pair) {
  nlohmann::json why = nlohmann::json::array();
  for (int c = 0; c < kComparisons; ++c) {
    const auto comparison = static_cast<Comparison>(c);
    const int level = pair.levels[c];
    if (level >= LevelCount(comparison)) continue;
    why.push_back({{"comparison", kComparisonNames[c]},
                   {"level", LevelCode(comparison, level)},
                   {"label", LevelLabel(comparison, level)}});
  }
  return why;
}

nlohmann::json ReviewListJson(const ReviewList& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const ReviewItem& item : list.items) {
    const ScoredLink& p = item.pair;
    items.push_back({{"id", item.id},
                     {"band", PairBandCode(p.band)},
                     {"method", LinkMethodCode(p.method)},
                     {"decision", DecisionCode(p.decision)},
                     {"weight", p.weight},
                     {"probability", p.probability},
                     {"why", WhyJson(p)},
                     {"left", SideJson(item.left)},
                     {"right", SideJson(item.right)},
                     {"decided_at", item.decided_at},
                     {"note", item.note}});
  }
  nlohmann::json out = {{"kind", PairKindCode(list.kind)},
                        {"period", list.period ? nlohmann::json(list.period->ToString()) : nlohmann::json(nullptr)},
                        {"computed_at", list.computed_at},
                        {"stale", list.stale},
                        {"pending", list.pending},
                        {"total", list.total},
                        {"page", list.page},
                        {"pages", list.pages},
                        {"items", std::move(items)}};
  return out;
}

}  // namespace cakupan
