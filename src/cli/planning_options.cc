#include "cli/planning_options.h"

#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "base/i18n.h"
#include "cli/context.h"

namespace cakupan {

Result<LoadedRates> LoadRatesForCli(Context& ctx) {
  const std::string shipped = ShippedRatesPath(ctx.DataDir());
  if (!std::filesystem::exists(ctx.options().db)) {
    LoadedRates out;
    CAKUPAN_ASSIGN_OR_RETURN(out.table, ReadRateFile(shipped));
    out.source = shipped;
    return out;
  }
  CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, ctx.OpenStore(false));
  RateService rates(*store, ctx.clock());
  CAKUPAN_ASSIGN_OR_RETURN(LoadedRates loaded, rates.TableOrSeed(shipped));
  if (loaded.seeded) {
    std::fprintf(stderr, "%s %s\n", Tr("Contribution rates loaded into the database from",
                                       "Tarif iuran dimuat ke basis data dari"), shipped.c_str());
  }
  return loaded;
}

void AddWorkerOptions(CLI::App& cmd, CostParams& p) {
  cmd.add_option("--segment", p.segment, Tr("PU, BPU or Jakon (default: the package's, else BPU)",
                                            "PU, BPU atau Jakon (bawaan: segmen paket, atau BPU)"));
  cmd.add_option("--package", p.package,
                 Tr("bpu-minimum (JKK+JKM), bpu-jht, pu-full, jakon (default: the segment's)",
                    "bpu-minimum (JKK+JKM), bpu-jht, pu-full, jakon (bawaan: paket segmen)"));
  cmd.add_option("--programmes", p.programmes,
                 Tr("instead of a package: programmes, e.g. JKK+JKM+JHT", "sebagai ganti paket: program, mis. JKK+JKM+JHT"));
  cmd.add_option("--income", p.income,
                 Tr("BPU: declared income a month (default: the lowest, Rp 1.000.000)",
                    "BPU: penghasilan per bulan (bawaan: terendah, Rp 1.000.000)"));
  cmd.add_option("--wage", p.wage, Tr("PU: wage a month", "PU: upah per bulan"));
  cmd.add_option("--risk-class", p.risk_class,
                 Tr("PU: JKK risk class 1 (very low) to 5 (very high)", "PU: kelas risiko JKK 1 (sangat rendah) sampai 5 "
                                                                         "(sangat tinggi)"));
  cmd.add_option("--date", p.date,
                 Tr("the day whose rates apply to the first month (default: today)",
                    "tanggal yang tarifnya berlaku untuk bulan pertama (bawaan: hari ini)"));
}

}  // namespace cakupan
