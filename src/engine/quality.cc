#include "engine/quality.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/i18n.h"
#include "base/parallel.h"
#include "domain/nik.h"
#include "engine/name_check.h"

namespace cakupan {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using F = QualityFinding;

const std::array<QualityFindingInfo, kQualityFindingCount> kFindings = {{
    {F::kNikEmpty, "nik_empty", "nik", "NIK empty", "NIK kosong", ShareOf::kRegistry, true},
    {F::kNikWrongLength, "nik_wrong_length", "nik", "NIK not 16 characters", "NIK tidak 16 karakter", ShareOf::kRegistry, true},
    {F::kNikNotDigits, "nik_not_digits", "nik", "NIK with letters or symbols", "NIK berisi huruf/simbol", ShareOf::kRegistry, true},
    {F::kNikBadRegion, "nik_bad_region", "nik", "NIK region part 00", "Kode wilayah NIK 00", ShareOf::kRegistry, true},
    {F::kNikBadDay, "nik_bad_day", "nik", "NIK birth day impossible", "Tanggal lahir NIK mustahil", ShareOf::kRegistry, true},
    {F::kNikBadMonth, "nik_bad_month", "nik", "NIK birth month impossible", "Bulan lahir NIK mustahil", ShareOf::kRegistry, true},
    {F::kNikImpossibleDate, "nik_impossible_date", "nik", "NIK date does not exist", "Tanggal NIK tidak ada", ShareOf::kRegistry, true},
    {F::kNikSerialZero, "nik_serial_zero", "nik", "NIK serial 0000", "Nomor urut NIK 0000", ShareOf::kRegistry, true},
    {F::kNikExcelNumber, "nik_excel_number", "nik", "NIK turned into an Excel number", "NIK jadi angka Excel (E+15)", ShareOf::kRegistry, true},
    {F::kNikSexMismatch, "nik_sex_mismatch", "nik_contradiction", "Sex differs from NIK", "Jenis kelamin beda dengan NIK", ShareOf::kRegistry, true},
    {F::kNikBirthDateMismatch, "nik_birth_date_mismatch", "nik_contradiction", "Birth date differs from NIK", "Tanggal lahir beda dengan NIK", ShareOf::kRegistry, true},
    {F::kNikDistrictUnknown, "nik_district_unknown", "nik_contradiction", "NIK district not listed", "Kecamatan NIK tidak terdaftar", ShareOf::kRegistry, true},
    {F::kAgeUnder, "age_under_15", "age", "Age under 15", "Umur di bawah 15", ShareOf::kRegistry, true},
    {F::kAgeOver, "age_over_75", "age", "Age over 75", "Umur di atas 75", ShareOf::kRegistry, true},
    {F::kBirthDateUnknown, "birth_date_unknown", "age", "Birth date unknown", "Tanggal lahir tidak diketahui", ShareOf::kRegistry, false},
    {F::kBirthDateInvalid, "birth_date_invalid", "age", "Birth date written is no date", "Tanggal lahir tidak valid", ShareOf::kRegistry, true},
    {F::kNameMissing, "name_missing", "name", "Name empty", "Nama kosong", ShareOf::kRegistry, true},
    {F::kNameBadCharacters, "name_bad_characters", "name", "Name with digits or symbols", "Nama berisi angka/simbol", ShareOf::kRegistry, true},
    {F::kNameAllCaps, "name_all_caps", "name", "Name in capitals (info)", "Nama huruf kapital (info)", ShareOf::kRegistry, false},
    {F::kDuplicate, "duplicate_probable", "duplicate", "Probable duplicate", "Kemungkinan ganda", ShareOf::kRegistry, true},
    {F::kNikInvalid, "nik_invalid", "nik", "NIK missing or invalid", "NIK kosong/tidak valid", ShareOf::kRegistry, false},
    {F::kDuplicatePairsCrossVillage, "duplicate_pairs_cross_village", "duplicate", "Duplicate pairs across villages", "Pasangan ganda lintas desa", ShareOf::kNone, false},
    {F::kMembersNotInRegistry, "members_not_in_registry", "membership", "Active members not in registry", "Peserta aktif tidak terdata", ShareOf::kActiveParticipants, false},
    {F::kMembersNotInRegistryNonActive, "members_not_in_registry_non_active", "membership", "Non-active members not in registry", "Peserta non-aktif tidak terdata", ShareOf::kNone, false},
    {F::kMemberNameMissing, "member_name_missing", "member_data", "Extract: name empty", "Data BPJS: nama kosong", ShareOf::kMemberships, false},
    {F::kMemberNameBadCharacters, "member_name_bad_characters", "member_data", "Extract: name with digits or symbols", "Data BPJS: nama berisi angka/simbol", ShareOf::kMemberships, false},
    {F::kMemberNameAllCaps, "member_name_all_caps", "member_data", "Extract: name in capitals (info)", "Data BPJS: nama huruf kapital (info)", ShareOf::kMemberships, false},
    {F::kMemberBirthDateInvalid, "member_birth_date_invalid", "member_data", "Extract: birth date is no date", "Data BPJS: tanggal lahir tidak valid", ShareOf::kMemberships, false},
    {F::kCoverageAbove100, "coverage_above_100", "coverage", "Regions with coverage > 100%", "Wilayah cakupan > 100%", ShareOf::kNone, false},
    {F::kVillagesEmpty, "villages_empty", "enumeration", "Villages not enumerated", "Desa belum didata", ShareOf::kVillages, false},
    {F::kVillageCountHigh, "village_count_high", "enumeration", "Villages far above district", "Desa jauh di atas kecamatan", ShareOf::kVillages, false},
    {F::kVillageCountLow, "village_count_low", "enumeration", "Villages far below district", "Desa jauh di bawah kecamatan", ShareOf::kVillages, false},
    {F::kEnumerationLow, "enumeration_low", "enumeration", "Regencies enumerated < 50% of employed", "Kab/kota terdata < 50% penduduk bekerja", ShareOf::kNone, false},
    {F::kEnumerationHigh, "enumeration_high", "enumeration", "Regencies enumerated > 100% of employed", "Kab/kota terdata > 100% penduduk bekerja", ShareOf::kNone, false},
    {F::kIncomplete, "incomplete", "completeness", "Rows with an empty field", "Baris dengan isian kosong", ShareOf::kRegistry, false},
}};

constexpr int Col(QualityFinding f) { return static_cast<int>(f); }

// The villages of district `d` in code order (contiguous after d).
int32_t SafeParent(const RegionTable& r, int32_t i) { return i <= 0 ? RegionTable::kNotFound : r.parent(i); }

}  // namespace

