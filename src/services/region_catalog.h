// Loading the region hierarchy from a Store, and resolving user-supplied
// region codes against it with clear errors.
#pragma once

#include <string_view>

#include "base/status.h"
#include "domain/region_table.h"
#include "storage/store.h"

namespace cakupan {

// The stored regions as a RegionTable (only the national root when none are
// stored).
Result<RegionTable> LoadRegionTable(Store& store);

// Fails with kFailedPrecondition and the command to run when no regions are
// stored.
Status RequireRegions(const RegionTable& regions);

// Index of the region named by `code_text` ("17", "17.04", "0"); kNotFound
// with a message naming the code when it is malformed or unknown.
Result<int32_t> ResolveRegion(const RegionTable& regions, std::string_view code_text);

}  // namespace cakupan
