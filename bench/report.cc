// The end-to-end benchmark's report (see report.h): the per-format table,
// the summary lines (2 workers vs 1, where ingest's time goes, fuhua against
// the floor and the other readers) and the JSON of the same figures. Ratios
// are printed by wall and by CPU time because the machines are shared and
// noisy; CPU time is the steadier of the two.
#include "bench/report.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <thread>

#include "bench/child_run.h"
#include "bench/variants.h"

namespace fuhua::bench {
namespace {

// The 1, 5 and 15 minute load averages: other work on a shared machine.
std::string LoadAverage() {
  std::string s = ReadAll("/proc/loadavg");
  size_t third = s.find(' ', s.find(' ', s.find(' ') + 1) + 1);
  return third == std::string::npos ? "?" : s.substr(0, third);
}

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

// Where ingest's time goes: its own parse+store timing, the relink, the rest.
void PrintIngestSplit(const Run* i) {
  if (!i || i->own_s < 0) return;
  std::printf("  %s: parse+store %.2f s (%.3f ms/doc), relink %.2f s, rest %.2f s\n",
              i->name.c_str(), i->own_s, 1000 * i->own_s / static_cast<double>(i->docs),
              std::max(0.0, i->link_s), i->wall_s - i->own_s - std::max(0.0, i->link_s));
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
  PrintIngestSplit(i1);
  PrintIngestSplit(i2);
}

// ingest --jobs 1's CPU (user+sys) per document, and against the floor's:
// the target is stated on one core (about 2 ms/doc, within 2.5x the floor).
void PrintIngestCpu(const Run* i1, const Run* floor) {
  if (!i1) return;
  std::printf("  ingest --jobs 1 on one core: cpu (user+sys) %.3f ms/doc (target ~2 ms/doc)",
              i1->cpu_ms());
  if (floor)
    std::printf(", %s the floor's %.3f ms/doc cpu (target <= 2.5x)",
                Ratio(i1->cpu_ms(), floor->cpu_ms()).c_str(), floor->cpu_ms());
  std::printf("\n");
}

// The same on the variants: notices that differ in length, as a real
// corpus's do, against their own floor.
void PrintVariants(const FormatReport& f) {
  const Run *i1 = Find(f, "variants: ingest --jobs 1"), *floor = Find(f, "variants: floor");
  if (!i1 || !floor) return;
  std::printf("  variants (tables cut by 0-%zu rows): ingest --jobs 1 cpu %.3f ms/doc, %s their "
              "floor's %.3f ms/doc\n",
              kVariantCuts - 1, i1->cpu_ms(), Ratio(i1->cpu_ms(), floor->cpu_ms()).c_str(),
              floor->cpu_ms());
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
  PrintIngestCpu(i1, floor);
  PrintVariants(f);
  if (pandoc) std::printf("  fuhua extract faster than pandoc by %s\n", Ratios(pandoc, x1).c_str());
  if (py && x1 && py->own_s > 0)
    std::printf("  fuhua extract faster than python-docx by %s (%s on python's reading loop)\n",
                Ratios(py, x1).c_str(),
                Ratio(1000 * py->own_s / static_cast<double>(py->docs), x1->ms()).c_str());
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
  put("variants_ingest_j1_over_floor", Find(f, "variants: ingest --jobs 1"),
      Find(f, "variants: floor"), true);
  put("pandoc_over_extract", Find(f, "pandoc"), x1, true);
  put("python_docx_over_extract", Find(f, "python-docx"), x1, true);
  return o;
}

// A scaling-table cell: ms/doc, wall seconds and peak RSS of one run.
std::string ScalingCell(const Run& r) {
  if (!r.ran) return std::string("not run: ") + r.note;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%8.3f %8.1f %9.1f", r.ms(), r.wall_s,
                static_cast<double>(r.rss_kb) / 1024.0);
  return std::string(buf) + (r.note.empty() ? "" : " (" + r.note + ")");
}

}  // namespace

double Mb(size_t bytes) { return static_cast<double>(bytes) / 1e6; }

void PrintHeader(const std::string& fuhua, const std::string& version, int repeat) {
  std::printf(
      "fuhua_bench: %s (%s), %u hardware threads, load average %s; warm page cache (corpus "
      "written just before); median of %d round(s) by wall time (each round runs every "
      "measurement once, so ratios compare runs of the same minutes); MB = 10^6 bytes; RSS = peak "
      "resident set of the process (wait4); cpu = user+sys of the process\n",
      fuhua.c_str(), version.c_str(), std::thread::hardware_concurrency(), LoadAverage().c_str(),
      repeat);
  std::fflush(stdout);
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

void PrintScalingHeader() {
  std::printf(
      "memory scaling: extract (1 worker) and ingest --jobs 2 into a fresh SQLite file\n\n"
      "%8s %-5s %8s | %8s %8s %9s | %8s %8s %9s %7s\n",
      "docs", "fmt", "MB", "x_ms/doc", "x_wall_s", "x_RSS_MiB", "i_ms/doc", "i_wall_s", "i_RSS_MiB",
      "link_s");
}

void PrintScalingRow(const Corpus& c, const Run& x, const Run& i) {
  std::printf("%8zu %-5s %8.1f | %s | %s", c.names.size(), c.format.c_str(), Mb(c.bytes),
              ScalingCell(x).c_str(), ScalingCell(i).c_str());
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

Status WriteJson(const std::string& path, const Poco::JSON::Object::Ptr& doc) {
  std::ostringstream s;
  doc->stringify(s, 2);
  if (path == "-") return std::cout << s.str() << "\n" ? Status::Ok() : Status::IoError("stdout");
  Status st = WriteFile(path, s.str() + "\n");
  return st.ok() ? st : Status::IoError(path + ": cannot write the JSON report");
}

}  // namespace fuhua::bench
