// The floor of .docx reading (issue 8): the least work any reader of a .docx
// has to do to see its text — unzip word/document.xml and parse it with
// pugixml, touching every w:t text node — with the same libraries fuhua's
// reader uses (Poco::Zip as in parsers/docx_zip.cc, pugixml with the parse
// flags of parsers/docx_xml.cc) but none of its budgets, other parts, tables
// or stages. fuhua's end-to-end time per document is reported against it.
// Usage:
//   FloorStats stats;
//   Status st = ReadDocxFloor(bytes, &stats);  // adds to stats on success
#ifndef FUHUA_BENCH_DOCX_FLOOR_H_
#define FUHUA_BENCH_DOCX_FLOOR_H_

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace fuhua::bench {

// What the floor saw, summed over the documents read (so the compiler cannot
// drop the work, and so a reader can check it saw what fuhua saw).
struct FloorStats {
  size_t documents = 0;
  size_t xml_bytes = 0;   // uncompressed word/document.xml
  size_t text_nodes = 0;  // w:t elements
  size_t text_bytes = 0;  // their UTF-8 text
};

// Unzips word/document.xml of the zip `bytes` and parses it. InvalidInput
// for a zip Poco cannot open, a missing part or malformed XML.
Status ReadDocxFloor(const std::string& bytes, FloorStats* stats);

// Wall and CPU seconds of a pass (CPU: of this thread, so other processes on
// a shared machine do not count).
struct FloorTiming {
  double wall_s = 0;
  double cpu_s = 0;
};

// Loads each file in `paths` and runs ReadDocxFloor on it, in order, on the
// calling thread, timing the whole pass (file reads included, as for fuhua).
// Stops at the first failure, naming the file.
Status RunDocxFloor(const std::vector<std::string>& paths, FloorStats* stats, FloorTiming* time);

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_DOCX_FLOOR_H_
