// Dispatches an ExportSet to its renderer and writes the result atomically.
#include "exporters/export_formats.h"

#include "exporters/atomic_file.h"
#include "exporters/csv_writer.h"
#include "exporters/datapackage.h"
#include "exporters/table_json.h"
#include "exporters/xlsx_workbook.h"

namespace fuhua {
namespace {

Status WriteCsv(const ExportSet& set, const std::string& path, bool excel_bom) {
  if (path.ends_with(".csv")) return WriteFileAtomically(path, RenderCsv(set.records, excel_bom));
  std::vector<std::pair<std::string, std::string>> files;
  for (const ExportTable* t : set.Tables()) files.emplace_back(t->name + ".csv", RenderCsv(*t, excel_bom));
  return WriteFolderAtomically(path, files);
}

}  // namespace

bool IsExportFormat(const std::string& f) {
  return f == "xlsx" || f == "json" || f == "jsonl" || f == "csv" || f == "datapackage";
}

Status WriteExport(const ExportSet& set, const std::string& format, const std::string& path, bool excel_bom) {
  if (format == "xlsx")
    return WriteViaTempFile(path, [&](const std::string& temp) { return WriteWorkbook(set, temp); });
  if (format == "json") return WriteFileAtomically(path, RenderDatasetJson(set));
  if (format == "jsonl") return WriteFileAtomically(path, RenderRecordsJsonl(set));
  if (format == "csv") return WriteCsv(set, path, excel_bom);
  if (format == "datapackage") return WriteFolderAtomically(path, RenderDataPackage(set, excel_bom));
  return Status::InvalidInput("unknown export format " + format);
}

}  // namespace fuhua
