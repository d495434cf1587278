// Human-readable coverage output for terminals, in the current language:
// a title naming the region, period and basis, an aligned table with
// Indonesian number formats ("37,0%", "1.234.567"), the region's total, and
// footnotes for absent figures. Pure functions.
#pragma once

#include <string>

#include "engine/breakdown.h"
#include "engine/coverage.h"

namespace cakupan {

std::string RenderCoverageTable(const CoverageReport& report);
std::string RenderBreakdownTable(const Breakdown& breakdown);
// "labour force (BPS employed)" / "angkatan kerja (penduduk bekerja BPS)" ...
std::string BasisLabel(Basis basis);

}  // namespace cakupan
