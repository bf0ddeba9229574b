// Loading of schemas/indicator_rules.json into IndicatorRules, and the small
// text readings over it (see indicator_rules.h).
#include "pipeline/indicator_rules.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Array.h>

#include <cstdlib>

#include "pipeline/regex_util.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kFile = "schemas/indicator_rules.json";

Status Compile(const Object::Ptr& o, const std::string& key, std::unique_ptr<RE2>* out) {
  if (!o->has(key)) return Status::InvalidInput(std::string(kFile) + ": missing " + key);
  return CompileRegex(o->getValue<std::string>(key), std::string(kFile) + " " + key, out);
}

Status LoadRuleRows(const Object::Ptr& o, IndicatorRules* r) {
  Array::Ptr rows = o->getArray("rule_rows");
  for (unsigned i = 0; rows && i < rows->size(); ++i) {
    Object::Ptr e = rows->getObject(i);
    IndicatorRowRule rule;
    rule.kind = e->getValue<std::string>("kind");
    Status st = CompileRegex(e->getValue<std::string>("label"),
                             std::string(kFile) + " rule_rows[" + std::to_string(i) + "]", &rule.label);
    if (!st.ok()) return st;
    r->rule_rows.push_back(std::move(rule));
  }
  return Status::Ok();
}

std::optional<std::string> Group(const RE2& re, std::string_view text, const char* name) {
  RegexMatch m;
  if (!FindNext(re, text, 0, &m)) return std::nullopt;
  std::string g = CleanText(m.Group(name));
  if (g.empty()) return std::nullopt;
  return g;
}

}  // namespace

std::optional<IndicatorNumber> ParseIndicatorNumber(std::string_view text) {
  std::string key = MatchKey(text);
  if (key.empty() || key.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(key.c_str(), &end);
  if (end != key.c_str() + key.size()) return std::nullopt;
  size_t dot = key.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(key.size() - dot - 1);
  return IndicatorNumber{v, decimals, std::string(text)};
}

std::string IndicatorRules::StripNumbering(std::string_view name) const {
  RegexMatch m;
  if (numbering_prefix && MatchAt(*numbering_prefix, name, 0, &m) && m.end < name.size())
    return std::string(name.substr(m.end));
  return std::string(name);
}

std::optional<std::string> IndicatorRules::UnitIn(std::string_view explanation) const {
  return Group(*unit_in_explanation, explanation, "unit");
}

std::optional<std::string> IndicatorRules::WeightUnitOf(std::string_view note) const {
  return Group(*weight_unit_note, note, "unit");
}

std::string IndicatorRules::RuleKindOf(std::string_view label) const {
  RegexMatch m;
  for (const IndicatorRowRule& r : rule_rows)
    if (FindNext(*r.label, label, 0, &m)) return r.kind;
  return "";
}

Status LoadIndicatorRules(IndicatorRules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("indicator_rules.json", &o);
  if (st.ok()) st = Compile(o, "numbering_prefix", &r->numbering_prefix);
  if (st.ok()) st = Compile(o, "unit_in_explanation", &r->unit_in_explanation);
  if (st.ok()) st = Compile(o, "weight_unit_note", &r->weight_unit_note);
  if (st.ok()) st = Compile(o, "max_points", &r->max_points);
  if (st.ok()) st = LoadRuleRows(o, r);
  if (!st.ok()) return st;
  r->weight_total = o->optValue<double>("weight_total", 100);
  r->weight_sum_tolerance = o->optValue<double>("weight_sum_tolerance", 0.005);
  r->composite_tolerance = o->optValue<double>("composite_tolerance", 0.005);
  return Status::Ok();
}

const IndicatorRules* DefaultIndicatorRules(Status* status) {
  return LoadOnce<IndicatorRules>(status, LoadFresh<IndicatorRules, LoadIndicatorRules>);
}

}  // namespace fuhua
