// Checks stage: reconciles what was extracted with what the notice states.
//   stated_count    counts in the prose ("3家科技企业孵化器评价结果为优秀",
//                   "27家被取消众创空间资格", "30家众创空间（含试点培育）"),
//                   patterns in schemas/count_statements.json
//   stated_example  the carrier named in "X等11家基地为优秀等级" has that grade
//   seq_continuity  序号 of each grade list runs 1..n without gaps
//   total_row       every 合计 value equals the sum of its column above
// A failed check is also reported as a "check_failed" warning; never an abort.
#ifndef FUHUA_PIPELINE_CHECKS_H_
#define FUHUA_PIPELINE_CHECKS_H_

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

void RunChecks(const Document& doc, const Rules& rules, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_CHECKS_H_
