#include "ingest/column_map.h"

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

namespace {

// NIK, name and birth date are spelled the same way in every kind of file.
#define CAKUPAN_NIK_ALIASES \
  "no_ktp", "nomor_ktp", "nomor_induk_kependudukan", "no_nik", "nomor_nik", "ktp", "nik_ktp"
#define CAKUPAN_NAMA_ALIASES "nama_lengkap", "nama_pekerja", "nama_peserta", "name", "full_name"
#define CAKUPAN_TGL_LAHIR_ALIASES \
  "tgl_lahir", "tgl_lhr", "birth_date", "date_of_birth", "tanggal_lahir_dd_mm_yyyy", "tgl_lahir_dd_mm_yyyy"
#define CAKUPAN_KODE_ALIASES "kode_wilayah", "kode_kemendagri", "kd_wilayah", "code", "region_code"

}  // namespace

const std::vector<ColumnSpec>& RegionColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"kode", {CAKUPAN_KODE_ALIASES}, true},
      {"nama", {"nama_wilayah", "name", "nama_daerah"}, true},
  };
  return kSpecs;
}

const std::vector<ColumnSpec>& WorkerColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"nik", {CAKUPAN_NIK_ALIASES}, true},
      {"nama", {CAKUPAN_NAMA_ALIASES}, false},
      {"jenis_kelamin", {"jk", "kelamin", "l_p", "sex", "gender"}, false},
      {"tanggal_lahir", {CAKUPAN_TGL_LAHIR_ALIASES}, false},
      {"kode_desa",
       {"kode_kelurahan", "kode_desa_kelurahan", "kd_desa", "village_code", "kode_wilayah", "kode_desa_kel"},
       true},
      {"sektor", {"formal_informal", "jenis_pekerjaan_sektor", "status_pekerjaan", "sector", "sektor_pekerjaan"},
       false},
      {"pekerjaan", {"jenis_pekerjaan", "occupation", "profesi"}, false},
      {"desil", {"desil_kesejahteraan", "decile", "desil_p3ke", "desil_dtks"}, false},
      {"rentan", {"pekerja_rentan", "vulnerable", "kerentanan"}, false},
  };
  return kSpecs;
}

const std::vector<ColumnSpec>& MemberColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"periode", {"period", "bulan_data", "periode_data", "bulan_laporan"}, false},  // required unless given
      {"nik", {CAKUPAN_NIK_ALIASES}, true},
      {"nama", {CAKUPAN_NAMA_ALIASES}, false},
      {"tanggal_lahir", {CAKUPAN_TGL_LAHIR_ALIASES}, false},
      {"segmen", {"segmen_kepesertaan", "kategori", "segment", "jenis_kepesertaan"}, true},
      {"status", {"status_kepesertaan", "status_aktif"}, false},  // it or bulan_terakhir_bayar
      {"program", {"program_diikuti", "programs", "programme", "programmes"}, false},
      {"bulan_terakhir_bayar", {"blth_terakhir", "iuran_terakhir", "last_paid", "last_paid_month"}, false},
      {"npp", {"nomor_pendaftaran_perusahaan", "kode_perusahaan"}, false},
      {"sumber_dana", {"pembayar_iuran", "sumber_iuran", "funding_source", "payer"}, false},
      {"kode_wilayah", {"kode_kab", "kode_kabupaten", "kode_daerah", "region_code", "kode_desa"}, false},
  };
  return kSpecs;
}

const std::vector<ColumnSpec>& LabourForceColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"kode", {CAKUPAN_KODE_ALIASES, "kode_kab", "kode_kabupaten"}, true},
      {"periode", {"period", "bulan", "periode_data"}, true},
      {"bekerja",
       {"penduduk_bekerja", "jumlah_bekerja", "employed", "angkatan_kerja_bekerja", "potensi_pekerja"},
       true},
      {"formal", {"pekerja_formal", "bekerja_formal", "sektor_formal"}, false},
      {"informal", {"pekerja_informal", "bekerja_informal", "sektor_informal"}, false},
      {"sumber", {"sumber_data", "source"}, false},
  };
  return kSpecs;
}

const std::vector<ColumnSpec>& TargetColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"kode", {CAKUPAN_KODE_ALIASES, "kode_kab", "kode_kabupaten"}, true},
      {"tahun", {"year", "tahun_target"}, true},
      {"target", {"target_cakupan", "target_persen", "sasaran"}, true},
  };
  return kSpecs;
}

const std::vector<ColumnSpec>& PopulationColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"kode", {CAKUPAN_KODE_ALIASES}, true},
      {"nama", {"nama_wilayah", "name"}, false},
      {"pria", {"laki_laki", "male", "penduduk_pria"}, false},
      {"wanita", {"perempuan", "female", "penduduk_wanita"}, false},
      {"total", {"jumlah", "jumlah_penduduk", "penduduk"}, false},
  };
  return kSpecs;
}

#undef CAKUPAN_NIK_ALIASES
#undef CAKUPAN_NAMA_ALIASES
#undef CAKUPAN_TGL_LAHIR_ALIASES
#undef CAKUPAN_KODE_ALIASES

std::string CanonicalHeader(const std::vector<ColumnSpec>& specs) {
  std::string out;
  for (const ColumnSpec& s : specs) {
    if (!out.empty()) out.push_back(',');
    out += s.name;
  }
  return out;
}

const std::string& HeaderMap::text(int spec) const {
  static const std::string kEmpty;
  const int f = field_of[spec];
  return f >= 0 ? header[f] : kEmpty;
}

Status MissingColumnError(std::string_view file_name, const ColumnSpec& spec) {
  std::string names = spec.name;
  for (const char* a : spec.aliases) {
    names += ", ";
    names += a;
  }
  return Status::DataError(std::string(file_name) + ": " + Tr("required column '", "kolom wajib '") + spec.name +
                           Tr("' not found (accepted names: ", "' tidak ditemukan (nama yang diterima: ") + names +
                           ")");
}

Result<HeaderMap> MapHeader(std::string_view file_name, std::span<const std::string_view> cells,
                            const std::vector<ColumnSpec>& specs) {
  HeaderMap map;
  map.field_of.assign(specs.size(), -1);
  map.header.reserve(cells.size());
  for (size_t f = 0; f < cells.size(); ++f) {
    std::string_view cell = TrimView(cells[f]);
    map.header.emplace_back(cell);
    const std::string key = NormalizeKey(cell);
    if (key.empty()) continue;  // an unnamed column (Excel pads rows with them)
    int match = -1;
    for (size_t s = 0; s < specs.size() && match < 0; ++s) {
      if (key == specs[s].name) match = static_cast<int>(s);
      for (const char* a : specs[s].aliases)
        if (match < 0 && key == a) match = static_cast<int>(s);
    }
    if (match < 0) {
      map.ignored.emplace_back(cell);
      continue;
    }
    if (map.field_of[match] >= 0) {
      return Status::DataError(std::string(file_name) + ": " + Tr("column '", "kolom '") + specs[match].name +
                               Tr("' appears twice ('", "' muncul dua kali ('") + map.header[map.field_of[match]] +
                               Tr("' and '", "' dan '") + std::string(cell) + "')");
    }
    map.field_of[match] = static_cast<int>(f);
  }
  for (size_t s = 0; s < specs.size(); ++s)
    if (specs[s].required && map.field_of[s] < 0) return MissingColumnError(file_name, specs[s]);
  return map;
}

}  // namespace cakupan
