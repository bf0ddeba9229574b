// JSON of issue 7's plan tables inside a notice (see notice_json.h). (Not yet
// implemented: writes nothing.)
#include "exporters/notice_json_parts.h"

namespace fuhua {

void WritePlans(JsonWriter&, const Notice&) {}

}  // namespace fuhua
