// cakupan quality [--region CODE] [--level LEVEL] [--period P] [--sort S]
//                 [--details [--check CODE]] [--format table|json|csv|xlsx] [--output FILE]
// The data-quality report of field enumeration (docs/quality.md).
#include <cstdio>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "present/quality_json.h"
#include "present/quality_table.h"
#include "present/quality_xlsx.h"
#include "services/quality_service.h"

namespace cakupan {

namespace {

struct QualityArgs {
  std::string region = "0";
  std::string level;
  std::string period;
  std::string sort = "score";
  bool details = false;
  std::string check;
  std::string format = "table";
  std::string output;
};

}  // namespace

void RegisterQuality(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<QualityArgs>();
  CLI::App* cmd = app.add_subcommand(
      "quality", Tr("data-quality report of field enumeration (invalid NIKs, contradictions, ages, duplicates, "
                    "empty villages, completeness)",
                    "laporan mutu data pendataan lapangan (NIK tidak valid, data bertentangan, umur, ganda, desa "
                    "kosong, kelengkapan)"));
  cmd->add_option("--region", args->region, Tr("region code, e.g. 17 or 17.04 (0 = Indonesia)",
                                               "kode wilayah, mis. 17 atau 17.04 (0 = Indonesia)"))
      ->capture_default_str();
  cmd->add_option("--level", args->level,
                  Tr("level of the rows: province, regency, district, village (default: one below)",
                     "tingkat baris: province/provinsi, regency/kabupaten, district/kecamatan, village/desa (bawaan: satu "
                     "tingkat di bawah)"));
  cmd->add_option("--period", args->period, Tr("month YYYY-MM (default: the latest)", "bulan YYYY-MM (bawaan: terbaru)"));
  cmd->add_option("--sort", args->sort,
                  Tr("score (worst first), code or workers", "score (terburuk dulu), code atau workers"))
      ->capture_default_str()
      ->check(CLI::IsMember({"score", "code", "workers"}));
  cmd->add_flag("--details", args->details,
                Tr("list the individual findings of one village (--region PP.KK.CC.DDDD), personal data masked",
                   "daftar temuan per pekerja untuk satu desa (--region PP.KK.CC.DDDD), data pribadi disamarkan"));
  cmd->add_option("--check", args->check,
                  Tr("with --details: only this check (e.g. nik_not_digits, age_under_15)",
                     "dengan --details: hanya pemeriksaan ini (mis. nik_not_digits, age_under_15)"));
  cmd->add_option("--format", args->format, Tr("table, json, csv or xlsx", "table, json, csv atau xlsx"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}));
  cmd->add_option("-o,--output", args->output, Tr("write to this file instead of the screen", "tulis ke berkas ini"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      QualityQuery q;
      q.region = args->region;
      q.sort = *ParseQualitySort(args->sort);
      if (!args->level.empty()) {
        q.level = ParseRegionLevel(args->level);
        if (!q.level) return ctx.Fail(Status::InvalidArgument(std::string(Tr("unknown level '", "tingkat tidak dikenal '")) +
                                                              args->level + "'"));
      }
      if (!args->period.empty()) {
        q.period = Period::Parse(args->period);
        if (!q.period) return ctx.Fail(Status::InvalidArgument(std::string(Tr("bad --period '", "--period tidak valid '")) +
                                                               args->period + "' (YYYY-MM)"));
      }
      std::optional<QualityFinding> only;
      if (!args->check.empty()) {
        only = ParseQualityFinding(args->check);
        if (!only) return ctx.Fail(Status::InvalidArgument(std::string(Tr("unknown check '", "pemeriksaan tidak dikenal '")) +
                                                           args->check + "' (docs/quality.md)"));
        if (!args->details)
          return ctx.Fail(Status::InvalidArgument(Tr("--check needs --details", "--check memerlukan --details")));
      }
      if (args->format == "xlsx" && args->output.empty())
        return ctx.Fail(Status::InvalidArgument(Tr("--format xlsx needs --output FILE.xlsx",
                                                   "--format xlsx memerlukan --output BERKAS.xlsx")));
      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      auto options = QualityOptionsFromStore(**store);  // probable duplicates from cakupan dedupe
      if (!options.ok()) return ctx.Fail(options.status());
      QualityService service(**store, ctx.clock(), std::move(options).value());
      std::string text;
      if (args->details) {
        auto d = service.Details(q, only);
        if (!d.ok()) return ctx.Fail(d.status());
        if (args->format == "json") text = QualityDetailsJson(*d, 2) + "\n";
        else if (args->format == "csv") text = QualityDetailsCsv(*d);
        else if (args->format == "xlsx") {
          auto bytes = QualityDetailsXlsx(*d);
          if (!bytes.ok()) return ctx.Fail(bytes.status());
          text = std::move(*bytes);
        } else text = RenderQualityDetails(*d);
      } else {
        auto rep = service.Report(q);
        if (!rep.ok()) return ctx.Fail(rep.status());
        if (args->format == "json") {
          // Written as it is formatted: the report of every village is over 100 MB.
          return ctx.EmitStream(
              [&](const Context::TextSink& sink) {
                WriteQualityReportJson(*rep, 2, sink);
                sink("\n");
              },
              args->output);
        }
        if (args->format == "csv") text = QualityReportCsv(*rep);
        else if (args->format == "xlsx") {
          auto bytes = QualityReportXlsx(*rep);
          if (!bytes.ok()) return ctx.Fail(bytes.status());
          text = std::move(*bytes);
        } else text = RenderQualityTable(*rep);
      }
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
