#include "services/review_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "base/i18n.h"
#include "domain/nik.h"
#include "engine/segments.h"
#include "ingest/field_parsers.h"
#include "services/dashboard_service.h"
#include "services/linkage_step.h"
#include "services/reconcile_service.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

const char* SourceCode(bool registry) { return registry ? "registry" : "extract"; }

std::string RegionName(const RegionTable& regions, uint64_t packed) {
  if (packed == 0) return "";
  const int32_t i = regions.Find(RegionCode::FromPacked(packed));
  return i == RegionTable::kNotFound ? "" : regions.name(i);
}

std::string RegionText(uint64_t packed) { return packed == 0 ? "" : RegionCode::FromPacked(packed).ToString(); }

ReviewSide WorkerSide(const WorkerTable& w, uint64_t key, const RegionTable& regions, bool unmask) {
  ReviewSide s;
  s.source = SourceCode(true);
  auto it = std::lower_bound(w.nik.begin(), w.nik.end(), key);
  if (it == w.nik.end() || *it != key) return s;  // no longer in the registry
  const size_t i = static_cast<size_t>(it - w.nik.begin());
  if (IsSyntheticWorkerKey(key)) {
    s.nik_issue = NikErrorCode(static_cast<NikError>(w.nik_issue[i]));
    const std::string_view raw = w.nik_raw[i];
    s.nik = unmask ? std::string(raw) : MaskNikText(raw);
  } else {
    s.nik = unmask ? FormatNik(key) : MaskNik(key);
  }
  s.name = unmask ? std::string(w.name[i]) : MaskName(w.name[i]);
  s.sex = SexCode(static_cast<Sex>(w.sex[i]));
  s.birth_date = FormatIsoDate(w.birth_date[i]);
  s.region = RegionText(w.village[i]);
  s.region_name = RegionName(regions, w.village[i]);
  return s;
}

ReviewSide MemberSide(const MembershipTable& m, uint64_t nik, const RegionTable& regions, int current_year,
                      bool unmask) {
  ReviewSide s;
  s.source = SourceCode(false);
  s.nik = unmask ? FormatNik(nik) : MaskNik(nik);
  auto it = std::lower_bound(m.nik.begin(), m.nik.end(), nik);
  if (it == m.nik.end() || *it != nik) return s;
  const size_t i = static_cast<size_t>(it - m.nik.begin());
  s.name = unmask ? std::string(m.name[i]) : MaskName(m.name[i]);
  const std::optional<NikInfo> info = DecodeNik(nik, current_year);
  Date birth = m.birth_date[i];
  if (info) {
    s.sex = SexCode(info->sex);
    if (birth == kNoDate) birth = info->birth_date;
  }
  s.birth_date = FormatIsoDate(birth);
  uint64_t region = m.region[i];
  if (region == 0 && info) region = info->district.packed();
  s.region = RegionText(region);
  s.region_name = RegionName(regions, region);
  return s;
}

Status NothingToReview(PairKind kind) {
  return Status::FailedPrecondition(
      kind == PairKind::kLink
          ? Tr("no probabilistic linkage has run yet: run cakupan reconcile (without --exact-only)",
               "pencocokan probabilistik belum dijalankan: jalankan cakupan reconcile (tanpa --exact-only)")
          : Tr("no deduplication has run yet: run cakupan dedupe", "pencarian data ganda belum dijalankan: jalankan cakupan dedupe"));
}

}  // namespace

std::string PairId(uint64_t left, uint64_t right) {
  return fmt::format("{:012x}", Mix(Mix(left) ^ (right * 0x9E3779B97F4A7C15ULL)) >> 16);
}

std::optional<ReviewFilter> ParseReviewFilter(std::string_view code) {
  if (code == "pending" || code == "tertunda") return ReviewFilter::kPending;
  if (code == "decided" || code == "diputus") return ReviewFilter::kDecided;
  if (code == "linked" || code == "tertaut") return ReviewFilter::kLinked;
  if (code == "all" || code == "semua") return ReviewFilter::kAll;
  return std::nullopt;
}

ReviewService::ReviewService(Store& store, Clock& clock, Progress& progress)
    : store_(store), clock_(clock), progress_(progress) {}

