// A Frictionless tabular data package of an export set
// (https://specs.frictionlessdata.io/tabular-data-package/): one CSV per table
// (exporters/csv_writer.h) and a datapackage.json describing them.
//   for (const auto& [name, bytes] : RenderDataPackage(set, false)) write(dir / name, bytes);
// Each table becomes a resource "<table>.csv" (profile tabular-data-resource,
// format csv, utf-8, its CSV dialect, bytes and sha256 hash) whose Table
// Schema is derived from the table's columns: one field per column (name,
// title, description, type, constraints required / enum / pattern), the
// primary key, and the foreign keys (records -> notices, records -> entities,
// checks and diagnostics -> notices...). No wall-clock time and a fixed key
// order: the same set gives byte-identical files.
#ifndef FUHUA_EXPORTERS_DATAPACKAGE_H_
#define FUHUA_EXPORTERS_DATAPACKAGE_H_

#include <string>
#include <utility>
#include <vector>

#include "exporters/export_tables.h"

namespace fuhua {

// {file name, bytes} of every file of the package: the CSVs in
// ExportSet::Tables() order, then "datapackage.json" last (write it last too,
// so a descriptor never names a file that is not there yet). With excel_bom
// every CSV starts with a UTF-8 byte order mark (still declared "utf-8": the
// mark is UTF-8's own signature, and readers such as frictionless skip it).
std::vector<std::pair<std::string, std::string>> RenderDataPackage(const ExportSet& s,
                                                                   bool excel_bom);

// The descriptor alone, for the CSV bytes given (one per table, in
// ExportSet::Tables() order), which it describes by size and sha256.
std::string RenderDataPackageDescriptor(const ExportSet& s, const std::vector<std::string>& csvs);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_DATAPACKAGE_H_
