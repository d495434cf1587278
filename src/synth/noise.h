// The noise hook: where the generator will inject the errors real files have
// (typos and spelling variants in names, wrong NIK digits, a birth date typed
// day-first) so that record linkage has something to find. Every person is
// drawn once ("the truth"); the registry row and each extract row are then
// written from what Noise returns for that source.
//
// Not implemented yet: with NoiseOptions all zero (the only accepted value,
// see ValidateOptions) both functions return the truth unchanged and draw
// nothing. When they start drawing, they must use the Rng passed in, which
// the generator derives from its own stream (kStreamNoise + regency code), so
// that switching noise on changes no other value in the data set.
//
// Thread-safety: const methods; the Rng is the caller's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/rng.h"
#include "synth/generator.h"

namespace cakupan {

// The fields a source may get wrong. `name` points into the generator's
// buffers or into `scratch` of the Noise call that produced it.
struct PersonFields {
  uint64_t nik = 0;
  std::string_view name;
  Date birth_date = kNoDate;
};

class Noise {
 public:
  explicit Noise(const NoiseOptions& options) : options_(options) {}

  bool enabled() const { return options_.any(); }
  // The person as the regional registry (pekerja.csv) records them.
  PersonFields ForRegistry(const PersonFields& truth, Rng& rng, std::string& scratch) const;
  // The person as a BPJS extract (kepesertaan-*.csv) records them.
  PersonFields ForExtract(const PersonFields& truth, Rng& rng, std::string& scratch) const;

 private:
  NoiseOptions options_;
};

}  // namespace cakupan
