// Grid bookkeeping for Table: coverage index over row and column spans.
#include "pipeline/document.h"

#include <algorithm>

namespace fuhua {

void Table::Finish() { Reindex(); }

void Table::Reindex() {
  rows_ = 0;
  cols_ = 0;
  for (const Cell& c : cells_) {
    rows_ = std::max(rows_, c.row + c.row_span);
    cols_ = std::max(cols_, c.col + c.col_span);
  }
  grid_.assign(static_cast<size_t>(rows_) * cols_, -1);
  for (size_t i = 0; i < cells_.size(); ++i) {
    const Cell& c = cells_[i];
    for (int r = c.row; r < c.row + c.row_span; ++r)
      for (int k = c.col; k < c.col + c.col_span; ++k)
        grid_[static_cast<size_t>(r) * cols_ + k] = static_cast<int>(i);
  }
}

int Table::IndexAt(int r, int c) const {
  if (r < 0 || c < 0 || r >= rows_ || c >= cols_) return -1;
  return grid_[static_cast<size_t>(r) * cols_ + c];
}

const Cell* Table::CellAt(int r, int c) const {
  int i = IndexAt(r, c);
  return i < 0 ? nullptr : &cells_[i];
}

const Cell* Table::OriginAt(int r, int c) const {
  const Cell* cell = CellAt(r, c);
  return (cell && cell->row == r && cell->col == c) ? cell : nullptr;
}

void Table::ApplyRowSpans(const std::vector<int>& row_span, bool inferred) {
  std::vector<Cell> kept;
  kept.reserve(cells_.size());
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (row_span[i] == 0) continue;
    Cell c = std::move(cells_[i]);
    if (c.row_span != row_span[i]) {
      c.row_span = row_span[i];
      c.span_inferred = c.span_inferred || inferred;
    }
    kept.push_back(std::move(c));
  }
  cells_ = std::move(kept);
  Reindex();
}

}  // namespace fuhua
