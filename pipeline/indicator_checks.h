// Weight checks of an indicator system (issue 7), appended to notice->checks:
//   indicator_w1_sum     the level-1 weights sum to 100
//   indicator_w2_sum     the level-2 weights under each level-1 node sum to 100
//   indicator_w3_sum     the level-3 weights under each level-2 node sum to 100
//   indicator_composite  each leaf's printed composite weight equals
//                        W1·W2·W3/10000 to ±0.005 (3.675 may be printed 3.67)
// Totals and tolerances come from schemas/indicator_rules.json. A failed check
// is also reported as a "check_failed" warning, like the checks stage does.
#ifndef FUHUA_PIPELINE_INDICATOR_CHECKS_H_
#define FUHUA_PIPELINE_INDICATOR_CHECKS_H_

#include "pipeline/indicator_rules.h"
#include "pipeline/notice.h"

namespace fuhua {

void CheckIndicatorSystem(const IndicatorSystem& sys, const IndicatorRules& rules,
                          const TableInfo& info, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_INDICATOR_CHECKS_H_