const std::array<QualityFindingInfo, kQualityFindingCount>& QualityFindings() { return kFindings; }
const QualityFindingInfo& FindingInfo(QualityFinding f) { return kFindings[static_cast<size_t>(f)]; }

std::optional<QualityFinding> ParseQualityFinding(std::string_view code) {
  for (const auto& f : kFindings)
    if (code == f.code) return f.finding;
  return std::nullopt;
}

const char* QualityFieldCode(QualityField f) {
  switch (f) {
    case QualityField::kName: return "name";
    case QualityField::kSex: return "sex";
    case QualityField::kBirthDate: return "birth_date";
    case QualityField::kSector: return "sector";
    case QualityField::kOccupation: return "occupation";
    case QualityField::kDecile: return "decile";
    case QualityField::kVulnerability: return "vulnerability";
    case QualityField::kCount: break;
  }
  return "";
}

const char* QualityFieldLabel(QualityField f) {
  switch (f) {
    case QualityField::kName: return Tr("name", "nama");
    case QualityField::kSex: return Tr("sex", "jenis kelamin");
    case QualityField::kBirthDate: return Tr("birth date", "tanggal lahir");
    case QualityField::kSector: return Tr("sector", "sektor");
    case QualityField::kOccupation: return Tr("occupation", "pekerjaan");
    case QualityField::kDecile: return Tr("decile", "desil");
    case QualityField::kVulnerability: return Tr("vulnerability", "rentan");
    case QualityField::kCount: break;
  }
  return "";
}

