#include "services/dashboard_service.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/i18n.h"
#include "base/strings.h"
#include "domain/nik.h"
#include "engine/name_check.h"
#include "engine/region_order.h"
#include "engine/segments.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

Status StalePeriod(Period p) {
  return Status::FailedPrecondition(std::string(Tr("the data changed since period ", "data berubah sejak periode ")) +
                                    p.ToString() +
                                    Tr(" was reconciled; run: cakupan reconcile --period ",
                                       " direkonsiliasi; jalankan: cakupan reconcile --period ") +
                                    p.ToString())
      .WithReason("stale");
}

Status NothingReconciled() {
  return Status::FailedPrecondition(
             Tr("nothing has been reconciled yet: import workers and a membership extract, then run cakupan "
                "reconcile",
                "belum ada hasil rekonsiliasi: impor pekerja dan data kepesertaan, lalu jalankan cakupan reconcile"))
      .WithReason("no_data");
}

// Lower-case ASCII for search (names are mostly ASCII; other bytes kept).
std::string Fold(std::string_view s) { return ToLowerAscii(s); }

}  // namespace

std::optional<WorkerFilter> ParseWorkerFilter(std::string_view text) {
  const std::string t = NormalizeKey(text);
  if (t.empty() || t == "unprotected" || t == "belum_terlindungi" || t == "tidak_terlindungi")
    return WorkerFilter::kUnprotected;
  if (t == "unregistered" || t == "belum_terdaftar") return WorkerFilter::kUnregistered;
  if (t == "non_active" || t == "nonaktif" || t == "non_aktif") return WorkerFilter::kNonActive;
  if (t == "active" || t == "aktif") return WorkerFilter::kActive;
  if (t == "all" || t == "semua") return WorkerFilter::kAll;
  return std::nullopt;
}

const char* WorkerFilterName(WorkerFilter f) {
  switch (f) {
    case WorkerFilter::kUnprotected: return "unprotected";
    case WorkerFilter::kUnregistered: return "unregistered";
    case WorkerFilter::kNonActive: return "non_active";
    case WorkerFilter::kActive: return "active";
    case WorkerFilter::kAll: return "all";
  }
  return "";
}

std::string MaskName(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    len = std::min(len, name.size() - i);
    if (c == ' ') {
      out.push_back(' ');
      word_start = true;
    } else if (word_start) {
      // A control or invisible character is never shown (it could drive a
      // terminal); the word's initial becomes '*'.
      const std::string_view initial = name.substr(i, len);
      if (CheckPersonName(initial).flaw == NameFlaw::kControl) out.push_back('*');
      else out.append(initial);
      word_start = false;
    } else {
      out.push_back('*');
    }
    i += len;
  }
  return out;
}

// Everything a query needs, immutable once built. Heap-allocated and never
// moved: the coverage models refer to `regions`.
struct DashboardService::Snapshot {
  RegionTable regions;
  std::vector<std::string> folded_names;  // for search
  std::vector<LabourForceRecord> labour_force;
  std::vector<TargetRecord> targets;
  std::vector<Period> periods;  // current, ascending
  std::vector<Period> stale;

  struct PeriodData {
    Period period;
    std::vector<RegionCounts> counts;
    std::vector<uint8_t> results;  // worker results in region order
    // Unmatched members in region order.
    std::vector<int32_t> u_region;
    std::vector<uint8_t> u_sex, u_segment, u_status;
    std::vector<Date> u_birth;
    std::unique_ptr<CoverageModel> model[2];  // by Basis
  };
  std::vector<std::unique_ptr<PeriodData>> period_data;  // parallel to `periods`

  // The registry in region order.
  RegionOrder order;
  std::vector<int32_t> w_region;
  std::vector<uint64_t> w_nik;
  StringColumn w_name;
  std::vector<uint8_t> w_sex, w_formality, w_vulnerability, w_decile;
  std::vector<Date> w_birth;
  std::vector<uint16_t> w_occupation;
  std::vector<std::string> occupations;

  bool has_boundaries = false;
  std::string loaded_at;
  std::string content_key;  // ContentKey() of the store it was built from

  // Breakdown counts of large regions, computed on first use (one pass over
  // the region's rows gives every dimension) and kept for the snapshot's
  // life. The only mutable part of a snapshot.
  static constexpr size_t kMemoRows = 50000;
  mutable std::mutex memo_mu;
  mutable std::map<std::tuple<int32_t, int, int32_t>, std::shared_ptr<const BreakdownTallies>> memo;  // GUARDED_BY(memo_mu)

