// Maps the header cells of an input file to canonical columns through the
// accepted aliases of each column. A header cell matches a column when its
// NormalizeKey() form ("No. KTP" -> "no_ktp") equals the column's canonical
// name or one of its aliases. Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace cakupan {

struct ColumnSpec {
  const char* name;                    // canonical header, e.g. "nik"
  std::vector<const char*> aliases;    // other accepted NormalizeKey forms
  bool required = false;
};

// The canonical columns of each import kind (docs/data-formats.md), in the
// canonical header order. Index constants below address them.
const std::vector<ColumnSpec>& RegionColumns();
const std::vector<ColumnSpec>& WorkerColumns();
const std::vector<ColumnSpec>& MemberColumns();
const std::vector<ColumnSpec>& LabourForceColumns();
const std::vector<ColumnSpec>& TargetColumns();
const std::vector<ColumnSpec>& PopulationColumns();

enum RegionCol { kRegKode, kRegNama };
enum WorkerCol { kWNik, kWNama, kWJenisKelamin, kWTanggalLahir, kWKodeDesa, kWSektor, kWPekerjaan, kWDesil, kWRentan };
enum MemberCol {
  kMPeriode, kMNik, kMNama, kMTanggalLahir, kMSegmen, kMStatus, kMProgram, kMBulanTerakhirBayar, kMNpp,
  kMSumberDana, kMKodeWilayah
};
enum LabourForceCol { kLKode, kLPeriode, kLBekerja, kLFormal, kLInformal, kLSumber };
enum TargetCol { kTKode, kTTahun, kTTarget };
enum PopulationCol { kPKode, kPNama, kPPria, kPWanita, kPTotal };

// The canonical header line of a kind: "kode,nama".
std::string CanonicalHeader(const std::vector<ColumnSpec>& specs);

struct HeaderMap {
  std::vector<int> field_of;         // per spec: index of the file column, or -1 when absent
  std::vector<std::string> header;   // every header cell as written (trimmed)
  std::vector<std::string> ignored;  // header cells that match no column (non-empty ones)

  bool has(int spec) const { return field_of[spec] >= 0; }
  // Header text of a spec's column as written in the file ("" when absent).
  const std::string& text(int spec) const;
  size_t field_count() const { return header.size(); }
};

// Maps `cells` (the header record) to `specs`. A required column missing, or
// two cells naming the same column, is kDataError; the message starts with
// `file_name` and, for a missing column, lists the accepted names. Columns
// that are required only in some configurations are checked by the caller
// with MissingColumnError().
Result<HeaderMap> MapHeader(std::string_view file_name, std::span<const std::string_view> cells,
                            const std::vector<ColumnSpec>& specs);

// "pekerja.csv: kolom wajib 'nik' tidak ditemukan (nama yang diterima: nik,
// no_ktp, ...)".
Status MissingColumnError(std::string_view file_name, const ColumnSpec& spec);

}  // namespace cakupan
