// fuhua history NAME: finds carrier and organisation entities by any name
// their records were written under, and prints each record across notices
// with its source.
#include <cstdio>
#include <iostream>
#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/store_option.h"
#include "cli/text_table.h"
#include "exporters/json_writer.h"
#include "pipeline/org_names.h"
#include "store/dataset.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua history NAME [--db PATH|URL] [--format table|json]\n"
    "\n"
    "Finds the carriers (and organisations) whose records were written under NAME — any\n"
    "spelling, matched on the name key (NFKC, Simplified, no spaces, unified brackets, legal\n"
    "form folded, leading place aside), exactly first, else as a part of the key — and prints\n"
    "each one's records across notices: year, grade, status, the name as written, region,\n"
    "and the source file, table and row; then the plans that name the carrier (carrier\n"
    "lists, properties, targets' main carriers), with why the name was linked.\n";

// Entities whose member records' name or operator key equals (else contains)
// the key of `name`.
std::vector<std::string> FindEntities(const Dataset& d, const std::string& name) {
  Status st;
  const OrgNamer* namer = DefaultOrgNamer(&st);
  std::string key = namer ? namer->Key(name).key : name;
  std::set<std::string> exact, partial;
  for (const MemberRow& m : d.identity.members) {
    const RecordRow* r = d.Record(m.record_id);
    if (!r) continue;
    const std::string& k = m.role == "operator" ? r->record.operator_key->key : r->record.name_key.key;
    if (k == key) exact.insert(m.entity_id);
    else if (k.find(key) != std::string::npos) partial.insert(m.entity_id);
  }
  const std::set<std::string>& found = exact.empty() ? partial : exact;
  return {found.begin(), found.end()};
}

std::vector<std::string> RecordLine(const Dataset& d, const RecordRow& r) {
  const NoticeRow* n = d.Notice(r.notice_id);
  return {r.year ? std::to_string(*r.year) : "?", r.record.grade.value_or("-"),
          GradeStatusName(r.record.status), r.record.name, r.record.operator_name.value_or(""),
          r.record.region ? r.record.region->name : "",
          r.source_path + " t" + std::to_string(r.record.table) + " r" + std::to_string(r.record.row) +
              (n && n->meta.doc_number ? " " + *n->meta.doc_number : "")};
}

std::vector<std::string> PlanLine(const Dataset& d, const PlanLinkRow& l) {
  const NoticeRow* n = d.Notice(l.notice_id);
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", l.score);
  return {n && n->meta.year ? std::to_string(*n->meta.year) : "?", d.PlanMentionName(l), score, l.reason,
          (n ? n->source_path : "?") + " t" + std::to_string(l.table) + " r" + std::to_string(l.row) +
              (n && n->meta.doc_number ? " " + *n->meta.doc_number : "")};
}

void PrintPlans(const Dataset& d, const std::string& id) {
  std::vector<const PlanLinkRow*> plans = d.PlanMentions(id);
  if (plans.empty()) return;
  std::cout << "named in plans:\n";
  TextTable t({"year", "name as written", "score", "why", "source"});
  for (const PlanLinkRow* l : plans) t.Add(PlanLine(d, *l));
  std::cout << t.Render() << "\n";
}

void PrintTable(const Dataset& d, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    const EntityRow* e = d.Entity(id);
    std::cout << id << "  " << e->kind << "  " << e->canonical_name << "  (" << e->members
              << " records)\n";
    TextTable t({"year", "grade", "status", "name as written", "operator", "region", "source"});
    for (const RecordRow* r : d.Members(id)) t.Add(RecordLine(d, *r));
    std::cout << t.Render() << "\n";
    PrintPlans(d, id);
  }
}

void WritePlans(JsonWriter& w, const Dataset& d, const std::string& id) {
  w.Key("plans");
  w.BeginArray();
  for (const PlanLinkRow* l : d.PlanMentions(id)) {
    const NoticeRow* n = d.Notice(l->notice_id);
    w.BeginObject();
    w.Key("year");
    w.OptInt(n ? n->meta.year : std::nullopt);
    w.Field("name", d.PlanMentionName(*l));
    w.Field("source", n ? n->source_path : "");
    w.FieldInt("table", l->table);
    w.FieldInt("row", l->row);
    w.Key("score");
    w.Double(l->score);
    w.Field("reason", l->reason);
    w.EndObject();
  }
  w.EndArray();
}

void PrintJson(const Dataset& d, const std::vector<std::string>& ids) {
  std::string out;
  JsonWriter w(&out, true);
  w.BeginArray();
  for (const std::string& id : ids) {
    const EntityRow* e = d.Entity(id);
    w.BeginObject();
    w.Field("entity", id);
    w.Field("kind", e->kind);
    w.Field("name", e->canonical_name);
    w.Key("records");
    w.BeginArray();
    for (const RecordRow* r : d.Members(id)) {
      w.BeginObject();
      w.FieldInt("record_id", r->id);
      w.Key("year");
      w.OptInt(r->year);
      w.OptField("grade", r->record.grade);
      w.Field("status", GradeStatusName(r->record.status));
      w.Field("name", r->record.name);
      w.OptField("operator", r->record.operator_name);
      w.OptField("region", r->record.region ? std::optional(r->record.region->name) : std::nullopt);
      w.Field("source", r->source_path);
      w.FieldInt("table", r->record.table);
      w.FieldInt("row", r->record.row);
      w.EndObject();
    }
    w.EndArray();
    WritePlans(w, d, id);
    w.EndObject();
  }
  w.EndArray();
  std::cout << out << "\n";
}

}  // namespace

int RunHistory(int argc, char** argv) {
  ParsedArgs args = ParseArgs(argc, argv, 2, {"--db", "--format"}, {"--help"});
  if (args.Has("--help")) return std::cout << kHelp, kExitOk;
  std::string format = args.Get("--format", "table");
  if (!args.error.empty() || args.positional.size() != 1 || (format != "table" && format != "json")) {
    std::cerr << "fuhua history: " << (args.error.empty() ? "one NAME expected" : args.error) << "\n\n"
              << kHelp;
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (!OpenStoreOption("history", args, &store)) return kExitUsage;
  Dataset d;
  Status st = LoadDataset(store.get(), &d);
  if (!st.ok()) return std::cerr << "fuhua history: " << st.ToString() << "\n", kExitInputErrors;
  std::vector<std::string> ids = FindEntities(d, args.positional[0]);
  if (ids.empty()) {
    std::cerr << "fuhua history: no carrier or organisation named " << args.positional[0] << "\n";
    return kExitInputErrors;
  }
  format == "json" ? PrintJson(d, ids) : PrintTable(d, ids);
  return kExitOk;
}

}  // namespace fuhua
