// Implements the text-dump layout described in text_reader.h as a line-driven
// state machine: outside a table, in an open row, between rows.
#include "parsers/text_reader.h"

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

struct DraftCell {
  std::vector<std::string> lines;
  int line = 0;
};
using DraftRow = std::vector<DraftCell>;

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

bool StartsWithAny(const std::string& cleaned, const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes)
    if (cleaned.compare(0, p.size(), p) == 0) return true;
  return false;
}

Cell MakeCell(const DraftCell& d, int row, int col, int col_span) {
  Cell c;
  c.row = row;
  c.col = col;
  c.col_span = col_span;
  c.span_inferred = col_span > 1;  // the layout never states spans
  c.text = JoinCellLines(d.lines);
  for (size_t i = 0; i < d.lines.size(); ++i) c.raw += (i ? "\n" : "") + d.lines[i];
  c.where.line = d.line;
  return c;
}

bool IsNumber(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789.,-") != std::string::npos) return false;
  return text.find_first_of("0123456789") != std::string::npos;
}

// First column after column 0 whose values in the rows above are mostly numbers.
int FirstNumericColumn(const std::vector<DraftRow>& rows, size_t upto, size_t width) {
  for (size_t c = 1; c < width; ++c) {
    int filled = 0, numeric = 0;
    for (size_t r = 1; r < upto; ++r) {
      if (c >= rows[r].size()) continue;
      std::string t = JoinCellLines(rows[r][c].lines);
      if (t.empty()) continue;
      ++filled;
      numeric += IsNumber(t) ? 1 : 0;
    }
    if (filled > 0 && numeric * 2 > filled) return static_cast<int>(c);
  }
  return -1;
}

// Column span of the first cell of a row with `size` cells in a `width` grid.
int FirstSpan(const std::vector<DraftRow>& rows, size_t r, size_t width,
              const TextReaderOptions& o) {
  const DraftRow& row = rows[r];
  int deficit_span = static_cast<int>(width - row.size()) + 1;
  if (row.size() == width || !StartsWithAny(JoinCellLines(row[0].lines), o.total_row_labels))
    return deficit_span;
  int numeric = FirstNumericColumn(rows, r, width);
  if (numeric < 1 || numeric + row.size() - 1 > width) return deficit_span;
  return numeric;
}

// Lays the drafted rows onto a grid as wide as the widest row.
Table BuildTable(const std::vector<DraftRow>& rows, const TextReaderOptions& o) {
  size_t width = 0;
  for (const DraftRow& r : rows) width = std::max(width, r.size());
  Table t;
  for (size_t r = 0; r < rows.size(); ++r) {
    const DraftRow& row = rows[r];
    int col = 0;
    for (size_t k = 0; k < row.size(); ++k) {
      int span = k == 0 ? FirstSpan(rows, r, width, o) : 1;
      t.AddCell(MakeCell(row[k], static_cast<int>(r), col, span));
      col += span;
    }
    if (col < static_cast<int>(width) && !row.empty()) {  // filler after a short total row
      DraftCell filler{{}, row.back().line};
      Cell c = MakeCell(filler, static_cast<int>(r), col, static_cast<int>(width) - col);
      c.span_inferred = true;  // a cell the layout did not show at all
      t.AddCell(std::move(c));
    }
  }
  if (!rows.empty() && !rows[0].empty()) t.where.line = rows[0][0].line;
  t.Finish();
  return t;
}

class TextDumpParser {
 public:
  TextDumpParser(const TextReaderOptions& o, Document* d) : options_(o), doc_(d) {}

  Status Line(std::string_view line, int number) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] == '\t') return CellLine(line.substr(1), number);
    if (IsBlank(line)) {
      row_open_ = false;
      return Status::Ok();
    }
    std::string cleaned = CleanText(line);
    if (row_open_ && !StartsWithAny(cleaned, options_.table_terminators)) {
      rows_.back().back().lines.emplace_back(line);
      return Status::Ok();
    }
    FlushTable();
    doc_->blocks.emplace_back(Paragraph{cleaned, std::string(line), SourceLocation{number, ""}});
    return Status::Ok();
  }

  void FlushTable() {
    if (!rows_.empty()) doc_->blocks.emplace_back(BuildTable(rows_, options_));
    rows_.clear();
    cells_ = 0;
    row_open_ = false;
  }

 private:
  Status CellLine(std::string_view text, int number) {
    if (++cells_ > options_.max_cells_per_table)
      return Status::InvalidInput("line " + std::to_string(number) + ": table exceeds " +
                                  std::to_string(options_.max_cells_per_table) + " cells");
    if (!row_open_) rows_.emplace_back();
    row_open_ = true;
    rows_.back().push_back(DraftCell{{std::string(text)}, number});
    return Status::Ok();
  }

  const TextReaderOptions& options_;
  Document* doc_;
  std::vector<DraftRow> rows_;
  int cells_ = 0;
  bool row_open_ = false;
};

}  // namespace

Status ReadTextDump(std::string_view text, const TextReaderOptions& options, Document* doc) {
  TextDumpParser parser(options, doc);
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Status st = parser.Line(text.substr(start, end - start), ++number);
    if (!st.ok()) return st;
    start = end + 1;
  }
  parser.FlushTable();
  return Status::Ok();
}

}  // namespace fuhua
