#include "services/quality_service.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "base/i18n.h"
#include "domain/birth_date.h"
#include "domain/nik.h"
#include "engine/name_check.h"
#include "engine/segments.h"
#include "ingest/field_parsers.h"
#include "services/dashboard_service.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

Status StaleError(Period p, bool never) {
  std::string cmd = "cakupan reconcile --period " + p.ToString();
  return Status(StatusCode::kFailedPrecondition,
                std::string(never ? Tr("period ", "periode ")
                                  : Tr("the data changed since period ", "data berubah sejak periode ")) +
                    p.ToString() +
                    (never ? Tr(" has not been reconciled yet; run: ", " belum direkonsiliasi; jalankan: ")
                           : Tr(" was reconciled; run again: ", " direkonsiliasi; jalankan lagi: ")) +
                    cmd)
      .WithReason("stale");
}

// The reconciled, current period to use; nullopt when no extract was ever
// imported (the registry checks still run). The same rules as coverage.
Result<std::optional<Period>> ResolvePeriod(Store& store, std::optional<Period> period) {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> reconciled, store.ListReconciledPeriods());
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> extracts, store.ListMemberPeriods());
  if (!period) {
    if (!extracts.empty() && (reconciled.empty() || extracts.back() > reconciled.back()))
      return StaleError(extracts.back(), true);
    if (reconciled.empty()) return std::optional<Period>();
    period = reconciled.back();
  }
  if (std::find(reconciled.begin(), reconciled.end(), *period) == reconciled.end()) {
    if (std::find(extracts.begin(), extracts.end(), *period) != extracts.end()) return StaleError(*period, true);
    return Status::NotFound(std::string(Tr("no data for period ", "tidak ada data untuk periode ")) +
                            period->ToString());
  }
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store.LoadReconciliation(*period, false));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t w, store.DataVersion(DataKind::kWorkers, std::nullopt));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t m, store.DataVersion(DataKind::kMembers, *period));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t r, store.DataVersion(DataKind::kRegions, std::nullopt));
  if (!rec || w != rec->workers_version || m != rec->members_version || r != rec->regions_version)
    return StaleError(*period, false);
  return std::optional<Period>(*period);
}

std::string MaskedNikOf(const WorkerTable& w, size_t i) {
  if (!IsSyntheticWorkerKey(w.nik[i])) return MaskNik(w.nik[i]);
  return i < w.nik_raw.size() ? MaskNikText(w.nik_raw[i]) : std::string();
}

}  // namespace

struct QualityService::Loaded {
  RegionTable regions;
  WorkerTable workers;
  MembershipTable members;               // the period's extract (nik, name, birth_date_raw, region)
  std::vector<int32_t> member_regions;   // AttributeMemberships
  bool members_loaded = false;
  std::optional<Period> period;
  Date reference = kNoDate;
  bool duplicates_checked = false;
  DuplicatePairs pairs;
  int32_t region = RegionTable::kNotFound;
};

Result<QualityServiceOptions> QualityOptionsFromStore(Store& store) {
  QualityServiceOptions options;
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<DedupeRecord> dedupe, store.LoadDedupe());
  if (!dedupe) return options;
  options.duplicates = [&store]() -> Result<DuplicatePairs> {
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<DedupeRecord> rec, store.LoadDedupe());
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<LinkDecision> decisions, store.LoadDecisions(PairKind::kDuplicate));
    std::map<std::pair<uint64_t, uint64_t>, Decision> decided;
    for (const LinkDecision& d : decisions) decided[{d.left, d.right}] = d.decision;
    DuplicatePairs pairs;
    if (!rec) return pairs;
    for (const ScoredLink& p : rec->pairs) {
      auto it = decided.find({p.left, p.right});
      const Decision d = it == decided.end() ? Decision::kNone : it->second;
      if (d == Decision::kAccept || (p.band == PairBand::kMatch && d != Decision::kReject))
        pairs.emplace_back(p.left, p.right);
    }
    return pairs;
  };
  return options;
}

