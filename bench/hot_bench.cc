// Microbenchmarks of the hot functions of issue 8, with Google Benchmark:
//   docx      ReadDocx of a sample (parsers/docx_reader.h) beside the floor
//             (unzip + pugixml alone, bench/docx_floor.h) on the same bytes
//   grid      docx grid resolution (w:gridSpan / w:vMerge, parsers/docx_tables.cc),
//             table layout (pipeline/table_layout.h) and vertical-merge
//             inference of text dumps (pipeline/merges.h)
//   text      cell-text joining (pipeline/text_util.h JoinCellLines)
//   keys      ICU text keys (pipeline/text_keys.h), organisation name keys
//             (pipeline/org_names.h), district lookup (pipeline/regions.h)
//   link      LinkRecords (pipeline/linker.h) on a few thousand inputs
//   extract   the whole pipeline on one .txt and one .docx sample
// Inputs are the real samples (samples/, the source tree's by default or
// $FUHUA_SAMPLES_DIR): names, districts and cells as they occur there. The
// linking inputs are the records of all samples repeated as further notices
// (the same carriers listed again, as in later years).
//
// Run (built with the project when libbenchmark-dev is installed, not by CTest):
//   cmake --build build -j2 --target fuhua_hot_bench
//   build/bench/fuhua_hot_bench [--benchmark_filter=Docx] [--benchmark_repetitions=5]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <variant>
#include <vector>

#include "bench/docx_floor.h"
#include "parsers/docx_walk.h"
#include "parsers/docx_xml.h"
#include "parsers/docx_zip.h"
#include "parsers/reader.h"
#include "parsers/text_reader.h"
#include "pipeline/extract.h"
#include "pipeline/linker.h"
#include "pipeline/merges.h"
#include "pipeline/org_names.h"
#include "pipeline/regions.h"
#include "pipeline/rules.h"
#include "pipeline/table_layout.h"
#include "pipeline/text_keys.h"
#include "pipeline/text_util.h"

#ifndef FUHUA_SAMPLES_DIR
#define FUHUA_SAMPLES_DIR "samples"
#endif

namespace fuhua::bench {
namespace {

// The sample most benchmarks use: a grade list (57 records, one table per grade).
constexpr char kSample[] = "chongqing_2021_municipal_incubation_base_grades";

std::string SamplesDir() {
  const char* env = std::getenv("FUHUA_SAMPLES_DIR");
  return env && *env ? env : FUHUA_SAMPLES_DIR;
}

// Everything the benchmarks read, loaded once. `error` is set when not.
struct Inputs {
  std::string error;
  std::string txt_bytes, docx_bytes, document_xml;
  Document txt_doc;                                  // kSample.txt, as read (before the stages)
  std::vector<std::vector<std::string>> cell_lines;  // every cell of every sample
  std::vector<std::string> names;                    // carrier and operator names as written
  std::vector<std::pair<std::string, std::string>> places;  // (district, jurisdiction)
  std::vector<LinkInput> link_one_round;                    // the records of every sample, once
  TextPool link_text;  // what link_one_round views
};

Status LoadSample(const std::string& name, std::string* bytes) {
  std::string path = SamplesDir() + "/" + name;
  Status st = LoadFile(path, 256u << 20, bytes);
  return st.ok() ? st : Status::NotFound(path + ": " + st.message());
}

void CollectCells(const Document& doc, Inputs* in) {
  for (const Block& b : doc.blocks) {
    if (const Table* t = std::get_if<Table>(&b))
      for (const Cell& c : t->cells()) in->cell_lines.push_back(SplitLines(c.raw));
  }
}

void CollectNotice(const Notice& n, int64_t id, Inputs* in) {
  std::string jurisdiction = n.meta.jurisdiction ? n.meta.jurisdiction->place.raw : "";
  std::string key = NoticeKey(n.meta, n.sha256);
  for (const GradeRecord& r : n.records) {
    in->names.push_back(r.name_raw);
    if (r.operator_raw) in->names.push_back(*r.operator_raw);
    if (r.region) in->places.emplace_back(r.region->raw, jurisdiction);
    in->link_one_round.push_back(MakeLinkInput(key, r, id, &in->link_text));
  }
}

// Extracts every sample once: the cells, names, places and link inputs.
Status CollectFromSamples(Inputs* in) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(SamplesDir(), ec))
    if (e.path().extension() == ".txt" || e.path().extension() == ".docx")
      paths.push_back(e.path().string());
  if (ec || paths.empty()) return Status::NotFound(SamplesDir() + ": no samples");
  std::sort(paths.begin(), paths.end());
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string bytes;
    Notice notice;
    Document doc;
    Status st = LoadFile(paths[i], 256u << 20, &bytes);
    if (st.ok()) st = ExtractBytes(paths[i], bytes, &notice, &doc);
    if (!st.ok()) return Status::InvalidInput(paths[i] + ": " + st.message());
    CollectCells(doc, in);
    CollectNotice(notice, static_cast<int64_t>(i), in);
  }
  return Status::Ok();
}

