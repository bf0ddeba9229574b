// Rendering one export table (export_tables.h) onto a worksheet: a header row
// of column titles, one row per table row with typed cells, column widths
// that fit CJK text, and for a sheet that holds one table a frozen header row
// and an autofilter over the data. Internal to exporters/xlsx_*.cc.
//   TablePlacement at = WriteTableSheet(&book, ws, set.records, styler);
#ifndef FUHUA_EXPORTERS_XLSX_TABLE_H_
#define FUHUA_EXPORTERS_XLSX_TABLE_H_

#include <functional>
#include <string>
#include <vector>

#include "exporters/xlsx_book.h"

namespace fuhua {

// Column widths stop here (Excel units): long names and messages stay
// readable without a column wider than the screen.
inline constexpr double kMaxColumnWidth = 60;

// The format of the cell at (table row, column), nullptr for the default.
using CellStyler = std::function<lxw_format*(size_t row, size_t col)>;

// Where a table landed: its header row, its last row (the header row when
// it has no rows) and its last column.
struct TablePlacement {
  lxw_row_t header_row = 0;
  lxw_row_t last_row = 0;
  lxw_col_t last_col = 0;
};

// The header of a column: its title, else its name.
std::string HeaderOf(const Column& c);

// Writes `t` with its header at `first_row`. A table that does not fit a
// sheet (1,048,576 rows, 16,384 columns) fails the book with Unsupported
// before anything is written.
TablePlacement WriteTable(XlsxBook* book, lxw_worksheet* ws, const ExportTable& t,
                          lxw_row_t first_row, const CellStyler& style);

// Widths that fit the header and every cell of each column, capped at
// kMaxColumnWidth. MergeWidths keeps the wider of two tables sharing columns.
std::vector<double> FitWidths(const ExportTable& t);
void MergeWidths(std::vector<double>* into, const std::vector<double>& other);
void SetWidths(XlsxBook* book, lxw_worksheet* ws, const std::vector<double>& widths);

// Header row frozen and an autofilter from the header to the last row.
void FreezeAndFilter(XlsxBook* book, lxw_worksheet* ws, const TablePlacement& at);

// A sheet that is one table: WriteTable at row 0, FitWidths, FreezeAndFilter.
TablePlacement WriteTableSheet(XlsxBook* book, lxw_worksheet* ws, const ExportTable& t,
                               const CellStyler& style);

// A sheet of two tables: `first` from row 0 (header frozen, filtered), then
// one blank row, a heading with its note, and `second` with its own header
// (their columns differ). Widths fit both.
void WriteStackedSheet(XlsxBook* book, lxw_worksheet* ws, const ExportTable& first,
                       const CellStyler& first_style, const char* heading, const char* note,
                       const ExportTable& second, const CellStyler& second_style);

// Colours the cells of the given columns by their grade (XlsxBook::GradeFormat).
CellStyler GradeStyler(const XlsxBook* book, const ExportTable* t, std::vector<int> grade_cols);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_XLSX_TABLE_H_