QualityService::QualityService(Store& store, Clock& clock, QualityServiceOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {}

Result<QualityService::Loaded> QualityService::Load(const QualityQuery& q) {
  Loaded l;
  CAKUPAN_ASSIGN_OR_RETURN(l.regions, LoadRegionTable(store_));
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(l.regions));
  CAKUPAN_ASSIGN_OR_RETURN(l.region, ResolveRegion(l.regions, q.region));
  CAKUPAN_ASSIGN_OR_RETURN(l.period, ResolvePeriod(store_, q.period));
  l.reference = l.period ? l.period->LastDay() : TodayUtc(clock_);
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> segments, store_.LoadWorkerSegments(kWorkerAllColumns));
  l.workers = MergeWorkerSegments(std::move(segments));
  if (l.period) {
    CAKUPAN_ASSIGN_OR_RETURN(
        std::vector<MembershipTable> msegments,
        store_.LoadMemberSegments(*l.period, kMemberNik | kMemberName | kMemberRegion | kMemberBirthDateRaw));
    l.members = MergeMemberSegments(std::move(msegments));
    l.member_regions = AttributeMemberships(l.members, l.workers, l.regions, CivilFromDate(l.reference).year);
    l.members_loaded = true;
  }
  if (options_.duplicates) {
    CAKUPAN_ASSIGN_OR_RETURN(l.pairs, options_.duplicates());
    l.duplicates_checked = true;
  }
  return l;
}

Result<QualityReport> QualityService::Report(const QualityQuery& q) {
  CAKUPAN_ASSIGN_OR_RETURN(Loaded l, Load(q));
  return Compute(l, q);
}

Result<QualityReport> QualityService::Compute(const Loaded& l, const QualityQuery& q) {
  const RegionLevel own = l.regions.level(l.region);
  RegionLevel level = q.level ? *q.level
                              : (own == RegionLevel::kVillage ? own
                                                              : static_cast<RegionLevel>(static_cast<int>(own) + 1));
  if (level < own) {
    return Status::InvalidArgument(
        std::string(Tr("--level must be at or below the region's level (", "--level harus sama dengan atau di bawah tingkat wilayah (")) +
        RegionLevelName(own) + ")");
  }
  QualityModel model(l.regions, options_.config);
  model.AddWorkers(l.workers, l.reference);
  if (l.duplicates_checked) model.AddDuplicatePairs(l.workers, l.pairs);
  if (l.members_loaded) model.AddMembers(l.members, l.member_regions);
  std::unique_ptr<CoverageModel> by_lf, by_reg;
  if (l.period) {
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store_.LoadReconciliation(*l.period, false));
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<LabourForceRecord> lf, store_.LoadLabourForce());
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<TargetRecord> targets, store_.LoadTargets());
    model.AddReconciliation(*l.period, rec->counts);
    by_lf = std::make_unique<CoverageModel>(l.regions, rec->counts, lf, targets, *l.period, Basis::kLabourForce);
    by_reg = std::make_unique<CoverageModel>(l.regions, rec->counts, lf, targets, *l.period, Basis::kRegistry);
    model.AddCoverage(*by_lf, *by_reg);
  }
  model.Finish();
  CAKUPAN_ASSIGN_OR_RETURN(QualityReport rep, model.Report(l.region, level, q.sort));
  rep.reference_date = l.reference;
  rep.period = l.period;
  return rep;
}

