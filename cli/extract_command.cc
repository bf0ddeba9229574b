// fuhua extract: runs the pipeline on each input and writes JSON or JSON Lines
// to stdout, to one file, or one file per input into a directory. With
// --jobs N, N threads extract while the results are written in input order
// (pipeline/ordered_pool.h): the bytes out are those of --jobs 1.
#include <sys/stat.h>

#include <exception>
#include <fstream>
#include <functional>
#include <iostream>

#include "cli/args.h"
#include "cli/bulk_memory.h"
#include "cli/commands.h"
#include "cli/one_shot_export.h"
#include "exporters/notice_json.h"
#include "pipeline/extract.h"
#include "pipeline/ordered_pool.h"
#include "pipeline/schema_files.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua extract FILE... [--format json|jsonl|xlsx|csv|datapackage] [-o PATH]\n"
    "                     [--jobs N] [--schemas DIR] [--quiet] [--include-deletions]\n"
    "                     [--excel-bom]\n"
    "\n"
    "Reads each notice (.docx, or a UTF-8 text dump of one) and extracts its metadata, tables,\n"
    "grade records, checks and diagnostics.\n"
    "\n"
    "  --format json    one JSON document {\"notices\": [...], \"errors\": [...]} (default)\n"
    "  --format jsonl   one notice object per line\n"
    "  --format xlsx|csv|datapackage\n"
    "                   the datasets of `fuhua export` (workbook, CSV, data package) for\n"
    "                   these files alone, without a store (needs -o PATH)\n"
    "  --excel-bom      CSV files start with a UTF-8 BOM (for Excel)\n"
    "  -o PATH          write to PATH instead of stdout; if PATH is a directory (or ends\n"
    "                   with /), write one PATH/<file name>.json[l] per input\n"
    "                   (x.docx -> PATH/x.docx.json)\n"
    "  --jobs N         extract on N threads (default 1); the output is the same, in\n"
    "                   input order\n"
    "  --schemas DIR    read rule files from DIR, falling back to the built-in ones\n"
    "  --quiet          do not print per-file errors on stderr\n"
    "  --include-deletions\n"
    "                   .docx tracked changes: also read deleted text (w:del, w:moveFrom);\n"
    "                   by default only the text as accepted is read\n"
    "\n"
    "Inputs that cannot be read are reported (stderr and the \"errors\" list) and skipped;\n"
    "the exit code is then 1. Schemas of the output: schemas/output/.\n";

bool IsDirectory(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The file name with its extension, so x.txt and x.docx never collide.
std::string FileName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct Options {
  bool jsonl = false;
  bool quiet = false;
  int jobs = 1;
  std::string output;
  ExtractOptions extract;
};

struct Extracted {
  Status status;
  Notice notice;
};

// Run on the extraction threads: an exception must not escape one (it would
// end the process), so it becomes this input's error, like any bad file.
Status ExtractGuarded(const std::string& path, const ExtractOptions& options, Notice* n) {
  try {
    return ExtractFile(path, n, options);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unexpected error while extracting: ") + e.what());
  } catch (...) {
    return Status::Internal("unexpected error while extracting");
  }
}

// Extracts `inputs` on o.jobs threads and hands each notice to `use` in input
// order, as it comes: at most a few per thread are held at once. Failures go
// to `errors` (and stderr unless quiet), also in input order.
void ForEachNotice(const std::vector<std::string>& inputs, const Options& o,
                   std::vector<InputError>* errors,
                   const std::function<void(const std::string& path, Notice&& n)>& use) {
  OrderedPool<Extracted> pool(inputs.size(), o.jobs, [&](size_t i, Extracted* e) {
    e->status = ExtractGuarded(inputs[i], o.extract, &e->notice);
  });
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::optional<Extracted> e = pool.Next();
    if (!e) break;
    const std::string& path = inputs[i];
    if (e->status.ok()) {
      use(path, std::move(e->notice));
      continue;
    }
    errors->push_back({path, e->status.CodeName(), e->status.message()});
    if (!o.quiet) std::cerr << "fuhua: error: " << path << ": " << e->status.message() << "\n";
  }
}

