// cakupan reconcile [--period YYYY-MM | --all] [--exact-only]
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "services/reconcile_service.h"

namespace cakupan {

namespace {

struct ReconcileArgs {
  std::string period;
  bool all = false;
  bool exact_only = false;
};

void PrintRecord(const ReconciliationRecord& r) {
  const ReconciliationSummary& s = r.summary;
  std::printf("%s %s\n", Tr("Period", "Periode"), r.period.ToString().c_str());
  std::printf("  %s: %s = %s %s + %s %s + %s %s\n", Tr("registry workers", "pekerja terdata"),
              FormatCount(s.workers).c_str(), FormatCount(s.active).c_str(), Tr("active", "aktif"),
              FormatCount(s.non_active).c_str(), Tr("non-active", "non-aktif"), FormatCount(s.unregistered).c_str(),
              Tr("unregistered", "belum terdaftar"));
  if (s.duplicate_rows > 0) {
    std::printf("  %s: %s %s\n", Tr("duplicates", "data ganda"), FormatCount(s.duplicate_rows).c_str(),
                Tr("registry rows counted under another row of the same worker (docs/definitions.md)",
                   "baris registri dihitung pada baris lain pekerja yang sama (docs/definitions.md)"));
  }
  std::printf("  %s: %s %s, %s %s\n", Tr("extract", "data kepesertaan"), FormatCount(s.memberships).c_str(),
              Tr("memberships", "kepesertaan"), FormatCount(s.members).c_str(), Tr("persons", "orang"));
  std::printf("  %s: %s (%s %s, %s %s, %s %s)\n",
              Tr("members without a registry worker", "peserta tanpa data pekerja di registri"),
              FormatCount(s.unmatched).c_str(), FormatCount(s.unmatched_by_extract_region).c_str(),
              Tr("by the extract's region", "menurut kode wilayah data"), FormatCount(s.unmatched_by_nik_district).c_str(),
              Tr("by NIK district", "menurut kecamatan NIK"), FormatCount(s.unmatched_unattributed).c_str(),
              Tr("national only", "hanya nasional"));
  if (s.linkage_run) {
    std::printf("  %s: %s %s, %s %s; %s %s (cakupan review list)\n",
                Tr("linked without an exact NIK", "dicocokkan tanpa NIK yang sama"),
                FormatCount(s.linked_probabilistic).c_str(), Tr("probabilistic", "probabilistik"),
                FormatCount(s.linked_accepted).c_str(), Tr("accepted in review", "diterima saat peninjauan"),
                FormatCount(s.review_pairs).c_str(), Tr("pairs to review", "pasangan perlu ditinjau"));
  } else {
    std::printf("  %s\n", Tr("exact NIK only (no probabilistic linkage)", "hanya NIK yang sama (tanpa pencocokan probabilistik)"));
  }
}

}  // namespace

void RegisterReconcile(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<ReconcileArgs>();
  CLI::App* cmd = app.add_subcommand(
      "reconcile", Tr("match the worker registry with a period's membership extract by NIK",
                      "cocokkan registri pekerja dengan data kepesertaan suatu periode berdasarkan NIK"));
  auto* period = cmd->add_option("--period", args->period,
                                 Tr("month YYYY-MM (default: the latest extract)", "bulan YYYY-MM (bawaan: data terbaru)"));
  cmd->add_flag("--all", args->all, Tr("every period with an extract", "semua periode yang memiliki data"))
      ->excludes(period);
  cmd->add_flag("--exact-only", args->exact_only,
                Tr("match by exact NIK only: skip probabilistic linkage (docs/linkage.md)",
                   "cocokkan hanya berdasarkan NIK yang sama: tanpa pencocokan probabilistik (docs/linkage.md)"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      std::optional<Period> p;
      if (!args->period.empty()) {
        p = Period::Parse(args->period);
        if (!p) return ctx.Fail(Status::InvalidArgument(std::string(Tr("bad --period '", "--period tidak valid '")) +
                                                        args->period + "' (YYYY-MM)"));
      }
      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      ReconcileOptions options;
      options.probabilistic = !args->exact_only;
      ReconcileService service(**store, ctx.clock(), ctx.progress(), options);
      if (args->all) {
        auto recs = service.ReconcileAll();
        if (!recs.ok()) return ctx.Fail(recs.status());
        for (const auto& r : *recs) PrintRecord(r);
      } else {
        auto rec = service.Reconcile(p);
        if (!rec.ok()) return ctx.Fail(rec.status());
        PrintRecord(*rec);
      }
      return kExitOk;
    };
  });
}

}  // namespace cakupan
