// Implements TextTable (text_table.h) with the East Asian Width property
// (pipeline/text_util.h IsWide).
#include "cli/text_table.h"

#include <algorithm>

#include "pipeline/text_util.h"

namespace fuhua {

std::string TextTable::Render() const {
  std::vector<int> width;
  for (const auto& row : rows_) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], DisplayWidth(row[c]));
  }
  std::string out;
  for (size_t r = 0; r < rows_.size(); ++r) {
    std::string line;
    for (size_t c = 0; c < rows_[r].size(); ++c) {
      line += rows_[r][c];
      if (c + 1 < rows_[r].size()) line += std::string(static_cast<size_t>(width[c] - DisplayWidth(rows_[r][c]) + 2), ' ');
    }
    out += line + "\n";
    if (r == 0) {
      int total = 0;
      for (int w : width) total += w + 2;
      out += std::string(static_cast<size_t>(std::max(0, total - 2)), '-') + "\n";
    }
  }
  return out;
}

}  // namespace fuhua
