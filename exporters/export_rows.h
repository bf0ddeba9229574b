// Row building shared by the export-table builders (export_tables.cc,
// export_table_data.cc): a row is first a name -> cell map, then laid out in
// the table's column order, so a column the schema has and a builder does
// not fill exports as empty, never misaligned. Internal to exporters/.
#ifndef FUHUA_EXPORTERS_EXPORT_ROWS_H_
#define FUHUA_EXPORTERS_EXPORT_ROWS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exporters/export_tables.h"

namespace fuhua {

using ExportRow = std::map<std::string, ExportCell>;

inline void AddRow(ExportTable* t, const ExportRow& row) {
  std::vector<ExportCell> cells;
  cells.reserve(t->columns.size());
  for (const Column& c : t->columns) {
    auto it = row.find(c.name);
    cells.push_back(it == row.end() ? ExportCell() : it->second);
  }
  t->rows.push_back(std::move(cells));
}

inline ExportCell Opt(const std::optional<std::string>& v) {
  return v && !v->empty() ? ExportCell(*v) : ExportCell();
}
inline ExportCell Opt(const std::optional<int>& v) { return v ? ExportCell(int64_t{*v}) : ExportCell(); }
inline ExportCell Opt(const std::optional<double>& v) { return v ? ExportCell(*v) : ExportCell(); }
inline ExportCell NonEmpty(const std::string& v) { return v.empty() ? ExportCell() : ExportCell(v); }

inline std::string JoinText(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}
// Items joined by `separator`; an empty cell when there are none.
inline ExportCell Joined(const std::vector<std::string>& items, const std::string& separator) {
  return NonEmpty(JoinText(items, separator));
}

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_EXPORT_ROWS_H_
