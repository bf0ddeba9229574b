// Reader for the text-dump layout of .docx notices (the seed format):
//
//   paragraph line            <- one paragraph per non-empty line
//   \t序号                     <- a table row: one TAB-led line per cell
//   \t评价                     <- ...
//   结果                       <- no TAB: continues the cell above (line break)
//                             <- blank line: ends the row
//   \t1 ...                   <- next row
//
// Rows shorter than the widest row are rows with horizontally merged cells,
// marked span_inferred. A short total row (合计 …) has its label span the
// leading label columns (up to the first numeric column) and its values follow
// in order, an empty filler covering what is left; any other short row has its
// first cell span the missing columns.
// Vertical merges are not visible in this layout; the merges stage infers them.
#ifndef FUHUA_PARSERS_TEXT_READER_H_
#define FUHUA_PARSERS_TEXT_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace fuhua {

struct TextReaderOptions {
  // Non-TAB lines starting with one of these end a table even without a blank
  // line before them (a footer such as 抄送： glued under the last row).
  std::vector<std::string> table_terminators;
  // First-cell texts that open a total row: 合计, 总计...
  std::vector<std::string> total_row_labels;
  int max_cells_per_table = 200000;  // budget for untrusted input
};

// Parses `text` (valid UTF-8) into doc->blocks. Never fails on layout: odd
// input becomes paragraphs. Returns InvalidInput only when a budget is exceeded.
Status ReadTextDump(std::string_view text, const TextReaderOptions& options, Document* doc);

}  // namespace fuhua

#endif  // FUHUA_PARSERS_TEXT_READER_H_
