// Grade-list stage: decides which tables are grade lists (a name column and a
// grade column whose cells mostly read as grades or statuses), names each
// table's carrier type (caption, then name header, then notice title), and
// turns every body row of a grade list into a GradeRecord.
#ifndef FUHUA_PIPELINE_GRADE_RECORDS_H_
#define FUHUA_PIPELINE_GRADE_RECORDS_H_

#include <vector>

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

// Sets kind and carrier_type of every table in notice->tables.
void ClassifyTables(const Document& doc, const Rules& rules, Notice* notice);

// Appends the records of every grade-list table; unreadable grade cells and
// nameless rows become diagnostics with their location.
void ExtractGradeRecords(const Document& doc, const Rules& rules, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_GRADE_RECORDS_H_
