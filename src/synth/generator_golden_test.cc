// Noise off must keep the generator's output byte for byte: the demo and the
// end-to-end tests depend on exact coverage. The hashes below were computed
// with the generator as it was before the noise model existed (commit
// cd92257) on the x86-64 Debian build; the model uses std::log/std::exp, so
// another platform may need its own values. A change that alters them
// changes every data set users have generated.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "synth/generator.h"
#include "synth/synth_testing.h"

namespace cakupan {
namespace {

namespace fs = std::filesystem;

uint64_t Fnv1a(const std::string& bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

TEST(GeneratorGoldenTest, NoiseOffGivesTheSameBytesAsBeforeTheNoiseModel) {
  GenerateOptions o = BengkuluDemoOptions(20000, 30000, 99);
  o.periods = 2;
  const fs::path dir = fs::temp_directory_path() / ("cakupan-synth-golden-" + std::to_string(getpid()));
  fs::remove_all(dir);
  NullProgress progress;
  auto r = GenerateDataset(synth_testing::RealRegions(), synth_testing::RealPopulation(), o, dir.string(), progress);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const uint64_t workers = Fnv1a(synth_testing::ReadFile(r->files.workers));
  const uint64_t first = Fnv1a(synth_testing::ReadFile(r->files.members[0]));
  const uint64_t last = Fnv1a(synth_testing::ReadFile(r->files.members[1]));
  const uint64_t labour = Fnv1a(synth_testing::ReadFile(r->files.labour_force));
  std::printf("golden %016llx %016llx %016llx %016llx\n", static_cast<unsigned long long>(workers),
              static_cast<unsigned long long>(first), static_cast<unsigned long long>(last),
              static_cast<unsigned long long>(labour));
  EXPECT_EQ(workers, 0xddb2d3e7249fd72eULL);
  EXPECT_EQ(first, 0x6f09549830fa34efULL);
  EXPECT_EQ(last, 0x80c971a7245f9ba3ULL);
  EXPECT_EQ(labour, 0x4ad93356fb1d2735ULL);
  EXPECT_FALSE(fs::exists(dir / "kebenaran.csv"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cakupan
