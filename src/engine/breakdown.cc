#include "engine/breakdown.h"

#include <map>

#include "base/i18n.h"
#include "base/strings.h"
#include "engine/region_order.h"

namespace cakupan {

namespace {

struct Group {
  std::string key;
  std::string label;
  int64_t registry = 0;
  int64_t active = 0;
  int64_t non_active = 0;
  int64_t unregistered = 0;
};

// Ordered set of groups for a dimension; keys are created in display order.
class Groups {
 public:
  Group& Get(const std::string& key, const std::string& label) {
    auto it = index_.find(key);
    if (it != index_.end()) return groups_[it->second];
    index_.emplace(key, groups_.size());
    groups_.push_back(Group{key, label});
    return groups_.back();
  }
  std::vector<Group>& all() { return groups_; }

 private:
  std::map<std::string, size_t> index_;
  std::vector<Group> groups_;
};

const char* kAgeBands[] = {"<15", "15-24", "25-34", "35-44", "45-54", "55-64", "65+"};

std::pair<std::string, std::string> SegmentGroup(Segment s) {
  if (s == Segment::kNone) return {"none", Tr("No membership", "Tanpa kepesertaan")};
  return {SegmentCode(s), SegmentCode(s)};
}

std::pair<std::string, std::string> SexGroup(Sex s) {
  if (s == Sex::kMale) return {"L", Tr("Male", "Laki-laki")};
  if (s == Sex::kFemale) return {"P", Tr("Female", "Perempuan")};
  return {"unknown", Tr("Unknown", "Tidak diketahui")};
}

std::pair<std::string, std::string> FormalityGroup(Formality f) {
  if (f == Formality::kFormal) return {"formal", "Formal"};
  if (f == Formality::kInformal) return {"informal", "Informal"};
  return {"unknown", Tr("Unknown", "Tidak diketahui")};
}

std::pair<std::string, std::string> AgeGroup(Date birth, Date on) {
  std::string k = AgeBandKey(birth, on);
  if (k == "unknown") return {k, Tr("Unknown", "Tidak diketahui")};
  return {k, k};
}

std::pair<std::string, std::string> VulnerabilityGroup(Vulnerability v) {
  if (v == Vulnerability::kVulnerable) return {"rentan", Tr("Vulnerable", "Rentan")};
  if (v == Vulnerability::kNotVulnerable) return {"tidak_rentan", Tr("Not vulnerable", "Tidak rentan")};
  return {"unknown", Tr("Unknown", "Tidak diketahui")};
}

std::pair<std::string, std::string> DecileGroup(uint8_t d) {
  if (d >= 1 && d <= 10) return {std::to_string(d), std::string(Tr("Decile ", "Desil ")) + std::to_string(d)};
  return {"unknown", Tr("Unknown", "Tidak diketahui")};
}

void Preseed(Groups& g, Dimension dim) {
  switch (dim) {
    case Dimension::kSegment:
      for (Segment s : {Segment::kPU, Segment::kBPU, Segment::kJakon, Segment::kPMI}) {
        auto [k, l] = SegmentGroup(s);
        g.Get(k, l);
      }
      break;
    case Dimension::kSex:
      for (Sex s : {Sex::kMale, Sex::kFemale}) {
        auto [k, l] = SexGroup(s);
        g.Get(k, l);
      }
      break;
    case Dimension::kFormality:
      for (Formality f : {Formality::kFormal, Formality::kInformal}) {
        auto [k, l] = FormalityGroup(f);
        g.Get(k, l);
      }
      break;
    case Dimension::kAgeBand:
      for (const char* b : kAgeBands) g.Get(b, b);
      break;
    case Dimension::kVulnerability:
      for (Vulnerability v : {Vulnerability::kVulnerable, Vulnerability::kNotVulnerable}) {
        auto [k, l] = VulnerabilityGroup(v);
        g.Get(k, l);
      }
      break;
    case Dimension::kDecile:
      for (uint8_t d = 1; d <= 10; ++d) {
        auto [k, l] = DecileGroup(d);
        g.Get(k, l);
      }
      break;
  }
}

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
  if (birth == kNoDate) return "unknown";
  const int age = AgeOn(birth, on);
  if (age < 0 || age > 120) return "unknown";
  if (age < 15) return "<15";
  if (age >= 65) return "65+";
  const int lo = 15 + (age - 15) / 10 * 10;
  return std::to_string(lo) + "-" + std::to_string(lo + 9);
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

Result<Breakdown> ComputeBreakdown(const CoverageModel& model, const BreakdownRows& rows, int32_t region,
                                   Dimension dim) {
  const RegionTable& regions = model.regions();
  const size_t n = rows.region.size();
  if (rows.result.size() != n || rows.sex.size() != n || rows.formality.size() != n ||
      rows.vulnerability.size() != n || rows.decile.size() != n || rows.birth_date.size() != n)
    return Status::Internal("breakdown rows: columns of different lengths");
  const Basis basis = model.basis();
  const Date on = model.period().LastDay();
  Breakdown out;
  out.dimension = dim;
  out.basis = basis;
  out.period = model.period();
  out.region = model.Row(region);
  Groups groups;
  Preseed(groups, dim);

  // Registry workers in the region.
  const int32_t end = regions.subtree_end(region);
  for (size_t w = 0; w < n; ++w) {
    const int32_t r = rows.region[w];
    if (r < region || r >= end) continue;
    const WorkerStatus st = ResultStatus(rows.result[w]);
    std::pair<std::string, std::string> g;
    switch (dim) {
      case Dimension::kSegment: g = SegmentGroup(ResultSegment(rows.result[w])); break;
      case Dimension::kSex: g = SexGroup(static_cast<Sex>(rows.sex[w])); break;
      case Dimension::kFormality:
        if (basis == Basis::kLabourForce) {
          const Segment s = ResultSegment(rows.result[w]);
          g = s == Segment::kNone ? FormalityGroup(static_cast<Formality>(rows.formality[w]))
                                  : FormalityGroup(SegmentIsFormal(s) ? Formality::kFormal : Formality::kInformal);
        } else {
          g = FormalityGroup(static_cast<Formality>(rows.formality[w]));
        }
        break;
      case Dimension::kAgeBand: g = AgeGroup(rows.birth_date[w], on); break;
      case Dimension::kVulnerability: g = VulnerabilityGroup(static_cast<Vulnerability>(rows.vulnerability[w])); break;
      case Dimension::kDecile: g = DecileGroup(rows.decile[w]); break;
    }
    Group& grp = groups.Get(g.first, g.second);
    ++grp.registry;
    if (st == WorkerStatus::kActive) ++grp.active;
    else if (st == WorkerStatus::kNonActive) ++grp.non_active;
    else ++grp.unregistered;
  }
  // Unmatched members count on the labour-force basis.
  if (basis == Basis::kLabourForce) {
    for (size_t k = 0; k < rows.unmatched_region.size(); ++k) {
      const int32_t r = rows.unmatched_region[k];
      if (r < region || r >= end) continue;
      const Segment s = static_cast<Segment>(rows.unmatched_segment[k]);
      std::pair<std::string, std::string> g;
      switch (dim) {
        case Dimension::kSegment: g = SegmentGroup(s); break;
        case Dimension::kSex: g = SexGroup(static_cast<Sex>(rows.unmatched_sex[k])); break;
        case Dimension::kFormality: g = FormalityGroup(SegmentIsFormal(s) ? Formality::kFormal : Formality::kInformal); break;
        case Dimension::kAgeBand: g = AgeGroup(rows.unmatched_birth_date[k], on); break;
        case Dimension::kVulnerability: g = VulnerabilityGroup(Vulnerability::kUnknown); break;
        case Dimension::kDecile: g = DecileGroup(0); break;
      }
      Group& grp = groups.Get(g.first, g.second);
      if (rows.unmatched_status[k] == static_cast<uint8_t>(MembershipStatus::kActive)) ++grp.active;
      else ++grp.non_active;
    }
  }
  int64_t total_active = 0;
  for (const Group& g : groups.all()) total_active += g.active;
  for (const Group& g : groups.all()) {
    BreakdownRow row;
    row.key = g.key;
    row.label = g.label;
    row.active = g.active;
    row.non_active = g.non_active;
    row.unregistered = g.unregistered;
    if (basis == Basis::kRegistry) {
      if (dim != Dimension::kSegment && g.registry > 0) row.denominator = g.registry;
    } else if (dim == Dimension::kFormality && (g.key == "formal" || g.key == "informal")) {
      const int64_t lf = model.LabourForce(region, g.key == "formal" ? 1 : 2);
      if (lf > 0) row.denominator = lf;
    }
    if (row.denominator) row.coverage = static_cast<double>(row.active) / static_cast<double>(*row.denominator);
    row.share_of_active = total_active > 0 ? static_cast<double>(g.active) / static_cast<double>(total_active) : 0;
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

}  // namespace cakupan