  const PeriodData* Find(Period p) const {
    for (size_t i = 0; i < periods.size(); ++i)
      if (periods[i] == p) return period_data[i].get();
    return nullptr;
  }
  bool IsStale(Period p) const { return std::find(stale.begin(), stale.end(), p) != stale.end(); }

  Result<const PeriodData*> Resolve(std::optional<Period> p) const {
    if (!p) {
      if (periods.empty()) return stale.empty() ? NothingReconciled() : StalePeriod(stale.back());
      return period_data.back().get();
    }
    if (const PeriodData* d = Find(*p)) return d;
    if (IsStale(*p)) return StalePeriod(*p);
    return Status::NotFound(std::string(Tr("no data for period ", "tidak ada data untuk periode ")) + p->ToString());
  }

  // A region's rows as spans over the region-ordered columns.
  BreakdownRows Rows(const PeriodData& d, int32_t region) const {
    const auto [b, e] = order.Range(regions, region);
    const size_t ub = std::lower_bound(d.u_region.begin(), d.u_region.end(), region) - d.u_region.begin();
    const size_t ue =
        std::lower_bound(d.u_region.begin(), d.u_region.end(), regions.subtree_end(region)) - d.u_region.begin();
    const size_t n = e - b, un = ue - ub;
    BreakdownRows rows;
    rows.region = std::span<const int32_t>(w_region).subspan(b, n);
    rows.sex = std::span<const uint8_t>(w_sex).subspan(b, n);
    rows.formality = std::span<const uint8_t>(w_formality).subspan(b, n);
    rows.vulnerability = std::span<const uint8_t>(w_vulnerability).subspan(b, n);
    rows.decile = std::span<const uint8_t>(w_decile).subspan(b, n);
    rows.birth_date = std::span<const Date>(w_birth).subspan(b, n);
    rows.result = std::span<const uint8_t>(d.results).subspan(b, n);
    rows.unmatched_region = std::span<const int32_t>(d.u_region).subspan(ub, un);
    rows.unmatched_sex = std::span<const uint8_t>(d.u_sex).subspan(ub, un);
    rows.unmatched_segment = std::span<const uint8_t>(d.u_segment).subspan(ub, un);
    rows.unmatched_status = std::span<const uint8_t>(d.u_status).subspan(ub, un);
    rows.unmatched_birth_date = std::span<const Date>(d.u_birth).subspan(ub, un);
    return rows;
  }

  RegionInfo Info(int32_t i) const {
    RegionInfo r;
    r.code = regions.code(i);
    r.name = regions.name(i);
    r.level = regions.level(i);
    r.has_children = regions.subtree_end(i) > i + 1;
    std::vector<std::string> names;
    for (int32_t a = regions.parent(i); a > 0; a = regions.parent(a)) names.push_back(regions.name(a));
    for (auto it = names.rbegin(); it != names.rend(); ++it) r.path += (r.path.empty() ? "" : " \u203a ") + *it;
    return r;
  }
};

struct DashboardService::BoundaryCache {
  std::map<std::string, std::string> by_parent;  // parent code -> FeatureCollection ("" = none)
  int64_t stamp = -1;
};

DashboardService::DashboardService(StoreFactory open_store, Clock& clock)
    : open_store_(std::move(open_store)), clock_(clock), boundary_cache_(std::make_unique<BoundaryCache>()) {}

DashboardService::~DashboardService() = default;

std::shared_ptr<const DashboardService::Snapshot> DashboardService::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return snapshot_;
}

uint64_t DashboardService::generation() const {
  std::lock_guard<std::mutex> lock(mu_);
  return generation_;
}

