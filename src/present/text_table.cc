#include "present/text_table.h"

#include <algorithm>

namespace cakupan {

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void TextTable::AddColumn(std::string header, Align align) { columns_.push_back({std::move(header), align}); }

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::AddSeparator() { rows_.emplace_back(); }

std::string TextTable::Render() const {
  std::vector<size_t> width(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) width[c] = DisplayWidth(columns_[c].header);
  for (const auto& row : rows_)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], DisplayWidth(row[c]));
  auto render_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < columns_.size(); ++c) {
      const std::string& cell = cells[c];
      const size_t pad = width[c] - DisplayWidth(cell);
      if (c) line += "  ";
      if (columns_[c].align == Align::kRight) line.append(pad, ' ');
      line += cell;
      if (columns_[c].align == Align::kLeft && c + 1 < columns_.size()) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };
  std::vector<std::string> headers;
  for (const auto& col : columns_) headers.push_back(col.header);
  size_t total = 0;
  for (size_t w : width) total += w;
  total += 2 * (columns_.empty() ? 0 : columns_.size() - 1);
  std::string rule;
  for (size_t i = 0; i < total; ++i) rule += "\u2500";
  std::string out = render_line(headers) + rule + "\n";
  for (const auto& row : rows_) out += row.empty() ? rule + "\n" : render_line(row);
  return out;
}

}  // namespace cakupan