std::optional<QualitySort> ParseQualitySort(std::string_view text) {
  if (text == "score" || text == "skor") return QualitySort::kScore;
  if (text == "code" || text == "kode") return QualitySort::kCode;
  if (text == "workers" || text == "pekerja") return QualitySort::kWorkers;
  return std::nullopt;
}

uint32_t WorkerFindingBits(const WorkerTable& w, size_t i, const RegionTable& regions, Date reference,
                           const QualityConfig& config) {
  uint32_t bits = 0;
  auto set = [&bits](QualityFinding f) { bits |= 1u << static_cast<int>(f); };
  const NikError issue = i < w.nik_issue.size() ? static_cast<NikError>(w.nik_issue[i]) : NikError::kNone;
  const Sex sex = i < w.sex.size() ? static_cast<Sex>(w.sex[i]) : Sex::kUnknown;
  const Date birth = i < w.birth_date.size() ? w.birth_date[i] : kNoDate;
  if (issue != NikError::kNone) {
    const int k = static_cast<int>(issue) - 1;
    if (k >= 0 && k < kQualityNikFindingCount) bits |= 1u << k;
  } else if (!IsSyntheticWorkerKey(w.nik[i])) {
    const int year = reference == kNoDate ? 2000 : CivilFromDate(reference).year;
    NikError err = NikError::kNone;
    if (auto info = DecodeNik(w.nik[i], year, &err)) {
      if (sex != Sex::kUnknown && info->sex != Sex::kUnknown && sex != info->sex) set(F::kNikSexMismatch);
      if (birth != kNoDate && !SameNikBirthDate(birth, info->birth_date)) set(F::kNikBirthDateMismatch);
      if (regions.Find(info->district) == RegionTable::kNotFound) set(F::kNikDistrictUnknown);
    } else if (err != NikError::kNone) {
      // A stored key that no longer decodes: report it like an invalid NIK.
      bits |= 1u << (static_cast<int>(err) - 1);
    }
  }
  if (birth == kNoDate) {
    set(F::kBirthDateUnknown);
  } else if (reference != kNoDate) {
    const int age = birth > reference ? -1 : AgeOn(birth, reference);
    if (age < config.min_age) set(F::kAgeUnder);
    else if (age > config.max_age) set(F::kAgeOver);
  }
  if (i < w.birth_date_raw.size() && !w.birth_date_raw[i].empty()) set(F::kBirthDateInvalid);
  if (i < w.name.size()) {
    const NameCheck name = CheckPersonName(w.name[i]);
    if (name.missing) set(F::kNameMissing);
    if (name.flaw != NameFlaw::kNone) set(F::kNameBadCharacters);
    if (name.all_caps) set(F::kNameAllCaps);
  } else {
    set(F::kNameMissing);
  }
  return bits;
}

bool MembersHaveNames(const MembershipTable& m) { return m.name.byte_size() > 0; }

uint32_t MemberFindingBits(const MembershipTable& m, size_t i, bool names_given) {
  uint32_t bits = 0;
  if (i < m.name.size()) {
    const NameCheck name = CheckPersonName(m.name[i]);
    if (name.missing && names_given) bits |= 1u << 0;
    if (name.flaw != NameFlaw::kNone) bits |= 1u << 1;
    if (name.all_caps) bits |= 1u << 2;
  }
  if (i < m.birth_date_raw.size() && !m.birth_date_raw[i].empty()) bits |= 1u << 3;
  return bits;
}

