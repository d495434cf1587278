// Readers for cakupan's input files (formats: docs/data-formats.md).
//
// Every reader streams a CSV file (UTF-8 with or without BOM; ',', ';' or
// TAB separated, detected from the header; RFC 4180 quoting; CRLF or LF),
// maps header cells to canonical columns through accepted aliases, validates
// each row, and returns the accepted rows plus a ReadReport. A bad row is a
// Rejection, never an exception; a structural problem (file missing or
// unreadable, no header, a required column missing, a column given twice) is
// a non-OK Status of kind kIoError / kDataError whose message names the file
// and, where there is one, the line and column. Nothing is stored here:
// callers decide what to keep.
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
  // Known regions. Workers, members, labour-force and targets are checked
  // against it; for regions it is the already-stored set (parents may be
  // there or in the file). Must not be null.
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
  WorkerTable rows;                // file order; NIKs unique (later duplicates rejected)
  std::vector<int64_t> lines;      // source line of each accepted row
  ReadReport report;
};

struct MemberBatch {
  MembershipTable rows;            // file order; (nik, segment, npp) unique
  std::vector<int64_t> lines;
  Period period;
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
// Population per region (the reference file penduduk.csv: kode,nama,pria,
// wanita,total); rows for codes not in options.regions are skipped.
Result<std::vector<PopulationRecord>> ReadPopulationCsv(const std::string& path, const ReadOptions& options);

// Path of the rejects file for an input: "<dir>/<stem>.rejects.csv" beside it
// ("data/pekerja.csv" -> "data/pekerja.rejects.csv").
std::string RejectsPathFor(const std::string& input_path);
// Writes the rejects file (columns: baris,kolom,alasan,nilai — or
// line,column,reason,value in English) when there are rejections, and removes
// a stale one when there are none. Returns the path written, or "" when none.
Result<std::string> WriteRejectsFile(const std::string& input_path, const ReadReport& report);

}  // namespace cakupan
