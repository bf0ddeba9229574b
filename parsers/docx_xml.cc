// pugixml adapter for .docx parts: parse status with byte offsets, an
// iterative nesting-depth check, byte offset -> line mapping and namespace
// prefix binding (see docx_xml.h).
#include "parsers/docx_xml.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "pipeline/text_util.h"

namespace fuhua::docx {
namespace {

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrictWordNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMcNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

// The largest part buffer a thread keeps for its next part (XmlPart::TakeBuffer).
constexpr size_t kMaxSpareBytes = 4u << 20;

std::string& Spare() {
  thread_local std::string spare;
  return spare;
}

// Extensions whose mc:Choice content we read: text boxes, groups, canvases
// and Word 2010+ paragraph extras all keep their text in ordinary w: markup.
constexpr std::array<std::string_view, 10> kUnderstood = {"wps", "wpg", "wpc", "wp14", "w14",
                                                          "w15", "a14", "v",   "o",    "w10"};

// Byte offsets of the line breaks, for LineOf. find() is memchr: a loop
// over every byte cost a fifth of parsing the part.
std::vector<size_t> NewlineOffsets(std::string_view text) {
  std::vector<size_t> out;
  for (size_t pos = 0; (pos = text.find('\n', pos)) != std::string::npos; ++pos) out.push_back(pos);
  return out;
}

class DepthCheck : public pugi::xml_tree_walker {
 public:
  explicit DepthCheck(int max_depth) : max_depth_(max_depth) {}
  bool for_each(pugi::xml_node&) override {
    if (depth() < max_depth_) return true;
    too_deep_ = true;
    return false;
  }
  bool too_deep() const { return too_deep_; }

 private:
  int max_depth_;
  bool too_deep_ = false;
};

bool Understood(std::string_view requires_list) {
  bool any = false;
  size_t pos = 0;
  while (pos < requires_list.size()) {
    size_t end = requires_list.find(' ', pos);
    if (end == std::string_view::npos) end = requires_list.size();
    std::string_view prefix = requires_list.substr(pos, end - pos);
    pos = end + 1;
    if (prefix.empty()) continue;
    if (std::find(kUnderstood.begin(), kUnderstood.end(), prefix) == kUnderstood.end())
      return false;
    any = true;
  }
  return any;
}

}  // namespace

bool IsOn(std::string_view value) {
  return value.empty() || value == "1" || value == "true" || value == "on";
}

XmlPart::~XmlPart() {
  std::string& spare = Spare();
  if (text_.size() > spare.size() && text_.capacity() <= kMaxSpareBytes) spare = std::move(text_);
}

std::string XmlPart::TakeBuffer() { return std::move(Spare()); }

Status XmlPart::Parse(const std::string& name, std::string text, int max_depth) {
  const size_t size = text.size();
  return Parse(name, std::move(text), size, max_depth);
}

// Parsed in place: a copy of the part inside pugixml was a second buffer of
// a few hundred KiB per document, allocated, copied and freed.
Status XmlPart::Parse(const std::string& name, std::string text, size_t size, int max_depth) {
  name_ = name;
  text_ = std::move(text);
  const std::string_view part(text_.data(), std::min(size, text_.size()));
  bool utf16 = part.starts_with("\xFF\xFE") || part.starts_with("\xFE\xFF");
  size_t bad = utf16 ? std::string::npos : FindInvalidUtf8(part);
  if (bad != std::string::npos)
    return Status::InvalidInput(name + ": invalid UTF-8 at byte " + std::to_string(bad));
  newlines_ = NewlineOffsets(part);  // before the parse rewrites the buffer
  pugi::xml_parse_result result = doc_.load_buffer_inplace(
      text_.data(), part.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result)
    return Status::InvalidInput(name + ": malformed XML at byte " + std::to_string(result.offset) +
                                ": " + result.description());
  DepthCheck check(std::min(max_depth, kMaxDepthCeiling));
  doc_.traverse(check);
  if (check.too_deep())
    return Status::InvalidInput(name + ": XML nested deeper than " +
                                std::to_string(std::min(max_depth, kMaxDepthCeiling)) +
                                " elements");
  BindPrefixes();
  return Status::Ok();
}

void XmlPart::BindPrefixes() {
  for (pugi::xml_attribute a : root().attributes()) {
    std::string_view n = a.name();
    std::string_view v = a.value();
    std::string prefix;
    if (n.starts_with("xmlns:"))
      prefix = std::string(n.substr(6));
    else if (n != "xmlns")
      continue;
    if (v == kWordNs || v == kStrictWordNs) w_ = prefix;
    if (v == kMcNs) mc_ = prefix;
  }
}

int XmlPart::LineOf(pugi::xml_node node) const {
  ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<size_t>(offset));
  return static_cast<int>(it - newlines_.begin()) + 1;
}

// Sibling links, not range-for: pugixml's iterators cost three calls into
// the library per step (compare, dereference, advance), these two.
pugi::xml_node XmlPart::ChildW(pugi::xml_node node, std::string_view local) const {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (IsW(c, local)) return c;
  return pugi::xml_node();
}

const char* XmlPart::AttrW(pugi::xml_node node, std::string_view local) const {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (NameIs(a.name(), w_, local)) return a.value();
  return "";
}

pugi::xml_node XmlPart::ChooseBranch(pugi::xml_node alternate) const {
  pugi::xml_node fallback;
  for (pugi::xml_node c : alternate.children()) {
    if (IsMc(c, "Choice") && Understood(c.attribute("Requires").value())) return c;
    if (IsMc(c, "Fallback") && !fallback) fallback = c;
  }
  return fallback;
}

}  // namespace fuhua::docx
