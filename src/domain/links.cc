#include "domain/links.h"

namespace cakupan {

const char* LinkMethodCode(LinkMethod m) {
  switch (m) {
    case LinkMethod::kNone: return "none";
    case LinkMethod::kExactNik: return "exact_nik";
    case LinkMethod::kProbabilistic: return "probabilistic";
    case LinkMethod::kAccepted: return "accepted";
  }
  return "none";
}

const char* PairBandCode(PairBand b) {
  switch (b) {
    case PairBand::kMatch: return "match";
    case PairBand::kReview: return "review";
    case PairBand::kNonMatch: return "non_match";
  }
  return "non_match";
}

std::optional<PairBand> ParsePairBand(std::string_view code) {
  if (code == "match") return PairBand::kMatch;
  if (code == "review") return PairBand::kReview;
  if (code == "non_match") return PairBand::kNonMatch;
  return std::nullopt;
}

const char* PairKindCode(PairKind k) { return k == PairKind::kDuplicate ? "duplicate" : "link"; }

std::optional<PairKind> ParsePairKind(std::string_view code) {
  if (code == "link" || code == "tautan") return PairKind::kLink;
  if (code == "duplicate" || code == "ganda") return PairKind::kDuplicate;
  return std::nullopt;
}

const char* DecisionCode(Decision d) {
  switch (d) {
    case Decision::kNone: return "";
    case Decision::kAccept: return "accept";
    case Decision::kReject: return "reject";
  }
  return "";
}

std::optional<Decision> ParseDecision(std::string_view code) {
  if (code == "accept" || code == "terima") return Decision::kAccept;
  if (code == "reject" || code == "tolak") return Decision::kReject;
  return std::nullopt;
}

int64_t PackLevels(const std::array<uint8_t, kPairLevels>& levels) {
  int64_t v = 0;
  for (int i = kPairLevels - 1; i >= 0; --i) v = (v << 4) | (levels[i] & 15);
  return v;
}

std::array<uint8_t, kPairLevels> UnpackLevels(int64_t packed) {
  std::array<uint8_t, kPairLevels> out{};
  for (int i = 0; i < kPairLevels; ++i) out[i] = static_cast<uint8_t>((packed >> (4 * i)) & 15);
  return out;
}

}  // namespace cakupan
