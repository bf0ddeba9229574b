// Writes an ExportSet in one of the published formats, atomically (see
// atomic_file.h): used by `fuhua export` (from the store) and `fuhua extract
// --format` (one-shot, without a store).
//   xlsx         the workbook (exporters/xlsx_workbook.h)
//   json         one document with every table (schemas/output/dataset.schema.json)
//   jsonl        one record per line (schemas/output/dataset_record.schema.json)
//   csv          PATH.csv: the records table; otherwise a folder with one CSV per table
//   datapackage  a folder: datapackage.json (Frictionless) and its CSVs
#ifndef FUHUA_EXPORTERS_EXPORT_FORMATS_H_
#define FUHUA_EXPORTERS_EXPORT_FORMATS_H_

#include <string>

#include "exporters/export_tables.h"
#include "pipeline/status.h"

namespace fuhua {

bool IsExportFormat(const std::string& format);

// `excel_bom`: start CSV files with a UTF-8 byte order mark, for Excel.
Status WriteExport(const ExportSet& set, const std::string& format, const std::string& path, bool excel_bom);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_EXPORT_FORMATS_H_
