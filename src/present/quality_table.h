// The data-quality report for terminals, in the current language: a title,
// what was not checked, the regions (worst first by default) with the main
// findings, then every finding of the whole region with its count and share.
// Indonesian number formats ("37,0%", "1.234.567"). Pure functions.
#pragma once

#include <string>

#include "engine/quality.h"

namespace cakupan {

std::string RenderQualityTable(const QualityReport& report);
std::string RenderQualityDetails(const QualityDetails& details);

// "NIK empty" / "NIK kosong": a finding's label in the current language.
std::string QualityFindingLabel(QualityFinding finding);

}  // namespace cakupan
