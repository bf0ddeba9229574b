// Stage of issue 7: every table as data (see pipeline/data_tables.h). Runs after the grade
// records and before the checks; its checks are appended to notice->checks.
#ifndef FUHUA_PIPELINE_DATA_TABLES_STAGE_H_
#define FUHUA_PIPELINE_DATA_TABLES_STAGE_H_

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

void BuildDataTables(const Document& doc, const Rules& rules, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_DATA_TABLES_STAGE_H_
