#include "synth/noise.h"

namespace cakupan {

PersonFields Noise::ForRegistry(const PersonFields& truth, Rng& rng, std::string& scratch) const {
  // Later: name_typo / name_variant edits into `scratch`, nik_digit_error.
  return truth;
}

PersonFields Noise::ForExtract(const PersonFields& truth, Rng& rng, std::string& scratch) const { return truth; }

}  // namespace cakupan
