// The export model: every dataset fuhua publishes as typed tables — columns
// with a name, type, meaning and allowed values, rows of typed cells, primary
// and foreign keys. Every format renders from this one model (CSV, JSON,
// JSONL, the Excel workbook, the Frictionless data package), so the formats
// cannot disagree, and the data dictionary and Table Schemas are derived from
// the same column definitions.
//   ExportSet set;
//   Status st = BuildExportSet(dataset, filter, &set);
//   for (const ExportTable* t : set.Tables()) render(*t);
// Rows are in a stable order (ids, then names), so the same store gives
// byte-identical files.
#ifndef FUHUA_EXPORTERS_EXPORT_TABLES_H_
#define FUHUA_EXPORTERS_EXPORT_TABLES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/compare.h"
#include "pipeline/status.h"
#include "store/dataset.h"

namespace fuhua {

// Frictionless Table Schema types (https://specs.frictionlessdata.io/table-schema/).
enum class ColumnType { kString, kInteger, kNumber, kBoolean, kDate, kYear };
const char* ColumnTypeName(ColumnType t);  // string | integer | number | boolean | date | year

struct Column {
  std::string name;         // snake_case, ASCII: record_id, grade, region_code
  ColumnType type = ColumnType::kString;
  std::string title;        // short label for people (Excel header): 等级 / grade
  std::string description;  // one sentence: what it means, where it comes from
  std::vector<std::string> enum_values;  // allowed values (grade, status...), empty = any
  bool required = false;    // never empty
  std::string pattern;      // regular expression the value matches, "" = any
};

// A typed cell; monostate = empty (null in JSON, "" in CSV, blank in Excel).
using ExportCell = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct ForeignKey {
  std::vector<std::string> fields;
  std::string resource;  // name of the referenced table
  std::vector<std::string> reference;
};

struct ExportTable {
  std::string name;         // records, entities, … (schemas/export_columns.json)
  std::string title;        // sheet name: Records
  std::string description;
  std::vector<Column> columns;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;
  std::vector<std::vector<ExportCell>> rows;  // one cell per column

  int Col(const std::string& column) const;  // index, -1 when absent
};

struct ExportFilter {
  std::optional<int> year;
  std::string jurisdiction;  // code, or part of the jurisdiction name (重庆)
  std::string carrier_type;
  std::string grade;
};

struct ExportSet {
  ExportTable notices;      // one row per notice, with its check counts
  ExportTable records;      // one row per grade record
  ExportTable entities;     // one row per carrier entity, a grade_YYYY column per year
  ExportTable checks;       // every check of every notice
  ExportTable diagnostics;  // every warning and error with its location
  ExportTable transitions;  // per carrier: from-year grade, to-year grade, transition
  // Tables as data (issue 7, export_table_data.cc): every table of every
  // notice in generic form, and the indicator systems and plan tables.
  ExportTable tables;       // one row per table: kind, caption, columns
  ExportTable table_cells;  // one row per non-empty body cell (long form)
  ExportTable indicators;
  ExportTable indicator_rules;
  ExportTable plan_carriers;
  ExportTable plan_properties;
  ExportTable plan_milestones;
  ExportTable plan_targets;
  ExportTable plan_target_carriers;
  Comparison comparison;    // between the first and the last year in the set
  std::vector<int> years;   // every year present, ascending
  std::vector<std::string> grades;  // the grade vocabulary, best first

  // notices, records, entities, transitions, checks, diagnostics, then the
  // tables as data in the order above.
  std::vector<const ExportTable*> Tables() const;
  std::vector<ExportTable*> MutableTables();
};

// Builds every table from a loaded store, keeping what `filter` selects: the
// records (and the notices, entities, checks and diagnostics they belong to).
Status BuildExportSet(const Dataset& d, const ExportFilter& filter, ExportSet* out);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_EXPORT_TABLES_H_
