#include "engine/breakdown.h"

#include <map>

#include "base/i18n.h"
#include "base/strings.h"

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

Result<Breakdown> ComputeBreakdown(const CoverageModel& model, const WorkerTable& workers,
                                   const ReconciliationRecord& rec, int32_t region, Dimension dim) {
  const RegionTable& regions = model.regions();
  if (rec.worker_results.size() != workers.size())
    return Status::FailedPrecondition("reconciliation does not match the worker registry; reconcile again");
  if (workers.size() > 0 && (workers.village.empty() || workers.sex.empty() || workers.birth_date.empty() ||
                             workers.formality.empty() || workers.vulnerability.empty() || workers.decile.empty()))
    return Status::Internal("breakdown needs village, sex, birth_date, formality, vulnerability and decile");
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
  for (size_t w = 0; w < workers.size(); ++w) {
    const RegionCode v = RegionCode::FromPacked(workers.village[w]);
    int32_t r = regions.Find(v);
    if (r == RegionTable::kNotFound) r = regions.FindNearestListed(v);
    if (r < region || r >= end) continue;
    const WorkerStatus st = ResultStatus(rec.worker_results[w]);
    std::pair<std::string, std::string> g;
    switch (dim) {
      case Dimension::kSegment: g = SegmentGroup(ResultSegment(rec.worker_results[w])); break;
      case Dimension::kSex: g = SexGroup(static_cast<Sex>(workers.sex[w])); break;
      case Dimension::kFormality:
        if (basis == Basis::kLabourForce) {
          const Segment s = ResultSegment(rec.worker_results[w]);
          g = s == Segment::kNone ? FormalityGroup(static_cast<Formality>(workers.formality[w]))
                                  : FormalityGroup(SegmentIsFormal(s) ? Formality::kFormal : Formality::kInformal);
        } else {
          g = FormalityGroup(static_cast<Formality>(workers.formality[w]));
        }
        break;
      case Dimension::kAgeBand: g = AgeGroup(workers.birth_date[w], on); break;
      case Dimension::kVulnerability: g = VulnerabilityGroup(static_cast<Vulnerability>(workers.vulnerability[w])); break;
      case Dimension::kDecile: g = DecileGroup(workers.decile[w]); break;
    }
    Group& grp = groups.Get(g.first, g.second);
    ++grp.registry;
    if (st == WorkerStatus::kActive) ++grp.active;
    else if (st == WorkerStatus::kNonActive) ++grp.non_active;
    else ++grp.unregistered;
  }
  // Unmatched members count on the labour-force basis.
  if (basis == Basis::kLabourForce) {
    const UnmatchedMembers& u = rec.unmatched;
    for (size_t k = 0; k < u.size(); ++k) {
      if (u.region[k] == 0 && region != RegionTable::kRoot) continue;
      const int32_t r = u.region[k] == 0 ? RegionTable::kRoot : regions.Find(RegionCode::FromPacked(u.region[k]));
      if (r == RegionTable::kNotFound || r < region || r >= end) continue;
      const Segment s = static_cast<Segment>(u.segment[k]);
      std::pair<std::string, std::string> g;
      switch (dim) {
        case Dimension::kSegment: g = SegmentGroup(s); break;
        case Dimension::kSex: g = SexGroup(static_cast<Sex>(u.sex[k])); break;
        case Dimension::kFormality: g = FormalityGroup(SegmentIsFormal(s) ? Formality::kFormal : Formality::kInformal); break;
        case Dimension::kAgeBand: g = AgeGroup(u.birth_date[k], on); break;
        case Dimension::kVulnerability: g = VulnerabilityGroup(Vulnerability::kUnknown); break;
        case Dimension::kDecile: g = DecileGroup(0); break;
      }
      Group& grp = groups.Get(g.first, g.second);
      if (u.status[k] == static_cast<uint8_t>(MembershipStatus::kActive)) ++grp.active;
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
