// Indonesian name normalisation and the phonetic blocking key
// (docs/linkage.md, "Names"). Works on bytes: ASCII letters are lowered,
// bytes >= 0x80 are kept as letters (UTF-8 passes through, invalid UTF-8 does
// no harm), everything else separates tokens.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/linkage.h"
#include "linkage/similarity_internal.h"

namespace cakupan {
namespace {

// Titles written before a name (or after a comma): religious, academic and
// honorific. Compared with the token's letters only ("H." -> "h").
constexpr std::string_view kTitles[] = {
    "h",     "hj",   "haji",    "hajjah", "hajah",    "dr",   "drs",    "dra",  "drg",  "drh",
    "ir",    "prof", "kh",      "tgk",    "teungku",  "ust",  "ustad",  "ustadz", "ustadzah",
    "ny",    "nn",   "tn",      "sdr",    "sdri",     "bpk",
};

// Academic degrees, as the letters of their dotted forms ("S.Pd.I" -> "spdi").
// Removed when written dotted after the name ("Budi S.Pd"), anywhere after a
// comma, or as a trailing run of undotted tokens ("Budi Santoso SE MM").
constexpr std::string_view kDegrees[] = {
    // Sarjana (S1)
    "spd", "spdi", "se", "sei", "sh", "shi", "ssos", "skom", "st", "sag", "skep", "sked", "skm", "sip",
    "si", "ssi", "sp", "spt", "sfarm", "sgz", "stp", "sth", "sthi", "ssn", "ssy", "sstp", "sik",
    "sak", "sds", "sikom", "spsi", "shum", "sst", "str", "skes", "sars", "sked", "smb",
    // Diploma and older titles
    "amd", "ama", "amdkep", "amdkeb", "amdkes", "amk", "amkeb", "bc", "ba", "bsc",
    // Magister (S2), doctor, specialists
    "mpd", "mpdi", "msi", "mm", "mh", "mkes", "mkom", "mt", "mag", "msc", "mba", "ma", "mse",
    "msos", "mkn", "map", "mhum", "mked", "mfarm", "phd", "dr", "drg", "spog", "spa", "sppd", "spb",
    "lc", "ak", "cpa",
};

bool InList(std::string_view token, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, token) != end;
}

// A word list for fast look-ups: entries of up to 7 bytes as sorted integers
// (the bytes and the length) searched by bisection, longer ones scanned.
class PackedList {
 public:
  PackedList(const std::string_view* begin, const std::string_view* end) {
    for (const std::string_view* w = begin; w != end; ++w) {
      if (w->size() <= kShort) {
        short_.push_back(Pack(*w));
      } else {
        long_.push_back(*w);
      }
    }
    std::sort(short_.begin(), short_.end());
  }
  bool Contains(std::string_view t) const {
    if (t.size() <= kShort) return std::binary_search(short_.begin(), short_.end(), Pack(t));
    return std::find(long_.begin(), long_.end(), t) != long_.end();
  }

