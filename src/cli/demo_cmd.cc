// cakupan demo --db PATH [--force]: the November 2024 Monev in Bengkulu,
// computed from generated records.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "present/coverage_table.h"
#include "services/coverage_service.h"
#include "services/demo_service.h"

namespace cakupan {

namespace {
struct DemoArgs {
  bool force = false;
  int64_t workers = 700000;
  int64_t rest_workers = 1000000;
  std::string work_dir;
  uint64_t seed = 20241120;
};
}  // namespace

void RegisterDemo(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "demo", Tr("build the Bengkulu demo database (Monev of November 2024) from generated records and show it",
                 "bangun basis data demo Bengkulu (Monev November 2024) dari data sintetis dan tampilkan"));
  cmd->add_flag("--force", args->force, Tr("rebuild the database if it exists", "bangun ulang jika basis data sudah ada"));
  cmd->add_option("--workers", args->workers, Tr("Bengkulu registry workers", "pekerja terdata di Bengkulu"))
      ->capture_default_str()
      ->check(CLI::Range(int64_t{2000}, int64_t{20000000}));
  cmd->add_option("--rest-workers", args->rest_workers,
                  Tr("workers sampled in the other 37 provinces", "sampel pekerja di 37 provinsi lain"))
      ->capture_default_str()
      ->check(CLI::Range(int64_t{100000}, int64_t{200000000}));
  cmd->add_option("--work-dir", args->work_dir,
                  Tr("where the generated CSV files go (default: next to the database)",
                     "lokasi berkas CSV yang dibuat (bawaan: di samping basis data)"));
  cmd->add_option("--seed", args->seed, Tr("random seed", "benih acak"))->capture_default_str();
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      namespace fs = std::filesystem;
      const auto start = std::chrono::steady_clock::now();
      const std::string db = ctx.options().db;
      if (fs::exists(db)) {
        if (!args->force) {
          return ctx.Fail(Status::AlreadyExists(db + Tr(" exists; add --force to rebuild the demo database in it",
                                                        " sudah ada; tambahkan --force untuk membangun ulang demo di sana")));
        }
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
      }
      if (fs::path(db).has_parent_path()) fs::create_directories(fs::path(db).parent_path());
      DemoOptions opt;
      opt.data_dir = ctx.DataDir();
      opt.work_dir = args->work_dir.empty() ? (fs::path(db).parent_path() / "demo-data").string() : args->work_dir;
      opt.bengkulu_workers = args->workers;
      opt.rest_workers = args->rest_workers;
      opt.seed = args->seed;
      auto store = ctx.OpenStore(true);
      if (!store.ok()) return ctx.Fail(store.status());
      auto demo = BuildDemo(**store, ctx.clock(), ctx.progress(), opt);
      if (!demo.ok()) return ctx.Fail(demo.status());
      CoverageService coverage(**store);
      CoverageQuery q;
      q.region = "17";
      q.level = RegionLevel::kRegency;
      auto rep = coverage.Coverage(q);
      if (!rep.ok()) return ctx.Fail(rep.status());
      std::fputs(RenderCoverageTable(*rep).c_str(), stdout);
      // Headline: computed from the report, never typed.
      const CoverageRow* best = nullptr;
      const CoverageRow* worst = nullptr;
      for (const auto& r : rep->rows) {
        if (!r.coverage) continue;
        if (!best || *r.coverage > *best->coverage) best = &r;
        if (!worst || *r.coverage < *worst->coverage) worst = &r;
      }
      std::printf("\n%s %s", rep->region.name.c_str(), FormatPercent(rep->region.coverage.value_or(0), 1).c_str());
      if (rep->national_reference)
        std::printf(" (%s %s)", Tr("national", "nasional"), FormatPercent(*rep->national_reference, 1).c_str());
      if (best && worst)
        std::printf("; %s %s %s; %s %s %s", Tr("highest", "tertinggi"), best->name.c_str(),
                    FormatPercent(*best->coverage, 1).c_str(), Tr("lowest", "terendah"), worst->name.c_str(),
                    FormatPercent(*worst->coverage, 1).c_str());
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("\n\n%s %s: %s %s, %s %s (%s s)\n", Tr("Demo database", "Basis data demo"), db.c_str(),
                  FormatCount(demo->generated.workers).c_str(), Tr("workers", "pekerja"),
                  FormatCount(demo->generated.memberships).c_str(), Tr("memberships", "kepesertaan"),
                  FormatDecimal(secs, 1).c_str());
      std::printf("%s: cakupan --db %s coverage --region 17.07 --level district\n", Tr("Try", "Coba"), db.c_str());
      return kExitOk;
    };
  });
}

}  // namespace cakupan
