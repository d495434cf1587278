#include "engine/breakdown.h"

#include <algorithm>
#include <tuple>

#include "base/i18n.h"
#include "base/strings.h"
#include "engine/region_order.h"

namespace cakupan {

namespace {

// Every dimension has a fixed list of groups, so a row is counted by index
// (no strings per row). The last group of each list ("none"/"unknown") is
// shown only when some row falls in it.
constexpr int kMaxGroups = 11;

int GroupCount(Dimension d) {
  switch (d) {
    case Dimension::kSegment: return 5;        // PU, BPU, Jakon, PMI, none
    case Dimension::kSex: return 3;            // L, P, unknown
    case Dimension::kFormality: return 3;      // formal, informal, unknown
    case Dimension::kAgeBand: return 8;        // <15, 15-24, ..., 65+, unknown
    case Dimension::kVulnerability: return 3;  // rentan, tidak_rentan, unknown
    case Dimension::kDecile: return 11;        // 1..10, unknown
  }
  return 0;
}

const char* kAgeBands[] = {"<15", "15-24", "25-34", "35-44", "45-54", "55-64", "65+"};

std::pair<std::string, std::string> GroupKeyLabel(Dimension d, int g) {
  const int last = GroupCount(d) - 1;
  if (g == last) {
    if (d == Dimension::kSegment) return {"none", Tr("No membership", "Tanpa kepesertaan")};
    return {"unknown", Tr("Unknown", "Tidak diketahui")};
  }
  switch (d) {
    case Dimension::kSegment: {
      const char* code = SegmentCode(static_cast<Segment>(g + 1));
      return {code, code};
    }
    case Dimension::kSex:
      return g == 0 ? std::pair<std::string, std::string>{"L", Tr("Male", "Laki-laki")}
                    : std::pair<std::string, std::string>{"P", Tr("Female", "Perempuan")};
    case Dimension::kFormality:
      return g == 0 ? std::pair<std::string, std::string>{"formal", "Formal"}
                    : std::pair<std::string, std::string>{"informal", "Informal"};
    case Dimension::kAgeBand: return {kAgeBands[g], kAgeBands[g]};
    case Dimension::kVulnerability:
      return g == 0 ? std::pair<std::string, std::string>{"rentan", Tr("Vulnerable", "Rentan")}
                    : std::pair<std::string, std::string>{"tidak_rentan", Tr("Not vulnerable", "Tidak rentan")};
    case Dimension::kDecile:
      return {std::to_string(g + 1), std::string(Tr("Decile ", "Desil ")) + std::to_string(g + 1)};
  }
  return {"", ""};
}

// Age bands by comparing birth dates with precomputed thresholds: age >= A
// at `on` iff birth <= the same day A years earlier (29 February -> 28).
class AgeBander {
 public:
  explicit AgeBander(Date on) : on_(on) {
    const CivilDate c = CivilFromDate(on);
    auto years_before = [&](int a) {
      const int y = c.year - a;
      const int d = std::min(c.day, DaysInMonth(y, c.month));
      return DateFromCivil(y, c.month, d);
    };
    for (int k = 0; k < 6; ++k) threshold_[k] = years_before(15 + 10 * k);  // 15, 25, ..., 65
    oldest_ = years_before(121);
  }
  int Band(Date birth) const {
    if (birth == kNoDate || birth > on_ || birth <= oldest_) return 7;  // unknown
    int band = 0;
    for (int k = 0; k < 6; ++k) band += birth <= threshold_[k] ? 1 : 0;
    return band;  // 0 = <15, 1 = 15-24, ..., 6 = 65+
  }

 private:
  Date on_;
  Date threshold_[6];
  Date oldest_;
};

int SexGroup(uint8_t s) { return s == static_cast<uint8_t>(Sex::kMale) ? 0 : s == static_cast<uint8_t>(Sex::kFemale) ? 1 : 2; }
int FormalityGroup(uint8_t f) {
  return f == static_cast<uint8_t>(Formality::kFormal) ? 0 : f == static_cast<uint8_t>(Formality::kInformal) ? 1 : 2;
}
int SegmentGroup(Segment s) { return s == Segment::kNone ? 4 : static_cast<int>(s) - 1; }
int VulnerabilityGroup(uint8_t v) {
  return v == static_cast<uint8_t>(Vulnerability::kVulnerable) ? 0
         : v == static_cast<uint8_t>(Vulnerability::kNotVulnerable) ? 1
                                                                      : 2;
}
int DecileGroup(uint8_t d) { return d >= 1 && d <= 10 ? d - 1 : 10; }

using Tally = BreakdownTallies::Tally;
static_assert(BreakdownTallies::kMaxGroups == kMaxGroups);

}  // namespace

const char* DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kSegment: return "segment";
    case Dimension::kSex: return "sex";
    case Dimension::kFormality: return "formality";
    case Dimension::kAgeBand: return "age_band";
    case Dimension::kVulnerability: return "vulnerability";
    case Dimension::kDecile: return "decile";
  }
  return "";
}

