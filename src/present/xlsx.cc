#include "present/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/format_id.h"
#include "base/i18n.h"
#include "present/coverage_table.h"

namespace cakupan {

namespace {

// Removes the temporary file however WriteXlsx returns.
class TempFile {
 public:
  TempFile() {
    std::string dir = std::filesystem::temp_directory_path().string();
    path_ = dir + "/cakupan-xlsx-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

template <typename T>
XlsxCell Opt(const std::optional<T>& v) {
  if (!v) return std::monostate{};
  return static_cast<double>(*v);
}

std::string SheetName(std::string s) {
  for (char& c : s)
    if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') c = ' ';
  if (s.size() > 31) s.resize(31);
  return s;
}

}  // namespace

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets) {
  TempFile tmp;
  if (tmp.path().empty()) return Status::IoError("cannot create a temporary file for the workbook");
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (wb == nullptr) return Status::IoError("cannot create the workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDCE6F1);
  format_set_text_wrap(header);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* count = workbook_add_format(wb);
  format_set_num_format(count, "#,##0");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  lxw_format* points = workbook_add_format(wb);
  format_set_num_format(points, "+0.0;-0.0;0.0");
  lxw_format* rupiah = workbook_add_format(wb);
  format_set_num_format(rupiah, "\"Rp \"#,##0");
  for (const XlsxSheet& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(sheet.name).c_str());
    if (ws == nullptr) {
      workbook_close(wb);
      return Status::Internal("cannot add worksheet '" + sheet.name + "'");
    }
    lxw_row_t r = 0;
    if (!sheet.title.empty()) worksheet_write_string(ws, r++, 0, sheet.title.c_str(), title);
    for (const std::string& note : sheet.notes) worksheet_write_string(ws, r++, 0, note.c_str(), nullptr);
    if (!sheet.title.empty() || !sheet.notes.empty()) ++r;
    const lxw_row_t header_row = r;
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), sheet.columns[c].header.c_str(), header);
      lxw_format* f = sheet.columns[c].kind == XlsxKind::kCount     ? count
                      : sheet.columns[c].kind == XlsxKind::kPercent ? percent
                      : sheet.columns[c].kind == XlsxKind::kPoints  ? points
                      : sheet.columns[c].kind == XlsxKind::kRupiah  ? rupiah
                                                                    : nullptr;
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), sheet.columns[c].width, f);
    }
    ++r;
    for (const auto& row : sheet.rows) {
      for (size_t c = 0; c < row.size() && c < sheet.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (const auto* s = std::get_if<std::string>(&row[c])) {
          worksheet_write_string(ws, r, col, s->c_str(), nullptr);
        } else if (const auto* d = std::get_if<double>(&row[c])) {
          worksheet_write_number(ws, r, col, *d, nullptr);
        }
      }
      ++r;
    }
    if (!sheet.columns.empty()) worksheet_freeze_panes(ws, header_row + 1, 0);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::IoError(std::string("writing the workbook: ") + lxw_strerror(err));
  std::ifstream in(tmp.path(), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return Status::IoError("reading the workbook back");
  return bytes.str();
}

XlsxSheet DefinitionsSheet() {
  XlsxSheet s;
  s.name = Tr("Definitions", "Definisi");
  s.title = Tr("How the figures are computed (docs/definitions.md)", "Cara angka dihitung (docs/definitions.md)");
  s.columns = {{Tr("Column", "Kolom"), XlsxKind::kText, 26}, {Tr("Meaning", "Arti"), XlsxKind::kText, 110}};
  auto add = [&](const char* en_col, const char* id_col, const char* en, const char* id) {
    s.rows.push_back({std::string(Tr(en_col, id_col)), std::string(Tr(en, id))});
  };
  add("Denominator", "Penyebut",
      "labour-force basis: employed persons (BPS), the latest figure at or before the period; registry basis: "
      "enumerated workers",
      "basis angkatan kerja: penduduk bekerja (BPS), data terakhir pada atau sebelum periode; basis registri: pekerja "
      "hasil pendataan");
  add("Active", "Aktif",
      "participants whose contributions are paid up for the period (labour-force basis: matched or not)",
      "peserta yang iurannya lunas untuk periode itu (basis angkatan kerja: terdata maupun tidak)");
  add("Non-active", "Non-aktif", "registered participants whose membership lapsed; never counted as covered",
      "peserta terdaftar yang kepesertaannya tidak aktif; tidak dihitung terlindungi");
  add("Unregistered", "Belum terdaftar", "registry workers with no membership in the period",
      "pekerja terdata tanpa kepesertaan pada periode itu");
  add("Coverage", "Cakupan", "active / denominator", "aktif / penyebut");
  add("Rank", "Peringkat", "among regions with the same parent, 1 = highest coverage",
      "di antara wilayah dengan induk yang sama, 1 = cakupan tertinggi");
  add("Gap (points)", "Selisih (poin)", "(target - coverage) x 100; positive = behind the target",
      "(target - cakupan) x 100; positif = di bawah target");
  add("Workers to target", "Pekerja ke target",
      "active participants still needed to reach the target (zero or less: met)",
      "tambahan peserta aktif yang dibutuhkan untuk mencapai target (nol atau kurang: tercapai)");
  return s;
}