std::vector<int32_t> AttributeMemberships(const MembershipTable& m, const WorkerTable& w, const RegionTable& regions,
                                          int reference_year) {
  std::vector<int32_t> out(m.size(), RegionTable::kRoot);
  // Worker rows by NIK. Both tables are canonical (sorted by NIK) when they
  // come from storage: then one merge walk, else a sorted index and searches.
  std::vector<uint32_t> order;
  const bool sorted = std::is_sorted(w.nik.begin(), w.nik.end());
  const bool merge = sorted && std::is_sorted(m.nik.begin(), m.nik.end());
  if (!sorted) {
    order.resize(w.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return w.nik[a] < w.nik[b]; });
  }
  size_t cursor = 0;  // merge walk: first worker row whose NIK is not below the member's
  auto find = [&](uint64_t nik) -> int64_t {
    if (merge) {
      while (cursor < w.size() && w.nik[cursor] < nik) ++cursor;
      return cursor < w.size() && w.nik[cursor] == nik ? static_cast<int64_t>(cursor) : -1;
    }
    if (sorted) {
      auto it = std::lower_bound(w.nik.begin(), w.nik.end(), nik);
      return it != w.nik.end() && *it == nik ? it - w.nik.begin() : -1;
    }
    auto it = std::lower_bound(order.begin(), order.end(), nik, [&](uint32_t r, uint64_t k) { return w.nik[r] < k; });
    return it != order.end() && w.nik[*it] == nik ? static_cast<int64_t>(*it) : -1;
  };
  const bool has_village = w.village.size() == w.size(), has_region = m.region.size() == m.size();
  for (size_t i = 0; i < m.size(); ++i) {
    if (i > 0 && m.nik[i] == m.nik[i - 1] && (!has_region || m.region[i] == m.region[i - 1])) {
      out[i] = out[i - 1];  // the same person again
      continue;
    }
    if (const int64_t row = find(m.nik[i]); row >= 0) {
      const int32_t v = has_village ? regions.FindVillage(w.village[row]) : RegionTable::kNotFound;
      out[i] = v == RegionTable::kNotFound ? RegionTable::kRoot : v;
      continue;
    }
    int32_t r = RegionTable::kRoot;
    if (has_region && m.region[i] != 0) r = regions.FindNearestListed(RegionCode::FromPacked(m.region[i]));
    if (r == RegionTable::kRoot) {
      if (const auto info = DecodeNik(m.nik[i], reference_year)) r = regions.FindNearestListed(info->district);
    }
    out[i] = r;
  }
  return out;
}

std::vector<std::optional<double>> RobustZScores(const std::vector<double>& values, int min_values) {
  std::vector<std::optional<double>> out(values.size());
  if (values.empty() || static_cast<int>(values.size()) < min_values) return out;
  auto median_of = [](std::vector<double> v) {
    const size_t n = v.size();
    std::nth_element(v.begin(), v.begin() + n / 2, v.end());
    double m = v[n / 2];
    if (n % 2 == 0) m = (m + *std::max_element(v.begin(), v.begin() + n / 2)) / 2;
    return m;
  };
  const double median = median_of(values);
  std::vector<double> dev(values.size());
  double mean_dev = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    dev[i] = std::fabs(values[i] - median);
    mean_dev += dev[i];
  }
  mean_dev /= static_cast<double>(values.size());
  const double mad = median_of(dev);
  double scale = 0;
  if (mad > 0) scale = mad / 0.6745;
  else if (mean_dev > 0) scale = mean_dev * 1.253314;
  else return out;
  for (size_t i = 0; i < values.size(); ++i) out[i] = (values[i] - median) / scale;
  return out;
}

QualityModel::QualityModel(const RegionTable& regions, QualityConfig config)
    : regions_(regions),
      config_(config),
      counts_(static_cast<size_t>(regions.size()) * kColumns, 0),
      cross_pairs_(regions.size(), 0),
      unmatched_active_(regions.size(), 0),
      unmatched_non_active_(regions.size(), 0),
      active_(regions.size(), 0),
      village_z_(regions.size(), kNaN),
      employed_(regions.size(), -1) {
  coverage_[0].assign(regions.size(), kNaN);
  coverage_[1].assign(regions.size(), kNaN);
  for (int32_t i = 0; i < regions.size(); ++i)
    if (regions.level(i) == RegionLevel::kVillage) At(i, kVillagesCol) = 1;
}

