// The small closed vocabularies of jaminan sosial ketenagakerjaan: sex,
// formal/informal sector, membership segment and status, programmes, funding
// source, vulnerability. Each enum has a stable numeric value (it is stored),
// a parser accepting the Indonesian and English words found in BPJS extracts
// and regional spreadsheets, and labels. All functions are pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cakupan {

enum class Sex : uint8_t { kUnknown = 0, kMale = 1, kFemale = 2 };
// "L", "P", "Laki-laki", "Perempuan", "Pria", "Wanita", "M", "F", "Male", "Female", "1", "2".
std::optional<Sex> ParseSex(std::string_view text);
const char* SexCode(Sex s);     // "L" / "P" / ""
const char* SexLabelId(Sex s);  // "Laki-laki" / "Perempuan" / "Tidak diketahui"
const char* SexLabelEn(Sex s);

enum class Formality : uint8_t { kUnknown = 0, kFormal = 1, kInformal = 2 };
// "formal", "informal", "F", "I", "sektor formal", "sektor informal".
std::optional<Formality> ParseFormality(std::string_view text);
const char* FormalityCode(Formality f);  // "formal" / "informal" / ""

// BPJS Ketenagakerjaan's participant segments.
enum class Segment : uint8_t {
  kNone = 0,   // no membership (used in results, never in an extract)
  kPU = 1,     // Penerima Upah: wage earners
  kBPU = 2,    // Bukan Penerima Upah: non-wage earners
  kJakon = 3,  // Jasa Konstruksi: construction project workers
  kPMI = 4,    // Pekerja Migran Indonesia: migrant workers
};
inline constexpr int kSegmentCount = 5;
// "PU", "Penerima Upah", "PPU", "BPU", "Bukan Penerima Upah", "Jakon",
// "Jasa Konstruksi", "JK", "PMI", "Pekerja Migran Indonesia".
std::optional<Segment> ParseSegment(std::string_view text);
const char* SegmentCode(Segment s);     // "PU", "BPU", "Jakon", "PMI", ""
const char* SegmentLabelId(Segment s);  // "Penerima Upah", ...
// Formal segments in the NTB convention: PU, Jakon, PMI; informal: BPU.
inline bool SegmentIsFormal(Segment s) { return s == Segment::kPU || s == Segment::kJakon || s == Segment::kPMI; }

enum class MembershipStatus : uint8_t { kActive = 1, kNonActive = 2 };
// "aktif", "active", "A", "1", "ya"; "non-aktif", "nonaktif", "tidak aktif",
// "inactive", "NA", "N", "0", "lapsed".
std::optional<MembershipStatus> ParseMembershipStatus(std::string_view text);
const char* MembershipStatusCode(MembershipStatus s);  // "aktif" / "non-aktif"

// Programme bitmask.
enum Programme : uint8_t {
  kJKK = 1 << 0,  // Jaminan Kecelakaan Kerja
  kJKM = 1 << 1,  // Jaminan Kematian
  kJHT = 1 << 2,  // Jaminan Hari Tua
  kJP = 1 << 3,   // Jaminan Pensiun
  kJKP = 1 << 4,  // Jaminan Kehilangan Pekerjaan
};
// Parses a list such as "JKK+JKM", "JKK, JKM, JHT", "JKK;JKM" or "JKK JKM".
// Empty text is 0 (unknown). nullopt if a token is not a programme.
std::optional<uint8_t> ParseProgrammes(std::string_view text);
std::string FormatProgrammes(uint8_t mask);  // "JKK+JKM+JHT"

// Who pays the contribution.
enum class FundingSource : uint8_t {
  kUnknown = 0,
  kSelf = 1,          // mandiri: the worker
  kEmployer = 2,      // pemberi kerja
  kApbn = 3,          // central government budget
  kApbdProvince = 4,  // provincial budget
  kApbdRegency = 5,   // regency/city budget
  kVillage = 6,       // APBDes / Dana Desa
  kCsr = 7,           // company CSR
  kBaznas = 8,        // zakat through BAZNAS
  kDonation = 9,      // other donors (GN Lingkaran)
  kOther = 10,
};
// "mandiri", "pemberi kerja", "perusahaan", "APBN", "APBD Provinsi",
// "APBD Kabupaten", "APBD Kota", "APBDes", "Dana Desa", "CSR", "BAZNAS", ...
std::optional<FundingSource> ParseFundingSource(std::string_view text);
const char* FundingSourceCode(FundingSource f);  // "mandiri", "pemberi_kerja", "apbd_provinsi", ...

enum class Vulnerability : uint8_t { kUnknown = 0, kVulnerable = 1, kNotVulnerable = 2 };
// "ya", "rentan", "yes", "1", "true" / "tidak", "bukan", "no", "0", "false".
std::optional<Vulnerability> ParseVulnerability(std::string_view text);
const char* VulnerabilityCode(Vulnerability v);  // "rentan" / "tidak_rentan" / ""

// Result of reconciling one registry worker for a period.
enum class WorkerStatus : uint8_t { kUnregistered = 0, kActive = 1, kNonActive = 2 };
const char* WorkerStatusCode(WorkerStatus s);  // "unregistered", "active", "non_active"

}  // namespace cakupan
