// Stage of issue 7: every table as data. (Not yet implemented: fills nothing.)
#include "pipeline/data_tables_stage.h"

namespace fuhua {

void BuildDataTables(const Document&, const Rules&, Notice*) {}

}  // namespace fuhua