 private:
  static constexpr size_t kShort = 7;
  static uint64_t Pack(std::string_view t) {
    uint64_t v = 0;
    for (unsigned char c : t) v = v << 8 | c;
    return v | uint64_t{t.size()} << 56;
  }
  std::vector<uint64_t> short_;
  std::vector<std::string_view> long_;
};

bool IsTitle(std::string_view t) {
  static const PackedList list(std::begin(kTitles), std::end(kTitles));
  return list.Contains(t);
}
bool IsDegree(std::string_view t) {
  static const PackedList list(std::begin(kDegrees), std::end(kDegrees));
  return list.Contains(t);
}

// Patronymic particles: "Ahmad bin Abdullah" -> "ahmad abdullah".
bool IsParticle(std::string_view t) { return t == "bin" || t == "binti" || t == "bt" || t == "bn" || t == "bint"; }

// Forms of Muhammad after modernising and collapsing doubled letters.
constexpr std::string_view kMuhammadForms[] = {
    "muhamad", "mohamad", "muhamat", "mokhamad", "mukhamad", "mokhamat", "mukhamat", "mohamed",
    "muhamed", "mohd",    "muhd",    "moh",      "muh",      "mhd",      "mokh",     "mukh",
    "mohamat",
};
bool IsMuhammad(std::string_view t) {
  static const PackedList list(std::begin(kMuhammadForms), std::end(kMuhammadForms));
  return list.Contains(t);
}

// Common names in the old spelling (before 1972) whose only old mark is a
// j for today's y; "jusuf" -> "yusuf". Other j's stay: "joko", "juanda".
constexpr std::string_view kOldJNames[] = {"jusuf", "jahja", "jakub", "jasin", "jahya", "jasir", "junus", "jazid"};

struct Token {
  std::string text;       // lower-case letters (and bytes >= 0x80)
  bool dot_joined = false;  // only dots (no space) separate it from the previous token
  bool after_comma = false;  // a comma came before it
};

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(8);
  std::string current;
  bool seen_comma = false;
  bool sep_only_dots = false;  // separator since the last token was only dots
  auto flush = [&] {
    if (current.empty()) return;
    tokens.push_back(Token{current, !tokens.empty() && sep_only_dots, seen_comma});
    current.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // Apostrophes join (Ma'ruf -> maruf), as do the UTF-8 curly quotes.
    if (c == '\'' || c == '`') continue;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x98 || static_cast<unsigned char>(s[i + 2]) == 0x99)) {
      i += 2;
      continue;
    }
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (!nbsp && (IsAsciiLetter(c) || c >= 0x80)) {
      current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      continue;
    }
    if (nbsp) ++i;
    // A separator.
    if (!current.empty()) {
      flush();
      sep_only_dots = true;
    }
    if (c != '.') sep_only_dots = false;
    if (c == ',') seen_comma = true;
  }
  flush();
  return tokens;
}

// Length of a degree starting at token i (0 if none). `loose` also accepts
// undotted forms and dotted forms written with spaces ("S. Pd").
size_t DegreeAt(const std::vector<Token>& t, size_t i, bool loose) {
  for (size_t k = std::min<size_t>(3, t.size() - i); k >= 1; --k) {
    bool dotted = true;
    for (size_t j = i + 1; j < i + k; ++j) dotted = dotted && t[j].dot_joined;
    if (k == 1 ? !loose : !(dotted || loose)) continue;
    std::string joined;
    for (size_t j = i; j < i + k; ++j) joined += t[j].text;
    if (IsDegree(joined)) return k;
  }
  return 0;
}

// True if tokens [i, end) are all degrees (or titles after a comma).
bool AllDegreesFrom(const std::vector<Token>& t, size_t i) {
  while (i < t.size()) {
    const size_t k = DegreeAt(t, i, /*loose=*/true);
    if (k == 0) return false;
    i += k;
  }
  return true;
}

// Modernises the old (Van Ophuijsen / Soewandi) spelling of one token.
std::string Modernize(const std::string& w) {
  const bool old_mark = w.find("oe") != std::string::npos || w.find("dj") != std::string::npos ||
                        w.find("tj") != std::string::npos || w.find("sj") != std::string::npos ||
                        InList(w, std::begin(kOldJNames), std::end(kOldJNames));
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if (c == 'o' && next == 'e') { out += 'u'; ++i; continue; }
    if (c == 'd' && next == 'j') { out += 'j'; ++i; continue; }
    if (c == 't' && next == 'j') { out += 'c'; ++i; continue; }
    if (c == 's' && next == 'j') { out += "sy"; ++i; continue; }
    if (c == 'n' && next == 'j') { out += "ny"; ++i; continue; }
    if (c == 'c' && next == 'h') { out += "kh"; ++i; continue; }
    if (c == 'j' && old_mark) { out += 'y'; continue; }
    out += c;
  }
  return out;
}

