// Loads schemas/plan_tables.json and implements the cell helpers of
// PlanRules (see plan_rules.h).
#include "pipeline/plan_rules.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "pipeline/regex_util.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> Strings(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  Array::Ptr a = o->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i)
    out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::vector<Object::Ptr> Objects(const Object::Ptr& o, const std::string& key) {
  std::vector<Object::Ptr> out;
  Array::Ptr a = o->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getObject(static_cast<unsigned>(i)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool StripSuffix(std::string* s, const std::string& suffix) {
  if (suffix.empty() || s->size() <= suffix.size() ||
      s->compare(s->size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  s->resize(s->size() - suffix.size());
  return true;
}

}  // namespace

Status LoadPlanRules(PlanRules* r) {
  Object::Ptr o;
  Status st = LoadSchemaJson("plan_tables.json", &o);
  if (!st.ok()) return st;
  try {
    for (const Object::Ptr& e : Objects(o, "table_kinds"))
      r->kinds.push_back({e->getValue<std::string>("kind"), Strings(e, "required_roles")});
    r->separators = Strings(o, "list_separators");
    r->trailers = Strings(o, "item_trailers");
    for (const Object::Ptr& e : Objects(o, "licence_levels")) {
      LicenceLevel level{e->getValue<std::string>("level"), Strings(e, "words")};
      std::sort(level.words.begin(), level.words.end(),
                [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      r->levels.push_back(std::move(level));
    }
    return CompileRegex(o->getValue<std::string>("year_pattern"),
                        "schemas/plan_tables.json year_pattern", &r->year);
  } catch (const std::exception& e) {  // Poco throws on missing keys or wrong types
    return Status::InvalidInput(std::string("schemas/plan_tables.json: ") + e.what());
  }
}

const PlanRules* DefaultPlanRules(Status* status) {
  return LoadOnce<PlanRules>(status, LoadFresh<PlanRules, LoadPlanRules>);
}

std::vector<std::string> PlanRules::SplitList(std::string_view raw) const {
  std::vector<std::string> parts{std::string(raw)};
  for (const std::string& sep : separators) {
    std::vector<std::string> next;
    for (const std::string& p : parts)
      for (size_t from = 0;;) {
        size_t at = p.find(sep, from);
        next.push_back(p.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) break;
        from = at + sep.size();
      }
    parts.swap(next);
  }
  std::vector<std::string> out;
  for (const std::string& p : parts) {
    std::string item = CleanText(p);
    for (const std::string& t : trailers)
      if (StripSuffix(&item, t)) item = CleanText(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::optional<std::string> PlanRules::LevelOf(std::string_view licence) const {
  for (const LicenceLevel& l : levels)
    for (const std::string& w : l.words)
      if (StartsWith(licence, w)) return l.level;
  return std::nullopt;
}

std::optional<int> PlanRules::YearIn(std::string_view text) const {
  RegexMatch m;
  if (!year || !FindNext(*year, text, 0, &m)) return std::nullopt;
  return ParseDigits(m.Group("year"));
}

}  // namespace fuhua
