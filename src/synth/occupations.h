// Occupations (pekerjaan) of synthetic workers, consistent with the sector:
// informal work (petani, pekebun sawit/karet/kopi, nelayan, buruh harian
// lepas, pedagang, ojek daring, ...) and formal work (karyawan swasta, buruh
// pabrik, guru honorer, perangkat desa, tenaga kesehatan, pekerja
// konstruksi, pekerja migran, ...), with separate weights for kabupaten and
// kota. Each regency perturbs the weights with its own random factors so
// regencies differ (one grows coffee, another fishes). Immutable tables;
// OccupationSampler is a plain value (not thread-safe to share while drawing
// only because the caller's Rng is not).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/rng.h"
#include "domain/enums.h"

namespace cakupan {

// How an occupation maps to a BPJS Ketenagakerjaan segment when enrolled.
enum class OccupationKind : uint8_t {
  kGeneral = 0,       // formal -> PU, informal -> BPU
  kConstruction = 1,  // formal construction project work -> Jakon (mostly)
  kMigrant = 2,       // pekerja migran -> PMI
};

struct OccupationInfo {
  const char* name;  // lower case, as written in pekerja.csv
  Formality sector;
  OccupationKind kind;
  double kabupaten;  // relative weight within its sector in a kabupaten
  double kota;       // ... in a kota
  double male;       // multiplier for men (1 unless the work is mostly women's)
  double female;     // multiplier for women (PRT, penjahit, guru up; konstruksi, ojek down)
};

int OccupationCount();
const OccupationInfo& OccupationAt(int index);

class OccupationSampler {
 public:
  // Weights for a regency (kota or kabupaten), each multiplied by a random
  // factor exp(N(0, 0.35^2)) drawn from `rng`.
  OccupationSampler(bool kota, Rng& rng);
  // An occupation index of the given sector (kFormal or kInformal) for a
  // person of `sex`.
  int Draw(Formality sector, Sex sex, Rng& rng) const;

 private:
  struct Table {
    std::vector<int> index;                       // occupation indices of one sector
    std::vector<double> male_cum, female_cum;     // cumulative weights by sex
  };
  Table formal_, informal_;
};

}  // namespace cakupan
