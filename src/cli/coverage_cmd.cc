// cakupan coverage [--region CODE] [--level LEVEL] [--basis B] [--period P]
//                  [--breakdown DIM] [--format table|json|csv] [--output FILE]
#include <cstdio>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "present/coverage_json.h"
#include "present/coverage_table.h"
#include "services/coverage_service.h"

namespace cakupan {

namespace {

struct CoverageArgs {
  std::string region = "0";
  std::string level;
  std::string basis = "labour-force";
  std::string period;
  std::string breakdown;
  std::string format = "table";
  std::string output;
};

}  // namespace

void RegisterCoverage(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<CoverageArgs>();
  CLI::App* cmd = app.add_subcommand(
      "coverage", Tr("coverage of a region and the regions below it", "cakupan suatu wilayah dan wilayah di bawahnya"));
  cmd->add_option("--region", args->region, Tr("region code, e.g. 17 or 17.04 (0 = Indonesia)",
                                               "kode wilayah, mis. 17 atau 17.04 (0 = Indonesia)"))
      ->capture_default_str();
  cmd->add_option("--level", args->level,
                  Tr("level of the rows: province, regency, district, village (default: one below)",
                     "tingkat baris: province/provinsi, regency/kabupaten, district/kecamatan, village/desa (bawaan: satu "
                     "tingkat di bawah)"));
  cmd->add_option("--basis", args->basis,
                  Tr("denominator: labour-force (BPS employed) or registry (enumerated workers)",
                     "penyebut: labour-force (penduduk bekerja BPS) atau registry (pekerja terdata)"))
      ->capture_default_str();
  cmd->add_option("--period", args->period, Tr("month YYYY-MM (default: the latest)", "bulan YYYY-MM (bawaan: terbaru)"));
  cmd->add_option("--breakdown", args->breakdown,
                  Tr("instead of the rows below, break the region down by segment, sex, formality, age_band, "
                     "vulnerability or decile",
                     "rincian wilayah menurut segment, sex, formality, age_band, vulnerability atau decile"));
  cmd->add_option("--format", args->format, Tr("table, json or csv", "table, json atau csv"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_option("-o,--output", args->output, Tr("write to this file instead of the screen", "tulis ke berkas ini"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      CoverageQuery q;
      q.region = args->region;
      if (!args->level.empty()) {
        q.level = ParseRegionLevel(args->level);
        if (!q.level) return ctx.Fail(Status::InvalidArgument(std::string(Tr("unknown level '", "tingkat tidak dikenal '")) +
                                                              args->level + "'"));
      }
      auto basis = ParseBasis(args->basis);
      if (!basis) return ctx.Fail(Status::InvalidArgument(std::string(Tr("unknown basis '", "basis tidak dikenal '")) +
                                                          args->basis + "' (labour-force, registry)"));
      q.basis = *basis;
      if (!args->period.empty()) {
        q.period = Period::Parse(args->period);
        if (!q.period) return ctx.Fail(Status::InvalidArgument(std::string(Tr("bad --period '", "--period tidak valid '")) +
                                                               args->period + "' (YYYY-MM)"));
      }
      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      CoverageService service(**store);
      std::string text;
      if (!args->breakdown.empty()) {
        auto dim = ParseDimension(args->breakdown);
        if (!dim) return ctx.Fail(Status::InvalidArgument(std::string(Tr("unknown breakdown '", "rincian tidak dikenal '")) +
                                                          args->breakdown +
                                                          "' (segment, sex, formality, age_band, vulnerability, decile)"));
        auto b = service.BreakdownBy(q, *dim);
        if (!b.ok()) return ctx.Fail(b.status());
        if (args->format == "json") text = BreakdownJson(*b).dump(2) + "\n";
        else if (args->format == "csv") text = BreakdownCsv(*b);
        else text = RenderBreakdownTable(*b);
      } else {
        auto rep = service.Coverage(q);
        if (!rep.ok()) return ctx.Fail(rep.status());
        if (args->format == "json") text = CoverageReportJson(*rep).dump(2) + "\n";
        else if (args->format == "csv") text = CoverageReportCsv(*rep);
        else text = RenderCoverageTable(*rep);
      }
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
