// cakupan projection [--region CODE] [--level LEVEL] [--basis B]
//                    [--target own|national|X%] [--by YYYY-MM] [--periods N]
//                    [--format table|json|csv|xlsx] [--output FILE]
// Per region below CODE: the pace of active participants over the
// reconciled periods, the month the target is reached at that pace, and the
// monthly enrolment needed to reach it by a month (docs/planning.md).
#include <memory>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "present/projection_json.h"
#include "present/projection_table.h"
#include "services/coverage_service.h"
#include "services/planning_service.h"
#include "services/projection_service.h"

namespace cakupan {

namespace {

struct ProjectionArgs {
  ProjectionParams params;
  std::string format = "table";
  std::string output;
};

}  // namespace

void RegisterProjection(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<ProjectionArgs>();
  CLI::App* cmd = app.add_subcommand(
      "projection", Tr("per region, when the coverage target is reached at the present pace, and the monthly "
                       "enrolment needed to reach it by a month",
                       "per wilayah, kapan target cakupan tercapai dengan laju sekarang, dan tambahan peserta per "
                       "bulan agar tercapai pada bulan tertentu"));
  cmd->add_option("--region", args->params.region, Tr("region code, e.g. 17 (0 = Indonesia)", "kode wilayah, mis. 17 (0 = Indonesia)"))
      ->capture_default_str();
  cmd->add_option("--level", args->params.level,
                  Tr("level of the rows (default: one below)", "tingkat baris (bawaan: satu tingkat di bawah)"));
  cmd->add_option("--basis", args->params.basis,
                  Tr("denominator: labour-force (default) or registry", "penyebut: labour-force (bawaan) atau registry"));
  cmd->add_option("--target", args->params.target,
                  Tr("own (each region's imported target, default), national, or a coverage such as 39 or 39,5%",
                     "own (target masing-masing wilayah, bawaan), national, atau cakupan seperti 39 atau 39,5%"));
  cmd->add_option("--by", args->params.by,
                  Tr("month YYYY-MM to reach the target by (default: December of this year)",
                     "bulan YYYY-MM batas waktu mencapai target (bawaan: Desember tahun ini)"));
  cmd->add_option("--periods", args->params.periods,
                  Tr("the pace over the last N reconciled periods, N >= 2 (default: all)",
                     "laju atas N periode terakhir yang direkonsiliasi, N >= 2 (bawaan: semua)"));
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
      CoverageService coverage(**store);
      ProjectionService projection(TodayUtc(ctx.clock()));
      auto report = projection.Project(
          args->params, [&coverage]() { return coverage.Periods(); },
          [&coverage](const CoverageQuery& q) { return coverage.Coverage(q); });
      if (!report.ok()) return ctx.Fail(report.status());
      std::string text;
      if (args->format == "json") text = ProjectionReportJson(*report).dump(2) + "\n";
      else if (args->format == "csv") text = ProjectionReportCsv(*report);
      else if (args->format == "xlsx") {
        auto bytes = ProjectionReportXlsx(*report);
        if (!bytes.ok()) return ctx.Fail(bytes.status());
        text = std::move(*bytes);
      } else text = RenderProjectionTable(*report);
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
