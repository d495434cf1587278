#include "engine/coverage.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

const char* BasisName(Basis b) { return b == Basis::kRegistry ? "registry" : "labour-force"; }

std::optional<Basis> ParseBasis(std::string_view text) {
  std::string t = NormalizeKey(text);
  if (t == "labour_force" || t == "labor_force" || t == "angkatan_kerja" || t == "bps" || t == "lf" ||
      t == "penduduk_bekerja")
    return Basis::kLabourForce;
  if (t == "registry" || t == "registri" || t == "pendataan" || t == "register") return Basis::kRegistry;
  return std::nullopt;
}

int64_t CeilWorkers(double fraction, int64_t denominator) {
  const double x = fraction * static_cast<double>(denominator);
  return static_cast<int64_t>(std::ceil(x - 1e-7));
}

CoverageModel::CoverageModel(const RegionTable& regions, const std::vector<RegionCounts>& counts,
                             const std::vector<LabourForceRecord>& labour_force,
                             const std::vector<TargetRecord>& targets, Period period, Basis basis)
    : regions_(regions), period_(period), basis_(basis) {
  const int32_t n = regions.size();
  by_index_.assign(n, RegionCounts{});
  for (const RegionCounts& c : counts) {
    int32_t i = regions.Find(c.region);
    if (i != RegionTable::kNotFound) by_index_[i] = c;
  }
  // Latest labour-force figure at or before the period, per region.
  for (auto& v : lf_) v.assign(n, -1);
  lf_period_.assign(n, 0);
  for (const LabourForceRecord& r : labour_force) {
    if (r.period > period) continue;
    int32_t i = regions.Find(r.region);
    if (i == RegionTable::kNotFound) continue;
    if (lf_period_[i] != 0 && r.period.index() <= lf_period_[i]) continue;
    lf_period_[i] = r.period.index();
    lf_[0][i] = r.employed;
    lf_[1][i] = r.formal;
    lf_[2][i] = r.informal;
  }
  // Regions without their own figure: the sum of their children when every
  // child has one (children have larger indices, so walk backwards).
  std::vector<int32_t> child_count(n, 0);
  for (int32_t i = 1; i < n; ++i) ++child_count[regions.parent(i)];
  for (int field = 0; field < 3; ++field) {
    std::vector<int64_t> sum(n, 0);
    std::vector<int32_t> known(n, 0);
    std::vector<int32_t> period_of(n, 0);
    for (int32_t i = n - 1; i >= 0; --i) {
      if (lf_[field][i] < 0 && child_count[i] > 0 && known[i] == child_count[i]) {
        lf_[field][i] = sum[i];
        if (field == 0) lf_period_[i] = period_of[i];
      }
      if (i > 0 && lf_[field][i] >= 0) {
        const int32_t p = regions.parent(i);
        sum[p] += lf_[field][i];
        ++known[p];
        period_of[p] = std::max(period_of[p], lf_period_[i]);
      }
    }
  }
  target_.assign(n, kNaN);
  for (const TargetRecord& t : targets) {
    if (t.year != period.year()) continue;
    int32_t i = regions.Find(t.region);
    if (i != RegionTable::kNotFound) target_[i] = t.target;
  }
  // National reference: only meaningful when every province is in the data.
  const std::vector<int32_t> provinces = regions.Children(RegionTable::kRoot);
  int covered = 0;
  for (int32_t p : provinces) {
    const RegionCounts& c = by_index_[p];
    if (DenominatorOf(p) && (c.active + c.non_active + c.unmatched_active + c.unmatched_non_active) > 0) ++covered;
  }
  if (!provinces.empty() && covered == static_cast<int>(provinces.size())) {
    national_ = CoverageOf(RegionTable::kRoot);
  }
  if (!national_) {
    national_note_ = std::string(Tr("national reference unavailable: the data covers ",
                                    "rujukan nasional tidak tersedia: data mencakup ")) +
                     std::to_string(covered) + Tr(" of ", " dari ") + std::to_string(provinces.size()) +
                     Tr(" provinces on this basis", " provinsi pada basis ini");
  }
}

