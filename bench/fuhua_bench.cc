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
// does (source path and sha256 aside). For .docx, N variants besides
// (bench/variants.h: the tables cut by 0-19 rows) are ingested against their
// own floor: copies repeat five table shapes, a real corpus does not.
//
// This file holds the command line and the order of the benchmark; the parts
// live beside it: bench/child_run.h (fork/exec + wait4), bench/corpus.h (the
// copies and their check), bench/variants.h (the cut copies), bench/runs.h
// (one function per measured command), bench/report.h (the text report and
// the JSON), bench/options.h (settings).
//
// Run (built with the project, not run by CTest):
//   cmake --build build -j2 --target fuhua_bench fuhua
//   build/bench/fuhua_bench --docs 1000
//   build/bench/fuhua_bench --scaling 1000,10000,100000 --formats docx
//   build/bench/fuhua_bench --help   (every option)
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/child_run.h"
#include "bench/corpus.h"
#include "bench/options.h"
#include "bench/report.h"
#include "bench/runs.h"
#include "bench/variants.h"
#include "pipeline/status.h"

namespace fuhua::bench {
namespace {

namespace fs = std::filesystem;

// --- The benchmark -----------------------------------------------------------

Status PrepareCorpus(const Env& env, const std::string& format, size_t n, Corpus* c) {
  std::fprintf(stderr, "fuhua_bench: writing %zu %s copies...\n", n, format.c_str());
  Status st = BuildCorpus(env.o.samples, format, n, env.work + "/corpus-" + format, c);
  if (st.ok()) st = VerifyCopies(env.o.fuhua, *c, env.scratch);
  return st;
}

// The .docx variants (variants.h), made beside the copies.
Status PrepareVariants(const Env& env, size_t n, Corpus* c) {
  std::fprintf(stderr, "fuhua_bench: writing %zu docx variants...\n", n);
  return BuildVariants(env.o.samples, n, env.work + "/variants-docx", c);
}

// A run on the variants, named so.
Run Varied(Run r) {
  r.name = "variants: " + r.name;
  return r;
}

void RemoveCorpus(const Env& env, const Corpus& c) {
  std::error_code ec;
  if (!env.o.keep) fs::remove_all(c.dir, ec);
}

// pandoc and python-docx: slow, so once each, on the first K documents.
void RunComparisons(const Env& env, const Corpus& c, FormatReport* f) {
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

// fuhua's runs and the floor, in rounds (InRounds): the ratios between them
// are the figures that matter.
void RunFuhua(const Env& env, const Corpus& c, FormatReport* f) {
  const Options& o = env.o;
  int one = env.extract_jobs ? 1 : 0;
  std::fprintf(stderr, "fuhua_bench: %s: running fuhua...\n", c.format.c_str());
  RunExtract(env, c, one, 1);  // warm-up: binary, rule files
  std::vector<std::function<Run()>> m = {[&] { return RunExtract(env, c, one, 1); }};
  if (o.extract) m.push_back([&] { return RunExtract(env, c, one, c.names.size()); });
  if (o.extract && env.extract_jobs) m.push_back([&] { return RunExtract(env, c, 2, c.names.size()); });
  if (!env.extract_jobs) f->no_extract_jobs = "extract: no --jobs";
  for (int jobs : {1, 2})
    if (o.ingest) m.push_back([&, jobs] { return RunIngest(env, c, jobs); });
  if (c.format == "docx") m.push_back([&] { return RunFloor(c); });
  const Corpus& v = f->variants;
  if (!v.names.empty()) {
    if (o.ingest) m.push_back([&] { return Varied(RunIngest(env, v, 1)); });
    m.push_back([&] { return Varied(RunFloor(v)); });
  }
  for (Run& r : InRounds(o.repeat, m)) f->runs.push_back(std::move(r));
}

Status BenchFormat(const Env& env, const std::string& format, FormatReport* f) {
  Status st = PrepareCorpus(env, format, env.o.docs, &f->corpus);
  if (st.ok() && format == "docx") st = PrepareVariants(env, env.o.docs, &f->variants);
  if (!st.ok()) return st;
  RunFuhua(env, f->corpus, f);
  if (format == "docx") RunComparisons(env, f->corpus, f);
  RemoveCorpus(env, f->corpus);
  RemoveCorpus(env, f->variants);
  return Status::Ok();
}

std::string FuhuaVersion(const Env& env) {
  ChildResult r;
  return RunChild({env.o.fuhua, "--version"}, "", env.scratch, &r).ok() ? FirstLine(r.out) : "?";
}

void PrintEnvHeader(const Env& env) { PrintHeader(env.o.fuhua, FuhuaVersion(env), env.o.repeat); }

int FormatFailed(const std::string& format, const Status& st) {
  std::fprintf(stderr, "fuhua_bench: %s: %s\n", format.c_str(), st.ToString().c_str());
  return 1;
}

// --json: the figures of every format, with the binary and the machine.
int WriteBenchmarkJson(const Env& env, const Poco::JSON::Array::Ptr& formats) {
  Poco::JSON::Object::Ptr doc = new Poco::JSON::Object;
  doc->set("fuhua", env.o.fuhua), doc->set("version", FuhuaVersion(env));
  doc->set("threads", std::thread::hardware_concurrency()), doc->set("repeat", env.o.repeat);
  doc->set("formats", formats);
  Status st = WriteJson(env.o.json, doc);
  if (!st.ok()) std::fprintf(stderr, "fuhua_bench: %s\n", st.ToString().c_str());
  return st.ok() ? 0 : 1;
}

int Benchmark(const Env& env) {
  PrintEnvHeader(env);
  Poco::JSON::Array::Ptr formats = new Poco::JSON::Array;
  for (const std::string& format : env.o.formats) {
    FormatReport f;
    Status st = BenchFormat(env, format, &f);
    if (!st.ok()) return FormatFailed(format, st);
    PrintFormat(f);
    std::fflush(stdout);
    formats->add(FormatJson(f));
  }
  return env.o.json.empty() ? 0 : WriteBenchmarkJson(env, formats);
}

// --- Memory scaling ----------------------------------------------------------

// One row of the scaling table: extract and ingest --jobs 2 on n copies.
Status ScaleOne(const Env& env, size_t n, const std::string& format, Poco::JSON::Array* rows) {
  Corpus c;
  Status st = PrepareCorpus(env, format, n, &c);
  if (!st.ok()) return st;
  Run x = env.o.extract ? RunExtract(env, c, env.extract_jobs ? 1 : 0, n)
                        : Run{"extract", false, "not selected"};
  Run i = env.o.ingest ? RunIngest(env, c, 2) : Run{"ingest", false, "not selected"};
  PrintScalingRow(c, x, i);
  rows->add(ScalingJson(c, x, i));
  RemoveCorpus(env, c);
  return Status::Ok();
}

int Scaling(const Env& env) {
  PrintEnvHeader(env);
  PrintScalingHeader();
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (size_t n : env.o.scaling) {
    for (const std::string& format : env.o.formats) {
      Status st = ScaleOne(env, n, format, rows);
      if (!st.ok()) return FormatFailed(format, st);
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
    "  --repeat R        rounds: each runs every measurement once (pandoc and python-docx\n"
    "                    aside), the median is reported (default 1)\n"
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

// --commands extract,ingest: which fuhua commands are measured.
bool ParseCommands(const std::string& v, Options* o) {
  std::vector<std::string> cmds;
  if (!ParseList(v, &cmds)) return false;
  o->extract = std::find(cmds.begin(), cmds.end(), "extract") != cmds.end();
  o->ingest = std::find(cmds.begin(), cmds.end(), "ingest") != cmds.end();
  return (o->extract || o->ingest) &&
         std::all_of(cmds.begin(), cmds.end(),
                     [](const std::string& c) { return c == "extract" || c == "ingest"; });
}

// --formats docx,txt.
bool ParseFormats(const std::string& v, Options* o) {
  return ParseList(v, &o->formats) &&
         std::all_of(o->formats.begin(), o->formats.end(),
                     [](const std::string& f) { return f == "docx" || f == "txt"; });
}

// The options whose value is kept as text (paths), or nullptr.
std::string* TextOption(const std::string& flag, Options* o) {
  return flag == "--fuhua"     ? &o->fuhua
         : flag == "--samples" ? &o->samples
         : flag == "--work"    ? &o->work
         : flag == "--python"  ? &o->python
         : flag == "--json"    ? &o->json
                               : nullptr;
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
  if (flag == "--commands") return ParseCommands(v, o);
  if (flag == "--formats") return ParseFormats(v, o);
  std::string* text = TextOption(flag, o);
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
