// Paragraph text of WordprocessingML: runs and their text elements (w:t,
// w:tab, w:br / w:cr, w:sym, w:noBreakHyphen, w:softHyphen), the inline
// wrappers (hyperlink, smartTag, customXml, sdt, fldSimple, ins, moveTo),
// tracked deletions, complex fields (only the displayed result, nested fields
// through a stack), mc:AlternateContent (one branch), text-box discovery and
// the automatic-numbering label. The inline walk is iterative.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>

#include "parsers/docx_walk.h"
#include "pipeline/text_util.h"

namespace fuhua::docx {
namespace {

int ToInt(const char* s, int fallback) {
  int v = fallback;
  const char* end = s + std::strlen(s);
  auto [p, ec] = std::from_chars(s, end, v);
  return (ec == std::errc() && p == end) ? v : fallback;
}

// w:sym: w:char is hex; Symbol-font private-use code points F0xx map to xx.
std::string SymbolText(const XmlPart& part, pugi::xml_node sym) {
  const char* hex = part.AttrW(sym, "char");
  unsigned int c = 0;
  const char* end = hex + std::strlen(hex);
  auto [p, ec] = std::from_chars(hex, end, c, 16);
  if (ec != std::errc() || p != end) return "";
  if (c >= 0xF000 && c <= 0xF0FF) c -= 0xF000;
  if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return "";
  return EncodeUtf8(std::u32string(1, static_cast<char32_t>(c)));
}

class InlineWalker {
 public:
  explicit InlineWalker(WalkContext* ctx) : ctx_(ctx), part_(*ctx->part) {}

  std::vector<std::string> Walk(pugi::xml_node p) {
    NodeWalk walk(p);
    for (pugi::xml_node n; (n = walk.Next());) {
      const std::string_view w = part_.LocalW(n);
      pugi::xml_node inner;
      if (Container(n, w, &inner)) {
        if (inner) walk.Enter(inner);
        continue;
      }
      Leaf(n, w);
    }
    return std::move(lines_);
  }

 private:
  bool Visible() const {
    return std::find(ctx_->fields.begin(), ctx_->fields.end(), false) == ctx_->fields.end();
  }
  void Append(std::string_view s) {
    if (Visible()) lines_.back().append(s);
  }
  void Break() {
    if (Visible()) lines_.emplace_back();
  }

  // Elements whose children are inline content; *inner = what to walk
  // (null = skip the element entirely). `w` is part_.LocalW(n).
  bool Container(pugi::xml_node n, std::string_view w, pugi::xml_node* inner) const {
    static constexpr std::string_view kWrappers[] = {
        "r", "hyperlink", "smartTag", "customXml", "fldSimple", "ins", "moveTo", "dir", "bdo"};
    if (std::find(std::begin(kWrappers), std::end(kWrappers), w) != std::end(kWrappers)) {
      *inner = n;
      return true;
    }
    if (w == "sdt") {
      *inner = part_.ChildW(n, "sdtContent");
    } else if (w == "del" || w == "moveFrom") {
      *inner = ctx_->options->include_deletions ? n : pugi::xml_node();
    } else if (part_.IsAlternateContent(n, w)) {
      *inner = part_.ChooseBranch(n);
    } else {
      return false;
    }
    return true;
  }

  // `w` is part_.LocalW(n): "" for text nodes and other namespaces.
  void Leaf(pugi::xml_node n, std::string_view w) {
    if (w == "t") {
      Append(n.child_value());
    } else if (w == "delText") {
      if (ctx_->options->include_deletions) Append(n.child_value());
    } else if (w == "tab" || w == "ptab") {
      Append("\t");
    } else if (w == "br" || w == "cr") {
      Break();
    } else if (w == "sym") {
      Append(SymbolText(part_, n));
    } else if (w == "noBreakHyphen") {
      Append("-");
    } else if (w == "fldChar") {
      Field(part_.AttrW(n, "fldCharType"));
    } else if (w == "drawing" || w == "pict" || w == "object") {
      if (Visible()) CollectTextboxes(n, ctx_);
    }
    // w:softHyphen, w:instrText, properties and anything unknown: no text.
  }