Result<std::string> DashboardService::ContentKey(Store& store) {
  std::string key;
  auto add = [&key](int64_t v) {
    key += std::to_string(v);
    key += ' ';
  };
  for (DataKind kind : {DataKind::kRegions, DataKind::kWorkers, DataKind::kMembers, DataKind::kLabourForce,
                        DataKind::kTargets, DataKind::kBoundaries}) {
    CAKUPAN_ASSIGN_OR_RETURN(int64_t version, store.DataVersion(kind, std::nullopt));
    add(version);
  }
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> reconciled, store.ListReconciledPeriods());
  for (Period p : reconciled) {
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store.LoadReconciliation(p, false));
    if (!rec) continue;
    key += p.ToString() + ' ' + rec->computed_at + ' ';
    for (int64_t v : {rec->workers_version, rec->members_version, rec->regions_version})
      add(v);
    const ReconciliationSummary& s = rec->summary;
    for (int64_t v : {s.workers, s.members, s.memberships, s.active, s.non_active, s.unregistered, s.unmatched,
                      s.linked_probabilistic, s.linked_accepted, s.review_pairs})
      add(v);
    // The counts, hashed (FNV-1a over every field of every region).
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](uint64_t v) {
      for (int b = 0; b < 8; ++b) {
        h ^= (v >> (8 * b)) & 0xff;
        h *= 1099511628211ULL;
      }
    };
    for (const RegionCounts& c : rec->counts) {
      for (int64_t v : {static_cast<int64_t>(c.region.packed()), c.registry, c.active, c.non_active, c.unregistered,
                        c.unmatched_active, c.unmatched_non_active, c.unmatched_active_here,
                        c.unmatched_non_active_here})
        mix(static_cast<uint64_t>(v));
    }
    add(static_cast<int64_t>(h));
  }
  return key;
}

Result<std::shared_ptr<DashboardService::Snapshot>> DashboardService::Build(Store& store) const {
  auto s = std::make_shared<Snapshot>();
  // First: a change while building shows as a different key next time.
  CAKUPAN_ASSIGN_OR_RETURN(s->content_key, ContentKey(store));
  CAKUPAN_ASSIGN_OR_RETURN(s->regions, LoadRegionTable(store));
  s->folded_names.reserve(static_cast<size_t>(s->regions.size()));
  for (int32_t i = 0; i < s->regions.size(); ++i) s->folded_names.push_back(Fold(s->regions.name(i)));
  CAKUPAN_ASSIGN_OR_RETURN(s->labour_force, store.LoadLabourForce());
  CAKUPAN_ASSIGN_OR_RETURN(s->targets, store.LoadTargets());
  CAKUPAN_ASSIGN_OR_RETURN(int64_t boundaries, store.CountBoundaries());
  s->has_boundaries = boundaries > 0;
  s->loaded_at = clock_.NowUtcIso();

  // The registry, in region order.
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> segments,
                           store.LoadWorkerSegments(kWorkerAllColumns & ~kWorkerBirthDateRaw));
  WorkerTable workers = MergeWorkerSegments(std::move(segments));
  const size_t worker_count = workers.size();
  const std::vector<int32_t> region_of = WorkerRegions(s->regions, workers.village);
  s->order = RegionOrder(s->regions, region_of);
  s->w_region = s->order.Apply(region_of);
  s->w_nik = s->order.Apply(workers.nik);
  workers.nik = {};
  s->w_sex = s->order.Apply(workers.sex);
  s->w_formality = s->order.Apply(workers.formality);
  s->w_vulnerability = s->order.Apply(workers.vulnerability);
  s->w_decile = s->order.Apply(workers.decile);
  s->w_birth = s->order.Apply(workers.birth_date);
  s->w_occupation = s->order.Apply(workers.occupation);
  s->occupations = workers.occupations;
  s->w_name = workers.name.Gather(s->order.perm());

  // Every reconciled period, current ones only.
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> reconciled, store.ListReconciledPeriods());
  CAKUPAN_ASSIGN_OR_RETURN(int64_t wv, store.DataVersion(DataKind::kWorkers, std::nullopt));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t rv, store.DataVersion(DataKind::kRegions, std::nullopt));
  for (Period p : reconciled) {
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store.LoadReconciliation(p, true));
    CAKUPAN_ASSIGN_OR_RETURN(int64_t mv, store.DataVersion(DataKind::kMembers, p));
    if (!rec || rec->workers_version != wv || rec->members_version != mv || rec->regions_version != rv ||
        rec->worker_results.size() != worker_count) {
      s->stale.push_back(p);
      continue;
    }
    auto d = std::make_unique<Snapshot::PeriodData>();
    d->period = p;
    d->results = s->order.Apply(rec->worker_results);
    const std::vector<int32_t> u_region = UnmatchedRegions(s->regions, rec->unmatched);
    const RegionOrder u_order(s->regions, u_region);
    d->u_region = u_order.Apply(u_region);
    d->u_sex = u_order.Apply(rec->unmatched.sex);
    d->u_segment = u_order.Apply(rec->unmatched.segment);
    d->u_status = u_order.Apply(rec->unmatched.status);
    d->u_birth = u_order.Apply(rec->unmatched.birth_date);
    d->counts = std::move(rec->counts);
    for (Basis b : {Basis::kLabourForce, Basis::kRegistry}) {
      d->model[static_cast<int>(b)] =
          std::make_unique<CoverageModel>(s->regions, d->counts, s->labour_force, s->targets, p, b);
    }
    s->periods.push_back(p);
    s->period_data.push_back(std::move(d));
  }
  return s;
}

