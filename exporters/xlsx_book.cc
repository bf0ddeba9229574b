// XlsxBook (xlsx_book.h): formats, typed cells and error capture for one
// libxlsxwriter workbook.
#include "exporters/xlsx_book.h"

#include <algorithm>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

// Excel refuses cells over 32,767 characters, and libxlsxwriter refuses to
// write them (Excel counts UTF-16 units, so stay below). Longer text is cut
// rather than failing the whole workbook: the CSV and JSON exports keep it
// whole.
constexpr size_t kMaxCellChars = 32000;
constexpr std::string_view kCutMark = "…";

// Fills by rank, best first: Excel's own "Good", a light blue, "Neutral"
// and "Bad" cell styles — readable in print and for most colour-blind readers
// because the font colour changes with the fill.
struct Fill {
  uint32_t fill, font;
};
constexpr Fill kRankFills[] = {
    {0xC6EFCE, 0x006100}, {0xDDEBF7, 0x1F4E78}, {0xFFEB9C, 0x9C5700}, {0xFFC7CE, 0x9C0006}};
constexpr int kRankFillCount = 4;
constexpr Fill kRevokedFill = {0xD9D9D9, 0x404040};

Status::Code CodeOf(lxw_error err) {
  switch (err) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return Status::Code::kIoError;
    default:
      return Status::Code::kInternal;
  }
}

// "2021-05-01" -> a date; anything else is not one.
bool ParseDate(std::string_view s, lxw_datetime* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = starts[i]; k < starts[i] + lens[i]; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      v[i] = v[i] * 10 + (s[k] - '0');
    }
  }
  if (v[0] < 1900 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) return false;
  *out = lxw_datetime{v[0], v[1], v[2], 0, 0, 0.0};
  return true;
}

// Excel refuses a whole file over one cell of invalid UTF-8 (a file name in
// another encoding, say): bad bytes become U+FFFD, or "?" if still invalid.
std::string ValidUtf8(std::string_view text) {
  if (FindInvalidUtf8(text) == std::string_view::npos) return std::string(text);
  std::string s = EncodeUtf8(DecodeUtf8(text));
  if (FindInvalidUtf8(s) == std::string_view::npos) return s;
  s.assign(text);
  for (char& c : s) c = static_cast<unsigned char>(c) < 0x80 ? c : '?';
  return s;
}

std::string CutToCellLimit(std::string_view text) {
  std::u32string chars = DecodeUtf8(text);
  if (chars.size() <= kMaxCellChars) return std::string(text);
  chars.resize(kMaxCellChars);
  return EncodeUtf8(chars) + std::string(kCutMark);
}

}  // namespace

int ExcelTextWidth(std::string_view text) { return DisplayWidth(text); }

XlsxBook::XlsxBook(lxw_workbook* wb, std::string path, std::vector<std::string> grades)
    : wb_(wb), path_(std::move(path)), grades_(std::move(grades)) {
  MakeFormats();
}

bool XlsxBook::Check(lxw_error err, std::string_view step) {
  if (!status_.ok()) return false;
  if (err == LXW_NO_ERROR) return true;
  std::string msg = path_ + ": " + std::string(step) + ": " + lxw_strerror(err);
  status_ = CodeOf(err) == Status::Code::kIoError ? Status::IoError(msg) : Status::Internal(msg);
  return false;
}

void XlsxBook::Fail(Status st) {
  if (status_.ok()) status_ = std::move(st);
}

lxw_worksheet* XlsxBook::AddSheet(const char* name) {
  if (!ok()) return nullptr;
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
  if (!ws) Fail(Status::Internal(path_ + ": adding sheet " + name + ": libxlsxwriter refused it"));
  return ws;
}

lxw_format* XlsxBook::AddFill(uint32_t fill, uint32_t font) {
  lxw_format* f = workbook_add_format(wb_);
  format_set_pattern(f, LXW_PATTERN_SOLID);
  format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  return f;
}

