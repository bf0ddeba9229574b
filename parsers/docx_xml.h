// One parsed XML part of a .docx (pugixml behind a small adapter): parse
// errors become a Status with the part name and byte offset, nesting deeper
// than the budget is rejected up front (so the recursive walkers elsewhere are
// bounded), and element positions map back to 1-based source lines.
// Also the namespace-prefix-aware name tests the walkers use, and the
// mc:AlternateContent branch choice.
#ifndef FUHUA_PARSERS_DOCX_XML_H_
#define FUHUA_PARSERS_DOCX_XML_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace fuhua::docx {

// Hard ceiling on the nesting budget whatever the caller asks for: walkers
// recurse once per element level.
inline constexpr int kMaxDepthCeiling = 1000;

class XmlPart {
 public:
  XmlPart() = default;
  ~XmlPart();  // keeps its text's buffer for the thread's next part (TakeBuffer)
  XmlPart(const XmlPart&) = delete;  // the nodes point into text_
  XmlPart& operator=(const XmlPart&) = delete;

  // The largest buffer a part parsed on this thread left (4 MiB at most),
  // its contents garbage, for the next part to be inflated into
  // (ZipPackage::ReadInto) without writing zeros over it first.
  static std::string TakeBuffer();

  // Parses `text` (the part's bytes), which the part keeps: the nodes live in
  // it. Errors name `name` and the byte offset.
  Status Parse(const std::string& name, std::string text, int max_depth);
  // The same for the first `size` bytes of `text` (a reused buffer).
  Status Parse(const std::string& name, std::string text, size_t size, int max_depth);

  const std::string& name() const { return name_; }
  pugi::xml_node root() const { return doc_.document_element(); }
  // 1-based line of `node` in the part, 0 when unknown.
  int LineOf(pugi::xml_node node) const;

  // Prefixes bound on the root element to the WordprocessingML and
  // markup-compatibility namespaces ("w" and "mc" when undeclared).
  const std::string& w() const { return w_; }
  const std::string& mc() const { return mc_; }

  // True when `node` is the element w:`local` / mc:`local`.
  bool IsW(pugi::xml_node node, std::string_view local) const;
  // The local name of `node` when it is a w: element ("p" for w:p), else "".
  // Compare it with each candidate (LocalW(n) == "p" is IsW(n, "p")) where a
  // chain of IsW calls would test the element and its prefix once per name:
  // those chains were a seventh of reading a .docx.
  std::string_view LocalW(pugi::xml_node node) const;
  bool IsMc(pugi::xml_node node, std::string_view local) const;
  // True when `node` is mc:AlternateContent; `local` is LocalW(node). A w:
  // element never is one, so only the others have their name tested.
  bool IsAlternateContent(pugi::xml_node node, std::string_view local) const {
    return (local.empty() || w_.empty()) && IsMc(node, "AlternateContent");
  }
  // The w:`local` child element, or a null node.
  pugi::xml_node ChildW(pugi::xml_node node, std::string_view local) const;
  // The w:`local` attribute's value, or "" when absent.
  const char* AttrW(pugi::xml_node node, std::string_view local) const;

  // mc:AlternateContent: the first mc:Choice whose Requires prefixes are all
  // understood, else mc:Fallback, else a null node. Never both.
  pugi::xml_node ChooseBranch(pugi::xml_node alternate) const;

 private:
  void BindPrefixes();

  std::string name_;
  std::string text_;  // parsed in place: doc_'s names and values point into it
  pugi::xml_document doc_;
  std::vector<size_t> newlines_;
  std::string w_ = "w";
  std::string mc_ = "mc";
};

// What follows `prefix` and its colon in the NUL-terminated name `name`, or
// nullptr when `name` does not start so. A loop over the few prefix
// characters, which the compiler inlines, where strncmp was a library call
// for every element tested (1% of an ingest); the terminator mismatches any
// character, so a shorter name stops it.
inline const char* AfterPrefix(const char* name, std::string_view prefix) {
  for (char c : prefix)
    if (*name++ != c) return nullptr;
  return *name == ':' ? name + 1 : nullptr;
}

// `name` is a NUL-terminated pugixml name: it is compared in place, without
// measuring it first (strlen on every element and attribute name tested was
// a tenth of walking a part). Inline, like the tests below, because the
// walkers call them for every element.
inline bool NameIs(const char* name, std::string_view prefix, std::string_view local) {
  if (!prefix.empty() && !(name = AfterPrefix(name, prefix))) return false;
  for (char c : local)
    if (*name++ != c) return false;
  return *name == '\0';
}

inline bool XmlPart::IsW(pugi::xml_node node, std::string_view local) const {
  return node.type() == pugi::node_element && NameIs(node.name(), w_, local);
}

// The length of a short NUL-terminated name or value, counted inline: a
// strlen call for every element walked (LocalW) was 1-2% of an ingest, the
// names being a few characters each.
inline size_t ShortLength(const char* s) {
  const char* end = s;
  while (*end) ++end;
  return static_cast<size_t>(end - s);
}

// With no prefix every element name is its own local name, and NameIs then
// asks for equality: comparing the whole name is the same test.
inline std::string_view XmlPart::LocalW(pugi::xml_node node) const {
  if (node.type() != pugi::node_element) return {};
  const char* name = node.name();
  if (w_.empty()) return {name, ShortLength(name)};
  const char* local = AfterPrefix(name, w_);
  return local ? std::string_view(local, ShortLength(local)) : std::string_view();
}

inline bool XmlPart::IsMc(pugi::xml_node node, std::string_view local) const {
  return node.type() == pugi::node_element && NameIs(node.name(), mc_, local);
}

// True when the w:val style attribute `value` means on ("", "1", "true", "on").
bool IsOn(std::string_view value);

}  // namespace fuhua::docx

#endif  // FUHUA_PARSERS_DOCX_XML_H_
