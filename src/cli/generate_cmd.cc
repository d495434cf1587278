// cakupan generate --out DIR [--region CODE] [--workers N] [--seed S] ...
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "services/demo_service.h"

namespace cakupan {

namespace {
struct GenerateArgs {
  std::string out;
  std::string region = "0";
  int64_t workers = 100000;
  uint64_t seed = 1;
  std::string period = "2024-11";
  int periods = 1;
  double coverage = 0.35;
  double national = 0;
  double target = 0.40;
  std::string data_dir;
  std::string noise = "none";
  double noise_scale = 1.0;
};
}  // namespace

void RegisterGenerate(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "generate", Tr("write a realistic synthetic data set (CSV files) for a province or the whole country",
                     "tulis data sintetis yang realistis (berkas CSV) untuk satu provinsi atau seluruh Indonesia"));
  cmd->add_option("--out", args->out, Tr("output directory", "direktori keluaran"))->required();
  cmd->add_option("--region,--province", args->region,
                  Tr("province or regency code; 0 = whole country", "kode provinsi atau kabupaten; 0 = seluruh Indonesia"))
      ->capture_default_str();
  cmd->add_option("--workers", args->workers, Tr("registry workers to generate", "jumlah pekerja yang dibuat"))
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{200000000}));
  cmd->add_option("--seed", args->seed, Tr("random seed (same seed, same files)", "benih acak (benih sama, berkas sama)"))
      ->capture_default_str();
  cmd->add_option("--period", args->period, Tr("the latest month, YYYY-MM", "bulan terakhir, YYYY-MM"))->capture_default_str();
  cmd->add_option("--periods", args->periods, Tr("number of monthly extracts", "jumlah data kepesertaan bulanan"))
      ->capture_default_str()
      ->check(CLI::Range(1, 60));
  cmd->add_option("--coverage", args->coverage, Tr("typical coverage to aim at", "cakupan rata-rata yang dituju"))
      ->capture_default_str()
      ->check(CLI::Range(0.01, 0.95));
  cmd->add_option("--national-coverage", args->national,
                  Tr("coverage of the whole country to aim at (whole-country data sets)",
                     "cakupan nasional yang dituju (data seluruh Indonesia)"))
      ->check(CLI::Range(0.0, 0.95));
  cmd->add_option("--target", args->target,
                  Tr("coverage target written for every province and regency", "target cakupan untuk setiap provinsi dan "
                                                                               "kabupaten/kota"))
      ->capture_default_str()
      ->check(CLI::Range(0.01, 1.0));
  cmd->add_option("--noise", args->noise,
                  Tr("errors in names, NIKs and birth dates for record linkage: none, or default (the documented "
                     "model; also writes the ground truth kebenaran.csv)",
                     "kesalahan nama, NIK dan tanggal lahir untuk pencocokan data: none, atau default (model yang "
                     "didokumentasikan; juga menulis kebenaran.csv)"))
      ->capture_default_str()
      ->check(CLI::IsMember({"none", "default"}));
  cmd->add_option("--noise-scale", args->noise_scale,
                  Tr("multiply every noise rate (with --noise default)", "kalikan semua laju kesalahan (dengan --noise default)"))
      ->capture_default_str()
      ->check(CLI::Range(0.0, 20.0));
  cmd->add_option("--data-dir", args->data_dir, Tr("reference data directory (default: the shipped data/)",
                                                   "direktori data rujukan (bawaan: data/ bawaan)"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      auto code = RegionCode::Parse(args->region);
      if (!code) return ctx.Fail(Status::InvalidArgument(std::string(Tr("malformed region code '", "kode wilayah tidak valid '")) +
                                                         args->region + "'"));
      auto period = Period::Parse(args->period);
      if (!period) return ctx.Fail(Status::InvalidArgument(std::string(Tr("bad --period '", "--period tidak valid '")) +
                                                           args->period + "' (YYYY-MM)"));
      GenerateOptions opt;
      opt.scopes.push_back({*code, args->workers});
      opt.seed = args->seed;
      opt.period = *period;
      opt.periods = args->periods;
      opt.profile.default_coverage = args->coverage;
      if (args->national > 0) opt.profile.national = args->national;
      if (args->noise == "default") opt.noise = NoiseOptions::Default().Scaled(args->noise_scale);
      const std::string data_dir = args->data_dir.empty() ? ctx.DataDir() : args->data_dir;
      auto summary = GenerateFromReference(ReferenceFiles::InDataDir(data_dir), opt, args->out, ctx.progress(),
                                           args->target);
      if (!summary.ok()) return ctx.Fail(summary.status());
      std::printf("%s %s %s, %s %s, %s %s\n", Tr("Generated", "Dibuat"), FormatCount(summary->workers).c_str(),
                  Tr("workers", "pekerja"), FormatCount(summary->memberships).c_str(), Tr("memberships", "kepesertaan"),
                  FormatCount(summary->villages_with_workers).c_str(), Tr("villages", "desa/kelurahan"));
      const GeneratedFiles& f = summary->files;
      std::printf("  %s\n  %s\n  %s\n", f.workers.c_str(), f.labour_force.c_str(), f.targets.c_str());
      for (const auto& m : f.members) std::printf("  %s\n", m.c_str());
      if (!f.truth.empty()) {
        std::printf("%s %s %s:\n  %s\n", Tr("With noise:", "Dengan kesalahan:"), FormatCount(summary->registry_rows).c_str(),
                    Tr("registry rows; ground truth (true NIK of every row)", "baris pekerja; kebenaran (NIK asli setiap baris)"),
                    f.truth.c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace cakupan
