#include "services/plan_service.h"

#include <algorithm>
#include <numeric>

#include "base/format_id.h"
#include "base/parallel.h"
#include "base/i18n.h"
#include "base/strings.h"
#include "domain/nik.h"
#include "domain/reconciliation.h"
#include "planning/contribution.h"
#include "planning/package.h"
#include "services/dashboard_service.h"
#include "services/planning_service.h"

namespace cakupan {

namespace {

Status BadParam(const char* name, std::string_view value, const std::string& why) {
  return Status::InvalidArgument(std::string(name) + ": '" + std::string(value) + "' " + why);
}

bool Given(const std::string& s) { return !TrimView(s).empty(); }

// "-5", "Rp -5.000", "-Rp 5.000", "IDR -5" (ParseRupiah refuses them too, with
// a less precise message).
bool LooksNegative(std::string_view t) {
  std::string lower = ToLowerAscii(t);
  std::string_view v = lower;
  if (StartsWith(v, "rp")) v.remove_prefix(2);
  else if (StartsWith(v, "idr")) v.remove_prefix(3);
  v = TrimView(v);
  return (!v.empty() && v.front() == '-') || (!lower.empty() && lower.front() == '-');
}

// The latest birth date with AgeOn(birth, on) >= age (AgeOn does not
// increase as the birth date moves later, so a binary search finds it).
Date LatestBirthForAge(Date on, int age) {
  Date lo = on - 366 * (age + 2), hi = on;  // AgeOn(lo) >= age; find the last such date
  while (lo < hi) {
    const Date mid = lo + (hi - lo + 1) / 2;
    if (AgeOn(mid, on) >= age) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

std::string DecileText(uint8_t decile) {
  if (decile >= 1 && decile <= 10) return std::string(Tr("decile ", "desil ")) + std::to_string(decile);
  return Tr("decile unknown", "desil tidak diketahui");
}

std::string VulnerabilityText(Vulnerability v) {
  switch (v) {
    case Vulnerability::kVulnerable: return Tr("vulnerable (rentan)", "rentan");
    case Vulnerability::kNotVulnerable: return Tr("not vulnerable", "tidak rentan");
    case Vulnerability::kUnknown: break;
  }
  return Tr("vulnerability unknown", "kerentanan tidak diketahui");
}

std::string StatusText(WorkerStatus s, Segment lapsed) {
  if (s == WorkerStatus::kNonActive) {
    std::string t = Tr("non-active", "non-aktif");
    if (lapsed != Segment::kNone) t += std::string(" (") + SegmentCode(lapsed) + ")";
    return t;
  }
  return Tr("not registered", "belum terdaftar");
}

std::string Fraction(int64_t num, int64_t den) {
  return FormatPercent(den > 0 ? static_cast<double>(num) / static_cast<double>(den) : 0.0, 1) + " (" +
         FormatCount(num) + Tr(" of ", " dari ") + FormatCount(den) + ")";
}

// Everything the plan needs from one scan of the registry.
struct Scan {
  std::vector<PlanCandidate> candidates;
  std::vector<uint32_t> rows;        // registry row of each candidate
  std::vector<int64_t> registry;     // per region index (subtree only): registry workers
  std::vector<int64_t> active;       // ... of whom active
  int64_t unregistered = 0, non_active = 0;
  PlanExclusions excluded;
};

}  // namespace

PlanService::PlanService(const RateTable& rates, Date today) : rates_(rates), today_(today) {}

Result<PlanListing> PlanService::ParseListing(const std::string& page, const std::string& page_size) {
  PlanListing l;
  if (Given(page)) {
    auto v = ParseCount(page);
    if (!v || *v < 1 || *v > 1'000'000'000)
      return BadParam("page", page, Tr("must be a whole number from 1", "harus bilangan bulat mulai 1"));
    l.page = static_cast<int>(*v);
  }
  if (Given(page_size)) {
    auto v = ParseCount(page_size);
    if (!v || *v < 0 || *v > 500)
      return BadParam("page_size", page_size,
                      Tr("must be from 1 to 500 (0 = all)", "harus dari 1 sampai 500 (0 = semua)"));
    l.page_size = static_cast<int>(*v);
  }
  return l;
}

Result<PlanQuery> PlanService::ParseQuery(const PlanParams& p) {
  PlanQuery q;
  // Region.
  if (!Given(p.region))
    return Status::InvalidArgument(Tr("region: required (e.g. 17)", "region: wajib diisi (mis. 17)"));
  auto code = RegionCode::Parse(TrimView(p.region));
  if (!code) {
    return BadParam("region", p.region,
                    Tr("is not a region code (e.g. 17, 17.04, 17.04.07, 17.04.07.2010)",
                       "bukan kode wilayah (mis. 17, 17.04, 17.04.07, 17.04.07.2010)"));
  }
  q.region = *code;
  q.coverage.region = code->ToString();
  if (Given(p.level)) {
    q.coverage.level = ParseRegionLevel(p.level);
    if (!q.coverage.level)
      return BadParam("level", p.level,
                      Tr("is not a level (province, regency, district, village)",
                         "bukan tingkat (province, regency, district, village)"));
    if (static_cast<int>(*q.coverage.level) <= static_cast<int>(code->level()) ||
        code->level() == RegionLevel::kVillage) {
      return BadParam("level", p.level,
                      Tr("must be below the region's level", "harus di bawah tingkat wilayah yang dipilih"));
    }
  }
  if (code->level() == RegionLevel::kVillage) {
    // A village has no rows: its figures are its row in its district's table.
    q.village_region = true;
    q.coverage.region = code->Parent().ToString();
    q.coverage.level = RegionLevel::kVillage;
  }
  if (Given(p.basis)) {
    auto b = ParseBasis(p.basis);
    if (!b) return BadParam("basis", p.basis, Tr("is not a basis (labour-force, registry)",
                                                 "bukan basis (labour-force, registry)"));
    q.coverage.basis = *b;
  }
  if (Given(p.period)) {
    q.coverage.period = Period::Parse(p.period);
    if (!q.coverage.period) return BadParam("period", p.period, Tr("is not a month (YYYY-MM)", "bukan bulan (YYYY-MM)"));
  }
  // Budget.
  const std::string_view budget = TrimView(p.budget);
  if (budget.empty())
    return Status::InvalidArgument(Tr("budget: required, in whole rupiah (e.g. 1000000000 or 1.000.000.000)",
                                      "budget: wajib diisi, dalam rupiah bulat (mis. 1000000000 atau 1.000.000.000)"));
  if (LooksNegative(budget))
    return BadParam("budget", p.budget, Tr("must not be negative", "tidak boleh negatif"));
  auto amount = ParseRupiah(budget);
  if (!amount) {
    return BadParam("budget", p.budget,
                    Tr("is not a whole amount of rupiah (e.g. 1000000000, 1.000.000.000 or Rp 1.000.000.000)",
                       "bukan jumlah rupiah bulat (mis. 1000000000, 1.000.000.000 atau Rp 1.000.000.000)"));
  }
  if (*amount > kMaxPlanBudget) {
    return BadParam("budget", p.budget,
                    std::string(Tr("is implausibly large (more than ", "terlalu besar untuk masuk akal (lebih dari ")) +
                        FormatRupiah(kMaxPlanBudget) + ")");
  }
  q.budget = *amount;
  // Policy.
  if (Given(p.policy)) {
    auto policy = ParsePlanPolicy(p.policy);
    if (!policy) {
      return BadParam("policy", p.policy,
                      Tr("is not a policy (decile, vulnerable, lowest-coverage, equal-share, max-gain)",
                         "bukan kebijakan prioritas (decile, vulnerable, lowest-coverage, equal-share, max-gain)"));
    }
    q.policy = *policy;
  }
  // Package: BPU only (what regional budgets pay for).
  if (Given(p.package)) q.package = std::string(TrimView(p.package));
  CAKUPAN_ASSIGN_OR_RETURN(Package package, FindPackage(q.package));
  if (package.segment != Segment::kBPU) {
    return BadParam("package", p.package,
                    Tr("is not a BPU package: a plan enrols informal workers whose contributions a budget pays "
                       "(bpu-minimum, bpu-jht); wage earners are enrolled and paid by their employer",
                       "bukan paket BPU: rencana anggaran mendaftarkan pekerja informal yang iurannya dibayar "
                       "anggaran (bpu-minimum, bpu-jht); penerima upah didaftarkan dan dibayar pemberi kerjanya"));
  }
  q.package = package.id;
  if (Given(p.income)) {
    auto income = ParseRupiah(p.income);
    if (!income || *income == 0 || *income > kMaxMonthlyBase)
      return BadParam("income", p.income, Tr("is not a monthly income in whole rupiah (e.g. 1000000)",
                                              "bukan penghasilan bulanan dalam rupiah bulat (mis. 1000000)"));
    q.income = std::to_string(*income);
  }
  if (Given(p.months)) {
    auto m = ParseCount(p.months);
    if (!m || *m < 1 || *m > kMaxMonths)
      return BadParam("months", p.months, Tr("must be from 1 to 120", "harus dari 1 sampai 120"));
    q.months = static_cast<int>(*m);
  }
  if (Given(p.date)) {
    auto d = ParseDate(TrimView(p.date));
    if (!d) return BadParam("date", p.date, Tr("is not a date (YYYY-MM-DD)", "bukan tanggal (YYYY-MM-DD)"));
    q.date = *d;
  }
  if (Given(p.funders)) {
    CAKUPAN_ASSIGN_OR_RETURN(q.funders, ParseFunders(p.funders));
  } else {
    q.funders = DefaultFunders();
  }
  return q;
}

Result<PlanReport> PlanService::Plan(const PlanQuery& q, const PlanListing& listing, const CoverageSource& coverage,
                                     const RegistrySource& registry, Progress& progress) const {
  if (listing.page < 1 || listing.page_size < 0 || listing.page_size > 500)
    return Status::InvalidArgument(Tr("bad page or page_size", "page atau page_size tidak valid"));
  PlanReport out;
  out.policy = q.policy;
  out.budget = q.budget;
  out.funders = q.funders;

  // The price of one worker.
  const Date start = q.date.value_or(today_);
  {
    PlanningService pricing(rates_, today_);
    CostParams cp;
    cp.package = q.package;
    cp.income = q.income;
    cp.months = std::to_string(q.months);
    cp.date = FormatIsoDate(start);
    CAKUPAN_ASSIGN_OR_RETURN(ContributionRequest request, pricing.CostRequest(cp));
    CAKUPAN_ASSIGN_OR_RETURN(out.worker, ComputeContribution(rates_, request));
  }
  const Rupiah c = out.worker.per_worker.total();
  out.cost_per_worker = c;
  if (c <= 0) return Status::InvalidArgument(Tr("the package costs nothing", "paket tidak berbiaya"));

  // Coverage before the plan.
  progress.Begin(Tr("Coverage before", "Cakupan sebelum"), 0);
  auto rep_or = coverage(q.coverage);
  progress.End();
  if (!rep_or.ok()) return rep_or.status();
  CoverageReport& rep = *rep_or;
  out.period = rep.period;
  out.basis = BasisName(rep.basis);
  out.level = rep.level;
  CoverageRow region_row = rep.region;
  std::vector<CoverageRow> rows;
  if (q.village_region) {
    auto it = std::find_if(rep.rows.begin(), rep.rows.end(), [&](const CoverageRow& r) { return r.code == q.region; });
    if (it == rep.rows.end())
      return Status::NotFound(std::string(Tr("unknown region ", "wilayah tidak dikenal: ")) + q.region.ToString());
    region_row = *it;
    out.level = RegionLevel::kVillage;
  } else {
    rows = std::move(rep.rows);
  }

  // The registry of the period.
  auto view_or = registry(rep.period, q.region);
  if (!view_or.ok()) return view_or.status();
  const RegistryView& view = *view_or;
  const RegionTable& regions = *view.regions;
  const int32_t root = regions.Find(q.region);
  if (root == RegionTable::kNotFound)
    return Status::NotFound(std::string(Tr("unknown region ", "wilayah tidak dikenal: ")) + q.region.ToString());
  const int32_t sub_begin = root, sub_end = regions.subtree_end(root);
  const size_t sub = static_cast<size_t>(sub_end - sub_begin);

  // Units: the rows, or the region itself when it has none.
  std::vector<int32_t> unit_of(sub, -1);  // by region index - root
  std::vector<PlanUnit> units;
  auto as_unit = [](const CoverageRow& r) { return PlanUnit{r.active, r.denominator.value_or(0)}; };
  if (!rows.empty()) {
    for (size_t u = 0; u < rows.size(); ++u) {
      units.push_back(as_unit(rows[u]));
      const int32_t ri = regions.Find(rows[u].code);
      if (ri == RegionTable::kNotFound || !regions.IsAncestorOrSelf(root, ri)) continue;
      std::fill(unit_of.begin() + (ri - sub_begin), unit_of.begin() + (regions.subtree_end(ri) - sub_begin),
                static_cast<int32_t>(u));
    }
  } else {
    units.push_back(as_unit(region_row));
    std::fill(unit_of.begin(), unit_of.end(), 0);
  }

  // One pass over the registry: village figures, candidates, exclusions.
  const Date born_by = LatestBirthForAge(start, out.min_age);          // age >= 15 on the start date
  const Date born_before = LatestBirthForAge(start, out.max_age + 1);  // age >= 65: too old
  const int reference_year = CivilFromDate(start).year;
  const std::vector<std::string>& occupations = *view.occupations;
  std::vector<uint8_t> occupation_vulnerable(occupations.size());
  for (size_t i = 0; i < occupations.size(); ++i) occupation_vulnerable[i] = IsVulnerableOccupation(occupations[i]);
  auto birth_of = [&](size_t i) {
    Date birth = view.birth_date[i];
    if (birth == kNoDate) {
      if (auto info = DecodeNik(view.key[i], reference_year)) birth = info->birth_date;
    }
    return birth;
  };
  // Two passes over (DefaultThreads) ranges in parallel: the first counts,
  // the second writes each range's candidates at its offset, in row order —
  // vectors of the exact size, and the same result for any number of threads.
  enum class Kind : uint8_t { kOutside, kActive, kInvalidNik, kFormal, kAge, kUnregistered, kNonActive };
  auto classify = [&](size_t i) {
    const int32_t r = view.region[i];
    if (r < sub_begin || r >= sub_end) return Kind::kOutside;
    const WorkerStatus status = ResultStatus(view.result[i]);
    if (status == WorkerStatus::kActive) return Kind::kActive;
    if (IsSyntheticWorkerKey(view.key[i])) return Kind::kInvalidNik;
    if (static_cast<Formality>(view.formality[i]) == Formality::kFormal) return Kind::kFormal;
    const Date birth = birth_of(i);
    if (birth != kNoDate && (birth > born_by || birth <= born_before)) return Kind::kAge;
    return status == WorkerStatus::kUnregistered ? Kind::kUnregistered : Kind::kNonActive;
  };
  const size_t n = view.size();
  const int parts = n < 100000 ? 1 : DefaultThreads();
  std::vector<Scan> scans(static_cast<size_t>(std::max(parts, 1)));
  std::vector<size_t> found(scans.size(), 0);
  progress.Begin(Tr("Finding candidates", "Mencari calon"), 0);
  ParallelRanges(n, parts, [&](int part, size_t b, size_t e) {
    Scan& s = scans[static_cast<size_t>(part)];
    s.registry.assign(sub, 0);
    s.active.assign(sub, 0);
    for (size_t i = b; i < e; ++i) {
      const Kind kind = classify(i);
      if (kind == Kind::kOutside) continue;
      const size_t lr = static_cast<size_t>(view.region[i] - sub_begin);
      ++s.registry[lr];
      switch (kind) {
        case Kind::kActive: ++s.active[lr]; break;
        case Kind::kInvalidNik: ++s.excluded.invalid_nik; break;
        case Kind::kFormal: ++s.excluded.formal; break;
        case Kind::kAge: ++s.excluded.age; break;
        case Kind::kUnregistered: ++s.unregistered; break;
        case Kind::kNonActive: ++s.non_active; break;
        case Kind::kOutside: break;
      }
    }
    found[static_cast<size_t>(part)] = static_cast<size_t>(s.unregistered + s.non_active);
  });
  std::vector<size_t> offset(scans.size() + 1, 0);
  for (size_t k = 0; k < scans.size(); ++k) offset[k + 1] = offset[k] + found[k];
  Scan s;
  s.candidates.resize(offset.back());
  s.rows.resize(offset.back());
  ParallelRanges(n, parts, [&](int part, size_t b, size_t e) {
    size_t at = offset[static_cast<size_t>(part)];
    for (size_t i = b; i < e; ++i) {
      const Kind kind = classify(i);
      if (kind != Kind::kUnregistered && kind != Kind::kNonActive) continue;
      const size_t lr = static_cast<size_t>(view.region[i] - sub_begin);
      PlanCandidate& c = s.candidates[at];
      c.key = view.key[i];
      c.village = static_cast<int32_t>(lr);
      c.unit = unit_of[lr];
      c.decile = view.decile[i] <= 10 ? view.decile[i] : 0;
      c.vulnerability = view.vulnerability[i];
      c.vulnerable_occupation = occupation_vulnerable[view.occupation[i]] != 0;
      s.rows[at++] = static_cast<uint32_t>(i);
    }
  });
  s.registry.assign(sub, 0);
  s.active.assign(sub, 0);
  for (Scan& t : scans) {
    for (size_t v = 0; v < t.registry.size(); ++v) {
      s.registry[v] += t.registry[v];
      s.active[v] += t.active[v];
    }
    s.unregistered += t.unregistered;
    s.non_active += t.non_active;
    s.excluded.formal += t.excluded.formal;
    s.excluded.age += t.excluded.age;
    s.excluded.invalid_nik += t.excluded.invalid_nik;
  }
  progress.End();

  // The choice.
  AllocationInput in;
  in.policy = q.policy;
  in.budget = q.budget;
  in.cost_per_worker = c;
  in.candidates = std::move(s.candidates);
  in.villages.resize(sub);
  for (size_t v = 0; v < sub; ++v) in.villages[v] = PlanVillage{s.active[v], s.registry[v]};
  in.units = units;
  progress.Begin(Tr("Choosing workers", "Memilih pekerja"), 0);
  auto res_or = Allocate(in);
  progress.End();
  if (!res_or.ok()) return res_or.status();
  const AllocationResult& res = *res_or;

  // Totals.
  out.candidates = static_cast<int64_t>(in.candidates.size());
  out.candidates_unregistered = s.unregistered;
  out.candidates_non_active = s.non_active;
  out.excluded = s.excluded;
  out.enrolled = static_cast<int64_t>(res.picks.size());
  out.cost = res.cost;
  out.remaining = res.remaining;
  out.unfunded = out.candidates - out.enrolled;
  CAKUPAN_ASSIGN_OR_RETURN(out.unfunded_cost, CheckedMul(out.unfunded, c));
  out.first_share = res.first_share;
  out.rounds = res.rounds;
  SplitCost(out.cost, out.funders);

  auto make_row = [&](const CoverageRow& r, int64_t candidates, int64_t enrolled, Rupiah allotted) {
    PlanRow row;
    row.code = r.code;
    row.name = r.name;
    row.level = r.level;
    row.workers = r.denominator;
    row.active_before = r.active;
    row.active_after = r.active + enrolled;
    row.coverage_before = r.coverage;
    if (r.coverage && r.denominator && *r.denominator > 0)
      row.coverage_after = static_cast<double>(row.active_after) / static_cast<double>(*r.denominator);
    row.candidates = candidates;
    row.enrolled = enrolled;
    row.unfunded = candidates - enrolled;
    row.cost = enrolled * c;
    row.allotted = allotted;
    return row;
  };
  const bool equal_share = q.policy == PlanPolicy::kEqualShare;
  out.region = make_row(region_row, out.candidates, out.enrolled,
                        equal_share ? std::accumulate(res.allotted_by_unit.begin(), res.allotted_by_unit.end(), Rupiah{0})
                                    : 0);
  int64_t in_rows = 0;
  for (size_t u = 0; u < rows.size(); ++u) {
    out.rows.push_back(make_row(rows[u], res.candidates_by_unit[u], res.enrolled_by_unit[u],
                                equal_share ? res.allotted_by_unit[u] : 0));
    in_rows += res.enrolled_by_unit[u];
  }
  out.enrolled_outside_rows = rows.empty() ? 0 : out.enrolled - in_rows;

  // One page of the enrolled, with why each was chosen.
  out.page = listing.page;
  out.page_size = listing.page_size;
  const int64_t total = out.enrolled;
  out.pages = listing.page_size == 0 ? (total > 0 ? 1 : 0) : (total + listing.page_size - 1) / listing.page_size;
  if (listing.page > 1 && listing.page > out.pages) {
    return Status::InvalidArgument(std::string(Tr("page: beyond the last page (", "page: melewati halaman terakhir (")) +
                                   std::to_string(out.pages) + ")");
  }
  if (listing.page_size == 0 && listing.max_all > 0 && total > listing.max_all) {
    return Status::InvalidArgument(std::string(Tr("the list has ", "daftar berisi ")) + FormatCount(total) +
                                   Tr(" workers, more than a download holds (", " pekerja, lebih dari yang muat dalam "
                                                                                "satu unduhan (") +
                                   FormatCount(listing.max_all) +
                                   Tr("); choose a smaller region or budget, or use cakupan plan --format csv",
                                      "); pilih wilayah atau anggaran yang lebih kecil, atau gunakan cakupan plan "
                                      "--format csv"));
  }
  progress.Begin(Tr("Listing the enrolled", "Menyusun daftar"), 0);
  const int64_t first = listing.page_size == 0 ? 0 : static_cast<int64_t>(listing.page - 1) * listing.page_size;
  const int64_t last = listing.page_size == 0 ? total : std::min<int64_t>(total, first + listing.page_size);
  for (int64_t k = first; k < last; ++k) {
    const PlanPick& pick = res.picks[static_cast<size_t>(k)];
    const PlanCandidate& cand = in.candidates[pick.candidate];
    const size_t i = s.rows[pick.candidate];
    PlanWorker w;
    w.rank = k + 1;
    w.nik = IsSyntheticWorkerKey(cand.key) ? std::string() : listing.unmask ? FormatNik(cand.key) : MaskNik(cand.key);
    w.name = listing.unmask ? std::string(view.name(i)) : MaskName(view.name(i));
    const int32_t village = view.region[i];
    w.village = regions.code(village);
    w.village_name = regions.name(village);
    if (!rows.empty() && cand.unit >= 0) {
      w.row = rows[cand.unit].code;
      w.row_name = rows[cand.unit].name;
    } else {
      w.row = region_row.code;
      w.row_name = region_row.name;
    }
    w.sex = static_cast<Sex>(view.sex[i]);
    const Date birth = birth_of(i);
    if (birth != kNoDate) w.age = AgeOn(birth, start);
    w.formality = static_cast<Formality>(view.formality[i]);
    w.decile = cand.decile;
    w.vulnerability = static_cast<Vulnerability>(cand.vulnerability);
    w.occupation = occupations[view.occupation[i]];
    w.status = ResultStatus(view.result[i]);
    w.lapsed_segment = w.status == WorkerStatus::kNonActive ? ResultSegment(view.result[i]) : Segment::kNone;
    w.cost = c;
    // Why: the policy's own reason first, then the worker's need and status.
    std::vector<std::string> why;
    const std::string decile = DecileText(w.decile), vulnerability = VulnerabilityText(w.vulnerability);
    const std::string occupation =
        cand.vulnerable_occupation ? std::string(Tr("vulnerable occupation: ", "pekerjaan rentan: ")) + w.occupation
                                   : std::string();
    switch (q.policy) {
      case PlanPolicy::kDecile:
        why = {decile, vulnerability};
        if (!occupation.empty()) why.push_back(occupation);
        break;
      case PlanPolicy::kVulnerable:
        why = {vulnerability};
        if (!occupation.empty()) why.push_back(occupation);
        why.push_back(decile);
        break;
      case PlanPolicy::kLowestCoverage:
        why = {std::string(Tr("registry coverage of ", "cakupan registri ")) + w.village_name +
                   Tr(" when chosen ", " saat dipilih ") + Fraction(pick.active_then, pick.denominator) +
                   Tr(", the lowest", ", terendah"),
               decile, vulnerability};
        break;
      case PlanPolicy::kEqualShare:
        if (pick.round >= 1) {
          why = {std::string(Tr("equal share of ", "bagian sama rata ")) + w.row_name + Tr(", round ", ", putaran ") +
                 std::to_string(pick.round)};
        } else {
          why = {Tr("leftover after the equal shares: the neediest next candidate, one per region",
                    "sisa setelah bagian sama rata: calon berikutnya yang paling membutuhkan, satu per wilayah")};
        }
        why.push_back(decile);
        why.push_back(vulnerability);
        break;
      case PlanPolicy::kMaxGain:
        if (pick.denominator > 0 && pick.active_then < pick.denominator) {
          why = {std::string(Tr("largest coverage gain: ", "kenaikan cakupan terbesar: ")) + w.row_name +
                 Tr(", denominator ", ", penyebut ") + FormatCount(pick.denominator) + " (+1/" +
                 FormatCount(pick.denominator) + Tr(" per worker)", " per pekerja)")};
        } else {
          why = {Tr("no coverage gain left in its region (no denominator, or full): by need",
                    "wilayahnya tidak menambah cakupan lagi (tanpa penyebut atau sudah penuh): menurut kebutuhan")};
        }
        why.push_back(decile);
        why.push_back(vulnerability);
        break;
    }
    why.push_back(StatusText(w.status, w.lapsed_segment));
    w.reason = Join(why, "; ");
    out.workers.push_back(std::move(w));
  }
  progress.End();

  // What the reader should know.
  if (out.unfunded > 0 && out.remaining > 0 && !equal_share) {
    out.notes.push_back(std::string(Tr("Left over: ", "Sisa anggaran: ")) + FormatRupiah(out.remaining) +
                        Tr(", less than the cost of one more worker (", ", kurang dari biaya satu pekerja lagi (") +
                        FormatRupiah(c) + ").");
  } else if (out.unfunded > 0 && out.remaining > 0) {
    out.notes.push_back(std::string(Tr("Left over: ", "Sisa anggaran: ")) + FormatRupiah(out.remaining) +
                        Tr(" (shares smaller than one worker's cost, ", " (bagian yang lebih kecil dari biaya satu "
                                                                        "pekerja, ") +
                        FormatRupiah(c) + Tr(", and more than one worker per region left over).",
                                             ", dan lebih dari satu pekerja per wilayah pada langkah sisa)."));
  } else if (out.unfunded == 0 && out.remaining > 0) {
    out.notes.push_back(std::string(Tr("Every candidate is funded; ", "Semua calon terdanai; ")) +
                        FormatRupiah(out.remaining) + Tr(" of the budget is not needed.", " dari anggaran tidak terpakai."));
  }
  if (s.excluded.formal + s.excluded.age + s.excluded.invalid_nik > 0) {
    out.notes.push_back(
        std::string(Tr("Not candidates: ", "Bukan calon: ")) + FormatCount(s.excluded.formal) +
        Tr(" formal-sector workers (their employer enrols and pays them, PU), ",
           " pekerja sektor formal (didaftarkan dan dibayar pemberi kerja, PU), ") +
        FormatCount(s.excluded.age) + Tr(" outside working age ", " di luar usia kerja ") +
        std::to_string(out.min_age) + "–" + std::to_string(out.max_age) + ", " + FormatCount(s.excluded.invalid_nik) +
        Tr(" without a valid NIK (fix it first).", " tanpa NIK valid (perbaiki dulu)."));
  }
  if (out.enrolled_outside_rows > 0) {
    out.notes.push_back(FormatCount(out.enrolled_outside_rows) +
                        Tr(" enrolled workers live in villages not listed under a row region; they count only in the "
                           "region's total.",
                           " pekerja terdaftar tinggal di desa yang tidak tercatat di bawah wilayah baris; mereka hanya "
                           "dihitung pada jumlah wilayah."));
  }
  return out;
}

}  // namespace cakupan