Status DashboardService::Load() {
  CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store_());
  CAKUPAN_ASSIGN_OR_RETURN(int64_t stamp, store->ChangeStamp());
  CAKUPAN_ASSIGN_OR_RETURN(std::shared_ptr<Snapshot> s, Build(*store));
  {
    std::lock_guard<std::mutex> lock(boundary_mu_);
    boundary_store_ = std::move(store);
    boundary_cache_ = std::make_unique<BoundaryCache>();
    boundary_cache_->stamp = stamp;
  }
  std::lock_guard<std::mutex> lock(mu_);
  snapshot_ = std::move(s);
  ++generation_;
  return Status::Ok();
}

Result<bool> DashboardService::ReloadIfChanged() {
  std::lock_guard<std::mutex> reload(reload_mu_);
  int64_t stamp = 0;
  {
    std::lock_guard<std::mutex> lock(boundary_mu_);
    if (!boundary_store_) return Status::FailedPrecondition("DashboardService: Load() was not called");
    CAKUPAN_ASSIGN_OR_RETURN(stamp, boundary_store_->ChangeStamp());
    if (stamp == boundary_cache_->stamp) return false;
  }
  // Something was committed. A review decision changes nothing the snapshot
  // holds (rebuilding 1.7 million workers took 4.2 s): compare the key.
  {
    CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store_());
    CAKUPAN_ASSIGN_OR_RETURN(std::string key, ContentKey(*store));
    const auto current = Current();
    if (current && key == current->content_key) {
      {
        std::lock_guard<std::mutex> lock(boundary_mu_);
        boundary_cache_->stamp = stamp;
      }
      std::lock_guard<std::mutex> lock(mu_);
      ++generation_;
      return false;
    }
  }
  CAKUPAN_RETURN_IF_ERROR(Rebuild(stamp));
  return true;
}

Status DashboardService::Reload() {
  std::lock_guard<std::mutex> reload(reload_mu_);
  int64_t stamp = 0;
  {
    std::lock_guard<std::mutex> lock(boundary_mu_);
    if (!boundary_store_) return Status::FailedPrecondition("DashboardService: Load() was not called");
    CAKUPAN_ASSIGN_OR_RETURN(stamp, boundary_store_->ChangeStamp());
  }
  return Rebuild(stamp);
}

// Called with reload_mu_ held; `stamp` was read before the build.
Status DashboardService::Rebuild(int64_t stamp) {
  CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store_());
  CAKUPAN_ASSIGN_OR_RETURN(std::shared_ptr<Snapshot> s, Build(*store));
  {
    std::lock_guard<std::mutex> lock(boundary_mu_);
    boundary_cache_ = std::make_unique<BoundaryCache>();
    boundary_cache_->stamp = stamp;
  }
  std::lock_guard<std::mutex> lock(mu_);
  snapshot_ = std::move(s);
  ++generation_;
  return Status::Ok();
}

DashboardStatus DashboardService::GetStatus() const {
  const auto s = Current();
  DashboardStatus st;
  if (!s) return st;
  st.periods = s->periods;
  st.stale_periods = s->stale;
  for (int l = 0; l < 5; ++l) st.regions_at_level[l] = s->regions.CountAtLevel(static_cast<RegionLevel>(l));
  st.workers = static_cast<int64_t>(s->w_nik.size());
  st.has_boundaries = s->has_boundaries;
  st.loaded_at = s->loaded_at;
  return st;
}

Result<RegionChildren> DashboardService::Regions(std::string_view parent) const {
  const auto s = Current();
  CAKUPAN_ASSIGN_OR_RETURN(int32_t p, ResolveRegion(s->regions, parent.empty() ? "0" : parent));
  RegionChildren out;
  out.parent = s->Info(p);
  for (int32_t a = p;; a = s->regions.parent(a)) {
    out.path.push_back(s->Info(a));
    if (a == RegionTable::kRoot) break;
  }
  std::reverse(out.path.begin(), out.path.end());
  for (int32_t c : s->regions.Children(p)) out.children.push_back(s->Info(c));
  return out;
}

