// cakupan_linkage_bench: how well and how fast record linkage finds the
// persons of a noisy synthetic data set (bench/linkage/README.md).
//
//   cakupan_linkage_bench --data DIR --period 2024-11 [--regions wilayah.csv]
//                         [--threads N] [--dedupe-only] [--label TEXT]
//
// Reads DIR/pekerja.csv and DIR/kepesertaan-PERIOD.csv with the importers
// and DIR/kebenaran.csv (the generator's ground truth), then:
//   exact-only     a registry row is linked to the extract person with its NIK;
//   probabilistic  exact links plus LinkRecords(registry rows without an
//                  exact link, extract persons without one) in the match band
//                  (the review band reported separately, and counted as
//                  matches in a third line);
//   dedupe         Deduplicate over every accepted registry row.
// A predicted link is correct when both rows have the same true NIK. Prints a
// Markdown report and one JSON line; every figure is computed here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/progress.h"
#include "domain/nik.h"
#include "domain/region_table.h"
#include "ingest/readers.h"
#include "linkage/linkage.h"

namespace cakupan {
namespace {

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The error kinds of kebenaran.csv, in the generator's order.
const char* const kKinds[] = {"name_typo",  "name_variant",   "name_title",  "name_case",
                              "name_stray", "name_token_dropped", "nik_digit", "nik_transposed",
                              "nik_missing", "nik_excel",     "date_swapped", "duplicate"};
constexpr int kKindCount = 12;

uint32_t ParseKinds(std::string_view s) {
  uint32_t bits = 0;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find('|', b);
    if (e == std::string_view::npos) e = s.size();
    const std::string_view k = s.substr(b, e - b);
    for (int i = 0; i < kKindCount; ++i)
      if (k == kKinds[i]) bits |= 1u << i;
    b = e + 1;
  }
  return bits;
}

struct TruthRow {
  uint64_t nik = 0;
  uint32_t kinds = 0;
};

// kebenaran.csv: per file, the truth of each line (index = line number).
Status ReadTruth(const std::string& path, std::map<std::string, std::vector<TruthRow>>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot open " + path);
  std::string line;
  std::getline(in, line);
  if (line != "berkas,baris,nik_asli,kesalahan") return Status::DataError(path + ": unexpected header");
  while (std::getline(in, line)) {
    const size_t a = line.find(','), b = line.find(',', a + 1), c = line.find(',', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos)
      return Status::DataError(path + ": malformed row");
    std::vector<TruthRow>& rows = (*out)[line.substr(0, a)];
    const size_t n = std::strtoull(line.c_str() + a + 1, nullptr, 10);
    if (rows.size() <= n) rows.resize(n + 1);
    rows[n].nik = std::strtoull(line.c_str() + b + 1, nullptr, 10);
    rows[n].kinds = ParseKinds(std::string_view(line).substr(c + 1));
  }
  return Status::Ok();
}

struct Score {
  int64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  nlohmann::json Json() const {
    return {{"tp", tp}, {"fp", fp}, {"fn", fn}, {"precision", precision()}, {"recall", recall()}, {"f1", f1()}};
  }
};

// The registry rows as linkage records: an invalid NIK that still has 16
// digits is passed on as written (linkage compares it digit by digit).
LinkageRecords RegistryRecords(const WorkerTable& t) {
  LinkageRecords r;
  const size_t n = t.size();
  r.nik.resize(n);
  r.name.resize(n);
  r.birth_date = t.birth_date;
  r.sex = t.sex;
  r.region = t.village;
  for (size_t i = 0; i < n; ++i) {
    uint64_t nik = t.nik[i];
    if (IsSyntheticWorkerKey(nik)) {
      nik = 0;
      const std::string_view raw = t.nik_raw[i];
      if (raw.size() == 16 && raw.find_first_not_of("0123456789") == std::string_view::npos)
        nik = std::strtoull(std::string(raw).c_str(), nullptr, 10);
    }
    r.nik[i] = nik;
    r.name[i] = std::string(t.name[i]);
  }
  return r;
}

// "nik.one_edit name.exact ..." for a pair's comparison levels.
std::string LevelsText(const ScoredPair& p) {
  std::string out;
  for (int c = 0; c < kComparisons; ++c) {
    if (c) out += ' ';
    out += LevelCode(static_cast<Comparison>(c), p.levels[static_cast<size_t>(c)]);
  }
  return out;
}

// The most frequent level vectors among `pairs` (at most `top`).
nlohmann::json TopLevels(const std::vector<const ScoredPair*>& pairs, size_t top) {
  std::map<std::string, int64_t> counts;
  for (const ScoredPair* p : pairs) ++counts[LevelsText(*p)];
  std::vector<std::pair<int64_t, std::string>> sorted;
  for (const auto& [k, n] : counts) sorted.emplace_back(-n, k);
  std::sort(sorted.begin(), sorted.end());
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < sorted.size() && i < top; ++i) out.push_back({{"levels", sorted[i].second}, {"pairs", -sorted[i].first}});
  return out;
}

