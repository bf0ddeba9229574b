// End-to-end benchmark of issue 8: builds a corpus by replicating samples/
// (.docx and .txt) to N byte-distinct documents and measures the built
// `fuhua` binary on it as a user runs it — `fuhua extract … --format jsonl
// -o /dev/null` and `fuhua ingest DIR --db fresh.db --jobs 1|2` — each as a
// child process whose wall time, CPU time and peak RSS come from wait4().
// Beside it, on the same corpus: the floor (unzip word/document.xml + pugixml,
// in-process, bench/docx_floor.h), pandoc (docx -> plain, one process per
// file) and python-docx (bench/python_docx_read.py, one process), reported as
// ratios because these machines are shared and noisy.
//
// Copies are made byte-distinct (ingest stores identical bytes once) without
// changing the document: a .txt copy gets trailing whitespace-only lines, a
// .docx copy a zip end-of-central-directory comment. Before measuring, the
// first copy of every sample is checked to extract exactly what the sample
// does (source path and sha256 aside).
//
// Run (built with the project, not run by CTest):
//   cmake --build build -j2 --target fuhua_bench fuhua
//   build/bench/fuhua_bench --docs 1000
//   build/bench/fuhua_bench --scaling 1000,10000,100000 --formats docx
//   build/bench/fuhua_bench --help   (every option)
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/docx_floor.h"
#include "parsers/reader.h"
#include "pipeline/status.h"

#ifndef FUHUA_SAMPLES_DIR
#define FUHUA_SAMPLES_DIR "samples"
#endif
#ifndef FUHUA_BENCH_DIR
#define FUHUA_BENCH_DIR "bench"
#endif

namespace fuhua::bench {
namespace {

namespace fs = std::filesystem;

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

// --- Child processes -------------------------------------------------------

struct ChildResult {
  int exit_code = -1;  // 128 + signal when killed
  double wall_s = 0, cpu_s = 0;
  long max_rss_kb = 0;
  std::string out, err;  // stdout and stderr, read back from files
};

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double Seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t ArgBytes(const std::vector<std::string>& argv) {
  size_t n = 0;
  for (const std::string& a : argv) n += a.size() + 1 + sizeof(char*);
  return n;
}

// In the child, between fork and exec: only async-signal-safe calls. A long
// argument list (100k file names) needs a larger stack limit: the kernel
// allows argv up to a quarter of it (and 6 MiB at most).
[[noreturn]] void ExecChild(char* const* argv, const char* cwd, const char* out, const char* err,
                            bool big_args) {
  int o = ::open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int e = ::open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int null_in = ::open("/dev/null", O_RDONLY);
  if (o < 0 || e < 0 || null_in < 0 || ::dup2(o, 1) < 0 || ::dup2(e, 2) < 0 ||
      ::dup2(null_in, 0) < 0 || (cwd[0] && ::chdir(cwd) != 0))
    ::_exit(127);
  if (big_args) {
    rlimit r{};
    if (::getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur != RLIM_INFINITY) {
      r.rlim_cur = std::min<rlim_t>(r.rlim_max, rlim_t{64} << 20);
      ::setrlimit(RLIMIT_STACK, &r);
    }
  }
  ::execvp(argv[0], argv);
  ::_exit(127);
}

// Runs `argv` in `cwd` ("" = here), stdin from /dev/null, stdout and stderr
// to files under `scratch`; waits for it. Fails only when it cannot start.
Status RunChild(const std::vector<std::string>& argv, const std::string& cwd,
                const std::string& scratch, ChildResult* r) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::string out = scratch + "/child.out", err = scratch + "/child.err";
  bool big_args = ArgBytes(argv) > (1u << 20);
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) return Status::IoError(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) ExecChild(args.data(), cwd.c_str(), out.c_str(), err.c_str(), big_args);
  int status = 0;
  rusage ru{};
  if (::wait4(pid, &status, 0, &ru) < 0)
    return Status::IoError(std::string("wait4: ") + std::strerror(errno));
  r->wall_s = Since(t0);
  r->cpu_s = Seconds(ru.ru_utime) + Seconds(ru.ru_stime);
  r->max_rss_kb = ru.ru_maxrss;
  r->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r->out = ReadAll(out);
  r->err = ReadAll(err);
  if (r->exit_code == 127 && r->out.empty() && r->err.empty())
    return Status::NotFound("cannot run " + argv[0]);
  return Status::Ok();
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

// The 1, 5 and 15 minute load averages: other work on a shared machine.
std::string LoadAverage() {
  std::string s = ReadAll("/proc/loadavg");
  size_t third = s.find(' ', s.find(' ', s.find(' ') + 1) + 1);
  return third == std::string::npos ? "?" : s.substr(0, third);
}

// --- The corpus ------------------------------------------------------------

struct Corpus {
  std::string format;                // "docx" or "txt"
  std::string dir;                   // absolute
  std::vector<std::string> names;    // file names in dir; copy i is of sample i % samples
  std::vector<std::string> samples;  // absolute paths of the samples replicated
  std::vector<size_t> sizes;         // bytes per file
  size_t bytes = 0;
};

// The zip with its end-of-central-directory comment set to `tag`: the
// entries and the central directory are untouched, so every reader sees the
// same package, but the file's bytes (and sha256) differ.
Status TagDocx(const std::string& zip, const std::string& tag, std::string* out) {
  constexpr size_t kEndRecord = 22;
  size_t pos = zip.size() < kEndRecord
                   ? std::string::npos
                   : zip.rfind(std::string("PK\x05\x06", 4), zip.size() - kEndRecord);
  if (pos == std::string::npos) return Status::InvalidInput("no end of central directory record");
  *out = zip.substr(0, pos + kEndRecord - 2);
  out->push_back(static_cast<char>(tag.size() & 0xFF));
  out->push_back(static_cast<char>(tag.size() >> 8));
  *out += tag;
  return Status::Ok();
}

// The text with trailing whitespace-only lines spelling `copy` (one line of
// d + 1 spaces per decimal digit d): blank lines to the reader, distinct bytes.
std::string TagText(const std::string& text, size_t copy) {
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  for (char d : std::to_string(copy))
    out += std::string(static_cast<size_t>(d - '0') + 1, ' ') + "\n";
  return out;
}

Status ListSamples(const std::string& dir, const std::string& format,
                   std::vector<std::string>* out) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == "." + format)
      out->push_back(fs::absolute(e.path()).string());
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(out->begin(), out->end());
  if (out->empty()) return Status::NotFound(dir + ": no *." + format + " samples");
  return Status::Ok();
}

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  return f ? Status::Ok() : Status::IoError(path + ": cannot write");
}

