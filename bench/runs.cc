// The measured runs of the end-to-end benchmark (see runs.h): each builds the
// command line of one tool over the corpus, runs it as a child process
// (bench/child_run.h) and turns the result, and what the tool says about
// itself (ingest's own timings, python's reading loop), into a Run.
#include "bench/runs.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "bench/child_run.h"
#include "bench/docx_floor.h"

#ifndef FUHUA_BENCH_DIR
#define FUHUA_BENCH_DIR "bench"
#endif

namespace fuhua::bench {
namespace {

Run FromChild(const std::string& name, const ChildResult& r, size_t docs, size_t bytes) {
  Run run{name, true, "", docs, bytes, r.wall_s, r.cpu_s, r.max_rss_kb};
  if (r.exit_code != 0)
    run.note = "exit " + std::to_string(r.exit_code) + ": " + FirstLine(r.err + r.out);
  return run;
}

// The number after `label` in `text` ("  wall time:        0.05 s" -> 0.05).
double NumberAfter(const std::string& text, const std::string& label) {
  size_t at = text.find(label);
  return at == std::string::npos ? -1 : std::strtod(text.c_str() + at + label.size(), nullptr);
}

// The digits just before `label` in `text` ("(26053 pairs scored" -> "26053").
std::string NumberBefore(const std::string& text, const std::string& label) {
  size_t end = text.find(label), begin = end;
  while (begin != std::string::npos && begin > 0 &&
         std::isdigit(static_cast<unsigned char>(text[begin - 1])))
    --begin;
  return end == std::string::npos || begin == end ? "?" : text.substr(begin, end - begin);
}

// Removes the SQLite file `db` and its companions.
void RemoveDb(const std::string& db) {
  for (const char* ext : {"", "-wal", "-shm", "-journal"}) std::remove((db + ext).c_str());
}

// What `fuhua ingest` printed about itself: its own wall time, the relink's,
// and (when nothing was odd) that every one of `files` was stored as new.
void ReadIngestSummary(const std::string& out, size_t files, Run* run) {
  run->own_s = NumberAfter(out, "wall time:");
  run->link_s = NumberAfter(out, "pairs scored, ");
  long stored = static_cast<long>(NumberAfter(out, "files new:"));
  if (!run->note.empty()) return;
  if (stored != static_cast<long>(files))
    run->note = "stored " + std::to_string(stored) + " files as new, not " + std::to_string(files);
  else
    run->note = std::to_string(static_cast<long>(NumberAfter(out, "\nlinked "))) +
                " records linked, " + NumberBefore(out, " pairs scored") + " pairs scored";
}

}  // namespace

Run MedianOf(std::vector<Run> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.wall_s < b.wall_s; });
  return runs[runs.size() / 2];
}

std::vector<Run> InRounds(int rounds, const std::vector<std::function<Run()>>& measurements) {
  std::vector<std::vector<Run>> runs(measurements.size());
  for (int r = 0; r < std::max(1, rounds); ++r)
    for (size_t m = 0; m < measurements.size(); ++m) runs[m].push_back(measurements[m]());
  std::vector<Run> medians;
  for (std::vector<Run>& each : runs) medians.push_back(MedianOf(std::move(each)));
  return medians;
}

Run RunExtract(const Env& env, const Corpus& c, int jobs, size_t limit) {
  std::vector<std::string> argv = {env.o.fuhua, "extract"};
  size_t n = std::min(limit, c.names.size()), bytes = 0;
  for (size_t i = 0; i < n; ++i) argv.push_back(c.names[i]), bytes += c.sizes[i];
  for (const char* a : {"--format", "jsonl", "-o", "/dev/null", "--quiet"}) argv.push_back(a);
  if (jobs > 0) argv.insert(argv.end(), {"--jobs", std::to_string(jobs)});
  std::string name =
      n == 1 ? "extract 1 doc (start-up)"
             : "extract " + std::string(jobs > 0 ? "--jobs " + std::to_string(jobs) : "(1 worker)");
  ChildResult r;
  Status st = RunChild(argv, c.dir, env.scratch, &r);
  if (!st.ok()) return Run{name, false, st.ToString()};
  return FromChild(name, r, n, bytes);
}