// One output file per input in directory `dir`. Returns false on a write error.
bool ExtractToDirectory(const std::vector<std::string>& inputs, const Options& o,
                        std::vector<InputError>* errors) {
  std::string dir = o.output.back() == '/' ? o.output : o.output + "/";
  if (!IsDirectory(dir) && ::mkdir(dir.c_str(), 0777) != 0) return false;
  bool ok = true;
  ForEachNotice(inputs, o, errors, [&](const std::string& path, Notice&& n) {
    std::ofstream out(dir + FileName(path) + (o.jsonl ? ".jsonl" : ".json"), std::ios::binary);
    NoticeStream stream(&out, o.jsonl);
    stream.Add(n);
    stream.Finish({});
    ok = ok && static_cast<bool>(out);
  });
  return ok;
}

// Everything into one stream (stdout or a file), one notice at a time.
bool ExtractToStream(const std::vector<std::string>& inputs, const Options& o,
                     std::vector<InputError>* errors) {
  std::ofstream file;
  bool to_stdout = o.output.empty() || o.output == "-";
  if (!to_stdout) file.open(o.output, std::ios::binary);
  std::ostream& out = to_stdout ? std::cout : file;
  if (!out) return false;
  NoticeStream stream(&out, o.jsonl);
  ForEachNotice(inputs, o, errors, [&](const std::string&, Notice&& n) { stream.Add(n); });
  stream.Finish(*errors);
  out.flush();
  return static_cast<bool>(out);
}

// All notices into one dataset file or folder (xlsx, csv, datapackage).
int ExtractToDataset(const std::vector<std::string>& inputs, const Options& o,
                     const std::string& format, bool excel_bom) {
  std::vector<InputError> errors;
  std::vector<Notice> notices;  // the exporters take them all at once
  ForEachNotice(inputs, o, &errors,
                [&](const std::string&, Notice&& n) { notices.push_back(std::move(n)); });
  Status st = ExportNotices(notices, format, o.output, excel_bom);
  if (!st.ok()) {
    std::cerr << "fuhua extract: cannot write " << o.output << ": " << st.ToString() << "\n";
    return kExitInputErrors;
  }
  return errors.empty() ? kExitOk : kExitInputErrors;
}

}  // namespace

int RunExtract(int argc, char** argv) {
  ParsedArgs a =
      ParseArgs(argc, argv, 2, {"--format", "-o", "--output", "--schemas", "--jobs", "-j"},
                {"--help", "-h", "--quiet", "-q", "--include-deletions", "--excel-bom"});
  if (a.Has("--help") || a.Has("-h")) {
    std::cout << kHelp;
    return kExitOk;
  }
  std::string format = a.Get("--format", "json");
  if (a.error.empty() && format != "json" && format != "jsonl" && !IsDatasetFormat(format))
    a.error = "--format must be json, jsonl, xlsx, csv or datapackage, not '" + format + "'";
  if (a.error.empty() && IsDatasetFormat(format) && a.Get("-o", a.Get("--output", "")).empty())
    a.error = "--format " + format + " needs -o PATH";
  if (a.error.empty() && a.positional.empty()) a.error = "no input files";
  int jobs = 1;
  if (a.error.empty()) a.error = ParseJobs(a, 1, &jobs);
  if (!a.error.empty()) {
    std::cerr << "fuhua extract: " << a.error << "\n\n" << kHelp;
    return kExitUsage;
  }
  if (!a.Get("--schemas", "").empty()) SetSchemaOverrideDir(a.Get("--schemas", ""));
  KeepFreedMemoryForReuse();
  PreloadPipeline();
  Options o{format == "jsonl", a.Has("--quiet") || a.Has("-q"), jobs,
            a.Get("-o", a.Get("--output", "")), ExtractOptions{a.Has("--include-deletions")}};
  if (IsDatasetFormat(format))
    return ExtractToDataset(a.positional, o, format, a.Has("--excel-bom"));
  bool per_file = !o.output.empty() && (o.output.back() == '/' || IsDirectory(o.output));
  std::vector<InputError> errors;
  bool written = per_file ? ExtractToDirectory(a.positional, o, &errors)
                          : ExtractToStream(a.positional, o, &errors);
  if (!written) {
    std::cerr << "fuhua: error: cannot write output to " << (o.output.empty() ? "stdout" : o.output)
              << "\n";
    return kExitInputErrors;
  }
  return errors.empty() ? kExitOk : kExitInputErrors;
}

}  // namespace fuhua
