#include "ingest/field_parsers.h"

#include <chrono>

#include "base/date.h"
#include "base/strings.h"

namespace cakupan {

namespace {

inline bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses exactly `width` digits at s[pos]; -1 when they are not all digits.
inline int Digits(std::string_view s, size_t pos, size_t width) {
  int v = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = s[pos + i];
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<Sex> ParseSexFast(std::string_view text) {
  if (text.size() == 1) {
    if (text[0] == 'L') return Sex::kMale;
    if (text[0] == 'P') return Sex::kFemale;
  }
  return ParseSex(text);
}

std::optional<Date> ParseDateFast(std::string_view s) {
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    const int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) {
      if (!IsValidCivil(y, m, d)) return std::nullopt;
      return DateFromCivil(y, m, d);
    }
  }
  return ParseDate(s);
}

std::optional<Formality> ParseFormalityFast(std::string_view text) {
  if (text == "informal") return Formality::kInformal;
  if (text == "formal") return Formality::kFormal;
  return ParseFormality(text);
}

std::optional<Vulnerability> ParseVulnerabilityFast(std::string_view text) {
  if (text == "ya") return Vulnerability::kVulnerable;
  if (text == "tidak") return Vulnerability::kNotVulnerable;
  return ParseVulnerability(text);
}

std::optional<Segment> ParseSegmentFast(std::string_view text) {
  if (text == "BPU") return Segment::kBPU;
  if (text == "PU") return Segment::kPU;
  return ParseSegment(text);
}

std::optional<MembershipStatus> ParseMembershipStatusFast(std::string_view text) {
  if (text == "aktif") return MembershipStatus::kActive;
  if (text == "non-aktif") return MembershipStatus::kNonActive;
  return ParseMembershipStatus(text);
}

bool IsValidUtf8Fast(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80 || IsValidUtf8(text);
}

std::optional<NikInfo> ParseNikFast(std::string_view text, int reference_year, NikError* error) {
  if (text.size() == 16) {
    uint64_t v = 0;
    bool digits = true;
    for (char c : text) {
      digits = digits && IsDigit(c);
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    if (digits) return DecodeNik(v, reference_year, error);
  }
  return ParseNik(text, reference_year, error);
}

std::optional<uint64_t> ParseSmallNumber(std::string_view text) {
  if (text.size() == 1 && IsDigit(text[0])) return static_cast<uint64_t>(text[0] - '0');
  if (text.size() == 2 && IsDigit(text[0]) && IsDigit(text[1]))
    return static_cast<uint64_t>((text[0] - '0') * 10 + (text[1] - '0'));
  return ParseDigits(text);
}

std::optional<RegionCode> ParseRegionCodeFast(std::string_view text) {
  std::string_view s = TrimFast(text);
  if (s.size() == 13 && s[2] == '.' && s[5] == '.' && s[8] == '.') {  // PP.KK.CC.DDDD
    const int p = Digits(s, 0, 2), k = Digits(s, 3, 2), c = Digits(s, 6, 2), d = Digits(s, 9, 4);
    if (p <= 0 || k <= 0 || c <= 0 || d <= 0) return std::nullopt;
    return RegionCode::FromParts(p, k, c, d);
  }
  if (s == "0" || s == "00") return RegionCode::National();
  static constexpr size_t kWidths[4] = {2, 2, 2, 4};
  int parts[4] = {0, 0, 0, 0};
  int n = 0;
  if (s.find('.') == std::string_view::npos) {
    // Undotted: only the lengths 2, 4, 6 and 10 are codes.
    size_t pos = 0;
    while (pos < s.size()) {
      if (n == 4 || s.size() - pos < kWidths[n]) return std::nullopt;
      const int v = Digits(s, pos, kWidths[n]);
      if (v <= 0) return std::nullopt;  // not digits, or a zero part
      pos += kWidths[n];
      parts[n++] = v;
    }
  } else {
    size_t start = 0;
    for (;;) {
      const size_t dot = s.find('.', start);
      const size_t stop = dot == std::string_view::npos ? s.size() : dot;
      if (n == 4 || stop - start != kWidths[n]) return std::nullopt;
      const int v = Digits(s, start, kWidths[n]);
      if (v <= 0) return std::nullopt;
      parts[n++] = v;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  }
  if (n == 0) return std::nullopt;
  return RegionCode::FromParts(parts[0], parts[1], parts[2], parts[3]);
}

std::string_view CleanText(std::string_view text, std::string* scratch) {
  size_t b = 0, e = text.size();
  while (b < e && IsWs(text[b])) ++b;
  while (e > b && IsWs(text[e - 1])) --e;
  std::string_view s = text.substr(b, e - b);
  bool needs_collapse = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c > ' ') continue;
    // A space followed by whitespace, or whitespace other than a space (s is
    // trimmed, so a space is never its last character).
    if (c == ' ' ? IsWs(s[i + 1]) : IsWs(static_cast<char>(c))) {
      needs_collapse = true;
      break;
    }
  }
  if (!needs_collapse) return s;
  scratch->clear();
  bool in_space = false;
  for (char c : s) {
    if (IsWs(c)) {
      in_space = true;
      continue;
    }
    if (in_space) scratch->push_back(' ');
    in_space = false;
    scratch->push_back(c);
  }
  return *scratch;
}

std::string MaskNikText(std::string_view text) {
  std::string_view s = TrimView(text);
  if (s.size() > 24) s = s.substr(0, 24);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // Keep the first four characters only when they are plain ASCII.
    out.push_back(i < 4 && static_cast<unsigned char>(c) < 0x80 ? c : '*');
  }
  return out;
}

std::string ReportValue(std::string_view text) {
  static constexpr size_t kMax = 80;
  std::string out;
  out.reserve(std::min(text.size(), kMax + 3));
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Length of the UTF-8 sequence at p, 0 when invalid.
    size_t n = 0;
    if (*p < 0x80) n = 1;
    else if ((*p & 0xE0) == 0xC0) n = 2;
    else if ((*p & 0xF0) == 0xE0) n = 3;
    else if ((*p & 0xF8) == 0xF0) n = 4;
    if (n > 1 && (static_cast<size_t>(end - p) < n ||
                  !IsValidUtf8(std::string_view(reinterpret_cast<const char*>(p), n)))) {
      n = 0;
    }
    const size_t emit = n == 0 ? 1 : n;
    if (out.size() + emit > kMax) {
      out += "...";
      break;
    }
    if (n == 0) out.push_back('?');
    else if (n == 1 && *p < 0x20) out.push_back(' ');  // control characters, newlines
    else out.append(reinterpret_cast<const char*>(p), n);
    p += emit;
  }
  return out;
}

std::optional<double> ParseTargetFraction(std::string_view text) {
  std::string_view s = TrimView(text);
  bool percent = false;
  if (!s.empty() && s.back() == '%') {
    percent = true;
    s = TrimView(s.substr(0, s.size() - 1));
  }
  std::optional<double> v = ParseDecimal(s);
  if (!v) return std::nullopt;
  if (percent || *v > 1.0) return *v / 100.0;
  return *v;
}

int CurrentYear() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return CivilFromDate(static_cast<Date>(days)).year;
}

}  // namespace cakupan