void QualityModel::AddWorkers(const WorkerTable& w, Date reference) {
  reference_ = reference;
  const size_t n = w.size();
  int threads = config_.threads > 0 ? config_.threads : std::min(DefaultThreads(), 4);
  if (n < 200000) threads = 1;
  // Per-thread tallies over every region (int32 is enough per thread: a
  // region has far fewer than 2^31 workers).
  constexpr int kTallyCols = kQualityWorkerFindingCount + 3 + kQualityFieldCount;  // + registry, flagged, complete
  const size_t regions = static_cast<size_t>(regions_.size());
  std::vector<std::vector<int32_t>> parts(threads);
  uint32_t scored_mask = 0;
  for (const auto& f : kFindings)
    if (f.scored && static_cast<int>(f.finding) < kQualityWorkerFindingCount) scored_mask |= 1u << static_cast<int>(f.finding);
  const bool has_occ = w.occupation.size() == n, has_form = w.formality.size() == n, has_dec = w.decile.size() == n,
             has_vul = w.vulnerability.size() == n, has_sex = w.sex.size() == n, has_birth = w.birth_date.size() == n,
             has_name = w.name.size() == n, has_village = w.village.size() == n;
  ParallelRanges(n, threads, [&](int part, size_t begin, size_t end) {
    std::vector<int32_t>& t = parts[part];
    t.assign(regions * kTallyCols, 0);
    int32_t last_village_index = RegionTable::kRoot;
    uint64_t last_village = ~uint64_t{0};
    for (size_t i = begin; i < end; ++i) {
      int32_t r = RegionTable::kRoot;
      if (has_village) {
        if (w.village[i] != last_village) {
          last_village = w.village[i];
          last_village_index = regions_.FindVillage(last_village);
          if (last_village_index == RegionTable::kNotFound) last_village_index = RegionTable::kRoot;
        }
        r = last_village_index;
      }
      int32_t* row = t.data() + static_cast<size_t>(r) * kTallyCols;
      uint32_t bits = WorkerFindingBits(w, i, regions_, reference, config_);
      for (uint32_t b = bits; b != 0; b &= b - 1) ++row[__builtin_ctz(b)];
      row[kQualityWorkerFindingCount] += 1;
      if (bits & scored_mask) row[kQualityWorkerFindingCount + 1] += 1;
      const bool filled[kQualityFieldCount] = {
          has_name && !w.name[i].empty(),
          has_sex && w.sex[i] != static_cast<uint8_t>(Sex::kUnknown),
          has_birth && w.birth_date[i] != kNoDate,
          has_form && w.formality[i] != static_cast<uint8_t>(Formality::kUnknown),
          has_occ && w.occupation[i] != 0,
          has_dec && w.decile[i] != 0,
          has_vul && w.vulnerability[i] != static_cast<uint8_t>(Vulnerability::kUnknown)};
      bool complete = true;
      for (int f = 0; f < kQualityFieldCount; ++f) {
        row[kQualityWorkerFindingCount + 3 + f] += filled[f];
        complete &= filled[f];
      }
      row[kQualityWorkerFindingCount + 2] += complete;
    }
  });
  for (const auto& t : parts) {
    if (t.empty()) continue;
    for (size_t r = 0; r < regions; ++r) {
      const int32_t* row = t.data() + r * kTallyCols;
      const auto idx = static_cast<int32_t>(r);
      for (int c = 0; c < kQualityWorkerFindingCount; ++c) At(idx, c) += row[c];
      At(idx, kRegistryCol) += row[kQualityWorkerFindingCount];
      At(idx, kFlaggedCol) += row[kQualityWorkerFindingCount + 1];
      At(idx, kCompleteCol) += row[kQualityWorkerFindingCount + 2];
      for (int f = 0; f < kQualityFieldCount; ++f) At(idx, kFilledCol + f) += row[kQualityWorkerFindingCount + 3 + f];
      At(idx, Col(F::kIncomplete)) += row[kQualityWorkerFindingCount] - row[kQualityWorkerFindingCount + 2];
    }
  }
}

