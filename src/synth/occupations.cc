#include "synth/occupations.h"

#include <algorithm>
#include <cmath>

#include "synth/draw.h"

namespace cakupan {

namespace {

using F = Formality;
using K = OccupationKind;

constexpr OccupationInfo kOccupations[] = {
    // Informal.
    {"petani", F::kInformal, K::kGeneral, 24, 1.5},
    {"buruh tani", F::kInformal, K::kGeneral, 9, 0.5},
    {"pekebun sawit", F::kInformal, K::kGeneral, 8, 0.3},
    {"pekebun karet", F::kInformal, K::kGeneral, 6, 0.2},
    {"pekebun kopi", F::kInformal, K::kGeneral, 4, 0.1},
    {"peternak", F::kInformal, K::kGeneral, 3, 0.3},
    {"nelayan", F::kInformal, K::kGeneral, 5, 3},
    {"buruh harian lepas", F::kInformal, K::kGeneral, 11, 15},
    {"pedagang", F::kInformal, K::kGeneral, 9, 20},
    {"pedagang kaki lima", F::kInformal, K::kGeneral, 1.5, 8},
    {"tukang bangunan", F::kInformal, K::kGeneral, 5, 8},
    {"ojek pangkalan", F::kInformal, K::kGeneral, 2, 3},
    {"ojek daring", F::kInformal, K::kGeneral, 0.8, 10},
    {"sopir", F::kInformal, K::kGeneral, 2, 5},
    {"pekerja rumah tangga", F::kInformal, K::kGeneral, 2, 6},
    {"penjahit", F::kInformal, K::kGeneral, 1.5, 3},
    {"montir", F::kInformal, K::kGeneral, 1, 3},
    {"pengrajin", F::kInformal, K::kGeneral, 1.5, 1},
    {"tukang cukur", F::kInformal, K::kGeneral, 0.4, 1.5},
    {"juru parkir", F::kInformal, K::kGeneral, 0.2, 2},
    {"buruh angkut", F::kInformal, K::kGeneral, 0.8, 2.5},
    {"pemulung", F::kInformal, K::kGeneral, 0.2, 1.2},
    // Formal.
    {"karyawan swasta", F::kFormal, K::kGeneral, 20, 34},
    {"buruh pabrik", F::kFormal, K::kGeneral, 8, 10},
    {"buruh perkebunan", F::kFormal, K::kGeneral, 14, 1},
    {"karyawan toko", F::kFormal, K::kGeneral, 6, 12},
    {"guru honorer", F::kFormal, K::kGeneral, 9, 6},
    {"pegawai honorer pemerintah", F::kFormal, K::kGeneral, 7, 8},
    {"perangkat desa", F::kFormal, K::kGeneral, 9, 0},
    {"tenaga kesehatan", F::kFormal, K::kGeneral, 4, 5},
    {"satpam", F::kFormal, K::kGeneral, 3, 5},
    {"sopir perusahaan", F::kFormal, K::kGeneral, 2, 3},
    {"kurir", F::kFormal, K::kGeneral, 0.8, 4},
    {"karyawan bank", F::kFormal, K::kGeneral, 0.8, 3},
    {"karyawan hotel dan restoran", F::kFormal, K::kGeneral, 1, 4},
    {"pekerja tambang", F::kFormal, K::kGeneral, 2, 0.3},
    {"pekerja konstruksi", F::kFormal, K::kConstruction, 6, 6},
    {"mandor bangunan", F::kFormal, K::kConstruction, 1, 1},
    {"pekerja migran", F::kFormal, K::kMigrant, 2.5, 0.8},
};

}  // namespace

int OccupationCount() { return static_cast<int>(std::size(kOccupations)); }
const OccupationInfo& Occupation(int index) { return kOccupations[index]; }

OccupationSampler::OccupationSampler(bool kota, Rng& rng) {
  double f = 0, inf = 0;
  for (int i = 0; i < OccupationCount(); ++i) {
    const OccupationInfo& o = kOccupations[i];
    const double w = (kota ? o.kota : o.kabupaten) * std::exp(0.35 * DrawNormal(rng));
    if (w <= 0) continue;
    if (o.sector == F::kFormal) {
      formal_.push_back(i);
      formal_cum_.push_back(f += w);
    } else {
      informal_.push_back(i);
      informal_cum_.push_back(inf += w);
    }
  }
}

int OccupationSampler::Draw(Formality sector, Rng& rng) const {
  const bool formal = sector == F::kFormal;
  const std::vector<double>& cum = formal ? formal_cum_ : informal_cum_;
  const std::vector<int>& idx = formal ? formal_ : informal_;
  const double x = rng.Uniform() * cum.back();
  size_t k = static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), x) - cum.begin());
  if (k >= idx.size()) k = idx.size() - 1;
  return idx[k];
}

}  // namespace cakupan
