// Reconciliation results: the header and summary in `reconciliations`, the
// per-region counts in `coverage_counts` (both plain SQL for dashboards),
// the per-worker result bytes and the unmatched members as chunks in
// `reconciliation_chunks`, keyed by period.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>

#include "storage/sqlite/chunks.h"
#include "storage/sqlite/sqlite_store_impl.h"

namespace cakupan::sqlite {

namespace {

// Turns foreign key enforcement off for its lifetime (outside any
// transaction: SQLite ignores the pragma inside one).
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(Connection& conn) : conn_(conn) { (void)conn_.Exec("PRAGMA foreign_keys = OFF"); }
  ~ForeignKeysOff() { (void)conn_.Exec("PRAGMA foreign_keys = ON"); }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  Connection& conn_;
};

// The counts of a reconciliation as chunk columns `counts.<field>`, in the
// order of ReconciliationRecord::counts.
class CountsColumns {
 public:
  explicit CountsColumns(const std::vector<RegionCounts>& counts) {
    region_.reserve(counts.size());
    for (auto& f : fields_) f.reserve(counts.size());
    for (const RegionCounts& c : counts) {
      region_.push_back(c.region.packed());
      int i = 0;
      for (int64_t v : Values(c)) fields_[i++].push_back(v);
    }
  }
  // The vectors must outlive the writer's Write().
  void AddTo(ChunkWriter& w) const {
    w.AddIntegers("counts.region", region_);
    for (size_t i = 0; i < kFields; ++i) w.AddIntegers(std::string("counts.") + kNames[i], fields_[i]);
  }
  static Status Read(ChunkReader& reader, const ChunkDirectory& dir, std::vector<RegionCounts>* out) {
    const int64_t rows = ChunkReader::RowsOf(dir, "counts.region");
    std::vector<uint64_t> region;
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "counts.region", rows, &region));
    out->resize(static_cast<size_t>(rows));
    for (size_t i = 0; i < region.size(); ++i) {
      RegionCode code = RegionCode::FromPacked(region[i]);
      if (!IsWellFormedRegion(code)) return Status::Corruption("reconciliation counts hold an invalid region code");
      (*out)[i].region = code;
    }
    std::vector<int64_t> field;
    for (size_t f = 0; f < kFields; ++f) {
      CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, std::string("counts.") + kNames[f], rows, &field));
      for (size_t i = 0; i < field.size(); ++i) *Fields(&(*out)[i])[f] = field[i];
    }
    return Status::Ok();
  }

 private:
  static constexpr size_t kFields = 8;
  static constexpr const char* kNames[kFields] = {"registry",         "active",
                                                  "non_active",       "unregistered",
                                                  "unmatched_active", "unmatched_non_active",
                                                  "unmatched_active_here", "unmatched_non_active_here"};
  static std::array<int64_t, kFields> Values(const RegionCounts& c) {
    return {c.registry,         c.active,           c.non_active,           c.unregistered,
            c.unmatched_active, c.unmatched_non_active, c.unmatched_active_here, c.unmatched_non_active_here};
  }
  static std::array<int64_t*, kFields> Fields(RegionCounts* c) {
    return {&c->registry,         &c->active,           &c->non_active,           &c->unregistered,
            &c->unmatched_active, &c->unmatched_non_active, &c->unmatched_active_here, &c->unmatched_non_active_here};
  }

  std::vector<uint64_t> region_;
  std::array<std::vector<int64_t>, kFields> fields_;
};

}  // namespace

Status SqliteStore::LoadCountRows(const std::string& period, std::vector<RegionCounts>* out) {
  CAKUPAN_ASSIGN_OR_RETURN(
      StatementRef sel,
      Sql("SELECT region_code, registry, active, non_active, unregistered, unmatched_active, "
          "unmatched_non_active, unmatched_active_here, unmatched_non_active_here FROM coverage_counts "
          "WHERE period = ?1 ORDER BY region_code"));
  sel->BindText(1, period);
  while (true) {
    CAKUPAN_ASSIGN_OR_RETURN(bool row, sel->Step());
    if (!row) break;
    std::optional<RegionCode> code = RegionCode::Parse(sel->ColumnText(0));
    if (!code) return Status::Corruption("coverage_counts holds an invalid region code");
    RegionCounts c;
    c.region = *code;
    int col = 1;
    for (int64_t* v : {&c.registry, &c.active, &c.non_active, &c.unregistered, &c.unmatched_active,
                       &c.unmatched_non_active, &c.unmatched_active_here, &c.unmatched_non_active_here})
      *v = sel->ColumnInt64(col++);
    out->push_back(c);
  }
  return Status::Ok();
}