void QualityModel::AddDuplicatePairs(const WorkerTable& w, const std::vector<std::pair<uint64_t, uint64_t>>& pairs) {
  checked_.duplicates = true;
  // Row of each key: the table is canonical (sorted by key) when it comes
  // from storage; otherwise fall back to a sorted index.
  std::vector<uint32_t> order;
  const bool sorted = std::is_sorted(w.nik.begin(), w.nik.end());
  if (!sorted) {
    order.resize(w.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return w.nik[a] < w.nik[b]; });
  }
  auto find = [&](uint64_t key) -> int64_t {
    if (sorted) {
      auto it = std::lower_bound(w.nik.begin(), w.nik.end(), key);
      return it != w.nik.end() && *it == key ? it - w.nik.begin() : -1;
    }
    auto it = std::lower_bound(order.begin(), order.end(), key, [&](uint32_t r, uint64_t k) { return w.nik[r] < k; });
    return it != order.end() && w.nik[*it] == key ? static_cast<int64_t>(*it) : -1;
  };
  std::vector<uint8_t> marked(w.size(), 0);
  auto region_of = [&](int64_t row) {
    if (w.village.size() != w.size()) return RegionTable::kRoot;
    const int32_t r = regions_.FindVillage(w.village[row]);
    return r == RegionTable::kNotFound ? RegionTable::kRoot : r;
  };
  for (const auto& [a, b] : pairs) {
    const int64_t ra = find(a), rb = find(b);
    if (ra < 0 || rb < 0 || ra == rb) continue;
    for (int64_t r : {ra, rb}) {
      if (!marked[r]) {
        marked[r] = 1;
        At(region_of(r), Col(F::kDuplicate)) += 1;
      }
    }
    const int32_t va = region_of(ra), vb = region_of(rb);
    if (va == vb) continue;
    // Every region containing either village counts the pair once.
    for (int32_t x = va; x != RegionTable::kNotFound; x = SafeParent(regions_, x)) cross_pairs_[x] += 1;
    for (int32_t x = vb; x != RegionTable::kNotFound; x = SafeParent(regions_, x))
      if (!regions_.IsAncestorOrSelf(x, va)) cross_pairs_[x] += 1;
  }
  // A worker marked here may already be flagged for something else: recount
  // `flagged` from scratch is not possible without the bits, so add only
  // the workers whose other findings are unscored. The caller passes the
  // same table as AddWorkers; recompute their bits.
  uint32_t scored_mask = 0;
  for (const auto& f : kFindings)
    if (f.scored && static_cast<int>(f.finding) < kQualityWorkerFindingCount && f.finding != F::kDuplicate)
      scored_mask |= 1u << static_cast<int>(f.finding);
  for (size_t r = 0; r < marked.size(); ++r) {
    if (!marked[r]) continue;
    if ((WorkerFindingBits(w, r, regions_, reference_, config_) & scored_mask) == 0)
      At(region_of(static_cast<int64_t>(r)), kFlaggedCol) += 1;
  }
}

void QualityModel::AddMembers(const MembershipTable& m, const std::vector<int32_t>& region_of_row) {
  checked_.members = true;
  const bool names = MembersHaveNames(m);
  for (size_t i = 0; i < m.size() && i < region_of_row.size(); ++i) {
    const int32_t given = region_of_row[i];
    const int32_t r = given >= 0 && given < regions_.size() ? given : RegionTable::kRoot;
    At(r, kMembershipsCol) += 1;
    for (uint32_t b = MemberFindingBits(m, i, names); b != 0; b &= b - 1)
      At(r, Col(kMemberFindings[__builtin_ctz(b)])) += 1;
  }
}

void QualityModel::AddReconciliation(Period period, const std::vector<RegionCounts>& counts) {
  checked_.reconciliation = true;
  period_ = period;
  for (const RegionCounts& c : counts) {
    const int32_t i = regions_.Find(c.region);
    if (i == RegionTable::kNotFound) continue;
    unmatched_active_[i] = c.unmatched_active;
    unmatched_non_active_[i] = c.unmatched_non_active;
    active_[i] = c.active;
  }
}

void QualityModel::AddCoverage(const CoverageModel& labour_force, const CoverageModel& registry) {
  checked_.coverage = true;
  period_ = labour_force.period();
  const CoverageModel* models[2] = {&labour_force, &registry};
  for (int32_t i = 0; i < regions_.size(); ++i) {
    employed_[i] = labour_force.LabourForce(i, 0);
    bool above = false;
    for (int b = 0; b < 2; ++b) {
      const CoverageRow row = models[b]->Row(i);
      if (row.coverage) coverage_[b][i] = *row.coverage;
      if (row.denominator && row.active > *row.denominator) {
        above = true;
        anomalies_.push_back({regions_.code(i), regions_.name(i), static_cast<Basis>(b), row.active, *row.denominator});
      }
    }
    if (above) At(i, Col(F::kCoverageAbove100)) += 1;
  }
}

