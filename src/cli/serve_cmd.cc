// cakupan serve [--port 8080] [--bind 127.0.0.1] [--allow-decisions]: the
// dashboard and JSON API. The database is opened read-only unless
// --allow-decisions lets reviewers decide and apply decisions from the
// dashboard (POST /api/review/…).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <CLI/CLI.hpp>

#include "api/api_routes.h"
#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/planning_options.h"
#include "http/server.h"
#include "http/static_files.h"
#include "services/dashboard_service.h"
#include "services/decision_applier.h"
#include "storage/sqlite/sqlite_store.h"

namespace cakupan {

namespace {

struct ServeArgs {
  uint16_t port = 8080;
  std::string bind = "127.0.0.1";
  int threads = 0;
  std::string web_root;
  int reload_seconds = 2;
  bool allow_decisions = false;
};

bool IsLoopback(const std::string& bind) {
  return bind == "127.0.0.1" || bind == "localhost" || bind == "::1" || bind.rfind("127.", 0) == 0;
}

// In the background: warms the service up, then checks for new data every
// `seconds` (never when 0) and reloads and warms up again when it changed.
// Skips the check while `paused()` (decisions being applied: each period
// reconciled would cost a rebuild; the run reloads once at its end).
class Reloader {
 public:
  Reloader(DashboardService& service, int seconds, std::function<bool()> paused)
      : service_(service), seconds_(seconds), paused_(std::move(paused)) {
    thread_ = std::thread([this] { Run(); });
  }
  ~Reloader() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Run() {
    service_.WarmUp();
    if (seconds_ <= 0) return;
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_for(lock, std::chrono::seconds(seconds_), [this] { return stop_; })) {
      lock.unlock();
      if (paused_ && paused_()) {
        lock.lock();
        continue;
      }
      const auto start = std::chrono::steady_clock::now();
      auto reloaded = service_.ReloadIfChanged();
      if (!reloaded.ok()) {
        std::fprintf(stderr, "cakupan: %s: %s\n", Tr("reloading the data failed", "gagal memuat ulang data"),
                     reloaded.status().message().c_str());
      } else if (*reloaded) {
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "%s (%s s)\n", Tr("Data changed: reloaded", "Data berubah: dimuat ulang"),
                     FormatDecimal(secs, 1).c_str());
        service_.WarmUp();
      }
      lock.lock();
    }
  }

  DashboardService& service_;
  const int seconds_;
  const std::function<bool()> paused_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

// The dashboard's files: $CAKUPAN_WEB_DIR, else web/ beside the data
// directory (the repository, or an installation's share/cakupan).
std::string WebRoot(const Context& ctx, const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("CAKUPAN_WEB_DIR"); env && *env) return env;
  return (std::filesystem::path(ctx.DataDir()).parent_path() / "web").string();
}

}  // namespace

