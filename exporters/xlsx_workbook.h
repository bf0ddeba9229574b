// The Excel workbook export: one .xlsx (written with libxlsxwriter) holding
// an ExportSet (export_tables.h) for people. Sheets, in order:
//   Records      every grade record; frozen header, autofilter, widths that
//                fit CJK text, grade cells coloured by grade, the grade
//                column with a drop-down list of the grade vocabulary
//   Entities     one row per carrier, its grade per year (coloured), the
//                latest transition
//   Comparison   the transition matrix and counts between the first and the
//                last year, and the grade distribution per year with a
//                clustered column chart (one year: the distribution only)
//   Notices      the notices, then every check with its result (failed
//                checks highlighted)
//   Diagnostics  every warning and error with its location
//   Dictionary   every column of every sheet: type, meaning, allowed values
// Usage:
//   Status st = WriteWorkbook(set, "out/fuhua.xlsx");
// The file is written at `path` directly (to replace a file atomically,
// write to a temporary name in the same directory and rename). Output is
// deterministic: the same ExportSet gives byte-identical files (fixed
// document times; libxlsxwriter stamps every zip entry 1980-01-01).
#ifndef FUHUA_EXPORTERS_XLSX_WORKBOOK_H_
#define FUHUA_EXPORTERS_XLSX_WORKBOOK_H_

#include <cstdint>
#include <string>

#include "exporters/export_tables.h"
#include "pipeline/status.h"

namespace fuhua {

struct WorkbookOptions {
  // The workbook's created/modified time (seconds since the Unix epoch, UTC)
  // in its document properties. A fixed default keeps output reproducible;
  // 0 is not allowed (libxlsxwriter would use the current time).
  int64_t created = 1577836800;  // 2020-01-01T00:00:00Z
};

// Writes the workbook. On failure returns a Status naming `path` and the step
// (a libxlsxwriter error, or a table too large for a sheet: Unsupported); the
// file at `path` may then be missing or partial.
Status WriteWorkbook(const ExportSet& set, const std::string& path,
                     const WorkbookOptions& options = {});

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_XLSX_WORKBOOK_H_
