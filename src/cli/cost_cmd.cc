// cakupan cost [--segment PU|BPU|Jakon] [--package ID | --programmes LIST]
//              [--income RP | --wage RP | --contract-value RP] [--risk-class 1-5]
//              [--months N] [--workers N] [--date YYYY-MM-DD]
//              [--format table|json|csv] [--output FILE]
// What contributions cost, per programme and per payer (docs/planning.md).
#include <memory>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/planning_options.h"
#include "present/planning_json.h"
#include "present/planning_table.h"
#include "services/planning_service.h"
#include "services/rate_service.h"

namespace cakupan {

namespace {

struct CostArgs {
  CostParams params;
  std::string format = "table";
  std::string output;
};

}  // namespace

void RegisterCost(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<CostArgs>();
  CLI::App* cmd = app.add_subcommand(
      "cost", Tr("what contributions cost, per programme and per payer, for one worker or a group",
                 "besar iuran per program dan per pembayar, untuk satu pekerja atau sekelompok pekerja"));
  AddWorkerOptions(*cmd, args->params);
  cmd->add_option("--contract-value", args->params.contract_value,
                  Tr("Jakon: the construction contract's value (charged once)", "Jakon: nilai kontrak konstruksi (sekali bayar)"));
  cmd->add_option("--months", args->params.months, Tr("months (default 1)", "jumlah bulan (bawaan 1)"));
  cmd->add_option("--workers", args->params.workers, Tr("identical workers (default 1)", "jumlah pekerja sama (bawaan 1)"));
  cmd->add_option("--format", args->format, Tr("table, json or csv", "table, json atau csv"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_option("-o,--output", args->output, Tr("write to this file instead of the screen", "tulis ke berkas ini"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      auto rates = LoadRatesForCli(ctx);
      if (!rates.ok()) return ctx.Fail(rates.status());
      PlanningService planning(rates->table, TodayUtc(ctx.clock()));
      auto result = planning.Cost(args->params);
      if (!result.ok()) return ctx.Fail(result.status());
      std::string text;
      if (args->format == "json") text = ContributionJson(*result).dump(2) + "\n";
      else if (args->format == "csv") text = ContributionCsv(*result);
      else text = RenderContribution(*result);
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
