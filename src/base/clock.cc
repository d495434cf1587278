#include "base/clock.h"

#include <cstdlib>
#include <ctime>

namespace cakupan {

std::string SystemClock::NowUtcIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date TodayUtc(Clock& clock) {
  // "2026-11-21T04:26:00Z" -> that date.
  const std::string now = clock.NowUtcIso();
  if (now.size() >= 10) {
    const int y = std::atoi(now.substr(0, 4).c_str()), m = std::atoi(now.substr(5, 2).c_str()),
              d = std::atoi(now.substr(8, 2).c_str());
    if (IsValidCivil(y, m, d)) return DateFromCivil(y, m, d);
  }
  return DateFromCivil(clock.CurrentYear(), 1, 1);
}

int SystemClock::CurrentYear() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

}  // namespace cakupan
