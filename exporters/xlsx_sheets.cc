// The table sheets of the workbook (xlsx_sheets.h): Records, Entities,
// Notices (with the checks below the notices) and Diagnostics.
#include "exporters/xlsx_sheets.h"

#include <string>
#include <vector>

#include "exporters/xlsx_table.h"

namespace fuhua {
namespace {

// Excel refuses a list validation longer than 255 characters in all.
constexpr size_t kMaxListChars = 255;

const std::string* StringAt(const ExportTable& t, size_t row, int col) {
  if (col < 0) return nullptr;
  return std::get_if<std::string>(&t.rows[row][static_cast<size_t>(col)]);
}

// A drop-down of the grade vocabulary on the grade column, from the first
// data row to the bottom of the sheet so rows a person adds get it too.
// Blank cells stay allowed: revoked and deferred records have no grade.
void AddGradeList(XlsxBook* book, lxw_worksheet* ws, const TablePlacement& at, int col) {
  if (col < 0 || book->grades().empty() || !book->ok()) return;
  std::vector<char*> list;
  std::string joined;
  for (const std::string& g : book->grades()) {
    list.push_back(const_cast<char*>(g.c_str()));
    joined += (joined.empty() ? "" : ", ") + g;
  }
  list.push_back(nullptr);
  if (joined.size() > kMaxListChars) return;  // a vocabulary too long for Excel: no drop-down
  std::string message = "Choose one of: " + joined;
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = list.data();
  dv.error_title = const_cast<char*>("Grade");
  dv.error_message = const_cast<char*>(message.c_str());
  const auto c = static_cast<lxw_col_t>(col);
  book->Check(worksheet_data_validation_range(ws, at.header_row + 1, c, LXW_ROW_MAX - 1, c, &dv),
              std::string("adding the grade list to sheet ") + ws->name);
}

std::vector<int> YearGradeColumns(const ExportTable& t) {
  std::vector<int> cols;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].name.rfind("grade_", 0) == 0) cols.push_back(static_cast<int>(c));
  }
  return cols;
}

// Whole rows of failed checks in the "bad" fill.
CellStyler CheckStyler(const XlsxBook* book, const ExportTable* checks) {
  const int ok_col = checks->Col("ok");
  return [book, checks, ok_col](size_t r, size_t) -> lxw_format* {
    if (ok_col < 0) return nullptr;
    const auto* ok = std::get_if<bool>(&checks->rows[r][static_cast<size_t>(ok_col)]);
    return ok && !*ok ? book->bad_row() : nullptr;
  };
}

// A notice's checks_failed cell in the "bad" fill when it is not zero.
CellStyler NoticeStyler(const XlsxBook* book, const ExportTable* notices) {
  const int failed_col = notices->Col("checks_failed");
  return [book, notices, failed_col](size_t r, size_t c) -> lxw_format* {
    if (static_cast<int>(c) != failed_col) return nullptr;
    const auto* n = std::get_if<int64_t>(&notices->rows[r][c]);
    return n && *n > 0 ? book->bad_row() : nullptr;
  };
}

}  // namespace

void WriteRecordsSheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kRecordsSheet);
  if (!ws) return;
  const int grade_col = set.records.Col("grade");
  TablePlacement at =
      WriteTableSheet(book, ws, set.records, GradeStyler(book, &set.records, {grade_col}));
  AddGradeList(book, ws, at, grade_col);
}

void WriteEntitiesSheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kEntitiesSheet);
  if (!ws) return;
  WriteTableSheet(book, ws, set.entities,
                  GradeStyler(book, &set.entities, YearGradeColumns(set.entities)));
}

void WriteNoticesSheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kNoticesSheet);
  if (!ws) return;
  // The checks follow under a heading; their header repeats because their
  // columns differ from the notices'.
  WriteStackedSheet(book, ws, set.notices, NoticeStyler(book, &set.notices), "Checks",
                    "What each notice states (counts, examples, 合计 rows, 序号, weights, totals) "
                    "against what was extracted; failed checks are highlighted.",
                    set.checks, CheckStyler(book, &set.checks));
}

void WriteDiagnosticsSheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kDiagnosticsSheet);
  if (!ws) return;
  const ExportTable* t = &set.diagnostics;
  const int severity = t->Col("severity");
  WriteTableSheet(book, ws, *t, [book, t, severity](size_t r, size_t) -> lxw_format* {
    const std::string* s = StringAt(*t, r, severity);
    if (!s) return nullptr;
    if (*s == "error") return book->bad_row();
    return *s == "warning" ? book->warn_row() : nullptr;
  });
}

}  // namespace fuhua