Status SqliteStore::InsertCountRows(const std::string& period, const std::vector<RegionCounts>& counts) {
  // Many rows per statement: for rows this small the statement's own
  // overhead (step, reset, binding) is most of the cost.
  constexpr size_t kRowsPerStatement = 64;
  constexpr const char* kInsert =
      "INSERT INTO coverage_counts (period, region_code, registry, active, non_active, unregistered, "
      "unmatched_active, unmatched_non_active, unmatched_active_here, unmatched_non_active_here) VALUES ";
  auto sql = [](size_t rows) {
    std::string text = kInsert;
    for (size_t i = 0; i < rows; ++i) text += i == 0 ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)";
    return text;
  };
  static const std::string kMany = sql(kRowsPerStatement), kOne = sql(1);
  char codes[kRowsPerStatement][kRegionTextSize];
  for (size_t row = 0; row < counts.size();) {
    const size_t rows = counts.size() - row >= kRowsPerStatement ? kRowsPerStatement : 1;
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef ins, Sql(rows == 1 ? kOne : kMany));
    for (size_t k = 0; k < rows; ++k, ++row) {
      const RegionCounts& c = counts[row];
      if (!IsWellFormedRegion(c.region))
        return Status::InvalidArgument("counts row " + std::to_string(row + 1) + ": invalid region code");
      int index = static_cast<int>(k * 10) + 1;
      ins->BindTextStatic(index++, period);
      ins->BindTextStatic(index++, std::string_view(codes[k], FormatRegion(c.region, codes[k])));
      for (int64_t v : {c.registry, c.active, c.non_active, c.unregistered, c.unmatched_active,
                        c.unmatched_non_active, c.unmatched_active_here, c.unmatched_non_active_here})
        ins->BindInt64(index++, v);
    }
    CAKUPAN_RETURN_IF_ERROR(ins->Run());
  }
  return Status::Ok();
}

// Keys are stored as SQLite integers: NIKs are below 10^16 and synthetic
// worker keys below 2^63, so both fit a signed 64-bit integer.
Status SqliteStore::InsertLinkRows(const std::string& period, const std::vector<ScoredLink>& links) {
  std::vector<std::pair<uint64_t, uint64_t>> keys;
  keys.reserve(links.size());
  for (const ScoredLink& l : links) keys.emplace_back(l.left, l.right);
  std::sort(keys.begin(), keys.end());
  if (std::adjacent_find(keys.begin(), keys.end()) != keys.end())
    return Status::InvalidArgument("links repeat a (worker, member) pair");
  CAKUPAN_ASSIGN_OR_RETURN(
      StatementRef ins,
      Sql("INSERT INTO reconciliation_links (period, worker_key, member_nik, band, method, decision, weight, "
          "probability, levels) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  for (size_t i = 0; i < links.size(); ++i) {
    const ScoredLink& l = links[i];
    if (l.left >= (uint64_t{1} << 63) || l.right >= (uint64_t{1} << 63) ||
        !(l.probability >= 0 && l.probability <= 1) || l.method == LinkMethod::kExactNik)
      return Status::InvalidArgument("link " + std::to_string(i + 1) + " is invalid");
    ins->Reset();
    ins->BindTextStatic(1, period);
    ins->BindInt64(2, static_cast<int64_t>(l.left));
    ins->BindInt64(3, static_cast<int64_t>(l.right));
    ins->BindInt64(4, static_cast<int64_t>(l.band));
    ins->BindInt64(5, static_cast<int64_t>(l.method));
    ins->BindInt64(6, static_cast<int64_t>(l.decision));
    ins->BindDouble(7, l.weight);
    ins->BindDouble(8, l.probability);
    ins->BindInt64(9, PackLevels(l.levels));
    CAKUPAN_RETURN_IF_ERROR(ins->Run());
  }
  return Status::Ok();
}

Status SqliteStore::LoadLinkRows(const std::string& period, std::vector<ScoredLink>* out) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef sel,
                           Sql("SELECT worker_key, member_nik, band, method, decision, weight, probability, levels "
                               "FROM reconciliation_links WHERE period = ?1 ORDER BY weight DESC, worker_key, "
                               "member_nik"));
  sel->BindText(1, period);
  while (true) {
    CAKUPAN_ASSIGN_OR_RETURN(bool row, sel->Step());
    if (!row) break;
    ScoredLink l;
    l.left = static_cast<uint64_t>(sel->ColumnInt64(0));
    l.right = static_cast<uint64_t>(sel->ColumnInt64(1));
    l.band = static_cast<PairBand>(sel->ColumnInt64(2));
    l.method = static_cast<LinkMethod>(sel->ColumnInt64(3));
    l.decision = static_cast<Decision>(sel->ColumnInt64(4));
    l.weight = sel->ColumnDouble(5);
    l.probability = sel->ColumnDouble(6);
    l.levels = UnpackLevels(sel->ColumnInt64(7));
    out->push_back(l);
  }
  return Status::Ok();
}

