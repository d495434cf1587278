#include "engine/name_check.h"

#include "base/i18n.h"

namespace cakupan {

namespace {

enum class CharKind : uint8_t { kLetter, kAllowed, kControl, kMarkup, kDigit, kSymbol };

// A code point above U+007F (blocks of the Unicode standard).
CharKind NonAsciiKind(uint32_t cp) {
  if (cp <= 0x9F) return CharKind::kControl;                     // C1 controls
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return CharKind::kSymbol;  // NBSP, ¡ ¢ £ … ¿, × ÷
  if (cp >= 0x0660 && cp <= 0x0669) return CharKind::kDigit;     // Arabic-Indic digits
  if (cp >= 0x06F0 && cp <= 0x06F9) return CharKind::kDigit;
  if (cp >= 0x2000 && cp <= 0x206F) {                            // general punctuation
    if (cp == 0x2018 || cp == 0x2019) return CharKind::kAllowed; // ‘ ’ as apostrophes
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F))
      return CharKind::kControl;                                 // zero-width, bidi, invisible operators
    return CharKind::kSymbol;
  }
  if (cp >= 0x20A0 && cp <= 0x2BFF) return CharKind::kSymbol;    // currency .. arrows, maths, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return CharKind::kSymbol;    // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return CharKind::kSymbol;    // CJK punctuation
  if (cp >= 0xE000 && cp <= 0xF8FF) return CharKind::kSymbol;    // private use
  if (cp >= 0xFE00 && cp <= 0xFE0F) return CharKind::kSymbol;    // variation selectors (emoji style)
  if (cp == 0xFEFF) return CharKind::kControl;                   // BOM / zero-width no-break space
  if (cp >= 0xFF10 && cp <= 0xFF19) return CharKind::kDigit;     // fullwidth digits
  if ((cp >= 0xFF01 && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return CharKind::kSymbol;                                    // fullwidth punctuation
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return CharKind::kSymbol;    // specials, U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return CharKind::kSymbol;  // emoji, pictographs, symbols
  if (cp >= 0xE0000 && cp <= 0xE007F) return CharKind::kControl; // tags
  if (cp >= 0xF0000) return CharKind::kSymbol;                   // supplementary private use
  return CharKind::kLetter;
}

// Decodes the UTF-8 sequence at s[i]; sets *len. U+FFFD for an invalid one.
uint32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const size_t n = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = n;
  return cp;
}

// "&amp;", "&#39;", "&nbsp;" at s[i] (an '&').
bool IsEntity(std::string_view s, size_t i) {
  size_t k = i + 1;
  while (k < s.size() && k - i <= 10) {
    const char c = s[k];
    if (c == ';') return k > i + 1;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#')) return false;
    ++k;
  }
  return false;
}

int Rank(NameFlaw f) {
  switch (f) {
    case NameFlaw::kControl: return 5;
    case NameFlaw::kMarkup: return 4;
    case NameFlaw::kDigit: return 3;
    case NameFlaw::kSymbol: return 2;
    case NameFlaw::kNoLetter: return 1;
    case NameFlaw::kNone: break;
  }
  return 0;
}

}  // namespace

NameCheck CheckPersonName(std::string_view name) {
  NameCheck out;
  if (name.empty()) {
    out.missing = true;
    return out;
  }
  bool letter = false, lower = false;
  int upper = 0;
  auto note = [&out](NameFlaw f) {
    if (Rank(f) > Rank(out.flaw)) out.flaw = f;
  };
  for (size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') {
        letter = lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        letter = true;
        ++upper;
      } else if (c >= '0' && c <= '9') {
        note(NameFlaw::kDigit);
      } else if (c < 0x20 || c == 0x7F) {
        note(NameFlaw::kControl);
      } else if (c == '<' || c == '>' || (c == '&' && IsEntity(name, i))) {
        note(NameFlaw::kMarkup);
      } else if (!(c == ' ' || c == '.' || c == '\'' || c == '-' || c == ',')) {
        note(NameFlaw::kSymbol);
      }
      ++i;
      continue;
    }
    size_t len = 1;
    const uint32_t cp = Decode(name, i, &len);
    switch (NonAsciiKind(cp)) {
      case CharKind::kLetter: letter = true; break;
      case CharKind::kAllowed: break;
      case CharKind::kControl: note(NameFlaw::kControl); break;
      case CharKind::kMarkup: note(NameFlaw::kMarkup); break;
      case CharKind::kDigit: note(NameFlaw::kDigit); break;
      case CharKind::kSymbol: note(NameFlaw::kSymbol); break;
    }
    i += len;
  }
  if (!letter) note(NameFlaw::kNoLetter);
  out.all_caps = !lower && upper >= 2;
  return out;
}

const char* NameFlawMessage(NameFlaw flaw) {
  switch (flaw) {
    case NameFlaw::kNone: return "";
    case NameFlaw::kControl: return Tr("control or invisible characters", "karakter kontrol atau tak terlihat");
    case NameFlaw::kMarkup: return Tr("HTML markup", "kode HTML");
    case NameFlaw::kDigit: return Tr("digits", "angka");
    case NameFlaw::kSymbol: return Tr("symbols or emoji", "simbol atau emoji");
    case NameFlaw::kNoLetter: return Tr("no letter", "tanpa huruf");
  }
  return "";
}

}  // namespace cakupan
