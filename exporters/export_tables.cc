// Builds the export tables (export_tables.h) from a Dataset. Column
// definitions come from schemas/export_columns.json; each row is first built
// as name -> cell and then laid out in the schema's column order, so a column
// added to the schema without a value here exports as empty, never misaligned.
#include "exporters/export_tables.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>
#include <set>

#include "exporters/export_rows.h"
#include "exporters/export_table_data.h"
#include "pipeline/load_once.h"
#include "pipeline/rules.h"
#include "pipeline/schema_files.h"

namespace fuhua {
namespace {

using Row = ExportRow;

// Every table of an ExportSet in output order; Set is ExportSet or const ExportSet.
template <typename Set>
auto AllTables(Set* s) {
  return std::vector{&s->notices,     &s->records,         &s->entities,        &s->transitions,
                     &s->checks,      &s->diagnostics,     &s->tables,          &s->table_cells,
                     &s->indicators,  &s->indicator_rules, &s->plan_carriers,   &s->plan_properties,
                     &s->plan_milestones, &s->plan_targets, &s->plan_target_carriers};
}

// Their names in schemas/export_columns.json, in the same order.
constexpr const char* kTableNames[] = {
    "notices",    "records",         "entities",      "transitions",     "checks",
    "diagnostics", "tables",         "table_cells",   "indicators",      "indicator_rules",
    "plan_carriers", "plan_properties", "plan_milestones", "plan_targets", "plan_target_carriers"};

ColumnType ParseType(const std::string& t) {
  if (t == "integer") return ColumnType::kInteger;
  if (t == "number") return ColumnType::kNumber;
  if (t == "boolean") return ColumnType::kBoolean;
  if (t == "date") return ColumnType::kDate;
  if (t == "year") return ColumnType::kYear;
  return ColumnType::kString;
}

std::vector<std::string> Strings(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  Poco::JSON::Array::Ptr a = o->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

Column ReadColumn(const Poco::JSON::Object::Ptr& c, const std::vector<std::string>& grades) {
  Column col;
  col.name = c->getValue<std::string>("name");
  col.type = ParseType(c->getValue<std::string>("type"));
  col.title = c->optValue<std::string>("title", col.name);
  col.description = c->getValue<std::string>("description");
  col.required = c->optValue<bool>("required", false);
  col.pattern = c->optValue<std::string>("pattern", "");
  col.enum_values = c->optValue<std::string>("enum_from", "") == "grades" ? grades : Strings(c, "enum");
  return col;
}

ExportTable ReadTable(const Poco::JSON::Object::Ptr& t, const std::vector<std::string>& grades) {
  ExportTable out;
  out.name = t->getValue<std::string>("name");
  out.title = t->getValue<std::string>("title");
  out.description = t->getValue<std::string>("description");
  out.primary_key = Strings(t, "primary_key");
  Poco::JSON::Array::Ptr fks = t->getArray("foreign_keys");
  for (size_t i = 0; fks && i < fks->size(); ++i) {
    Poco::JSON::Object::Ptr fk = fks->getObject(static_cast<unsigned>(i));
    out.foreign_keys.push_back({Strings(fk, "fields"), fk->getValue<std::string>("resource"), Strings(fk, "reference")});
  }
  Poco::JSON::Array::Ptr cols = t->getArray("columns");
  for (size_t i = 0; i < cols->size(); ++i) out.columns.push_back(ReadColumn(cols->getObject(static_cast<unsigned>(i)), grades));
  return out;
}

Status LoadEmptyTables(ExportSet* empty) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("export_columns.json", &o);
  const Rules* rules = st.ok() ? DefaultRules(&st) : nullptr;
  if (!rules) return st;
  try {
    empty->grades = rules->GradeOrder();
    std::map<std::string, ExportTable*> by_name;
    std::vector<ExportTable*> all = empty->MutableTables();
    for (size_t i = 0; i < all.size(); ++i) by_name[kTableNames[i]] = all[i];
    Poco::JSON::Array::Ptr tables = o->getArray("tables");
    for (size_t i = 0; i < tables->size(); ++i) {
      ExportTable t = ReadTable(tables->getObject(static_cast<unsigned>(i)), empty->grades);
      if (by_name.count(t.name)) *by_name[t.name] = std::move(t);
    }
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/export_columns.json: " + e.displayText());
  }
  return Status::Ok();
}

// The empty tables with their columns, loaded once.
Status EmptyTables(ExportSet* set) {
  Status st;
  const ExportSet* empty = LoadOnce<ExportSet>(&st, LoadFresh<ExportSet, LoadEmptyTables>);
  if (empty) *set = *empty;
  return st;
}

std::string Location(const Where& w) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
  if (!w.part.empty()) add(w.part);
  if (w.line > 0) add("line " + std::to_string(w.line));
  if (w.table >= 0) add("table " + std::to_string(w.table));
  if (w.row >= 0) add("row " + std::to_string(w.row));
  if (w.col >= 0) add("col " + std::to_string(w.col));
  return out;
}

bool Selected(const RecordRow& r, const ExportFilter& f) {
  if (f.year && r.year != f.year) return false;
  if (!f.carrier_type.empty() && r.record.carrier_type.value_or("") != f.carrier_type) return false;
  if (!f.grade.empty() && r.record.grade.value_or("") != f.grade) return false;
  if (f.jurisdiction.empty()) return true;
  return r.jurisdiction_code.value_or("") == f.jurisdiction ||
         r.jurisdiction_name.value_or("").find(f.jurisdiction) != std::string::npos;
}

// A notice is exported with its tables when the filter selects it as a
// whole: by year and jurisdiction alone. A carrier type or grade filter
// selects records, and a notice only through them.
bool NoticeSelected(const NoticeRow& n, const ExportFilter& f) {
  if (!f.carrier_type.empty() || !f.grade.empty()) return false;
  if (f.year && n.meta.year != f.year) return false;
  if (f.jurisdiction.empty()) return true;
  if (!n.meta.jurisdiction) return false;
  const Region& j = n.meta.jurisdiction->place;
  return j.code.value_or("") == f.jurisdiction || j.name.find(f.jurisdiction) != std::string::npos;
}

std::string EntityId(const Dataset& d, int64_t record, const char* role) {
  const MemberRow* m = d.MemberOf(record, role);
  return m ? m->entity_id : "";
}

void AddRecord(const Dataset& d, const RecordRow& r, ExportTable* t) {
  const GradeRecord& g = r.record;
  const NoticeRow* n = d.Notice(r.notice_id);
  Row row = {{"record_id", r.id}, {"notice_id", r.notice_id}, {"year", Opt(r.year)},
             {"jurisdiction", Opt(r.jurisdiction_name)}, {"carrier_type", Opt(g.carrier_type)},
             {"seq", Opt(g.seq)}, {"name", g.name}, {"name_key", g.name_key.key},
             {"operator", Opt(g.operator_name)}, {"grade", Opt(g.grade)}, {"grade_raw", NonEmpty(g.grade_raw)},
             {"status", std::string(GradeStatusName(g.status))}, {"remark", Opt(g.remark)},
             {"evaluated_as", Opt(g.evaluated_as)},
             {"carrier_entity_id", NonEmpty(EntityId(d, r.id, "carrier"))},
             {"operator_entity_id", NonEmpty(EntityId(d, r.id, "operator"))},
             {"source", (n ? n->source_path : r.source_path) + "#table" + std::to_string(g.table) + "/row" +
                            std::to_string(g.row)}};
  if (g.region) {
    row["region_raw"] = g.region->raw;
    row["region_name"] = NonEmpty(g.region->name);
    row["region_code"] = Opt(g.region->code);
    row["region_kind"] = std::string(RegionKindName(g.region->kind));
  }
  AddRow(t, row);
}

struct NoticeCounts {
  int64_t records = 0, checks = 0, failed = 0;
};

void AddNotice(const NoticeRow& n, const NoticeCounts& c, ExportTable* t) {
  std::string issuers;
  for (const std::string& i : n.meta.issuers) issuers += (issuers.empty() ? "" : "；") + i;
  Row row = {{"notice_id", n.id}, {"source_path", n.source_path}, {"sha256", n.sha256},
             {"version", int64_t{n.version}}, {"format", n.format}, {"title", Opt(n.meta.title)},
             {"doc_number", Opt(n.meta.doc_number)}, {"issuers", NonEmpty(issuers)},
             {"published", Opt(n.meta.published)}, {"year", Opt(n.meta.year)},
             {"records", c.records}, {"checks", c.checks}, {"checks_failed", c.failed}};
  if (n.meta.jurisdiction) {
    row["jurisdiction_name"] = n.meta.jurisdiction->place.name;
    row["jurisdiction_code"] = Opt(n.meta.jurisdiction->place.code);
  }
  AddRow(t, row);
}

void AddChecksAndDiagnostics(const Dataset& d, const std::set<int64_t>& notices, ExportSet* s,
                             std::map<int64_t, NoticeCounts>* counts) {
  for (const CheckRow& c : d.checks) {
    if (!notices.count(c.notice_id)) continue;
    ++(*counts)[c.notice_id].checks;
    (*counts)[c.notice_id].failed += c.check.ok ? 0 : 1;
    AddRow(&s->checks, {{"notice_id", c.notice_id}, {"check_index", int64_t{c.index}}, {"rule", c.check.rule},
                        {"subject", c.check.subject}, {"expected", c.check.expected},
                        {"found", c.check.found}, {"ok", c.check.ok}, {"location", NonEmpty(Location(c.check.where))}});
  }
  for (const DiagnosticRow& x : d.diagnostics) {
    if (!notices.count(x.notice_id)) continue;
    AddRow(&s->diagnostics, {{"notice_id", x.notice_id}, {"diagnostic_index", int64_t{x.index}},
                             {"severity", std::string(SeverityName(x.diagnostic.severity))},
                             {"code", x.diagnostic.code}, {"message", x.diagnostic.message},
                             {"location", NonEmpty(Location(x.diagnostic.where))}});
  }
}

void AddYearColumns(ExportSet* s) {
  for (int y : s->years)
    s->entities.columns.push_back({"grade_" + std::to_string(y), ColumnType::kString,
                                   std::to_string(y) + "年等级 grade " + std::to_string(y),
                                   "Grade in " + std::to_string(y) + "; revoked when revoked; empty when not listed.",
                                   {}, false, ""});
}

ExportCell SideGrade(const std::optional<YearGrade>& y) {
  if (!y) return {};
  return NonEmpty(y->status == "revoked" ? "revoked" : y->grade);
}

// One entities row per carrier of the exported records (grade per year from
// `grades`); the transition columns only when there are two years to compare.
void AddEntities(const Dataset& d, const std::map<std::string, std::map<int, std::string>>& grades,
                 ExportSet* s) {
  AddYearColumns(s);
  std::map<std::string, const EntityComparison*> compared;
  for (const EntityComparison& e : s->comparison.entities) compared[e.entity] = &e;
  bool two_years = s->years.size() >= 2;
  int col = s->records.Col("carrier_entity_id");
  std::map<std::string, int64_t> records;
  for (const auto& row : s->records.rows)
    if (const auto* id = std::get_if<std::string>(&row[static_cast<size_t>(col)])) ++records[*id];
  for (const auto& [id, n] : records) {
    const EntityRow* ent = d.Entity(id);
    Row row = {{"entity_id", id}, {"name", ent ? ent->canonical_name : id}, {"records", n}};
    if (ent) row["carrier_type"] = Opt(ent->carrier_type), row["region_code"] = Opt(ent->region_code);
    auto g = grades.find(id);
    if (g != grades.end() && !g->second.empty()) {
      row["first_year"] = int64_t{g->second.begin()->first};
      row["last_year"] = int64_t{g->second.rbegin()->first};
      for (const auto& [y, grade] : g->second) row["grade_" + std::to_string(y)] = NonEmpty(grade);
    }
    auto c = compared.find(id);
    if (two_years && c != compared.end()) {
      const EntityComparison& e = *c->second;
      row["name"] = e.name, row["transition"] = e.transition, row["renamed"] = e.renamed;
      AddRow(&s->transitions, {{"entity_id", id}, {"from_year", int64_t{s->comparison.from_year}},
                               {"from_grade", SideGrade(e.from)}, {"to_year", int64_t{s->comparison.to_year}},
                               {"to_grade", SideGrade(e.to)}, {"transition", e.transition}, {"renamed", e.renamed}});
    }
    AddRow(&s->entities, row);
  }
}

}  // namespace

