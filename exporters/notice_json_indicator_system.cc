// JSON of issue 7's indicator systems inside a notice (see notice_json.h and
// $defs/indicator_system of schemas/output/extract.schema.json):
//   "indicator_systems": [{"table", "weight_unit",
//     "indicators": [{"id", "level", "name", "name_raw", "weight", "composite_weight",
//                     "explanation", "unit", "type", "parent", "rows"}],
//     "rules": [{"kind", "label", "text", "max_points", "row"}]}]
// Numbers keep the digits printed in the table (3.30 stays 3.30).
#include "exporters/notice_json_parts.h"

namespace fuhua {
namespace {

void WriteNumber(JsonWriter& w, const char* key, const std::optional<IndicatorNumber>& v) {
  w.Key(key);
  if (v) w.Decimal(v->value, v->decimals); else w.Null();
}

void WriteIndicator(JsonWriter& w, const Indicator& ind) {
  w.BeginObject();
  w.Field("id", ind.id);
  w.FieldInt("level", ind.level);
  w.Field("name", ind.name);
  w.Field("name_raw", ind.name_raw);
  WriteNumber(w, "weight", ind.weight);
  WriteNumber(w, "composite_weight", ind.composite_weight);
  w.OptField("explanation", ind.explanation);
  w.OptField("unit", ind.unit);
  w.OptField("type", ind.type);
  w.OptField("parent", ind.parent);
  w.Key("rows");
  w.BeginArray();
  for (int r : ind.rows) w.Int(r);
  w.EndArray();
  w.EndObject();
}

void WriteRule(JsonWriter& w, const IndicatorRule& rule) {
  w.BeginObject();
  w.Field("kind", rule.kind);
  w.Field("label", rule.label);
  w.Field("text", rule.text);
  WriteNumber(w, "max_points", rule.max_points);
  w.FieldInt("row", rule.row);
  w.EndObject();
}

void WriteSystem(JsonWriter& w, const IndicatorSystem& sys) {
  w.BeginObject();
  w.FieldInt("table", sys.table);
  w.OptField("weight_unit", sys.weight_unit);
  w.Key("indicators");
  w.BeginArray();
  for (const Indicator& ind : sys.indicators) WriteIndicator(w, ind);
  w.EndArray();
  w.Key("rules");
  w.BeginArray();
  for (const IndicatorRule& rule : sys.rules) WriteRule(w, rule);
  w.EndArray();
  w.EndObject();
}

}  // namespace

void WriteIndicatorSystems(JsonWriter& w, const Notice& n) {
  w.Key("indicator_systems");
  w.BeginArray();
  for (const IndicatorSystem& sys : n.indicator_systems) WriteSystem(w, sys);
  w.EndArray();
}

}  // namespace fuhua