std::string CopyName(size_t i, size_t n, const std::string& format) {
  std::string digits = std::to_string(i);
  size_t width = std::max<size_t>(6, std::to_string(n > 0 ? n - 1 : 0).size());
  return std::string(width - std::min(width, digits.size()), '0') + digits + "." + format;
}

// Writes n copies of the samples of `format` into `dir` (created afresh).
Status BuildCorpus(const std::string& samples_dir, const std::string& format, size_t n,
                   const std::string& dir, Corpus* c) {
  c->format = format;
  c->dir = fs::absolute(dir).string();
  Status st = ListSamples(samples_dir, format, &c->samples);
  if (!st.ok()) return st;
  std::vector<std::string> originals(c->samples.size());
  for (size_t k = 0; k < originals.size() && st.ok(); ++k)
    st = LoadFile(c->samples[k], 256u << 20, &originals[k]);
  std::error_code ec;
  fs::remove_all(c->dir, ec);
  if (!st.ok() || !fs::create_directories(c->dir, ec)) return st.ok() ? Status::IoError(dir) : st;
  for (size_t i = 0; i < n; ++i) {
    size_t k = i % originals.size(), copy = i / originals.size();
    std::string bytes;
    if (format == "docx")
      st = TagDocx(originals[k], "fuhua-bench copy " + std::to_string(copy), &bytes);
    else
      bytes = TagText(originals[k], copy);
    c->names.push_back(CopyName(i, n, format));
    if (st.ok()) st = WriteFile(c->dir + "/" + c->names.back(), bytes);
    if (!st.ok()) return Status::IoError(c->samples[k] + ": " + st.message());
    c->sizes.push_back(bytes.size());
    c->bytes += bytes.size();
  }
  return Status::Ok();
}

double Mb(size_t bytes) { return static_cast<double>(bytes) / 1e6; }

// --- Checking that a copy is the same document -----------------------------

// One JSONL notice with what legitimately differs between two files of the
// same document blanked: the path (wherever it is quoted) and sha256.
std::string Masked(std::string line, const std::string& path) {
  for (size_t at; (at = line.find(path)) != std::string::npos;)
    line.replace(at, path.size(), "<source>");
  const std::string kSha = "\"sha256\":\"";
  for (size_t at = line.find(kSha); at != std::string::npos; at = line.find(kSha, at + 1))
    line.replace(at + kSha.size(), std::min<size_t>(64, line.size() - at - kSha.size()), "<sha>");
  return line;
}

