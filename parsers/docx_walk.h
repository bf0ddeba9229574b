// Internal interface between the pieces of the .docx reader: the walk
// context, paragraph text (docx_runs.cc), tables before they become
// fuhua::Table (docx_tables.cc) and the block walk (docx_blocks.cc).
// Recursion in these walkers follows XML nesting, which XmlPart::Parse has
// already bounded by the depth budget.
#ifndef FUHUA_PARSERS_DOCX_WALK_H_
#define FUHUA_PARSERS_DOCX_WALK_H_

#include <map>
#include <new>
#include <pugixml.hpp>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "parsers/docx_numbering.h"
#include "parsers/docx_reader.h"
#include "parsers/docx_xml.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace fuhua::docx {

// w:numPr of a paragraph style: numId and ilvl (-1 = not set by the style).
using StyleNumbering = std::map<std::string, std::pair<int, int>>;

struct WalkContext {
  const DocxOptions* options = nullptr;
  DocxNumbering* numbering = nullptr;      // may be null: no numbering part
  const StyleNumbering* styles = nullptr;  // may be null: no styles part
  const XmlPart* part = nullptr;
  std::string origin = "body";  // "body", "header", "footer", "textbox"
  // Complex fields open at this point; true once past w:fldChar "separate".
  // Fields may span paragraphs, so this lives here and not per paragraph.
  std::vector<bool> fields;
  // w:txbxContent elements met since the last block was emitted.
  std::vector<pugi::xml_node> pending_textboxes;
};

// The text of one w:p: its lines (w:br / w:cr split lines), and whether an
// automatic-numbering label was rendered and whether any typed text exists.
struct ParagraphText {
  std::vector<std::string> lines;
  bool labelled = false;
  bool own_text = false;
  int line = 0;
};

ParagraphText ReadParagraph(pugi::xml_node p, WalkContext* ctx);

// Collects the w:txbxContent elements under a drawing / picture / object /
// AlternateContent into ctx->pending_textboxes (one mc branch only).
void CollectTextboxes(pugi::xml_node node, WalkContext* ctx);

struct WorkCell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::vector<std::string> lines;
  bool labelled = false;
  bool own_text = false;
  int line = 0;
  std::vector<Table> nested;
};

// A table with its grid resolved, before joining and Finish().
struct WorkTable {
  std::vector<WorkCell> cells;  // row-major by origin
  int rows = 0;
  int width = 0;  // w:tblGrid columns or the widest row
  int declared_header_rows = 0;
  int line = 0;
};

// Resolves the grid of w:tbl `tbl`. InvalidInput when the grid exceeds
// options->max_cells_per_table positions.
Status ReadTable(pugi::xml_node tbl, WalkContext* ctx, WorkTable* out);
// When `next` continues `first` (same width, repeated header rows), appends
// its body rows to `first` and returns true.
bool JoinContinuation(WorkTable* first, WorkTable* next);
Table FinishTable(WorkTable&& work, const WalkContext& ctx);

// The iterative walk both content walks share: Next() gives the children of
// the starting node in order, and after Enter(n) the children of `n` first,
// then the rest. Wrappers and inline containers nest a level or two, so the
// first levels of its stack live in the object and a walk allocates nothing
// (each paragraph, row and cell walked had a heap vector).
class NodeWalk {
 public:
  explicit NodeWalk(pugi::xml_node parent) { Enter(parent); }
  void Enter(pugi::xml_node parent) { Push(parent.first_child()); }
  // The next node, or a null node at the end.
  pugi::xml_node Next() {
    while (size_ > 0) {
      pugi::xml_node& top = Top();
      if (pugi::xml_node n = top) {
        top = n.next_sibling();
        return n;
      }
      Pop();
    }
    return pugi::xml_node();
  }

 private:
  static constexpr size_t kInline = 8;
  void Push(pugi::xml_node n) {
    if (size_ < kInline)
      new (&inline_[size_ * sizeof(pugi::xml_node)]) pugi::xml_node(n);
    else
      more_.push_back(n);
    ++size_;
  }
  void Pop() {
    --size_;
    if (size_ >= kInline) more_.pop_back();
  }
  pugi::xml_node& Top() {
    if (size_ > kInline) return more_.back();
    return *std::launder(
        reinterpret_cast<pugi::xml_node*>(&inline_[(size_ - 1) * sizeof(pugi::xml_node)]));
  }
  // Raw bytes, the nodes made as pushed (xml_node is trivially copyable and
  // destructible): an array of nodes ran pugixml's out-of-line default
  // constructor eight times per walk.
  static_assert(std::is_trivially_copyable_v<pugi::xml_node> &&
                std::is_trivially_destructible_v<pugi::xml_node>);
  alignas(pugi::xml_node) unsigned char inline_[kInline * sizeof(pugi::xml_node)];
  std::vector<pugi::xml_node> more_;
  size_t size_ = 0;
};

// When `n` is a wrapper that may surround paragraphs, tables, rows and cells
// (w:sdt / w:sdtContent, w:customXml, w:ins, w:moveTo, mc:AlternateContent's
// chosen branch; w:del and w:moveFrom only with include_deletions): true,
// with *inner the element whose children to walk (null: skip it).
bool Unwrap(pugi::xml_node n, const WalkContext& ctx, pugi::xml_node* inner);

// Calls `fn` (Status(pugi::xml_node)) for each content element under
// `container`, looking through the wrappers (Unwrap). Iterative; stops at the
// first error `fn` returns. A template, not a std::function: it runs for
// every row, cell and block.
template <typename Fn>
Status ForEachContent(pugi::xml_node container, const WalkContext& ctx, Fn&& fn) {
  NodeWalk walk(container);
  for (pugi::xml_node n; (n = walk.Next());) {
    if (n.type() != pugi::node_element) continue;
    pugi::xml_node inner;
    if (Unwrap(n, ctx, &inner)) {
      if (inner) walk.Enter(inner);
      continue;
    }
    Status st = fn(n);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

// Lines joined with '\n', leading and trailing empty lines dropped.
std::string JoinRaw(const std::vector<std::string>& lines);

// Emits the blocks under `container` (w:body, w:hdr, w:ftr, w:txbxContent)
// into `out`, text boxes after the block that anchors them.
Status ReadBlocks(pugi::xml_node container, WalkContext* ctx, std::vector<Block>* out);

}  // namespace fuhua::docx

#endif  // FUHUA_PARSERS_DOCX_WALK_H_
