// Reader for .docx (OOXML WordprocessingML) straight from the package parts:
// Poco::Zip for the container, pugixml for word/document.xml, the header and
// footer parts and word/numbering.xml. Produces the same Document model as the
// text reader, with Word-level table fidelity:
//  - text: w:t, w:tab, w:br / w:cr (a line break inside a cell stays a line
//    break), w:sym, w:noBreakHyphen, w:softHyphen; wrappers w:hyperlink,
//    w:smartTag, w:customXml, w:sdt/w:sdtContent (also around rows, cells and
//    tables), w:fldSimple and complex fields (the displayed result only);
//    tracked changes: w:ins is content, w:del / w:delText / w:moveFrom are not;
//    mc:AlternateContent: one branch only; text boxes (w:txbxContent) once, as
//    their own blocks (origin "textbox"); headers and footers as blocks with
//    origin "header" / "footer".
//  - tables: the real grid from w:tblGrid, w:gridSpan, w:vMerge restart /
//    continue, w:gridBefore / w:gridAfter and legacy w:hMerge; each merged cell
//    once with its spans; nested tables kept as Cell::nested; w:tblHeader rows
//    counted in Table::declared_header_rows; a table continued as a second
//    w:tbl (after an empty paragraph) with its header repeated is joined to the
//    first and the repeated header dropped; automatic numbering rendered into
//    the cell text and marked Cell::generated.
// Budgets: bytes per part, total uncompressed bytes, compression ratio, XML
// nesting depth, cells per table. Every failure names the file part.
#ifndef FUHUA_PARSERS_DOCX_READER_H_
#define FUHUA_PARSERS_DOCX_READER_H_

#include <cstddef>
#include <string>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace fuhua {

struct DocxOptions {
  size_t max_part_bytes = 64u << 20;      // uncompressed size of one part
  size_t max_total_bytes = 256u << 20;    // all parts read
  double max_compression_ratio = 200.0;   // uncompressed / compressed, per part
  int max_depth = 256;                    // XML element nesting
  int max_cells_per_table = 200000;
  bool include_deletions = false;         // the "other view" of tracked changes
};

// Parses `bytes` (a zip container) into `doc` (doc->format = "docx").
// Errors: not a zip / truncated zip / no word/document.xml / encrypted
// (password-protected files are OLE containers holding EncryptedPackage) /
// a budget exceeded / malformed XML (with part name and byte offset).
Status ReadDocx(const std::string& bytes, const DocxOptions& options, Document* doc);

// True when `bytes` is an OLE compound file holding an "EncryptedPackage"
// stream: a password-protected .docx/.xlsx (not a legacy .doc).
bool LooksLikeEncryptedOoxml(const std::string& bytes);

}  // namespace fuhua

#endif  // FUHUA_PARSERS_DOCX_READER_H_