// Every sample and its first copy in the corpus must extract the same notice.
Status VerifyCopies(const std::string& fuhua, const Corpus& c, const std::string& scratch) {
  for (size_t k = 0; k < c.samples.size() && k < c.names.size(); ++k) {
    std::string copy = c.dir + "/" + c.names[k], out = scratch + "/verify.jsonl";
    ChildResult r;
    Status st =
        RunChild({fuhua, "extract", c.samples[k], copy, "--format", "jsonl", "-o", out, "--quiet"},
                 "", scratch, &r);
    if (!st.ok()) return st;
    std::istringstream lines(ReadAll(out));
    std::string a, b;
    std::getline(lines, a), std::getline(lines, b);
    if (r.exit_code != 0 || a.empty() || Masked(a, c.samples[k]) != Masked(b, copy))
      return Status::Internal(copy + " (a copy of " + c.samples[k] +
                              ") does not extract the same notice (exit " +
                              std::to_string(r.exit_code) + "): the corpus would be invalid");
  }
  return Status::Ok();
}

// --- Measured runs ---------------------------------------------------------

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

Run FromChild(const std::string& name, const ChildResult& r, size_t docs, size_t bytes) {
  Run run{name, true, "", docs, bytes, r.wall_s, r.cpu_s, r.max_rss_kb};
  if (r.exit_code != 0)
    run.note = "exit " + std::to_string(r.exit_code) + ": " + FirstLine(r.err + r.out);
  return run;
}

// The median run by wall time of `repeat` runs of `once`.
template <typename F>
Run Median(int repeat, F once) {
  std::vector<Run> runs;
  for (int i = 0; i < repeat; ++i) runs.push_back(once());
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.wall_s < b.wall_s; });
  return runs[runs.size() / 2];
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

struct Env {
  Options o;
  std::string work, scratch;
  bool owns_work = false;     // work is a temp dir made here: removed whole
  bool extract_jobs = false;  // `fuhua extract --help` mentions --jobs
};

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
  auto drop = [&db] {
    for (const char* ext : {"", "-wal", "-shm", "-journal"}) std::remove((db + ext).c_str());
  };
  drop();
  ChildResult r;
  Status st = RunChild(
      {env.o.fuhua, "ingest", c.dir, "--db", db, "--jobs", std::to_string(jobs), "--quiet"},
      env.work, env.scratch, &r);
  drop();
  std::string name = "ingest --jobs " + std::to_string(jobs);
  if (!st.ok()) return Run{name, false, st.ToString()};
  Run run = FromChild(name, r, c.names.size(), c.bytes);
  run.own_s = NumberAfter(r.out, "wall time:");
  run.link_s = NumberAfter(r.out, "pairs scored, ");
  long stored = static_cast<long>(NumberAfter(r.out, "files new:"));
  if (run.note.empty() && stored != static_cast<long>(c.names.size()))
    run.note =
        "stored " + std::to_string(stored) + " files as new, not " + std::to_string(c.names.size());
  else if (run.note.empty())
    run.note = std::to_string(static_cast<long>(NumberAfter(r.out, "\nlinked "))) +
               " records linked, " + NumberBefore(r.out, " pairs scored") + " pairs scored";
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

// The first line `argv` prints (a version), or nullopt when it cannot run.
std::optional<std::string> Probe(const Env& env, const std::vector<std::string>& argv) {
  ChildResult r;
  if (!RunChild(argv, "", env.scratch, &r).ok() || r.exit_code != 0) return std::nullopt;
  return FirstLine(r.out);
}

// pandoc -f docx -t plain, one process per file, over the first k files.
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

// A python that can import docx (--python, else Debian's, else PATH's) and
// python-docx's version.
std::optional<std::pair<std::string, std::string>> FindPythonDocx(const Env& env) {
  std::vector<std::string> candidates = {"/usr/bin/python3", "python3"};
  if (!env.o.python.empty()) candidates = {env.o.python};
  for (const std::string& p : candidates)
    if (auto v = Probe(env, {p, "-c", "import docx; print(getattr(docx, '__version__', '?'))"}))
      return std::make_pair(p, *v);
  return std::nullopt;
}

// bench/python_docx_read.py over the first k files, in one process.
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

// --- Reports ---------------------------------------------------------------

struct FormatReport {
  Corpus corpus;
  std::vector<Run> runs;
  std::string no_extract_jobs;  // "extract: no --jobs" when fuhua extract has none
};

