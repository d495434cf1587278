#include "services/region_catalog.h"

#include <string>

#include "base/i18n.h"

namespace cakupan {

Result<RegionTable> LoadRegionTable(Store& store) {
  auto rows = store.LoadRegions();
  if (!rows.ok()) return rows.status();
  return RegionTable::Build(std::move(rows).value());
}

Status RequireRegions(const RegionTable& regions) {
  if (regions.size() > 1) return Status::Ok();
  return Status::FailedPrecondition(
      Tr("no regions are loaded; import them first: cakupan import regions data/wilayah/wilayah.csv",
         "belum ada data wilayah; impor dulu: cakupan import regions data/wilayah/wilayah.csv"));
}

Result<int32_t> ResolveRegion(const RegionTable& regions, std::string_view code_text) {
  auto code = RegionCode::Parse(code_text);
  if (!code) {
    return Status::InvalidArgument(std::string(Tr("malformed region code '", "kode wilayah tidak valid '")) +
                                   std::string(code_text) +
                                   Tr("' (expected e.g. 17, 17.04, 17.04.07, 17.04.07.2010)",
                                      "' (contoh yang benar: 17, 17.04, 17.04.07, 17.04.07.2010)"));
  }
  const int32_t i = regions.Find(*code);
  if (i == RegionTable::kNotFound) {
    return Status::NotFound(std::string(Tr("unknown region ", "wilayah tidak dikenal: ")) + code->ToString());
  }
  return i;
}

}  // namespace cakupan