namespace {

// What is wrong with one worker, for the list (no personal data: no birth
// date, no full NIK).
std::string WorkerDetail(const WorkerTable& w, size_t i, QualityFinding f, const std::optional<NikInfo>& nik,
                         Date reference) {
  switch (f) {
    case QualityFinding::kNikSexMismatch:
      return std::string(Tr("recorded ", "tercatat ")) + SexCode(static_cast<Sex>(w.sex[i])) + ", NIK " +
             (nik ? SexCode(nik->sex) : "");
    case QualityFinding::kNikBirthDateMismatch:
      if (!nik) return std::string();
      return std::to_string(std::abs(static_cast<int64_t>(w.birth_date[i]) - nik->birth_date)) +
             Tr(" days apart from the NIK's date", " hari berbeda dari tanggal di NIK");
    case QualityFinding::kNikDistrictUnknown:
      if (!nik) return std::string();
      return std::string(Tr("NIK district ", "kecamatan NIK ")) + nik->district.ToString() +
             Tr(" is not in the region list", " tidak ada di daftar wilayah");
    case QualityFinding::kAgeUnder:
    case QualityFinding::kAgeOver:
      return w.birth_date[i] > reference
                 ? std::string(Tr("birth date after ", "tanggal lahir setelah ")) + FormatIsoDate(reference)
                 : std::string(Tr("age ", "umur ")) + std::to_string(AgeOn(w.birth_date[i], reference));
    case QualityFinding::kBirthDateInvalid:
      return BirthDateIssueMessage(StoredBirthDateIssue(w.birth_date_raw[i], reference));
    case QualityFinding::kNameBadCharacters:
      return NameFlawMessage(CheckPersonName(w.name[i]).flaw);
    default:
      if (static_cast<int>(f) < kQualityNikFindingCount)
        return NikErrorMessage(static_cast<NikError>(static_cast<int>(f) + 1));
      return Tr(FindingInfo(f).label_en, FindingInfo(f).label_id);
  }
}

std::string MemberDetail(const MembershipTable& m, size_t i, QualityFinding f, Date reference) {
  switch (f) {
    case QualityFinding::kMemberBirthDateInvalid:
      return BirthDateIssueMessage(StoredBirthDateIssue(m.birth_date_raw[i], reference));
    case QualityFinding::kMemberNameBadCharacters:
      return NameFlawMessage(CheckPersonName(m.name[i]).flaw);
    default:
      return Tr(FindingInfo(f).label_en, FindingInfo(f).label_id);
  }
}

}  // namespace

