// JSON of issue 7's every table as data inside a notice (see notice_json.h). (Not yet
// implemented: writes nothing.)
#include "exporters/notice_json_parts.h"

namespace fuhua {

void WriteDataTables(JsonWriter&, const Notice&) {}

}  // namespace fuhua