Result<std::string> CoverageReportXlsx(const CoverageReport& rep) {
  XlsxSheet s;
  s.name = Tr("Coverage", "Cakupan");
  s.title = std::string(Tr("Employment social security coverage", "Cakupan jaminan sosial ketenagakerjaan")) +
            " \u2014 " + rep.region.name + " (" + rep.region.code.ToString() + "), " +
            (CurrentLanguage() == Lang::kEn ? rep.period.ToString() : rep.period.ToIndonesian());
  s.notes.push_back(std::string(Tr("Basis: ", "Basis: ")) + BasisLabel(rep.basis));
  if (rep.national_reference) {
    s.notes.push_back(std::string(Tr("National reference: ", "Rujukan nasional: ")) +
                      FormatPercent(*rep.national_reference, 1));
  } else if (!rep.national_reference_note.empty()) {
    s.notes.push_back(rep.national_reference_note);
  }
  s.columns = {{Tr("Code", "Kode"), XlsxKind::kText, 15},
               {Tr("Region", "Wilayah"), XlsxKind::kText, 30},
               {rep.basis == Basis::kRegistry ? Tr("Workers", "Pekerja") : Tr("Employed", "Bekerja"), XlsxKind::kCount, 13},
               {Tr("Active", "Aktif"), XlsxKind::kCount, 12},
               {Tr("Non-active", "Non-aktif"), XlsxKind::kCount, 12},
               {Tr("Unregistered", "Belum terdaftar"), XlsxKind::kCount, 14},
               {Tr("Coverage", "Cakupan"), XlsxKind::kPercent, 10},
               {Tr("Rank", "Peringkat"), XlsxKind::kCount, 10},
               {Tr("Target", "Target"), XlsxKind::kPercent, 10},
               {Tr("Gap (points)", "Selisih (poin)"), XlsxKind::kPoints, 12},
               {Tr("Workers to target", "Pekerja ke target"), XlsxKind::kCount, 14},
               {Tr("Gap to national (points)", "Selisih ke nasional (poin)"), XlsxKind::kPoints, 14},
               {Tr("Workers to national", "Pekerja ke rujukan nasional"), XlsxKind::kCount, 16}};
  auto row = [&](const CoverageRow& r, bool total) {
    s.rows.push_back({r.code.ToString(), total ? std::string(Tr("Total ", "Jumlah ")) + r.name : r.name,
                      Opt(r.denominator), static_cast<double>(r.active), static_cast<double>(r.non_active),
                      static_cast<double>(r.unregistered), Opt(r.coverage), Opt(r.rank), Opt(r.target),
                      Opt(r.gap_points), Opt(r.gap_workers), Opt(r.gap_national_points),
                      Opt(r.gap_national_workers)});
  };
  for (const auto& r : rep.rows) row(r, false);
  row(rep.region, true);
  return WriteXlsx({s, DefinitionsSheet()});
}

Result<std::string> BreakdownXlsx(const Breakdown& b) {
  XlsxSheet s;
  s.name = Tr("Breakdown", "Rincian");
  s.title = std::string(Tr("Breakdown by ", "Rincian menurut ")) + DimensionLabel(b.dimension) + " \u2014 " +
            b.region.name + " (" + b.region.code.ToString() + "), " +
            (CurrentLanguage() == Lang::kEn ? b.period.ToString() : b.period.ToIndonesian());
  s.notes = {std::string(Tr("Basis: ", "Basis: ")) + BasisLabel(b.basis), b.note};
  s.columns = {{Tr("Group", "Kelompok"), XlsxKind::kText, 22},
               {Tr("Denominator", "Penyebut"), XlsxKind::kCount, 13},
               {Tr("Active", "Aktif"), XlsxKind::kCount, 12},
               {Tr("Non-active", "Non-aktif"), XlsxKind::kCount, 12},
               {Tr("Unregistered", "Belum terdaftar"), XlsxKind::kCount, 14},
               {Tr("Coverage", "Cakupan"), XlsxKind::kPercent, 10},
               {Tr("Share of active", "Porsi aktif"), XlsxKind::kPercent, 12}};
  for (const auto& r : b.rows) {
    s.rows.push_back({r.label, Opt(r.denominator), static_cast<double>(r.active), static_cast<double>(r.non_active),
                      static_cast<double>(r.unregistered), Opt(r.coverage), r.share_of_active});
  }
  return WriteXlsx({s, DefinitionsSheet()});
}

}  // namespace cakupan