Status LoadInputs(Inputs* in) {
  Status st = LoadSample(std::string(kSample) + ".txt", &in->txt_bytes);
  if (st.ok()) st = LoadSample(std::string(kSample) + ".docx", &in->docx_bytes);
  docx::ZipPackage zip;
  if (st.ok()) st = zip.Open(in->docx_bytes, docx::ZipBudget());
  if (st.ok()) st = zip.Read("word/document.xml", &in->document_xml);
  const Rules* rules = st.ok() ? DefaultRules(&st) : nullptr;
  if (rules) {
    TextReaderOptions o;
    o.table_terminators = rules->table_terminators;
    o.total_row_labels = rules->total_row_label_texts;
    st = ReadTextDump(in->txt_bytes, o, &in->txt_doc);
  }
  if (st.ok()) st = CollectFromSamples(in);
  return st;
}

const Inputs& Data() {
  static const Inputs* inputs = [] {
    auto* in = new Inputs;
    Status st = LoadInputs(in);
    if (!st.ok()) in->error = st.ToString();
    return in;
  }();
  return *inputs;
}

// Skips the benchmark (with the reason) when the inputs could not be loaded.
bool Ready(benchmark::State& state) {
  if (Data().error.empty()) return true;
  state.SkipWithError(Data().error.c_str());
  return false;
}

// --- docx ------------------------------------------------------------------

void BM_DocxFloor(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    FloorStats stats;
    Status st = ReadDocxFloor(Data().docx_bytes, &stats);
    if (!st.ok()) return state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(stats);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().docx_bytes.size()));
}
BENCHMARK(BM_DocxFloor);

void BM_DocxReadDocx(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    Document doc;
    Status st = ReadDocx(Data().docx_bytes, DocxOptions(), &doc);
    if (!st.ok()) return state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().docx_bytes.size()));
}
BENCHMARK(BM_DocxReadDocx);

// pugixml alone on the inflated word/document.xml, with fuhua's XmlPart
// adapter (UTF-8 check, depth check, line index) around it.
void BM_DocxXmlPart(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    docx::XmlPart part;
    Status st = part.Parse("word/document.xml", Data().document_xml, 256);
    if (!st.ok()) return state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(part);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().document_xml.size()));
}
BENCHMARK(BM_DocxXmlPart);

// --- Grids -----------------------------------------------------------------

// w:tbl grid resolution (spans, merges, cell text) of every body table.
void BM_GridDocxTables(benchmark::State& state) {
  if (!Ready(state)) return;
  docx::XmlPart part;
  Status st = part.Parse("word/document.xml", Data().document_xml, 256);
  if (!st.ok()) return state.SkipWithError(st.ToString().c_str());
  DocxOptions options;
  docx::WalkContext ctx;
  ctx.options = &options, ctx.part = &part;
  std::vector<pugi::xml_node> tables;
  for (pugi::xml_node n : part.ChildW(part.root(), "body").children())
    if (part.IsW(n, "tbl")) tables.push_back(n);
  for (auto _ : state) {
    for (pugi::xml_node tbl : tables) {
      docx::WorkTable work;
      if (!docx::ReadTable(tbl, &ctx, &work).ok()) return state.SkipWithError("ReadTable failed");
      benchmark::DoNotOptimize(work);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(tables.size()));
}
BENCHMARK(BM_GridDocxTables);

void BM_GridTableLayout(benchmark::State& state) {
  if (!Ready(state)) return;
  Status st;
  const Rules* rules = DefaultRules(&st);
  for (auto _ : state) benchmark::DoNotOptimize(AnalyzeTableLayout(Data().txt_doc, *rules));
}
BENCHMARK(BM_GridTableLayout);

// Vertical-merge inference on every table of the text dump (the copy of
// the tables it modifies is made outside the timing).
void BM_GridTextMerges(benchmark::State& state) {
  if (!Ready(state)) return;
  Status st;
  const Rules* rules = DefaultRules(&st);
  const std::vector<TableInfo> layout = AnalyzeTableLayout(Data().txt_doc, *rules);
  for (auto _ : state) {
    state.PauseTiming();
    Document doc = Data().txt_doc;
    std::vector<TableInfo> infos = layout;
    state.ResumeTiming();
    for (TableInfo& info : infos)
      benchmark::DoNotOptimize(
          InferVerticalMerges(*rules, &std::get<Table>(doc.blocks[info.block]), &info));
  }
}
BENCHMARK(BM_GridTextMerges);

// --- Text and keys -----------------------------------------------------------

void BM_JoinCellLines(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state)
    for (const auto& lines : Data().cell_lines) benchmark::DoNotOptimize(JoinCellLines(lines));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Data().cell_lines.size()));
}
BENCHMARK(BM_JoinCellLines);

