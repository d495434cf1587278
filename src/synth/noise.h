// The noise model: the errors real files have (typos and spelling variants
// in names, titles, wrong or missing NIKs, a birth date typed month-first,
// persons enumerated twice) so that record linkage has something to find.
// The model and its default rates are documented in docs/synthetic-data.md
// ("Noise model").
//
// Every person is drawn once ("the truth"); the registry row and the extract
// rows are then written from what Noise returns for that source. Noise draws
// only from the Rng passed in, which the generator derives from its own
// stream (kStreamNoise + regency code), so that switching noise on changes no
// other value of the data set. With NoiseOptions all zero the generator does
// not call it at all.
//
// Thread-safety: const methods and pure functions; the Rng and the scratch
// string are the caller's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/rng.h"
#include "domain/enums.h"
#include "synth/generator.h"
#include "synth/nik_set.h"

namespace cakupan {

// Error kinds applied to one record, as bits (kebenaran.csv's `kesalahan`).
enum NoiseError : uint32_t {
  kErrNameTypo = 1u << 0,
  kErrNameVariant = 1u << 1,
  kErrNameTitle = 1u << 2,
  kErrNameCase = 1u << 3,
  kErrNameStray = 1u << 4,
  kErrNameTokenDropped = 1u << 5,
  kErrNikDigit = 1u << 6,
  kErrNikTransposed = 1u << 7,
  kErrNikMissing = 1u << 8,
  kErrNikExcel = 1u << 9,
  kErrDateSwapped = 1u << 10,
  kErrDuplicate = 1u << 11,
};
inline constexpr int kNoiseErrorKinds = 12;
// Stable code of one bit: "name_typo", "nik_digit", "duplicate", ...
const char* NoiseErrorCode(uint32_t bit);
// Appends the codes of the bits set in `errors`, separated by '|', in bit
// order ("name_variant|nik_digit"); nothing for 0.
void AppendNoiseErrors(uint32_t errors, std::string& out);

// How a NIK cell is written.
enum class NikForm : uint8_t {
  kDigits = 0,  // the 16 digits of `nik` (zero-padded)
  kEmpty = 1,   // an empty cell
  kExcel = 2,   // scientific notation, as a spreadsheet shows a long number ("1.70407E+15")
};

// The fields a source may get wrong. `name` points into the generator's
// buffers or into `scratch` of the Noise call that produced it.
struct PersonFields {
  uint64_t nik = 0;
  std::string_view name;
  Date birth_date = kNoDate;
  Sex sex = Sex::kUnknown;  // not altered; chooses H. or HJ.
  NikForm nik_form = NikForm::kDigits;
  uint32_t errors = 0;      // NoiseError bits applied
};

class Noise {
 public:
  explicit Noise(const NoiseOptions& options) : options_(options) {}

  bool enabled() const { return options_.any(); }
  // Whether registry NIK errors that yield another number are on (then the
  // generator must pass the set of every NIK of the data set to ForRegistry).
  bool registry_nik_errors() const { return options_.registry.nik_digit > 0 || options_.registry.nik_transposed > 0; }

  // The person as the regional registry (pekerja.csv) records them. A wrong
  // digit or a transposition never yields a number in `issued` (every NIK of
  // the data set and the wrong NIKs already written; the new one is added):
  // when ten draws all hit one, the NIK is left correct. `issued` may be null
  // when registry_nik_errors() is false.
  PersonFields ForRegistry(const PersonFields& truth, Rng& rng, std::string& scratch, NikSet* issued) const;
  // The person as a BPJS extract (kepesertaan-*.csv) records them (no NIK
  // errors, see NoiseOptions).
  PersonFields ForExtract(const PersonFields& truth, Rng& rng, std::string& scratch) const;
  // Whether a registry person is enumerated a second time.
  bool DrawDuplicate(Rng& rng) const { return options_.registry.duplicate > 0 && rng.Chance(options_.registry.duplicate); }

 private:
  NoiseOptions options_;
};

// --- The error makers, exposed for tests (names in upper case as on the KTP) ---

// Every spelling variant of `name` that changes one word: the other forms of
// Muhammad (MUHAMMAD, MUHAMAD, MOHAMMAD, MOHAMAD, MOCHAMMAD, MOH., MOCH.,
// M.), old spelling for new and back (u/oe, j/dj, c/tj, kh/ch, sy/sj, y/j;
// all occurrences in the word), a doubled letter made single or a single
// l, m, n, r, s, d, t or f between vowels doubled. Distinct, in word order;
// empty when no rule applies.
std::vector<std::string> SpellingVariants(std::string_view name);
// `name` with one random edit of a letter: a keyboard-neighbour
// substitution, a deletion (in a word of two or more letters), an insertion
// or a transposition of two adjacent different letters.
std::string TypoOf(std::string_view name, Rng& rng);
// "BUDI SANTOSO" -> "Budi Santoso".
std::string TitleCase(std::string_view name);
// The NIK as a spreadsheet shows it: six significant digits ("1.70407E+15").
std::string ExcelNikText(uint64_t nik);

}  // namespace cakupan
