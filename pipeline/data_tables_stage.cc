// Every table as data (data_tables.h): reads each table's grid row by row
// below its header. A vertically merged cell's value is repeated in every row
// it covers and flagged derived there; a horizontally merged cell's value
// stays in its first column (合计 | 33.8 lands under 序号…面积 as the label and
// the value in the 面积 column, as the layout stage placed them); rows that
// start with a note label (schemas/table_layout.json note_row_labels) are
// notes, 合计 rows totals.
#include "pipeline/data_tables_stage.h"

#include <algorithm>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

bool Contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string DataKind(const TableInfo& info) {
  if (info.kind == TableKind::kGradeList) return "grade_list";
  if (info.Role("indicator_level1") >= 0 || info.Role("indicator_level3") >= 0) return "indicator_system";
  return "other";  // the plan stage refines carrier, property and target tables
}

bool IsNoteRow(const Table& t, int r, const Rules& rules) {
  const Cell* first = t.CellAt(r, 0);
  if (!first || first->row != r) return false;
  std::string key = MatchKey(first->text);
  for (const std::string& label : rules.note_row_labels)
    if (key.rfind(label, 0) == 0) return true;
  return false;
}

DataRow ReadRow(const Table& t, int r, const std::string& kind) {
  DataRow row{r, kind, {}};
  for (int c = 0; c < t.cols(); ++c) {
    const Cell* cell = t.CellAt(r, c);
    if (!cell || cell->col != c) {
      row.cells.push_back({});  // a hole, or covered by a cell merged from the left
      continue;
    }
    row.cells.push_back({cell->text, cell->row != r});
  }
  return row;
}

std::vector<std::string> Columns(const TableInfo& info, int cols) {
  std::vector<std::string> out;
  for (int c = 0; c < cols; ++c) {
    std::string label = c < static_cast<int>(info.header.size()) ? info.header[static_cast<size_t>(c)] : "";
    out.push_back(label.empty() ? "column " + std::to_string(c + 1) : label);
  }
  return out;
}

}  // namespace

void BuildDataTables(const Document& doc, const Rules& rules, Notice* notice) {
  for (const TableInfo& info : notice->tables) {
    const Table& t = std::get<Table>(doc.blocks[static_cast<size_t>(info.block)]);
    DataTable d{info.index, DataKind(info), Columns(info, t.cols()), {}};
    for (int r = info.header_rows; r < t.rows(); ++r) {
      if (Contains(info.spacer_rows, r)) continue;
      std::string kind = Contains(info.total_rows, r) ? "total" : IsNoteRow(t, r, rules) ? "note" : "data";
      d.rows.push_back(ReadRow(t, r, kind));
    }
    notice->data_tables.push_back(std::move(d));
  }
}

}  // namespace fuhua
