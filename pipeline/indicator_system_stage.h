// Stage of issue 7: indicator systems (see pipeline/indicator_system.h). Runs after the grade
// records and before the checks; its checks are appended to notice->checks.
#ifndef FUHUA_PIPELINE_INDICATOR_SYSTEM_STAGE_H_
#define FUHUA_PIPELINE_INDICATOR_SYSTEM_STAGE_H_

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

void ReadIndicatorSystems(const Document& doc, const Rules& rules, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_INDICATOR_SYSTEM_STAGE_H_