std::vector<RegionInfo> DashboardService::Search(std::string_view query, int limit) const {
  const auto s = Current();
  std::vector<RegionInfo> out;
  const std::string q = Fold(TrimView(query));
  if (q.empty() || limit <= 0) return out;
  // Codes: "17.07", "1707".
  if (auto code = RegionCode::Parse(q); code && *code != RegionCode::National()) {
    const int32_t i = s->regions.Find(*code);
    if (i != RegionTable::kNotFound) out.push_back(s->Info(i));
  }
  // Names, best matches first: the name without its kind ("Kabupaten",
  // "Kota", ...) equal to the query, then a word of the name starting with
  // it, then anywhere; higher levels and code order within each rank (so
  // "lebong" gives Kabupaten Lebong, then Kabupaten Rejang Lebong, then the
  // districts called Lebong ...).
  static constexpr std::string_view kPrefixes[] = {"kabupaten ", "kota ", "kecamatan ", "desa ", "kelurahan ",
                                                   "provinsi "};
  std::vector<std::pair<int, int32_t>> ranked;  // (rank, index)
  for (int32_t i = 1; i < s->regions.size(); ++i) {
    const std::string& name = s->folded_names[i];
    const size_t at = name.find(q);
    if (at == std::string::npos) continue;
    std::string_view bare = name;
    for (std::string_view p : kPrefixes)
      if (bare.substr(0, p.size()) == p) bare.remove_prefix(p.size());
    int rank = 2;
    if (bare == q) rank = 0;
    else if (at == 0 || name[at - 1] == ' ') rank = 1;
    ranked.emplace_back(rank * 8 + static_cast<int>(s->regions.level(i)), i);
  }
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [rank, i] : ranked) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (!out.empty() && out.front().code == s->regions.code(i)) continue;
    out.push_back(s->Info(i));
  }
  return out;
}

Result<CoverageReport> DashboardService::Coverage(const CoverageQuery& q) const {
  const auto s = Current();
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(s->regions));
  CAKUPAN_ASSIGN_OR_RETURN(int32_t region, ResolveRegion(s->regions, q.region));
  CAKUPAN_ASSIGN_OR_RETURN(const Snapshot::PeriodData* d, s->Resolve(q.period));
  const CoverageModel& model = *d->model[static_cast<int>(q.basis)];
  if (s->regions.level(region) == RegionLevel::kVillage && (!q.level || *q.level == RegionLevel::kVillage)) {
    // A village has nothing below it: its own figures and no rows.
    CoverageReport rep;
    rep.period = d->period;
    rep.basis = q.basis;
    rep.level = RegionLevel::kVillage;
    rep.national_reference = model.national_reference();
    rep.national_reference_note = model.national_reference_note();
    rep.region = model.Row(region);
    return rep;
  }
  const RegionLevel level =
      q.level ? *q.level : static_cast<RegionLevel>(static_cast<int>(s->regions.level(region)) + 1);
  return model.Report(region, level);
}

Result<std::shared_ptr<const BreakdownTallies>> DashboardService::TalliesFor(const Snapshot& s, size_t period_index,
                                                                           Basis basis, int32_t region) {
  const Snapshot::PeriodData& d = *s.period_data[period_index];
  const auto [b, e] = s.order.Range(s.regions, region);
  const bool memoize = e - b >= Snapshot::kMemoRows;
  const auto key = std::make_tuple(d.period.index(), static_cast<int>(basis), region);
  if (memoize) {
    std::lock_guard<std::mutex> lock(s.memo_mu);
    if (auto it = s.memo.find(key); it != s.memo.end()) return it->second;
  }
  CAKUPAN_ASSIGN_OR_RETURN(BreakdownTallies tallies,
                           CountBreakdowns(*d.model[static_cast<int>(basis)], s.Rows(d, region), region));
  auto shared = std::make_shared<const BreakdownTallies>(tallies);
  if (memoize) {
    std::lock_guard<std::mutex> lock(s.memo_mu);
    s.memo.emplace(key, shared);
  }
  return shared;
}

