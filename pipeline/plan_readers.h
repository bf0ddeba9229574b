// Readers of the three plan-table kinds (schemas/plan_tables.json table_kinds).
// Each appends what one table holds to PlanTables; body rows only (合计 rows
// are checked by plan_checks.h, never read as data). Internal to the stage.
#ifndef FUHUA_PIPELINE_PLAN_READERS_H_
#define FUHUA_PIPELINE_PLAN_READERS_H_

#include "pipeline/plan_cells.h"

namespace fuhua {

// One PlanCarrier per body row with a name.
void ReadCarriers(const PlanTableView& v, PlanTables* out);
// One PlanProperty per row with a name; each row (the first and every
// continuation row with blank leading cells) adds a milestone.
void ReadProperties(const PlanTableView& v, PlanTables* out);
// One PlanTarget per body row with an area name.
void ReadTargets(const PlanTableView& v, PlanTables* out);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_READERS_H_