const Run* Find(const FormatReport& f, const std::string& prefix) {
  for (const Run& r : f.runs)
    if (r.ran && r.name.starts_with(prefix)) return &r;
  return nullptr;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void PrintRun(const Run& r) {
  if (!r.ran) {
    std::printf("  %-44s not run: %s\n", r.name.c_str(), r.note.c_str());
    return;
  }
  double mib = static_cast<double>(r.rss_kb) / 1024.0;
  std::printf("  %-44s %7zu %8.3f %8.3f %9.1f %8.2f %8.3f %9s  %s\n", r.name.c_str(), r.docs,
              r.wall_s, r.cpu_s, static_cast<double>(r.docs) / r.wall_s, Mb(r.bytes) / r.wall_s,
              r.ms(), r.rss_kb ? Fixed(mib, 1).c_str() : "-", r.note.c_str());
}

std::string Ratio(double num, double den) { return den > 0 ? Fixed(num / den, 2) + "x" : "n/a"; }

// Wall ratio, then CPU ratio (steadier when the machine is shared).
std::string Ratios(const Run* num, const Run* den) {
  if (!num || !den) return "n/a";
  return Ratio(num->ms(), den->ms()) + " wall, " + Ratio(num->cpu_ms(), den->cpu_ms()) + " cpu";
}

const Run* OneWorkerExtract(const FormatReport& f) {
  return Find(f, "extract (1") ? Find(f, "extract (1") : Find(f, "extract --jobs 1");
}

// 2-vs-1 speedups, the start-up, and where ingest's time goes.
void PrintWorkers(const FormatReport& f) {
  const Run *x1 = OneWorkerExtract(f), *x2 = Find(f, "extract --jobs 2"),
            *i1 = Find(f, "ingest --jobs 1"), *i2 = Find(f, "ingest --jobs 2"),
            *start = Find(f, "extract 1 doc");
  std::string x = x2 && x1 ? "extract " + Ratio(x1->wall_s, x2->wall_s) : f.no_extract_jobs;
  std::printf("\n  2 workers vs 1 (wall; target >= 1.7x): ingest %s, %s\n",
              i1 && i2 ? Ratio(i1->wall_s, i2->wall_s).c_str() : "n/a", x.c_str());
  if (x1 && start && x1->docs > 1)
    std::printf("  extract per doc without the start-up (%.0f ms): %.3f ms\n", start->wall_s * 1000,
                1000 * (x1->wall_s - start->wall_s) / static_cast<double>(x1->docs - 1));
  for (const Run* i : {i1, i2})
    if (i && i->own_s >= 0)
      std::printf("  %s: parse+store %.2f s (%.3f ms/doc), relink %.2f s, rest %.2f s\n",
                  i->name.c_str(), i->own_s, 1000 * i->own_s / static_cast<double>(i->docs),
                  std::max(0.0, i->link_s), i->wall_s - i->own_s - std::max(0.0, i->link_s));
}

// fuhua against the floor, pandoc and python-docx (ms per document).
void PrintComparisons(const FormatReport& f) {
  const Run *x1 = OneWorkerExtract(f), *i1 = Find(f, "ingest --jobs 1");
  const Run *floor = Find(f, "floor"), *pandoc = Find(f, "pandoc"), *py = Find(f, "python");
  if (floor) {
    std::printf("  fuhua / floor: extract %s; ingest --jobs 1 %s (target <= 2.5x)",
                Ratios(x1, floor).c_str(), Ratios(i1, floor).c_str());
    if (i1 && i1->own_s >= 0)
      std::printf(", its parse+store alone %s wall",
                  Ratio(1000 * i1->own_s / static_cast<double>(i1->docs), floor->ms()).c_str());
    std::printf("\n");
  }
  if (pandoc) std::printf("  fuhua extract faster than pandoc by %s\n", Ratios(pandoc, x1).c_str());
  if (py && x1 && py->own_s > 0)
    std::printf("  fuhua extract faster than python-docx by %s (%s on python's reading loop)\n",
                Ratios(py, x1).c_str(),
                Ratio(1000 * py->own_s / static_cast<double>(py->docs), x1->ms()).c_str());
}

void PrintFormat(const FormatReport& f) {
  const Corpus& c = f.corpus;
  std::printf("\n== %s: %zu docs, %.2f MB (copies of %zu samples, %.1f KB/doc) ==\n",
              c.format.c_str(), c.names.size(), Mb(c.bytes), c.samples.size(),
              Mb(c.bytes) * 1000 / static_cast<double>(std::max<size_t>(1, c.names.size())));
  std::printf("  %-44s %7s %8s %8s %9s %8s %8s %9s  %s\n", "run", "docs", "wall_s", "cpu_s",
              "docs/s", "MB/s", "ms/doc", "RSS_MiB", "note");
  for (const Run& r : f.runs) PrintRun(r);
  PrintWorkers(f);
  PrintComparisons(f);
  std::printf("  load average after: %s\n", LoadAverage().c_str());
}

Poco::JSON::Object::Ptr RunJson(const Run& r) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("name", r.name);
  o->set("ran", r.ran);
  if (!r.note.empty()) o->set("note", r.note);
  if (!r.ran) return o;
  o->set("docs", r.docs), o->set("mb", Mb(r.bytes)), o->set("wall_s", r.wall_s);
  o->set("cpu_s", r.cpu_s), o->set("ms_per_doc", r.ms());
  o->set("docs_per_s", static_cast<double>(r.docs) / r.wall_s);
  o->set("mb_per_s", Mb(r.bytes) / r.wall_s);
  if (r.rss_kb) o->set("peak_rss_mib", static_cast<double>(r.rss_kb) / 1024.0);
  if (r.own_s >= 0) o->set("own_s", r.own_s);
  if (r.link_s >= 0) o->set("link_s", r.link_s);
  return o;
}

