#include <cstdlib>
#include <cstring>
#include <string>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"

namespace cakupan {

namespace {

// The language must be known before the help texts are built, so it is read
// from the environment and argv ahead of parsing.
void ChooseLanguage(int argc, char** argv) {
  Lang lang = Lang::kId;
  if (const char* env = std::getenv("CAKUPAN_LANG"); env && *env) ParseLanguage(env, &lang);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) ParseLanguage(argv[i + 1], &lang);
    else if (a.rfind("--lang=", 0) == 0) ParseLanguage(a.substr(7), &lang);
  }
  SetLanguage(lang);
}

}  // namespace

int RunCli(int argc, char** argv) {
  ChooseLanguage(argc, argv);
  Context ctx(argc > 0 ? argv[0] : "cakupan");
  CLI::App app(Tr("cakupan: employment social security coverage of Indonesian workers, village by village",
                  "cakupan: cakupan jaminan sosial ketenagakerjaan pekerja Indonesia, sampai tingkat desa"),
               "cakupan");
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", "cakupan 0.1.0");
  app.add_option("--db", ctx.options().db, Tr("database file", "berkas basis data"))
      ->capture_default_str()
      ->envname("CAKUPAN_DB");
  std::string lang_text;
  app.add_option("--lang", lang_text, Tr("language: id (default) or en", "bahasa: id (bawaan) atau en"))
      ->envname("CAKUPAN_LANG");
  app.add_flag("-q,--quiet", ctx.options().quiet, Tr("no progress bar", "tanpa bilah kemajuan"));
  app.add_flag("--timings", ctx.options().timings,
               Tr("print how long each phase took (stderr)", "tampilkan lama setiap tahap (stderr)"));

  Action action;
  RegisterImport(app, ctx, action);
  RegisterReconcile(app, ctx, action);
  RegisterCoverage(app, ctx, action);
  RegisterGenerate(app, ctx, action);
  RegisterDemo(app, ctx, action);
  RegisterStatus(app, ctx, action);
  RegisterServe(app, ctx, action);
  RegisterDedupe(app, ctx, action);
  RegisterReview(app, ctx, action);
  RegisterQuality(app, ctx, action);
  RegisterRates(app, ctx, action);
  RegisterCost(app, ctx, action);
  RegisterGaps(app, ctx, action);
  RegisterProjection(app, ctx, action);
  RegisterPlan(app, ctx, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (!action) return kExitUsage;
  try {
    return action();
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "cakupan: %s\n", Tr("out of memory", "memori tidak cukup"));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cakupan: %s: %s\n", Tr("internal error", "galat internal"), e.what());
  }
  return kExitFailure;
}

}  // namespace cakupan
