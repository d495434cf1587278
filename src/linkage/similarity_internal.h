// Private to the linkage module: a bounded edit distance and the phonetic key
// for the hot loops.
#pragma once

#include <cstddef>
#include <string_view>

namespace cakupan {

// The optimal string alignment distance of a and b if it is <= bound, else
// bound + 1 (computed on a band of the table, so cheap for small bounds).
int BoundedOsaDistance(std::string_view a, std::string_view b, int bound);

// PhoneticKey without allocating: writes the key's characters (at most
// kPhoneticKeyMax) to `out` and returns how many.
inline constexpr size_t kPhoneticKeyMax = 5;
size_t PhoneticKeyChars(std::string_view normalized_name, char* out);

}  // namespace cakupan