Status SqliteStore::SaveReconciliation(const ReconciliationRecord& record) {
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("SaveReconciliation"));
  return Annotate("SaveReconciliation", DoSaveReconciliation(record));
}

Status SqliteStore::DoSaveReconciliation(const ReconciliationRecord& r) {
  if (!r.period.valid()) return Status::InvalidArgument("invalid period");
  const UnmatchedMembers& u = r.unmatched;
  const size_t n = u.nik.size();
  if (u.region.size() != n || u.attribution.size() != n || u.status.size() != n || u.segment.size() != n ||
      u.sex.size() != n || u.birth_date.size() != n)
    return Status::InvalidArgument("unmatched member columns differ in length");
  const std::string period = r.period.ToString();

  // The per-worker results, the unmatched members and a copy of the counts
  // (loaded instead of the coverage_counts rows: docs/storage.md), encoded
  // on helper threads while this one writes the rows.
  CountsColumns counts(r.counts);
  ChunkWriter chunks(options_.rows_per_chunk);
  chunks.AddIntegers("worker_results", r.worker_results);
  chunks.AddIntegers("unmatched.nik", u.nik);
  chunks.AddIntegers("unmatched.region", u.region);
  chunks.AddIntegers("unmatched.attribution", u.attribution);
  chunks.AddIntegers("unmatched.status", u.status);
  chunks.AddIntegers("unmatched.segment", u.segment);
  chunks.AddIntegers("unmatched.sex", u.sex);
  chunks.AddIntegers("unmatched.birth_date", u.birth_date);
  counts.AddTo(chunks);
  chunks.Start(/*all_ahead=*/true);

  std::unique_ptr<BulkWriteScope> bulk =  // outlives the transaction
      BeginBulkWrite(r.worker_results.size() + n * (8 + 8 + 1 + 1 + 1 + 1 + 4) + r.counts.size() * sizeof(RegionCounts));
  // Foreign keys are checked row by row: on ~100,000 coverage_counts rows
  // that triples the time to replace them. This transaction keeps the
  // references itself (children deleted with their parent, the parent
  // inserted first), so it runs with the checks off.
  ForeignKeysOff unchecked(*conn_);
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  // The children first: ON DELETE CASCADE would not run without the checks.
  for (const char* sql : {"DELETE FROM coverage_counts WHERE period = ?1",
                          "DELETE FROM reconciliation_links WHERE period = ?1",
                          "DELETE FROM reconciliation_chunks WHERE period = ?1",
                          "DELETE FROM reconciliations WHERE period = ?1"}) {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef del, Sql(sql));
    del->BindText(1, period);
    CAKUPAN_RETURN_IF_ERROR(del->Run());
  }
  {
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef ins,
        Sql("INSERT INTO reconciliations (period, workers_version, members_version, regions_version, computed_at, "
            "workers, members, memberships, active, non_active, unregistered, unmatched, "
            "unmatched_by_extract_region, unmatched_by_nik_district, unmatched_unattributed, "
            "worker_result_rows, unmatched_rows, linked_probabilistic, linked_accepted, review_pairs, linkage_run, "
            "duplicate_rows) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
            "?22)"));
    const ReconciliationSummary& s = r.summary;
    ins->BindText(1, period);
    ins->BindInt64(2, r.workers_version);
    ins->BindInt64(3, r.members_version);
    ins->BindInt64(4, r.regions_version);
    ins->BindText(5, r.computed_at);
    int index = 6;
    for (int64_t v : {s.workers, s.members, s.memberships, s.active, s.non_active, s.unregistered, s.unmatched,
                      s.unmatched_by_extract_region, s.unmatched_by_nik_district, s.unmatched_unattributed})
      ins->BindInt64(index++, v);
    ins->BindInt64(16, static_cast<int64_t>(r.worker_results.size()));
    ins->BindInt64(17, static_cast<int64_t>(n));
    ins->BindInt64(18, s.linked_probabilistic);
    ins->BindInt64(19, s.linked_accepted);
    ins->BindInt64(20, s.review_pairs);
    ins->BindInt64(21, s.linkage_run ? 1 : 0);
    ins->BindInt64(22, s.duplicate_rows);
    CAKUPAN_RETURN_IF_ERROR(ins->Run());
  }
  CAKUPAN_RETURN_IF_ERROR(InsertCountRows(period, r.counts));
  CAKUPAN_RETURN_IF_ERROR(InsertLinkRows(period, r.links));
  {
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef ins,
        Sql("INSERT INTO reconciliation_chunks (period, column_name, chunk_no, row_count, byte_size, checksum, "
            "encoding, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    CAKUPAN_RETURN_IF_ERROR(chunks.Write(*ins, period));
  }
  return txn.Commit();
}

