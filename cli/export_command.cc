// fuhua export: the store's datasets as an Excel workbook, JSON, JSON Lines,
// CSV or a Frictionless data package, optionally filtered.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/store_option.h"
#include "exporters/export_formats.h"
#include "store/dataset.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua export --format xlsx|json|jsonl|csv|datapackage -o PATH [--db PATH|URL]\n"
    "                    [--year YEAR] [--jurisdiction TEXT] [--carrier-type TYPE] [--grade GRADE]\n"
    "                    [--excel-bom]\n"
    "\n"
    "Exports the store (run `fuhua ingest` first):\n"
    "  xlsx         one workbook: Records, Entities, Comparison (matrix and chart), Notices\n"
    "               (with every check), Diagnostics, Dictionary\n"
    "  json         one document with every table    jsonl  one record per line\n"
    "  csv          -o x.csv: the records; -o DIR: one CSV per table\n"
    "  datapackage  -o DIR: datapackage.json (Frictionless Table Schemas) and its CSVs\n"
    "Filters keep the matching records and the notices, carriers, checks and diagnostics\n"
    "they belong to. --excel-bom starts CSV files with a UTF-8 BOM (for Excel). Output is\n"
    "deterministic and written atomically (a temporary name, then a rename).\n";

ExportFilter Filter(const ParsedArgs& a) {
  ExportFilter f;
  std::string year = a.Get("--year", "");
  if (!year.empty()) f.year = std::atoi(year.c_str());
  f.jurisdiction = a.Get("--jurisdiction", "");
  f.carrier_type = a.Get("--carrier-type", "");
  f.grade = a.Get("--grade", "");
  return f;
}

}  // namespace

int RunExport(int argc, char** argv) {
  ParsedArgs a = ParseArgs(argc, argv, 2,
                           {"--format", "-o", "--db", "--year", "--jurisdiction", "--carrier-type", "--grade"},
                           {"--help", "--excel-bom"});
  if (a.Has("--help")) return std::cout << kHelp, kExitOk;
  std::string format = a.Get("--format", ""), path = a.Get("-o", "");
  if (!a.error.empty() || !a.positional.empty() || !IsExportFormat(format) || path.empty()) {
    std::cerr << "fuhua export: " << (a.error.empty() ? "--format and -o are required" : a.error) << "\n\n"
              << kHelp;
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (!OpenStoreOption("export", a, &store)) return kExitUsage;
  Dataset d;
  ExportSet set;
  Status st = LoadDataset(store.get(), &d);
  if (st.ok()) st = BuildExportSet(d, Filter(a), &set);
  if (st.ok()) st = WriteExport(set, format, path, a.Has("--excel-bom"));
  if (!st.ok()) return std::cerr << "fuhua export: " << st.ToString() << "\n", kExitInputErrors;
  std::cerr << "fuhua export: wrote " << path << " (" << set.records.rows.size() << " records, "
            << set.entities.rows.size() << " carriers, " << set.notices.rows.size() << " notices)\n";
  return kExitOk;
}

}  // namespace fuhua