Result<std::vector<ScoredLink>> ReviewService::CurrentPairs(PairKind kind, std::optional<Period>* period,
                                                            std::string* computed_at, bool* stale) {
  if (kind == PairKind::kDuplicate) {
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<DedupeRecord> rec, store_.LoadDedupe());
    if (!rec) return NothingToReview(kind);
    CAKUPAN_ASSIGN_OR_RETURN(int64_t version, store_.DataVersion(DataKind::kWorkers, std::nullopt));
    *stale = version != rec->workers_version;
    *computed_at = rec->computed_at;
    return std::move(rec->pairs);
  }
  if (!*period) {
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> periods, store_.ListReconciledPeriods());
    if (periods.empty()) return NothingToReview(kind);
    *period = periods.back();
  }
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store_.LoadReconciliation(**period, true));
  if (!rec) {
    return Status::NotFound(std::string(Tr("period not reconciled: ", "periode belum direkonsiliasi: ")) +
                            (*period)->ToString());
  }
  if (!rec->summary.linkage_run) return NothingToReview(kind);
  ReconcileService reconciler(store_, clock_, progress_);
  CAKUPAN_ASSIGN_OR_RETURN(Freshness f, reconciler.CheckFreshness(**period));
  *stale = f != Freshness::kCurrent;
  *computed_at = rec->computed_at;
  return std::move(rec->links);
}

Result<ReviewList> ReviewService::List(const ReviewQuery& q) {
  if (q.page < 1 || q.page_size < 1 || q.page_size > 1000)
    return Status::InvalidArgument(Tr("page must be >= 1 and page size 1-1000", "halaman harus >= 1 dan ukuran halaman 1-1000"));
  ReviewList out;
  out.kind = q.kind;
  out.period = q.period;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<ScoredLink> pairs, CurrentPairs(q.kind, &out.period, &out.computed_at, &out.stale));
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<LinkDecision> decisions, store_.LoadDecisions(q.kind));
  std::map<std::pair<uint64_t, uint64_t>, const LinkDecision*> decided;
  for (const LinkDecision& d : decisions) decided[{d.left, d.right}] = &d;

  std::vector<ReviewItem> matching;
  for (ScoredLink& p : pairs) {
    auto it = decided.find({p.left, p.right});
    p.decision = it == decided.end() ? Decision::kNone : it->second->decision;
    const bool pending = p.band == PairBand::kReview && p.decision == Decision::kNone &&
                         (q.kind == PairKind::kDuplicate || p.method == LinkMethod::kNone);
    if (pending) ++out.pending;
    bool keep = false;
    switch (q.filter) {
      case ReviewFilter::kPending: keep = pending; break;
      case ReviewFilter::kDecided: keep = p.decision != Decision::kNone; break;
      case ReviewFilter::kLinked:
        keep = q.kind == PairKind::kLink ? p.method != LinkMethod::kNone : p.band == PairBand::kMatch;
        break;
      case ReviewFilter::kAll: keep = true; break;
    }
    if (!keep) continue;
    ReviewItem item;
    item.id = PairId(p.left, p.right);
    item.pair = p;
    if (it != decided.end()) {
      item.decided_at = it->second->decided_at;
      item.note = it->second->note;
    }
    matching.push_back(std::move(item));
  }
  out.total = static_cast<int64_t>(matching.size());
  out.page = q.page;
  out.pages = static_cast<int>((out.total + q.page_size - 1) / q.page_size);
  const size_t first = static_cast<size_t>(q.page - 1) * static_cast<size_t>(q.page_size);
  if (first >= matching.size()) return out;
  const size_t last = std::min(matching.size(), first + static_cast<size_t>(q.page_size));

  // Both records of the listed pairs.
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, LoadRegionTable(store_));
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> wseg,
                           store_.LoadWorkerSegments(kWorkerAllColumns & ~kWorkerOccupation & ~kWorkerBirthDateRaw));
  const WorkerTable workers = MergeWorkerSegments(std::move(wseg));
  MembershipTable members;
  if (q.kind == PairKind::kLink) {
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<MembershipTable> mseg,
                             store_.LoadMemberSegments(*out.period, kMemberNik | kMemberName | kMemberBirthDate |
                                                                        kMemberRegion | kMemberSegment | kMemberNpp));
    members = MergeMemberSegments(std::move(mseg));
  }
  for (size_t k = first; k < last; ++k) {
    ReviewItem& item = matching[k];
    item.left = WorkerSide(workers, item.pair.left, regions, q.unmask);
    item.right = q.kind == PairKind::kLink ? MemberSide(members, item.pair.right, regions, clock_.CurrentYear(), q.unmask)
                                           : WorkerSide(workers, item.pair.right, regions, q.unmask);
    out.items.push_back(std::move(item));
  }
  return out;
}

