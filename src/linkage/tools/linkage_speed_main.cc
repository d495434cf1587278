// cakupan_linkage_speed: times LinkRecords and Deduplicate on realistic
// synthetic records (docs/linkage.md, "Performance"). Not a test.
//
//   cakupan_linkage_speed [--dedupe N[,N...]] [--link LEFT:RIGHT[,...]]
//                         [--province P] [--duplicates SHARE] [--threads T]
//                         [--seed S] [--wilayah FILE]
//
// Records: villages of province P (default 17, Bengkulu) from FILE (default
// data/wilayah/wilayah.csv of the source tree), drawn with a skewed weight;
// sex, birth date (1955..2006) and a NIK consistent with them (district of
// the village, day + 40 for women, ddmmyy, a serial counting up per district
// and date, as the civil registry issues them); names from the synthetic
// data generator's word lists (src/synth/names.h: culture mix of the
// province, common names common, titles and Muslim prefixes). A share of
// records (default 0.03) are duplicates of an earlier person written with
// errors: name typos, titles, old spelling, a dropped part; a wrong or
// swapped NIK digit, a missing or another NIK; a +40 day, a day/month swap
// or one wrong date part; another village.
//
// --dedupe N deduplicates N such records; --link L:R links L registry records
// (no duplicates) with R extract records, half of them noisy copies of
// registry persons and half new persons. Prints the time of each phase
// (LinkageStats), candidate pairs per second, the bands, and a checksum of
// the output (pairs, levels, weights, model) so that two builds can be
// compared for identical results. Prints no NIK and no name.
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/rng.h"
#include "linkage/linkage.h"
#include "synth/names.h"

#ifndef CAKUPAN_SOURCE_DIR
#define CAKUPAN_SOURCE_DIR "."
#endif

namespace cakupan {
namespace {

struct Person {
  uint64_t nik = 0;
  std::string name;
  Date birth = kNoDate;
  uint8_t sex = 0;
  uint64_t village = 0;
};

// Packed village codes (PPRRDDVVVV) of one province.
std::vector<uint64_t> LoadVillages(const std::string& file, int province) {
  std::ifstream in(file);
  std::vector<uint64_t> out;
  std::string line;
  while (std::getline(in, line)) {
    const size_t comma = line.find(',');
    if (comma == std::string::npos) continue;
    const std::string code = line.substr(0, comma);
    if (code.size() != 13 || code[2] != '.' || code[5] != '.' || code[8] != '.') continue;
    const int p = std::atoi(code.substr(0, 2).c_str());
    if (p != province) continue;
    const uint64_t packed = std::strtoull(code.substr(0, 2).c_str(), nullptr, 10) * 100000000ULL +
                            std::strtoull(code.substr(3, 2).c_str(), nullptr, 10) * 1000000ULL +
                            std::strtoull(code.substr(6, 2).c_str(), nullptr, 10) * 10000ULL +
                            std::strtoull(code.substr(9, 4).c_str(), nullptr, 10);
    out.push_back(packed);
  }
  return out;
}

class Generator {
 public:
  Generator(std::vector<uint64_t> villages, int province, uint64_t seed)
      : villages_(std::move(villages)), province_(province), rng_(seed) {
    // Skewed village sizes: weight 1 / (rank + 20).
    double total = 0;
    cumulative_.reserve(villages_.size());
    for (size_t i = 0; i < villages_.size(); ++i) {
      total += 1.0 / (static_cast<double>(i % 997) + 20.0);
      cumulative_.push_back(total);
    }
  }

  Person NewPerson() {
    Person p;
    p.sex = rng_.Chance(0.5) ? 1 : 2;
    const int year = static_cast<int>(rng_.Between(1955, 2006));
    const int month = static_cast<int>(rng_.Between(1, 12));
    const int day = static_cast<int>(rng_.Between(1, 28));
    p.birth = DateFromCivil(year, month, day);
    p.village = DrawVillage();
    p.nik = MakeNik(p.village, p.sex, year, month, day);
    AppendName(DrawCulture(province_, rng_), p.sex == 1 ? Sex::kMale : Sex::kFemale, rng_, p.name);
    return p;
  }

