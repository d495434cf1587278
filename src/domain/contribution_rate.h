// One row of the contribution-rate table of BPJS Ketenagakerjaan: what one
// programme (or, for construction contracts, a set of programmes) costs for
// one segment, from which day to which day, under which regulation, and who
// pays it. Plain data: planning/ computes with it (planning/rate_table.h),
// storage/ keeps it, docs/planning.md explains it and docs/data-formats.md
// gives the file format (data/tarif/iuran.csv holds today's values).
//
// Money is whole rupiah in int64; rates are integers in parts per 100,000
// ("pcm", per cent mille: 1 pcm = 0.001%, so 0.24% = 240 and 5.7% = 5,700).
// No floating point touches money.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"
#include "domain/enums.h"

namespace cakupan {

// Parts per 100,000 in one whole (100%).
inline constexpr int64_t kPcmPerWhole = 100000;

// How a rate row computes an amount.
enum class RateBasis : uint8_t {
  // A share (rate_pcm) of the monthly wage (PU, Jakon with known wages) or
  // declared income (BPU), per worker per month.
  kPercent = 1,
  // A fixed amount of rupiah per worker per month (BPU JKM: Rp 6.800).
  kFlat = 2,
  // A construction contract (Jakon): rate_pcm of the part of the contract's
  // value that lies in [base_from, base_to), once per contract (marginal
  // tranches, like income tax brackets).
  kContract = 3,
};
const char* RateBasisCode(RateBasis b);  // "percent", "flat", "contract"
// "percent", "persen", "%", "flat", "nominal", "tetap", "contract",
// "kontrak", "nilai_kontrak".
std::optional<RateBasis> ParseRateBasis(std::string_view text);

struct ContributionRate {
  // Programme bitmask (domain/enums.h). Exactly one programme for kPercent
  // and kFlat rows; kContract rows may cover several (Jakon tranches are set
  // for JKK+JKM together).
  uint8_t programmes = 0;
  Segment segment = Segment::kNone;  // PU, BPU, Jakon or PMI (never kNone)
  // JKK risk class 1..5 (very low .. very high) for rows that depend on it;
  // 0 = the row applies whatever the class.
  uint8_t risk_class = 0;
  RateBasis basis = RateBasis::kPercent;
  int64_t rate_pcm = 0;  // kPercent / kContract: the rate in pcm (0..100,000); kFlat: 0
  int64_t amount = 0;    // kFlat: rupiah per worker per month; otherwise 0
  // Who pays, in the row's unit (pcm of the base, or rupiah for kFlat).
  // employer + worker + government + recomposed == rate_pcm (or amount).
  int64_t employer = 0;
  int64_t worker = 0;      // the participant (BPU: the worker, or whoever pays for them)
  int64_t government = 0;  // the state budget (JKP: APBN)
  // The part funded by recomposing other programmes' contributions (JKP
  // takes part of the JKK and JKM the employer already pays): nobody pays
  // it on top, so it is never part of a cost.
  int64_t recomposed = 0;
  // kPercent: a base below base_min counts as base_min (BPU: the lowest
  // declared income), a base above base_cap counts as base_cap (the JP wage
  // cap); 0 = no floor / no cap. kFlat and kContract rows leave both 0.
  int64_t base_min = 0;
  int64_t base_cap = 0;
  // The range of the base (rupiah) the row applies to: [base_from, base_to),
  // base_to 0 = no upper bound. kContract: the tranche of the contract value;
  // kPercent / kFlat: the income bracket in which the row applies (0, 0 =
  // every income).
  int64_t base_from = 0;
  int64_t base_to = 0;
  Date effective_from = kNoDate;  // first day in force
  Date effective_to = kNoDate;    // last day in force (inclusive); kNoDate = still in force
  std::string regulation;         // "PP 44/2015 jo. PP 82/2019"; never empty
  std::string note;               // free text

  bool operator==(const ContributionRate&) const = default;

  // Whether the row is in force on `day` (effective_from <= day <= effective_to).
  bool InForceOn(Date day) const {
    return day >= effective_from && (effective_to == kNoDate || day <= effective_to);
  }
};

// Limits beyond which a value is a typing error rather than a rate.
inline constexpr int64_t kMaxFlatAmount = 100'000'000;            // Rp per worker per month
inline constexpr int64_t kMaxRateBase = 1'000'000'000'000'000;    // Rp 10^15: bounds, caps and tranches

// Checks one row on its own (not against other rows: planning/rate_table.h
// rejects overlaps): programmes, segment, risk class, basis-specific fields,
// payer shares adding up, ranges and dates, a regulation. kInvalidArgument
// whose message names the field ("rate_percent: ..."), in the current
// language.
Status ValidateContributionRate(const ContributionRate& rate);

}  // namespace cakupan