Result<LinkDecision> ReviewService::Decide(PairKind kind, std::string_view id, Decision decision, std::string note,
                                           std::optional<Period> period) {
  if (decision == Decision::kNone) return Status::InvalidArgument("decision must be accept or reject");
  if (note.size() > 500) return Status::InvalidArgument(Tr("note longer than 500 bytes", "catatan lebih dari 500 byte"));
  std::string computed_at;
  bool stale = false;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<ScoredLink> pairs, CurrentPairs(kind, &period, &computed_at, &stale));
  for (const ScoredLink& p : pairs) {
    if (PairId(p.left, p.right) != id) continue;
    LinkDecision d;
    d.kind = kind;
    d.left = p.left;
    d.right = p.right;
    d.decision = decision;
    d.decided_at = clock_.NowUtcIso();
    d.note = std::move(note);
    CAKUPAN_RETURN_IF_ERROR(store_.SaveDecision(d));
    return d;
  }
  return Status::NotFound(std::string(Tr("no pair with id ", "tidak ada pasangan dengan id ")) + std::string(id) +
                          Tr(" (see cakupan review list)", " (lihat cakupan review list)"));
}

Status ReviewService::Undo(PairKind kind, std::string_view id, std::optional<Period> period) {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<LinkDecision> decisions, store_.LoadDecisions(kind));
  for (const LinkDecision& d : decisions) {
    if (PairId(d.left, d.right) == id) return store_.DeleteDecision(kind, d.left, d.right);
  }
  (void)period;
  return Status::NotFound(std::string(Tr("no decision on pair ", "tidak ada keputusan untuk pasangan ")) + std::string(id));
}

Result<DedupeRecord> ReviewService::Dedupe(const DedupeOptions& options) {
  CAKUPAN_ASSIGN_OR_RETURN(int64_t version, store_.DataVersion(DataKind::kWorkers, std::nullopt));
  progress_.Begin(Tr("Loading data", "Memuat data"), 0);
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> wseg,
                           store_.LoadWorkerSegments(kWorkerNik | kWorkerName | kWorkerSex | kWorkerBirthDate |
                                                     kWorkerVillage));
  const WorkerTable workers = MergeWorkerSegments(std::move(wseg));
  progress_.End();
  if (workers.size() == 0) {
    return Status::FailedPrecondition(Tr("the registry is empty: import workers first (cakupan import workers FILE)",
                                         "registri kosong: impor pekerja dulu (cakupan import workers BERKAS)"));
  }
  std::vector<uint32_t> rows(workers.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<uint32_t>(i);
  const LinkageRecords records = WorkerLinkageRecords(workers, rows);
  progress_.Begin(Tr("Looking for the same worker twice", "Mencari pekerja yang terdata dua kali"), 0);
  const auto start = std::chrono::steady_clock::now();
  Result<LinkageResult> found = Deduplicate(records, options.linkage);
  progress_.End();
  if (!found.ok()) return found.status();
  DedupeRecord rec;
  rec.workers_version = version;
  rec.computed_at = clock_.NowUtcIso();
  rec.comparisons = found->stats.comparisons;
  rec.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rec.pairs.reserve(found->pairs.size());
  for (const ScoredPair& p : found->pairs) {
    ScoredLink l;
    l.left = workers.nik[std::min(p.left, p.right)];
    l.right = workers.nik[std::max(p.left, p.right)];
    l.band = static_cast<PairBand>(p.band);
    l.weight = p.weight;
    l.probability = p.probability;
    l.levels = p.levels;
    rec.pairs.push_back(l);
  }
  progress_.Begin(Tr("Saving", "Menyimpan"), 0);
  CAKUPAN_RETURN_IF_ERROR(store_.SaveDedupe(rec));
  progress_.End();
  return rec;
}

}  // namespace cakupan
