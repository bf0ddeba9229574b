// The tables-as-data part of the export model (issue 7): fills the tables,
// table_cells, indicator and plan tables of an ExportSet from the content of
// the selected notices. Internal to exporters/; BuildExportSet calls it.
#ifndef FUHUA_EXPORTERS_EXPORT_TABLE_DATA_H_
#define FUHUA_EXPORTERS_EXPORT_TABLE_DATA_H_

#include <cstdint>
#include <set>

#include "exporters/export_tables.h"

namespace fuhua {

void AddTableData(const Dataset& d, const std::set<int64_t>& notices, ExportSet* s);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_EXPORT_TABLE_DATA_H_
