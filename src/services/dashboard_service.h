// The read side of the dashboard and JSON API: everything a query needs, held
// in memory as an immutable snapshot built from the store — regions, the
// coverage model of every reconciled period on both bases, and the worker
// registry and unmatched members in region order (engine/region_order.h) so
// that a region's breakdown or a village's worker list reads one contiguous
// range. Queries never touch the database, except boundaries (read on demand
// and cached).
//
// Thread-safety: all query methods are safe to call concurrently; each takes
// a reference to the current snapshot for its duration. ReloadIfChanged()
// builds a new snapshot when the stored data changed and swaps it in; queries
// in flight finish on the old one. A write that changes nothing the snapshot
// holds (a review decision) costs no rebuild, only a new generation.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/date.h"
#include "base/status.h"
#include "engine/breakdown.h"
#include "engine/coverage.h"
#include "services/coverage_service.h"
#include "services/registry_view.h"
#include "storage/store.h"

namespace cakupan {

struct RegionInfo {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  bool has_children = false;
  std::string path;  // names of the ancestors below the national root, "Bengkulu › Kabupaten Lebong"
};

struct RegionChildren {
  RegionInfo parent;
  std::vector<RegionInfo> path;  // national root first, ending with parent
  std::vector<RegionInfo> children;
};

struct SeriesPoint {
  Period period;
  std::optional<int64_t> denominator;
  int64_t active = 0;
  std::optional<double> coverage;
  std::optional<double> target;
  std::optional<double> national_reference;
};

struct Series {
  RegionInfo region;
  Basis basis = Basis::kLabourForce;
  std::vector<SeriesPoint> points;  // ascending periods (stale periods left out)
};

enum class WorkerFilter { kUnprotected, kUnregistered, kNonActive, kActive, kAll };
// "unprotected", "unregistered", "non_active", "active", "all".
std::optional<WorkerFilter> ParseWorkerFilter(std::string_view text);
const char* WorkerFilterName(WorkerFilter f);

// One registry worker as the dashboard shows it: personal data masked.
struct WorkerListRow {
  std::string nik_masked;   // "1704************"
  std::string name_masked;  // initials: "S*** A*****"
  Sex sex = Sex::kUnknown;
  std::optional<int> age;   // at the last day of the period
  Formality formality = Formality::kUnknown;
  std::string occupation;
  uint8_t decile = 0;       // 0 = unknown
  Vulnerability vulnerability = Vulnerability::kUnknown;
  WorkerStatus status = WorkerStatus::kUnregistered;
  Segment segment = Segment::kNone;
};

struct WorkerPage {
  RegionInfo village;
  Period period;
  WorkerFilter filter = WorkerFilter::kUnprotected;
  int64_t total = 0;
  int page = 1;
  int page_size = 50;  // 0 = everything on one page
  int pages = 0;
  std::vector<WorkerListRow> workers;
};

struct DashboardStatus {
  std::vector<Period> periods;  // reconciled and current
  std::vector<Period> stale_periods;
  int64_t regions_at_level[5] = {0, 0, 0, 0, 0};
  int64_t workers = 0;
  bool has_boundaries = false;
  std::string loaded_at;
};

// "S*** A*****": the first letter of each word, the rest as '*' (UTF-8 aware).
std::string MaskName(std::string_view name);

class DashboardService {
 public:
  using StoreFactory = std::function<Result<std::unique_ptr<Store>>()>;
  // `open_store` opens a connection to the database (called on Load and for
  // each reload check; the service keeps one open for boundaries).
  DashboardService(StoreFactory open_store, Clock& clock);
  ~DashboardService();

  // Builds the first snapshot. Fails when the database cannot be read.
  Status Load();
  // Rebuilds the snapshot when what it is built from changed since (data
  // versions, and each stored reconciliation's header, summary and counts),
  // checked only when another connection committed something. Returns
  // whether it rebuilt. A commit that changed none of that (a review
  // decision) only advances the generation. Safe to call from a background
  // thread.
  Result<bool> ReloadIfChanged();
  // Rebuilds the snapshot unconditionally (after this process reconciled).
  Status Reload();
  // Increases with every snapshot and with every other commit seen by
  // ReloadIfChanged (keys response caches: an answer that reads the store,
  // such as the review list, is never served from before a change).
  uint64_t generation() const;
  // Precomputes the breakdown counts of the nation and the provinces for the
  // latest period (both bases), so that their first request is fast. Takes
  // about one pass over the registry per basis; call it from a background
  // thread after Load() or a reload.
  void WarmUp() const;

  DashboardStatus GetStatus() const;
  Result<RegionChildren> Regions(std::string_view parent) const;
  std::vector<RegionInfo> Search(std::string_view query, int limit) const;
  Result<CoverageReport> Coverage(const CoverageQuery& query) const;
  Result<Breakdown> BreakdownBy(const CoverageQuery& query, Dimension dimension) const;
  Result<Series> SeriesOf(std::string_view region, Basis basis) const;
  // page >= 1; page_size 1..500, or 0 for all rows (exports).
  Result<WorkerPage> Workers(std::string_view village, std::optional<Period> period, WorkerFilter filter, int page,
                             int page_size) const;
  // The registry of a period, restricted to the workers of `region`'s
  // subtree, for use cases that scan it (budget allocation). The view keeps
  // the snapshot alive. Errors as Coverage().
  Result<RegistryView> RegistryOf(std::optional<Period> period, std::string_view region) const;
  // GeoJSON FeatureCollection of the children of `parent` that have a
  // boundary; kNotFound (message names "no_boundaries") when none has.
  Result<std::string> BoundariesOf(std::string_view parent);
  // A new connection to the database, for use cases that read the store
  // rather than the snapshot (the data-quality report). Thread-safe.
  Result<std::unique_ptr<Store>> OpenStore() const { return open_store_(); }

 private:
  struct Snapshot;
  std::shared_ptr<const Snapshot> Current() const;
  Result<std::shared_ptr<Snapshot>> Build(Store& store) const;
  // A digest of what Build reads, from a few small queries.
  static Result<std::string> ContentKey(Store& store);
  Status Rebuild(int64_t stamp);
  // The breakdown counts of a region, from the snapshot's memo for large
  // regions.
  static Result<std::shared_ptr<const BreakdownTallies>> TalliesFor(const Snapshot& s, size_t period_index, Basis basis,
                                                                    int32_t region);

  StoreFactory open_store_;
  Clock& clock_;
  mutable std::mutex mu_;                        // guards snapshot_ and generation_
  std::shared_ptr<const Snapshot> snapshot_;     // GUARDED_BY(mu_)
  uint64_t generation_ = 0;                      // GUARDED_BY(mu_)
  std::mutex reload_mu_;                         // one reload at a time
  std::mutex boundary_mu_;                       // guards boundary_store_ and the boundary cache
  std::unique_ptr<Store> boundary_store_;        // GUARDED_BY(boundary_mu_)
  struct BoundaryCache;
  std::unique_ptr<BoundaryCache> boundary_cache_;  // GUARDED_BY(boundary_mu_)
};

}  // namespace cakupan
