// ReadDocx: opens the OPC package (docx_zip), loads word/numbering.xml and the
// numbering of paragraph styles (word/styles.xml), then emits the header and
// footer stories (found through word/_rels/document.xml.rels) before the
// w:body of word/document.xml. Also recognises password-protected files
// (OLE compound files holding an EncryptedPackage stream).
#include "parsers/docx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>
#include <utility>

#include "parsers/docx_walk.h"
#include "parsers/docx_zip.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

using docx::XmlPart;

constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr char kDocumentPart[] = "word/document.xml";
constexpr char kDocumentRels[] = "word/_rels/document.xml.rels";
constexpr int kMaxBasedOnHops = 16;

int ToInt(const char* s, int fallback) {
  const char* end = s + std::strlen(s);
  int v = fallback;
  auto [p, ec] = std::from_chars(s, end, v);
  return (ec == std::errc() && p == end) ? v : fallback;
}

Status LoadPart(docx::ZipPackage* zip, const std::string& name, int max_depth, XmlPart* part) {
  std::string text = XmlPart::TakeBuffer();
  size_t size = 0;
  Status st = zip->ReadInto(name, &text, &size);
  if (!st.ok()) return st;
  return part->Parse(name, std::move(text), size, max_depth);
}

// "header1.xml" relative to word/, "/word/header1.xml" absolute.
std::string ResolveTarget(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  if (target.starts_with("./")) target.remove_prefix(2);
  if (target.starts_with("../")) return std::string(target.substr(3));
  return "word/" + std::string(target);
}

// Header and footer part names: from the relationships when present, else
// every word/headerN.xml / word/footerN.xml in the package.
Status StoryParts(docx::ZipPackage* zip, const DocxOptions& options,
                  std::vector<std::string>* headers, std::vector<std::string>* footers) {
  if (zip->Has(kDocumentRels)) {
    XmlPart rels;
    Status st = LoadPart(zip, kDocumentRels, options.max_depth, &rels);
    if (!st.ok()) return st;
    for (pugi::xml_node r : rels.root().children("Relationship")) {
      std::string_view type = r.attribute("Type").value();
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      std::string name = ResolveTarget(r.attribute("Target").value());
      if (type.ends_with("/header")) headers->push_back(name);
      if (type.ends_with("/footer")) footers->push_back(name);
    }
  } else {
    for (const std::string& name : zip->Names()) {
      if (!name.ends_with(".xml") || name.find('/', 5) != std::string::npos ||
          FindInvalidUtf8(name) != std::string::npos)
        continue;
      if (name.starts_with("word/header")) headers->push_back(name);
      if (name.starts_with("word/footer")) footers->push_back(name);
    }
  }
  for (auto* list : {headers, footers}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return Status::Ok();
}

// styleId -> (numId, ilvl) through w:basedOn chains.
docx::StyleNumbering StyleNumbering(const XmlPart& styles) {
  std::map<std::string, pugi::xml_node> by_id;
  for (pugi::xml_node s : styles.root().children())
    if (styles.IsW(s, "style")) by_id.emplace(styles.AttrW(s, "styleId"), s);
  docx::StyleNumbering out;
  for (const auto& [id, style] : by_id) {
    int num_id = -1, ilvl = -1;
    pugi::xml_node s = style;
    for (int hop = 0; s && hop < kMaxBasedOnHops && (num_id < 0 || ilvl < 0); ++hop) {
      pugi::xml_node numpr = styles.ChildW(styles.ChildW(s, "pPr"), "numPr");
      if (num_id < 0) num_id = ToInt(styles.AttrW(styles.ChildW(numpr, "numId"), "val"), -1);
      if (ilvl < 0) ilvl = ToInt(styles.AttrW(styles.ChildW(numpr, "ilvl"), "val"), -1);
      auto parent = by_id.find(styles.AttrW(styles.ChildW(s, "basedOn"), "val"));
      s = parent == by_id.end() ? pugi::xml_node() : parent->second;
    }
    if (num_id >= 0) out[id] = {num_id, ilvl};
  }
  return out;
}

Status LoadNumbering(docx::ZipPackage* zip, const DocxOptions& options, DocxNumbering* numbering,
                     docx::StyleNumbering* styles) {
  if (zip->Has("word/numbering.xml")) {
    std::string xml;
    Status st = zip->Read("word/numbering.xml", &xml);
    if (st.ok()) st = numbering->Load(xml);
    if (!st.ok()) return st;
  }
  if (zip->Has("word/styles.xml")) {
    XmlPart part;
    Status st = LoadPart(zip, "word/styles.xml", options.max_depth, &part);
    if (!st.ok()) return st;
    *styles = StyleNumbering(part);
  }
  return Status::Ok();
}

Status ReadStory(docx::ZipPackage* zip, const std::string& name, const std::string& origin,
                 docx::WalkContext ctx, std::vector<Block>* out) {
  XmlPart part;
  Status st = LoadPart(zip, name, ctx.options->max_depth, &part);
  if (!st.ok()) return st;
  ctx.part = &part;
  ctx.origin = origin;
  pugi::xml_node root = part.root();
  if (origin == "body") root = part.ChildW(root, "body");
  if (!root) return Status::InvalidInput(name + ": no w:body element");
  return docx::ReadBlocks(root, &ctx, out);
}

Status OleStatus(const std::string& bytes) {
  if (LooksLikeEncryptedOoxml(bytes))
    return Status::Unsupported(
        "password-protected .docx (an OLE container holding EncryptedPackage); remove the "
        "password in Word and save again");
  return Status::Unsupported(
      "legacy OLE compound file (.doc), not a .docx; convert it first, e.g. "
      "libreoffice --headless --convert-to docx FILE");
}

}  // namespace

bool LooksLikeEncryptedOoxml(const std::string& bytes) {
  static const std::string kName = [] {
    std::string s;
    for (char c : std::string_view("EncryptedPackage")) s += {c, '\0'};
    return s;
  }();
  return bytes.starts_with(kOleMagic) && bytes.find(kName) != std::string::npos;
}

Status ReadDocx(const std::string& bytes, const DocxOptions& options, Document* doc) {
  if (bytes.starts_with(kOleMagic)) return OleStatus(bytes);
  docx::ZipPackage zip;
  Status st = zip.Open(
      bytes, {options.max_part_bytes, options.max_total_bytes, options.max_compression_ratio});
  if (!st.ok()) return st;
  if (!zip.Has(kDocumentPart))
    return Status::InvalidInput(std::string(kDocumentPart) +
                                ": missing; the zip is not a Word document");
  DocxNumbering numbering;
  docx::StyleNumbering styles;
  st = LoadNumbering(&zip, options, &numbering, &styles);
  std::vector<std::string> headers, footers;
  if (st.ok()) st = StoryParts(&zip, options, &headers, &footers);
  if (!st.ok()) return st;
  docx::WalkContext ctx;
  ctx.options = &options;
  ctx.numbering = &numbering;
  ctx.styles = &styles;
  std::vector<Block> blocks;
  for (const std::string& h : headers)
    if (st.ok() && zip.Has(h)) st = ReadStory(&zip, h, "header", ctx, &blocks);
  for (const std::string& f : footers)
    if (st.ok() && zip.Has(f)) st = ReadStory(&zip, f, "footer", ctx, &blocks);
  if (st.ok()) st = ReadStory(&zip, kDocumentPart, "body", ctx, &blocks);
  if (!st.ok()) return st;
  doc->format = "docx";
  for (Block& b : blocks) doc->blocks.push_back(std::move(b));
  return Status::Ok();
}

}  // namespace fuhua
