// Writes a Comparison as one JSON document.
#include "exporters/comparison_json.h"

#include "exporters/json_writer.h"

namespace fuhua {
namespace {

void WriteSide(JsonWriter& w, const char* key, const std::optional<YearGrade>& y) {
  w.Key(key);
  if (!y) return w.Null();
  w.BeginObject();
  w.FieldInt("year", y->year);
  w.Field("name", y->name);
  w.OptField("grade", y->grade.empty() ? std::nullopt : std::optional<std::string>(y->grade));
  w.Field("status", y->status);
  w.Field("source", y->source);
  w.EndObject();
}

void WriteEntity(JsonWriter& w, const EntityComparison& e) {
  w.BeginObject();
  w.Field("entity", e.entity);
  w.Field("name", e.name);
  w.Key("grades");
  w.BeginObject();
  for (const auto& [year, grade] : e.grades) {
    w.Key(std::to_string(year));
    grade.empty() ? w.Null() : w.String(grade);
  }
  w.EndObject();
  WriteSide(w, "from", e.from);
  WriteSide(w, "to", e.to);
  w.Field("transition", e.transition);
  w.Key("renamed");
  w.Bool(e.renamed);
  w.EndObject();
}

}  // namespace

std::string RenderComparisonJson(const Comparison& c) {
  std::string out;
  JsonWriter w(&out, true);
  w.BeginObject();
  w.FieldInt("from_year", c.from_year);
  w.FieldInt("to_year", c.to_year);
  w.Key("counts");
  w.BeginObject();
  for (const char* t : {"new", "upgraded", "downgraded", "unchanged", "revoked", "dropped", "ungraded"}) {
    auto it = c.counts.find(t);
    w.FieldInt(t, it == c.counts.end() ? 0 : it->second);
  }
  w.EndObject();
  w.FieldInt("renamed", c.renamed);
  w.Key("matrix");
  w.BeginObject();
  for (const auto& [from, row] : c.matrix) {
    w.Key(from);
    w.BeginObject();
    for (const auto& [to, n] : row) w.FieldInt(to, n);
    w.EndObject();
  }
  w.EndObject();
  w.Key("entities");
  w.BeginArray();
  for (const EntityComparison& e : c.entities) WriteEntity(w, e);
  w.EndArray();
  w.EndObject();
  out += "\n";
  return out;
}

}  // namespace fuhua