const char* ColumnTypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kString: return "string";
    case ColumnType::kInteger: return "integer";
    case ColumnType::kNumber: return "number";
    case ColumnType::kBoolean: return "boolean";
    case ColumnType::kDate: return "date";
    case ColumnType::kYear: return "year";
  }
  return "string";
}

int ExportTable::Col(const std::string& column) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return static_cast<int>(i);
  return -1;
}

std::vector<const ExportTable*> ExportSet::Tables() const { return AllTables(this); }
std::vector<ExportTable*> ExportSet::MutableTables() { return AllTables(this); }

Status BuildExportSet(const Dataset& d, const ExportFilter& f, ExportSet* s) {
  Status st = EmptyTables(s);
  if (!st.ok()) return st;
  std::set<int64_t> notices;
  std::map<int64_t, NoticeCounts> counts;
  std::vector<YearGrade> years;
  std::set<int> year_set;
  std::map<std::string, std::map<int, std::string>> grades;  // entity -> year -> grade
  for (const RecordRow& r : d.records) {
    if (!Selected(r, f)) continue;
    AddRecord(d, r, &s->records);
    notices.insert(r.notice_id);
    ++counts[r.notice_id].records;
    std::string entity = EntityId(d, r.id, "carrier");
    if (!r.year || entity.empty()) continue;
    year_set.insert(*r.year);
    grades[entity].emplace(*r.year, r.record.status == GradeStatus::kRevoked ? "revoked" : r.record.grade.value_or(""));
    years.push_back({entity, *r.year, r.record.name, r.record.grade.value_or(""),
                     GradeStatusName(r.record.status), r.source_path});
  }
  for (const NoticeRow& n : d.notices)
    if (NoticeSelected(n, f)) notices.insert(n.id);  // also notices without grade lists
  s->years.assign(year_set.begin(), year_set.end());
  s->comparison = CompareYears(years, s->grades, 0, 0);
  AddChecksAndDiagnostics(d, notices, s, &counts);
  for (const NoticeRow& n : d.notices)
    if (notices.count(n.id)) AddNotice(n, counts[n.id], &s->notices);
  AddEntities(d, grades, s);
  AddTableData(d, notices, s);
  return Status::Ok();
}

}  // namespace fuhua
