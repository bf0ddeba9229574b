// Parts of a notice's JSON written outside notice_json.cc (issue 7's tables),
// each in its own file: notice_json_data_tables.cc, notice_json_indicator_system.cc,
// notice_json_plan_tables.cc. Each writes its keys into the open notice object.
#ifndef FUHUA_EXPORTERS_NOTICE_JSON_PARTS_H_
#define FUHUA_EXPORTERS_NOTICE_JSON_PARTS_H_

#include "exporters/json_writer.h"
#include "pipeline/notice.h"

namespace fuhua {

// A Region object ({raw, name, code, kind, parent_code, full_name}) or null.
void WriteRegion(JsonWriter& w, const std::optional<Region>& region);

void WriteDataTables(JsonWriter& w, const Notice& n);
void WriteIndicatorSystems(JsonWriter& w, const Notice& n);
void WritePlans(JsonWriter& w, const Notice& n);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_NOTICE_JSON_PARTS_H_