  // The same person as another source writes them.
  Person Noisy(const Person& truth) {
    Person p = truth;
    // Name.
    const double r = rng_.Uniform();
    if (r < 0.40) {
    } else if (r < 0.55) {
      Typo(p.name, 0);
    } else if (r < 0.65) {
      Typo(p.name, 1);
    } else if (r < 0.72) {
      Typo(p.name, 2);
    } else if (r < 0.78) {
      p.name = (p.sex == 2 ? "HJ. " : "H. ") + p.name;
    } else if (r < 0.84) {
      p.name += ", S.PD";
    } else if (r < 0.90) {
      const size_t u = p.name.find('U');
      if (u != std::string::npos) p.name.replace(u, 1, "OE");
    } else {
      const size_t space = p.name.rfind(' ');
      if (space != std::string::npos) p.name.resize(space);
    }
    // NIK.
    const double n = rng_.Uniform();
    if (n < 0.50) {
    } else if (n < 0.70) {
      uint64_t place = 1;
      for (int k = rng_.Between(0, 15); k > 0; --k) place *= 10;
      const uint64_t digit = p.nik / place % 10;
      const uint64_t other = (digit + rng_.Between(1, 9)) % 10;
      p.nik = p.nik - digit * place + other * place;
    } else if (n < 0.80) {
      char digits[17];
      std::snprintf(digits, sizeof digits, "%016" PRIu64, p.nik);
      const int k = static_cast<int>(rng_.Between(0, 14));
      std::swap(digits[k], digits[k + 1]);
      p.nik = std::strtoull(digits, nullptr, 10);
    } else if (n < 0.90) {
      p.nik = 0;
    } else {
      p.nik = NewPerson().nik;
    }
    // Birth date.
    const CivilDate c = CivilFromDate(p.birth);
    const double d = rng_.Uniform();
    if (d < 0.80) {
    } else if (d < 0.85 && p.sex == 2) {
      p.birth += 40;
    } else if (d < 0.90 && c.day <= 12) {
      p.birth = DateFromCivil(c.year, c.day, c.month);
    } else if (d < 0.95) {
      p.birth = DateFromCivil(c.year + static_cast<int>(rng_.Between(-1, 1)), c.month, c.day);
    } else {
      p.birth = DateFromCivil(c.year, c.month, static_cast<int>(rng_.Between(1, 28)));
    }
    // Region.
    const double v = rng_.Uniform();
    if (v < 0.70) {
    } else if (v < 0.90) {
      const uint64_t district = p.village / 10000;
      for (int tries = 0; tries < 20; ++tries) {
        const uint64_t other = DrawVillage();
        if (other / 10000 == district) {
          p.village = other;
          break;
        }
      }
    } else {
      p.village = DrawVillage();
    }
    if (rng_.Chance(0.02)) p.sex = 0;
    return p;
  }

  Rng& rng() { return rng_; }

 private:
  uint64_t DrawVillage() {
    const double x = rng_.Uniform() * cumulative_.back();
    const size_t i = std::lower_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin();
    return villages_[std::min(i, villages_.size() - 1)];
  }

  uint64_t MakeNik(uint64_t village, uint8_t sex, int year, int month, int day) {
    const uint64_t district = village / 10000;  // PPRRDD
    const uint64_t dd = static_cast<uint64_t>(day + (sex == 2 ? 40 : 0));
    const uint64_t born = dd * 10000 + static_cast<uint64_t>(month) * 100 + static_cast<uint64_t>(year % 100);
    const uint64_t prefix = district * 1000000 + born;
    const uint64_t serial = ++serials_[prefix];
    return prefix * 10000 + serial % 10000;
  }

  // kind 0: substitute a letter, 1: delete a letter, 2: swap two adjacent.
  void Typo(std::string& s, int kind) {
    if (s.size() < 4) return;
    const size_t k = static_cast<size_t>(rng_.Between(1, static_cast<int64_t>(s.size()) - 2));
    if (s[k] == ' ' || s[k + 1] == ' ') return;
    if (kind == 0) {
      s[k] = static_cast<char>('A' + rng_.Below(26));
    } else if (kind == 1) {
      s.erase(k, 1);
    } else {
      std::swap(s[k], s[k + 1]);
    }
  }

  std::vector<uint64_t> villages_;
  std::vector<double> cumulative_;
  int province_;
  Rng rng_;
  std::map<uint64_t, uint64_t> serials_;
};

void Append(LinkageRecords& r, const Person& p) {
  r.nik.push_back(p.nik);
  r.name.push_back(p.name);
  r.birth_date.push_back(p.birth);
  r.sex.push_back(p.sex);
  r.region.push_back(p.village);
}

uint64_t Mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL; }

uint64_t Checksum(const LinkageResult& r) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (const ScoredPair& p : r.pairs) {
    h = Mix(h, p.left);
    h = Mix(h, p.right);
    uint64_t w;
    std::memcpy(&w, &p.weight, 8);
    h = Mix(h, w);
    std::memcpy(&w, &p.probability, 8);
    h = Mix(h, w);
    h = Mix(h, static_cast<uint64_t>(p.band));
    for (uint8_t l : p.levels) h = Mix(h, l);
  }
  for (int c = 0; c < kComparisons; ++c) {
    for (double x : r.model.m[c]) {
      uint64_t w;
      std::memcpy(&w, &x, 8);
      h = Mix(h, w);
    }
    for (double x : r.model.u[c]) {
      uint64_t w;
      std::memcpy(&w, &x, 8);
      h = Mix(h, w);
    }
  }
  uint64_t w;
  std::memcpy(&w, &r.model.match_share, 8);
  h = Mix(h, w);
  h = Mix(h, static_cast<uint64_t>(r.model.iterations));
  h = Mix(h, static_cast<uint64_t>(r.stats.comparisons));
  return h;
}