void QualityModel::Finish() {
  if (finished_) return;
  finished_ = true;
  // Villages: empty ones, and modified z-scores within each district.
  std::vector<double> values;
  std::vector<int32_t> idx;
  for (int32_t d = 0; d < regions_.size(); ++d) {
    if (regions_.level(d) != RegionLevel::kDistrict) continue;
    values.clear();
    idx.clear();
    for (int32_t v = d + 1; v < regions_.subtree_end(d); ++v) {
      if (regions_.level(v) != RegionLevel::kVillage) continue;
      const int64_t n = At(v, kRegistryCol);
      if (n == 0) {
        At(v, Col(F::kVillagesEmpty)) = 1;
        continue;
      }
      values.push_back(static_cast<double>(n));
      idx.push_back(v);
    }
    const auto z = RobustZScores(values, config_.min_villages_for_z);
    for (size_t k = 0; k < idx.size(); ++k) {
      if (!z[k]) continue;
      village_z_[idx[k]] = *z[k];
      if (*z[k] > config_.z_threshold) At(idx[k], Col(F::kVillageCountHigh)) = 1;
      if (*z[k] < -config_.z_threshold) At(idx[k], Col(F::kVillageCountLow)) = 1;
    }
  }
  // Roll up (children after parents in index order).
  for (int32_t i = regions_.size() - 1; i > 0; --i) {
    const int32_t p = regions_.parent(i);
    for (int c = 0; c < kColumns; ++c) At(p, c) += At(i, c);
  }
  // Regencies against the employed figure (needs the rolled-up registry).
  if (checked_.coverage) {
    for (int32_t i = 0; i < regions_.size(); ++i) {
      if (regions_.level(i) != RegionLevel::kRegency || employed_[i] <= 0) continue;
      const double share = static_cast<double>(At(i, kRegistryCol)) / static_cast<double>(employed_[i]);
      const int col = share < config_.enumeration_low    ? Col(F::kEnumerationLow)
                      : share > config_.enumeration_high ? Col(F::kEnumerationHigh)
                                                         : -1;
      if (col < 0) continue;
      for (int32_t x = i; x != RegionTable::kNotFound; x = SafeParent(regions_, x)) At(x, col) += 1;
    }
  }
  for (int32_t i = 0; i < regions_.size(); ++i) {
    int64_t invalid = 0;
    for (int c = Col(F::kNikEmpty); c <= Col(F::kNikExcelNumber); ++c) invalid += At(i, c);
    At(i, Col(F::kNikInvalid)) = invalid;
  }
}

