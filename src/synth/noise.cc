#include "synth/noise.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace cakupan {

namespace {

constexpr const char* kErrorCodes[kNoiseErrorKinds] = {
    "name_typo",  "name_variant",   "name_title", "name_case",   "name_stray",   "name_token_dropped",
    "nik_digit",  "nik_transposed", "nik_missing", "nik_excel",  "date_swapped", "duplicate",
};

// The written forms of Muhammad (and its abbreviations) that replace each other.
constexpr const char* kMuhammadForms[] = {"MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD",
                                          "MOCHAMMAD", "MOH.",   "MOCH.",    "M."};
// New spelling (EYD, 1972) -> old (Van Ophuijsen / Soewandi), and back.
struct Respelling {
  const char* from;
  const char* to;
};
constexpr Respelling kRespellings[] = {
    {"U", "OE"}, {"OE", "U"}, {"J", "DJ"}, {"DJ", "J"}, {"C", "TJ"}, {"TJ", "C"},
    {"KH", "CH"}, {"CH", "KH"}, {"SY", "SJ"}, {"SJ", "SY"}, {"Y", "J"},
};
constexpr const char* kDoublable = "LMNRSDTF";

// Titles and degrees an enumerator copies from a letterhead or a habit.
constexpr const char* kTitleMale[] = {"H.", "DRS."};
constexpr const char* kTitleFemale[] = {"HJ.", "DRA."};
constexpr const char* kDegrees[] = {"S.PD.", "S.E.", "A.MD.", "S.H.", "S.KOM."};

// Neighbouring keys on a QWERTY keyboard (same row).
constexpr const char* kKeyRows[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

char NeighbourKey(char c, Rng& rng) {
  for (const char* row : kKeyRows) {
    const char* p = std::strchr(row, c);
    if (p == nullptr) continue;
    const size_t i = static_cast<size_t>(p - row), n = std::strlen(row);
    if (i == 0) return row[1];
    if (i + 1 == n) return row[n - 2];
    return rng.Chance(0.5) ? row[i - 1] : row[i + 1];
  }
  return 'A';
}

// Word boundaries [begin, end) of a space-separated name.
std::vector<std::pair<size_t, size_t>> Words(std::string_view name) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    const size_t b = i;
    while (i < name.size() && name[i] != ' ') ++i;
    if (i > b) out.emplace_back(b, i);
  }
  return out;
}

bool IsMuhammadForm(std::string_view w) {
  for (const char* f : kMuhammadForms)
    if (w == f) return true;
  return false;
}

// `w` with every occurrence of `from` replaced by `to`; "" when none, or
// when the rule does not apply (U after O is part of OE already; J after D is
// DJ already; Y -> J only before a vowel).
std::string Respell(std::string_view w, const Respelling& r) {
  const size_t fl = std::strlen(r.from);
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < w.size();) {
    if (w.compare(i, fl, r.from) == 0) {
      const char before = i > 0 ? w[i - 1] : ' ';
      const char after = i + fl < w.size() ? w[i + fl] : ' ';
      bool ok = true;
      if (std::strcmp(r.from, "U") == 0) ok = before != 'O';
      if (std::strcmp(r.from, "J") == 0) ok = before != 'D';
      if (std::strcmp(r.from, "C") == 0) ok = before != 'T' && after != 'H';
      if (std::strcmp(r.from, "Y") == 0) ok = IsVowel(after) && before != 'S';
      if (std::strcmp(r.from, "CH") == 0) ok = before != 'S';
      if (ok) {
        out += r.to;
        i += fl;
        changed = true;
        continue;
      }
    }
    out.push_back(w[i]);
    ++i;
  }
  return changed ? out : std::string();
}

// A doubled letter made single (the first one), else the first l/m/n/... between vowels doubled.
std::string Doubling(std::string_view w) {
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] == w[i - 1] && IsUpper(w[i]) && !IsVowel(w[i])) {
      std::string out(w);
      out.erase(i, 1);
      return out;
    }
  }
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (std::strchr(kDoublable, w[i]) != nullptr && IsVowel(w[i - 1]) && IsVowel(w[i + 1])) {
      std::string out(w);
      out.insert(i, 1, w[i]);
      return out;
    }
  }
  return {};
}

