// cakupan plan --region CODE --budget RUPIAH [--policy P] [--package ID]
//              [--income RP] [--months N] [--date YYYY-MM-DD] [--funders LIST]
//              [--period P] [--basis B] [--level L]
//              [--format table|json|csv|xlsx] [--output FILE] [--unmask]
//              [--page N] [--page-size N]
// Budget allocation: which unprotected registry workers a budget enrols,
// the cost, coverage before and after, what stays unfunded, each funder's
// part (docs/planning.md, "Budget allocation"). Reads only.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "services/planning_service.h"
#include "services/rate_service.h"
#include "present/plan_json.h"
#include "present/plan_table.h"
#include "services/coverage_service.h"
#include "services/plan_service.h"
#include "services/registry_view.h"

namespace cakupan {

namespace {

struct PlanArgs {
  PlanParams params;
  std::string format = "table";
  std::string output;
  std::string page;
  std::string page_size;
  bool unmask = false;
};

}  // namespace

void RegisterPlan(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<PlanArgs>();
  CLI::App* cmd = app.add_subcommand(
      "plan", Tr("budget allocation: which unprotected workers a budget enrols, the cost, coverage before and after",
                 "alokasi anggaran: pekerja belum terlindungi yang didaftarkan dengan anggaran, biaya, cakupan sebelum "
                 "dan sesudah"));
  PlanParams& p = args->params;
  cmd->add_option("--region", p.region, Tr("region code, e.g. 17 (0 = Indonesia)", "kode wilayah, mis. 17 (0 = Indonesia)"))
      ->required();
  cmd->add_option("--budget", p.budget,
                  Tr("budget in whole rupiah: 1000000000, 1.000.000.000 or 'Rp 1.000.000.000'",
                     "anggaran dalam rupiah bulat: 1000000000, 1.000.000.000 atau 'Rp 1.000.000.000'"))
      ->required();
  cmd->add_option("--policy", p.policy,
                  Tr("decile (default), vulnerable, lowest-coverage, equal-share or max-gain",
                     "decile (bawaan), vulnerable, lowest-coverage, equal-share atau max-gain"));
  cmd->add_option("--package", p.package, Tr("bpu-minimum (default, JKK+JKM) or bpu-jht", "bpu-minimum (bawaan, JKK+JKM) atau bpu-jht"));
  cmd->add_option("--income", p.income,
                  Tr("declared income a month (default: the lowest, Rp 1.000.000)",
                     "penghasilan per bulan (bawaan: terendah, Rp 1.000.000)"));
  cmd->add_option("--months", p.months, Tr("months of contributions (default 12)", "jumlah bulan iuran (bawaan 12)"));
  cmd->add_option("--date", p.date,
                  Tr("start of the contributions, YYYY-MM-DD (default: today)",
                     "tanggal mulai iuran, YYYY-MM-DD (bawaan: hari ini)"));
  cmd->add_option("--funders", p.funders,
                  Tr("cost sharing, e.g. provinsi:30,kabupaten:70 (default apbd:100)",
                     "pembagian biaya, mis. provinsi:30,kabupaten:70 (bawaan apbd:100)"));
  cmd->add_option("--period", p.period, Tr("month YYYY-MM (default: the latest)", "bulan YYYY-MM (bawaan: terbaru)"));
  cmd->add_option("--basis", p.basis,
                  Tr("denominator: labour-force (default) or registry", "penyebut: labour-force (bawaan) atau registry"));
  cmd->add_option("--level", p.level,
                  Tr("level of the rows (default: one below)", "tingkat baris (bawaan: satu tingkat di bawah)"));
  cmd->add_option("--format", args->format, Tr("table, json, csv or xlsx", "table, json, csv atau xlsx"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}));
  cmd->add_option("-o,--output", args->output, Tr("write to this file instead of the screen", "tulis ke berkas ini"));
  cmd->add_flag("--unmask", args->unmask,
                Tr("show full NIKs and names (personal data: handle with care)",
                   "tampilkan NIK dan nama lengkap (data pribadi: tangani dengan hati-hati)"));
  cmd->add_option("--page", args->page, Tr("table/json: page of the worker list (default 1)",
                                            "table/json: halaman daftar pekerja (bawaan 1)"));
  cmd->add_option("--page-size", args->page_size,
                  Tr("table/json: workers per page, 1-500 (default 20 for the table, 50 for json)",
                     "table/json: pekerja per halaman, 1-500 (bawaan 20 untuk tabel, 50 untuk json)"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      // Everything is checked before the database is opened.
      if (args->format == "xlsx" && args->output.empty())
        return ctx.Fail(Status::InvalidArgument(Tr("--format xlsx needs --output FILE.xlsx",
                                                   "--format xlsx memerlukan --output BERKAS.xlsx")));
      auto query = PlanService::ParseQuery(args->params);
      if (!query.ok()) return ctx.Fail(query.status());
      const bool whole_list = args->format == "csv" || args->format == "xlsx";
      if (whole_list && (!args->page.empty() || !args->page_size.empty()))
        return ctx.Fail(Status::InvalidArgument(Tr("--page and --page-size apply to table and json; csv and xlsx "
                                                   "list every enrolled worker",
                                                   "--page dan --page-size hanya untuk table dan json; csv dan xlsx "
                                                   "memuat semua pekerja terpilih")));
      auto listing = PlanService::ParseListing(
          args->page, args->page_size.empty() ? (args->format == "table" ? "20" : "") : args->page_size);
      if (!listing.ok()) return ctx.Fail(listing.status());
      if (whole_list) listing->page_size = 0;
      listing->unmask = args->unmask;

      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      // `plan` only reads: without stored rates it prices with the shipped
      // file and stores nothing (cost and gaps seed the table instead).
      Store& db = **store;
      RateService rate_service(db, ctx.clock());
      auto rates = rate_service.Table();
      if (!rates.ok()) return ctx.Fail(rates.status());
      if (rates->empty()) {
        const std::string shipped = ShippedRatesPath(ctx.DataDir());
        rates = ReadRateFile(shipped);
        if (!rates.ok()) return ctx.Fail(rates.status());
        std::fprintf(stderr, "%s %s\n", Tr("No rates stored; pricing with", "Belum ada tarif tersimpan; memakai"),
                     shipped.c_str());
      }
      PlanService planner(*rates, TodayUtc(ctx.clock()));
      CoverageService coverage(db);
      auto report = planner.Plan(
          *query, *listing, [&coverage](const CoverageQuery& q) { return coverage.Coverage(q); },
          [&db, &ctx](Period period, RegionCode) { return LoadRegistryView(db, period, true, ctx.progress()); }, ctx.progress());
      if (!report.ok()) return ctx.Fail(report.status());
      std::string text;
      if (args->format == "json") text = PlanReportJson(*report).dump(2) + "\n";
      else if (args->format == "csv") text = PlanWorkersCsv(*report);
      else if (args->format == "xlsx") {
        auto bytes = PlanReportXlsx(*report);
        if (!bytes.ok()) return ctx.Fail(bytes.status());
        text = std::move(*bytes);
      } else text = RenderPlan(*report);
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
