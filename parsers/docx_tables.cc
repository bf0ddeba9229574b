// WordprocessingML tables to grids: w:tblGrid width, w:gridBefore /
// w:gridAfter holes, w:gridSpan, w:vMerge restart / continue, legacy w:hMerge,
// nested tables in cells, w:tblHeader rows, header rows repeated inside a
// table (dropped) and tables continued as a second w:tbl with the header
// repeated (joined). Each merged cell is stored once at its top-left corner.
#include <algorithm>
#include <charconv>
#include <tuple>

#include "parsers/docx_walk.h"
#include "pipeline/text_util.h"

namespace fuhua::docx {
namespace {

// Word allows 63 columns; anything far beyond is hostile input.
constexpr int kMaxCols = 1000;

int IntAttr(const XmlPart& part, pugi::xml_node n, std::string_view local, int fallback) {
  const char* s = part.AttrW(n, local);
  const char* end = s + ShortLength(s);
  int v = fallback;
  auto [p, ec] = std::from_chars(s, end, v);
  return (ec == std::errc() && p == end) ? v : fallback;
}

// The children of a w:trPr or w:tcPr that the grid reads (the first of each
// name), found in one pass: looking each up by name scanned the properties
// once per property, for every row and cell.
struct GridProps {
  pugi::xml_node del, header, before, after, span, vmerge, hmerge;
};

GridProps ReadGridProps(const XmlPart& part, pugi::xml_node props) {
  GridProps g;
  for (pugi::xml_node c = props.first_child(); c; c = c.next_sibling()) {
    std::string_view w = part.LocalW(c);
    pugi::xml_node* slot = w == "del"          ? &g.del
                           : w == "tblHeader"  ? &g.header
                           : w == "gridBefore" ? &g.before
                           : w == "gridAfter"  ? &g.after
                           : w == "gridSpan"   ? &g.span
                           : w == "vMerge"     ? &g.vmerge
                           : w == "hMerge"     ? &g.hmerge
                                               : nullptr;
    if (slot && !*slot) *slot = c;
  }
  return g;
}

// A toggle property element: present and not switched off by w:val.
bool Toggle(const XmlPart& part, pugi::xml_node n) { return n && IsOn(part.AttrW(n, "val")); }

// A merge element's state: 0 none, 1 restart, 2 continue (no w:val = continue).
int MergeState(const XmlPart& part, pugi::xml_node n) {
  if (!n) return 0;
  return std::string_view(part.AttrW(n, "val")) == "restart" ? 1 : 2;
}

void MergeContent(WorkCell&& from, WorkCell* into) {
  for (std::string& l : from.lines)
    if (!IsBlank(l)) into->lines.push_back(std::move(l));
  into->labelled = into->labelled || from.labelled;
  into->own_text = into->own_text || from.own_text;
  for (Table& t : from.nested) into->nested.push_back(std::move(t));
}

class GridBuilder {
 public:
  GridBuilder(WalkContext* ctx, WorkTable* out) : ctx_(ctx), part_(*ctx->part), out_(out) {}

  Status Row(pugi::xml_node tr) {
    GridProps row = ReadGridProps(part_, part_.ChildW(tr, "trPr"));
    if (!ctx_->options->include_deletions && row.del) return Status::Ok();
    if (header_prefix_ && Toggle(part_, row.header))
      ++out_->declared_header_rows;
    else
      header_prefix_ = false;
    col_ = std::clamp(IntAttr(part_, row.before, "val", 0), 0, kMaxCols);
    cover_.clear();
    prev_ = -1;
    Status st = ForEachContent(tr, *ctx_, [this](pugi::xml_node n) {
      return part_.IsW(n, "tc") ? Cell(n) : Status::Ok();
    });
    if (!st.ok()) return st;
    col_ += std::clamp(IntAttr(part_, row.after, "val", 0), 0, kMaxCols);
    out_->width = std::max(out_->width, std::min(col_, kMaxCols));
    above_ = std::move(cover_);
    ++out_->rows;
    return CheckBudget();
  }

 private:
  Status CheckBudget() const {
    long long area = static_cast<long long>(out_->rows) * std::max(out_->width, 1);
    if (area <= ctx_->options->max_cells_per_table) return Status::Ok();
    return Status::InvalidInput(part_.name() + ": table at line " + std::to_string(out_->line) +
                                " has over " + std::to_string(ctx_->options->max_cells_per_table) +
                                " grid cells");
  }

