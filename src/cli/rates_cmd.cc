// cakupan rates import FILE [--replace]
// cakupan rates list [--date YYYY-MM-DD] [--format table|json|csv] [--output FILE]
// The contribution-rate table (docs/planning.md; file format:
// docs/data-formats.md, "Contribution rates").
#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/planning_options.h"
#include "planning/rate_file.h"
#include "present/planning_json.h"
#include "present/planning_table.h"
#include "services/rate_service.h"

namespace cakupan {

namespace {

struct RatesArgs {
  std::string file;
  bool replace = false;
  std::string date;
  std::string format = "table";
  std::string output;
};

}  // namespace

void RegisterRates(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<RatesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "rates", Tr("the contribution-rate table: import an update, list it", "tabel tarif iuran: impor pembaruan, tampilkan"));
  cmd->require_subcommand(1);

  CLI::App* imp = cmd->add_subcommand(
      "import", Tr("check a rate file (CSV) and store it: rows with a stored key update it, others are added",
                   "periksa berkas tarif (CSV) dan simpan: baris dengan kunci tersimpan memperbaruinya, lainnya "
                   "ditambahkan"));
  imp->add_option("file", args->file, Tr("CSV file (docs/data-formats.md)", "berkas CSV (docs/data-formats.md)"))->required();
  imp->add_flag("--replace", args->replace,
                Tr("the file becomes the whole table (rows not in it are removed)",
                   "berkas menjadi seluruh tabel (baris yang tidak ada dihapus)"));
  imp->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      if (!std::filesystem::exists(args->file))
        return ctx.Fail(Status::IoError(args->file + Tr(": file not found", ": berkas tidak ditemukan")));
      auto store = ctx.OpenStore(true);
      if (!store.ok()) return ctx.Fail(store.status());
      RateService rates(**store, ctx.clock());
      auto out = rates.Import(RateImportOptions{args->file, args->replace});
      if (!out.ok()) {
        std::fprintf(stderr, "cakupan: %s\n%s\n", out.status().message().c_str(),
                     Tr("Nothing was stored.", "Tidak ada yang disimpan."));
        return kExitFailure;
      }
      const ImportRecord& r = out->record;
      std::printf("%s: %s %s; %s %s, %s %s, %s %s", r.file_name.c_str(), FormatCount(r.rows_read).c_str(),
                  Tr("rows read", "baris dibaca"), FormatCount(r.inserted).c_str(), Tr("new", "baru"),
                  FormatCount(r.updated).c_str(), Tr("updated", "diperbarui"), FormatCount(r.unchanged).c_str(),
                  Tr("unchanged", "tidak berubah"));
      if (r.replace) std::printf(", %s %s", FormatCount(out->removed).c_str(), Tr("removed", "dihapus"));
      std::printf("\n  %s: %zu %s\n", Tr("rate table", "tabel tarif"), out->rows, Tr("rows", "baris"));
      if (!out->changed) std::printf("  %s\n", Tr("nothing changed (already imported)", "tidak ada perubahan (sudah diimpor)"));
      return kExitOk;
    };
  });

  CLI::App* list = cmd->add_subcommand("list", Tr("show the rate table", "tampilkan tabel tarif"));
  list->add_option("--date", args->date,
                   Tr("only the rows in force on this day (YYYY-MM-DD)", "hanya baris yang berlaku pada tanggal ini (YYYY-MM-DD)"));
  list->add_option("--format", args->format,
                   Tr("table, json or csv (csv is the import format)", "table, json atau csv (csv = format impor)"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv"}));
  list->add_option("-o,--output", args->output, Tr("write to this file instead of the screen", "tulis ke berkas ini"));
  list->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      Date day = kNoDate;
      if (!args->date.empty()) {
        auto d = ParseDate(args->date);
        if (!d) return ctx.Fail(Status::InvalidArgument(std::string(Tr("bad --date '", "--date tidak valid '")) +
                                                        args->date + "' (YYYY-MM-DD)"));
        day = *d;
      }
      auto loaded = LoadRatesForCli(ctx);
      if (!loaded.ok()) return ctx.Fail(loaded.status());
      const std::vector<ContributionRate> rows = day == kNoDate ? loaded->table.rows() : loaded->table.InForceOn(day);
      std::string text;
      if (args->format == "json") text = RatesJson(rows, day).dump(2) + "\n";
      else if (args->format == "csv") text = RateFileCsv(rows);
      else text = RenderRateTable(rows, day);
      return ctx.Emit(text, args->output);
    };
  });
}

}  // namespace cakupan
