// Readers for cakupan's input files (formats: docs/data-formats.md).
//
// Every reader streams a CSV file (UTF-8 with or without BOM; ',', ';' or
// TAB separated, detected from the header; RFC 4180 quoting; CRLF or LF),
// maps header cells to canonical columns through accepted aliases, validates
// each row, and returns the accepted rows plus a ReadReport. A bad row is a
// Rejection, never an exception; a structural problem is a non-OK Status
// whose message starts with the file's base name:
//   kIoError    the file is missing or unreadable;
//   kDataError  the file is empty or UTF-16, has a header but no data rows,
//               lacks a required column or names a column twice, holds a
//               record over 64 MiB (an unclosed quote), or has more than
//               ReadOptions::max_rejections rejected rows;
//   kInvalidArgument  ReadOptions::regions is null where it is required.
// Nothing is stored here: callers decide what to keep.
//
// Rows: the first problem of a row rejects it (one Rejection per row, with
// the header text of the column as written in the file); rows that pass may
// add warnings. "Duplicate" means a key already seen on an earlier accepted
// row; the later row is rejected, naming the earlier line. Batches keep file
// order. In WorkerBatch and MemberBatch every table column is filled (size()
// rows): a value the file does not give is the column's "unknown" value (0,
// "", kNoDate), except that workers' sex and birth date come from the NIK.
//
// Bad cells that do not make a row useless are kept as data-quality
// findings (docs/data-formats.md, "Bad input"): a tanggal_lahir that is no
// plausible date (domain/birth_date.h) is stored as unknown — a worker's then
// comes from a valid NIK — with the text in birth_date_raw and a warning; a
// registry row whose NIK is missing or invalid is kept under a synthetic key
// when it has a name; names are stored as written (empty, in capitals, with
// digits or symbols) for the quality report to judge.
//
// Large files are parsed by several threads (ReadOptions::threads); the
// result, including line numbers and the order of rejections, is that of a
// serial read. Progress is reported in bytes, from the calling thread.
//
// ReadReport::file_hash identifies the file's bytes (imports log it): the
// content hash of ingest/content_hash.h, FNV-1a/64x4 over 1 MiB chunks
// combined in order, computed by the parsing threads from the blocks they
// read (no extra pass over the file).
//
// Thread-safety: the functions are re-entrant; each call owns its state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/region_table.h"
#include "domain/tables.h"
#include "ingest/read_report.h"

namespace cakupan {

struct ReadOptions {
  // Resolves two-digit NIK birth years (20YY if not after it, else 19YY);
  // 0 = the current calendar year.
  int reference_year = 0;
  // The import's day: a tanggal_lahir after it is no plausible birth date
  // (domain/birth_date.h). kNoDate = today (UTC).
  Date today = kNoDate;
  // Known regions. Workers, members, labour-force, targets and population
  // are checked against it (must not be null for them); for regions it is
  // the already-stored set (parents may be there or in the file; null =
  // none stored yet).
  const RegionTable* regions = nullptr;
  // Members: the extract's period. When absent, the file's `periode` column
  // gives it (all rows must agree; rows of another period are rejected).
  std::optional<Period> period;

  // --- Performance knobs (defaults suit production; tests shrink them) ---
  // Parsing threads; 0 = one per hardware thread (at most 8). A file gets at
  // most one thread per `min_bytes_per_thread`. The result does not depend
  // on the thread count.
  int threads = 0;
  uint64_t min_bytes_per_thread = 32u << 20;
  // Bytes read at a time per thread; memory is about (threads + 1) blocks
  // plus the accepted rows.
  size_t block_bytes = 8u << 20;
  // More rejected rows than this stops the read with kDataError: such a file
  // is the wrong file (or the regions are not loaded), and keeping millions
  // of rejections would cost more memory than the rows. 0 = no limit.
  int64_t max_rejections = 1000000;
};

struct RegionBatch {
  std::vector<RegionRecord> rows;  // file order
  ReadReport report;
};

struct WorkerBatch {
  WorkerTable rows;                // file order; NIKs unique (later duplicates rejected); not canonical
  std::vector<int64_t> lines;      // source line of each accepted row
  ReadReport report;
};

struct MemberBatch {
  MembershipTable rows;            // file order; (nik, segment, npp) unique; not canonical
  std::vector<int64_t> lines;      // source line of each accepted row
  Period period;                   // ReadOptions::period, else the first row's periode
  ReadReport report;
};

struct LabourForceBatch {
  std::vector<LabourForceRecord> rows;
  ReadReport report;
};

struct TargetBatch {
  std::vector<TargetRecord> rows;
  ReadReport report;
};

Result<RegionBatch> ReadRegionsCsv(const std::string& path, const ReadOptions& options, Progress& progress);
Result<WorkerBatch> ReadWorkersCsv(const std::string& path, const ReadOptions& options, Progress& progress);
Result<MemberBatch> ReadMembersCsv(const std::string& path, const ReadOptions& options, Progress& progress);
Result<LabourForceBatch> ReadLabourForceCsv(const std::string& path, const ReadOptions& options,
                                            Progress& progress);
Result<TargetBatch> ReadTargetsCsv(const std::string& path, const ReadOptions& options, Progress& progress);
struct BoundaryBatch {
  std::vector<BoundaryRecord> rows;  // file order, codes unique
  ReadReport report;                 // "line" = feature number (1-based)
};

// Region boundaries from a GeoJSON FeatureCollection (or a single Feature):
// each feature's region code comes from properties `kode`, `code`,
// `kode_wilayah`, `kd_wilayah`, `kode_kemendagri`, `kdepum`, `region_code` or
// the feature's `id`, in that order; its geometry must be a Polygon or
// MultiPolygon of [longitude, latitude] positions. A feature without a known
// region code, with another geometry or malformed coordinates, or repeating a
// code is rejected (ReadReport::rejections, `line` = feature number). Not
// valid JSON or not GeoJSON: kDataError naming the file (and the byte offset
// for syntax errors).
Result<BoundaryBatch> ReadBoundariesGeoJson(const std::string& path, const ReadOptions& options);

// Population per region (the reference file penduduk.csv: kode,nama,pria,
// wanita,total; total may be empty when pria and wanita are given); rows for
// codes not in options.regions are skipped. There is no report: the first
// malformed row fails the read with kDataError naming its line and column.
Result<std::vector<PopulationRecord>> ReadPopulationCsv(const std::string& path, const ReadOptions& options);

// Path of the rejects file for an input: "<dir>/<stem>.rejects.csv" beside it
// ("data/pekerja.csv" -> "data/pekerja.rejects.csv").
std::string RejectsPathFor(const std::string& input_path);
// Writes the rejects file (columns: baris,kolom,alasan,nilai — or
// line,column,reason,value in English; UTF-8, RFC 4180 quoting, sorted by
// line; written to a temporary file and renamed) when there are rejections,
// and removes a stale one when there are none. Returns the path written, or
// "" when none; kIoError when the file cannot be written or removed.
Result<std::string> WriteRejectsFile(const std::string& input_path, const ReadReport& report);

}  // namespace cakupan
