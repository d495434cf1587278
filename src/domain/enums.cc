#include "domain/enums.h"

#include "base/strings.h"

namespace cakupan {

namespace {
template <typename T>
struct Alias {
  const char* key;  // NormalizeKey form
  T value;
};

template <typename T, size_t N>
std::optional<T> Lookup(const Alias<T> (&table)[N], std::string_view text) {
  std::string key = NormalizeKey(text);
  for (const auto& a : table)
    if (key == a.key) return a.value;
  return std::nullopt;
}
}  // namespace

std::optional<Sex> ParseSex(std::string_view text) {
  static constexpr Alias<Sex> kTable[] = {
      {"l", Sex::kMale},        {"lk", Sex::kMale},         {"laki_laki", Sex::kMale},
      {"lakilaki", Sex::kMale}, {"laki", Sex::kMale},       {"pria", Sex::kMale},
      {"m", Sex::kMale},        {"male", Sex::kMale},       {"1", Sex::kMale},
      {"p", Sex::kFemale},      {"pr", Sex::kFemale},       {"perempuan", Sex::kFemale},
      {"wanita", Sex::kFemale}, {"f", Sex::kFemale},        {"female", Sex::kFemale},
      {"w", Sex::kFemale},      {"2", Sex::kFemale},
  };
  return Lookup(kTable, text);
}
const char* SexCode(Sex s) { return s == Sex::kMale ? "L" : s == Sex::kFemale ? "P" : ""; }
const char* SexLabelId(Sex s) {
  return s == Sex::kMale ? "Laki-laki" : s == Sex::kFemale ? "Perempuan" : "Tidak diketahui";
}
const char* SexLabelEn(Sex s) { return s == Sex::kMale ? "Male" : s == Sex::kFemale ? "Female" : "Unknown"; }

std::optional<Formality> ParseFormality(std::string_view text) {
  static constexpr Alias<Formality> kTable[] = {
      {"formal", Formality::kFormal},         {"f", Formality::kFormal},
      {"sektor_formal", Formality::kFormal},  {"1", Formality::kFormal},
      {"informal", Formality::kInformal},     {"i", Formality::kInformal},
      {"sektor_informal", Formality::kInformal}, {"2", Formality::kInformal},
      {"non_formal", Formality::kInformal},   {"nonformal", Formality::kInformal},
  };
  return Lookup(kTable, text);
}
const char* FormalityCode(Formality f) {
  return f == Formality::kFormal ? "formal" : f == Formality::kInformal ? "informal" : "";
}

std::optional<Segment> ParseSegment(std::string_view text) {
  static constexpr Alias<Segment> kTable[] = {
      {"pu", Segment::kPU},
      {"ppu", Segment::kPU},
      {"penerima_upah", Segment::kPU},
      {"pekerja_penerima_upah", Segment::kPU},
      {"wage_earner", Segment::kPU},
      {"bpu", Segment::kBPU},
      {"bukan_penerima_upah", Segment::kBPU},
      {"pekerja_bukan_penerima_upah", Segment::kBPU},
      {"non_wage_earner", Segment::kBPU},
      {"jakon", Segment::kJakon},
      {"jasa_konstruksi", Segment::kJakon},
      {"jk", Segment::kJakon},
      {"konstruksi", Segment::kJakon},
      {"pmi", Segment::kPMI},
      {"pekerja_migran_indonesia", Segment::kPMI},
      {"pekerja_migran", Segment::kPMI},
      {"tki", Segment::kPMI},
  };
  return Lookup(kTable, text);
}
const char* SegmentCode(Segment s) {
  switch (s) {
    case Segment::kPU: return "PU";
    case Segment::kBPU: return "BPU";
    case Segment::kJakon: return "Jakon";
    case Segment::kPMI: return "PMI";
    case Segment::kNone: return "";
  }
  return "";
}
const char* SegmentLabelId(Segment s) {
  switch (s) {
    case Segment::kPU: return "Penerima Upah";
    case Segment::kBPU: return "Bukan Penerima Upah";
    case Segment::kJakon: return "Jasa Konstruksi";
    case Segment::kPMI: return "Pekerja Migran Indonesia";
    case Segment::kNone: return "Tanpa kepesertaan";
  }
  return "";
}

std::optional<MembershipStatus> ParseMembershipStatus(std::string_view text) {
  static constexpr Alias<MembershipStatus> kTable[] = {
      {"aktif", MembershipStatus::kActive},       {"active", MembershipStatus::kActive},
      {"a", MembershipStatus::kActive},           {"1", MembershipStatus::kActive},
      {"ya", MembershipStatus::kActive},          {"y", MembershipStatus::kActive},
      {"non_aktif", MembershipStatus::kNonActive}, {"nonaktif", MembershipStatus::kNonActive},
      {"tidak_aktif", MembershipStatus::kNonActive}, {"non_active", MembershipStatus::kNonActive},
      {"nonactive", MembershipStatus::kNonActive}, {"inactive", MembershipStatus::kNonActive},
      {"na", MembershipStatus::kNonActive},       {"n", MembershipStatus::kNonActive},
      {"0", MembershipStatus::kNonActive},        {"lapsed", MembershipStatus::kNonActive},
      {"tidak", MembershipStatus::kNonActive},    {"nonaktif_menunggak", MembershipStatus::kNonActive},
  };
  return Lookup(kTable, text);
}
const char* MembershipStatusCode(MembershipStatus s) {
  return s == MembershipStatus::kActive ? "aktif" : "non-aktif";
}

std::optional<uint8_t> ParseProgrammes(std::string_view text) {
  uint8_t mask = 0;
  std::string token;
  auto flush = [&]() -> bool {
    if (token.empty()) return true;
    std::string t = ToUpperAscii(token);
    token.clear();
    if (t == "JKK") mask |= kJKK;
    else if (t == "JKM") mask |= kJKM;
    else if (t == "JHT") mask |= kJHT;
    else if (t == "JP" || t == "JPN") mask |= kJP;
    else if (t == "JKP") mask |= kJKP;
    else return false;
    return true;
  };
  for (char c : text) {
    if (c == '+' || c == ',' || c == ';' || c == ' ' || c == '/' || c == '|' || c == '\t') {
      if (!flush()) return std::nullopt;
    } else {
      token.push_back(c);
    }
  }
  if (!flush()) return std::nullopt;
  return mask;
}

std::string FormatProgrammes(uint8_t mask) {
  static constexpr const char* kNames[] = {"JKK", "JKM", "JHT", "JP", "JKP"};
  std::string out;
  for (int i = 0; i < 5; ++i) {
    if (mask & (1 << i)) {
      if (!out.empty()) out.push_back('+');
      out += kNames[i];
    }
  }
  return out;
}

std::optional<FundingSource> ParseFundingSource(std::string_view text) {
  static constexpr Alias<FundingSource> kTable[] = {
      {"mandiri", FundingSource::kSelf},
      {"sendiri", FundingSource::kSelf},
      {"peserta", FundingSource::kSelf},
      {"self", FundingSource::kSelf},
      {"pekerja", FundingSource::kSelf},
      {"pemberi_kerja", FundingSource::kEmployer},
      {"perusahaan", FundingSource::kEmployer},
      {"employer", FundingSource::kEmployer},
      {"pk", FundingSource::kEmployer},
      {"apbn", FundingSource::kApbn},
      {"pemerintah_pusat", FundingSource::kApbn},
      {"apbd_provinsi", FundingSource::kApbdProvince},
      {"apbd_prov", FundingSource::kApbdProvince},
      {"apbd_i", FundingSource::kApbdProvince},
      {"pemprov", FundingSource::kApbdProvince},
      {"apbd_kabupaten", FundingSource::kApbdRegency},
      {"apbd_kota", FundingSource::kApbdRegency},
      {"apbd_kabupaten_kota", FundingSource::kApbdRegency},
      {"apbd_kab_kota", FundingSource::kApbdRegency},
      {"apbd_kab", FundingSource::kApbdRegency},
      {"apbd_ii", FundingSource::kApbdRegency},
      {"pemkab", FundingSource::kApbdRegency},
      {"pemkot", FundingSource::kApbdRegency},
      {"apbdes", FundingSource::kVillage},
      {"apb_desa", FundingSource::kVillage},
      {"dana_desa", FundingSource::kVillage},
      {"add", FundingSource::kVillage},
      {"desa", FundingSource::kVillage},
      {"csr", FundingSource::kCsr},
      {"baznas", FundingSource::kBaznas},
      {"zakat", FundingSource::kBaznas},
      {"donasi", FundingSource::kDonation},
      {"gn_lingkaran", FundingSource::kDonation},
      {"donatur", FundingSource::kDonation},
      {"lainnya", FundingSource::kOther},
      {"other", FundingSource::kOther},
  };
  if (TrimView(text).empty()) return FundingSource::kUnknown;
  return Lookup(kTable, text);
}

const char* FundingSourceCode(FundingSource f) {
  switch (f) {
    case FundingSource::kUnknown: return "";
    case FundingSource::kSelf: return "mandiri";
    case FundingSource::kEmployer: return "pemberi_kerja";
    case FundingSource::kApbn: return "apbn";
    case FundingSource::kApbdProvince: return "apbd_provinsi";
    case FundingSource::kApbdRegency: return "apbd_kabupaten_kota";
    case FundingSource::kVillage: return "apbdes";
    case FundingSource::kCsr: return "csr";
    case FundingSource::kBaznas: return "baznas";
    case FundingSource::kDonation: return "donasi";
    case FundingSource::kOther: return "lainnya";
  }
  return "";
}

std::optional<Vulnerability> ParseVulnerability(std::string_view text) {
  static constexpr Alias<Vulnerability> kTable[] = {
      {"ya", Vulnerability::kVulnerable},        {"y", Vulnerability::kVulnerable},
      {"rentan", Vulnerability::kVulnerable},    {"pekerja_rentan", Vulnerability::kVulnerable},
      {"yes", Vulnerability::kVulnerable},       {"1", Vulnerability::kVulnerable},
      {"true", Vulnerability::kVulnerable},      {"vulnerable", Vulnerability::kVulnerable},
      {"tidak", Vulnerability::kNotVulnerable},  {"t", Vulnerability::kNotVulnerable},
      {"bukan", Vulnerability::kNotVulnerable},  {"tidak_rentan", Vulnerability::kNotVulnerable},
      {"no", Vulnerability::kNotVulnerable},     {"n", Vulnerability::kNotVulnerable},
      {"0", Vulnerability::kNotVulnerable},      {"false", Vulnerability::kNotVulnerable},
      {"bukan_rentan", Vulnerability::kNotVulnerable},
  };
  return Lookup(kTable, text);
}
const char* VulnerabilityCode(Vulnerability v) {
  return v == Vulnerability::kVulnerable ? "rentan" : v == Vulnerability::kNotVulnerable ? "tidak_rentan" : "";
}

const char* WorkerStatusCode(WorkerStatus s) {
  switch (s) {
    case WorkerStatus::kUnregistered: return "unregistered";
    case WorkerStatus::kActive: return "active";
    case WorkerStatus::kNonActive: return "non_active";
  }
  return "";
}

}  // namespace cakupan
