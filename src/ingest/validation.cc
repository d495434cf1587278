#include "ingest/validation.h"

#include <fmt/format.h>

#include "base/i18n.h"
#include "base/strings.h"
#include "ingest/field_parsers.h"

namespace cakupan {

namespace {

const char* LevelName(RegionLevel level) {
  return CurrentLanguage() == Lang::kEn ? RegionLevelName(level) : RegionLevelNameId(level);
}

const char* SexName(Sex s) { return CurrentLanguage() == Lang::kEn ? SexLabelEn(s) : SexLabelId(s); }

}  // namespace

std::string CheckRegionCode(std::string_view text, std::optional<RegionCode>* code) {
  if (text.empty()) return Tr("region code is empty", "kode wilayah kosong");
  *code = ParseRegionCodeFast(text);
  if (!*code) {
    return Tr("not a region code (format PP.KK.CC.DDDD, e.g. 17.04 or 17.04.07.2010)",
              "bukan kode wilayah (format PP.KK.CC.DDDD, contoh 17.04 atau 17.04.07.2010)");
  }
  return std::string();
}

std::string UnknownRegionReason(RegionCode code) {
  return fmt::format(fmt::runtime(Tr("unknown region code {} (not in the region list)",
                                     "kode wilayah {} tidak dikenal (tidak ada di daftar wilayah)")),
                     code.ToString());
}

std::string CheckVillageCode(std::string_view text, KnownRegionCache& regions, std::optional<RegionCode>* code) {
  if (text.empty()) return Tr("village code is empty", "kode desa kosong");
  *code = ParseRegionCodeFast(text);
  if (!*code) {
    return Tr("not a village code (format PP.KK.CC.DDDD, e.g. 17.04.07.2010)",
              "bukan kode desa (format PP.KK.CC.DDDD, contoh 17.04.07.2010)");
  }
  if ((*code)->level() != RegionLevel::kVillage) {
    return fmt::format(fmt::runtime(Tr("not a village code but a {} code (format PP.KK.CC.DDDD)",
                                       "bukan kode desa/kelurahan melainkan kode {} (format PP.KK.CC.DDDD)")),
                       LevelName((*code)->level()));
  }
  if (!regions.Contains(**code)) {
    return Tr("unknown village code (not in the region list)",
              "kode desa tidak dikenal (tidak ada di daftar wilayah)");
  }
  return std::string();
}

std::string CheckName(std::string_view name) {
  if (!IsValidUtf8Fast(name)) return NotUtf8Reason();
  if (name.size() > kMaxNameBytes) {
    return fmt::format(fmt::runtime(Tr("name longer than {} bytes ({} bytes)", "nama lebih dari {} byte ({} byte)")),
                       kMaxNameBytes, name.size());
  }
  return std::string();
}

std::string NikReason(std::string_view text, NikError error) {
  if (error == NikError::kNotDigits) {
    int digits = 0;
    bool separated = true;
    for (char c : TrimView(text)) {
      if (c >= '0' && c <= '9') ++digits;
      else if (c != ' ' && c != '-' && c != '.' && c != '/') separated = false;
    }
    if (separated && digits == 16) {
      return Tr("NIK may contain digits only: write the 16 digits without spaces or punctuation",
                "NIK hanya boleh berisi angka: tulis 16 digit tanpa spasi atau tanda baca");
    }
  }
  return NikErrorMessage(error);
}

std::string BirthDateKeptWarning(BirthDateIssue issue, bool nik_date) {
  return fmt::format(fmt::runtime(nik_date ? Tr("birth date not usable, {}; the NIK's birth date is used",
                                                "tanggal lahir tidak valid, {}; dipakai tanggal lahir dari NIK")
                                           : Tr("birth date not usable, {}; stored as unknown",
                                                "tanggal lahir tidak valid, {}; disimpan sebagai tidak diketahui")),
                     BirthDateIssueMessage(issue));
}

std::string RawCellText(std::string_view text) {
  constexpr size_t kMaxRawBytes = 32;
  text = TrimView(text);
  if (text.size() > kMaxRawBytes) text = text.substr(0, kMaxRawBytes);
  std::string out(text);
  for (char& c : out) {
    if (c < 0x20 || c > 0x7e) c = '?';
  }
  return out;
}

std::string NikKeptWarning(std::string_view text, NikError error) {
  return fmt::format(fmt::runtime(Tr("{}: the worker is kept without a NIK and matched by name, birth date and village",
                                     "{}: pekerja disimpan tanpa NIK dan dicocokkan lewat nama, tanggal lahir dan desa")),
                     NikReason(text, error));
}

std::string NikWithoutNameReason(std::string_view text, NikError error) {
  return fmt::format(fmt::runtime(Tr("{}, and there is no name to identify the worker",
                                     "{}, dan tidak ada nama untuk mengenali pekerja")),
                     NikReason(text, error));
}

std::string NotUtf8Reason() {
  return Tr("text is not valid UTF-8: save the file as \"CSV UTF-8\"",
            "teks bukan UTF-8 yang sah: simpan berkas sebagai \"CSV UTF-8\"");
}

std::string UnknownSexReason() {
  return Tr("unknown sex (use L or P)", "jenis kelamin tidak dikenal (isi L atau P)");
}

std::string BadPeriodReason() {
  return Tr("not a month (e.g. 2024-11, 11/2024, November 2024)",
            "bukan bulan (contoh 2024-11, 11/2024, November 2024)");
}

std::string DuplicateReason(std::string_view what, int64_t first_line) {
  return fmt::format(fmt::runtime(Tr("duplicate {}: already on line {}", "{} ganda: sudah ada di baris {}")), what,
                     first_line);
}

std::string NikDistrictWarning(RegionCode district) {
  return fmt::format(fmt::runtime(Tr("NIK district {} is not in the region list (issued before a split?)",
                                     "kecamatan NIK {} tidak ada di daftar wilayah (terbit sebelum pemekaran?)")),
                     district.ToString());
}

std::string SexMismatchWarning(Sex given, Sex from_nik) {
  return fmt::format(fmt::runtime(Tr("sex {} differs from the NIK ({}); the given value is kept",
                                     "jenis kelamin {} berbeda dengan NIK ({}); nilai yang diisi dipakai")),
                     SexName(given), SexName(from_nik));
}

std::string BirthDateMismatchWarning(Date given, Date from_nik) {
  return fmt::format(fmt::runtime(Tr("birth date {} differs from the NIK ({}); the given value is kept",
                                     "tanggal lahir {} berbeda dengan NIK ({}); nilai yang diisi dipakai")),
                     FormatIsoDate(given), FormatIsoDate(from_nik));
}

}  // namespace cakupan