const char* DimensionLabel(Dimension d) {
  switch (d) {
    case Dimension::kSegment: return Tr("membership segment", "segmen kepesertaan");
    case Dimension::kSex: return Tr("sex", "jenis kelamin");
    case Dimension::kFormality: return Tr("formal / informal sector", "sektor formal / informal");
    case Dimension::kAgeBand: return Tr("age group", "kelompok umur");
    case Dimension::kVulnerability: return Tr("vulnerability", "kerentanan");
    case Dimension::kDecile: return Tr("welfare decile", "desil kesejahteraan");
  }
  return "";
}

std::optional<Dimension> ParseDimension(std::string_view text) {
  std::string t = NormalizeKey(text);
  if (t == "segment" || t == "segmen") return Dimension::kSegment;
  if (t == "sex" || t == "jenis_kelamin" || t == "jk" || t == "gender") return Dimension::kSex;
  if (t == "formality" || t == "sektor" || t == "sector" || t == "formal_informal") return Dimension::kFormality;
  if (t == "age_band" || t == "age" || t == "umur" || t == "kelompok_umur" || t == "usia") return Dimension::kAgeBand;
  if (t == "vulnerability" || t == "rentan" || t == "kerentanan") return Dimension::kVulnerability;
  if (t == "decile" || t == "desil") return Dimension::kDecile;
  return std::nullopt;
}

std::string AgeBandKey(Date birth, Date on) {
  const int band = AgeBander(on).Band(birth);
  return band == 7 ? "unknown" : kAgeBands[band];
}

std::vector<int32_t> UnmatchedRegions(const RegionTable& regions, const UnmatchedMembers& u) {
  std::vector<int32_t> out(u.size(), RegionTable::kRoot);
  for (size_t k = 0; k < u.size(); ++k) {
    if (u.region[k] == 0) continue;
    const int32_t r = regions.Find(RegionCode::FromPacked(u.region[k]));
    out[k] = r == RegionTable::kNotFound ? RegionTable::kRoot : r;
  }
  return out;
}

Result<Breakdown> ComputeBreakdown(const CoverageModel& model, const WorkerTable& workers,
                                   const ReconciliationRecord& rec, int32_t region, Dimension dim) {
  if (rec.worker_results.size() != workers.size())
    return Status::FailedPrecondition("reconciliation does not match the worker registry; reconcile again");
  if (workers.size() > 0 && (workers.village.empty() || workers.sex.empty() || workers.birth_date.empty() ||
                             workers.formality.empty() || workers.vulnerability.empty() || workers.decile.empty()))
    return Status::Internal("breakdown needs village, sex, birth_date, formality, vulnerability and decile");
  const std::vector<int32_t> regions_of = WorkerRegions(model.regions(), workers.village);
  const std::vector<int32_t> unmatched_regions = UnmatchedRegions(model.regions(), rec.unmatched);
  BreakdownRows rows;
  rows.region = regions_of;
  rows.sex = workers.sex;
  rows.formality = workers.formality;
  rows.vulnerability = workers.vulnerability;
  rows.decile = workers.decile;
  rows.birth_date = workers.birth_date;
  rows.result = rec.worker_results;
  rows.unmatched_region = unmatched_regions;
  rows.unmatched_sex = rec.unmatched.sex;
  rows.unmatched_segment = rec.unmatched.segment;
  rows.unmatched_status = rec.unmatched.status;
  rows.unmatched_birth_date = rec.unmatched.birth_date;
  return ComputeBreakdown(model, rows, region, dim);
}

