// Implements InferVerticalMerges (see merges.h).
#include "pipeline/merges.h"

#include <algorithm>

#include "pipeline/table_layout.h"

namespace fuhua {
namespace {

// True when every origin cell of row r left of column `col` is empty and the
// row has some non-empty cell at or after `col`.
bool EmptyPrefix(const Table& t, int r, int col) {
  bool later_value = false;
  for (int c = 0; c < t.cols(); ++c) {
    const Cell* cell = t.OriginAt(r, c);
    if (!cell) continue;
    if (c < col && !cell->text.empty()) return false;
    if (c > col && !cell->text.empty()) later_value = true;
  }
  return later_value;
}

bool IsBody(const TableInfo& info, int r) {
  return std::binary_search(info.body_rows.begin(), info.body_rows.end(), r);
}

}  // namespace

int InferVerticalMerges(const Rules& rules, Table* table, TableInfo* info) {
  const Table& t = *table;
  std::vector<int> span(t.cells().size());
  for (size_t i = 0; i < span.size(); ++i) span[i] = t.cells()[i].row_span;
  // owner[c]: index of the cell that currently covers the row above in column c.
  std::vector<int> owner(t.cols(), -1);
  int absorbed = 0;
  for (int r = 0; r < t.rows(); ++r) {
    bool body = IsBody(*info, r);
    for (int c = 0; c < t.cols(); ++c) {
      int i = t.IndexAt(r, c);
      if (i < 0 || t.cells()[i].row != r || t.cells()[i].col != c) continue;
      const Cell& cell = t.cells()[i];
      int above = owner[c];
      bool mergeable = body && cell.text.empty() && above >= 0 &&
                       !t.cells()[above].text.empty() && t.cells()[above].col == c &&
                       t.cells()[above].col_span == cell.col_span &&
                       (EmptyPrefix(t, r, c) || rules.mergeable_roles.count(info->roles[c]));
      if (mergeable) {
        span[above] += cell.row_span;
        span[i] = 0;
        ++absorbed;
        continue;  // owner[c] stays the cell above
      }
      for (int k = c; k < c + cell.col_span; ++k) owner[k] = body ? i : -1;
    }
  }
  if (absorbed > 0) {
    table->ApplyRowSpans(span, /*inferred=*/true);
    ClassifyRows(*table, rules, info);
  }
  return absorbed;
}

}  // namespace fuhua