void Apply(const SourceNoise& rates, const PersonFields& truth, Rng& rng, std::string& scratch, NikSet* issued,
           PersonFields& out) {
  out = truth;
  std::string name(truth.name);
  uint32_t errors = 0;

  // Names: a word dropped, a spelling variant, a typo, a title, the case, a stray character.
  if (rates.name_token_dropped > 0 && rng.Chance(rates.name_token_dropped)) {
    const auto words = Words(name);
    if (words.size() >= 2) {
      const size_t k = 1 + rng.Below(words.size() - 1);
      const size_t b = words[k].first - 1;  // the space before it
      name.erase(b, words[k].second - b);
      errors |= kErrNameTokenDropped;
    }
  }
  if (rates.name_variant > 0 && rng.Chance(rates.name_variant)) {
    const std::vector<std::string> variants = SpellingVariants(name);
    if (!variants.empty()) {
      name = variants[rng.Below(variants.size())];
      errors |= kErrNameVariant;
    }
  }
  if (rates.name_typo > 0 && rng.Chance(rates.name_typo)) {
    std::string typo = TypoOf(name, rng);
    if (typo != name) {
      name = std::move(typo);
      errors |= kErrNameTypo;
    }
  }
  if (rates.name_title > 0 && rng.Chance(rates.name_title)) {
    const bool female = truth.sex == Sex::kFemale;
    if (rng.Chance(0.5)) {
      const char* t = female ? kTitleFemale[rng.Below(std::size(kTitleFemale))]
                             : kTitleMale[rng.Below(std::size(kTitleMale))];
      name = std::string(t) + " " + name;
    } else {
      name += ", ";
      name += kDegrees[rng.Below(std::size(kDegrees))];
    }
    errors |= kErrNameTitle;
  }
  if (rates.name_case > 0 && rng.Chance(rates.name_case)) {
    name = TitleCase(name);
    errors |= kErrNameCase;
  }
  if (rates.name_stray > 0 && rng.Chance(rates.name_stray)) {
    const size_t space = name.find(' ');
    if (space != std::string::npos && rng.Chance(0.5)) {
      name.insert(space, 1, ' ');
    } else {
      name.push_back('.');
    }
    errors |= kErrNameStray;
  }

  // Edits that cancel out (a doubled letter added, then deleted by a typo)
  // are no error.
  constexpr uint32_t kNameErrors =
      kErrNameTypo | kErrNameVariant | kErrNameTitle | kErrNameCase | kErrNameStray | kErrNameTokenDropped;
  if (name == truth.name) errors &= ~kNameErrors;

  // NIK: at most one error, so each rate is exact.
  const double nik_total = rates.nik_missing + rates.nik_excel + rates.nik_digit + rates.nik_transposed;
  if (nik_total > 0) {
    const double u = rng.Uniform();
    if (u < rates.nik_missing) {
      out.nik_form = NikForm::kEmpty;
      errors |= kErrNikMissing;
    } else if (u < rates.nik_missing + rates.nik_excel) {
      out.nik_form = NikForm::kExcel;
      errors |= kErrNikExcel;
    } else if (u < nik_total) {
      const bool digit = u < rates.nik_missing + rates.nik_excel + rates.nik_digit;
      char d[17];
      std::snprintf(d, sizeof d, "%016llu", static_cast<unsigned long long>(truth.nik));
      for (int attempt = 0; attempt < 10; ++attempt) {
        char e[17];
        std::memcpy(e, d, sizeof e);
        if (digit) {
          const size_t pos = rng.Below(16);
          e[pos] = static_cast<char>('0' + (e[pos] - '0' + 1 + static_cast<int>(rng.Below(9))) % 10);
        } else {
          const size_t pos = rng.Below(15);
          if (e[pos] == e[pos + 1]) continue;
          std::swap(e[pos], e[pos + 1]);
        }
        const uint64_t wrong = std::strtoull(e, nullptr, 10);
        if (wrong == 0 || (issued != nullptr && !issued->Insert(wrong))) continue;
        out.nik = wrong;
        errors |= digit ? kErrNikDigit : kErrNikTransposed;
        break;
      }
    }
  }

  // Birth date: day and month swapped where that gives another valid date.
  if (rates.date_swapped > 0 && rng.Chance(rates.date_swapped) && truth.birth_date != kNoDate) {
    const CivilDate c = CivilFromDate(truth.birth_date);
    if (c.day <= 12 && c.day != c.month) {
      out.birth_date = DateFromCivil(c.year, c.day, c.month);
      errors |= kErrDateSwapped;
    }
  }

  scratch = std::move(name);
  out.name = scratch;
  out.errors = errors;
}

}  // namespace

const char* NoiseErrorCode(uint32_t bit) {
  for (int i = 0; i < kNoiseErrorKinds; ++i)
    if (bit == (1u << i)) return kErrorCodes[i];
  return "";
}

void AppendNoiseErrors(uint32_t errors, std::string& out) {
  bool first = true;
  for (int i = 0; i < kNoiseErrorKinds; ++i) {
    if ((errors & (1u << i)) == 0) continue;
    if (!first) out.push_back('|');
    out += kErrorCodes[i];
    first = false;
  }
}

NoiseOptions NoiseOptions::Default() {
  NoiseOptions o;
  SourceNoise& r = o.registry;
  r.name_typo = 0.04;
  r.name_variant = 0.10;
  r.name_title = 0.02;
  r.name_case = 0.03;
  r.name_stray = 0.02;
  r.name_token_dropped = 0.03;
  r.nik_digit = 0.02;
  r.nik_transposed = 0.01;
  r.nik_missing = 0.02;
  r.nik_excel = 0.005;
  r.date_swapped = 0.01;
  r.duplicate = 0.015;
  SourceNoise& e = o.extract;
  e.name_typo = 0.01;
  e.name_variant = 0.03;
  return o;
}