std::optional<int64_t> CoverageModel::DenominatorOf(int32_t i) const {
  if (basis_ == Basis::kRegistry) {
    if (by_index_[i].registry > 0) return by_index_[i].registry;
    return std::nullopt;
  }
  if (lf_[0][i] > 0) return lf_[0][i];
  return std::nullopt;
}

int64_t CoverageModel::NumeratorOf(int32_t i) const {
  const RegionCounts& c = by_index_[i];
  return basis_ == Basis::kRegistry ? c.active : c.active + c.unmatched_active;
}

std::optional<double> CoverageModel::CoverageOf(int32_t i) const {
  auto d = DenominatorOf(i);
  if (!d) return std::nullopt;
  return static_cast<double>(NumeratorOf(i)) / static_cast<double>(*d);
}

void CoverageModel::FillRank(CoverageRow& row) const {
  if (!row.coverage || row.index == RegionTable::kRoot) return;
  const int32_t parent = regions_.parent(row.index);
  int better = 0, ranked = 0;
  for (int32_t s = parent + 1; s < regions_.subtree_end(parent); s = regions_.subtree_end(s)) {
    auto c = CoverageOf(s);
    if (!c) continue;
    ++ranked;
    if (*c > *row.coverage) ++better;
  }
  row.rank = better + 1;
  row.rank_of = ranked;
}

CoverageRow CoverageModel::Row(int32_t i) const {
  const RegionCounts& c = by_index_[i];
  CoverageRow row;
  row.index = i;
  row.code = regions_.code(i);
  row.name = regions_.name(i);
  row.level = regions_.level(i);
  row.denominator = DenominatorOf(i);
  if (basis_ == Basis::kLabourForce && lf_period_[i] != 0) row.denominator_period = Period::FromIndex(lf_period_[i]);
  row.registry = c.registry;
  row.unregistered = c.unregistered;
  row.unmatched_active = c.unmatched_active;
  row.active = NumeratorOf(i);
  row.non_active = basis_ == Basis::kRegistry ? c.non_active : c.non_active + c.unmatched_non_active;
  row.coverage = CoverageOf(i);
  FillRank(row);
  if (!std::isnan(target_[i])) {
    row.target = target_[i];
    if (row.coverage) row.gap_points = (target_[i] - *row.coverage) * 100.0;
    if (row.denominator) row.gap_workers = CeilWorkers(target_[i], *row.denominator) - row.active;
  }
  if (national_) {
    if (row.coverage) row.gap_national_points = (*national_ - *row.coverage) * 100.0;
    if (row.denominator) row.gap_national_workers = CeilWorkers(*national_, *row.denominator) - row.active;
  }
  return row;
}

Result<CoverageReport> CoverageModel::Report(int32_t region, RegionLevel level) const {
  if (region < 0 || region >= regions_.size()) return Status::NotFound("region index out of range");
  if (static_cast<int>(level) <= static_cast<int>(regions_.level(region))) {
    return Status::InvalidArgument(std::string(Tr("level must be below the region's level (",
                                                  "tingkat harus di bawah tingkat wilayah (")) +
                                   RegionLevelName(regions_.level(region)) + ")");
  }
  CoverageReport rep;
  rep.period = period_;
  rep.basis = basis_;
  rep.level = level;
  rep.national_reference = national_;
  rep.national_reference_note = national_note_;
  rep.region = Row(region);
  int64_t in_rows = 0;
  for (int32_t i : regions_.DescendantsAtLevel(region, level)) {
    rep.rows.push_back(Row(i));
    in_rows += rep.rows.back().active;
  }
  rep.active_not_in_rows = rep.region.active - in_rows;
  return rep;
}

}  // namespace cakupan
