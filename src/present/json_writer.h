// JsonWriter: writes JSON text into a std::string as it goes, without
// building a document tree, for large answers such as the data-quality report
// of every village in the country (80,000 rows, 100+ MB).
//
// The text is what nlohmann::json::dump(indent) prints for the same values
// when the caller writes each object's keys in ascending byte order, as
// nlohmann's objects hold them: integers in decimal; doubles in nlohmann's
// layout ("1.0", "0.25", "0.0001", "1e-05") with the shortest digits that
// read back the same value (std::to_chars: where nlohmann's Grisu2 misses
// the shortest form, rarely, this text is a digit shorter and reads back the
// same double); NaN and infinity as null; strings with '"', '\\' and control
// characters escaped, UTF-8 passed through. indent < 0 writes compact text
// ("{\"a\":1}"), indent >= 0 one member per line indented by that many
// spaces per level.
//
// The caller keeps the structure well formed (every Key followed by one
// value, Begin/End paired); a mistake is a bug, checked only by assertions
// in debug builds. Not thread-safe; one writer per output string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cakupan {

class JsonWriter {
 public:
  // Appends to *out, which must outlive the writer.
  explicit JsonWriter(std::string* out, int indent = -1) : out_(*out), indent_(indent) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // An object member's key; the next call writes its value.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool b);
  void Null();
  template <typename T>
  void Optional(const std::optional<T>& v) {
    if (!v) return Null();
    if constexpr (std::is_floating_point_v<T>) Double(*v);
    else Int(static_cast<int64_t>(*v));
  }

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void NewLine(size_t depth);

  std::string& out_;
  const int indent_;
  std::vector<char> has_members_;  // per open container: something written in it (0 or 1)
  bool after_key_ = false;
};

// nlohmann's text of a double (as JsonWriter::Double writes it).
void AppendJsonDouble(std::string& out, double v);
// A JSON string literal, quotes included.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace cakupan