Result<QualityDetails> QualityService::Details(const QualityQuery& q, std::optional<QualityFinding> only) {
  if (only && static_cast<int>(*only) >= kQualityWorkerFindingCount && !IsMemberFinding(*only)) {
    return Status::InvalidArgument(
        std::string(Tr("no list of rows for the check ", "tidak ada daftar baris untuk pemeriksaan ")) +
        FindingInfo(*only).code);
  }
  CAKUPAN_ASSIGN_OR_RETURN(Loaded l, Load(q));
  const RegionLevel level = l.regions.level(l.region);
  if (level < RegionLevel::kRegency) {
    return Status::InvalidArgument(
        Tr("the list of findings is for one regency, district or village: give its code (--region 17.04, "
           "17.04.07 or 17.04.07.2010)",
           "daftar temuan untuk satu kabupaten/kota, kecamatan atau desa: berikan kodenya (--region 17.04, 17.04.07 "
           "atau 17.04.07.2010)"));
  }
  QualityQuery own_query = q;
  own_query.level = level;
  CAKUPAN_ASSIGN_OR_RETURN(QualityReport rep, Compute(l, own_query));  // the region's counts
  QualityDetails d;
  d.region = l.regions.code(l.region);
  d.level = level;
  d.name = l.regions.name(l.region);
  d.period = l.period;
  d.reference_date = l.reference;
  d.duplicates_checked = l.duplicates_checked;
  d.summary = rep.region;
  const int32_t scope = l.region;
  const WorkerTable& w = l.workers;
  // Whether a worker's village lies in the region (villages repeat: cache the last one).
  uint64_t last_village = ~uint64_t{0};
  bool last_inside = false;
  auto inside = [&](uint64_t village) {
    if (village != last_village) {
      last_village = village;
      const int32_t v = l.regions.FindVillage(village);
      last_inside = v != RegionTable::kNotFound && l.regions.IsAncestorOrSelf(scope, v);
    }
    return last_inside;
  };
  // Row of each key of the region's duplicate pairs, and its partner.
  std::vector<std::pair<size_t, size_t>> partners;  // (row, partner row)
  if (l.duplicates_checked && !(only && *only != QualityFinding::kDuplicate)) {
    auto find = [&](uint64_t key) -> int64_t {
      auto it = std::lower_bound(w.nik.begin(), w.nik.end(), key);
      return it != w.nik.end() && *it == key ? it - w.nik.begin() : -1;
    };
    for (const auto& [a, b] : l.pairs) {
      const int64_t ra = find(a), rb = find(b);
      if (ra < 0 || rb < 0 || ra == rb) continue;
      if (inside(w.village[ra])) partners.emplace_back(ra, rb);
      if (inside(w.village[rb])) partners.emplace_back(rb, ra);
    }
    std::sort(partners.begin(), partners.end());
  }
  const int ref_year = CivilFromDate(l.reference).year;
  const bool worker_findings = !(only && IsMemberFinding(*only));
  for (size_t i = 0; worker_findings && i < w.size(); ++i) {
    if (!inside(w.village[i])) continue;
    uint32_t bits = WorkerFindingBits(w, i, l.regions, l.reference, options_.config);
    auto p = std::lower_bound(partners.begin(), partners.end(), std::make_pair(i, size_t{0}));
    const bool dup = p != partners.end() && p->first == i;
    if (dup) bits |= 1u << static_cast<int>(QualityFinding::kDuplicate);
    if (only) bits &= 1u << static_cast<int>(*only);
    if (bits == 0) continue;
    std::optional<NikInfo> nik;
    if (!IsSyntheticWorkerKey(w.nik[i])) nik = DecodeNik(w.nik[i], ref_year);
    for (uint32_t b = bits; b != 0; b &= b - 1) {
      const auto f = static_cast<QualityFinding>(__builtin_ctz(b));
      QualityDetailRow row;
      row.nik_masked = MaskedNikOf(w, i);
      row.name_masked = MaskName(w.name[i]);
      row.finding = f;
      row.region = RegionCode::FromPacked(w.village[i]);
      if (f == QualityFinding::kDuplicate) {
        for (auto q2 = p; q2 != partners.end() && q2->first == i; ++q2) {
          if (!row.detail.empty()) row.detail += "; ";
          row.detail += std::string(Tr("with ", "dengan ")) + MaskedNikOf(w, q2->second) + " (" +
                        RegionCode::FromPacked(w.village[q2->second]).ToString() + ")";
        }
      } else {
        row.detail = WorkerDetail(w, i, f, nik, l.reference);
      }
      d.rows.push_back(std::move(row));
    }
  }
  if (l.members_loaded && !(only && !IsMemberFinding(*only))) {
    const MembershipTable& m = l.members;
    const bool names = MembersHaveNames(m);
    for (size_t i = 0; i < m.size(); ++i) {
      const int32_t r = l.member_regions[i];
      if (!l.regions.IsAncestorOrSelf(scope, r)) continue;
      uint32_t bits = MemberFindingBits(m, i, names);
      for (; bits != 0; bits &= bits - 1) {
        const QualityFinding f = kMemberFindings[__builtin_ctz(bits)];
        if (only && f != *only) continue;
        QualityDetailRow row;
        row.nik_masked = MaskNik(m.nik[i]);
        row.name_masked = MaskName(m.name[i]);
        row.finding = f;
        row.region = l.regions.code(r);
        row.member = true;
        row.detail = MemberDetail(m, i, f, l.reference);
        d.rows.push_back(std::move(row));
      }
    }
  }
  return d;
}

}  // namespace cakupan