  Status Cell(pugi::xml_node tc) {
    if (col_ >= kMaxCols) return Status::Ok();
    GridProps props = ReadGridProps(part_, part_.ChildW(tc, "tcPr"));
    int span = std::clamp(IntAttr(part_, props.span, "val", 1), 1, kMaxCols - col_);
    WorkCell cell;
    cell.line = part_.LineOf(tc);
    Status st = ReadContent(tc, &cell);
    if (!st.ok()) return st;
    int target = MergeTarget(MergeState(part_, props.vmerge), MergeState(part_, props.hmerge));
    if (target >= 0) {
      WorkCell& into = out_->cells[target];
      if (into.row == out_->rows)
        into.col_span += span;  // hMerge: grows to the right
      else
        into.row_span = out_->rows - into.row + 1;  // vMerge: grows down
      MergeContent(std::move(cell), &into);
    } else {
      cell.row = out_->rows;
      cell.col = col_;
      cell.col_span = span;
      out_->cells.push_back(std::move(cell));
      target = static_cast<int>(out_->cells.size()) - 1;
    }
    cover_.resize(std::max<size_t>(cover_.size(), col_ + span), -1);
    std::fill(cover_.begin() + col_, cover_.begin() + col_ + span, target);
    prev_ = target;
    col_ += span;
    return Status::Ok();
  }

  // The cell a continuation merges into, or -1 for a new cell.
  int MergeTarget(int vmerge, int hmerge) const {
    if (vmerge == 2 && col_ < static_cast<int>(above_.size()) && above_[col_] >= 0) {
      const WorkCell& a = out_->cells[above_[col_]];
      if (a.col == col_ && a.row + a.row_span == out_->rows) return above_[col_];
    }
    if (hmerge == 2 && prev_ >= 0) {
      const WorkCell& a = out_->cells[prev_];
      if (a.row == out_->rows && a.col + a.col_span == col_) return prev_;
    }
    return -1;
  }

  Status ReadContent(pugi::xml_node tc, WorkCell* cell) {
    return ForEachContent(tc, *ctx_, [this, cell](pugi::xml_node n) {
      if (part_.IsW(n, "p")) {
        ParagraphText text = ReadParagraph(n, ctx_);
        for (std::string& l : text.lines) cell->lines.push_back(std::move(l));
        cell->labelled = cell->labelled || text.labelled;
        cell->own_text = cell->own_text || text.own_text;
      } else if (part_.IsW(n, "tbl")) {
        WorkTable nested;
        Status st = ReadTable(n, ctx_, &nested);
        if (!st.ok()) return st;
        cell->nested.push_back(FinishTable(std::move(nested), *ctx_));
      }
      return Status::Ok();
    });
  }

