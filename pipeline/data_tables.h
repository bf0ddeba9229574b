// Every table of a notice as plain data (issue 7): caption, flattened column
// names, rows with vertically merged values filled down (and flagged as
// derived), horizontally merged labels (合计, 合计面积) in their columns, and
// notes rows (加分项, 否决指标, 注：…) kept apart from data rows.
#ifndef FUHUA_PIPELINE_DATA_TABLES_H_
#define FUHUA_PIPELINE_DATA_TABLES_H_

#include <string>
#include <vector>

namespace fuhua {

struct DataCell {
  std::string text;
  bool derived = false;  // filled down from a merged cell above, not written in this row

  bool operator==(const DataCell&) const = default;
};

struct DataRow {
  int row = 0;        // grid row
  std::string kind;   // data | total | note
  std::vector<DataCell> cells;  // one per column

  bool operator==(const DataRow&) const = default;
};

struct DataTable {
  int table = 0;                     // index into Notice::tables
  std::string kind;                  // grade_list | indicator_system | carrier_list |
                                     // property_list | target_table | other
  std::vector<std::string> columns;  // flattened header: 权重W1, 面积（万m²）…
  std::vector<DataRow> rows;

  bool operator==(const DataTable&) const = default;
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_DATA_TABLES_H_
