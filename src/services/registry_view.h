// The worker registry of one reconciled period as parallel columns, for use
// cases that scan it (budget allocation, services/plan_service.h). Two
// sources give the same view: the database (LoadRegistryView, for the CLI)
// and the dashboard's in-memory snapshot (DashboardService::RegistryOf, for
// the API), which may restrict the rows to one region's subtree.
// A view is read-only; `owner` keeps the memory behind the spans alive, so a
// view stays valid however long it is held, from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/region_table.h"
#include "domain/string_column.h"
#include "storage/store.h"

namespace cakupan {

struct RegistryView {
  const RegionTable* regions = nullptr;  // what `region` indexes
  Period period;
  // One entry per registry worker (all the same length).
  std::span<const uint64_t> key;          // NIK, or a synthetic key (domain/nik.h)
  std::span<const int32_t> region;        // RegionTable index of the domicile village (nearest listed region)
  std::span<const uint8_t> result;        // PackWorkerResult for `period`
  std::span<const uint8_t> sex;           // Sex
  std::span<const Date> birth_date;       // kNoDate when unknown
  std::span<const uint8_t> formality;     // Formality
  std::span<const uint16_t> occupation;   // index into *occupations
  std::span<const uint8_t> decile;        // 1..10, 0 unknown
  std::span<const uint8_t> vulnerability; // Vulnerability
  const std::vector<std::string>* occupations = nullptr;
  // Names, when loaded: row i's name is (*names)[names_offset + i]; null when
  // not loaded.
  const StringColumn* names = nullptr;
  size_t names_offset = 0;
  std::shared_ptr<const void> owner;

  size_t size() const { return key.size(); }
  std::string_view name(size_t i) const { return names ? (*names)[names_offset + i] : std::string_view(); }
};

// Reads the registry and the stored result of `period` from `store`, with
// names when `with_names`, reporting its phases to `progress`.
// kFailedPrecondition (reason "stale") when the stored result does not belong
// to the current registry; kNotFound when the period was never reconciled.
Result<RegistryView> LoadRegistryView(Store& store, Period period, bool with_names, Progress& progress);

}  // namespace cakupan
