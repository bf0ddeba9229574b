// Loading of the rule files into Rules, and the lookups over them.
#include "pipeline/rules.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "pipeline/regex_util.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> Strings(const Object::Ptr& o, const std::string& key, bool as_keys) {
  std::vector<std::string> out;
  Array::Ptr a = o->getArray(key);
  if (!a) return out;
  for (size_t i = 0; i < a->size(); ++i) {
    std::string s = a->getElement<std::string>(static_cast<unsigned>(i));
    out.push_back(as_keys ? MatchKey(s) : s);
  }
  return out;
}

std::vector<Object::Ptr> Objects(const Object::Ptr& o, const std::string& key) {
  std::vector<Object::Ptr> out;
  Array::Ptr a = o->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getObject(static_cast<unsigned>(i)));
  return out;
}

Status LoadHeaderRoles(Rules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("header_roles.json", &o);
  if (!st.ok()) return st;
  for (const Object::Ptr& e : Objects(o, "roles"))
    r->roles.push_back({e->getValue<std::string>("role"), Strings(e, "synonyms", true),
                        Strings(e, "suffixes", true)});
  for (const std::string& s : Strings(o, "mergeable_roles", false)) r->mergeable_roles.insert(s);
  return Status::Ok();
}

Status LoadCarrierTypes(Rules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("carrier_types.json", &o);
  if (!st.ok()) return st;
  r->carrier_min_prefix = o->optValue<int>("min_prefix", 4);
  for (const Object::Ptr& e : Objects(o, "types"))
    r->carrier_types.push_back({e->getValue<std::string>("type"), Strings(e, "keywords", true)});
  return Status::Ok();
}

Status LoadLayout(Rules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("table_layout.json", &o);
  if (!st.ok()) return st;
  r->table_terminators = Strings(o, "table_terminators", false);
  r->total_row_labels = Strings(o, "total_row_labels", true);
  r->total_row_label_texts = Strings(o, "total_row_labels", false);
  r->note_row_labels = Strings(o, "note_row_labels", true);
  r->caption_max_paragraphs = o->optValue<int>("caption_max_paragraphs", 4);
  r->caption_max_chars = o->optValue<int>("caption_max_chars", 80);
  st = CompileRegex(o->getValue<std::string>("annex_label"), "schemas/table_layout.json annex_label",
                    &r->annex_label);
  for (const std::string& p : Strings(o, "caption_note_patterns", false)) {
    if (!st.ok()) return st;
    r->caption_notes.emplace_back();
    st = CompileRegex(p, "schemas/table_layout.json caption_note_patterns", &r->caption_notes.back());
  }
  return st;
}

GradeStatus StatusNamed(const std::string& s) {
  if (s == "graded") return GradeStatus::kGraded;
  if (s == "revoked") return GradeStatus::kRevoked;
  if (s == "deferred") return GradeStatus::kDeferred;
  return GradeStatus::kUnknown;
}

Status LoadGrades(Rules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("grades.json", &o);
  if (!st.ok()) return st;
  for (const Object::Ptr& e : Objects(o, "grades"))
    r->grades.push_back(
        {e->getValue<std::string>("grade"), e->getValue<int>("rank"), Strings(e, "aliases", true)});
  r->clause_separators = Strings(o, "clause_separators", false);
  for (const Object::Ptr& e : Objects(o, "cell_rules")) {
    CellRule rule;
    rule.id = e->getValue<std::string>("id");
    rule.status = StatusNamed(e->getValue<std::string>("status"));
    rule.remark_whole = e->optValue<std::string>("remark", "tail") == "whole";
    st = CompileRegex(e->getValue<std::string>("pattern"), "schemas/grades.json " + rule.id, &rule.re);
    if (!st.ok()) return st;
    r->cell_rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

Status LoadStatements(Rules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("count_statements.json", &o);
  if (!st.ok()) return st;
  for (const Object::Ptr& e : Objects(o, "statements")) {
    CountStatement s;
    s.id = e->getValue<std::string>("id");
    s.measure = e->getValue<std::string>("measure");
    std::string origin = "schemas/count_statements.json " + s.id;
    st = CompileRegex(e->getValue<std::string>("pattern"), origin, &s.re);
    if (st.ok() && e->has("also")) st = CompileRegex(e->getValue<std::string>("also"), origin, &s.also);
    if (!st.ok()) return st;
    r->statements.push_back(std::move(s));
  }
  r->statement_literals = Strings(o, "required", false);
  r->statement_bounds = Strings(o, "bounds", false);
  return Status::Ok();
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Status LoadRules(Rules* rules) {
  try {
    for (auto load : {LoadHeaderRoles, LoadCarrierTypes, LoadLayout, LoadGrades, LoadStatements}) {
      Status st = load(rules);
      if (!st.ok()) return st;
    }
  } catch (const std::exception& e) {  // Poco throws on missing keys or wrong types
    return Status::InvalidInput(std::string("rule files: ") + e.what());
  }
  return Status::Ok();
}

const Rules* DefaultRules(Status* status) { return LoadOnce<Rules>(status, LoadFresh<Rules, LoadRules>); }

std::vector<std::string> Rules::GradeOrder() const {
  std::vector<const GradeWord*> words;
  for (const GradeWord& g : grades) words.push_back(&g);
  std::stable_sort(words.begin(), words.end(), [](auto* a, auto* b) { return a->rank > b->rank; });
  std::vector<std::string> out;
  for (const GradeWord* g : words) out.push_back(g->grade);
  return out;
}

std::string Rules::RoleOf(std::string_view header) const {
  std::string key = MatchKey(StripBracketSuffix(header));
  std::string full = MatchKey(header);
  for (const RoleRule& r : roles)
    for (const std::string& s : r.synonyms)
      if (s == key || s == full) return r.role;
  for (const RoleRule& r : roles)
    for (const std::string& s : r.suffixes)
      if (EndsWith(key, s)) return r.role;
  return "";
}

std::optional<std::string> Rules::CarrierTypeIn(std::string_view text) const {
  std::string key = MatchKey(text);
  const CarrierTypeRule* best = nullptr;
  size_t best_len = 0;
  for (const CarrierTypeRule& t : carrier_types)
    for (const std::string& k : t.keywords)
      if (k.size() > best_len && key.find(k) != std::string::npos) best = &t, best_len = k.size();
  if (best) return best->type;
  // A truncated name (科技企业孵化) is a prefix of a keyword.
  size_t min_bytes = static_cast<size_t>(carrier_min_prefix) * 3;  // CJK is 3 bytes in UTF-8
  if (key.size() < min_bytes) return std::nullopt;
  for (const CarrierTypeRule& t : carrier_types)
    for (const std::string& k : t.keywords)
      if (k.compare(0, key.size(), key) == 0) return t.type;
  return std::nullopt;
}

std::optional<std::string> Rules::GradeOf(std::string_view word) const {
  std::string key = MatchKey(word);
  for (const GradeWord& g : grades)
    for (const std::string& a : g.aliases)
      if (a == key) return g.grade;
  return std::nullopt;
}

bool Rules::IsTotalLabel(std::string_view cell_text) const {
  std::string key = MatchKey(cell_text);
  for (const std::string& l : total_row_labels)
    if (key.compare(0, l.size(), l) == 0) return true;
  return false;
}

bool Rules::IsCaptionNote(std::string_view paragraph) const {
  re2::StringPiece sp(paragraph.data(), paragraph.size());
  for (const auto& re : caption_notes)
    if (RE2::PartialMatch(sp, *re)) return true;
  return false;
}

}  // namespace fuhua
