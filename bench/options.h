// The settings of the end-to-end benchmark (bench/fuhua_bench.cc): Options
// is the command line as parsed there, Env adds what setting up derives from
// it (the work directory, whether `fuhua extract` takes --jobs). Its own
// header because both the command line (fuhua_bench.cc) and the measured
// runs (runs.cc) read them.
#ifndef FUHUA_BENCH_OPTIONS_H_
#define FUHUA_BENCH_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#ifndef FUHUA_SAMPLES_DIR
#define FUHUA_SAMPLES_DIR "samples"
#endif

namespace fuhua::bench {

enum class Compare { kAuto, kOn, kOff };

struct Options {
  size_t docs = 1000;
  std::vector<std::string> formats = {"docx", "txt"};
  std::string fuhua, samples = FUHUA_SAMPLES_DIR, work, python, json;
  bool keep = false;
  int repeat = 1;
  Compare compare = Compare::kAuto;
  size_t compare_docs = 100;
  std::vector<size_t> scaling;         // non-empty: memory-scaling mode
  bool extract = true, ingest = true;  // --commands
};

struct Env {
  Options o;
  std::string work, scratch;
  bool owns_work = false;     // work is a temp dir made here: removed whole
  bool extract_jobs = false;  // `fuhua extract --help` mentions --jobs
};

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_OPTIONS_H_