// The NIK's weight log2(m/u) for its near levels, for a pair of one sex in
// one district born on the same day and on different days (docs/linkage.md,
// "Model": u of the NIK per birth-date, sex and region context).
nlohmann::json NikWeights(const LinkageModel& model) {
  nlohmann::json out = nlohmann::json::array();
  if (model.nik_u.empty()) return out;
  for (int date : {0, 5}) {  // birth_date.exact, birth_date.different
    ComparisonVector v{0, 0, static_cast<uint8_t>(date), 0, 1};  // sex.agree, region.same_district
    nlohmann::json row = {{"context", LevelCode(Comparison::kBirthDate, date) + " " + LevelCode(Comparison::kSex, 0) +
                                          " " + LevelCode(Comparison::kRegion, 1)}};
    for (int level : {1, 2, 3}) {  // one_edit, two_edits, serial_differs
      const double u = model.nik_u[static_cast<size_t>(NikContext(v))][static_cast<size_t>(level)];
      const double m = model.m[0][static_cast<size_t>(level)];
      row[LevelCode(Comparison::kNik, level)] = {{"u", u}, {"weight", std::log2(m / u)}};
    }
    out.push_back(row);
  }
  return out;
}

void PrintTopLevels(const char* title, const nlohmann::json& top) {
  if (top.empty()) return;
  std::printf("\n%s:\n\n| pairs | comparison levels |\n|---:|---|\n", title);
  for (const auto& t : top)
    std::printf("| %lld | %s |\n", static_cast<long long>(t["pairs"].get<int64_t>()), t["levels"].get<std::string>().c_str());
}

struct Options {
  std::string data;
  std::string period;
  std::string regions;
  std::string label;
  int threads = 0;
  bool dedupe_only = false;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "cakupan_linkage_bench: %s\n", s.ToString().c_str());
  return 1;
}

