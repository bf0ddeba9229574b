// The measured runs of the end-to-end benchmark (bench/fuhua_bench.cc): one
// function per command measured on a corpus — `fuhua extract`, `fuhua
// ingest`, the in-process unzip+pugixml floor, pandoc and python-docx — each
// returning a Run for the report (bench/report.h). A run that cannot start
// comes back with ran = false and the reason in its note, so one missing
// tool never hides the other figures.
// Usage:
//   std::vector<Run> r = InRounds(env.o.repeat, {[&] { return RunExtract(env, corpus, 1, n); },
//                                                [&] { return RunFloor(corpus); }});
#ifndef FUHUA_BENCH_RUNS_H_
#define FUHUA_BENCH_RUNS_H_

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bench/corpus.h"
#include "bench/options.h"
#include "bench/report.h"

namespace fuhua::bench {

// The median of `runs` by wall time.
Run MedianOf(std::vector<Run> runs);

// The median run by wall time of `repeat` runs of `once`.
template <typename F>
Run Median(int repeat, F once) {
  std::vector<Run> runs;
  for (int i = 0; i < repeat; ++i) runs.push_back(once());
  return MedianOf(std::move(runs));
}

// Each of `measurements` once per round, `rounds` rounds, and the median run
// of each, in their order. The machine's speed drifts from one minute to the
// next (by a quarter, seen here): measured one after another, a ratio
// between two figures compares two different machines; within rounds, both
// figures of a ratio come from the same minutes.
std::vector<Run> InRounds(int rounds, const std::vector<std::function<Run()>>& measurements);

// `fuhua extract` of the first `limit` files to JSONL on /dev/null, with
// --jobs `jobs` (0: without the flag, for a fuhua that has none).
Run RunExtract(const Env& env, const Corpus& c, int jobs, size_t limit);

// `fuhua ingest` of the whole corpus into a fresh SQLite file, --jobs `jobs`.
Run RunIngest(const Env& env, const Corpus& c, int jobs);

// The floor (bench/docx_floor.h) over the whole corpus, in this process.
Run RunFloor(const Corpus& c);

// The first line `argv` prints (a version), or nullopt when it cannot run.
std::optional<std::string> Probe(const Env& env, const std::vector<std::string>& argv);

// pandoc -f docx -t plain, one process per file, over the first k files.
Run RunPandoc(const Env& env, const Corpus& c, const std::string& version);

// A python that can import docx (--python, else Debian's, else PATH's) and
// python-docx's version.
std::optional<std::pair<std::string, std::string>> FindPythonDocx(const Env& env);

// bench/python_docx_read.py over the first k files, in one process.
Run RunPythonDocx(const Env& env, const Corpus& c, const std::string& python,
                  const std::string& version);

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_RUNS_H_