void Report(const char* what, const LinkageResult& r, double seconds) {
  int64_t match = 0, review = 0;
  for (const ScoredPair& p : r.pairs) (p.band == MatchBand::kMatch ? match : review)++;
  const LinkageStats& s = r.stats;
  std::printf("%s: %.2f s total, %" PRId64 " candidate pairs (%.2f M pairs/s), %" PRId64 " blocks, %" PRId64
              " skipped; %" PRId64 " match, %" PRId64 " review; EM %d iterations%s; checksum %016" PRIx64 "\n",
              what, seconds, s.comparisons, s.comparisons / std::max(seconds, 1e-9) / 1e6, s.blocks,
              s.skipped_blocks, match, review, r.model.iterations, r.model.converged ? "" : " (not converged)",
              Checksum(r));
  std::printf("  phases: prepare %.3f, blocking %.3f, compare %.3f, u-sample %.3f, EM %.3f, score %.3f, "
              "one-to-one %.3f s\n",
              s.prepare_seconds, s.blocking_seconds, s.compare_seconds, s.u_sample_seconds, s.em_seconds,
              s.score_seconds, s.one_to_one_seconds);
  std::fflush(stdout);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(sep, pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

int Main(int argc, char** argv) {
  std::vector<size_t> dedupe_sizes;
  std::vector<std::pair<size_t, size_t>> link_sizes;
  int province = 17;
  double duplicates = 0.03;
  uint64_t seed = 42;
  LinkageOptions options;
  std::string wilayah = std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/wilayah.csv";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--dedupe") {
      for (const auto& n : Split(value(), ',')) dedupe_sizes.push_back(std::strtoull(n.c_str(), nullptr, 10));
    } else if (arg == "--link") {
      for (const auto& lr : Split(value(), ',')) {
        const auto parts = Split(lr, ':');
        if (parts.size() != 2) {
          std::fprintf(stderr, "--link wants LEFT:RIGHT\n");
          return 2;
        }
        link_sizes.push_back({std::strtoull(parts[0].c_str(), nullptr, 10),
                              std::strtoull(parts[1].c_str(), nullptr, 10)});
      }
    } else if (arg == "--province") {
      province = std::atoi(value().c_str());
    } else if (arg == "--duplicates") {
      duplicates = std::atof(value().c_str());
    } else if (arg == "--threads") {
      options.threads = std::atoi(value().c_str());
    } else if (arg == "--seed") {
      seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (arg == "--wilayah") {
      wilayah = value();
    } else {
      std::fprintf(stderr,
                   "usage: cakupan_linkage_speed [--dedupe N[,N...]] [--link LEFT:RIGHT[,...]] [--province P]\n"
                   "       [--duplicates SHARE] [--threads T] [--seed S] [--wilayah FILE]\n");
      return 2;
    }
  }
  if (dedupe_sizes.empty() && link_sizes.empty()) {
    dedupe_sizes = {200000};
    link_sizes = {{900000, 42000}};
  }
  const std::vector<uint64_t> villages = LoadVillages(wilayah, province);
  if (villages.empty()) {
    std::fprintf(stderr, "no villages of province %d in %s\n", province, wilayah.c_str());
    return 1;
  }
  std::printf("province %d: %zu villages; duplicates %.3f; threads %d\n", province, villages.size(), duplicates,
              options.threads);

  for (const auto& [n_left, n_right] : link_sizes) {
    Generator gen(villages, province, seed);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Person> persons;
    persons.reserve(n_left);
    LinkageRecords left, right;
    for (size_t i = 0; i < n_left; ++i) {
      persons.push_back(gen.NewPerson());
      Append(left, persons.back());
    }
    for (size_t k = 0; k < n_right; ++k) {
      if (k % 2 == 0 && !persons.empty()) {
        Append(right, gen.Noisy(persons[gen.rng().Below(persons.size())]));
      } else {
        Append(right, gen.NewPerson());
      }
    }
    const double gen_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("link %zu x %zu (generated in %.1f s)\n", n_left, n_right, gen_seconds);
    const auto t1 = std::chrono::steady_clock::now();
    Result<LinkageResult> r = LinkRecords(left, right, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    if (!r.ok()) {
      std::fprintf(stderr, "LinkRecords: %s\n", r.status().ToString().c_str());
      return 1;
    }
    Report("  LinkRecords", *r, seconds);
  }

  for (size_t n : dedupe_sizes) {
    Generator gen(villages, province, seed);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Person> persons;
    LinkageRecords records;
    size_t copies = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!persons.empty() && gen.rng().Chance(duplicates)) {
        Append(records, gen.Noisy(persons[gen.rng().Below(persons.size())]));
        ++copies;
      } else {
        persons.push_back(gen.NewPerson());
        Append(records, persons.back());
      }
    }
    const double gen_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("dedupe %zu records, %zu noisy duplicates (generated in %.1f s)\n", n, copies, gen_seconds);
    const auto t1 = std::chrono::steady_clock::now();
    Result<LinkageResult> r = Deduplicate(records, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    if (!r.ok()) {
      std::fprintf(stderr, "Deduplicate: %s\n", r.status().ToString().c_str());
      return 1;
    }
    Report("  Deduplicate", *r, seconds);
  }
  return 0;
}

}  // namespace
}  // namespace cakupan

int main(int argc, char** argv) { return cakupan::Main(argc, argv); }