  void Field(std::string_view type) {
    std::vector<bool>& fields = ctx_->fields;
    if (type == "begin") {
      fields.push_back(false);
    } else if (type == "separate") {
      if (!fields.empty()) fields.back() = true;
    } else if (type == "end") {
      if (!fields.empty()) fields.pop_back();
    }
  }

  WalkContext* ctx_;
  const XmlPart& part_;
  std::vector<std::string> lines_{std::string()};
};

// The first w:numPr and w:pStyle of a w:pPr, found in one pass: looking each
// up by name scanned the properties twice for every paragraph.
struct ParagraphProps {
  pugi::xml_node numpr, style;
};

ParagraphProps ReadParagraphProps(const XmlPart& part, pugi::xml_node ppr) {
  ParagraphProps out;
  for (pugi::xml_node c = ppr.first_child(); c; c = c.next_sibling()) {
    const std::string_view w = part.LocalW(c);
    if (w == "numPr" && !out.numpr) out.numpr = c;
    if (w == "pStyle" && !out.style) out.style = c;
  }
  return out;
}

// numId / ilvl from w:pPr/w:numPr, completed from the paragraph style.
std::pair<int, int> NumberingOf(pugi::xml_node p, const WalkContext& ctx) {
  const XmlPart& part = *ctx.part;
  const ParagraphProps props = ReadParagraphProps(part, part.ChildW(p, "pPr"));
  const pugi::xml_node numpr = props.numpr;
  int num_id = -1, ilvl = -1;
  if (numpr) {  // most paragraphs have none, and asking a null node costs calls too
    num_id = ToInt(part.AttrW(part.ChildW(numpr, "numId"), "val"), -1);
    ilvl = ToInt(part.AttrW(part.ChildW(numpr, "ilvl"), "val"), -1);
  }
  if (num_id < 0 && ctx.styles) {
    auto it = ctx.styles->find(props.style ? part.AttrW(props.style, "val") : "");
    if (it != ctx.styles->end()) {
      num_id = it->second.first;
      if (ilvl < 0) ilvl = it->second.second;
    }
  }
  return {num_id, std::clamp(ilvl, 0, 8)};
}

bool HasText(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return !IsBlank(l); });
}

}  // namespace

ParagraphText ReadParagraph(pugi::xml_node p, WalkContext* ctx) {
  ParagraphText out;
  out.line = ctx->part->LineOf(p);
  auto [num_id, ilvl] = NumberingOf(p, *ctx);
  std::optional<std::string> label;
  if (num_id > 0 && ctx->numbering) label = ctx->numbering->Next(num_id, ilvl);
  out.lines = InlineWalker(ctx).Walk(p);
  // A field instruction never crosses a paragraph mark in practice; one still
  // open here is damage, and hiding the rest of the document is worse than
  // showing a stray instruction, so it is closed. Results may span paragraphs.
  auto open = std::find(ctx->fields.begin(), ctx->fields.end(), false);
  ctx->fields.erase(open, ctx->fields.end());
  out.own_text = HasText(out.lines);
  if (label && !label->empty()) {
    out.labelled = true;
    std::string& first = out.lines.front();
    first = out.own_text ? *label + "\t" + first : *label;
  }
  return out;
}

void CollectTextboxes(pugi::xml_node node, WalkContext* ctx) {
  const XmlPart& part = *ctx->part;
  std::vector<pugi::xml_node> todo{node};
  while (!todo.empty()) {
    pugi::xml_node n = todo.back();
    todo.pop_back();
    if (part.IsW(n, "txbxContent")) {
      ctx->pending_textboxes.push_back(n);
    } else if (part.IsMc(n, "AlternateContent")) {
      if (pugi::xml_node branch = part.ChooseBranch(n)) todo.push_back(branch);
    } else {
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
        if (c.type() == pugi::node_element) todo.push_back(c);
    }
  }
}

}  // namespace fuhua::docx
