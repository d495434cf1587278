// Private to the linkage module: a bounded edit distance for the hot loop.
#pragma once

#include <string_view>

namespace cakupan {

// The optimal string alignment distance of a and b if it is <= bound, else
// bound + 1 (computed on a band of the table, so cheap for small bounds).
int BoundedOsaDistance(std::string_view a, std::string_view b, int bound);

}  // namespace cakupan
