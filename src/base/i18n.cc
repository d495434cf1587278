#include "base/i18n.h"

#include <atomic>

#include "base/strings.h"

namespace cakupan {

namespace {
std::atomic<Lang> g_lang{Lang::kId};
thread_local int t_lang = -1;  // -1: no override on this thread
}  // namespace

void SetLanguage(Lang lang) { g_lang.store(lang, std::memory_order_relaxed); }
Lang CurrentLanguage() {
  return t_lang >= 0 ? static_cast<Lang>(t_lang) : g_lang.load(std::memory_order_relaxed);
}

ScopedThreadLanguage::ScopedThreadLanguage(Lang lang) : previous_(t_lang) { t_lang = static_cast<int>(lang); }
ScopedThreadLanguage::~ScopedThreadLanguage() { t_lang = previous_; }

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
