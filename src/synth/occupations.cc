#include "synth/occupations.h"

#include <algorithm>
#include <cmath>

#include "synth/draw.h"

namespace cakupan {

namespace {

using F = Formality;
using K = OccupationKind;

// name, sector, kind, weight in a kabupaten, in a kota, multiplier for men, for women.
constexpr OccupationInfo kOccupations[] = {
    // Informal.
    {"petani", F::kInformal, K::kGeneral, 24, 1.5, 1, 0.6},
    {"buruh tani", F::kInformal, K::kGeneral, 9, 0.5, 1, 0.8},
    {"pekebun sawit", F::kInformal, K::kGeneral, 8, 0.3, 1, 0.5},
    {"pekebun karet", F::kInformal, K::kGeneral, 6, 0.2, 1, 0.6},
    {"pekebun kopi", F::kInformal, K::kGeneral, 4, 0.1, 1, 0.7},
    {"peternak", F::kInformal, K::kGeneral, 3, 0.3, 1, 0.5},
    {"nelayan", F::kInformal, K::kGeneral, 5, 3, 1, 0.08},
    {"buruh harian lepas", F::kInformal, K::kGeneral, 11, 15, 1, 0.6},
    {"pedagang", F::kInformal, K::kGeneral, 9, 20, 1, 2.2},
    {"pedagang kaki lima", F::kInformal, K::kGeneral, 1.5, 8, 1, 1.8},
    {"tukang bangunan", F::kInformal, K::kGeneral, 5, 8, 1, 0.03},
    {"ojek pangkalan", F::kInformal, K::kGeneral, 2, 3, 1, 0.03},
    {"ojek daring", F::kInformal, K::kGeneral, 0.8, 10, 1, 0.15},
    {"sopir", F::kInformal, K::kGeneral, 2, 5, 1, 0.04},
    {"pekerja rumah tangga", F::kInformal, K::kGeneral, 2, 6, 0.15, 12},
    {"penjahit", F::kInformal, K::kGeneral, 1.5, 3, 0.6, 3},
    {"montir", F::kInformal, K::kGeneral, 1, 3, 1, 0.03},
    {"pengrajin", F::kInformal, K::kGeneral, 1.5, 1, 1, 1.5},
    {"tukang cukur", F::kInformal, K::kGeneral, 0.4, 1.5, 1, 0.4},
    {"juru parkir", F::kInformal, K::kGeneral, 0.2, 2, 1, 0.1},
    {"buruh angkut", F::kInformal, K::kGeneral, 0.8, 2.5, 1, 0.1},
    {"pemulung", F::kInformal, K::kGeneral, 0.2, 1.2, 1, 0.8},
    // Formal.
    {"karyawan swasta", F::kFormal, K::kGeneral, 20, 34, 1, 1.0},
    {"buruh pabrik", F::kFormal, K::kGeneral, 8, 10, 1, 1.2},
    {"buruh perkebunan", F::kFormal, K::kGeneral, 14, 1, 1, 0.5},
    {"karyawan toko", F::kFormal, K::kGeneral, 6, 12, 1, 2.0},
    {"guru honorer", F::kFormal, K::kGeneral, 9, 6, 1, 3.0},
    {"pegawai honorer pemerintah", F::kFormal, K::kGeneral, 7, 8, 1, 1.3},
    {"perangkat desa", F::kFormal, K::kGeneral, 9, 0, 1, 0.5},
    {"tenaga kesehatan", F::kFormal, K::kGeneral, 4, 5, 1, 3.5},
    {"satpam", F::kFormal, K::kGeneral, 3, 5, 1, 0.08},
    {"sopir perusahaan", F::kFormal, K::kGeneral, 2, 3, 1, 0.04},
    {"kurir", F::kFormal, K::kGeneral, 0.8, 4, 1, 0.3},
    {"karyawan bank", F::kFormal, K::kGeneral, 0.8, 3, 1, 1.4},
    {"karyawan hotel dan restoran", F::kFormal, K::kGeneral, 1, 4, 1, 1.3},
    {"pekerja tambang", F::kFormal, K::kGeneral, 2, 0.3, 1, 0.05},
    {"pekerja konstruksi", F::kFormal, K::kConstruction, 6, 6, 1, 0.05},
    {"mandor bangunan", F::kFormal, K::kConstruction, 1, 1, 1, 0.03},
    {"pekerja migran", F::kFormal, K::kMigrant, 2.5, 0.8, 1, 1.6},
};

}  // namespace

int OccupationCount() { return static_cast<int>(std::size(kOccupations)); }
const OccupationInfo& OccupationAt(int index) { return kOccupations[index]; }

OccupationSampler::OccupationSampler(bool kota, Rng& rng) {
  for (int i = 0; i < OccupationCount(); ++i) {
    const OccupationInfo& o = kOccupations[i];
    const double w = (kota ? o.kota : o.kabupaten) * std::exp(0.35 * DrawNormal(rng));
    if (w <= 0) continue;
    Table& t = o.sector == F::kFormal ? formal_ : informal_;
    t.index.push_back(i);
    t.male_cum.push_back((t.male_cum.empty() ? 0 : t.male_cum.back()) + w * o.male);
    t.female_cum.push_back((t.female_cum.empty() ? 0 : t.female_cum.back()) + w * o.female);
  }
}

int OccupationSampler::Draw(Formality sector, Sex sex, Rng& rng) const {
  const Table& t = sector == F::kFormal ? formal_ : informal_;
  const std::vector<double>& cum = sex == Sex::kFemale ? t.female_cum : t.male_cum;
  const std::vector<int>& idx = t.index;
  const double x = rng.Uniform() * cum.back();
  size_t k = static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), x) - cum.begin());
  if (k >= idx.size()) k = idx.size() - 1;
  return idx[k];
}

}  // namespace cakupan
