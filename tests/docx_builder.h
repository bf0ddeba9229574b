// Builds small .docx packages in memory for reader tests: WordprocessingML
// snippets for paragraphs, runs and tables, and a Poco::Zip writer that packs
// the parts ([Content_Types].xml, _rels/.rels, word/document.xml, ...) into
// the bytes of a zip container.
#ifndef FUHUA_TESTS_DOCX_BUILDER_H_
#define FUHUA_TESTS_DOCX_BUILDER_H_

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fuhua::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;

inline constexpr char kNamespaces[] =
    R"( xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")"
    R"( xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")"
    R"( xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")"
    R"( xmlns:v="urn:schemas-microsoft-com:vml")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

inline std::string Zip(const Parts& parts, Poco::Zip::ZipCommon::CompressionMethod method =
                                               Poco::Zip::ZipCommon::CM_DEFLATE) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, text] : parts) {
    std::istringstream in(text);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX), method,
                Poco::Zip::ZipCommon::CL_MAXIMUM);
  }
  zip.close();
  return out.str();
}

inline std::string DocumentXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document") +
         kNamespaces + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

inline Parts BaseParts(const std::string& document_xml) {
  return {
      {"[Content_Types].xml",
       R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>)"},
      {"word/document.xml", document_xml}};
}

// A .docx whose w:body holds `body`, plus `extra` parts.
inline std::string MakeDocx(const std::string& body, const Parts& extra = {}) {
  Parts parts = BaseParts(DocumentXml(body));
  parts.insert(parts.end(), extra.begin(), extra.end());
  return Zip(parts);
}

inline std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
inline std::string P(const std::string& content) { return "<w:p>" + content + "</w:p>"; }
inline std::string Tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + P(text.empty() ? "" : R(text)) + "</w:tc>";
}
inline std::string Tr(const std::string& cells, const std::string& props = "") {
  return "<w:tr><w:trPr>" + props + "</w:trPr>" + cells + "</w:tr>";
}
inline std::string Tbl(int cols, const std::string& rows) {
  std::string grid;
  for (int i = 0; i < cols; ++i) grid += "<w:gridCol w:w=\"1000\"/>";
  return "<w:tbl><w:tblPr/><w:tblGrid>" + grid + "</w:tblGrid>" + rows + "</w:tbl>";
}
inline std::string Row(const std::vector<std::string>& texts, const std::string& props = "") {
  std::string cells;
  for (const std::string& t : texts) cells += Tc(t);
  return Tr(cells, props);
}

}  // namespace fuhua::testing

#endif  // FUHUA_TESTS_DOCX_BUILDER_H_
