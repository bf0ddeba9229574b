// JSON of issue 7's indicator systems inside a notice (see notice_json.h). (Not yet
// implemented: writes nothing.)
#include "exporters/notice_json_parts.h"

namespace fuhua {

void WriteIndicatorSystems(JsonWriter&, const Notice&) {}

}  // namespace fuhua
