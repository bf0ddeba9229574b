// Format sniffing and dispatch for ReadDocument; file loading for LoadFile.
#include "parsers/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "parsers/docx_reader.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

bool StartsWith(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

int LineOf(const std::string& bytes, size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

Status CheckText(const std::string& bytes) {
  size_t nul = bytes.find('\0');
  if (nul != std::string::npos)
    return Status::Unsupported("binary data (NUL byte at offset " + std::to_string(nul) +
                               "), not a text notice");
  size_t bad = FindInvalidUtf8(bytes);
  if (bad != std::string::npos)
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad) + " (line " +
                                std::to_string(LineOf(bytes, bad)) +
                                "); convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)");
  return Status::Ok();
}

}  // namespace

Status LoadFile(const std::string& path, size_t max_bytes, std::string* bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return errno == ENOENT ? Status::NotFound("no such file")
                           : Status::IoError(std::string("cannot stat: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput("is a directory, not a notice file");
  if (!S_ISREG(st.st_mode)) return Status::InvalidInput("not a regular file");
  if (st.st_size == 0) return Status::InvalidInput("empty file");
  if (static_cast<size_t>(st.st_size) > max_bytes)
    return Status::InvalidInput("file is " + std::to_string(st.st_size) + " bytes, over the " +
                                std::to_string(max_bytes) + "-byte budget");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  bytes->resize(static_cast<size_t>(st.st_size));
  in.read(bytes->data(), st.st_size);
  if (in.gcount() != st.st_size) return Status::IoError("short read");
  return Status::Ok();
}

Status ReadDocument(const std::string& bytes, const ReaderOptions& options, Document* doc) {
  // Office containers: zips, and OLE files, which the docx reader refuses as
  // password-protected .docx or legacy .doc with the right words.
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06") ||
      StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return ReadDocx(bytes, options.docx, doc);
  Status st = CheckText(bytes);
  if (!st.ok()) return st;
  std::string_view text(bytes);
  if (StartsWith(bytes, "\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 BOM
  doc->format = "text";
  return ReadTextDump(text, options.text, doc);
}

}  // namespace fuhua
