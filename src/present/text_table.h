// A plain-text table with aligned columns for terminals: widths measured in
// UTF-8 code points, numbers right-aligned. Value type.
#pragma once

#include <string>
#include <vector>

namespace cakupan {

class TextTable {
 public:
  enum class Align { kLeft, kRight };
  void AddColumn(std::string header, Align align);
  void AddRow(std::vector<std::string> cells);  // one cell per column
  void AddSeparator();                          // a rule before the next row
  std::string Render() const;

 private:
  struct Column {
    std::string header;
    Align align;
  };
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;  // empty vector = separator
};

// Number of UTF-8 code points.
size_t DisplayWidth(const std::string& s);

}  // namespace cakupan