Result<BreakdownTallies> CountBreakdowns(const CoverageModel& model, const BreakdownRows& rows, int32_t region) {
  const RegionTable& regions = model.regions();
  const size_t n = rows.region.size();
  if (rows.result.size() != n || rows.sex.size() != n || rows.formality.size() != n ||
      rows.vulnerability.size() != n || rows.decile.size() != n || rows.birth_date.size() != n)
    return Status::Internal("breakdown rows: columns of different lengths");
  const bool labour_force = model.basis() == Basis::kLabourForce;
  const AgeBander ages(model.period().LastDay());
  BreakdownTallies out;
  Tally& segment = out.by_dimension[static_cast<int>(Dimension::kSegment)];
  Tally& sex = out.by_dimension[static_cast<int>(Dimension::kSex)];
  Tally& formality = out.by_dimension[static_cast<int>(Dimension::kFormality)];
  Tally& age = out.by_dimension[static_cast<int>(Dimension::kAgeBand)];
  Tally& vulnerability = out.by_dimension[static_cast<int>(Dimension::kVulnerability)];
  Tally& decile = out.by_dimension[static_cast<int>(Dimension::kDecile)];

  // Registry workers in the region.
  const int32_t end = regions.subtree_end(region);
  for (size_t w = 0; w < n; ++w) {
    const int32_t r = rows.region[w];
    if (r < region || r >= end) continue;
    const uint8_t result = rows.result[w];
    if (ResultCountedElsewhere(result)) continue;  // a duplicate row: its worker counts at another row
    const Segment s = ResultSegment(result);
    // Labour-force basis: participants by segment (formal = PU, Jakon, PMI).
    const int f = labour_force && s != Segment::kNone ? (SegmentIsFormal(s) ? 0 : 1) : FormalityGroup(rows.formality[w]);
    const int groups[6] = {SegmentGroup(s),       SexGroup(rows.sex[w]),
                           f,                     ages.Band(rows.birth_date[w]),
                           VulnerabilityGroup(rows.vulnerability[w]), DecileGroup(rows.decile[w])};
    Tally* tallies[6] = {&segment, &sex, &formality, &age, &vulnerability, &decile};
    const WorkerStatus st = ResultStatus(result);
    for (int d = 0; d < 6; ++d) {
      Tally& t = *tallies[d];
      const int g = groups[d];
      ++t.registry[g];
      if (st == WorkerStatus::kActive) ++t.active[g];
      else if (st == WorkerStatus::kNonActive) ++t.non_active[g];
      else ++t.unregistered[g];
    }
  }
  // Unmatched members count on the labour-force basis; vulnerability and
  // decile are unknown for them.
  if (labour_force) {
    for (size_t k = 0; k < rows.unmatched_region.size(); ++k) {
      const int32_t r = rows.unmatched_region[k];
      if (r < region || r >= end) continue;
      const Segment s = static_cast<Segment>(rows.unmatched_segment[k]);
      const int groups[6] = {SegmentGroup(s), SexGroup(rows.unmatched_sex[k]), SegmentIsFormal(s) ? 0 : 1,
                             ages.Band(rows.unmatched_birth_date[k]), 2, 10};
      const bool active = rows.unmatched_status[k] == static_cast<uint8_t>(MembershipStatus::kActive);
      for (int d = 0; d < 6; ++d) ++(active ? out.by_dimension[d].active : out.by_dimension[d].non_active)[groups[d]];
    }
  }
  return out;
}

Breakdown FinishBreakdown(const CoverageModel& model, int32_t region, Dimension dim, const BreakdownTallies& tallies) {
  const Basis basis = model.basis();
  const Tally& t = tallies.by_dimension[static_cast<int>(dim)];
  Breakdown out;
  out.dimension = dim;
  out.basis = basis;
  out.period = model.period();
  out.region = model.Row(region);
  const int groups = GroupCount(dim);
  int64_t total_active = 0;
  for (int g = 0; g < groups; ++g) total_active += t.active[g];
  for (int g = 0; g < groups; ++g) {
    const bool optional = g == groups - 1;
    if (optional && t.registry[g] == 0 && t.active[g] == 0 && t.non_active[g] == 0) continue;
    BreakdownRow row;
    std::tie(row.key, row.label) = GroupKeyLabel(dim, g);
    row.active = t.active[g];
    row.non_active = t.non_active[g];
    row.unregistered = t.unregistered[g];
    if (basis == Basis::kRegistry) {
      if (dim != Dimension::kSegment && t.registry[g] > 0) row.denominator = t.registry[g];
    } else if (dim == Dimension::kFormality && g < 2) {
      const int64_t lf = model.LabourForce(region, g == 0 ? 1 : 2);
      if (lf > 0) row.denominator = lf;
    }
    if (row.denominator) row.coverage = static_cast<double>(row.active) / static_cast<double>(*row.denominator);
    row.share_of_active = total_active > 0 ? static_cast<double>(row.active) / static_cast<double>(total_active) : 0;
    out.rows.push_back(std::move(row));
  }
  if (basis == Basis::kRegistry) {
    out.note = dim == Dimension::kSegment
                   ? Tr("registry workers by the segment of their deciding membership",
                        "pekerja terdata menurut segmen kepesertaan penentu")
                   : Tr("denominator: registry workers in each group", "penyebut: pekerja terdata di tiap kelompok");
  } else {
    out.note = dim == Dimension::kFormality
                   ? Tr("formal = PU + Jakon + PMI against BPS formal employed; informal = BPU against BPS informal "
                        "employed",
                        "formal = PU + Jakon + PMI terhadap pekerja formal BPS; informal = BPU terhadap pekerja "
                        "informal BPS")
                   : Tr("labour-force figures have no denominator per group: counts and shares only",
                        "data angkatan kerja tidak memiliki penyebut per kelompok: hanya jumlah dan proporsi");
  }
  return out;
}

Result<Breakdown> ComputeBreakdown(const CoverageModel& model, const BreakdownRows& rows, int32_t region,
                                   Dimension dim) {
  CAKUPAN_ASSIGN_OR_RETURN(BreakdownTallies tallies, CountBreakdowns(model, rows, region));
  return FinishBreakdown(model, region, dim, tallies);
}

}  // namespace cakupan
