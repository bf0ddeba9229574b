// Vertical-merge inference for tables read from text dumps, where a cell
// merged over several rows appears once, with empty cells under it. An empty
// cell under a value becomes part of that value's cell (row span + 1) when
//   - the row's empty cells up to it form a leading prefix of the row
//     (grouped rows: 一级指标 over its 二级指标; continuation rows holding one
//     milestone each), or
//   - its column has a mergeable role (schemas/header_roles.json), e.g. a
//     district or grade column written once for a block of rows.
// Header, spacer and total rows never take part. Spans made here are marked
// span_inferred. Formats that state their merges (docx) skip this stage.
#ifndef FUHUA_PIPELINE_MERGES_H_
#define FUHUA_PIPELINE_MERGES_H_

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

// Returns the number of cells absorbed. Updates `info` row classes.
int InferVerticalMerges(const Rules& rules, Table* table, TableInfo* info);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_MERGES_H_
