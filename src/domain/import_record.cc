#include "domain/import_record.h"

namespace cakupan {

const char* DataKindName(DataKind k) {
  switch (k) {
    case DataKind::kRegions: return "regions";
    case DataKind::kWorkers: return "workers";
    case DataKind::kMembers: return "members";
    case DataKind::kLabourForce: return "labour-force";
    case DataKind::kTargets: return "targets";
    case DataKind::kBoundaries: return "boundaries";
    case DataKind::kRates: return "rates";
  }
  return "";
}

}  // namespace cakupan