// The ratios the text report prints, by wall time (and by CPU time where
// both sides ran on one core): x_over_y = x's ms per doc / y's.
Poco::JSON::Object::Ptr RatiosJson(const FormatReport& f) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  auto put = [&o](const char* key, const Run* num, const Run* den, bool cpu) {
    if (!num || !den || den->ms() <= 0) return;
    o->set(key, num->ms() / den->ms());
    if (cpu && den->cpu_ms() > 0) o->set(std::string(key) + "_cpu", num->cpu_ms() / den->cpu_ms());
  };
  const Run *x1 = OneWorkerExtract(f), *i1 = Find(f, "ingest --jobs 1"), *floor = Find(f, "floor");
  put("ingest_j1_over_j2", i1, Find(f, "ingest --jobs 2"), false);
  put("extract_j1_over_j2", x1, Find(f, "extract --jobs 2"), false);
  put("extract_over_floor", x1, floor, true);
  put("ingest_j1_over_floor", i1, floor, true);
  put("pandoc_over_extract", Find(f, "pandoc"), x1, true);
  put("python_docx_over_extract", Find(f, "python-docx"), x1, true);
  return o;
}

Poco::JSON::Object::Ptr FormatJson(const FormatReport& f) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("format", f.corpus.format), o->set("docs", f.corpus.names.size());
  o->set("mb", Mb(f.corpus.bytes)), o->set("samples", f.corpus.samples.size());
  Poco::JSON::Array::Ptr runs = new Poco::JSON::Array;
  for (const Run& r : f.runs) runs->add(RunJson(r));
  o->set("runs", runs);
  if (!f.no_extract_jobs.empty()) o->set("extract_jobs", false);
  o->set("ratios", RatiosJson(f));
  return o;
}

Status WriteJson(const std::string& path, const Poco::JSON::Object::Ptr& doc) {
  std::ostringstream s;
  doc->stringify(s, 2);
  if (path == "-") return std::cout << s.str() << "\n" ? Status::Ok() : Status::IoError("stdout");
  Status st = WriteFile(path, s.str() + "\n");
  return st.ok() ? st : Status::IoError(path + ": cannot write the JSON report");
}

// --- The benchmark -----------------------------------------------------------

Status PrepareCorpus(const Env& env, const std::string& format, size_t n, Corpus* c) {
  std::fprintf(stderr, "fuhua_bench: writing %zu %s copies...\n", n, format.c_str());
  Status st = BuildCorpus(env.o.samples, format, n, env.work + "/corpus-" + format, c);
  if (st.ok()) st = VerifyCopies(env.o.fuhua, *c, env.scratch);
  return st;
}

void RemoveCorpus(const Env& env, const Corpus& c) {
  std::error_code ec;
  if (!env.o.keep) fs::remove_all(c.dir, ec);
}