void RegisterServe(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", Tr("serve the dashboard and the JSON API over HTTP", "sajikan dasbor dan API JSON melalui HTTP"));
  cmd->add_option("--port", args->port, Tr("TCP port (0 = any free port)", "port TCP (0 = port bebas mana pun)"))
      ->capture_default_str();
  cmd->add_option("--bind", args->bind,
                  Tr("address to listen on (0.0.0.0 for every interface)",
                     "alamat yang didengarkan (0.0.0.0 untuk semua antarmuka)"))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, Tr("server threads (0 = one per core)", "jumlah thread (0 = satu per inti)"))
      ->capture_default_str()
      ->check(CLI::Range(0, 64));
  cmd->add_option("--web-root", args->web_root, Tr("directory of the dashboard's files", "direktori berkas dasbor"));
  cmd->add_option("--reload-seconds", args->reload_seconds,
                  Tr("how often to check the database for new data (0 = never)",
                     "seberapa sering memeriksa data baru (0 = tidak pernah)"))
      ->capture_default_str()
      ->check(CLI::Range(0, 3600));
  cmd->add_flag("--allow-decisions", args->allow_decisions,
                Tr("let the dashboard accept, reject and undo review decisions and apply them (opens the database "
                   "writable; there is no login: anyone who reaches the port can decide)",
                   "izinkan dasbor menerima, menolak dan membatalkan keputusan tinjauan serta menerapkannya "
                   "(basis data dibuka untuk ditulis; tanpa login: siapa pun yang menjangkau port dapat memutuskan)"));
  cmd->callback([&ctx, &action, args]() {
    action = [&ctx, args]() -> int {
      namespace fs = std::filesystem;
      const std::string db = ctx.options().db;
      if (!fs::exists(db)) return ctx.Fail(ctx.OpenStore(false).status());
      // /api/cost and /api/gaps price with the stored rates: seed them from
      // the shipped file if this database has none yet (without them those
      // two answer 409; the rest of the API does not need them).
      if (auto rates = LoadRatesForCli(ctx); !rates.ok()) {
        std::fprintf(stderr, "%s: %s\n", Tr("Warning: no contribution rates", "Peringatan: tidak ada tarif iuran"),
                     rates.status().message().c_str());
      }
      // Read-only unless decisions are allowed: the server cannot write.
      const bool writable = args->allow_decisions;
      DashboardService::StoreFactory open_store = [db, writable]() {
        SqliteStoreOptions o;
        o.create_if_missing = false;
        o.read_only = !writable;
        return OpenSqliteStore(db, o);
      };
      DashboardService service(open_store, ctx.clock());
      const auto start = std::chrono::steady_clock::now();
      std::fprintf(stderr, "%s %s…\n", Tr("Loading", "Memuat"), db.c_str());
      if (Status st = service.Load(); !st.ok()) {
        if (st.reason() == "needs_upgrade") {
          std::fprintf(stderr, "%s cakupan --db %s status\n",
                       Tr("The database needs a schema upgrade, which a read-only server cannot do; run once:",
                          "Skema basis data perlu diperbarui, dan server hanya-baca tidak dapat melakukannya; "
                          "jalankan sekali:"),
                       db.c_str());
        }
        return ctx.Fail(st);
      }
      const DashboardStatus status = service.GetStatus();
      std::fprintf(stderr, "%s %s %s, %zu %s (%s s)\n", Tr("Loaded", "Dimuat"), FormatCount(status.workers).c_str(),
                   Tr("workers", "pekerja"), status.periods.size(), Tr("periods", "periode"),
                   FormatDecimal(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1)
                       .c_str());
      for (Period p : status.stale_periods) {
        std::fprintf(stderr, "%s %s: cakupan reconcile --period %s\n",
                     Tr("Warning: data changed since reconciling", "Peringatan: data berubah sejak rekonsiliasi"),
                     p.ToString().c_str(), p.ToString().c_str());
      }

      const std::string web = WebRoot(ctx, args->web_root);
      if (!fs::exists(fs::path(web) / "index.html")) {
        std::fprintf(stderr, "%s %s\n",
                     Tr("Warning: no dashboard files in", "Peringatan: berkas dasbor tidak ditemukan di"), web.c_str());
      } else if (!fs::exists(fs::path(web) / "node_modules" / "echarts" / "dist" / "echarts.min.js")) {
        std::fprintf(stderr, "%s\n",
                     Tr("Warning: ECharts is missing; run: bash scripts/install-web-deps.sh",
                        "Peringatan: ECharts belum terpasang; jalankan: bash scripts/install-web-deps.sh"));
      }
      StaticFiles files(web, {{"/vendor/echarts/", (fs::path(web) / "node_modules" / "echarts" / "dist").string() + "/"}});
      std::unique_ptr<DecisionApplier> applier;
      if (args->allow_decisions) {
        applier = std::make_unique<DecisionApplier>(open_store, ctx.clock(), service);
        std::fprintf(stderr, "%s\n",
                     Tr("Review decisions can be taken and applied from the dashboard (--allow-decisions).",
                        "Keputusan tinjauan dapat diambil dan diterapkan dari dasbor (--allow-decisions)."));
        if (!IsLoopback(args->bind)) {
          std::fprintf(stderr, "%s\n",
                       Tr("Warning: --allow-decisions without a login on a non-local address: anyone who reaches "
                          "this port can decide; put an authenticating proxy in front of it",
                          "Peringatan: --allow-decisions tanpa login pada alamat yang bukan lokal: siapa pun yang "
                          "menjangkau port ini dapat memutuskan; pasang proxy dengan autentikasi di depannya"));
        }
      }
      Router router;
      RegisterApi(router, service, ApiOptions{}, applier.get());
      router.Fallback([&files](const HttpRequest& req) { return files.Serve(req); });

      ServerOptions options;
      options.bind = args->bind;
      options.port = args->port;
      options.threads = args->threads;
      // One shared io_context: a slow request (a national breakdown, an Excel
      // export) occupies one thread while the others keep serving everyone;
      // with a context per thread it would stall the connections pinned to it.
      options.context_per_thread = false;
      HttpServer server(options, [&router](const HttpRequest& req) { return router.Handle(req); });
      if (Status st = server.Start(); !st.ok()) return ctx.Fail(st);
      const std::string host = args->bind == "0.0.0.0" ? "127.0.0.1" : args->bind;
      std::printf("%s: http://%s:%u/\n", Tr("Dashboard", "Dasbor"), host.c_str(), server.port());
      std::fflush(stdout);
      std::fprintf(stderr, "%s\n", Tr("Press Ctrl+C to stop.", "Tekan Ctrl+C untuk berhenti."));
      {
        DecisionApplier* running = applier.get();
        Reloader reloader(service, args->reload_seconds,
                          [running] { return running != nullptr && running->Running(); });
        server.WaitForSignal();
      }
      std::fprintf(stderr, "%s\n", Tr("Stopped.", "Berhenti."));
      return kExitOk;
    };
  });
}

}  // namespace cakupan
