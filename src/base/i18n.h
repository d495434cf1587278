// User-facing language. cakupan speaks Bahasa Indonesia by default and English
// on request (--lang en or CAKUPAN_LANG=en). Messages carry both texts at the
// call site: Tr("rows read", "baris dibaca"), so no catalogue can fall out of
// step with the code.
//
// The language is process-wide: set it once in main() before starting threads;
// reading it is then thread-safe. A thread may override it for a while with
// ScopedThreadLanguage (a server answering each request in the language it
// asked for).
#pragma once

#include <string_view>

namespace cakupan {

enum class Lang { kId, kEn };

void SetLanguage(Lang lang);
Lang CurrentLanguage();
// Parses "id"/"in"/"indonesia" or "en"/"english" (case-insensitive).
bool ParseLanguage(std::string_view text, Lang* out);

// Overrides the language on the calling thread until destroyed.
class ScopedThreadLanguage {
 public:
  explicit ScopedThreadLanguage(Lang lang);
  ~ScopedThreadLanguage();
  ScopedThreadLanguage(const ScopedThreadLanguage&) = delete;
  ScopedThreadLanguage& operator=(const ScopedThreadLanguage&) = delete;

 private:
  int previous_;
};

// Returns `id` or `en` for the current language.
inline const char* Tr(const char* en, const char* id) {
  return CurrentLanguage() == Lang::kEn ? en : id;
}

}  // namespace cakupan
