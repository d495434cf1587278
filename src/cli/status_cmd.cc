// cakupan status: what the database holds and whether results are current.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "engine/segments.h"
#include "services/reconcile_service.h"
#include "services/region_catalog.h"

namespace cakupan {

void RegisterStatus(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* cmd = app.add_subcommand("status", Tr("what the database holds", "isi basis data"));
  cmd->callback([&ctx, &action]() {
    action = [&ctx]() -> int {
      auto opened = ctx.OpenStore(false);
      if (!opened.ok()) return ctx.Fail(opened.status());
      Store& store = **opened;
      auto regions = LoadRegionTable(store);
      if (!regions.ok()) return ctx.Fail(regions.status());
      std::printf("%s: %s\n", Tr("Database", "Basis data"), ctx.options().db.c_str());
      std::printf("%s: %s %s, %s %s, %s %s, %s %s\n", Tr("Regions", "Wilayah"),
                  FormatCount(regions->CountAtLevel(RegionLevel::kProvince)).c_str(), Tr("provinces", "provinsi"),
                  FormatCount(regions->CountAtLevel(RegionLevel::kRegency)).c_str(), Tr("regencies/cities", "kabupaten/kota"),
                  FormatCount(regions->CountAtLevel(RegionLevel::kDistrict)).c_str(), Tr("districts", "kecamatan"),
                  FormatCount(regions->CountAtLevel(RegionLevel::kVillage)).c_str(), Tr("villages", "desa/kelurahan"));
      auto segments = store.LoadWorkerSegments(kWorkerNik);
      if (!segments.ok()) return ctx.Fail(segments.status());
      const size_t workers = MergeWorkerSegments(std::move(*segments)).size();
      std::printf("%s: %s\n", Tr("Registry workers", "Pekerja terdata"), FormatCount(static_cast<int64_t>(workers)).c_str());
      auto periods = store.ListMemberPeriods();
      if (!periods.ok()) return ctx.Fail(periods.status());
      ReconcileService reconciler(store, ctx.clock(), ctx.progress());
      for (Period p : *periods) {
        auto freshness = reconciler.CheckFreshness(p);
        if (!freshness.ok()) return ctx.Fail(freshness.status());
        const char* state = *freshness == Freshness::kCurrent ? Tr("reconciled", "sudah direkonsiliasi")
                            : *freshness == Freshness::kStale ? Tr("data changed: reconcile again", "data berubah: rekonsiliasi ulang")
                                                              : Tr("not reconciled", "belum direkonsiliasi");
        std::printf("%s %s: %s\n", Tr("Extract", "Kepesertaan"), p.ToString().c_str(), state);
      }
      auto imports = store.ListImports(10);
      if (!imports.ok()) return ctx.Fail(imports.status());
      if (!imports->empty()) std::printf("%s:\n", Tr("Recent imports", "Impor terakhir"));
      for (const auto& r : *imports) {
        std::printf("  #%lld %s %-13s %s%s%s: %s %s, %s %s, %s %s\n", static_cast<long long>(r.id), r.finished_at.c_str(),
                    DataKindName(r.kind), r.file_name.c_str(), r.period.empty() ? "" : " ", r.period.c_str(),
                    FormatCount(r.accepted).c_str(), Tr("accepted", "diterima"), FormatCount(r.rejected).c_str(),
                    Tr("rejected", "ditolak"), FormatCount(r.inserted + r.updated).c_str(), Tr("changed", "berubah"));
      }
      return kExitOk;
    };
  });
}

}  // namespace cakupan
