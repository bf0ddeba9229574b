// Entry point of the parser layer: loads a file and picks the reader by
// content (magic bytes, encoding), not only by extension. Every failure is a
// Status whose message names what is wrong and where (byte offset, line).
#ifndef FUHUA_PARSERS_READER_H_
#define FUHUA_PARSERS_READER_H_

#include <cstddef>
#include <string>

#include "parsers/docx_reader.h"
#include "parsers/text_reader.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace fuhua {

struct ReaderOptions {
  TextReaderOptions text;
  DocxOptions docx;
  size_t max_file_bytes = 256u << 20;  // budget: larger files are refused
};

// Reads the file at `path` into `bytes`. NotFound for a missing file,
// InvalidInput for a directory, an empty file or one over the budget.
Status LoadFile(const std::string& path, size_t max_bytes, std::string* bytes);

// Parses `bytes` (the content of `doc->source`) into `doc`, choosing the
// reader by content: zip containers go to the docx reader; OLE files are
// refused as password-protected Office files or legacy .doc; other bytes must
// be UTF-8 text (binary data and invalid UTF-8 are refused with the byte
// offset and line of the first bad sequence).
Status ReadDocument(const std::string& bytes, const ReaderOptions& options, Document* doc);

}  // namespace fuhua

#endif  // FUHUA_PARSERS_READER_H_