Result<std::optional<ReconciliationRecord>> SqliteStore::LoadReconciliation(Period period, bool with_details) {
  return Annotate("LoadReconciliation", DoLoadReconciliation(period, with_details));
}

Result<std::optional<ReconciliationRecord>> SqliteStore::DoLoadReconciliation(Period period, bool with_details) {
  const std::string key = period.ToString();
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kRead));
  ReconciliationRecord r;
  r.period = period;
  int64_t worker_rows = 0, unmatched_rows = 0;
  {
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef sel,
        Sql("SELECT workers_version, members_version, regions_version, computed_at, workers, members, memberships, "
            "active, non_active, unregistered, unmatched, unmatched_by_extract_region, unmatched_by_nik_district, "
            "unmatched_unattributed, worker_result_rows, unmatched_rows, linked_probabilistic, linked_accepted, "
            "review_pairs, linkage_run, duplicate_rows FROM reconciliations WHERE period = ?1"));
    sel->BindText(1, key);
    CAKUPAN_ASSIGN_OR_RETURN(bool found, sel->Step());
    if (!found) return std::optional<ReconciliationRecord>();
    r.workers_version = sel->ColumnInt64(0);
    r.members_version = sel->ColumnInt64(1);
    r.regions_version = sel->ColumnInt64(2);
    r.computed_at = sel->ColumnText(3);
    ReconciliationSummary& s = r.summary;
    int col = 4;
    for (int64_t* v : {&s.workers, &s.members, &s.memberships, &s.active, &s.non_active, &s.unregistered,
                       &s.unmatched, &s.unmatched_by_extract_region, &s.unmatched_by_nik_district,
                       &s.unmatched_unattributed})
      *v = sel->ColumnInt64(col++);
    worker_rows = sel->ColumnInt64(14);
    unmatched_rows = sel->ColumnInt64(15);
    s.linked_probabilistic = sel->ColumnInt64(16);
    s.linked_accepted = sel->ColumnInt64(17);
    s.review_pairs = sel->ColumnInt64(18);
    s.linkage_run = sel->ColumnInt64(19) != 0;
    s.duplicate_rows = sel->ColumnInt64(20);
  }
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef sel,
                           Sql("SELECT id, column_name, chunk_no, row_count, byte_size, checksum, encoding "
                               "FROM reconciliation_chunks WHERE period = ?1 ORDER BY column_name, chunk_no"));
  sel->BindText(1, key);
  CAKUPAN_ASSIGN_OR_RETURN(ChunkDirectory dir, ReadChunkDirectory(*sel));
  ChunkReader reader(*conn_, "reconciliation_chunks", "reconciliation " + key);
  if (dir.find("counts.region") != dir.end()) {
    CAKUPAN_RETURN_IF_ERROR(CountsColumns::Read(reader, dir, &r.counts));
  } else {
    CAKUPAN_RETURN_IF_ERROR(LoadCountRows(key, &r.counts));  // saved before the counts had chunks
  }
  if (with_details) {
    CAKUPAN_RETURN_IF_ERROR(LoadLinkRows(key, &r.links));
    UnmatchedMembers& u = r.unmatched;
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "worker_results", worker_rows, &r.worker_results));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.nik", unmatched_rows, &u.nik));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.region", unmatched_rows, &u.region));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.attribution", unmatched_rows, &u.attribution));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.status", unmatched_rows, &u.status));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.segment", unmatched_rows, &u.segment));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.sex", unmatched_rows, &u.sex));
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "unmatched.birth_date", unmatched_rows, &u.birth_date));
  }
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  return std::optional<ReconciliationRecord>(std::move(r));
}

Result<std::vector<Period>> SqliteStore::ListReconciledPeriods() {
  auto body = [&]() -> Result<std::vector<Period>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql("SELECT period FROM reconciliations ORDER BY period"));
    std::vector<Period> out;
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      std::optional<Period> p = Period::Parse(stmt->ColumnText(0));
      if (!p) return Status::Corruption("reconciliations holds an invalid period");
      out.push_back(*p);
    }
    return out;
  };
  return Annotate("ListReconciledPeriods", body());
}

}  // namespace cakupan::sqlite
