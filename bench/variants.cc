// BuildVariants (variants.h): every part of a sample's package is copied as
// it is but word/document.xml, whose tables lose their last rows; the
// package is zipped again (Poco::Zip) and tagged like a copy (corpus.h), so
// that variants with the same cut still differ in their bytes.
#include "bench/variants.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <pugixml.hpp>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

namespace fuhua::bench {
namespace {

constexpr char kDocumentPart[] = "word/document.xml";
constexpr size_t kKeptRows = 3;  // a header and a row or two survive any cut

using Parts = std::vector<std::pair<std::string, std::string>>;

Parts Unzip(const std::string& zip) {
  std::istringstream stream(zip);
  Poco::Zip::ZipArchive archive(stream);
  Parts parts;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    if (it->second.isDirectory()) continue;
    stream.clear();
    Poco::Zip::ZipInputStream in(stream, it->second, true);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    parts.emplace_back(it->first, bytes.str());
  }
  return parts;
}

std::string Zip(const Parts& parts) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, bytes] : parts) {
    std::istringstream in(bytes);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
  }
  zip.close();
  return out.str();
}

// The document with the last `cut` rows of every table removed (nested
// tables too), each keeping its first kKeptRows rows. The samples name the
// WordprocessingML namespace "w", as Word and LibreOffice write it.
Status CutRows(const std::string& xml, size_t cut, std::string* out) {
  pugi::xml_document doc;
  // parse_full: keep the declaration and whitespace-only text (w:t xml:space).
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_full))
    return Status::InvalidInput(std::string(kDocumentPart) + ": not XML");
  std::vector<pugi::xml_node> tables;
  for (const pugi::xpath_node& n : doc.select_nodes("//w:tbl")) tables.push_back(n.node());
  for (pugi::xml_node t : tables) {
    std::vector<pugi::xml_node> rows;
    for (pugi::xml_node r = t.first_child(); r; r = r.next_sibling())
      if (std::string_view(r.name()) == "w:tr") rows.push_back(r);
    for (size_t i = 0; i < cut && rows.size() > kKeptRows; ++i) {
      t.remove_child(rows.back());
      rows.pop_back();
    }
  }
  std::ostringstream s;
  doc.save(s, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  *out = s.str();
  return Status::Ok();
}

Status MakeVariant(const std::string& original, size_t cut, std::string* docx) {
  try {
    Parts parts = Unzip(original);
    for (auto& [name, bytes] : parts)
      if (name == kDocumentPart) {
        std::string cut_xml;
        Status st = CutRows(bytes, cut, &cut_xml);
        if (!st.ok()) return st;
        bytes = std::move(cut_xml);
      }
    *docx = Zip(parts);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("zip: " + e.displayText());
  }
  return Status::Ok();
}

}  // namespace

Status BuildVariants(const std::string& samples_dir, size_t n, const std::string& dir, Corpus* c) {
  std::vector<std::string> originals;
  Status st = StartCorpus(samples_dir, "docx", dir, c, &originals);
  std::vector<std::string> variants(originals.size() * kVariantCuts);  // made once each
  for (size_t i = 0; i < n && st.ok(); ++i) {
    const size_t k = i % originals.size(), cut = (i / originals.size()) % kVariantCuts;
    std::string& variant = variants[k * kVariantCuts + cut];
    if (variant.empty()) st = MakeVariant(originals[k], cut, &variant);
    std::string bytes;
    if (st.ok()) st = TagCopy(variant, "docx", i, &bytes);
    if (st.ok()) st = AddFile(c, CopyName(i, n, "docx"), bytes);
    if (!st.ok()) return Status::IoError(c->samples[k] + ": variant: " + st.message());
  }
  return st;
}

}  // namespace fuhua::bench