int Run(const Options& opt) {
  NullProgress progress;
  nlohmann::json json = {{"label", opt.label}, {"data", opt.data}, {"period", opt.period}};
  const auto period = Period::Parse(opt.period);
  if (!period) return Fail(Status::InvalidArgument("bad --period"));

  // Regions.
  RegionTable none;
  ReadOptions ro;
  ro.regions = &none;
  auto region_batch = ReadRegionsCsv(opt.regions, ro, progress);
  if (!region_batch.ok()) return Fail(region_batch.status());
  auto regions = RegionTable::Build(std::move(region_batch->rows));
  if (!regions.ok()) return Fail(regions.status());
  ro.regions = &*regions;
  ro.reference_year = period->year();
  ro.period = *period;

  // Files.
  Clock::time_point t0 = Clock::now();
  auto workers = ReadWorkersCsv(opt.data + "/pekerja.csv", ro, progress);
  if (!workers.ok()) return Fail(workers.status());
  const double read_workers_s = Since(t0);
  std::map<std::string, std::vector<TruthRow>> truth;
  if (Status s = ReadTruth(opt.data + "/kebenaran.csv", &truth); !s.ok()) return Fail(s);
  const std::vector<TruthRow>& worker_truth = truth["pekerja.csv"];
  const WorkerTable& w = workers->rows;
  const size_t n_workers = w.size();
  std::vector<uint64_t> w_true(n_workers);
  std::vector<uint32_t> w_kinds(n_workers);
  for (size_t i = 0; i < n_workers; ++i) {
    const auto line = static_cast<size_t>(workers->lines[i]);
    if (line >= worker_truth.size() || worker_truth[line].nik == 0)
      return Fail(Status::DataError("kebenaran.csv has no row for pekerja.csv line " + std::to_string(line)));
    w_true[i] = worker_truth[line].nik;
    w_kinds[i] = worker_truth[line].kinds;
  }
  json["registry_rows_read"] = workers->report.accepted + workers->report.rejected;
  json["registry_rows_accepted"] = workers->report.accepted;
  json["registry_rows_rejected"] = workers->report.rejected;
  json["read_registry_seconds"] = read_workers_s;
  const LinkageRecords registry = RegistryRecords(w);

  // Dedupe truth: pairs of accepted registry rows with the same true NIK.
  std::unordered_map<uint64_t, std::vector<uint32_t>> rows_of_person;
  for (size_t i = 0; i < n_workers; ++i) rows_of_person[w_true[i]].push_back(static_cast<uint32_t>(i));
  int64_t true_dup_pairs = 0;
  for (const auto& [nik, rows] : rows_of_person)
    true_dup_pairs += static_cast<int64_t>(rows.size() * (rows.size() - 1) / 2);

  LinkageOptions lo;
  lo.threads = opt.threads;
  auto dedupe_start = Clock::now();
  auto dedupe = Deduplicate(registry, lo);
  const double dedupe_wall = Since(dedupe_start);
  if (!dedupe.ok()) return Fail(dedupe.status());
  Score dd, dd_review;
  std::vector<const ScoredPair*> dedupe_fp;
  for (const ScoredPair& p : dedupe->pairs) {
    const bool correct = w_true[p.left] == w_true[p.right];
    if (!correct && p.band == MatchBand::kMatch) dedupe_fp.push_back(&p);
    Score& s = p.band == MatchBand::kMatch ? dd : dd_review;
    (correct ? s.tp : s.fp)++;
  }
  dd_review.tp += dd.tp;
  dd_review.fp += dd.fp;
  dd.fn = true_dup_pairs - dd.tp;
  dd_review.fn = true_dup_pairs - dd_review.tp;
  json["dedupe"] = {{"records", n_workers},
                    {"true_pairs", true_dup_pairs},
                    {"match", dd.Json()},
                    {"match_or_review", dd_review.Json()},
                    {"comparisons", dedupe->stats.comparisons},
                    {"blocks", dedupe->stats.blocks},
                    {"skipped_blocks", dedupe->stats.skipped_blocks},
                    {"seconds", dedupe_wall},
                    {"comparisons_per_second", static_cast<double>(dedupe->stats.comparisons) / dedupe_wall},
                    {"records_per_second", static_cast<double>(n_workers) / dedupe_wall},
                    {"fp_levels", TopLevels(dedupe_fp, 5)},
                    {"em_iterations", dedupe->model.iterations},
                    {"converged", dedupe->model.converged},
                    {"nik_weights", NikWeights(dedupe->model)}};

  Score exact, prob, prob_review, full_link;
  int64_t true_links = 0, extract_persons = 0, review_pairs = 0;
  double link_wall = 0;
  int64_t link_comparisons = 0, link_left = 0, link_right = 0;
  std::vector<int64_t> fn_by_kind(kKindCount + 1, 0), fp_by_kind(kKindCount + 1, 0);
  if (!opt.dedupe_only) {
    const std::string member_file = "kepesertaan-" + opt.period + ".csv";
    auto members = ReadMembersCsv(opt.data + "/" + member_file, ro, progress);
    if (!members.ok()) return Fail(members.status());
    const std::vector<TruthRow>& member_truth = truth[member_file];
    // Extract persons: distinct NIKs, first row's fields.
    const MembershipTable& m = members->rows;
    std::unordered_map<uint64_t, uint32_t> person_of_nik;
    LinkageRecords extract;
    std::vector<uint64_t> p_true;
    for (size_t i = 0; i < m.size(); ++i) {
      if (person_of_nik.count(m.nik[i])) continue;
      const auto line = static_cast<size_t>(members->lines[i]);
      if (line >= member_truth.size() || member_truth[line].nik == 0)
        return Fail(Status::DataError("kebenaran.csv has no row for " + member_file + " line " + std::to_string(line)));
      person_of_nik.emplace(m.nik[i], static_cast<uint32_t>(extract.size()));
      const auto info = DecodeNik(m.nik[i], period->year());
      extract.nik.push_back(m.nik[i]);
      extract.name.emplace_back(m.name[i]);
      extract.birth_date.push_back(m.birth_date[i] != kNoDate ? m.birth_date[i]
                                                               : (info ? info->birth_date : kNoDate));
      extract.sex.push_back(static_cast<uint8_t>(info ? info->sex : Sex::kUnknown));
      extract.region.push_back(m.region[i]);
      p_true.push_back(member_truth[line].nik);
    }
    extract_persons = static_cast<int64_t>(extract.size());
    std::unordered_set<uint64_t> extract_true(p_true.begin(), p_true.end());
    std::vector<uint8_t> is_true_link(n_workers, 0);
    for (size_t i = 0; i < n_workers; ++i) {
      is_true_link[i] = extract_true.count(w_true[i]) ? 1 : 0;
      true_links += is_true_link[i];
    }

    // Exact: equal NIKs.
    std::vector<int64_t> link(n_workers, -1);  // extract person of each registry row
    std::vector<uint8_t> person_linked(extract.size(), 0);
    for (size_t i = 0; i < n_workers; ++i) {
      if (IsSyntheticWorkerKey(w.nik[i])) continue;
      const auto it = person_of_nik.find(w.nik[i]);
      if (it == person_of_nik.end()) continue;
      link[i] = it->second;
      person_linked[it->second] = 1;
    }
    auto score = [&](const std::vector<int64_t>& links) {
      Score s;
      for (size_t i = 0; i < n_workers; ++i) {
        if (links[i] < 0) continue;
        (p_true[static_cast<size_t>(links[i])] == w_true[i] ? s.tp : s.fp)++;
      }
      s.fn = true_links - s.tp;
      return s;
    };
    exact = score(link);

    // Probabilistic: the rest.
    LinkageRecords left, right;
    std::vector<uint32_t> left_row, right_person;
    auto append = [](LinkageRecords& to, const LinkageRecords& from, size_t i) {
      to.nik.push_back(from.nik[i]);
      to.name.push_back(from.name[i]);
      to.birth_date.push_back(from.birth_date[i]);
      to.sex.push_back(from.sex[i]);
      to.region.push_back(from.region[i]);
    };
    for (size_t i = 0; i < n_workers; ++i)
      if (link[i] < 0) append(left, registry, i), left_row.push_back(static_cast<uint32_t>(i));
    for (size_t j = 0; j < extract.size(); ++j)
      if (!person_linked[j]) append(right, extract, j), right_person.push_back(static_cast<uint32_t>(j));
    link_left = static_cast<int64_t>(left.size());
    link_right = static_cast<int64_t>(right.size());
    const auto link_start = Clock::now();
    auto linked = LinkRecords(left, right, lo);
    link_wall = Since(link_start);
    if (!linked.ok()) return Fail(linked.status());
    link_comparisons = linked->stats.comparisons;
    std::vector<int64_t> with_match = link, with_review = link;
    for (const ScoredPair& p : linked->pairs) {
      const uint32_t row = left_row[p.left];
      const uint32_t person = right_person[p.right];
      if (p.band == MatchBand::kMatch) with_match[row] = person;
      if (p.band == MatchBand::kReview) ++review_pairs;
      if (with_review[row] < 0) with_review[row] = person;
    }
    prob = score(with_match);
    prob_review = score(with_review);
    std::vector<const ScoredPair*> link_fp;
    for (const ScoredPair& p : linked->pairs)
      if (p.band == MatchBand::kMatch && p_true[right_person[p.right]] != w_true[left_row[p.left]]) link_fp.push_back(&p);
    json["link_fp_levels"] = TopLevels(link_fp, 5);

    // For comparison: LinkRecords over every registry row and every extract
    // person (no exact step first), match band.
    const auto full_start = Clock::now();
    auto full = LinkRecords(registry, extract, lo);
    const double full_wall = Since(full_start);
    if (!full.ok()) return Fail(full.status());
    std::vector<int64_t> full_links(n_workers, -1);
    for (const ScoredPair& p : full->pairs)
      if (p.band == MatchBand::kMatch) full_links[p.left] = p.right;
    full_link = score(full_links);
    json["probabilistic_all_rows"] = full_link.Json();
    json["probabilistic_all_rows"]["comparisons"] = full->stats.comparisons;
    json["probabilistic_all_rows"]["seconds"] = full_wall;
    json["probabilistic_all_rows"]["em_iterations"] = full->model.iterations;
    json["probabilistic_all_rows"]["converged"] = full->model.converged;
    // The misses and false links of the probabilistic result, by error kind
    // of the registry row (the last slot: no registry error, i.e. only the
    // extract's spelling differs).
    for (size_t i = 0; i < n_workers; ++i) {
      const bool correct = with_match[i] >= 0 && p_true[static_cast<size_t>(with_match[i])] == w_true[i];
      std::vector<int64_t>* tally = nullptr;
      if (is_true_link[i] && !correct) tally = &fn_by_kind;
      if (with_match[i] >= 0 && !correct) tally = &fp_by_kind;
      if (tally == nullptr) continue;
      if (w_kinds[i] == 0) ++(*tally)[kKindCount];
      for (int k = 0; k < kKindCount; ++k)
        if (w_kinds[i] & (1u << k)) ++(*tally)[static_cast<size_t>(k)];
    }
    json["extract_persons"] = extract_persons;
    json["true_links"] = true_links;
    json["exact"] = exact.Json();
    json["probabilistic"] = prob.Json();
    json["probabilistic_with_review"] = prob_review.Json();
    json["review_pairs"] = review_pairs;
    json["link"] = {{"left", link_left},
                    {"right", link_right},
                    {"comparisons", link_comparisons},
                    {"seconds", link_wall},
                    {"comparisons_per_second", static_cast<double>(link_comparisons) / link_wall},
                    {"records_per_second", static_cast<double>(link_left + link_right) / link_wall},
                    {"em_iterations", linked->model.iterations},
                    {"converged", linked->model.converged}};
    nlohmann::json fn_json, fp_json;
    for (int k = 0; k <= kKindCount; ++k) {
      const char* name = k < kKindCount ? kKinds[k] : "none";
      fn_json[name] = fn_by_kind[static_cast<size_t>(k)];
      fp_json[name] = fp_by_kind[static_cast<size_t>(k)];
    }
    json["probabilistic_fn_by_kind"] = fn_json;
    json["probabilistic_fp_by_kind"] = fp_json;
  }

  // Markdown.
  std::printf("## Linkage benchmark%s%s\n\n", opt.label.empty() ? "" : ": ", opt.label.c_str());
  std::printf("Registry rows: %lld read, %lld accepted, %lld rejected (NIK ganda).\n",
              static_cast<long long>(json["registry_rows_read"].get<int64_t>()),
              static_cast<long long>(workers->report.accepted), static_cast<long long>(workers->report.rejected));
  if (!opt.dedupe_only) {
    std::printf("Extract persons (%s): %lld; true links (registry rows whose person is in the extract): %lld.\n\n",
                opt.period.c_str(), static_cast<long long>(extract_persons), static_cast<long long>(true_links));
    std::printf("| method | tp | fp | fn | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
    auto row = [](const char* name, const Score& s) {
      std::printf("| %s | %lld | %lld | %lld | %.4f | %.4f | %.4f |\n", name, static_cast<long long>(s.tp),
                  static_cast<long long>(s.fp), static_cast<long long>(s.fn), s.precision(), s.recall(), s.f1());
    };
    row("exact NIK only", exact);
    row("exact + probabilistic (match band)", prob);
    row("exact + probabilistic (match + review)", prob_review);
    row("probabilistic alone, all rows (match band)", full_link);
    std::printf("\nReview band: %lld pairs. Link step: %lld x %lld records, %lld comparisons in %.2f s "
                "(%.0f comparisons/s, %.0f records/s).\n",
                static_cast<long long>(review_pairs), static_cast<long long>(link_left),
                static_cast<long long>(link_right), static_cast<long long>(link_comparisons), link_wall,
                static_cast<double>(link_comparisons) / link_wall,
                static_cast<double>(link_left + link_right) / link_wall);
    std::printf("\nProbabilistic misses (fn) and false links (fp) by the registry row's error kinds "
                "(a row may have several):\n\n| kind | fn | fp |\n|---|---:|---:|\n");
    for (int k = 0; k <= kKindCount; ++k) {
      if (fn_by_kind[static_cast<size_t>(k)] == 0 && fp_by_kind[static_cast<size_t>(k)] == 0) continue;
      std::printf("| %s | %lld | %lld |\n", k < kKindCount ? kKinds[k] : "none (registry row clean)",
                  static_cast<long long>(fn_by_kind[static_cast<size_t>(k)]),
                  static_cast<long long>(fp_by_kind[static_cast<size_t>(k)]));
    }
  }
  if (!opt.dedupe_only) PrintTopLevels("Probabilistic false links, most frequent comparison levels", json["link_fp_levels"]);
  std::printf("\nDedupe of %lld registry rows: %lld true duplicate pairs; %lld comparisons in %.2f s "
              "(%.0f comparisons/s, %.0f records/s).\n\n",
              static_cast<long long>(n_workers), static_cast<long long>(true_dup_pairs),
              static_cast<long long>(dedupe->stats.comparisons), dedupe_wall,
              static_cast<double>(dedupe->stats.comparisons) / dedupe_wall,
              static_cast<double>(n_workers) / dedupe_wall);
  std::printf("| dedupe | tp | fp | fn | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
  std::printf("| match band | %lld | %lld | %lld | %.4f | %.4f | %.4f |\n", static_cast<long long>(dd.tp),
              static_cast<long long>(dd.fp), static_cast<long long>(dd.fn), dd.precision(), dd.recall(), dd.f1());
  std::printf("| match + review | %lld | %lld | %lld | %.4f | %.4f | %.4f |\n\n", static_cast<long long>(dd_review.tp),
              static_cast<long long>(dd_review.fp), static_cast<long long>(dd_review.fn), dd_review.precision(),
              dd_review.recall(), dd_review.f1());
  PrintTopLevels("Dedupe false pairs (match band), most frequent comparison levels", json["dedupe"]["fp_levels"]);
  if (!json["dedupe"]["nik_weights"].empty()) {
    std::printf("\nDedupe model: the NIK's u and weight log2(m/u) by context (%d EM iterations%s):\n\n"
                "| context | nik.one_edit | nik.two_edits | nik.serial_differs |\n|---|---:|---:|---:|\n",
                dedupe->model.iterations, dedupe->model.converged ? "" : ", not converged");
    for (const auto& row : json["dedupe"]["nik_weights"]) {
      std::printf("| %s |", row["context"].get<std::string>().c_str());
      for (const char* level : {"nik.one_edit", "nik.two_edits", "nik.serial_differs"})
        std::printf(" u %.2g, %+.1f |", row[level]["u"].get<double>(), row[level]["weight"].get<double>());
      std::printf("\n");
    }
  }
  std::printf("\nJSON %s\n", json.dump().c_str());
  return 0;
}

}  // namespace
}  // namespace cakupan

int main(int argc, char** argv) {
  cakupan::Options opt;
  opt.regions = std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/wilayah.csv";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") {
      opt.data = value();
    } else if (a == "--period") {
      opt.period = value();
    } else if (a == "--regions") {
      opt.regions = value();
    } else if (a == "--threads") {
      opt.threads = std::atoi(value().c_str());
    } else if (a == "--label") {
      opt.label = value();
    } else if (a == "--dedupe-only") {
      opt.dedupe_only = true;
    } else {
      std::fprintf(stderr,
                   "usage: cakupan_linkage_bench --data DIR --period YYYY-MM [--regions wilayah.csv] [--threads N] "
                   "[--dedupe-only] [--label TEXT]\n");
      return 2;
    }
  }
  if (opt.data.empty() || opt.period.empty()) {
    std::fprintf(stderr, "--data and --period are required\n");
    return 2;
  }
  return cakupan::Run(opt);
}