std::string CollapseDoubles(const std::string& w) {
  std::string out;
  out.reserve(w.size());
  for (char c : w) {
    // Only ASCII letters: a repeated UTF-8 continuation byte is not a double.
    if (!out.empty() && out.back() == c && static_cast<unsigned char>(c) < 0x80) continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::vector<Token> t = Tokenize(name);
  std::vector<bool> keep(t.size(), true);
  size_t i = 0;
  // Leading titles: "Prof. Dr. Ir. H. ..."; stop at the first other token.
  while (i < t.size() && IsTitle(t[i].text) && !t[i].after_comma) keep[i++] = false;
  const size_t first_name = i;
  while (i < t.size()) {
    if (t[i].after_comma) {
      // After a comma: titles and degrees anywhere.
      if (IsTitle(t[i].text)) { keep[i++] = false; continue; }
      if (size_t k = DegreeAt(t, i, /*loose=*/true)) {
        for (size_t j = i; j < i + k; ++j) keep[j] = false;
        i += k;
        continue;
      }
    } else if (i > first_name) {
      // Before any comma, after the first name token: a trailing run of
      // degrees, or a dotted degree ("Budi S.Pd Santoso" is not a name order
      // anyone writes, but "Budi S.Pd" is).
      if (AllDegreesFrom(t, i) && (i + 1 < t.size() || t[i].text.size() >= 2)) {
        // Beware a lone trailing initial after a comma-less name ("Budi H"):
        // single letters never form a degree on their own (none in the table).
        for (size_t j = i; j < t.size(); ++j) keep[j] = false;
        break;
      }
      if (size_t k = DegreeAt(t, i, /*loose=*/false); k >= 2) {
        for (size_t j = i; j < i + k; ++j) keep[j] = false;
        i += k;
        continue;
      }
    }
    ++i;
  }

  std::string out;
  bool first = true;
  for (size_t j = 0; j < t.size(); ++j) {
    if (!keep[j]) continue;
    if (IsParticle(t[j].text)) continue;
    std::string w = CollapseDoubles(Modernize(t[j].text));
    if (IsMuhammad(w)) w = "muhamad";
    // "M." or "M" as a leading initial before another name stands for
    // Muhammad (by far the commonest in Indonesia).
    if (first && w == "m") {
      bool more = false;
      for (size_t k = j + 1; k < t.size(); ++k) more = more || (keep[k] && !IsParticle(t[k].text));
      if (more) w = "muhamad";
    }
    if (w.empty()) continue;
    if (!first) out += ' ';
    out += w;
    first = false;
  }
  return out;
}

namespace {

// Consonant class of an ASCII letter; 0 for letters dropped inside a key
// (vowels, h, w, y).
char ConsonantClass(char c) {
  switch (c) {
    case 'b': case 'f': case 'p': case 'v': return 'p';
    case 'c': case 's': case 'x': case 'z': return 's';
    case 'd': case 't': return 't';
    case 'g': case 'k': case 'q': return 'k';
    case 'j': return 'j';
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'h': case 'w': case 'y': return 0;
    default: return c;  // l, m, n, r and bytes >= 0x80
  }
}

}  // namespace

size_t PhoneticKeyChars(std::string_view normalized_name, char* out) {
  const size_t end = std::min(normalized_name.find(' '), normalized_name.size());
  const std::string_view first = normalized_name.substr(0, end);
  if (first.empty()) return 0;
  size_t n = 0;
  const char c0 = first[0];
  if (c0 == 'a' || c0 == 'e' || c0 == 'i' || c0 == 'o' || c0 == 'u') {
    out[n++] = 'a';
  } else if (c0 == 'y' || c0 == 'j') {
    out[n++] = 'j';
  } else if (c0 == 'h' || c0 == 'w') {
    out[n++] = c0;
  } else {
    out[n++] = ConsonantClass(c0);
  }
  char last = out[0];
  for (size_t i = 1; i < first.size() && n < kPhoneticKeyMax; ++i) {
    const char k = ConsonantClass(first[i]);
    if (k == 0) continue;  // vowels and h/w/y do not separate equal classes either
    if (k == last) continue;
    out[n++] = k;
    last = k;
  }
  return n;
}

std::string PhoneticKey(std::string_view normalized_name) {
  char key[kPhoneticKeyMax];
  return std::string(key, PhoneticKeyChars(normalized_name, key));
}

}  // namespace cakupan