void RunComparisons(const Env& env, const Corpus& c, FormatReport* f) {
  f->runs.push_back(Median(3, [&] { return RunFloor(c); }));
  if (env.o.compare == Compare::kOff) return;
  std::optional<std::string> pandoc = Probe(env, {"pandoc", "--version"});
  auto python = FindPythonDocx(env);
  bool forced = env.o.compare == Compare::kOn;
  std::fprintf(stderr, "fuhua_bench: pandoc and python-docx on %zu docs...\n", env.o.compare_docs);
  if (pandoc || forced)
    f->runs.push_back(pandoc ? RunPandoc(env, c, *pandoc) : Run{"pandoc", false, "not installed"});
  if (python || forced)
    f->runs.push_back(python ? RunPythonDocx(env, c, python->first, python->second)
                             : Run{"python-docx", false, "no python3 with docx"});
}

void RunFuhua(const Env& env, const Corpus& c, FormatReport* f) {
  const Options& o = env.o;
  int one = env.extract_jobs ? 1 : 0;
  std::fprintf(stderr, "fuhua_bench: %s: running fuhua...\n", c.format.c_str());
  RunExtract(env, c, one, 1);  // warm-up: binary, rule files
  f->runs.push_back(Median(o.repeat, [&] { return RunExtract(env, c, one, 1); }));
  if (o.extract)
    f->runs.push_back(Median(o.repeat, [&] { return RunExtract(env, c, one, c.names.size()); }));
  if (o.extract && env.extract_jobs)
    f->runs.push_back(Median(o.repeat, [&] { return RunExtract(env, c, 2, c.names.size()); }));
  if (!env.extract_jobs) f->no_extract_jobs = "extract: no --jobs";
  for (int jobs : {1, 2})
    if (o.ingest) f->runs.push_back(Median(o.repeat, [&] { return RunIngest(env, c, jobs); }));
}

Status BenchFormat(const Env& env, const std::string& format, FormatReport* f) {
  Status st = PrepareCorpus(env, format, env.o.docs, &f->corpus);
  if (!st.ok()) return st;
  RunFuhua(env, f->corpus, f);
  if (format == "docx") RunComparisons(env, f->corpus, f);
  RemoveCorpus(env, f->corpus);
  return Status::Ok();
}

std::string FuhuaVersion(const Env& env) {
  ChildResult r;
  return RunChild({env.o.fuhua, "--version"}, "", env.scratch, &r).ok() ? FirstLine(r.out) : "?";
}

void PrintHeader(const Env& env) {
  std::printf(
      "fuhua_bench: %s (%s), %u hardware threads, load average %s; warm page cache (corpus "
      "written just before); median of %d run(s) by wall time; MB = 10^6 bytes; RSS = peak "
      "resident set of the process (wait4); cpu = user+sys of the process\n",
      env.o.fuhua.c_str(), FuhuaVersion(env).c_str(), std::thread::hardware_concurrency(),
      LoadAverage().c_str(), env.o.repeat);
  std::fflush(stdout);
}

int Benchmark(const Env& env) {
  PrintHeader(env);
  Poco::JSON::Array::Ptr formats = new Poco::JSON::Array;
  for (const std::string& format : env.o.formats) {
    FormatReport f;
    Status st = BenchFormat(env, format, &f);
    if (!st.ok()) {
      std::fprintf(stderr, "fuhua_bench: %s: %s\n", format.c_str(), st.ToString().c_str());
      return 1;
    }
    PrintFormat(f);
    std::fflush(stdout);
    formats->add(FormatJson(f));
  }
  if (env.o.json.empty()) return 0;
  Poco::JSON::Object::Ptr doc = new Poco::JSON::Object;
  doc->set("fuhua", env.o.fuhua), doc->set("version", FuhuaVersion(env));
  doc->set("threads", std::thread::hardware_concurrency()), doc->set("repeat", env.o.repeat);
  doc->set("formats", formats);
  Status st = WriteJson(env.o.json, doc);
  if (!st.ok()) std::fprintf(stderr, "fuhua_bench: %s\n", st.ToString().c_str());
  return st.ok() ? 0 : 1;
}

// --- Memory scaling ----------------------------------------------------------

void PrintScalingRow(const Corpus& c, const Run& x, const Run& i) {
  auto cell = [](const Run& r) {
    if (!r.ran) return std::string("not run: ") + r.note;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%8.3f %8.1f %9.1f", r.ms(), r.wall_s,
                  static_cast<double>(r.rss_kb) / 1024.0);
    return std::string(buf) + (r.note.empty() ? "" : " (" + r.note + ")");
  };
  std::printf("%8zu %-5s %8.1f | %s | %s", c.names.size(), c.format.c_str(), Mb(c.bytes),
              cell(x).c_str(), cell(i).c_str());
  if (i.ran && i.link_s >= 0) std::printf(" %7.2f", i.link_s);
  std::printf("\n");
  std::fflush(stdout);
}

