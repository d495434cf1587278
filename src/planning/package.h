// Packages: named sets of programmes for one segment, the unit in which
// regional governments budget enrolment ("the BPU minimum package, JKK +
// JKM, Rp 16.800 a month"). A package names programmes only; what they cost
// comes from the rate table (planning/contribution.h). The list is fixed in
// code and documented in docs/planning.md; any other set of programmes can
// be priced with ParseProgrammes (domain/enums.h). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/enums.h"

namespace cakupan {

struct Package {
  const char* id;          // "bpu-minimum"
  Segment segment;
  uint8_t programmes;      // Programme bitmask
  const char* label_en;
  const char* label_id;
};

// Every package, in documentation order:
//   bpu-minimum  BPU  JKK+JKM              (the default of `cakupan gaps`)
//   bpu-jht      BPU  JKK+JKM+JHT
//   pu-full      PU   JKK+JKM+JHT+JP+JKP
//   jakon        Jakon JKK+JKM
const std::vector<Package>& Packages();

// The package with this id (case-insensitive, '_' = '-'); kNotFound listing
// the known ids otherwise.
Result<Package> FindPackage(std::string_view id);

// The package priced when none is named: bpu-minimum, pu-full or jakon;
// kNotFound for a segment without one (PMI).
Result<Package> DefaultPackage(Segment segment);

}  // namespace cakupan
