// The data-quality report of field enumeration (docs/quality.md): loads the
// registry, the regions, the period's extract (names, birth dates, region
// codes) and reconciliation and the labour-force figures from the Store and
// counts findings per region (engine/quality.h); and lists the individual
// findings of one regency, district or village with NIKs and names masked
// (UU 27/2022).
//
// A period that was reconciled before the data changed is refused (the
// membership and coverage checks would not match the registry), as the
// coverage service does. When nothing has been imported for any period, the
// registry checks still run: ages are then computed at today's date and the
// membership and coverage checks are "not checked".
//
// Probable duplicates come from an injected source (cakupan dedupe); without
// one the duplicate check is "not checked".
// Not thread-safe; one use at a time per Store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/date.h"
#include "base/status.h"
#include "engine/quality.h"
#include "storage/store.h"

namespace cakupan {

// Pairs of registry worker keys (WorkerTable::nik, synthetic keys included)
// judged to be the same person.
using DuplicatePairs = std::vector<std::pair<uint64_t, uint64_t>>;

struct QualityServiceOptions {
  // Source of probable duplicate pairs; empty = the check is not run (the
  // report says "run cakupan dedupe"). Called once per report; its error
  // fails the report.
  std::function<Result<DuplicatePairs>()> duplicates;
  QualityConfig config;  // thresholds (ages 15-75, |z| > 3.5, 50%-100%)
};

// Options whose duplicate source is the stored result of `cakupan dedupe`
// (match-band pairs not rejected by a reviewer, and accepted review pairs);
// no source when dedupe never ran.
Result<QualityServiceOptions> QualityOptionsFromStore(Store& store);

struct QualityQuery {
  std::string region = "0";          // region code; "0" = Indonesia
  std::optional<RegionLevel> level;  // default: one level below the region (a village: itself)
  std::optional<Period> period;      // default: the latest reconciled period
  QualitySort sort = QualitySort::kScore;
};

class QualityService {
 public:
  QualityService(Store& store, Clock& clock, QualityServiceOptions options = {});

  // Counts per region at the query's level inside the query's region.
  Result<QualityReport> Report(const QualityQuery& query);
  // The individual findings of one regency, district or village (a province
  // or the nation: kInvalidArgument): its registry workers' findings, then
  // those of the extract rows attributed to it; all of them or only `only`
  // (a worker or membership check; another: kInvalidArgument).
  Result<QualityDetails> Details(const QualityQuery& query, std::optional<QualityFinding> only);

 private:
  struct Loaded;
  Result<Loaded> Load(const QualityQuery& query);
  Result<QualityReport> Compute(const Loaded& loaded, const QualityQuery& query);

  Store& store_;
  Clock& clock_;
  QualityServiceOptions options_;
};

}  // namespace cakupan
