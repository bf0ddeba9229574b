// Variants of the .docx samples for the benchmark (bench/fuhua_bench.cc):
// copies whose tables are cut short, so that the notices of a corpus differ
// in length the way a real year of notices does. Copies of five samples
// repeat every table shape five ways, and whatever fuhua keeps per shape (a
// prepared SQLite statement per row count, say) then costs nothing after
// the fifth file, which a real corpus never grants: a batch
// INSERT of every row count, compiled for nearly every notice, was 13% of an
// ingest of variants and invisible in copies. Synthetic, for measuring only:
// the rows cut are real rows of the real samples, nothing is invented.
// Usage:
//   Corpus v;
//   Status st = BuildVariants("samples", 1000, work + "/variants-docx", &v);
#ifndef FUHUA_BENCH_VARIANTS_H_
#define FUHUA_BENCH_VARIANTS_H_

#include <cstddef>
#include <string>

#include "bench/corpus.h"
#include "pipeline/status.h"

namespace fuhua::bench {

// Variant i of a sample has the last (i / samples) % kVariantCuts rows of
// each of its tables removed, keeping a table's first three rows.
inline constexpr size_t kVariantCuts = 20;

// Writes n variants of the .docx samples into `dir` (created afresh).
Status BuildVariants(const std::string& samples_dir, size_t n, const std::string& dir, Corpus* c);

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_VARIANTS_H_
