// The Dictionary sheet (xlsx_sheets.h): every column of every sheet — sheet,
// table, header, name, type, whether it is required, allowed values and
// meaning. The table sheets' entries come from the export model's column
// definitions (schemas/export_columns.json), so the dictionary cannot drift
// from the data; the Comparison sheet's blocks and the dictionary's own
// columns are described here.
#include <string>
#include <vector>

#include "exporters/xlsx_sheets.h"
#include "exporters/xlsx_table.h"

namespace fuhua {
namespace {

Column Def(const char* name, ColumnType type, const char* description) {
  Column c;
  c.name = name;
  c.type = type;
  c.title = name;
  c.description = description;
  return c;
}

ExportTable EmptyDictionary() {
  ExportTable t;
  t.name = "dictionary";
  t.title = kDictionarySheet;
  t.description = "Every column of every sheet of this workbook.";
  const ColumnType s = ColumnType::kString;
  t.columns = {
      Def("sheet", s, "Sheet the column is on."),
      Def("table", s, "Table it belongs to (the CSV / data package resource of the same name)."),
      Def("column", s, "Header of the column on the sheet."),
      Def("name", s, "Machine name of the column (CSV header, JSON key)."),
      Def("type", s,
          "Frictionless Table Schema type: string, integer, number, boolean, date, year."),
      Def("required", ColumnType::kBoolean, "Whether the column is never empty."),
      Def("allowed_values", s, "The values allowed (separated by ,) or the pattern values match."),
      Def("description", s, "What the column means and where it comes from."),
  };
  return t;
}

std::string Allowed(const Column& c) {
  std::string out;
  for (const std::string& v : c.enum_values) out += (out.empty() ? "" : ", ") + v;
  if (out.empty() && !c.pattern.empty()) out = "pattern " + c.pattern;
  return out;
}

void AddColumns(ExportTable* dict, const std::string& sheet, const ExportTable& t) {
  for (const Column& c : t.columns) {
    dict->rows.push_back({sheet, t.name, HeaderOf(c), c.name, std::string(ColumnTypeName(c.type)),
                          c.required, Allowed(c), c.description});
  }
}

// The Comparison sheet is blocks, not one table; each block's columns.
void AddComparison(ExportTable* dict, const std::vector<std::string>& grades) {
  std::string grade_list;
  for (const std::string& g : grades) grade_list += (grade_list.empty() ? "" : ", ") + g;
  auto add = [&](const char* table, const char* column, const char* name, ColumnType type,
                 std::string allowed, const char* description) {
    dict->rows.push_back({std::string(kComparisonSheet), std::string(table), std::string(column),
                          std::string(name), std::string(ColumnTypeName(type)), true,
                          std::move(allowed), std::string(description)});
  };
  const ColumnType s = ColumnType::kString, i = ColumnType::kInteger;
  add("transition_matrix", "FROM \\ TO", "from_grade", s, grade_list + ", ?, revoked, -",
      "Row label: the carrier's grade in the first year; ? = listed without a grade, revoked, "
      "- = not listed that year.");
  add("transition_matrix", "(one per grade), ?, revoked, -", "to_grade", i, "",
      "Carriers going from the row's grade to the column's: the grade in the last year, ? (listed "
      "without a grade), revoked (qualification withdrawn) or - (not listed).");
  add("transition_matrix", "total", "total", i, "",
      "Carriers with the row's grade in the first year.");
  add("transition_counts", "transition", "transition", s,
      "new, upgraded, downgraded, unchanged, revoked, dropped, ungraded",
      "Change between the first and the last year (see fuhua compare); renamed is counted apart.");
  add("transition_counts", "carriers", "carriers", i, "", "Carriers with that transition.");
  add("grade_distribution", "grade", "grade", s, grade_list,
      "Grade; the last row counts records without one (revoked, deferred, unknown).");
  add("grade_distribution", "YYYY (one per year)", "year", i, "",
      "Records with that grade in the notices of that year; the chart beside plots these.");
}

// A table-kind sheet holds blocks whose columns are each table's own.
void AddTableBlocks(ExportTable* dict, const std::string& sheet) {
  dict->rows.push_back({sheet, std::string("tables"), std::string("(each table's own header)"),
                        std::string("column_names"), std::string("string"), false, std::string(),
                        std::string("One block per table: a heading (source file · table index · "
                                    "caption), the table's flattened header, its body rows. Grey "
                                    "italics: a value filled down from a merged cell (derived); "
                                    "bold: a total row; italics: a note row. The same cells are in "
                                    "table_cells (CSV, JSON, data package).")});
}

}  // namespace

void WriteDictionarySheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kDictionarySheet);
  if (!ws) return;
  ExportTable dict = EmptyDictionary();
  AddColumns(&dict, kRecordsSheet, set.records);
  AddColumns(&dict, kEntitiesSheet, set.entities);
  AddComparison(&dict, set.grades);
  AddColumns(&dict, kNoticesSheet, set.notices);
  AddColumns(&dict, kNoticesSheet, set.checks);
  AddColumns(&dict, kIndicatorsSheet, set.indicators);
  AddColumns(&dict, kIndicatorsSheet, set.indicator_rules);
  AddColumns(&dict, kPlanCarriersSheet, set.plan_carriers);
  AddColumns(&dict, kPlanPropertiesSheet, set.plan_properties);
  AddColumns(&dict, kPlanPropertiesSheet, set.plan_milestones);
  AddColumns(&dict, kPlanTargetsSheet, set.plan_targets);
  AddColumns(&dict, kPlanTargetsSheet, set.plan_target_carriers);
  for (const std::string& sheet : TableKindSheets(set)) AddTableBlocks(&dict, sheet);
  AddColumns(&dict, kDiagnosticsSheet, set.diagnostics);
  AddColumns(&dict, kDictionarySheet, dict);  // the dictionary describes itself too
  WriteTableSheet(book, ws, dict, nullptr);
}

}  // namespace fuhua
