#include "present/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>

namespace cakupan {

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(esc, 6);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void AppendJsonDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == 0) {
    out += std::signbit(v) ? "-0.0" : "0.0";
    return;
  }
  // The shortest digits that read back as v, then nlohmann's layout
  // (dtoa_impl::format_buffer with min_exp -4 and max_exp 15): fixed point
  // for 1e-4 <= |v| < 1e15, else d.ddde+XX.
  char sci[40];
  const auto res = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
  const char* p = sci;
  if (*p == '-') {
    out.push_back('-');
    ++p;
  }
  char digits[24];
  int k = 0;
  for (; p < res.ptr && *p != 'e'; ++p)
    if (*p != '.') digits[k++] = *p;
  int exponent = 0;
  std::from_chars(p + 1 + (p[1] == '+'), res.ptr, exponent);
  const int n = k + (exponent - (k - 1));  // position of the decimal point
  constexpr int kMinExp = -4, kMaxExp = 15;
  if (k <= n && n <= kMaxExp) {
    out.append(digits, k);
    out.append(static_cast<size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= kMaxExp) {
    out.append(digits, n);
    out.push_back('.');
    out.append(digits + n, k - n);
  } else if (kMinExp < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out.append(digits, k);
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits + 1, k - 1);
    }
    const int e = n - 1;
    out.push_back('e');
    out.push_back(e < 0 ? '-' : '+');
    const int a = e < 0 ? -e : e;
    char buf[8];
    const auto r = std::to_chars(buf, buf + sizeof buf, a);
    if (r.ptr - buf < 2) out.push_back('0');
    out.append(buf, r.ptr);
  }
}

void JsonWriter::NewLine(size_t depth) {
  out_.push_back('\n');
  out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_members_.empty()) return;  // the top-level value
  if (has_members_.back()) out_.push_back(',');
  has_members_.back() = 1;
  if (indent_ >= 0) NewLine(has_members_.size());
}

void JsonWriter::Key(std::string_view key) {
  assert(!has_members_.empty() && !after_key_);
  if (has_members_.back()) out_.push_back(',');
  has_members_.back() = 1;
  if (indent_ >= 0) NewLine(has_members_.size());
  AppendJsonString(out_, key);
  if (indent_ >= 0) out_ += ": ";
  else out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_.push_back(bracket);
  has_members_.push_back(0);
}

void JsonWriter::Close(char bracket) {
  assert(!has_members_.empty() && !after_key_);
  const bool members = has_members_.back();
  has_members_.pop_back();
  if (members && indent_ >= 0) NewLine(has_members_.size());
  out_.push_back(bracket);
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  BeforeValue();
  AppendJsonDouble(out_, v);
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

}  // namespace cakupan
