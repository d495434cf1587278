// Small string utilities used across modules. All functions are pure and
// thread-safe. "ASCII" functions leave bytes >= 0x80 untouched, so they are
// safe on UTF-8 text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cakupan {

std::string_view TrimView(std::string_view s);  // trims ASCII whitespace
std::string ToLowerAscii(std::string_view s);
std::string ToUpperAscii(std::string_view s);
bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::vector<std::string_view> SplitView(std::string_view s, char sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// Lowercases, maps every run of characters that are not ASCII letters or
// digits to one '_', and trims '_' at both ends: "No. KTP " -> "no_ktp",
// "Tanggal Lahir (dd/mm/yyyy)" -> "tanggal_lahir_dd_mm_yyyy".
std::string NormalizeKey(std::string_view s);

// True when every byte sequence in s is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Parses a non-negative integer made only of ASCII digits (no sign, no
// separators, at most 19 digits). Empty or anything else -> nullopt.
std::optional<uint64_t> ParseDigits(std::string_view s);

// Parses a count as people write it in Indonesian or English spreadsheets:
// "1234567", "1.234.567", "1,234,567", "1 234 567". A separator must be
// followed by exactly three digits; a fractional part is rejected. Negative
// numbers are rejected.
std::optional<int64_t> ParseCount(std::string_view s);

// Parses a decimal number with either ',' or '.' as the decimal separator:
// "37,5", "37.5", "1.234,5", "1,234.5", "0,375". When both separators occur the
// last one is the decimal separator; a single separator followed by exactly
// three digits with more separators of the same kind is a thousands separator.
// A leading '-' is allowed. Surrounding whitespace is ignored.
std::optional<double> ParseDecimal(std::string_view s);

}  // namespace cakupan
