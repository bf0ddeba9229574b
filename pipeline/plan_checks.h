// Checks of the plan tables, appended to Notice::checks (a failed one is also
// a "check_failed" warning):
//   plan_area_total    合计面积 of a carrier or property list equals the sum of
//                      the areas read above it (seed 004: 14.72 and 33.8)
//   plan_target_total  合计 of a target table equals the sums of the areas,
//                      enterprises and tech enterprises (seed 002: 7.5, 1200, 600)
// Sums use the parsed numbers of the plan records, not the grid, so they check
// what the stage extracted. Equal within half a unit of the stated decimals.
#ifndef FUHUA_PIPELINE_PLAN_CHECKS_H_
#define FUHUA_PIPELINE_PLAN_CHECKS_H_

#include <string>

#include "pipeline/plan_cells.h"

namespace fuhua {

// `kind` is the table's plan kind (carriers | properties | targets).
void CheckPlanTotals(const PlanTableView& v, const std::string& kind, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_CHECKS_H_
