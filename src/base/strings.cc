#include "base/strings.h"

#include <cstdlib>

namespace cakupan {

namespace {
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string ToUpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = UpperAscii(c);
  return out;
}

bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  return true;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::vector<std::string_view> SplitView(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string NormalizeKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_sep = false;
  for (char c : s) {
    if (IsAlnum(c)) {
      if (pending_sep && !out.empty()) out.push_back('_');
      pending_sep = false;
      out.push_back(LowerAscii(c));
    } else {
      pending_sep = true;
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) { ++p; continue; }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; if (c < 0xC2) return false; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; if (c > 0xF4) return false; }
    else return false;
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
    if (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    p += n + 1;
  }
  return true;
}

std::optional<uint64_t> ParseDigits(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

std::optional<int64_t> ParseCount(std::string_view s) {
  s = TrimView(s);
  if (s.empty()) return std::nullopt;
  char sep = 0;
  int64_t v = 0;
  size_t digits_since_sep = 0;
  bool seen_sep = false;
  size_t total_digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) {
      if (total_digits >= 18) return std::nullopt;
      v = v * 10 + (c - '0');
      ++digits_since_sep;
      ++total_digits;
    } else if (c == '.' || c == ',' || c == ' ') {
      if (total_digits == 0) return std::nullopt;
      if (sep == 0) sep = c;
      else if (sep != c) return std::nullopt;
      if (seen_sep && digits_since_sep != 3) return std::nullopt;
      if (!seen_sep && digits_since_sep > 3) return std::nullopt;
      seen_sep = true;
      digits_since_sep = 0;
    } else {
      return std::nullopt;
    }
  }
  if (seen_sep && digits_since_sep != 3) return std::nullopt;
  return v;
}

std::optional<double> ParseDecimal(std::string_view s) {
  s = TrimView(s);
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s[0] == '-') { neg = true; s.remove_prefix(1); }
  size_t dots = 0, commas = 0;
  size_t last_dot = std::string_view::npos, last_comma = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.') { ++dots; last_dot = i; }
    else if (s[i] == ',') { ++commas; last_comma = i; }
    else if (!IsDigit(s[i])) return std::nullopt;
  }
  char decimal = 0;
  if (dots && commas) decimal = last_dot > last_comma ? '.' : ',';
  else if (dots == 1) decimal = '.';
  else if (commas == 1) decimal = ',';
  // dots > 1 or commas > 1 alone: thousands separators only.
  std::string clean;
  clean.reserve(s.size());
  size_t int_digits_group = 0;
  bool in_fraction = false;
  bool any_digit = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) { clean.push_back(c); any_digit = true; ++int_digits_group; continue; }
    if (c == decimal && !in_fraction &&
        i == (decimal == '.' ? last_dot : last_comma)) {
      clean.push_back('.');
      in_fraction = true;
      continue;
    }
    // thousands separator: must sit between digits, groups of three after it
    if (in_fraction || !any_digit) return std::nullopt;
    size_t j = i + 1, n = 0;
    while (j < s.size() && IsDigit(s[j])) { ++j; ++n; }
    if (n != 3) return std::nullopt;
    int_digits_group = 0;
  }
  if (!any_digit || clean == ".") return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size()) return std::nullopt;
  return neg ? -v : v;
}

}  // namespace cakupan
