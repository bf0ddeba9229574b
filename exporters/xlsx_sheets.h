// The sheets of the fuhua workbook, one writer each, in workbook order.
// Internal to exporters/xlsx_*.cc; WriteWorkbook (xlsx_workbook.h) calls them.
// Each adds its sheet to the book and records any failure in it.
#ifndef FUHUA_EXPORTERS_XLSX_SHEETS_H_
#define FUHUA_EXPORTERS_XLSX_SHEETS_H_

#include "exporters/export_tables.h"
#include "exporters/xlsx_book.h"

namespace fuhua {

// Sheet names: part of the workbook's contract (tests/check_xlsx.py).
inline constexpr char kRecordsSheet[] = "Records";
inline constexpr char kEntitiesSheet[] = "Entities";
inline constexpr char kComparisonSheet[] = "Comparison";
inline constexpr char kNoticesSheet[] = "Notices";
inline constexpr char kIndicatorsSheet[] = "Indicators";
inline constexpr char kPlanCarriersSheet[] = "Plan carriers";
inline constexpr char kPlanPropertiesSheet[] = "Plan properties";
inline constexpr char kPlanTargetsSheet[] = "Plan targets";
inline constexpr char kDiagnosticsSheet[] = "Diagnostics";
inline constexpr char kDictionarySheet[] = "Dictionary";

// set.records; grade cells coloured, the grade column with a list validation.
void WriteRecordsSheet(XlsxBook* book, const ExportSet& set);
// set.entities; the grade_YYYY columns coloured.
void WriteEntitiesSheet(XlsxBook* book, const ExportSet& set);
// Transition matrix and counts between the first and last year, and the
// grade distribution per year with its column chart (xlsx_comparison.cc).
void WriteComparisonSheet(XlsxBook* book, const ExportSet& set);
// set.notices, then set.checks below it, failed checks highlighted.
void WriteNoticesSheet(XlsxBook* book, const ExportSet& set);
// set.indicators, then set.indicator_rules below (xlsx_data_tables.cc).
void WriteIndicatorsSheet(XlsxBook* book, const ExportSet& set);
// Plan carriers; Plan properties with their milestones below; Plan targets
// with the carriers each names below.
void WritePlanSheets(XlsxBook* book, const ExportSet& set);
// One sheet per table kind present ("Grade list tables", "Target tables"…):
// every table of that kind laid out as in its notice.
void WriteTableKindSheets(XlsxBook* book, const ExportSet& set);
// The names of the sheets WriteTableKindSheets writes, in order.
std::vector<std::string> TableKindSheets(const ExportSet& set);
// set.diagnostics, errors and warnings highlighted.
void WriteDiagnosticsSheet(XlsxBook* book, const ExportSet& set);
// Every column of every sheet (xlsx_dictionary.cc).
void WriteDictionarySheet(XlsxBook* book, const ExportSet& set);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_XLSX_SHEETS_H_
