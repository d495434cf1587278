// Linkage results outside a reconciliation: the last deduplication of the
// registry (`dedupe_runs`, one row, and `duplicate_pairs`) and reviewers'
// decisions (`link_decisions`), all plain SQL: they are small.
#include <algorithm>
#include <string>
#include <utility>

#include "storage/sqlite/sqlite_store_impl.h"

namespace cakupan::sqlite {

namespace {

constexpr size_t kMaxNoteBytes = 500;
constexpr uint64_t kMaxKey = uint64_t{1} << 63;

}  // namespace

Status SqliteStore::SaveDedupe(const DedupeRecord& record) {
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("SaveDedupe"));
  auto body = [&]() -> Status {
    std::vector<std::pair<uint64_t, uint64_t>> keys;
    keys.reserve(record.pairs.size());
    for (size_t i = 0; i < record.pairs.size(); ++i) {
      const ScoredLink& p = record.pairs[i];
      if (!(p.left < p.right) || p.right >= kMaxKey || !(p.probability >= 0 && p.probability <= 1))
        return Status::InvalidArgument("duplicate pair " + std::to_string(i + 1) + " is invalid");
      keys.emplace_back(p.left, p.right);
    }
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.begin(), keys.end()) != keys.end())
      return Status::InvalidArgument("duplicate pairs repeat a pair");
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
    CAKUPAN_RETURN_IF_ERROR(conn_->Exec("DELETE FROM duplicate_pairs; DELETE FROM dedupe_runs;"));
    {
      CAKUPAN_ASSIGN_OR_RETURN(StatementRef ins,
                               Sql("INSERT INTO dedupe_runs (id, workers_version, computed_at, comparisons, seconds) "
                                   "VALUES (1, ?1, ?2, ?3, ?4)"));
      ins->BindInt64(1, record.workers_version);
      ins->BindText(2, record.computed_at);
      ins->BindInt64(3, record.comparisons);
      ins->BindDouble(4, record.seconds);
      CAKUPAN_RETURN_IF_ERROR(ins->Run());
    }
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef ins,
                             Sql("INSERT INTO duplicate_pairs (worker_a, worker_b, band, weight, probability, levels) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const ScoredLink& p : record.pairs) {
    ins->Reset();
      ins->BindInt64(1, static_cast<int64_t>(p.left));
      ins->BindInt64(2, static_cast<int64_t>(p.right));
      ins->BindInt64(3, static_cast<int64_t>(p.band));
      ins->BindDouble(4, p.weight);
      ins->BindDouble(5, p.probability);
      ins->BindInt64(6, PackLevels(p.levels));
      CAKUPAN_RETURN_IF_ERROR(ins->Run());
    }
    return txn.Commit();
  };
  return Annotate("SaveDedupe", body());
}

Result<std::optional<DedupeRecord>> SqliteStore::LoadDedupe() {
  auto body = [&]() -> Result<std::optional<DedupeRecord>> {
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kRead));
    DedupeRecord r;
    {
      CAKUPAN_ASSIGN_OR_RETURN(
          StatementRef sel, Sql("SELECT workers_version, computed_at, comparisons, seconds FROM dedupe_runs WHERE id = 1"));
      CAKUPAN_ASSIGN_OR_RETURN(bool found, sel->Step());
      if (!found) return std::optional<DedupeRecord>();
      r.workers_version = sel->ColumnInt64(0);
      r.computed_at = sel->ColumnText(1);
      r.comparisons = sel->ColumnInt64(2);
      r.seconds = sel->ColumnDouble(3);
      sel->Reset();
    }
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef sel,
                             Sql("SELECT worker_a, worker_b, band, weight, probability, levels FROM duplicate_pairs "
                                 "ORDER BY weight DESC, worker_a, worker_b"));
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, sel->Step());
      if (!row) break;
      ScoredLink p;
      p.left = static_cast<uint64_t>(sel->ColumnInt64(0));
      p.right = static_cast<uint64_t>(sel->ColumnInt64(1));
      p.band = static_cast<PairBand>(sel->ColumnInt64(2));
      p.weight = sel->ColumnDouble(3);
      p.probability = sel->ColumnDouble(4);
      p.levels = UnpackLevels(sel->ColumnInt64(5));
      r.pairs.push_back(p);
    }
    CAKUPAN_RETURN_IF_ERROR(txn.Commit());
    return std::optional<DedupeRecord>(std::move(r));
  };
  return Annotate("LoadDedupe", body());
}

Status SqliteStore::SaveDecision(const LinkDecision& d) {
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("SaveDecision"));
  auto body = [&]() -> Status {
    if (d.decision == Decision::kNone) return Status::InvalidArgument("a decision must be accept or reject");
    if (d.note.size() > kMaxNoteBytes) return Status::InvalidArgument("note longer than 500 bytes");
    if (d.left >= kMaxKey || d.right >= kMaxKey) return Status::InvalidArgument("key out of range");
    if (d.kind == PairKind::kDuplicate && !(d.left < d.right))
      return Status::InvalidArgument("a duplicate pair needs left < right");
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef ins,
        Sql("INSERT OR REPLACE INTO link_decisions (kind, left_key, right_key, decision, decided_at, note) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    ins->BindText(1, PairKindCode(d.kind));
    ins->BindInt64(2, static_cast<int64_t>(d.left));
    ins->BindInt64(3, static_cast<int64_t>(d.right));
    ins->BindText(4, DecisionCode(d.decision));
    ins->BindText(5, d.decided_at);
    ins->BindText(6, d.note);
    return ins->Run();
  };
  return Annotate("SaveDecision", body());
}

Status SqliteStore::DeleteDecision(PairKind kind, uint64_t left, uint64_t right) {
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("DeleteDecision"));
  auto body = [&]() -> Status {
    if (left >= kMaxKey || right >= kMaxKey) return Status::NotFound("no decision for this pair");
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef del,
                             Sql("DELETE FROM link_decisions WHERE kind = ?1 AND left_key = ?2 AND right_key = ?3"));
    del->BindText(1, PairKindCode(kind));
    del->BindInt64(2, static_cast<int64_t>(left));
    del->BindInt64(3, static_cast<int64_t>(right));
    CAKUPAN_RETURN_IF_ERROR(del->Run());
    if (conn_->Changes() == 0) return Status::NotFound("no decision for this pair");
    return txn.Commit();
  };
  return Annotate("DeleteDecision", body());
}

Result<std::vector<LinkDecision>> SqliteStore::LoadDecisions(PairKind kind) {
  auto body = [&]() -> Result<std::vector<LinkDecision>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef sel,
                             Sql("SELECT left_key, right_key, decision, decided_at, note FROM link_decisions "
                                 "WHERE kind = ?1 ORDER BY left_key, right_key"));
    sel->BindText(1, PairKindCode(kind));
    std::vector<LinkDecision> out;
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, sel->Step());
      if (!row) break;
      LinkDecision d;
      d.kind = kind;
      d.left = static_cast<uint64_t>(sel->ColumnInt64(0));
      d.right = static_cast<uint64_t>(sel->ColumnInt64(1));
      std::optional<Decision> dec = ParseDecision(sel->ColumnText(2));
      if (!dec) return Status::Corruption("link_decisions holds an unknown decision");
      d.decision = *dec;
      d.decided_at = sel->ColumnText(3);
      d.note = sel->ColumnText(4);
      out.push_back(std::move(d));
    }
    return out;
  };
  return Annotate("LoadDecisions", body());
}

}  // namespace cakupan::sqlite
