#include "domain/reconciliation.h"

namespace cakupan {

const char* AttributionCode(Attribution a) {
  switch (a) {
    case Attribution::kRegistryDomicile: return "registry_domicile";
    case Attribution::kExtractRegion: return "extract_region";
    case Attribution::kNikDistrict: return "nik_district";
    case Attribution::kUnattributed: return "unattributed";
  }
  return "";
}

}  // namespace cakupan