namespace {
template <typename F>
void ForEachRate(SourceNoise& s, F f) {
  for (double* r : {&s.name_typo, &s.name_variant, &s.name_title, &s.name_case, &s.name_stray,
                    &s.name_token_dropped, &s.nik_digit, &s.nik_transposed, &s.nik_missing, &s.nik_excel,
                    &s.date_swapped, &s.duplicate})
    f(*r);
}
}  // namespace

NoiseOptions NoiseOptions::Scaled(double factor) const {
  NoiseOptions o = *this;
  ForEachRate(o.registry, [&](double& r) { r *= factor; });
  ForEachRate(o.extract, [&](double& r) { r *= factor; });
  return o;
}

bool NoiseOptions::any() const {
  bool any = false;
  SourceNoise r = registry, e = extract;
  ForEachRate(r, [&](double& x) { any = any || x != 0; });
  ForEachRate(e, [&](double& x) { any = any || x != 0; });
  return any;
}

PersonFields Noise::ForRegistry(const PersonFields& truth, Rng& rng, std::string& scratch, NikSet* issued) const {
  PersonFields out;
  Apply(options_.registry, truth, rng, scratch, issued, out);
  return out;
}

PersonFields Noise::ForExtract(const PersonFields& truth, Rng& rng, std::string& scratch) const {
  PersonFields out;
  Apply(options_.extract, truth, rng, scratch, nullptr, out);
  return out;
}

std::vector<std::string> SpellingVariants(std::string_view name) {
  std::vector<std::string> out;
  auto add = [&](std::string v) {
    if (!v.empty() && v != name && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  };
  for (const auto& [b, e] : Words(name)) {
    const std::string_view w = name.substr(b, e - b);
    auto whole = [&](std::string_view replacement) {
      std::string v(name.substr(0, b));
      v += replacement;
      v += name.substr(e);
      return v;
    };
    if (IsMuhammadForm(w)) {
      for (const char* f : kMuhammadForms)
        if (w != f) add(whole(f));
      continue;
    }
    if (w.find('.') != std::string_view::npos) continue;  // an initial or a title
    for (const Respelling& r : kRespellings) {
      std::string v = Respell(w, r);
      if (!v.empty()) add(whole(v));
    }
    std::string d = Doubling(w);
    if (!d.empty()) add(whole(d));
  }
  return out;
}

std::string TypoOf(std::string_view name, Rng& rng) {
  std::string s(name);
  std::vector<size_t> letters;
  for (size_t i = 0; i < s.size(); ++i)
    if (IsUpper(s[i])) letters.push_back(i);
  if (letters.empty()) return s;
  const size_t pos = letters[rng.Below(letters.size())];
  const auto word_length = [&](size_t p) {
    size_t b = p, e = p;
    while (b > 0 && s[b - 1] != ' ') --b;
    while (e < s.size() && s[e] != ' ') ++e;
    return e - b;
  };
  switch (rng.Below(4)) {
    case 0:
      s[pos] = NeighbourKey(s[pos], rng);
      break;
    case 1:
      if (word_length(pos) >= 2) {
        s.erase(pos, 1);
      } else {
        s[pos] = NeighbourKey(s[pos], rng);
      }
      break;
    case 2:
      s.insert(pos + 1, 1, NeighbourKey(s[pos], rng));
      break;
    default:
      if (pos + 1 < s.size() && IsUpper(s[pos + 1]) && s[pos + 1] != s[pos]) {
        std::swap(s[pos], s[pos + 1]);
      } else if (pos > 0 && IsUpper(s[pos - 1]) && s[pos - 1] != s[pos]) {
        std::swap(s[pos - 1], s[pos]);
      } else {
        s[pos] = NeighbourKey(s[pos], rng);
      }
  }
  return s;
}

std::string TitleCase(std::string_view name) {
  std::string s(name);
  bool start = true;
  for (char& c : s) {
    if (c == ' ' || c == '-' || c == '\'') {
      start = true;
      continue;
    }
    if (!start && IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    start = false;
  }
  return s;
}

std::string ExcelNikText(uint64_t nik) {
  // Six significant digits, rounded half up; trailing zeros dropped.
  int exponent = 0;
  for (uint64_t v = nik; v >= 10; v /= 10) ++exponent;
  uint64_t scale = 1;
  for (int i = 0; i < exponent - 5; ++i) scale *= 10;
  uint64_t mantissa = exponent >= 5 ? (nik + scale / 2) / scale : nik;
  if (mantissa >= 1000000) {
    mantissa /= 10;
    ++exponent;
  }
  std::string digits = std::to_string(mantissa);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out(1, digits[0]);
  if (digits.size() > 1) {
    out.push_back('.');
    out.append(digits, 1, std::string::npos);
  }
  out += "E+";
  out += std::to_string(exponent);
  return out;
}

}  // namespace cakupan
