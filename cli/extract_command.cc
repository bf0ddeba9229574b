// fuhua extract: runs the pipeline on each input and writes JSON or JSON Lines
// to stdout, to one file, or one file per input into a directory.
#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/one_shot_export.h"
#include "exporters/notice_json.h"
#include "pipeline/extract.h"
#include "pipeline/schema_files.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua extract FILE... [--format json|jsonl|xlsx|csv|datapackage] [-o PATH]\n"
    "                     [--schemas DIR] [--quiet] [--include-deletions] [--excel-bom]\n"
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
  std::string output;
  ExtractOptions extract;
};

// Extracts one input; failures go to `errors` (and stderr unless quiet).
bool ExtractOne(const std::string& path, const Options& o, Notice* n,
                std::vector<InputError>* errors) {
  Status st = ExtractFile(path, n, o.extract);
  if (st.ok()) return true;
  errors->push_back({path, st.CodeName(), st.message()});
  if (!o.quiet) std::cerr << "fuhua: error: " << path << ": " << st.message() << "\n";
  return false;
}

// One output file per input in directory `dir`. Returns false on a write error.
bool ExtractToDirectory(const std::vector<std::string>& inputs, const Options& o,
                        std::vector<InputError>* errors) {
  std::string dir = o.output.back() == '/' ? o.output : o.output + "/";
  if (!IsDirectory(dir) && ::mkdir(dir.c_str(), 0777) != 0) return false;
  bool ok = true;
  for (const std::string& path : inputs) {
    Notice n;
    if (!ExtractOne(path, o, &n, errors)) continue;
    std::ofstream out(dir + FileName(path) + (o.jsonl ? ".jsonl" : ".json"), std::ios::binary);
    NoticeStream stream(&out, o.jsonl);
    stream.Add(n);
    stream.Finish({});
    ok = ok && static_cast<bool>(out);
  }
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
  for (const std::string& path : inputs) {
    Notice n;
    if (ExtractOne(path, o, &n, errors)) stream.Add(n);
  }
  stream.Finish(*errors);
  out.flush();
  return static_cast<bool>(out);
}

// All notices into one dataset file or folder (xlsx, csv, datapackage).
int ExtractToDataset(const std::vector<std::string>& inputs, const Options& o, const std::string& format,
                     bool excel_bom) {
  std::vector<InputError> errors;
  std::vector<Notice> notices;
  for (const std::string& path : inputs) {
    Notice n;
    if (ExtractOne(path, o, &n, &errors)) notices.push_back(std::move(n));
  }
  Status st = ExportNotices(notices, format, o.output, excel_bom);
  if (!st.ok()) {
    std::cerr << "fuhua extract: cannot write " << o.output << ": " << st.ToString() << "\n";
    return kExitInputErrors;
  }
  return errors.empty() ? kExitOk : kExitInputErrors;
}

}  // namespace

int RunExtract(int argc, char** argv) {
  ParsedArgs a = ParseArgs(argc, argv, 2, {"--format", "-o", "--output", "--schemas"},
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
  if (!a.error.empty()) {
    std::cerr << "fuhua extract: " << a.error << "\n\n" << kHelp;
    return kExitUsage;
  }
  if (!a.Get("--schemas", "").empty()) SetSchemaOverrideDir(a.Get("--schemas", ""));
  Options o{format == "jsonl", a.Has("--quiet") || a.Has("-q"), a.Get("-o", a.Get("--output", "")),
            ExtractOptions{a.Has("--include-deletions")}};
  if (IsDatasetFormat(format)) return ExtractToDataset(a.positional, o, format, a.Has("--excel-bom"));
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
