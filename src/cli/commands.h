// One function per subcommand (one file each) registering it on the CLI11
// app; the registered callback sets the action that RunCli executes after
// parsing. Handlers stay thin: parse arguments, call a service, print.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace cakupan {

class Context;
using Action = std::function<int()>;

void RegisterImport(CLI::App& app, Context& ctx, Action& action);
void RegisterReconcile(CLI::App& app, Context& ctx, Action& action);
void RegisterCoverage(CLI::App& app, Context& ctx, Action& action);
void RegisterGenerate(CLI::App& app, Context& ctx, Action& action);
void RegisterDemo(CLI::App& app, Context& ctx, Action& action);
void RegisterStatus(CLI::App& app, Context& ctx, Action& action);
void RegisterServe(CLI::App& app, Context& ctx, Action& action);
void RegisterReview(CLI::App& app, Context& ctx, Action& action);
void RegisterDedupe(CLI::App& app, Context& ctx, Action& action);
void RegisterQuality(CLI::App& app, Context& ctx, Action& action);
void RegisterRates(CLI::App& app, Context& ctx, Action& action);
void RegisterCost(CLI::App& app, Context& ctx, Action& action);
void RegisterGaps(CLI::App& app, Context& ctx, Action& action);
void RegisterProjection(CLI::App& app, Context& ctx, Action& action);
void RegisterPlan(CLI::App& app, Context& ctx, Action& action);

// Entry point used by main(): returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace cakupan
