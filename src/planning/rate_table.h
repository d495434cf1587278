// RateTable: the validated, effective-dated contribution-rate table that
// every cost is computed from (rows: domain/contribution_rate.h; file format:
// docs/data-formats.md; rules: docs/planning.md).
//
// A table is valid when every row is (ValidateContributionRate) and no two
// rows overlap. Two rows overlap when one day, one worker could be charged by
// both: same segment, both monthly (percent/flat) or both contract tranches,
// a programme in common, compatible risk classes (equal, or either 0), base
// ranges that intersect, and periods in force that share a day. A new rate
// therefore needs the old row closed (effective_to = the day before) —
// exactly what happens when a regulation changes a rate.
//
// Immutable after Build(); safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/contribution_rate.h"

namespace cakupan {

// Whether `a` and `b` could both apply to the same worker on the same day
// (the definition above).
bool RatesOverlap(const ContributionRate& a, const ContributionRate& b);

// The identity of a row within its table: everything but the amounts, the
// end date and the texts. An import with a row of the same key updates that
// row (services/rate_service.h).
bool SameRateKey(const ContributionRate& a, const ContributionRate& b);

// Canonical display order: segment, monthly before contract, programme,
// risk class, base_from, effective_from.
bool RateOrderLess(const ContributionRate& a, const ContributionRate& b);

class RateTable {
 public:
  RateTable() = default;  // an empty table: every lookup finds nothing

  // Validates `rows` and returns them as a table in canonical order.
  // `labels[i]` names row i in messages ("iuran.csv line 7"); without
  // labels rows are "row 1", "row 2"... in the given order. Fails with
  // kInvalidArgument naming the row and field, or both overlapping rows and
  // the first day they share; at most 20 problems are listed.
  static Result<RateTable> Build(std::vector<ContributionRate> rows, const std::vector<std::string>& labels = {});

  const std::vector<ContributionRate>& rows() const { return rows_; }
  bool empty() const { return rows_.empty(); }
  size_t size() const { return rows_.size(); }

  // The monthly (percent or flat) row that charges `programme` (one bit) to
  // a worker of `segment` on `day` whose monthly base (wage or declared
  // income) is `base`, for JKK risk class `risk_class` (0 = not given: rows
  // that need a class do not match). nullptr when none does.
  const ContributionRate* FindMonthly(Segment segment, uint8_t programme, Date day, int64_t base,
                                      uint8_t risk_class) const;
  // Whether some monthly row for (segment, programme) in force on `day`
  // depends on the risk class (so a request without one cannot be priced).
  bool NeedsRiskClass(Segment segment, uint8_t programme, Date day) const;
  // The contract tranches of `segment` in force on `day` whose programmes
  // intersect `programmes`, ascending by base_from.
  std::vector<const ContributionRate*> ContractTranches(Segment segment, uint8_t programmes, Date day) const;
  // The rows in force on `day`, in canonical order.
  std::vector<ContributionRate> InForceOn(Date day) const;

 private:
  std::vector<ContributionRate> rows_;
};

}  // namespace cakupan