Result<Breakdown> DashboardService::BreakdownBy(const CoverageQuery& q, Dimension dim) const {
  const auto s = Current();
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(s->regions));
  CAKUPAN_ASSIGN_OR_RETURN(int32_t region, ResolveRegion(s->regions, q.region));
  CAKUPAN_ASSIGN_OR_RETURN(const Snapshot::PeriodData* d, s->Resolve(q.period));
  size_t index = 0;
  while (s->period_data[index].get() != d) ++index;
  CAKUPAN_ASSIGN_OR_RETURN(std::shared_ptr<const BreakdownTallies> tallies, TalliesFor(*s, index, q.basis, region));
  return FinishBreakdown(*d->model[static_cast<int>(q.basis)], region, dim, *tallies);
}

void DashboardService::WarmUp() const {
  const auto s = Current();
  if (!s || s->period_data.empty()) return;
  std::vector<int32_t> regions = {RegionTable::kRoot};
  for (int32_t p : s->regions.Children(RegionTable::kRoot)) regions.push_back(p);
  for (Basis basis : {Basis::kLabourForce, Basis::kRegistry})
    for (int32_t r : regions) (void)TalliesFor(*s, s->period_data.size() - 1, basis, r);
}

Result<Series> DashboardService::SeriesOf(std::string_view region_text, Basis basis) const {
  const auto s = Current();
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(s->regions));
  CAKUPAN_ASSIGN_OR_RETURN(int32_t region, ResolveRegion(s->regions, region_text));
  if (s->periods.empty()) return s->stale.empty() ? NothingReconciled() : StalePeriod(s->stale.back());
  Series out;
  out.region = s->Info(region);
  out.basis = basis;
  for (const auto& d : s->period_data) {
    const CoverageModel& m = *d->model[static_cast<int>(basis)];
    const CoverageRow row = m.Row(region);
    SeriesPoint pt;
    pt.period = d->period;
    pt.denominator = row.denominator;
    pt.active = row.active;
    pt.coverage = row.coverage;
    pt.target = row.target;
    pt.national_reference = m.national_reference();
    out.points.push_back(pt);
  }
  return out;
}

Result<WorkerPage> DashboardService::Workers(std::string_view village_text, std::optional<Period> period,
                                             WorkerFilter filter, int page, int page_size) const {
  const auto s = Current();
  CAKUPAN_ASSIGN_OR_RETURN(int32_t village, ResolveRegion(s->regions, village_text));
  if (s->regions.level(village) != RegionLevel::kVillage) {
    return Status::InvalidArgument(std::string(Tr("not a village code: ", "bukan kode desa/kelurahan: ")) +
                                   std::string(village_text));
  }
  if (page < 1) return Status::InvalidArgument(Tr("page must be 1 or more", "halaman harus 1 atau lebih"));
  if (page_size < 0 || page_size > 500)
    return Status::InvalidArgument(Tr("page_size must be between 1 and 500", "page_size harus antara 1 dan 500"));
  CAKUPAN_ASSIGN_OR_RETURN(const Snapshot::PeriodData* d, s->Resolve(period));
  const auto [b, e] = s->order.Range(s->regions, village);
  auto keep = [&](size_t k) {
    // A duplicate row is listed once, at the row where its worker counts.
    if (ResultCountedElsewhere(d->results[k])) return false;
    const WorkerStatus st = ResultStatus(d->results[k]);
    switch (filter) {
      case WorkerFilter::kUnprotected: return st != WorkerStatus::kActive;
      case WorkerFilter::kUnregistered: return st == WorkerStatus::kUnregistered;
      case WorkerFilter::kNonActive: return st == WorkerStatus::kNonActive;
      case WorkerFilter::kActive: return st == WorkerStatus::kActive;
      case WorkerFilter::kAll: return true;
    }
    return false;
  };
  WorkerPage out;
  out.village = s->Info(village);
  out.period = d->period;
  out.filter = filter;
  out.page = page;
  out.page_size = page_size;
  for (size_t k = b; k < e; ++k) out.total += keep(k) ? 1 : 0;
  out.pages = page_size == 0 ? (out.total > 0 ? 1 : 0)
                             : static_cast<int>((out.total + page_size - 1) / page_size);
  const int64_t first = page_size == 0 ? 0 : static_cast<int64_t>(page - 1) * page_size;
  const int64_t last = page_size == 0 ? out.total : first + page_size;
  const Date on = d->period.LastDay();
  int64_t seen = 0;
  for (size_t k = b; k < e && seen < last; ++k) {
    if (!keep(k)) continue;
    if (seen++ < first) continue;
    WorkerListRow w;
    w.nik_masked = MaskNik(s->w_nik[k]);
    w.name_masked = MaskName(s->w_name[k]);
    w.sex = static_cast<Sex>(s->w_sex[k]);
    if (s->w_birth[k] != kNoDate) w.age = AgeOn(s->w_birth[k], on);
    w.formality = static_cast<Formality>(s->w_formality[k]);
    w.occupation = s->occupations[s->w_occupation[k]];
    w.decile = s->w_decile[k];
    w.vulnerability = static_cast<Vulnerability>(s->w_vulnerability[k]);
    w.status = ResultStatus(d->results[k]);
    w.segment = ResultSegment(d->results[k]);
    out.workers.push_back(std::move(w));
  }
  return out;
}