Poco::JSON::Object::Ptr ScalingJson(const Corpus& c, const Run& x, const Run& i) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("docs", c.names.size()), o->set("format", c.format), o->set("mb", Mb(c.bytes));
  o->set("extract", RunJson(x)), o->set("ingest", RunJson(i));
  return o;
}

int Scaling(const Env& env) {
  PrintHeader(env);
  std::printf(
      "memory scaling: extract (1 worker) and ingest --jobs 2 into a fresh SQLite file\n\n"
      "%8s %-5s %8s | %8s %8s %9s | %8s %8s %9s %7s\n",
      "docs", "fmt", "MB", "x_ms/doc", "x_wall_s", "x_RSS_MiB", "i_ms/doc", "i_wall_s", "i_RSS_MiB",
      "link_s");
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (size_t n : env.o.scaling) {
    for (const std::string& format : env.o.formats) {
      Corpus c;
      Status st = PrepareCorpus(env, format, n, &c);
      if (!st.ok()) {
        std::fprintf(stderr, "fuhua_bench: %s: %s\n", format.c_str(), st.ToString().c_str());
        return 1;
      }
      Run x = env.o.extract ? RunExtract(env, c, env.extract_jobs ? 1 : 0, n)
                            : Run{"extract", false, "not selected"};
      Run i = env.o.ingest ? RunIngest(env, c, 2) : Run{"ingest", false, "not selected"};
      PrintScalingRow(c, x, i);
      rows->add(ScalingJson(c, x, i));
      RemoveCorpus(env, c);
    }
  }
  if (env.o.json.empty()) return 0;
  Poco::JSON::Object::Ptr doc = new Poco::JSON::Object;
  doc->set("fuhua", env.o.fuhua), doc->set("scaling", rows);
  return WriteJson(env.o.json, doc).ok() ? 0 : 1;
}

// --- Command line ------------------------------------------------------------

const char kUsage[] =
    "usage: fuhua_bench [--docs N] [--formats docx,txt] [--commands extract,ingest]\n"
    "                   [--fuhua PATH] [--samples DIR] [--work DIR] [--keep] [--repeat R]\n"
    "                   [--compare | --no-compare] [--compare-docs K] [--python PATH]\n"
    "                   [--scaling N,N,...] [--json PATH|-]\n"
    "  --docs N          corpus size per format (default 1000)\n"
    "  --formats LIST    docx, txt or both (default docx,txt)\n"
    "  --commands LIST   extract, ingest or both (default extract,ingest)\n"
    "  --fuhua PATH      the fuhua binary (default: ../fuhua next to this program)\n"
    "  --samples DIR     the documents replicated (default: the source tree's samples/)\n"
    "  --work DIR        where the corpus and stores go (default: a fresh temp dir,\n"
    "                    removed afterwards unless --keep)\n"
    "  --repeat R        runs per measurement, the median is reported (default 1)\n"
    "  --compare         pandoc and python-docx beside fuhua (default: when installed;\n"
    "                    --no-compare: neither; the floor is always measured)\n"
    "  --compare-docs K  documents given to pandoc and python-docx (default 100)\n"
    "  --python PATH     the python3 that has python-docx (default /usr/bin/python3)\n"
    "  --scaling LIST    memory-scaling mode: extract and ingest at each corpus size\n"
    "  --json PATH       also write the figures as JSON to PATH ('-': stdout, after\n"
    "                    the report)\n";

bool ParseList(const std::string& s, std::vector<std::string>* out) {
  out->clear();
  std::istringstream in(s);
  for (std::string part; std::getline(in, part, ',');) out->push_back(part);
  return !out->empty();
}

bool ParseCount(const std::string& s, size_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9)
    return false;
  *out = std::stoul(s);
  return *out > 0;
}

bool ParseSizes(const std::string& s, std::vector<size_t>* out) {
  std::vector<std::string> parts;
  if (!ParseList(s, &parts)) return false;
  out->assign(parts.size(), 0);
  for (size_t i = 0; i < parts.size(); ++i)
    if (!ParseCount(parts[i], &(*out)[i])) return false;
  return true;
}