QualityRow QualityModel::Row(int32_t i) const {
  QualityRow row;
  row.index = i;
  row.code = regions_.code(i);
  row.name = regions_.name(i);
  row.level = regions_.level(i);
  row.registry = At(i, kRegistryCol);
  row.villages = At(i, kVillagesCol);
  row.active = active_[i];
  if (checked_.members) row.memberships = At(i, kMembershipsCol);
  auto ratio = [](int64_t a, int64_t b) -> std::optional<double> {
    if (b <= 0) return std::nullopt;
    return static_cast<double>(a) / static_cast<double>(b);
  };
  for (const auto& f : kFindings) {
    const int c = Col(f.finding);
    std::optional<int64_t> v = At(i, c);
    switch (f.finding) {
      case F::kDuplicate: if (!checked_.duplicates) v.reset(); break;
      case F::kDuplicatePairsCrossVillage: v = checked_.duplicates ? std::optional<int64_t>(cross_pairs_[i]) : std::nullopt; break;
      case F::kMembersNotInRegistry: v = checked_.reconciliation ? std::optional<int64_t>(unmatched_active_[i]) : std::nullopt; break;
      case F::kMembersNotInRegistryNonActive:
        v = checked_.reconciliation ? std::optional<int64_t>(unmatched_non_active_[i]) : std::nullopt;
        break;
      case F::kCoverageAbove100: if (!checked_.coverage) v.reset(); break;
      case F::kMemberNameMissing:
      case F::kMemberNameBadCharacters:
      case F::kMemberNameAllCaps:
      case F::kMemberBirthDateInvalid:
        if (!checked_.members) v.reset();
        break;
      case F::kEnumerationLow:
      case F::kEnumerationHigh:
        if (!checked_.coverage || row.level > RegionLevel::kRegency) v.reset();
        break;
      default: break;
    }
    row.count[c] = v;
    if (!v) continue;
    switch (f.share_of) {
      case ShareOf::kRegistry: row.share[c] = ratio(*v, row.registry); break;
      case ShareOf::kVillages: row.share[c] = ratio(*v, row.villages); break;
      case ShareOf::kActiveParticipants: row.share[c] = ratio(*v, active_[i] + unmatched_active_[i]); break;
      case ShareOf::kMemberships: row.share[c] = ratio(*v, At(i, kMembershipsCol)); break;
      case ShareOf::kNone: break;
    }
  }
  row.flagged = At(i, kFlaggedCol);
  row.flagged_share = ratio(row.flagged, row.registry);
  for (int f = 0; f < kQualityFieldCount; ++f) row.filled[f] = At(i, kFilledCol + f);
  row.complete = At(i, kCompleteCol);
  row.complete_share = ratio(row.complete, row.registry);
  if (!std::isnan(village_z_[i])) row.village_z = village_z_[i];
  if (checked_.coverage) {
    if (employed_[i] >= 0) row.employed = employed_[i];
    if (employed_[i] > 0) row.enumerated_share = ratio(row.registry, employed_[i]);
    if (!std::isnan(coverage_[0][i])) row.coverage_labour_force = coverage_[0][i];
    if (!std::isnan(coverage_[1][i])) row.coverage_registry = coverage_[1][i];
  }
  return row;
}

Result<QualityReport> QualityModel::Report(int32_t region, RegionLevel level, QualitySort sort) const {
  if (region < 0 || region >= regions_.size()) return Status::InvalidArgument("region index out of range");
  if (level < regions_.level(region)) {
    return Status::InvalidArgument(std::string(Tr("level ", "tingkat ")) + RegionLevelName(level) +
                                   Tr(" is above the region's level", " berada di atas tingkat wilayah ini"));
  }
  QualityReport rep;
  rep.period = period_;
  rep.reference_date = reference_;
  rep.config = config_;
  rep.checked = checked_;
  rep.level = level;
  rep.sort = sort;
  rep.region = Row(region);
  if (level != regions_.level(region)) {
    const std::vector<int32_t> rows_at_level = regions_.DescendantsAtLevel(region, level);
    rep.rows.reserve(rows_at_level.size());
    for (int32_t i : rows_at_level) rep.rows.push_back(Row(i));
  }
  // Sort indices, not the rows (a QualityRow is about 1 KB).
  std::vector<uint32_t> order(rep.rows.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  const auto& rows = rep.rows;
  if (sort == QualitySort::kScore) {
    std::stable_sort(order.begin(), order.end(), [&rows](uint32_t x, uint32_t y) {
      const QualityRow& a = rows[x];
      const QualityRow& b = rows[y];
      const bool ea = a.registry == 0, eb = b.registry == 0;
      if (ea != eb) return ea;
      const double sa = a.flagged_share.value_or(0), sb = b.flagged_share.value_or(0);
      if (sa != sb) return sa > sb;
      return a.flagged > b.flagged;
    });
  } else if (sort == QualitySort::kWorkers) {
    std::stable_sort(order.begin(), order.end(),
                     [&rows](uint32_t x, uint32_t y) { return rows[x].registry > rows[y].registry; });
  }
  if (sort != QualitySort::kCode) {
    std::vector<QualityRow> sorted;
    sorted.reserve(rep.rows.size());
    for (uint32_t k : order) sorted.push_back(std::move(rep.rows[k]));
    rep.rows = std::move(sorted);
  }
  for (const CoverageAnomaly& a : anomalies_) {
    if (rep.coverage_anomalies.size() >= 200) break;
    const int32_t i = regions_.Find(a.code);
    if (i != RegionTable::kNotFound && regions_.IsAncestorOrSelf(region, i)) rep.coverage_anomalies.push_back(a);
  }
  return rep;
}

}  // namespace cakupan
