// Table layout stage: for every table block, finds its caption (annex label,
// title lines, notes such as （按综合得分排序） or 单位：%) in the paragraphs
// above it, its header rows, the role of each column (schemas/header_roles.json),
// and sorts the remaining rows into spacer, total (合计) and body rows.
#ifndef FUHUA_PIPELINE_TABLE_LAYOUT_H_
#define FUHUA_PIPELINE_TABLE_LAYOUT_H_

#include <vector>

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

// One TableInfo per Table block, in document order; kind and carrier type
// are left for the classification stage.
std::vector<TableInfo> AnalyzeTableLayout(const Document& doc, const Rules& rules);

// Recomputes spacer/total/body rows after the table's grid changed.
void ClassifyRows(const Table& table, const Rules& rules, TableInfo* info);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_TABLE_LAYOUT_H_
