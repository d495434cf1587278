// Small cell-level helpers for the row validators: allocation-free where they
// sit on the hot path of a 10-million-row import. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "domain/enums.h"
#include "domain/nik.h"
#include "domain/region_code.h"

namespace cakupan {

// Trims ASCII whitespace (as TrimView does), inline for the hot path.
inline std::string_view TrimFast(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  size_t b = 0, e = s.size();
  while (b < e && ws(s[b])) ++b;
  while (e > b && ws(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Fast paths for the spellings the canonical files use ("L", "1985-04-17",
// "informal", "ya", "PU", "aktif"); anything else goes to the domain parser,
// so the results are exactly those of ParseSex, ParseDate, and so on.
std::optional<Sex> ParseSexFast(std::string_view text);
std::optional<Date> ParseDateFast(std::string_view text);
std::optional<Formality> ParseFormalityFast(std::string_view text);
std::optional<Vulnerability> ParseVulnerabilityFast(std::string_view text);
std::optional<Segment> ParseSegmentFast(std::string_view text);
std::optional<MembershipStatus> ParseMembershipStatusFast(std::string_view text);
// IsValidUtf8 with a fast path for ASCII text.
bool IsValidUtf8Fast(std::string_view text);
// ParseNik with a fast path for a bare 16-digit cell (then DecodeNik).
std::optional<NikInfo> ParseNikFast(std::string_view text, int reference_year, NikError* error);
// A whole number of at most two digits ("1".."99"), else ParseDigits.
std::optional<uint64_t> ParseSmallNumber(std::string_view text);

// Same result as RegionCode::Parse (which splits into a std::vector) without
// allocating: "17", "17.04", "17.04.07", "17.04.07.2010", the same without
// dots, "0"/"00" for the national root; surrounding whitespace trimmed.
std::optional<RegionCode> ParseRegionCodeFast(std::string_view text);

// Trims ASCII whitespace and collapses every internal run of whitespace
// (space, TAB, CR, LF) to one space. Returns a view of `text` when nothing
// changes inside it, else a view of *scratch (valid until its next use).
std::string_view CleanText(std::string_view text, std::string* scratch);

// A NIK cell as it may appear in a report: trimmed, the first four
// characters (province and regency) kept and every other character replaced
// by '*', at most 24 characters: "1704************".
std::string MaskNikText(std::string_view text);

// A cell value safe to put in a report: invalid UTF-8 bytes replaced by '?',
// cut to at most 80 bytes (on a character boundary, "..." appended).
std::string ReportValue(std::string_view text);

// A coverage target: "40%", "40,0%", "40" (a number above 1 is a percent),
// "0,4" (a fraction). Returns the fraction, or nullopt when the text is not a
// number. Range checks are the caller's.
std::optional<double> ParseTargetFraction(std::string_view text);

// The calendar year now (UTC).
int CurrentYear();

}  // namespace cakupan
