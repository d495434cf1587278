// Cost sharing between funders (province, regency, village budget, CSR,
// BAZNAS, ...): who pays which part of a plan's cost. Shares are percentages
// with at most three decimals (parts per 100,000) that must add up to exactly
// 100%; each funder's part is whole rupiah and the parts add up to the cost
// exactly (largest remainder rule, below). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "planning/money.h"

namespace cakupan {

struct Funder {
  std::string name;       // "provinsi", "kabupaten", "apbd", "csr", "baznas", ... as given
  int64_t share_pcm = 0;  // parts per 100,000 of the cost (30% = 30,000)
  Rupiah amount = 0;      // filled by SplitCost
};

inline constexpr int kMaxFunders = 20;

// "provinsi:30,kabupaten:70", "provinsi:30%, kabupaten:70%", "apbd:100",
// "desa:12,5;csr:87,5" (',' between funders unless the shares use decimal
// commas, then ';'). A name is 1-40 letters, digits, '-', '_' or '.'
// (kept as written, compared case-insensitively for duplicates); a share is
// more than 0 and at most 100 with at most three decimals. kInvalidArgument,
// naming the culprit, for an empty list, a malformed entry, a duplicate name,
// more than kMaxFunders funders, or shares that do not add up to 100%.
Result<std::vector<Funder>> ParseFunders(std::string_view text);

// The default: one funder "apbd" paying 100%.
std::vector<Funder> DefaultFunders();

// Splits `cost` (>= 0) by the funders' shares, filling each `amount`:
// every funder gets floor(cost x share / 100%); the rupiah still missing
// (fewer than the number of funders) go one each to the funders with the
// largest remainders of that division, ties to the funder listed first.
// The amounts add up to `cost` exactly. Shares must add up to 100%.
void SplitCost(Rupiah cost, std::vector<Funder>& funders);

}  // namespace cakupan
