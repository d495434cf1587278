// The contribution-rate table (`contribution_rates`, migration 5): small,
// plain SQL, replaced as a whole inside one transaction.
#include <string>

#include "base/date.h"
#include "storage/sqlite/sqlite_store_impl.h"

namespace cakupan::sqlite {

namespace {

constexpr const char* kSelectRates =
    "SELECT programmes, segment, risk_class, basis, rate_pcm, amount, employer, worker, government, recomposed, "
    "base_min, base_cap, base_from, base_to, effective_from, effective_to, regulation, note "
    "FROM contribution_rates ORDER BY id";

Result<std::vector<ContributionRate>> ReadRates(StatementRef& stmt) {
  std::vector<ContributionRate> out;
  while (true) {
    CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    ContributionRate r;
    auto programmes = ParseProgrammes(stmt->ColumnText(0));
    auto segment = ParseSegment(stmt->ColumnText(1));
    auto basis = ParseRateBasis(stmt->ColumnText(3));
    auto from = ParseDate(stmt->ColumnText(14));
    const std::string to_text = stmt->ColumnText(15);
    auto to = to_text.empty() ? std::optional<Date>(kNoDate) : ParseDate(to_text);
    if (!programmes || !segment || !basis || !from || !to)
      return Status::Corruption("contribution_rates row " + std::to_string(out.size() + 1) + " is unreadable");
    r.programmes = *programmes;
    r.segment = *segment;
    r.risk_class = static_cast<uint8_t>(stmt->ColumnInt64(2));
    r.basis = *basis;
    r.rate_pcm = stmt->ColumnInt64(4);
    r.amount = stmt->ColumnInt64(5);
    r.employer = stmt->ColumnInt64(6);
    r.worker = stmt->ColumnInt64(7);
    r.government = stmt->ColumnInt64(8);
    r.recomposed = stmt->ColumnInt64(9);
    r.base_min = stmt->ColumnInt64(10);
    r.base_cap = stmt->ColumnInt64(11);
    r.base_from = stmt->ColumnInt64(12);
    r.base_to = stmt->ColumnInt64(13);
    r.effective_from = *from;
    r.effective_to = *to;
    r.regulation = stmt->ColumnText(16);
    r.note = stmt->ColumnText(17);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::vector<ContributionRate>> SqliteStore::LoadRates() {
  auto body = [&]() -> Result<std::vector<ContributionRate>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql(kSelectRates));
    return ReadRates(stmt);
  };
  return Annotate("LoadRates", body());
}

Status SqliteStore::ReplaceRates(const std::vector<ContributionRate>& rows, int64_t expected_version,
                                 ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("ReplaceRates: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("ReplaceRates"));
  for (size_t i = 0; i < rows.size(); ++i) {
    if (Status st = ValidateContributionRate(rows[i]); !st.ok())
      return Annotate("ReplaceRates", Status::InvalidArgument("rate " + std::to_string(i + 1) + ": " + st.message()));
  }
  return Annotate("ReplaceRates", DoReplaceRates(rows, expected_version, record));
}

Status SqliteStore::DoReplaceRates(const std::vector<ContributionRate>& rows, int64_t expected_version,
                                   ImportRecord* record) {
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  // Inside the write transaction: nobody can import in between.
  CAKUPAN_ASSIGN_OR_RETURN(int64_t version, DataVersion(DataKind::kRates, std::nullopt));
  if (version != expected_version) {
    return Status::FailedPrecondition("the rate table changed since it was read (version " +
                                      std::to_string(expected_version) + ", now " + std::to_string(version) +
                                      "); read it again");
  }
  std::vector<ContributionRate> stored;
  {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql(kSelectRates));
    CAKUPAN_ASSIGN_OR_RETURN(stored, ReadRates(stmt));
  }
  const bool changed = stored != rows;
  if (changed) {
    CAKUPAN_RETURN_IF_ERROR(conn_->Exec("DELETE FROM contribution_rates"));
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef ins,
        Sql("INSERT INTO contribution_rates (id, programmes, segment, risk_class, basis, rate_pcm, amount, employer, "
            "worker, government, recomposed, base_min, base_cap, base_from, base_to, effective_from, effective_to, "
            "regulation, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
            "?18, ?19)"));
    for (size_t i = 0; i < rows.size(); ++i) {
      const ContributionRate& r = rows[i];
      ins->Reset();
      ins->BindInt64(1, static_cast<int64_t>(i + 1));
      ins->BindText(2, FormatProgrammes(r.programmes));
      ins->BindText(3, SegmentCode(r.segment));
      ins->BindInt64(4, r.risk_class);
      ins->BindText(5, RateBasisCode(r.basis));
      ins->BindInt64(6, r.rate_pcm);
      ins->BindInt64(7, r.amount);
      ins->BindInt64(8, r.employer);
      ins->BindInt64(9, r.worker);
      ins->BindInt64(10, r.government);
      ins->BindInt64(11, r.recomposed);
      ins->BindInt64(12, r.base_min);
      ins->BindInt64(13, r.base_cap);
      ins->BindInt64(14, r.base_from);
      ins->BindInt64(15, r.base_to);
      ins->BindText(16, FormatIsoDate(r.effective_from));
      ins->BindText(17, FormatIsoDate(r.effective_to));
      ins->BindText(18, r.regulation);
      ins->BindText(19, r.note);
      CAKUPAN_RETURN_IF_ERROR(ins->Run());
    }
  }
  ImportRecord logged = *record;
  logged.kind = DataKind::kRates;
  logged.period.clear();
  CAKUPAN_ASSIGN_OR_RETURN(int64_t id, InsertImport(logged, changed));
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  *record = logged;
  record->id = id;
  return Status::Ok();
}

}  // namespace cakupan::sqlite
