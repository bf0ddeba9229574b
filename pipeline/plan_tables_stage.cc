// Stage of issue 7: plan tables. (Not yet implemented: fills nothing.)
#include "pipeline/plan_tables_stage.h"

namespace fuhua {

void ReadPlanTables(const Document&, const Rules&, Notice*) {}

}  // namespace fuhua
