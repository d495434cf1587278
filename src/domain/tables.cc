#include "domain/tables.h"

#include <string>

namespace cakupan {

namespace {

template <typename T>
std::vector<T> GatherVec(const std::vector<T>& v, const std::vector<uint32_t>& rows) {
  std::vector<T> out;
  if (v.empty()) return out;
  out.resize(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) out[i] = v[rows[i]];
  return out;
}

StringColumn GatherStr(const StringColumn& c, const std::vector<uint32_t>& rows) {
  if (c.empty()) return StringColumn();
  return c.Gather(rows);
}

template <typename T>
void AppendFrom(std::vector<T>& dst, const std::vector<T>& src, size_t row) {
  if (!src.empty()) dst.push_back(src[row]);
}

Status CheckSize(size_t actual, size_t rows, const char* table, const char* column) {
  if (actual != 0 && actual != rows)
    return Status::Internal(std::string(table) + "." + column + " has " + std::to_string(actual) +
                            " rows, expected " + std::to_string(rows));
  return Status::Ok();
}

}  // namespace

uint32_t WorkerTable::loaded_columns() const {
  if (size() == 0) return kWorkerAllColumns;
  uint32_t m = kWorkerNik;
  if (!name.empty()) m |= kWorkerName;
  if (!sex.empty()) m |= kWorkerSex;
  if (!birth_date.empty()) m |= kWorkerBirthDate;
  if (!village.empty()) m |= kWorkerVillage;
  if (!formality.empty()) m |= kWorkerFormality;
  if (!occupation.empty()) m |= kWorkerOccupation;
  if (!decile.empty()) m |= kWorkerDecile;
  if (!vulnerability.empty()) m |= kWorkerVulnerability;
  if (!nik_issue.empty()) m |= kWorkerNikIssue;
  if (!birth_date_raw.empty()) m |= kWorkerBirthDateRaw;
  return m;
}

void WorkerTable::Reserve(size_t rows) {
  nik.reserve(rows);
  name.reserve(rows, rows * 16);
  sex.reserve(rows);
  birth_date.reserve(rows);
  village.reserve(rows);
  formality.reserve(rows);
  occupation.reserve(rows);
  decile.reserve(rows);
  vulnerability.reserve(rows);
  nik_issue.reserve(rows);
  nik_raw.reserve(rows, 0);
  birth_date_raw.reserve(rows, 0);
}

uint16_t WorkerTable::InternOccupation(std::string_view text) {
  if (text.empty()) return 0;
  for (size_t i = 1; i < occupations.size(); ++i)
    if (occupations[i] == text) return static_cast<uint16_t>(i);
  if (occupations.size() >= 65535) return 0;  // dictionary full: unknown
  occupations.emplace_back(text);
  return static_cast<uint16_t>(occupations.size() - 1);
}

WorkerTable WorkerTable::Gather(const std::vector<uint32_t>& rows) const {
  WorkerTable out;
  out.nik = GatherVec(nik, rows);
  out.name = GatherStr(name, rows);
  out.sex = GatherVec(sex, rows);
  out.birth_date = GatherVec(birth_date, rows);
  out.village = GatherVec(village, rows);
  out.formality = GatherVec(formality, rows);
  out.occupation = GatherVec(occupation, rows);
  out.occupations = occupations;
  out.decile = GatherVec(decile, rows);
  out.vulnerability = GatherVec(vulnerability, rows);
  out.nik_issue = GatherVec(nik_issue, rows);
  out.nik_raw = GatherStr(nik_raw, rows);
  out.birth_date_raw = GatherStr(birth_date_raw, rows);
  return out;
}

void WorkerTable::AppendRow(const WorkerTable& o, size_t row) {
  nik.push_back(o.nik[row]);
  if (!o.name.empty()) name.push_back(o.name[row]);
  AppendFrom(sex, o.sex, row);
  AppendFrom(birth_date, o.birth_date, row);
  AppendFrom(village, o.village, row);
  AppendFrom(formality, o.formality, row);
  if (!o.occupation.empty()) {
    uint16_t src = o.occupation[row];
    occupation.push_back(src == 0 ? 0 : InternOccupation(o.occupations[src]));
  }
  AppendFrom(decile, o.decile, row);
  AppendFrom(vulnerability, o.vulnerability, row);
  AppendFrom(nik_issue, o.nik_issue, row);
  if (!o.nik_raw.empty()) nik_raw.push_back(o.nik_raw[row]);
  if (!o.birth_date_raw.empty()) birth_date_raw.push_back(o.birth_date_raw[row]);
}

Status WorkerTable::Validate() const {
  const size_t n = size();
  CAKUPAN_RETURN_IF_ERROR(CheckSize(name.size(), n, "workers", "name"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(sex.size(), n, "workers", "sex"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(birth_date.size(), n, "workers", "birth_date"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(village.size(), n, "workers", "village"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(formality.size(), n, "workers", "formality"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(occupation.size(), n, "workers", "occupation"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(decile.size(), n, "workers", "decile"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(vulnerability.size(), n, "workers", "vulnerability"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(nik_issue.size(), n, "workers", "nik_issue"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(nik_raw.size(), n, "workers", "nik_raw"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(birth_date_raw.size(), n, "workers", "birth_date_raw"));
  if (nik_issue.size() != nik_raw.size()) return Status::Internal("workers.nik_issue and nik_raw differ in length");
  if (!name.Valid() || !nik_raw.Valid() || !birth_date_raw.Valid())
    return Status::Internal("workers string offsets are invalid");
  if (occupations.empty() || !occupations[0].empty())
    return Status::Internal("workers.occupations[0] must be the empty string");
  for (uint16_t o : occupation)
    if (o >= occupations.size()) return Status::Internal("workers.occupation index out of range");
  return Status::Ok();
}

uint32_t MembershipTable::loaded_columns() const {
  if (size() == 0) return kMemberAllColumns;
  uint32_t m = kMemberNik;
  if (!name.empty()) m |= kMemberName;
  if (!birth_date.empty()) m |= kMemberBirthDate;
  if (!segment.empty()) m |= kMemberSegment;
  if (!status.empty()) m |= kMemberStatus;
  if (!programmes.empty()) m |= kMemberProgrammes;
  if (!last_paid.empty()) m |= kMemberLastPaid;
  if (!npp.empty()) m |= kMemberNpp;
  if (!funding.empty()) m |= kMemberFunding;
  if (!region.empty()) m |= kMemberRegion;
  if (!birth_date_raw.empty()) m |= kMemberBirthDateRaw;
  return m;
}

void MembershipTable::Reserve(size_t rows) {
  nik.reserve(rows);
  name.reserve(rows, rows * 16);
  birth_date.reserve(rows);
  segment.reserve(rows);
  status.reserve(rows);
  programmes.reserve(rows);
  last_paid.reserve(rows);
  npp.reserve(rows, rows * 4);
  funding.reserve(rows);
  region.reserve(rows);
  birth_date_raw.reserve(rows, 0);
}

MembershipTable MembershipTable::Gather(const std::vector<uint32_t>& rows) const {
  MembershipTable out;
  out.nik = GatherVec(nik, rows);
  out.name = GatherStr(name, rows);
  out.birth_date = GatherVec(birth_date, rows);
  out.segment = GatherVec(segment, rows);
  out.status = GatherVec(status, rows);
  out.programmes = GatherVec(programmes, rows);
  out.last_paid = GatherVec(last_paid, rows);
  out.npp = GatherStr(npp, rows);
  out.funding = GatherVec(funding, rows);
  out.region = GatherVec(region, rows);
  out.birth_date_raw = GatherStr(birth_date_raw, rows);
  return out;
}

void MembershipTable::AppendRow(const MembershipTable& o, size_t row) {
  nik.push_back(o.nik[row]);
  if (!o.name.empty()) name.push_back(o.name[row]);
  AppendFrom(birth_date, o.birth_date, row);
  AppendFrom(segment, o.segment, row);
  AppendFrom(status, o.status, row);
  AppendFrom(programmes, o.programmes, row);
  AppendFrom(last_paid, o.last_paid, row);
  if (!o.npp.empty()) npp.push_back(o.npp[row]);
  AppendFrom(funding, o.funding, row);
  AppendFrom(region, o.region, row);
  if (!o.birth_date_raw.empty()) birth_date_raw.push_back(o.birth_date_raw[row]);
}

Status MembershipTable::Validate() const {
  const size_t n = size();
  CAKUPAN_RETURN_IF_ERROR(CheckSize(name.size(), n, "memberships", "name"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(birth_date.size(), n, "memberships", "birth_date"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(segment.size(), n, "memberships", "segment"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(status.size(), n, "memberships", "status"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(programmes.size(), n, "memberships", "programmes"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(last_paid.size(), n, "memberships", "last_paid"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(npp.size(), n, "memberships", "npp"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(funding.size(), n, "memberships", "funding"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(region.size(), n, "memberships", "region"));
  CAKUPAN_RETURN_IF_ERROR(CheckSize(birth_date_raw.size(), n, "memberships", "birth_date_raw"));
  if (!name.Valid() || !npp.Valid() || !birth_date_raw.Valid())
    return Status::Internal("memberships string offsets are invalid");
  return Status::Ok();
}

}  // namespace cakupan