void XlsxBook::MakeFormats() {
  header_ = workbook_add_format(wb_);
  format_set_bold(header_);
  format_set_pattern(header_, LXW_PATTERN_SOLID);
  format_set_bg_color(header_, 0xE7E6E6);
  format_set_bottom(header_, LXW_BORDER_THIN);
  heading_ = workbook_add_format(wb_);
  format_set_bold(heading_);
  format_set_font_size(heading_, 12);
  note_ = workbook_add_format(wb_);
  format_set_italic(note_);
  format_set_font_color(note_, 0x595959);
  bad_row_ = AddFill(kRankFills[3].fill, kRankFills[3].font);
  warn_row_ = AddFill(kRankFills[2].fill, kRankFills[2].font);
  date_ = workbook_add_format(wb_);
  format_set_num_format(date_, "yyyy-mm-dd");
  revoked_ = AddFill(kRevokedFill.fill, kRevokedFill.font);
  // Spread the vocabulary over the four fills: best green, worst red.
  const int n = static_cast<int>(grades_.size());
  for (int i = 0; i < n; ++i) {
    int slot = n == 1 ? 0 : (i * (kRankFillCount - 1) + (n - 1) / 2) / (n - 1);
    grade_formats_.push_back(AddFill(kRankFills[slot].fill, kRankFills[slot].font));
  }
}

lxw_format* XlsxBook::GradeFormat(std::string_view value) const {
  for (size_t i = 0; i < grades_.size(); ++i) {
    if (grades_[i] == value) return grade_formats_[i];
  }
  return value == "revoked" ? revoked_ : nullptr;
}

bool XlsxBook::CheckCell(lxw_error err, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col,
                         const char* what) {
  if (err == LXW_NO_ERROR || !ok()) return ok();
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(cell, row, col);
  return Check(err, std::string("writing ") + what + " to sheet " + ws->name + " cell " + cell);
}

void XlsxBook::WriteText(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text,
                         lxw_format* format) {
  if (!ok()) return;
  if (text.empty()) {
    if (format) CheckCell(worksheet_write_blank(ws, row, col, format), ws, row, col, "a blank");
    return;
  }
  // Written as text, never as a formula: a name starting with "=" stays a name.
  std::string s = ValidUtf8(text);
  if (s.size() > kMaxCellChars) s = CutToCellLimit(s);
  CheckCell(worksheet_write_string(ws, row, col, s.c_str(), format), ws, row, col, "text");
}

void XlsxBook::WriteNumber(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double value,
                           lxw_format* format) {
  if (!ok()) return;
  CheckCell(worksheet_write_number(ws, row, col, value, format), ws, row, col, "a number");
}

void XlsxBook::WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const ExportCell& cell,
                         ColumnType type, lxw_format* format) {
  if (!ok()) return;
  if (const auto* s = std::get_if<std::string>(&cell)) {
    lxw_datetime dt;
    if (type == ColumnType::kDate && ParseDate(*s, &dt)) {
      lxw_error err = worksheet_write_datetime(ws, row, col, &dt, format ? format : date_);
      CheckCell(err, ws, row, col, "a date");
    } else {
      WriteText(ws, row, col, *s, format);
    }
  } else if (const auto* i = std::get_if<int64_t>(&cell)) {
    WriteNumber(ws, row, col, static_cast<double>(*i), format);
  } else if (const auto* d = std::get_if<double>(&cell)) {
    WriteNumber(ws, row, col, *d, format);
  } else if (const auto* b = std::get_if<bool>(&cell)) {
    CheckCell(worksheet_write_boolean(ws, row, col, *b ? 1 : 0, format), ws, row, col, "a boolean");
  } else if (format) {
    CheckCell(worksheet_write_blank(ws, row, col, format), ws, row, col, "a blank");
  }
}

}  // namespace fuhua
