// Runs one program as a child process and measures it, for the end-to-end
// benchmark (bench/fuhua_bench.cc): fork + exec with stdin from /dev/null and
// stdout/stderr to files, then wait4() for the wall time, the CPU time
// (user+sys) and the peak RSS of that process alone. fuhua is measured this
// way because that is how a user runs it (start-up, rule files and exit
// included); pandoc and python-docx go through the same door so the figures
// compare like with like.
// Usage:
//   ChildResult r;
//   Status st = RunChild({"fuhua", "--version"}, "", scratch_dir, &r);
//   if (st.ok() && r.exit_code == 0) use(r.wall_s, r.cpu_s, r.max_rss_kb, r.out);
#ifndef FUHUA_BENCH_CHILD_RUN_H_
#define FUHUA_BENCH_CHILD_RUN_H_

#include <string>
#include <vector>

#include "pipeline/status.h"

namespace fuhua::bench {

struct ChildResult {
  int exit_code = -1;  // 128 + signal when killed
  double wall_s = 0, cpu_s = 0;
  long max_rss_kb = 0;
  std::string out, err;  // stdout and stderr, read back from files
};

// Runs `argv` in `cwd` ("" = here), stdin from /dev/null, stdout and stderr
// to files under `scratch`; waits for it. Fails only when it cannot start.
Status RunChild(const std::vector<std::string>& argv, const std::string& cwd,
                const std::string& scratch, ChildResult* r);

// The whole file, or "" when it cannot be read.
std::string ReadAll(const std::string& path);

// `s` up to its first newline.
std::string FirstLine(const std::string& s);

}  // namespace fuhua::bench

#endif  // FUHUA_BENCH_CHILD_RUN_H_
