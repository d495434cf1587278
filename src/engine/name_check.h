// How a recorded person's name (a registry worker's, a membership's) looks to
// the data-quality report: missing, in capitals, or holding characters no
// name has — digits, control or invisible characters, HTML markup, symbols
// and emoji. Names are stored as written (the importers only trim them and
// collapse runs of whitespace); this is where they are judged.
//
// Letters of any script are accepted, as are spaces and . ' - , (and the
// typographic apostrophes U+2018/U+2019): "Ni Made Ayu Dewi-Sari, S.Pd.",
// "Nur'aini", "Renée". A name that is not valid UTF-8 cannot be stored (the
// importers reject it); here an invalid sequence counts as a symbol.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace cakupan {

// The kind of stray character a name holds; with several kinds, the first
// in this order (a control character first: it may hide the rest on a screen).
enum class NameFlaw : uint8_t {
  kNone = 0,
  kControl,   // a control or invisible character (U+0000-U+001F, U+007F-U+009F, zero-width, bidi marks, BOM)
  kMarkup,    // HTML: "<" or ">", or an entity such as "&amp;"
  kDigit,     // 0-9 (or another script's digits)
  kSymbol,    // punctuation other than . ' - , ; symbols, emoji, non-breaking space, private use
  kNoLetter,  // only . ' - , and spaces ("--", ".")
};

struct NameCheck {
  bool missing = false;   // empty
  NameFlaw flaw = NameFlaw::kNone;
  bool all_caps = false;  // at least two letters A-Z and no a-z
};

NameCheck CheckPersonName(std::string_view name);

// "digits", "control characters", ... in the current language; "" for kNone.
const char* NameFlawMessage(NameFlaw flaw);

}  // namespace cakupan
