// One export table on a worksheet (xlsx_table.h): header, typed rows, fitted
// widths, frozen header and autofilter.
#include "exporters/xlsx_table.h"

#include <algorithm>
#include <cstdio>

namespace fuhua {
namespace {

// Room for the autofilter's drop-down button beside a header.
constexpr int kFilterButton = 3;
constexpr int kMinWidth = 4;

int CellWidth(const ExportCell& cell, ColumnType type) {
  if (const auto* s = std::get_if<std::string>(&cell)) {
    return type == ColumnType::kDate && s->size() == 10 ? 10 : ExcelTextWidth(*s);
  }
  if (const auto* i = std::get_if<int64_t>(&cell))
    return static_cast<int>(std::to_string(*i).size());
  if (const auto* d = std::get_if<double>(&cell)) {
    char buf[32];
    return std::snprintf(buf, sizeof buf, "%.15g", *d);
  }
  if (std::holds_alternative<bool>(cell)) return 5;  // FALSE
  return 0;
}

Status TooLarge(const XlsxBook& book, const ExportTable& t, lxw_row_t first_row) {
  char msg[256];
  std::snprintf(msg, sizeof msg,
                ": table %s has %zu rows and %zu columns from row %u; an Excel sheet holds "
                "%u rows and %u columns (filter the export, or use csv)",
                t.name.c_str(), t.rows.size(), t.columns.size(),
                static_cast<unsigned>(first_row) + 1, static_cast<unsigned>(LXW_ROW_MAX),
                static_cast<unsigned>(LXW_COL_MAX));
  return Status::Unsupported(book.path() + msg);
}

}  // namespace

std::string HeaderOf(const Column& c) { return c.title.empty() ? c.name : c.title; }

TablePlacement WriteTable(XlsxBook* book, lxw_worksheet* ws, const ExportTable& t,
                          lxw_row_t first_row, const CellStyler& style) {
  TablePlacement at{first_row, first_row, 0};
  if (!book->ok()) return at;
  if (static_cast<uint64_t>(first_row) + 1 + t.rows.size() > LXW_ROW_MAX ||
      t.columns.size() > LXW_COL_MAX) {
    book->Fail(TooLarge(*book, t, first_row));
    return at;
  }
  at.last_row = first_row + static_cast<lxw_row_t>(t.rows.size());
  at.last_col = static_cast<lxw_col_t>(t.columns.empty() ? 0 : t.columns.size() - 1);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    book->WriteText(ws, first_row, static_cast<lxw_col_t>(c), HeaderOf(t.columns[c]),
                    book->header());
  }
  for (size_t r = 0; r < t.rows.size() && book->ok(); ++r) {
    const std::vector<ExportCell>& row = t.rows[r];
    const lxw_row_t xr = first_row + 1 + static_cast<lxw_row_t>(r);
    for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
      lxw_format* f = style ? style(r, c) : nullptr;
      book->WriteCell(ws, xr, static_cast<lxw_col_t>(c), row[c], t.columns[c].type, f);
    }
  }
  return at;
}

std::vector<double> FitWidths(const ExportTable& t) {
  std::vector<int> w(t.columns.size(), kMinWidth);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    w[c] = std::max(w[c], ExcelTextWidth(HeaderOf(t.columns[c])) + kFilterButton);
  }
  for (const std::vector<ExportCell>& row : t.rows) {
    for (size_t c = 0; c < row.size() && c < w.size(); ++c) {
      w[c] = std::max(w[c], CellWidth(row[c], t.columns[c].type));
    }
  }
  std::vector<double> out;
  for (int v : w) out.push_back(std::min(kMaxColumnWidth, v + 1.0));  // + a margin
  return out;
}

void MergeWidths(std::vector<double>* into, const std::vector<double>& other) {
  if (into->size() < other.size()) into->resize(other.size(), 0);
  for (size_t i = 0; i < other.size(); ++i) (*into)[i] = std::max((*into)[i], other[i]);
}

void SetWidths(XlsxBook* book, lxw_worksheet* ws, const std::vector<double>& widths) {
  for (size_t c = 0; c < widths.size() && book->ok(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    book->Check(worksheet_set_column(ws, col, col, widths[c], nullptr), "setting column widths");
  }
}

void FreezeAndFilter(XlsxBook* book, lxw_worksheet* ws, const TablePlacement& at) {
  if (!book->ok()) return;
  worksheet_freeze_panes(ws, at.header_row + 1, 0);
  book->Check(worksheet_autofilter(ws, at.header_row, 0, at.last_row, at.last_col),
              std::string("adding the autofilter to sheet ") + ws->name);
}

TablePlacement WriteTableSheet(XlsxBook* book, lxw_worksheet* ws, const ExportTable& t,
                               const CellStyler& style) {
  TablePlacement at = WriteTable(book, ws, t, 0, style);
  SetWidths(book, ws, FitWidths(t));
  FreezeAndFilter(book, ws, at);
  return at;
}

void WriteStackedSheet(XlsxBook* book, lxw_worksheet* ws, const ExportTable& first,
                       const CellStyler& first_style, const char* heading, const char* note,
                       const ExportTable& second, const CellStyler& second_style) {
  TablePlacement top = WriteTable(book, ws, first, 0, first_style);
  FreezeAndFilter(book, ws, top);
  const lxw_row_t at = top.last_row + 2;
  book->WriteText(ws, at, 0, heading, book->heading());
  book->WriteText(ws, at, 1, note, book->note());
  WriteTable(book, ws, second, at + 1, second_style);
  std::vector<double> widths = FitWidths(first);
  MergeWidths(&widths, FitWidths(second));
  SetWidths(book, ws, widths);
}

CellStyler GradeStyler(const XlsxBook* book, const ExportTable* t, std::vector<int> grade_cols) {
  std::vector<bool> is_grade(t->columns.size(), false);
  for (int c : grade_cols) {
    if (c >= 0 && static_cast<size_t>(c) < is_grade.size()) is_grade[c] = true;
  }
  return [book, t, is_grade](size_t r, size_t c) -> lxw_format* {
    if (!is_grade[c]) return nullptr;
    const auto* s = std::get_if<std::string>(&t->rows[r][c]);
    return s ? book->GradeFormat(*s) : nullptr;
  };
}

}  // namespace fuhua
