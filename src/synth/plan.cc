#include "synth/plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "base/rng.h"
#include "synth/apportion.h"

namespace cakupan {

namespace {

constexpr double kMaxCoverage = 0.95;
// A province or national target met by fixed regencies alone must be within
// this many fraction points (0.05 percentage points).
constexpr double kTolerance = 0.0005;

std::string Pct(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", f * 100);
  return buf;
}

bool InRange(double c) { return c > 0 && c <= kMaxCoverage; }

// Population per regency index: the record's total, else the average of the
// province's regencies with records, else the province total over its
// regency count, else the national average of regency records, else 1.
std::vector<double> RegencyPopulation(const RegionTable& regions, const std::vector<int32_t>& regencies,
                                      const std::vector<PopulationRecord>& population) {
  std::map<uint64_t, double> by_code;
  for (const auto& p : population) by_code[p.region.packed()] = static_cast<double>(p.total);
  std::map<int, std::pair<double, int>> province_known;  // sum, count of regency records
  std::map<int, int> province_regencies;
  double all_sum = 0;
  int all_count = 0;
  for (int32_t r : regencies) {
    const RegionCode c = regions.code(r);
    ++province_regencies[c.province()];
    auto it = by_code.find(c.packed());
    if (it != by_code.end() && it->second > 0) {
      province_known[c.province()].first += it->second;
      ++province_known[c.province()].second;
      all_sum += it->second;
      ++all_count;
    }
  }
  std::vector<double> out;
  out.reserve(regencies.size());
  for (int32_t r : regencies) {
    const RegionCode c = regions.code(r);
    auto it = by_code.find(c.packed());
    if (it != by_code.end() && it->second > 0) {
      out.push_back(it->second);
      continue;
    }
    auto pk = province_known.find(c.province());
    if (pk != province_known.end() && pk->second.second > 0) {
      out.push_back(pk->second.first / pk->second.second);
      continue;
    }
    auto prov = by_code.find(c.AncestorAt(RegionLevel::kProvince).packed());
    if (prov != by_code.end() && prov->second > 0) {
      out.push_back(prov->second / province_regencies[c.province()]);
      continue;
    }
    out.push_back(all_count > 0 ? all_sum / all_count : 1.0);
  }
  return out;
}

// Relative coverage weight of every regency (by plan position).
std::vector<double> CoverageWeights(const RegionTable& regions, const CoverageProfile& profile,
                                    const std::vector<RegencyPlan>& plans, uint64_t seed) {
  // Draw a factor for every province and regency of the table in code order,
  // so a region's factor does not depend on which others have workers.
  Rng rng = Rng(seed).Fork(kStreamWeights);
  std::map<uint64_t, double> factor;
  const double spread = profile.random_spread;
  for (int32_t i = 1; i < regions.size(); ++i) {
    const RegionLevel lvl = regions.level(i);
    if (lvl == RegionLevel::kProvince) {
      factor[regions.code(i).packed()] = 1 + spread * (2 * rng.Uniform() - 1);
    } else if (lvl == RegionLevel::kRegency) {
      factor[regions.code(i).packed()] = 1 + spread / 2 * (2 * rng.Uniform() - 1);
    }
  }
  std::vector<double> w(plans.size());
  for (size_t k = 0; k < plans.size(); ++k) {
    const RegionCode c = plans[k].region;
    auto explicit_weight = profile.weight.find(c);
    if (explicit_weight != profile.weight.end()) {
      w[k] = explicit_weight->second;
      continue;
    }
    w[k] = factor[c.AncestorAt(RegionLevel::kProvince).packed()] * factor[c.packed()] *
           (c.kind() == RegionKind::kKota ? profile.kota_factor : 1.0);
  }
  return w;
}

// Scales `weights` of the plans in `members` so that their active persons sum
// to `total_active`; checks each solved coverage.
Status SolveGroup(const std::vector<size_t>& members, const std::vector<double>& weights, int64_t total_active,
                  CoverageSource source, const std::string& what, std::vector<RegencyPlan>& plans) {
  double weighted = 0;
  for (size_t k : members) weighted += weights[k] * static_cast<double>(plans[k].employed);
  const double scale = static_cast<double>(total_active) / weighted;
  std::vector<double> quotas;
  quotas.reserve(members.size());
  for (size_t k : members) {
    const double c = scale * weights[k];
    if (!InRange(c)) {
      return Status::InvalidArgument("infeasible coverage profile: reaching " + what + " needs coverage " + Pct(c) +
                                     " in regency " + plans[k].region.ToString() + " (allowed: above 0% up to " +
                                     Pct(kMaxCoverage) + ")");
    }
    plans[k].coverage = c;
    plans[k].source = source;
    quotas.push_back(c * static_cast<double>(plans[k].employed));
  }
  const std::vector<int64_t> active = Apportion(quotas, total_active);
  for (size_t j = 0; j < members.size(); ++j) plans[members[j]].active = active[j];
  return Status::Ok();
}

Status SolveCoverage(const RegionTable& regions, const GenerateOptions& options, std::vector<RegencyPlan>& plans) {
  const CoverageProfile& profile = options.profile;
  std::vector<bool> decided(plans.size(), false);
  std::map<uint64_t, size_t> position;
  for (size_t k = 0; k < plans.size(); ++k) position[plans[k].region.packed()] = k;

  for (const auto& [code, c] : profile.fixed) {
    auto it = position.find(code.packed());
    if (it == position.end())
      return Status::InvalidArgument("coverage profile fixes regency " + code.ToString() +
                                     ", which has no workers in the scopes");
    RegencyPlan& p = plans[it->second];
    p.coverage = c;
    p.source = CoverageSource::kFixed;
    p.active = std::llround(c * static_cast<double>(p.employed));
    decided[it->second] = true;
  }
  const std::vector<double> weights = CoverageWeights(regions, profile, plans, options.seed);

  for (const auto& [province, target] : profile.province) {
    std::vector<size_t> members, free;
    int64_t employed = 0, fixed_active = 0;
    for (size_t k = 0; k < plans.size(); ++k) {
      if (!province.Contains(plans[k].region)) continue;
      members.push_back(k);
      employed += plans[k].employed;
      if (decided[k]) {
        fixed_active += plans[k].active;
      } else {
        free.push_back(k);
      }
    }
    if (members.empty())
      return Status::InvalidArgument("coverage profile sets province " + province.ToString() +
                                     ", which has no workers in the scopes");
    const std::string what = "province " + province.ToString() + " at " + Pct(target);
    if (free.empty()) {
      const double got = static_cast<double>(fixed_active) / static_cast<double>(employed);
      if (std::abs(got - target) > kTolerance)
        return Status::InvalidArgument("infeasible coverage profile: the fixed regencies give province " +
                                       province.ToString() + " " + Pct(got) + ", not " + Pct(target));
      continue;
    }
    const int64_t total = std::llround(target * static_cast<double>(employed));
    if (total - fixed_active <= 0)
      return Status::InvalidArgument("infeasible coverage profile: the fixed regencies already exceed " + what);
    CAKUPAN_RETURN_IF_ERROR(
        SolveGroup(free, weights, total - fixed_active, CoverageSource::kProvince, what, plans));
    for (size_t k : free) decided[k] = true;
  }

  std::vector<size_t> rest;
  int64_t employed = 0, decided_active = 0;
  for (size_t k = 0; k < plans.size(); ++k) {
    employed += plans[k].employed;
    if (decided[k]) {
      decided_active += plans[k].active;
    } else {
      rest.push_back(k);
    }
  }
  if (options.profile.national) {
    const double target = *options.profile.national;
    const std::string what = "the national coverage " + Pct(target);
    if (rest.empty()) {
      const double got = static_cast<double>(decided_active) / static_cast<double>(employed);
      if (std::abs(got - target) > kTolerance)
        return Status::InvalidArgument("infeasible coverage profile: the fixed regencies and listed provinces give " +
                                       Pct(got) + " nationally, not " + Pct(target));
      return Status::Ok();
    }
    const int64_t total = std::llround(target * static_cast<double>(employed));
    if (total - decided_active <= 0)
      return Status::InvalidArgument("infeasible coverage profile: the fixed regencies and listed provinces exceed " +
                                     what);
    return SolveGroup(rest, weights, total - decided_active, CoverageSource::kNational, what, plans);
  }
  for (size_t k : rest) {
    RegencyPlan& p = plans[k];
    const double c = profile.default_coverage * weights[k];
    if (!InRange(c))
      return Status::InvalidArgument("infeasible coverage profile: default coverage gives " + Pct(c) +
                                     " in regency " + p.region.ToString());
    p.coverage = c;
    p.source = CoverageSource::kDefault;
    p.active = std::llround(c * static_cast<double>(p.employed));
  }
  return Status::Ok();
}

bool ValidShare(double s) { return s >= 0 && s < 1; }

}  // namespace

Status ValidateOptions(const RegionTable& regions, const GenerateOptions& o) {
  if (o.scopes.empty()) return Status::InvalidArgument("no scope given");
  for (size_t i = 0; i < o.scopes.size(); ++i) {
    const GenerateScope& s = o.scopes[i];
    if (regions.Find(s.region) == RegionTable::kNotFound)
      return Status::InvalidArgument("scope region " + s.region.ToString() + " is not a listed region");
    if (s.region.level() > RegionLevel::kRegency)
      return Status::InvalidArgument("scope region " + s.region.ToString() +
                                     " must be the national root, a province or a regency");
    if (s.workers <= 0)
      return Status::InvalidArgument("scope " + s.region.ToString() + " needs a positive number of workers");
    for (size_t j = 0; j < i; ++j)
      if (o.scopes[j].region == s.region)
        return Status::InvalidArgument("scope region " + s.region.ToString() + " is given twice");
  }
  if (!o.period.valid() || o.period.year() < 1900) return Status::InvalidArgument("no valid period given");
  if (o.periods < 1 || o.periods > 120) return Status::InvalidArgument("periods must be between 1 and 120");
  if (!ValidShare(o.unenumerated_share) || !ValidShare(o.unmatched_active_share) ||
      !ValidShare(o.non_active_share) || !ValidShare(o.monthly_enrolment) ||
      !ValidShare(o.second_membership_share))
    return Status::InvalidArgument("shares must lie in [0, 1)");
  if (!(o.formal_share_kota > 0 && o.formal_share_kota < 1) ||
      !(o.formal_share_kabupaten > 0 && o.formal_share_kabupaten < 1))
    return Status::InvalidArgument("formal shares must lie in (0, 1)");
  for (const SourceNoise* n : {&o.noise.registry, &o.noise.extract}) {
    for (double r : {n->name_typo, n->name_variant, n->name_title, n->name_case, n->name_stray,
                     n->name_token_dropped, n->nik_digit, n->nik_transposed, n->nik_missing, n->nik_excel,
                     n->date_swapped, n->duplicate})
      if (!ValidShare(r)) return Status::InvalidArgument("noise rates must lie in [0, 1)");
    if (!ValidShare(n->nik_digit + n->nik_transposed + n->nik_missing + n->nik_excel))
      return Status::InvalidArgument("the NIK noise rates of one source must sum to less than 1");
  }
  const SourceNoise& e = o.noise.extract;
  if (e.nik_digit > 0 || e.nik_transposed > 0 || e.nik_missing > 0 || e.nik_excel > 0 || e.duplicate > 0)
    return Status::InvalidArgument("extract noise: NIK errors and duplicates are not modelled (must be 0)");

  const CoverageProfile& p = o.profile;
  for (const auto& [code, c] : p.fixed) {
    if (code.level() != RegionLevel::kRegency || regions.Find(code) == RegionTable::kNotFound)
      return Status::InvalidArgument("fixed coverage for " + code.ToString() + ": not a listed regency");
    if (!InRange(c))
      return Status::InvalidArgument("fixed coverage " + Pct(c) + " for " + code.ToString() +
                                     " outside (0%, 95%]");
  }
  for (const auto& [code, w] : p.weight) {
    if (code.level() != RegionLevel::kRegency || regions.Find(code) == RegionTable::kNotFound)
      return Status::InvalidArgument("coverage weight for " + code.ToString() + ": not a listed regency");
    if (!(w > 0) || !std::isfinite(w))
      return Status::InvalidArgument("coverage weight for " + code.ToString() + " must be positive");
  }
  for (const auto& [code, c] : p.province) {
    if (code.level() != RegionLevel::kProvince || regions.Find(code) == RegionTable::kNotFound)
      return Status::InvalidArgument("province coverage for " + code.ToString() + ": not a listed province");
    if (!InRange(c))
      return Status::InvalidArgument("province coverage " + Pct(c) + " for " + code.ToString() +
                                     " outside (0%, 95%]");
  }
  if (p.national && !InRange(*p.national))
    return Status::InvalidArgument("national coverage " + Pct(*p.national) + " outside (0%, 95%]");
  if (!InRange(p.default_coverage))
    return Status::InvalidArgument("default coverage " + Pct(p.default_coverage) + " outside (0%, 95%]");
  if (!(p.random_spread >= 0 && p.random_spread < 1))
    return Status::InvalidArgument("random_spread must lie in [0, 1)");
  if (!(p.kota_factor > 0)) return Status::InvalidArgument("kota_factor must be positive");
  for (const auto& [code, t] : p.targets) {
    if (code.level() > RegionLevel::kRegency || regions.Find(code) == RegionTable::kNotFound)
      return Status::InvalidArgument("target for " + code.ToString() +
                                     ": not the national root, a listed province or regency");
    if (!(t > 0 && t <= 1)) return Status::InvalidArgument("target for " + code.ToString() + " outside (0, 1]");
  }
  return Status::Ok();
}

Result<DatasetPlan> PlanDataset(const RegionTable& regions, const std::vector<PopulationRecord>& population,
                                const GenerateOptions& options) {
  CAKUPAN_RETURN_IF_ERROR(ValidateOptions(regions, options));

  // Regencies that can hold workers (they have villages), and the deepest
  // scope containing each.
  std::vector<int32_t> regencies;
  std::vector<int> scope_of;
  for (int32_t r : regions.DescendantsAtLevel(RegionTable::kRoot, RegionLevel::kRegency)) {
    bool has_village = false;
    for (int32_t i = r + 1; i < regions.subtree_end(r) && !has_village; ++i)
      has_village = regions.level(i) == RegionLevel::kVillage;
    if (!has_village) continue;
    int best = -1;
    for (size_t s = 0; s < options.scopes.size(); ++s) {
      const RegionCode sc = options.scopes[s].region;
      if (!sc.Contains(regions.code(r))) continue;
      if (best < 0 || sc.level() > options.scopes[best].region.level()) best = static_cast<int>(s);
    }
    if (best < 0) continue;
    regencies.push_back(r);
    scope_of.push_back(best);
  }
  const std::vector<double> pop = RegencyPopulation(regions, regencies, population);

  std::vector<int64_t> workers(regencies.size(), 0);
  for (size_t s = 0; s < options.scopes.size(); ++s) {
    std::vector<size_t> members;
    std::vector<double> weights;
    for (size_t k = 0; k < regencies.size(); ++k) {
      if (scope_of[k] != static_cast<int>(s)) continue;
      members.push_back(k);
      weights.push_back(pop[k]);
    }
    if (members.empty())
      return Status::InvalidArgument("scope " + options.scopes[s].region.ToString() +
                                     " has no village left to place workers in");
    const std::vector<int64_t> split = Apportion(weights, options.scopes[s].workers);
    for (size_t j = 0; j < members.size(); ++j) workers[members[j]] = split[j];
  }

  DatasetPlan plan;
  Rng share_rng = Rng(options.seed).Fork(kStreamFormalShare);
  const double u = options.unenumerated_share;
  for (size_t k = 0; k < regencies.size(); ++k) {
    const double jitter = 0.06 * (2 * share_rng.Uniform() - 1);  // drawn for every regency: stable
    if (workers[k] == 0) continue;
    RegencyPlan p;
    p.region = regions.code(regencies[k]);
    p.workers = workers[k];
    p.unenumerated = std::llround(static_cast<double>(workers[k]) * u / (1 - u));
    p.employed = p.workers + p.unenumerated;
    const double base =
        p.region.kind() == RegionKind::kKota ? options.formal_share_kota : options.formal_share_kabupaten;
    plan.regencies.push_back(p);
    plan.region_index.push_back(regencies[k]);
    plan.formal_share.push_back(std::clamp(base + jitter, 0.02, 0.98));
  }
  CAKUPAN_RETURN_IF_ERROR(SolveCoverage(regions, options, plan.regencies));

  for (RegencyPlan& p : plan.regencies) {
    p.unmatched_active = std::min<int64_t>(p.unenumerated, std::llround(static_cast<double>(p.active) *
                                                               options.unmatched_active_share));
    p.registry_active = p.active - p.unmatched_active;
    if (p.registry_active > p.workers) {
      p.registry_active = p.workers;
      p.unmatched_active = p.active - p.workers;  // <= unenumerated since active <= employed
    }
    p.non_active = std::min<int64_t>(p.workers - p.registry_active,
                            std::llround(static_cast<double>(p.workers) * options.non_active_share));
    p.unmatched_non_active = std::min<int64_t>(p.unenumerated - p.unmatched_active,
                                      std::llround(static_cast<double>(p.unenumerated) * options.non_active_share));
    plan.workers += p.workers;
    plan.persons += p.workers + p.unmatched_active + p.unmatched_non_active;
  }
  return plan;
}

}  // namespace cakupan
