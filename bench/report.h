// What the end-to-end benchmark (bench/fuhua_bench.cc) measured and how it is
// shown: a Run per measured command, a FormatReport per corpus format, the
// text report (a table per format, then speedups and ratios against the
// floor, pandoc and python-docx) and the same figures as JSON. Kept apart
// from the measuring so the layout of the report lives in one place.
// Usage:
//   PrintHeader(fuhua, version, repeat);
//   PrintFormat(report);                 // the table and the summary lines
//   formats->add(FormatJson(report));    // then WriteJson(path, doc)
#ifndef FUHUA_BENCH_REPORT_H_
#define FUHUA_BENCH_REPORT_H_

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "pipeline/status.h"

namespace fuhua::bench {

// One measured command (or the in-process floor).
struct Run {
  std::string name;
  bool ran = false;
  std::string note;  // why it did not run, or what was odd
  size_t docs = 0, bytes = 0;
  double wall_s = 0, cpu_s = 0;
  long rss_kb = 0;     // 0: not measured (in-process)
  double own_s = -1;   // the tool's own timing: ingest's wall time, python's reading loop
  double link_s = -1;  // ingest: relinking, included in wall_s
  double ms() const { return docs ? 1000 * wall_s / static_cast<double>(docs) : 0; }
  double cpu_ms() const { return docs ? 1000 * cpu_s / static_cast<double>(docs) : 0; }
};

// The runs on the corpus of one format.
struct FormatReport {
  Corpus corpus;
  Corpus variants;  // .docx: the samples with their tables cut (variants.h); else empty
  std::vector<Run> runs;
  std::string no_extract_jobs;  // "extract: no --jobs" when fuhua extract has none
};

// Megabytes (10^6 bytes).
double Mb(size_t bytes);

// The first line of the report: the binary, the machine and the method.
void PrintHeader(const std::string& fuhua, const std::string& version, int repeat);

// The table of one format's runs and the summary lines under it.
void PrintFormat(const FormatReport& f);

// One format's runs and ratios as JSON.
Poco::JSON::Object::Ptr FormatJson(const FormatReport& f);

// Memory-scaling mode: the title and column heads, one row per corpus size
// (extract `x`, ingest `i`) and that row as JSON.
void PrintScalingHeader();
void PrintScalingRow(const Corpus& c, const Run& x, const Run& i);
Poco::JSON::Object::Ptr ScalingJson(const Corpus& c, const Run& x, const Run& i);

// Writes `doc` indented to `path`, or to stdout when `path` is "-".
Status WriteJson(const std::string& path, const Poco::JSON::Object::Ptr& doc);

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_REPORT_H_
