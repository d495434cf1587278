#include "planning/rate_table.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "base/i18n.h"

namespace cakupan {

namespace {

constexpr size_t kMaxProblems = 20;
// A rate table has tens of rows; more than this is the wrong file.
constexpr size_t kMaxRows = 10000;

bool IsContract(const ContributionRate& r) { return r.basis == RateBasis::kContract; }

// [from, to) with to == 0 meaning no upper bound.
bool RangesIntersect(int64_t a_from, int64_t a_to, int64_t b_from, int64_t b_to) {
  const bool a_below_b_end = b_to == 0 || a_from < b_to;
  const bool b_below_a_end = a_to == 0 || b_from < a_to;
  return a_below_b_end && b_below_a_end;
}

bool PeriodsIntersect(const ContributionRate& a, const ContributionRate& b) {
  const bool a_starts_in_time = b.effective_to == kNoDate || a.effective_from <= b.effective_to;
  const bool b_starts_in_time = a.effective_to == kNoDate || b.effective_from <= a.effective_to;
  return a_starts_in_time && b_starts_in_time;
}

bool BaseInRange(const ContributionRate& r, int64_t base) {
  return base >= r.base_from && (r.base_to == 0 || base < r.base_to);
}

std::string Describe(const ContributionRate& r) {
  std::string s = FormatProgrammes(r.programmes) + " " + SegmentCode(r.segment);
  if (r.risk_class != 0) s += std::string(Tr(" risk class ", " kelas risiko ")) + std::to_string(r.risk_class);
  if (r.base_from != 0 || r.base_to != 0)
    s += " [" + std::to_string(r.base_from) + ", " + (r.base_to == 0 ? std::string("...") : std::to_string(r.base_to)) +
         ")";
  s += std::string(Tr(" from ", " mulai ")) + FormatIsoDate(r.effective_from);
  if (r.effective_to != kNoDate) s += std::string(Tr(" to ", " sampai ")) + FormatIsoDate(r.effective_to);
  return s;
}

}  // namespace

bool RatesOverlap(const ContributionRate& a, const ContributionRate& b) {
  return a.segment == b.segment && IsContract(a) == IsContract(b) && (a.programmes & b.programmes) != 0 &&
         (a.risk_class == 0 || b.risk_class == 0 || a.risk_class == b.risk_class) &&
         RangesIntersect(a.base_from, a.base_to, b.base_from, b.base_to) && PeriodsIntersect(a, b);
}

bool SameRateKey(const ContributionRate& a, const ContributionRate& b) {
  return a.segment == b.segment && IsContract(a) == IsContract(b) && a.programmes == b.programmes &&
         a.risk_class == b.risk_class && a.base_from == b.base_from && a.effective_from == b.effective_from;
}

bool RateOrderLess(const ContributionRate& a, const ContributionRate& b) {
  // Programmes in their conventional order: the lowest bit first.
  auto key = [](const ContributionRate& r) {
    return std::make_tuple(static_cast<int>(r.segment), IsContract(r), r.programmes & -r.programmes, r.programmes,
                           r.risk_class, r.base_from, r.effective_from);
  };
  return key(a) < key(b);
}

Result<RateTable> RateTable::Build(std::vector<ContributionRate> rows, const std::vector<std::string>& labels) {
  auto label = [&](size_t i) {
    return i < labels.size() ? labels[i] : std::string(Tr("row ", "baris ")) + std::to_string(i + 1);
  };
  if (rows.size() > kMaxRows) {
    return Status::InvalidArgument(std::string(Tr("a rate table has at most ", "tabel tarif paling banyak ")) +
                                   std::to_string(kMaxRows) + Tr(" rows", " baris"));
  }
  std::vector<std::string> problems;
  size_t more = 0;
  auto add = [&](std::string p) {
    if (problems.size() < kMaxProblems) problems.push_back(std::move(p));
    else ++more;
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    if (Status st = ValidateContributionRate(rows[i]); !st.ok()) add(label(i) + ": " + st.message());
  }
  // Pairs within the same segment only; tables are small.
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return RateOrderLess(rows[a], rows[b]); });
  for (size_t x = 0; x < order.size(); ++x) {
    for (size_t y = x + 1; y < order.size() && rows[order[y]].segment == rows[order[x]].segment; ++y) {
      const size_t i = std::min(order[x], order[y]), j = std::max(order[x], order[y]);
      const ContributionRate& a = rows[i];
      const ContributionRate& b = rows[j];
      if (!RatesOverlap(a, b)) continue;
      add(label(i) + Tr(" and ", " dan ") + label(j) + Tr(" overlap: both are in force on ", " tumpang tindih: keduanya berlaku pada ") +
          FormatIsoDate(std::max(a.effective_from, b.effective_from)) + " (" + Describe(a) + "; " + Describe(b) + ")" +
          Tr(" — close the older row with effective_to the day before the newer one starts",
             " — tutup baris yang lama dengan effective_to sehari sebelum baris baru mulai berlaku"));
    }
  }
  if (!problems.empty()) {
    std::string msg;
    for (const std::string& p : problems) msg += (msg.empty() ? "" : "\n") + p;
    if (more > 0) msg += "\n" + std::string(Tr("... and ", "... dan ")) + std::to_string(more) + Tr(" more", " lainnya");
    return Status::InvalidArgument(msg);
  }
  RateTable table;
  table.rows_.reserve(rows.size());
  for (size_t i : order) table.rows_.push_back(std::move(rows[i]));
  return table;
}

const ContributionRate* RateTable::FindMonthly(Segment segment, uint8_t programme, Date day, int64_t base,
                                               uint8_t risk_class) const {
  for (const ContributionRate& r : rows_) {
    if (r.segment != segment || IsContract(r) || (r.programmes & programme) == 0 || !r.InForceOn(day)) continue;
    if (r.risk_class != 0 && r.risk_class != risk_class) continue;
    if (!BaseInRange(r, base)) continue;
    return &r;  // rows do not overlap: at most one matches
  }
  return nullptr;
}

bool RateTable::NeedsRiskClass(Segment segment, uint8_t programme, Date day) const {
  for (const ContributionRate& r : rows_) {
    if (r.segment == segment && !IsContract(r) && (r.programmes & programme) != 0 && r.InForceOn(day) &&
        r.risk_class != 0)
      return true;
  }
  return false;
}

std::vector<const ContributionRate*> RateTable::ContractTranches(Segment segment, uint8_t programmes, Date day) const {
  std::vector<const ContributionRate*> out;
  for (const ContributionRate& r : rows_) {
    if (r.segment == segment && IsContract(r) && (r.programmes & programmes) != 0 && r.InForceOn(day))
      out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(), [](const ContributionRate* a, const ContributionRate* b) {
    return std::tie(a->programmes, a->base_from) < std::tie(b->programmes, b->base_from);
  });
  return out;
}

std::vector<ContributionRate> RateTable::InForceOn(Date day) const {
  std::vector<ContributionRate> out;
  for (const ContributionRate& r : rows_)
    if (r.InForceOn(day)) out.push_back(r);
  return out;
}

}  // namespace cakupan