  WalkContext* ctx_;
  const XmlPart& part_;
  WorkTable* out_;
  bool header_prefix_ = true;
  int col_ = 0;
  int prev_ = -1;
  std::vector<int> above_;  // per grid column: the cell covering the previous row
  std::vector<int> cover_;  // the same for the row being built
};

using RowKey = std::vector<std::tuple<int, int, std::string>>;

// Keys of the cells whose top-left corner is in each row (cells are
// row-major by origin).
std::vector<RowKey> RowKeys(const WorkTable& t, int max_rows) {
  std::vector<RowKey> keys(std::min(t.rows, max_rows));
  for (const WorkCell& c : t.cells) {
    if (c.row >= static_cast<int>(keys.size())) break;
    keys[c.row].emplace_back(c.col, c.col_span, JoinCellLines(c.lines));
  }
  return keys;
}

bool HasText(const RowKey& key) {
  return std::any_of(key.begin(), key.end(), [](const auto& k) { return !std::get<2>(k).empty(); });
}

// Rows a span from an earlier row reaches into, and rows whose own cells
// span down: neither can be dropped without breaking the grid.
std::vector<char> SpannedRows(const WorkTable& t) {
  std::vector<char> spanned(t.rows, 0);
  for (const WorkCell& c : t.cells)
    for (int r = c.row; r < c.row + c.row_span && r < t.rows; ++r)
      if (c.row_span > 1) spanned[r] = 1;
  return spanned;
}

// Where each row's origin cells start in t.cells (row-major by origin), and
// one past the last row: row r is [starts[r], starts[r + 1]).
std::vector<size_t> RowStarts(const WorkTable& t) {
  std::vector<size_t> starts(t.rows + 1, t.cells.size());
  for (size_t i = t.cells.size(); i-- > 0;) starts[t.cells[i].row] = i;
  for (int r = t.rows - 1; r >= 0; --r) starts[r] = std::min(starts[r], starts[r + 1]);
  return starts;
}

// True when the origin cells [begin, end) have the places and texts of `key`.
// Texts are joined only while the places agree and the texts before them did:
// most rows differ from the header in their first cell.
bool RowIs(const WorkTable& t, size_t begin, size_t end, const RowKey& key) {
  if (end - begin != key.size()) return false;
  for (size_t i = begin; i < end; ++i) {
    const WorkCell& c = t.cells[i];
    const auto& [col, span, text] = key[i - begin];
    if (c.col != col || c.col_span != span || JoinCellLines(c.lines) != text) return false;
  }
  return true;
}

// A header row typed again in the middle of a table (as row 0) is dropped.
void DropRepeatedHeaderRows(WorkTable* t) {
  if (t->rows < 2) return;
  const RowKey first = RowKeys(*t, 1)[0];
  if (!HasText(first)) return;
  std::vector<size_t> starts = RowStarts(*t);
  std::vector<char> spanned = SpannedRows(*t);
  std::vector<int> shift(t->rows, 0);
  int dropped = 0;
  for (int r = 0; r < t->rows; ++r) {
    shift[r] = dropped;
    if (r >= std::max(1, t->declared_header_rows) && !spanned[r] &&
        RowIs(*t, starts[r], starts[r + 1], first)) {
      shift[r] = -1;
      ++dropped;
    }
  }
  if (dropped == 0) return;
  std::vector<WorkCell> kept;
  for (WorkCell& c : t->cells) {
    if (shift[c.row] < 0) continue;
    c.row -= shift[c.row];
    kept.push_back(std::move(c));
  }
  t->cells = std::move(kept);
  t->rows -= dropped;
}

// True when the first `h` rows of `a` and `b` carry the same texts and no
// cell of those rows in `b` spans below them.
bool SameHeader(const WorkTable& a, const WorkTable& b, int h) {
  if (h > a.rows || h >= b.rows) return false;
  std::vector<RowKey> ka = RowKeys(a, h);
  if (ka.empty() || !HasText(ka[0]) || ka != RowKeys(b, h)) return false;
  return std::none_of(b.cells.begin(), b.cells.end(),
                      [h](const WorkCell& c) { return c.row < h && c.row + c.row_span > h; });
}

}  // namespace

Status ReadTable(pugi::xml_node tbl, WalkContext* ctx, WorkTable* out) {
  const XmlPart& part = *ctx->part;
  out->line = part.LineOf(tbl);
  pugi::xml_node grid = part.ChildW(tbl, "tblGrid");
  for (pugi::xml_node c = grid.first_child(); c; c = c.next_sibling())
    if (part.IsW(c, "gridCol") && out->width < kMaxCols) ++out->width;
  GridBuilder builder(ctx, out);
  Status st = ForEachContent(tbl, *ctx, [&](pugi::xml_node n) {
    return part.IsW(n, "tr") ? builder.Row(n) : Status::Ok();
  });
  if (!st.ok()) return st;
  DropRepeatedHeaderRows(out);
  out->declared_header_rows = std::min(out->declared_header_rows, out->rows);
  return Status::Ok();
}

bool JoinContinuation(WorkTable* first, WorkTable* next) {
  if (first->width != next->width || first->rows == 0) return false;
  int h = std::max(1, first->declared_header_rows);
  if (!SameHeader(*first, *next, h)) {
    if (h == 1 || !SameHeader(*first, *next, 1)) return false;
    h = 1;
  }
  int offset = first->rows - h;
  for (WorkCell& c : next->cells) {
    if (c.row < h) continue;
    c.row += offset;
    first->cells.push_back(std::move(c));
  }
  first->rows += next->rows - h;
  return true;
}

Table FinishTable(WorkTable&& work, const WalkContext& ctx) {
  Table table;
  table.where = SourceLocation{work.line, ctx.part->name()};
  table.origin = ctx.origin;
  table.declared_header_rows = work.declared_header_rows;
  for (WorkCell& w : work.cells) {
    Cell cell;
    cell.row = w.row;
    cell.col = w.col;
    cell.row_span = w.row_span;
    cell.col_span = w.col_span;
    cell.text = JoinCellLines(w.lines);
    cell.raw = JoinRaw(w.lines);
    cell.where = SourceLocation{w.line, ctx.part->name()};
    cell.generated = w.labelled && !w.own_text;
    cell.nested = std::move(w.nested);
    table.AddCell(std::move(cell));
  }
  table.Finish();
  return table;
}

}  // namespace fuhua::docx
