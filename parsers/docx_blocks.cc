// The block walk of a WordprocessingML story (w:body, w:hdr, w:ftr,
// w:txbxContent): paragraphs and tables in order through block-level
// wrappers, empty paragraphs skipped, a table held back until the next
// non-empty block so that a continuation table can be joined to it, and the
// text boxes anchored in a block emitted right after it with origin "textbox".
#include <optional>
#include <string_view>
#include <utility>

#include "parsers/docx_walk.h"
#include "pipeline/text_util.h"

namespace fuhua::docx {
namespace {

class BlockWalker {
 public:
  BlockWalker(WalkContext* ctx, std::vector<Block>* out) : ctx_(ctx), out_(out) {}

  Status Walk(pugi::xml_node container) {
    Status st = ForEachContent(container, *ctx_, [this](pugi::xml_node n) { return Visit(n); });
    FlushHeld();
    return st;
  }

 private:
  Status Visit(pugi::xml_node n) {
    const XmlPart& part = *ctx_->part;
    if (part.IsW(n, "p")) {
      ParagraphText text = ReadParagraph(n, ctx_);
      Paragraph p;
      p.raw = JoinRaw(text.lines);
      p.text = CleanText(p.raw);
      if (!p.text.empty()) {
        FlushHeld();
        p.where = SourceLocation{text.line, part.name()};
        p.origin = ctx_->origin;
        out_->push_back(std::move(p));
      }
      return FlushTextboxes();
    }
    if (part.IsW(n, "tbl")) {
      WorkTable table;
      Status st = ReadTable(n, ctx_, &table);
      if (!st.ok()) return st;
      if (!held_ || !JoinContinuation(&*held_, &table)) {
        FlushHeld();
        held_ = std::move(table);
      }
      return FlushTextboxes();
    }
    return Status::Ok();  // w:sectPr, bookmarks, permissions...
  }

  void FlushHeld() {
    if (!held_) return;
    out_->push_back(FinishTable(std::move(*held_), *ctx_));
    held_.reset();
  }

  Status FlushTextboxes() {
    if (ctx_->pending_textboxes.empty()) return Status::Ok();
    FlushHeld();
    std::vector<pugi::xml_node> boxes;
    boxes.swap(ctx_->pending_textboxes);
    std::string origin = std::exchange(ctx_->origin, "textbox");
    Status st;
    for (pugi::xml_node box : boxes) {
      st = BlockWalker(ctx_, out_).Walk(box);
      if (!st.ok()) break;
    }
    ctx_->origin = origin;
    return st;
  }

  WalkContext* ctx_;
  std::vector<Block>* out_;
  std::optional<WorkTable> held_;
};

}  // namespace

bool Unwrap(pugi::xml_node n, const WalkContext& ctx, pugi::xml_node* inner) {
  const XmlPart& part = *ctx.part;
  const std::string_view w = part.LocalW(n);
  if (w == "sdt") {
    *inner = part.ChildW(n, "sdtContent");
  } else if (w == "customXml" || w == "ins" || w == "moveTo") {
    *inner = n;
  } else if (w == "del" || w == "moveFrom") {
    *inner = ctx.options->include_deletions ? n : pugi::xml_node();
  } else if (part.IsAlternateContent(n, w)) {
    *inner = part.ChooseBranch(n);
  } else {
    return false;
  }
  return true;
}

std::string JoinRaw(const std::vector<std::string>& lines) {
  size_t begin = 0;
  size_t end = lines.size();
  while (begin < end && lines[begin].empty()) ++begin;
  while (end > begin && lines[end - 1].empty()) --end;
  std::string raw;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) raw += '\n';
    raw += lines[i];
  }
  return raw;
}

Status ReadBlocks(pugi::xml_node container, WalkContext* ctx, std::vector<Block>* out) {
  return BlockWalker(ctx, out).Walk(container);
}

}  // namespace fuhua::docx