bool ParseValue(const std::string& flag, const std::string& v, Options* o) {
  size_t n = 0;
  if (flag == "--docs") return ParseCount(v, &o->docs);
  if (flag == "--compare-docs") return ParseCount(v, &o->compare_docs);
  if (flag == "--repeat") {
    if (!ParseCount(v, &n) || n > 99) return false;
    o->repeat = static_cast<int>(n);
    return true;
  }
  if (flag == "--scaling") return ParseSizes(v, &o->scaling);
  if (flag == "--commands") {
    std::vector<std::string> cmds;
    if (!ParseList(v, &cmds)) return false;
    o->extract = std::find(cmds.begin(), cmds.end(), "extract") != cmds.end();
    o->ingest = std::find(cmds.begin(), cmds.end(), "ingest") != cmds.end();
    return (o->extract || o->ingest) &&
           std::all_of(cmds.begin(), cmds.end(),
                       [](const std::string& c) { return c == "extract" || c == "ingest"; });
  }
  if (flag == "--formats")
    return ParseList(v, &o->formats) &&
           std::all_of(o->formats.begin(), o->formats.end(),
                       [](const std::string& f) { return f == "docx" || f == "txt"; });
  std::string* text = flag == "--fuhua"     ? &o->fuhua
                      : flag == "--samples" ? &o->samples
                      : flag == "--work"    ? &o->work
                      : flag == "--python"  ? &o->python
                      : flag == "--json"    ? &o->json
                                            : nullptr;
  if (text) *text = v;
  return text && !v.empty();
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--keep")
      o->keep = true;
    else if (a == "--compare")
      o->compare = Compare::kOn;
    else if (a == "--no-compare")
      o->compare = Compare::kOff;
    else if (i + 1 < argc && ParseValue(a, argv[i + 1], o))
      ++i;
    else
      return false;
  }
  return true;
}

// The fuhua next to this program's folder (build/bench/fuhua_bench -> build/fuhua).
std::string DefaultFuhua(const char* argv0) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) self = fs::absolute(argv0);
  return (self.parent_path().parent_path() / "fuhua").string();
}

Status MakeWorkDir(Env* env) {
  std::error_code ec;
  if (env->o.work.empty()) {
    std::string tmpl = (fs::temp_directory_path(ec) / "fuhua_bench.XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return Status::IoError("mkdtemp: " + std::string(strerror(errno)));
    env->work = tmpl;
    env->owns_work = true;
  } else {
    env->work = fs::absolute(env->o.work).string();
    fs::create_directories(env->work, ec);
    if (ec) return Status::IoError(env->work + ": " + ec.message());
  }
  env->scratch = env->work;
  return Status::Ok();
}

// Checks the binary, and whether `fuhua extract` takes --jobs.
Status Setup(Env* env) {
  if (::access(env->o.fuhua.c_str(), X_OK) != 0)
    return Status::NotFound(env->o.fuhua + ": no fuhua binary (build it, or pass --fuhua PATH)");
  env->o.fuhua = fs::absolute(env->o.fuhua).string();
  env->o.samples = fs::absolute(env->o.samples).string();
  Status st = MakeWorkDir(env);
  if (!st.ok()) return st;
  ChildResult r;
  st = RunChild({env->o.fuhua, "extract", "--help"}, "", env->scratch, &r);
  env->extract_jobs = st.ok() && (r.out + r.err).find("--jobs") != std::string::npos;
  return st;
}

// Removes the work dir when it was made here, else only the files this
// program writes into it (the corpus dirs and stores go as each run ends).
void Cleanup(const Env& env) {
  std::error_code ec;
  if (env.o.keep) {
    std::fprintf(stderr, "fuhua_bench: kept %s\n", env.work.c_str());
  } else if (env.owns_work) {
    fs::remove_all(env.work, ec);
  } else {
    for (const char* f : {"child.out", "child.err", "verify.jsonl"})
      fs::remove(env.work + "/" + f, ec);
  }
}

}  // namespace
}  // namespace fuhua::bench

int main(int argc, char** argv) {
  fuhua::bench::Env env;
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::fputs(fuhua::bench::kUsage, stdout);
    return 0;
  }
  if (!fuhua::bench::ParseArgs(argc, argv, &env.o)) {
    std::fputs(fuhua::bench::kUsage, stderr);
    return 2;
  }
  if (env.o.fuhua.empty()) env.o.fuhua = fuhua::bench::DefaultFuhua(argv[0]);
  fuhua::Status st = fuhua::bench::Setup(&env);
  if (!st.ok()) {
    std::fprintf(stderr, "fuhua_bench: %s\n", st.ToString().c_str());
    return 1;
  }
  int rc = env.o.scaling.empty() ? fuhua::bench::Benchmark(env) : fuhua::bench::Scaling(env);
  fuhua::bench::Cleanup(env);
  return rc;
}
