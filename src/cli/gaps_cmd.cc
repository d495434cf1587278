// cakupan gaps [--region CODE] [--level LEVEL] [--basis B] [--period P]
//              [--target own|national|X%] [--package ID ...] [--date YYYY-MM-DD]
//              [--format table|json|csv|xlsx] [--output FILE]
// Per region below CODE: the workers needed to reach the target and the
// yearly cost of enrolling them with a package (docs/planning.md).
#include <memory>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/planning_options.h"
#include "present/planning_json.h"
#include "present/planning_table.h"
#include "services/coverage_service.h"
#include "services/planning_service.h"
#include "services/rate_service.h"

namespace cakupan {

namespace {

struct GapArgs {
  GapParams params;
  std::string format = "table";
  std::string output;
};

}  // namespace

void RegisterGaps(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<GapArgs>();
  CLI::App* cmd = app.add_subcommand(
      "gaps", Tr("workers needed to reach a coverage target, per region, and the yearly cost of enrolling them",
                 "tambahan pekerja untuk mencapai target cakupan per wilayah, dan biaya tahunan mendaftarkannya"));
  cmd->add_option("--region", args->params.region, Tr("region code, e.g. 17 (0 = Indonesia)", "kode wilayah, mis. 17 (0 = Indonesia)"))
      ->capture_default_str();
  cmd->add_option("--level", args->params.level,
                  Tr("level of the rows (default: one below)", "tingkat baris (bawaan: satu tingkat di bawah)"));
  cmd->add_option("--basis", args->params.basis,
                  Tr("denominator: labour-force (default) or registry", "penyebut: labour-force (bawaan) atau registry"));
  cmd->add_option("--period", args->params.period, Tr("month YYYY-MM (default: the latest)", "bulan YYYY-MM (bawaan: terbaru)"));
  cmd->add_option("--target", args->params.target,
                  Tr("own (each region's imported target, default), national, or a coverage such as 39 or 39,5%",
                     "own (target masing-masing wilayah, bawaan), national, atau cakupan seperti 39 atau 39,5%"));
  AddWorkerOptions(*cmd, args->params.worker);
  cmd->add_option("--format", args->format, Tr("table, json, csv or xlsx", "table, json, csv atau xlsx"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}));
  cmd->add_option("-o,--output", args->output, Tr("write to this file instead of the screen", "tulis ke berkas ini"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      if (args->format == "xlsx" && args->output.empty())
        return ctx.Fail(Status::InvalidArgument(Tr("--format xlsx needs --output FILE.xlsx",
                                                   "--format xlsx memerlukan --output BERKAS.xlsx")));
      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      auto rates = LoadRatesForCli(ctx);
      if (!rates.ok()) return ctx.Fail(rates.status());
      PlanningService planning(rates->table, TodayUtc(ctx.clock()));
      CoverageService coverage(**store);
      auto report = planning.Gaps(args->params, [&coverage](const CoverageQuery& q) { return coverage.Coverage(q); });
      if (!report.ok()) return ctx.Fail(report.status());
      std::string text;
      if (args->format == "json") text = GapReportJson(*report).dump(2) + "\n";
      else if (args->format == "csv") text = GapReportCsv(*report);
      else if (args->format == "xlsx") {
        auto bytes = GapReportXlsx(*report);
        if (!bytes.ok()) return ctx.Fail(bytes.status());
        text = std::move(*bytes);
      } else text = RenderGapTable(*report);
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
