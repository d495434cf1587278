// What `cakupan rates`, `cost` and `gaps` share: the rate table to price
// with, and the options that describe a worker and a package.
#pragma once

#include "base/status.h"
#include "services/planning_service.h"
#include "services/rate_service.h"

namespace CLI {
class App;
}

namespace cakupan {

class Context;

// The database's rate table (seeded from the shipped data/tarif/iuran.csv
// on first use, with a line on stderr), or, when the database file does not
// exist, the shipped file itself: nothing is created just to price.
Result<LoadedRates> LoadRatesForCli(Context& ctx);

// --segment, --package, --programmes, --income, --wage, --risk-class, --date.
void AddWorkerOptions(CLI::App& cmd, CostParams& params);

}  // namespace cakupan
