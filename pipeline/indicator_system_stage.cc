// Stage of issue 7: indicator systems. (Not yet implemented: fills nothing.)
#include "pipeline/indicator_system_stage.h"

namespace fuhua {

void ReadIndicatorSystems(const Document&, const Rules&, Notice*) {}

}  // namespace fuhua
