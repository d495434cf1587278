#include "base/i18n.h"

#include <atomic>

#include "base/strings.h"

namespace cakupan {

namespace {
std::atomic<Lang> g_lang{Lang::kId};
}

void SetLanguage(Lang lang) { g_lang.store(lang, std::memory_order_relaxed); }
Lang CurrentLanguage() { return g_lang.load(std::memory_order_relaxed); }

bool ParseLanguage(std::string_view text, Lang* out) {
  std::string t = ToLowerAscii(TrimView(text));
  if (t == "id" || t == "in" || t == "indonesia" || t == "bahasa" || t == "id_id") {
    *out = Lang::kId;
    return true;
  }
  if (t == "en" || t == "english" || t == "en_us" || t == "en_gb") {
    *out = Lang::kEn;
    return true;
  }
  return false;
}

}  // namespace cakupan
