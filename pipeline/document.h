// Document: the model every reader produces and every pipeline stage reads.
// A notice is a sequence of blocks (paragraphs and tables) in reading order.
// A table is a grid of cells; each cell is stored once at its top-left grid
// position with its row and column span, so merged cells are never duplicated.
#ifndef FUHUA_PIPELINE_DOCUMENT_H_
#define FUHUA_PIPELINE_DOCUMENT_H_

#include <string>
#include <variant>
#include <vector>

namespace fuhua {

// Where something came from. `line` is 1-based for text files (0 = unknown);
// `part` names the container part for packaged formats (e.g. word/document.xml).
struct SourceLocation {
  int line = 0;
  std::string part;
};

class Table;

struct Cell {
  int row = 0;  // grid row of the top-left corner
  int col = 0;  // grid column of the top-left corner
  int row_span = 1;
  int col_span = 1;
  std::string text;  // cleaned display text (see text_util.h CleanCellText)
  std::string raw;   // the source text, lines joined with '\n'
  SourceLocation where;
  // True when a span was inferred from a layout that does not state it
  // (text dumps), false when the source format declared it.
  bool span_inferred = false;
  // True when the text was rendered from automatic numbering (w:numPr), not
  // typed: the digits of a generated 序号 column.
  bool generated = false;
  // Tables nested inside this cell, in order (their text is not in `text`).
  std::vector<Table> nested;
};

// A grid of cells. Build it with AddCell() row by row, then call Finish();
// CellAt() is valid after Finish() and after ApplyRowSpans().
class Table {
 public:
  void AddCell(Cell cell) { cells_.push_back(std::move(cell)); }
  // Computes the grid size and the coverage index.
  void Finish();

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  const std::vector<Cell>& cells() const { return cells_; }
  // The cell covering grid position (r, c), or nullptr for a hole.
  const Cell* CellAt(int r, int c) const;
  // The cell whose top-left corner is (r, c), or nullptr.
  const Cell* OriginAt(int r, int c) const;
  // Index into cells() of the cell covering (r, c), or -1.
  int IndexAt(int r, int c) const;
  // Rewrites row spans in one step: `row_span[i]` is the new span of cells()[i],
  // 0 drops the cell (it was an empty cell now covered by a span above).
  // Changed spans are marked inferred when `inferred` is set.
  void ApplyRowSpans(const std::vector<int>& row_span, bool inferred);

  SourceLocation where;
  std::string origin = "body";  // "body", "header", "footer" or "textbox"
  int declared_header_rows = 0;  // rows the source marks as headers (w:tblHeader)

 private:
  void Reindex();
  std::vector<Cell> cells_;
  std::vector<int> grid_;  // rows_ * cols_, index into cells_ or -1
  int rows_ = 0;
  int cols_ = 0;
};

struct Paragraph {
  std::string text;  // cleaned
  std::string raw;
  SourceLocation where;
  std::string origin = "body";  // "body", "header", "footer" or "textbox"
};

using Block = std::variant<Paragraph, Table>;

struct Document {
  std::string source;  // path as given by the user
  std::string format;  // "text", later "docx", "html", "xlsx"
  std::vector<Block> blocks;
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_DOCUMENT_H_
