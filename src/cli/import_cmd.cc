// cakupan import <regions|workers|members|labour-force|targets> FILE
#include <cstdio>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "services/import_service.h"

namespace cakupan {

namespace {

struct ImportArgs {
  std::string kind;
  std::string file;
  std::string period;
  bool replace = false;
  double max_reject_rate = 0.5;
  int reference_year = 0;
  std::string format = "table";
};

const std::map<std::string, DataKind>& KindNames() {
  static const std::map<std::string, DataKind> kNames = {
      {"regions", DataKind::kRegions},       {"wilayah", DataKind::kRegions},
      {"workers", DataKind::kWorkers},       {"pekerja", DataKind::kWorkers},
      {"members", DataKind::kMembers},       {"kepesertaan", DataKind::kMembers},
      {"peserta", DataKind::kMembers},       {"labour-force", DataKind::kLabourForce},
      {"labor-force", DataKind::kLabourForce}, {"angkatan-kerja", DataKind::kLabourForce},
      {"targets", DataKind::kTargets},       {"target", DataKind::kTargets},
      {"boundaries", DataKind::kBoundaries}, {"batas", DataKind::kBoundaries},
      {"batas-wilayah", DataKind::kBoundaries},
  };
  return kNames;
}

void PrintSummary(const ImportOutcome& o) {
  const ImportRecord& r = o.record;
  std::printf("%s: %s %s = %s %s + %s %s\n", r.file_name.c_str(), FormatCount(r.rows_read).c_str(),
              Tr("rows read", "baris dibaca"), FormatCount(r.accepted).c_str(), Tr("accepted", "diterima"),
              FormatCount(r.rejected).c_str(), Tr("rejected", "ditolak"));
  if (!r.period.empty()) std::printf("  %s: %s\n", Tr("period", "periode"), r.period.c_str());
  std::printf("  %s: %s %s, %s %s, %s %s", Tr("stored", "disimpan"), FormatCount(r.inserted).c_str(),
              Tr("new", "baru"), FormatCount(r.updated).c_str(), Tr("updated", "diperbarui"),
              FormatCount(r.unchanged).c_str(), Tr("unchanged", "tidak berubah"));
  if (r.replace) std::printf(", %s %s", FormatCount(o.removed).c_str(), Tr("removed", "dihapus"));
  std::printf("\n");
  if (!o.changed) std::printf("  %s\n", Tr("nothing changed (already imported)", "tidak ada perubahan (sudah diimpor)"));
  if (!o.rejects_path.empty())
    std::printf("  %s: %s\n", Tr("rejected rows and reasons", "baris ditolak dan alasannya"), o.rejects_path.c_str());
  if (o.report.warning_count > 0) {
    std::printf("  %s: %s\n", Tr("warnings", "peringatan"), FormatCount(o.report.warning_count).c_str());
    for (size_t i = 0; i < o.report.warnings.size() && i < 5; ++i) {
      const Warning& w = o.report.warnings[i];
      std::printf("    %s %lld, %s %s: %s\n", Tr("line", "baris"), static_cast<long long>(w.line),
                  Tr("column", "kolom"), w.column.c_str(), w.message.c_str());
    }
  }
  if (!o.report.ignored_columns.empty()) {
    std::string cols;
    for (const auto& c : o.report.ignored_columns) cols += (cols.empty() ? "" : ", ") + c;
    std::printf("  %s: %s\n", Tr("ignored columns", "kolom diabaikan"), cols.c_str());
  }
}

nlohmann::json SummaryJson(const ImportOutcome& o) {
  const ImportRecord& r = o.record;
  nlohmann::json j = {{"id", r.id},
                      {"kind", DataKindName(r.kind)},
                      {"file", r.file_name},
                      {"period", r.period.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.period)},
                      {"rows_read", r.rows_read},
                      {"accepted", r.accepted},
                      {"rejected", r.rejected},
                      {"inserted", r.inserted},
                      {"updated", r.updated},
                      {"unchanged", r.unchanged},
                      {"removed", o.removed},
                      {"changed", o.changed},
                      {"rejects_file", o.rejects_path.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.rejects_path)},
                      {"warnings", o.report.warning_count},
                      {"ignored_columns", o.report.ignored_columns}};
  return j;
}

}  // namespace

void RegisterImport(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import", Tr("import a file: regions, workers, members, labour-force or targets (CSV), boundaries (GeoJSON)",
                   "impor berkas: regions (wilayah), workers (pekerja), members (kepesertaan), labour-force "
                   "(angkatan kerja) atau targets (target) dari CSV; boundaries (batas wilayah) dari GeoJSON"));
  std::vector<std::string> kinds;
  for (const auto& [name, kind] : KindNames()) kinds.push_back(name);
  cmd->add_option("kind", args->kind, Tr("what the file holds", "isi berkas"))
      ->required()
      ->check(CLI::IsMember(kinds));
  cmd->add_option("file", args->file,
                  Tr("CSV file (UTF-8, comma or semicolon), or GeoJSON for boundaries",
                     "berkas CSV (UTF-8, koma atau titik koma), atau GeoJSON untuk batas wilayah"))
      ->required();
  cmd->add_option("--period", args->period,
                  Tr("members: the extract's month, YYYY-MM (else the file's periode column)",
                     "members: bulan data kepesertaan, YYYY-MM (jika tidak, dari kolom periode)"));
  cmd->add_flag("--replace", args->replace,
                Tr("replace the stored registry (workers) or the period's extract (members) instead of merging",
                   "ganti seluruh registri (workers) atau data periode (members), bukan digabung"));
  cmd->add_option("--max-reject-rate", args->max_reject_rate,
                  Tr("store nothing if more than this share of rows is rejected", "batalkan jika porsi baris ditolak melebihi ini"))
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--reference-year", args->reference_year,
                  Tr("year that resolves two-digit NIK birth years (default: this year)",
                     "tahun acuan untuk tahun lahir dua digit NIK (bawaan: tahun ini)"));
  cmd->add_option("--format", args->format, Tr("summary format: table or json", "format ringkasan: table atau json"))
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      ImportOptions opt;
      opt.kind = KindNames().at(args->kind);
      opt.path = args->file;
      opt.replace = args->replace;
      opt.max_reject_fraction = args->max_reject_rate;
      opt.reference_year = args->reference_year;
      if (!args->period.empty()) {
        auto p = Period::Parse(args->period);
        if (!p) return ctx.Fail(Status::InvalidArgument(std::string(Tr("bad --period '", "--period tidak valid '")) +
                                                        args->period + "' (YYYY-MM)"));
        opt.period = *p;
      }
      auto store = ctx.OpenStore(true);
      if (!store.ok()) return ctx.Fail(store.status());
      ImportService service(**store, ctx.clock(), ctx.progress());
      auto outcome = service.Import(opt);
      if (!outcome.ok()) return ctx.Fail(outcome.status());
      if (args->format == "json") std::printf("%s\n", SummaryJson(*outcome).dump(2).c_str());
      else PrintSummary(*outcome);
      return kExitOk;
    };
  });
}

}  // namespace cakupan
