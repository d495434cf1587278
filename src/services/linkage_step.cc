#include "services/linkage_step.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "domain/nik.h"
#include "engine/reconcile.h"
#include "engine/segments.h"

namespace cakupan {

namespace {

struct PairHash {
  size_t operator()(const std::pair<uint64_t, uint64_t>& p) const {
    return std::hash<uint64_t>()(p.first * 0x9E3779B97F4A7C15ULL ^ p.second);
  }
};

}  // namespace

LinkageRecords WorkerLinkageRecords(const WorkerTable& workers, const std::vector<uint32_t>& rows) {
  LinkageRecords r;
  r.nik.reserve(rows.size());
  r.name.reserve(rows.size());
  r.birth_date.reserve(rows.size());
  r.sex.reserve(rows.size());
  r.region.reserve(rows.size());
  for (uint32_t i : rows) {
    r.nik.push_back(IsSyntheticWorkerKey(workers.nik[i]) ? 0 : workers.nik[i]);
    r.name.emplace_back(workers.name.empty() ? std::string_view() : workers.name[i]);
    r.birth_date.push_back(workers.birth_date.empty() ? kNoDate : workers.birth_date[i]);
    r.sex.push_back(workers.sex.empty() ? 0 : workers.sex[i]);
    r.region.push_back(workers.village[i]);
  }
  return r;
}

Result<ReconciliationRecord> ReconcileWithLinkage(const RegionTable& regions, const WorkerTable& workers,
                                                  const MembershipTable& members, Period period,
                                                  ReconciliationRecord exact,
                                                  const std::vector<LinkDecision>& decisions,
                                                  const LinkageStepOptions& options, LinkageStepStats* stats,
                                                  const SameWorkerRows& same_worker) {
  if (workers.name.size() != workers.size() || workers.birth_date.size() != workers.size() ||
      workers.sex.size() != workers.size() || workers.village.size() != workers.size())
    return Status::InvalidArgument("linkage needs the workers' name, sex, birth date and village");
  if (members.name.size() != members.size())
    return Status::InvalidArgument("linkage needs the members' names");
  if (exact.worker_results.size() != workers.size())
    return Status::InvalidArgument("the exact reconciliation does not belong to these workers");

  // Left: registry workers without any membership by NIK (a duplicate row of
  // a worker with a membership through another row has that status).
  std::vector<uint32_t> left_rows;
  for (size_t i = 0; i < workers.size(); ++i) {
    if (ResultStatus(exact.worker_results[i]) == WorkerStatus::kUnregistered)
      left_rows.push_back(static_cast<uint32_t>(i));
  }
  // Right: extract persons without a registry worker (exact.unmatched, NIK
  // order), their names from the first membership row of each NIK.
  const UnmatchedMembers& u = exact.unmatched;
  LinkageRecords right;
  right.nik = u.nik;
  right.birth_date = u.birth_date;
  right.sex = u.sex;
  right.region = u.region;
  right.name.reserve(u.size());
  {
    size_t m = 0;
    for (size_t k = 0; k < u.size(); ++k) {
      while (m < members.size() && members.nik[m] < u.nik[k]) ++m;
      right.name.emplace_back(m < members.size() && members.nik[m] == u.nik[k] ? members.name[m]
                                                                                : std::string_view());
    }
  }
  LinkageRecords left = WorkerLinkageRecords(workers, left_rows);
  if (stats) {
    stats->left = static_cast<int64_t>(left.size());
    stats->right = static_cast<int64_t>(right.size());
  }

  std::vector<ScoredPair> scored;
  if (left.size() > 0 && right.size() > 0) {
    Result<LinkageResult> linked = LinkRecords(left, right, options.linkage);
    if (!linked.ok()) return linked.status();
    scored = std::move(linked->pairs);
    if (stats) {
      stats->linkage = linked->stats;
      stats->model = linked->model;
    }
  }

  // Decisions by pair of keys.
  std::unordered_map<std::pair<uint64_t, uint64_t>, Decision, PairHash> decided;
  for (const LinkDecision& d : decisions) {
    if (d.kind == PairKind::kLink) decided[{d.left, d.right}] = d.decision;
  }
  std::unordered_map<uint64_t, uint32_t> left_index, right_index;  // key -> row in left / right
  left_index.reserve(left.size());
  for (size_t i = 0; i < left_rows.size(); ++i) left_index.emplace(workers.nik[left_rows[i]], static_cast<uint32_t>(i));
  right_index.reserve(right.size());
  for (size_t k = 0; k < right.size(); ++k) right_index.emplace(right.nik[k], static_cast<uint32_t>(k));

  // Candidates: the scored pairs (match and review), plus accepted pairs the
  // model did not propose this time (their records still unlinked).
  std::vector<ScoredLink> links;
  std::unordered_set<std::pair<uint64_t, uint64_t>, PairHash> proposed;
  for (const ScoredPair& p : scored) {
    ScoredLink l;
    l.left = workers.nik[left_rows[p.left]];
    l.right = right.nik[p.right];
    l.band = static_cast<PairBand>(p.band);
    l.weight = p.weight;
    l.probability = p.probability;
    l.levels = p.levels;
    if (auto it = decided.find({l.left, l.right}); it != decided.end()) l.decision = it->second;
    proposed.insert({l.left, l.right});
    links.push_back(l);
  }
  for (const LinkDecision& d : decisions) {
    if (d.kind != PairKind::kLink || d.decision != Decision::kAccept || proposed.count({d.left, d.right})) continue;
    auto li = left_index.find(d.left);
    auto ri = right_index.find(d.right);
    if (li == left_index.end() || ri == right_index.end()) continue;  // a record is gone or matched by NIK now
    ScoredLink l;
    l.left = d.left;
    l.right = d.right;
    l.band = PairBand::kNonMatch;  // not proposed by the model in this run
    l.decision = Decision::kAccept;
    l.levels = CompareRecords(left, li->second, right, ri->second);
    links.push_back(l);
  }

  // Apply: accepted pairs first, then match-band pairs by descending weight;
  // each record joins at most one other.
  std::stable_sort(links.begin(), links.end(), [](const ScoredLink& a, const ScoredLink& b) {
    const bool aa = a.decision == Decision::kAccept, ba = b.decision == Decision::kAccept;
    if (aa != ba) return aa;
    if (a.weight != b.weight) return a.weight > b.weight;
    return std::make_pair(a.left, a.right) < std::make_pair(b.left, b.right);
  });
  std::unordered_set<uint64_t> used_left, used_right;
  std::unordered_map<uint64_t, uint64_t> member_to_worker;
  int64_t linked_probabilistic = 0, linked_accepted = 0, review = 0;
  for (ScoredLink& l : links) {
    const bool accepted = l.decision == Decision::kAccept;
    const bool apply = accepted || (l.band == PairBand::kMatch && l.decision != Decision::kReject);
    if (apply && !used_left.count(l.left) && !used_right.count(l.right)) {
      used_left.insert(l.left);
      used_right.insert(l.right);
      member_to_worker[l.right] = l.left;
      l.method = accepted ? LinkMethod::kAccepted : LinkMethod::kProbabilistic;
      (accepted ? linked_accepted : linked_probabilistic)++;
    }
  }
  // Keep applied pairs, and review pairs whose records are both still free
  // (with any decision); drop the rest (a match that lost to a better one).
  std::vector<ScoredLink> kept;
  for (const ScoredLink& l : links) {
    if (l.method != LinkMethod::kNone) {
      kept.push_back(l);
    } else if (l.band == PairBand::kReview && !used_left.count(l.left) && !used_right.count(l.right)) {
      kept.push_back(l);
      if (l.decision == Decision::kNone) ++review;
    } else if (l.decision == Decision::kReject && !used_left.count(l.left) && !used_right.count(l.right)) {
      kept.push_back(l);  // a rejected match: shown as rejected
    }
  }
  std::sort(kept.begin(), kept.end(), [](const ScoredLink& a, const ScoredLink& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return std::make_pair(a.left, a.right) < std::make_pair(b.left, b.right);
  });

  ReconciliationRecord out;
  if (member_to_worker.empty()) {
    out = std::move(exact);
  } else {
    // Reconcile again with each linked person's memberships under the
    // worker's key.
    MembershipTable remapped = members;
    for (size_t m = 0; m < remapped.size(); ++m) {
      if (auto it = member_to_worker.find(remapped.nik[m]); it != member_to_worker.end()) remapped.nik[m] = it->second;
    }
    remapped = CanonicalMembers(std::move(remapped));
    out = Reconcile(regions, workers, remapped, period, same_worker);
    out.summary.members = exact.summary.members;  // distinct persons in the extract: unchanged
  }
  out.links = std::move(kept);
  out.summary.linked_probabilistic = linked_probabilistic;
  out.summary.linked_accepted = linked_accepted;
  out.summary.review_pairs = review;
  out.summary.linkage_run = true;
  return out;
}

}  // namespace cakupan
