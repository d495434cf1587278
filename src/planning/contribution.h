// What contributions cost: one worker or a group of identical workers, for a
// number of months, per programme and per payer (employer / worker /
// government), from a RateTable. Definitions and worked examples:
// docs/planning.md.
//
// The rules, in order:
//  1. Month k (k = 0 .. months-1) is charged at the rates in force on
//     `start` plus k months (the same day of the month, or its last day).
//     A rate that changes on day D applies from the first month whose date
//     is on or after D.
//  2. Monthly rows: the base is the monthly wage (PU) or declared income
//     (BPU), raised to the row's base_min and lowered to its base_cap.
//     Percent row: the payers' part of the rate (rate minus recomposition)
//     times the base, rounded half up to whole rupiah — once per worker,
//     per month, per programme. Flat row: its amount. The rounded amount is
//     split between payers: each payer's exact share rounded half up,
//     except the payer with the largest share (ties: employer, worker,
//     government), who takes the remainder, so the parts always add up.
//  3. Construction contracts (Jakon, by contract value): each tranche's rate
//     on the part of the value inside it, summed exactly, then rounded once;
//     charged once per contract (months and workers must be 1).
//  4. Totals multiply the per-worker monthly amounts by months and workers,
//     exactly; an amount beyond int64 is an error, never a wrapped number.
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/contribution_rate.h"
#include "planning/money.h"
#include "planning/rate_table.h"

namespace cakupan {

enum class Payer : uint8_t { kEmployer = 0, kWorker = 1, kGovernment = 2 };
inline constexpr int kPayerCount = 3;
const char* PayerCode(Payer p);     // "employer", "worker", "government"
const char* PayerLabelId(Payer p);  // "Pemberi kerja", "Pekerja", "Pemerintah"
const char* PayerLabelEn(Payer p);

// Rupiah per payer.
struct PayerAmounts {
  Rupiah employer = 0;
  Rupiah worker = 0;
  Rupiah government = 0;
  Rupiah total() const { return employer + worker + government; }
  Rupiah of(Payer p) const { return p == Payer::kEmployer ? employer : p == Payer::kWorker ? worker : government; }
  bool operator==(const PayerAmounts&) const = default;
};

struct ContributionRequest {
  Segment segment = Segment::kBPU;
  uint8_t programmes = kJKK | kJKM;  // Programme bitmask; not empty
  std::string package;               // the package the programmes came from ("" = named directly); shown only
  // Exactly one of these is given (> 0):
  Rupiah monthly_base = 0;    // the monthly wage (PU, Jakon) or declared income (BPU), 1..kMaxMonthlyBase
  Rupiah contract_value = 0;  // a construction contract's value (Jakon), 1..kMaxContractValue
  uint8_t risk_class = 0;     // JKK risk class 1..5 (PU); 0 = not given
  Date start = kNoDate;       // the day whose rates apply to the first month (required)
  int months = 1;             // 1..kMaxMonths; 1 for a contract
  int64_t workers = 1;        // identical workers, 1..kMaxWorkers; 1 for a contract
};

// One rate row applied over consecutive months (a programme whose rate or
// base changes within the request has several lines).
struct ContributionLine {
  uint8_t programmes = 0;     // one programme; a contract's set (JKK+JKM) for a contract line
  ContributionRate rate;      // the row used (a contract line: its first tranche)
  std::vector<ContributionRate> tranches;  // contract lines: every tranche used, ascending
  Date first_day = kNoDate;   // the date of the first month charged at this row
  int months = 0;             // months charged at this row (a contract: 1)
  Rupiah base = 0;            // the base after floor and cap (a contract: its value)
  PayerAmounts per_worker_month;    // one worker, one month (a contract: the whole contract)
  Rupiah recomposed_per_worker_month = 0;  // JKP's recomposed part: shown, not paid on top
  PayerAmounts total;               // every worker, every month of this line
};

struct ContributionResult {
  ContributionRequest request;
  std::vector<ContributionLine> lines;  // programme order (JKK, JKM, JHT, JP, JKP), then time
  PayerAmounts first_month;   // one worker, the first month (a contract: the whole contract)
  PayerAmounts per_worker;    // one worker, every month
  PayerAmounts total;         // every worker, every month
  // Things the user should know ("the declared income Rp 500.000 is below
  // the lowest bracket; contributions are computed on Rp 1.000.000"), in the
  // current language.
  std::vector<std::string> notes;
};

// Checks the request's ranges (kInvalidArgument naming the option, e.g.
// "--months must be from 1 to 120").
Status ValidateContributionRequest(const ContributionRequest& request);

// Prices `request` with `rates`. Fails with kInvalidArgument for a bad
// request, a programme with no rate in force on a month's date (naming the
// programme, segment and date), a risk class the rates need but the request
// lacks, or contract tranches that leave part of the value uncovered.
Result<ContributionResult> ComputeContribution(const RateTable& rates, const ContributionRequest& request);

// Rule 2's split: given each payer's exact part in 1/100,000 rupiah, the
// rounded total (half up) and the parts that add up to it.
PayerAmounts SplitBetweenPayers(__int128 employer_units, __int128 worker_units, __int128 government_units);

// `day` plus `months` calendar months, clamped to the month's last day
// (31 January + 1 month = 28 or 29 February).
Date AddMonths(Date day, int months);

}  // namespace cakupan