Run RunIngest(const Env& env, const Corpus& c, int jobs) {
  std::string db = env.work + "/ingest-" + c.format + "-j" + std::to_string(jobs) + ".db";
  RemoveDb(db);
  ChildResult r;
  Status st = RunChild(
      {env.o.fuhua, "ingest", c.dir, "--db", db, "--jobs", std::to_string(jobs), "--quiet"},
      env.work, env.scratch, &r);
  RemoveDb(db);
  std::string name = "ingest --jobs " + std::to_string(jobs);
  if (!st.ok()) return Run{name, false, st.ToString()};
  Run run = FromChild(name, r, c.names.size(), c.bytes);
  ReadIngestSummary(r.out, c.names.size(), &run);
  return run;
}

Run RunFloor(const Corpus& c) {
  std::vector<std::string> paths;
  for (const std::string& n : c.names) paths.push_back(c.dir + "/" + n);
  FloorStats stats;
  Run run{"floor: unzip + pugixml (in-process)", true, "", c.names.size(), c.bytes};
  FloorTiming time;
  Status st = RunDocxFloor(paths, &stats, &time);
  if (!st.ok()) return Run{run.name, false, st.ToString()};
  run.wall_s = time.wall_s, run.cpu_s = time.cpu_s;
  run.note = std::to_string(stats.text_nodes / std::max<size_t>(1, stats.documents)) +
             " w:t per doc, " +
             std::to_string(stats.xml_bytes / std::max<size_t>(1, stats.documents) / 1024) +
             " KiB XML per doc";
  return run;
}

std::optional<std::string> Probe(const Env& env, const std::vector<std::string>& argv) {
  ChildResult r;
  if (!RunChild(argv, "", env.scratch, &r).ok() || r.exit_code != 0) return std::nullopt;
  return FirstLine(r.out);
}

Run RunPandoc(const Env& env, const Corpus& c, const std::string& version) {
  size_t k = std::min(env.o.compare_docs, c.names.size());
  Run run{version + " -t plain (1 process/file)", true, "", k};
  for (size_t i = 0; i < k; ++i) {
    ChildResult r;
    Status st = RunChild({"pandoc", "-f", "docx", "-t", "plain", "-o", "/dev/null", c.names[i]},
                         c.dir, env.scratch, &r);
    if (!st.ok() || r.exit_code != 0)
      return Run{run.name, false, st.ok() ? FirstLine(r.err) : st.ToString()};
    run.wall_s += r.wall_s, run.cpu_s += r.cpu_s, run.bytes += c.sizes[i];
    run.rss_kb = std::max(run.rss_kb, r.max_rss_kb);
  }
  return run;
}

std::optional<std::pair<std::string, std::string>> FindPythonDocx(const Env& env) {
  std::vector<std::string> candidates = {"/usr/bin/python3", "python3"};
  if (!env.o.python.empty()) candidates = {env.o.python};
  for (const std::string& p : candidates)
    if (auto v = Probe(env, {p, "-c", "import docx; print(getattr(docx, '__version__', '?'))"}))
      return std::make_pair(p, *v);
  return std::nullopt;
}

Run RunPythonDocx(const Env& env, const Corpus& c, const std::string& python,
                  const std::string& version) {
  size_t k = std::min(env.o.compare_docs, c.names.size()), bytes = 0;
  std::vector<std::string> argv = {python, std::string(FUHUA_BENCH_DIR) + "/python_docx_read.py"};
  for (size_t i = 0; i < k; ++i) argv.push_back(c.names[i]), bytes += c.sizes[i];
  ChildResult r;
  Status st = RunChild(argv, c.dir, env.scratch, &r);
  std::string name = "python-docx " + version + ", every cell (1 process)";
  if (!st.ok()) return Run{name, false, st.ToString()};
  Run run = FromChild(name, r, k, bytes);
  run.own_s = NumberAfter(r.out, "chars, ");
  return run;
}

}  // namespace fuhua::bench
