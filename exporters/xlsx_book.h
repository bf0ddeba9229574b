// XlsxBook: the adapter between fuhua and libxlsxwriter for one workbook
// being written — the shared cell formats (header, grade fills, highlights),
// cell writing for typed export cells, column widths that fit CJK text, and
// the first lxw_error turned into a Status that names the file and the step.
// Internal to exporters/xlsx_*.cc; the public entry is xlsx_workbook.h.
//   XlsxBook book(wb, path, set.grades);
//   lxw_worksheet* ws = book.AddSheet("Records");
//   book.WriteCell(ws, 1, 0, cell, ColumnType::kInteger, nullptr);
//   if (!book.ok()) return book.status();
// After the first failure every write is skipped, so callers may check
// ok() once per row or once per sheet rather than after every call.
#ifndef FUHUA_EXPORTERS_XLSX_BOOK_H_
#define FUHUA_EXPORTERS_XLSX_BOOK_H_

#include <xlsxwriter.h>

#include <string>
#include <string_view>
#include <vector>

#include "exporters/export_tables.h"
#include "pipeline/status.h"

namespace fuhua {

// Width of text in Excel column units: wide (CJK, fullwidth) characters
// count 2, others 1; the longest line of a multi-line text counts.
int ExcelTextWidth(std::string_view text);

class XlsxBook {
 public:
  // `grades` is the vocabulary best first; it decides the grade fills.
  XlsxBook(lxw_workbook* wb, std::string path, std::vector<std::string> grades);

  // Records `err` (the first failure wins) with what was being done.
  // Returns true when err is LXW_NO_ERROR and nothing failed before.
  bool Check(lxw_error err, std::string_view step);
  // Check for a write to one cell: the step names the sheet and the cell.
  bool CheckCell(lxw_error err, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const char* what);
  // Records a failure that is not an lxw_error (a limit of the format).
  void Fail(Status st);
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const std::string& path() const { return path_; }
  lxw_workbook* workbook() const { return wb_; }
  const std::vector<std::string>& grades() const { return grades_; }

  // A new sheet, or nullptr (and a failure recorded).
  lxw_worksheet* AddSheet(const char* name);

  // Typed cell at (row, col): empty cells stay blank, integers and numbers
  // are numbers, booleans booleans, dates (YYYY-MM-DD) real dates, other
  // strings text (cut at Excel's cell limit). `format` may be nullptr.
  void WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const ExportCell& cell,
                 ColumnType type, lxw_format* format);
  void WriteText(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text,
                 lxw_format* format = nullptr);
  void WriteNumber(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double value,
                   lxw_format* format = nullptr);

  // The fill for a grade value (by its rank in the vocabulary), the revoked
  // fill for "revoked", else nullptr.
  lxw_format* GradeFormat(std::string_view value) const;

  lxw_format* header() const { return header_; }      // bold, grey fill, bottom border
  lxw_format* heading() const { return heading_; }    // bold, larger: a block's title
  lxw_format* note() const { return note_; }          // italic grey: explanations
  lxw_format* bad_row() const { return bad_row_; }    // failed checks, errors
  lxw_format* warn_row() const { return warn_row_; }  // warnings
  lxw_format* date() const { return date_; }          // yyyy-mm-dd

 private:
  lxw_format* AddFill(uint32_t fill, uint32_t font);
  void MakeFormats();

  lxw_workbook* wb_;
  std::string path_;
  std::vector<std::string> grades_;
  std::vector<lxw_format*> grade_formats_;  // parallel to grades_
  lxw_format* revoked_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* heading_ = nullptr;
  lxw_format* note_ = nullptr;
  lxw_format* bad_row_ = nullptr;
  lxw_format* warn_row_ = nullptr;
  lxw_format* date_ = nullptr;
  Status status_;
};

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_XLSX_BOOK_H_