Result<RegistryView> DashboardService::RegistryOf(std::optional<Period> period, std::string_view region_text) const {
  const auto s = Current();
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(s->regions));
  CAKUPAN_ASSIGN_OR_RETURN(int32_t region, ResolveRegion(s->regions, region_text));
  CAKUPAN_ASSIGN_OR_RETURN(const Snapshot::PeriodData* d, s->Resolve(period));
  const auto [b, e] = s->order.Range(s->regions, region);
  const size_t n = e - b;
  RegistryView v;
  v.regions = &s->regions;
  v.period = d->period;
  v.key = std::span<const uint64_t>(s->w_nik).subspan(b, n);
  v.region = std::span<const int32_t>(s->w_region).subspan(b, n);
  v.result = std::span<const uint8_t>(d->results).subspan(b, n);
  v.sex = std::span<const uint8_t>(s->w_sex).subspan(b, n);
  v.birth_date = std::span<const Date>(s->w_birth).subspan(b, n);
  v.formality = std::span<const uint8_t>(s->w_formality).subspan(b, n);
  v.occupation = std::span<const uint16_t>(s->w_occupation).subspan(b, n);
  v.decile = std::span<const uint8_t>(s->w_decile).subspan(b, n);
  v.vulnerability = std::span<const uint8_t>(s->w_vulnerability).subspan(b, n);
  v.occupations = &s->occupations;
  v.names = &s->w_name;
  v.names_offset = b;
  v.owner = s;
  return v;
}

Result<std::string> DashboardService::BoundariesOf(std::string_view parent_text) {
  const auto s = Current();
  CAKUPAN_ASSIGN_OR_RETURN(int32_t parent, ResolveRegion(s->regions, parent_text.empty() ? "0" : parent_text));
  const std::string key = s->regions.code(parent).ToString();
  std::lock_guard<std::mutex> lock(boundary_mu_);
  auto it = boundary_cache_->by_parent.find(key);
  if (it == boundary_cache_->by_parent.end()) {
    if (!boundary_store_) return Status::FailedPrecondition("DashboardService: Load() was not called");
    std::vector<RegionCode> children;
    for (int32_t c : s->regions.Children(parent)) children.push_back(s->regions.code(c));
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<BoundaryRecord> rows, boundary_store_->LoadBoundaries(children));
    std::string fc;
    if (!rows.empty()) {
      fc = R"({"type":"FeatureCollection","features":[)";
      for (size_t i = 0; i < rows.size(); ++i) {
        const int32_t idx = s->regions.Find(rows[i].region);
        // Region names come from the region list (trusted UTF-8); escape quotes and backslashes.
        std::string name;
        for (char ch : s->regions.name(idx)) {
          if (ch == '"' || ch == '\\') name.push_back('\\');
          name.push_back(ch);
        }
        if (i) fc += ",";
        fc += R"({"type":"Feature","properties":{"code":")" + rows[i].region.ToString() + R"(","name":")" + name +
              R"("},"geometry":)" + rows[i].geometry + "}";
      }
      fc += "]}";
    }
    it = boundary_cache_->by_parent.emplace(key, std::move(fc)).first;
  }
  if (it->second.empty()) {
    return Status::NotFound(std::string(Tr("no boundaries were imported for the regions below ",
                                           "batas wilayah belum diimpor untuk wilayah di bawah ")) +
                            key)
        .WithReason("no_boundaries");
  }
  return it->second;
}

}  // namespace cakupan
