// JSON renderings of an export set (exporters/export_tables.h):
//   RenderDatasetJson  one document, schemas/output/dataset.schema.json:
//     {"fuhua_version": "0.1.0", "years": [2021, 2022],
//      "grades": ["优秀", "良好", "合格", "不合格"],
//      "tables": {"notices": [{"notice_id": 1, ...}, ...], "records": [...],
//                 "entities": [...], "checks": [...], "diagnostics": [...],
//                 "transitions": [...]}}
//   RenderRecordsJsonl one record object per line, schemas/output/dataset_record.schema.json.
// A row is an object with one key per column, in column order, and a typed
// value: string, integer (integer and year columns), number, boolean, or null
// for an empty cell. Dates are "YYYY-MM-DD" strings. Numbers are printed as
// in CSV (exporters/csv_writer.h CellText); a NaN or infinity becomes null.
// Pure functions: the same set gives the same bytes.
#ifndef FUHUA_EXPORTERS_TABLE_JSON_H_
#define FUHUA_EXPORTERS_TABLE_JSON_H_

#include <string>

#include "exporters/export_tables.h"

namespace fuhua {

// The whole document, tables in ExportSet::Tables() order, one row per line;
// ends with a newline.
std::string RenderDatasetJson(const ExportSet& s);

// The records table as JSON Lines: one compact object per line, each line
// ending in "\n"; "" when there are no records.
std::string RenderRecordsJsonl(const ExportSet& s);

// Row `row` of `t` as one compact JSON object (no newline).
std::string RenderRowJson(const ExportTable& t, size_t row);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_TABLE_JSON_H_
