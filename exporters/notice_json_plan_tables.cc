// JSON of issue 7's plan tables inside a notice (see notice_json.h): the key
// "plans" with carriers, properties (with milestones) and targets, shaped as
// $defs/plans of schemas/output/extract.schema.json. Numbers are JSON numbers
// (null when the cell is not a plain number) with the cell text beside them.
#include "exporters/notice_json_parts.h"

namespace fuhua {
namespace {

void WriteNumber(JsonWriter& w, const std::string& key, const PlanNumber& n) {
  w.Key(key);
  n.value ? w.Double(*n.value) : w.Null();
  w.Field(key + "_raw", n.raw);
}

template <typename T>
void WriteKey(JsonWriter& w, const T& k) {
  w.Field("name_key", k.name_key);
  w.Key("name_attrs");
  w.BeginObject();
  w.OptField("place", k.name_place);
  w.OptField("qualifier", k.name_qualifier);
  w.OptField("legal_form", k.name_legal_form);
  w.EndObject();
}

void WriteWhere(JsonWriter& w, const Notice& n, int line, int table, int row) {
  w.Key("where");
  w.BeginObject();
  w.Field("source", n.source);
  if (line > 0) w.FieldInt("line", line);
  w.FieldInt("table", table);
  w.FieldInt("row", row);
  w.EndObject();
}

void WriteStrings(JsonWriter& w, const char* key, const std::vector<std::string>& v) {
  w.Key(key);
  w.BeginArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
}

void WriteLicences(JsonWriter& w, const char* key, const std::vector<PlanLicence>& v) {
  w.Key(key);
  w.BeginArray();
  for (const PlanLicence& l : v) {
    w.BeginObject();
    w.Field("text", l.text);
    w.OptField("level", l.level);
    w.OptField("carrier_type", l.carrier_type);
    w.EndObject();
  }
  w.EndArray();
}

// Fields every carrier and property has, opened inside its object.
void WriteSite(JsonWriter& w, const PlanSite& s) {
  w.FieldInt("table", s.table);
  w.FieldInt("row", s.row);
  w.Key("seq");
  w.OptInt(s.seq);
  w.Field("seq_raw", s.seq_raw);
  w.Field("name", s.name);
  w.Field("name_raw", s.name_raw);
  WriteKey(w, s);
  WriteNumber(w, "area", s.area);
  w.OptField("lead_department", s.lead_department);
  WriteStrings(w, "guide_departments", s.guide_departments);
  w.OptField("positioning", s.positioning);
}

void WriteCarrier(JsonWriter& w, const Notice& n, const PlanCarrier& c) {
  w.BeginObject();
  WriteSite(w, c.site);
  w.OptField("operator", c.operator_name);
  WriteLicences(w, "licences_held", c.licences_held);
  w.OptField("task", c.task);
  WriteWhere(w, n, c.site.line, c.site.table, c.site.row);
  w.EndObject();
}

void WriteProperty(JsonWriter& w, const Notice& n, const PlanProperty& p) {
  w.BeginObject();
  WriteSite(w, p.site);
  w.OptField("owner", p.owner);
  WriteLicences(w, "licences_sought", p.licences_sought);
  w.Key("milestones");
  w.BeginArray();
  for (const PlanMilestone& m : p.milestones) {
    w.BeginObject();
    w.Field("task", m.task);
    w.Key("year");
    w.OptInt(m.year);
    w.Field("year_raw", m.year_raw);
    w.FieldInt("row", m.row);
    w.EndObject();
  }
  w.EndArray();
  WriteWhere(w, n, p.site.line, p.site.table, p.site.row);
  w.EndObject();
}

void WriteTarget(JsonWriter& w, const Notice& n, const PlanTarget& t) {
  w.BeginObject();
  w.FieldInt("table", t.table);
  w.FieldInt("row", t.row);
  w.Key("seq");
  w.OptInt(t.seq);
  w.Field("seq_raw", t.seq_raw);
  w.Field("area_name", t.area_name);
  w.Key("area_region");
  WriteRegion(w, t.area_region);
  WriteNumber(w, "area", t.area);
  WriteNumber(w, "companies", t.companies);
  WriteNumber(w, "tech_companies", t.tech_companies);
  w.Key("main_carriers");
  w.BeginArray();
  for (const PlanCarrierName& c : t.main_carriers) {
    w.BeginObject();
    w.Field("name", c.name);
    WriteKey(w, c);
    w.EndObject();
  }
  w.EndArray();
  w.Field("main_carriers_raw", t.main_carriers_raw);
  w.OptField("remark", t.remark);
  WriteWhere(w, n, t.line, t.table, t.row);
  w.EndObject();
}

}  // namespace

void WritePlans(JsonWriter& w, const Notice& n) {
  const PlanTables& p = n.plans;
  w.Key("plans");
  w.BeginObject();
  w.Key("carriers");
  w.BeginArray();
  for (const PlanCarrier& c : p.carriers) WriteCarrier(w, n, c);
  w.EndArray();
  w.Key("properties");
  w.BeginArray();
  for (const PlanProperty& q : p.properties) WriteProperty(w, n, q);
  w.EndArray();
  w.Key("targets");
  w.BeginArray();
  for (const PlanTarget& t : p.targets) WriteTarget(w, n, t);
  w.EndArray();
  w.EndObject();
}

}  // namespace fuhua
