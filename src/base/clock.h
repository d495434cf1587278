// The wall clock behind a narrow interface so that services stamp records
// with a time tests can control. SystemClock is thread-safe.
#pragma once

#include <string>

#include "base/date.h"

namespace cakupan {

class Clock {
 public:
  virtual ~Clock() = default;
  // Current time in UTC as ISO 8601 with seconds: "2026-11-21T04:26:00Z".
  virtual std::string NowUtcIso() = 0;
  // Current calendar year (UTC).
  virtual int CurrentYear() = 0;
};

// The clock's calendar day (UTC), read from NowUtcIso(); 1 January of
// CurrentYear() when that is not a date.
Date TodayUtc(Clock& clock);

class SystemClock final : public Clock {
 public:
  std::string NowUtcIso() override;
  int CurrentYear() override;
};

}  // namespace cakupan