void BM_IcuTextKey(benchmark::State& state) {
  if (!Ready(state)) return;
  Status st;
  const TextKeyer* keyer = DefaultTextKeyer(&st);
  if (!keyer) return state.SkipWithError(st.ToString().c_str());
  for (auto _ : state)
    for (const std::string& name : Data().names) benchmark::DoNotOptimize(keyer->Key(name));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Data().names.size()));
}
BENCHMARK(BM_IcuTextKey);

void BM_OrgNameKey(benchmark::State& state) {
  if (!Ready(state)) return;
  Status st;
  const OrgNamer* namer = DefaultOrgNamer(&st);
  if (!namer) return state.SkipWithError(st.ToString().c_str());
  for (auto _ : state)
    for (const std::string& name : Data().names) benchmark::DoNotOptimize(namer->Key(name));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Data().names.size()));
}
BENCHMARK(BM_OrgNameKey);

// A district cell resolved within its notice's jurisdiction, as the
// normaliser does it (the jurisdiction is resolved once per notice).
void BM_DistrictLookup(benchmark::State& state) {
  if (!Ready(state)) return;
  Status st;
  const RegionResolver* resolver = DefaultRegionResolver(&st);
  if (!resolver) return state.SkipWithError(st.ToString().c_str());
  std::vector<int> context;
  for (const auto& [place, jurisdiction] : Data().places)
    context.push_back(jurisdiction.empty() ? -1 : resolver->Resolve(jurisdiction, -1).place);
  for (auto _ : state)
    for (size_t i = 0; i < context.size(); ++i)
      benchmark::DoNotOptimize(resolver->Resolve(Data().places[i].first, context[i]));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(context.size()));
}
BENCHMARK(BM_DistrictLookup);

// --- Linking -----------------------------------------------------------------

// The records of every sample, repeated as further notices up to n inputs.
std::vector<LinkInput> LinkInputs(size_t n) {
  const std::vector<LinkInput>& one = Data().link_one_round;
  static TextPool rounds;  // the later rounds' natural keys, viewed by the inputs
  std::vector<LinkInput> out;
  for (size_t i = 0; !one.empty() && out.size() < n; ++i) {
    LinkInput in = one[i % one.size()];
    int64_t round = static_cast<int64_t>(i / one.size());
    in.notice += 1000 * round;
    in.natural_key = rounds.Keep(std::string(in.natural_key) + "#" + std::to_string(round));
    out.push_back(std::move(in));
  }
  return out;
}

void BM_LinkRecords(benchmark::State& state) {
  if (!Ready(state)) return;
  std::vector<LinkInput> inputs = LinkInputs(static_cast<size_t>(state.range(0)));
  size_t pairs = 0;
  for (auto _ : state) {
    LinkResult r;
    Status st = LinkRecords(inputs, {}, &r);
    if (!st.ok()) return state.SkipWithError(st.ToString().c_str());
    pairs = r.pairs_scored;
  }
  state.counters["pairs_scored"] = static_cast<double>(pairs);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LinkRecords)
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(4000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

// --- Whole extraction ----------------------------------------------------------

void Extract(benchmark::State& state, const std::string& name, const std::string& bytes) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    Notice notice;
    Document doc;
    Status st = ExtractBytes(name, bytes, &notice, &doc);
    if (!st.ok()) return state.SkipWithError(st.ToString().c_str());
    benchmark::DoNotOptimize(notice);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}

void BM_ExtractTxt(benchmark::State& state) { Extract(state, "sample.txt", Data().txt_bytes); }
BENCHMARK(BM_ExtractTxt)->Unit(benchmark::kMicrosecond);

void BM_ExtractDocx(benchmark::State& state) { Extract(state, "sample.docx", Data().docx_bytes); }
BENCHMARK(BM_ExtractDocx)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fuhua::bench

BENCHMARK_MAIN();
