// The extraction pipeline for one file, start to end:
//   LoadFile -> ReadDocument (parsers/) -> metadata -> table layout ->
//   vertical merges (text dumps) -> table kinds -> grade records -> checks.
// Usage:
//   Notice notice;
//   Status st = ExtractFile("samples/x.txt", &notice);
//   if (!st.ok()) report(notice.source, st);  // file-level failure
// One file is one failure domain: a bad file yields a Status, never a crash,
// and problems inside a readable file become notice.diagnostics.
#ifndef FUHUA_PIPELINE_EXTRACT_H_
#define FUHUA_PIPELINE_EXTRACT_H_

#include <string>

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/status.h"

namespace fuhua {

struct ExtractOptions {
  // Tracked changes: also read deleted text (w:del, w:delText, w:moveFrom) —
  // the "other view"; by default only the accepted text is read.
  bool include_deletions = false;
};

// Runs the whole pipeline. On a non-ok Status, `notice` holds only source.
Status ExtractFile(const std::string& path, Notice* notice, const ExtractOptions& options = {});

// Same, from bytes already loaded; also returns the document for inspection.
Status ExtractBytes(const std::string& source, const std::string& bytes, Notice* notice,
                    Document* doc, const ExtractOptions& options = {});
// Same, for a caller that has hashed the bytes already: `sha256` must be
// Sha256Hex(bytes). (Ingest hashes every file to decide whether to parse it,
// and hashing twice was a tenth of the extraction of a .docx.)
Status ExtractBytes(const std::string& source, const std::string& bytes, const std::string& sha256,
                    Notice* notice, Document* doc, const ExtractOptions& options = {});

// Builds what every extraction uses — the rule sets and their regexes, the
// gazetteer (with the text keys it is indexed by) and the normalisers on it —
// two at once: the gazetteer on a thread of its own while this thread
// compiles the rules. Built one after another on the first file, they were
// most of a one-file command's start-up. Optional (each is otherwise built on
// first use) and silent: a rule file that fails to load is reported where it
// is used, as without it. Returns once all are built.
void PreloadPipeline();

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(const std::string& bytes);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_EXTRACT_H_
