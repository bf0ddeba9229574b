// The benchmark corpus (bench/fuhua_bench.cc): N byte-distinct copies of the
// samples of one format, written to a directory and checked before anything
// is measured. Copies must differ in their bytes because `fuhua ingest`
// stores identical bytes once (a corpus of repeats would measure nothing),
// yet each must be the same document: a .docx copy differs only in its zip
// end-of-central-directory comment, a .txt copy only in trailing
// whitespace-only lines. VerifyCopies runs fuhua to prove it.
// Usage:
//   Corpus c;
//   Status st = BuildCorpus("samples", "docx", 1000, work + "/corpus-docx", &c);
//   if (st.ok()) st = VerifyCopies(fuhua, c, scratch);
#ifndef FUHUA_BENCH_CORPUS_H_
#define FUHUA_BENCH_CORPUS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace fuhua::bench {

struct Corpus {
  std::string format;                // "docx" or "txt"
  std::string dir;                   // absolute
  std::vector<std::string> names;    // file names in dir; copy i is of sample i % samples
  std::vector<std::string> samples;  // absolute paths of the samples replicated
  std::vector<size_t> sizes;         // bytes per file
  size_t bytes = 0;
};

// Writes n copies of the samples of `format` into `dir` (created afresh).
Status BuildCorpus(const std::string& samples_dir, const std::string& format, size_t n,
                   const std::string& dir, Corpus* c);

// Every sample and its first copy in the corpus must extract the same notice
// (source path and sha256 aside), by `fuhua extract`.
Status VerifyCopies(const std::string& fuhua, const Corpus& c, const std::string& scratch);

// The steps BuildCorpus is made of, for corpora made otherwise (variants.h).
// Lists and loads the samples of `format` into `originals` and makes the
// corpus directory afresh.
Status StartCorpus(const std::string& samples_dir, const std::string& format,
                   const std::string& dir, Corpus* c, std::vector<std::string>* originals);
// Copy number `copy` of a sample whose bytes are `original`: the same
// document in other bytes.
Status TagCopy(const std::string& original, const std::string& format, size_t copy,
               std::string* bytes);
// The file name of copy i of n ("000042.docx").
std::string CopyName(size_t i, size_t n, const std::string& format);
// Writes `bytes` as file `name` of the corpus and counts it.
Status AddFile(Corpus* c, const std::string& name, const std::string& bytes);

// Writes `bytes` to `path`, replacing it.
Status WriteFile(const std::string& path, const std::string& bytes);

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_CORPUS_H_
