// The tables-as-data sheets of the workbook (xlsx_sheets.h, issue 7):
// Indicators, Plan carriers, Plan properties, Plan targets — typed tables of
// the export model — and one sheet per table kind present ("Grade list
// tables", "Target tables"…) where every table of that kind is laid out as
// in its notice: a heading, its header, its rows. Those are rebuilt from the
// long-form tables/table_cells of the export model, so the workbook shows
// exactly what the CSV and JSON carry.
#include <map>
#include <tuple>

#include "exporters/xlsx_sheets.h"
#include "exporters/xlsx_table.h"

namespace fuhua {
namespace {

// Kinds in sheet order, with their sheet names.
constexpr std::pair<const char*, const char*> kKindSheets[] = {
    {"grade_list", "Grade list tables"},     {"indicator_system", "Indicator tables"},
    {"carrier_list", "Carrier list tables"}, {"property_list", "Property list tables"},
    {"target_table", "Target tables"},       {"other", "Other tables"}};

std::string TextAt(const ExportTable& t, size_t row, const char* column) {
  int c = t.Col(column);
  const auto* s = c < 0 ? nullptr : std::get_if<std::string>(&t.rows[row][static_cast<size_t>(c)]);
  return s ? *s : "";
}

int64_t IntAt(const ExportTable& t, size_t row, const char* column) {
  int c = t.Col(column);
  const auto* v = c < 0 ? nullptr : std::get_if<int64_t>(&t.rows[row][static_cast<size_t>(c)]);
  return v ? *v : 0;
}

using TableKey = std::pair<int64_t, int64_t>;  // notice, table

struct GridCell {
  std::string text;
  bool derived = false;
};
struct GridRow {
  std::string kind;
  std::map<int64_t, GridCell> cells;  // by column
};
using Grid = std::map<int64_t, GridRow>;  // by grid row

std::map<TableKey, Grid> Grids(const ExportTable& cells) {
  std::map<TableKey, Grid> out;
  const int derived = cells.Col("derived");
  for (size_t r = 0; r < cells.rows.size(); ++r) {
    GridRow& row = out[{IntAt(cells, r, "notice_id"), IntAt(cells, r, "table_index")}][IntAt(cells, r, "row_index")];
    row.kind = TextAt(cells, r, "row_kind");
    const auto* d = derived < 0 ? nullptr : std::get_if<bool>(&cells.rows[r][static_cast<size_t>(derived)]);
    row.cells[IntAt(cells, r, "column_index")] = {TextAt(cells, r, "value"), d && *d};
  }
  return out;
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size())
    out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

// One table as a block from `row`: heading, header, body. Returns the next free row.
lxw_row_t WriteBlock(XlsxBook* book, lxw_worksheet* ws, lxw_row_t row, const std::string& heading,
                     const std::vector<std::string>& columns, const Grid& grid,
                     std::vector<double>* widths) {
  book->WriteText(ws, row++, 0, heading, book->heading());
  for (size_t c = 0; c < columns.size(); ++c) {
    book->WriteText(ws, row, static_cast<lxw_col_t>(c), columns[c], book->header());
    if (widths->size() <= c) widths->resize(c + 1, 8);
    (*widths)[c] = std::min(kMaxColumnWidth, std::max((*widths)[c], ExcelTextWidth(columns[c]) + 2.0));
  }
  ++row;
  for (const auto& [grid_row, r] : grid) {
    for (const auto& [c, cell] : r.cells) {
      lxw_format* f = cell.derived || r.kind == "note" ? book->note() : r.kind == "total" ? book->header() : nullptr;
      book->WriteText(ws, row, static_cast<lxw_col_t>(c), cell.text, f);
      if (widths->size() <= static_cast<size_t>(c)) widths->resize(static_cast<size_t>(c) + 1, 8);
      double& w = (*widths)[static_cast<size_t>(c)];
      w = std::min(kMaxColumnWidth, std::max(w, ExcelTextWidth(cell.text) + 2.0));
    }
    ++row;
  }
  return row + 1;
}

std::string SourceOf(const ExportSet& set, int64_t notice) {
  for (size_t r = 0; r < set.notices.rows.size(); ++r)
    if (IntAt(set.notices, r, "notice_id") == notice) return TextAt(set.notices, r, "source_path");
  return "notice " + std::to_string(notice);
}

void WriteKindSheet(XlsxBook* book, const ExportSet& set, const char* kind, const char* sheet,
                    const std::map<TableKey, Grid>& grids) {
  lxw_worksheet* ws = nullptr;
  lxw_row_t row = 2;
  std::vector<double> widths;
  for (size_t t = 0; t < set.tables.rows.size() && book->ok(); ++t) {
    if (TextAt(set.tables, t, "kind") != kind) continue;
    if (!ws && !(ws = book->AddSheet(sheet))) return;
    TableKey key{IntAt(set.tables, t, "notice_id"), IntAt(set.tables, t, "table_index")};
    std::string caption = TextAt(set.tables, t, "caption");
    std::string heading = SourceOf(set, key.first) + " · table " + std::to_string(key.second) +
                          (caption.empty() ? "" : " · " + caption);
    auto g = grids.find(key);
    row = WriteBlock(book, ws, row, heading, Split(TextAt(set.tables, t, "column_names"), " | "),
                     g == grids.end() ? Grid() : g->second, &widths);
  }
  if (!ws) return;
  book->WriteText(ws, 0, 0,
                  "Every table of this kind as in its notice: merged values filled down in grey "
                  "italics (derived), total rows bold, note rows in italics. Long form: tables and "
                  "table_cells.",
                  book->note());
  SetWidths(book, ws, widths);
}

}  // namespace

void WriteIndicatorsSheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kIndicatorsSheet);
  if (!ws) return;
  WriteStackedSheet(book, ws, set.indicators, nullptr, "Rules",
                    "Bonus (加分项) and veto (否决指标) rules written under the indicators.",
                    set.indicator_rules, nullptr);
}

void WritePlanSheets(XlsxBook* book, const ExportSet& set) {
  if (lxw_worksheet* ws = book->AddSheet(kPlanCarriersSheet))
    WriteTableSheet(book, ws, set.plan_carriers, nullptr);
  if (lxw_worksheet* ws = book->AddSheet(kPlanPropertiesSheet))
    WriteStackedSheet(book, ws, set.plan_properties, nullptr, "Milestones",
                      "Each continuation row of a property: a task and its target year.",
                      set.plan_milestones, nullptr);
  if (lxw_worksheet* ws = book->AddSheet(kPlanTargetsSheet))
    WriteStackedSheet(book, ws, set.plan_targets, nullptr, "Carriers",
                      "The carriers each area names (主要运营载体), linked to the graded carrier "
                      "they are.",
                      set.plan_target_carriers, nullptr);
}

void WriteTableKindSheets(XlsxBook* book, const ExportSet& set) {
  std::map<TableKey, Grid> grids = Grids(set.table_cells);
  for (const auto& [kind, sheet] : kKindSheets) WriteKindSheet(book, set, kind, sheet, grids);
}

std::vector<std::string> TableKindSheets(const ExportSet& set) {
  std::vector<std::string> out;
  for (const auto& [kind, sheet] : kKindSheets)
    for (size_t t = 0; t < set.tables.rows.size(); ++t)
      if (TextAt(set.tables, t, "kind") == kind) {
        out.push_back(sheet);
        break;
      }
  return out;
}

}  // namespace fuhua
