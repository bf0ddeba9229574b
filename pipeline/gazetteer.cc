// Builds the gazetteer from schemas/divisions.json, schemas/functional_zones.json
// and the short-form rules of schemas/region_rules.json.
#include "pipeline/gazetteer.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

size_t Chars(std::string_view s) { return CountCodePoints(s); }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> StringArray(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  Array::Ptr a = o ? o->getArray(key) : nullptr;
  for (size_t i = 0; a && i < a->size(); ++i)
    out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

int Level(const std::string& code) {
  if (code.ends_with("0000")) return 1;
  return code.ends_with("00") ? 2 : 3;
}

}  // namespace

// Reads the three rule files into a Gazetteer. Each step is one small method;
// Poco exceptions from malformed files become a Status naming the file.
class GazetteerBuilder {
 public:
  explicit GazetteerBuilder(Gazetteer* g) : g_(g) {}
  Status Build();

 private:
  void ReadShortFormRules(const Object::Ptr& rules);
  void ReadDivisions(const Object::Ptr& file);
  void ReadStatisticalZones(const Object::Ptr& file);
  void ReadCuratedZones(const Object::Ptr& file);
  int AddPlace(Place p, const std::string& parent_code);
  void Index(const std::string& text, int place, MatchForm form);
  void IndexShortForms(const std::string& name, int place);
  std::string StripEthnicGroups(std::string base) const;
  void IndexZoneNames(const std::string& name, int place, MatchForm form);

  Gazetteer* g_;
  std::vector<std::string> suffixes_;
  std::map<std::string, std::string> short_units_;
  std::vector<std::string> ethnic_;
  std::map<std::string, std::string> zone_abbreviations_;
  size_t min_chars_ = 2;
};

Status GazetteerBuilder::Build() {
  const char* file = "region_rules.json";
  try {
    Object::Ptr rules, divisions, zones;
    Status st = LoadSchemaJson(file, &rules);
    if (st.ok()) st = LoadSchemaJson(file = "divisions.json", &divisions);
    if (st.ok()) st = LoadSchemaJson(file = "functional_zones.json", &zones);
    if (!st.ok()) return st;
    ReadShortFormRules(rules);
    file = "divisions.json";
    ReadDivisions(divisions);
    Object::Ptr zone_rules = zones;
    for (const auto& [from, to] : *zone_rules->getObject("abbreviations"))
      zone_abbreviations_[from] = to.convert<std::string>();
    ReadStatisticalZones(divisions);
    file = "functional_zones.json";
    ReadCuratedZones(zones);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput(std::string("schemas/") + file + ": " + e.displayText());
  }
  return Status::Ok();
}

void GazetteerBuilder::ReadShortFormRules(const Object::Ptr& rules) {
  suffixes_ = StringArray(rules, "division_suffixes");
  std::stable_sort(suffixes_.begin(), suffixes_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& [from, to] : *rules->getObject("short_form_units"))
    short_units_[from] = to.convert<std::string>();
  ethnic_ = StringArray(rules, "ethnic_groups");
  min_chars_ = rules->optValue<size_t>("short_form_min_chars", 2);
}

void GazetteerBuilder::ReadDivisions(const Object::Ptr& file) {
  Object::Ptr source = file->getObject("source");
  g_->source_ = source->getValue<std::string>("package") + " " +
                source->getValue<std::string>("version") + " (" +
                source->optValue<std::string>("data_edition", "") + ")";
  Array::Ptr rows = file->getArray("divisions");
  for (size_t i = 0; i < rows->size(); ++i) {
    Array::Ptr r = rows->getArray(static_cast<unsigned>(i));
    Place p;
    p.code = r->getElement<std::string>(0);
    p.name = r->getElement<std::string>(1);
    p.level = Level(p.code);
    std::string parent = r->isNull(2) ? "" : r->getElement<std::string>(2);
    int at = AddPlace(std::move(p), parent);
    g_->by_code_[g_->places_[static_cast<size_t>(at)].code] = at;
    Index(g_->places_[static_cast<size_t>(at)].name, at, MatchForm::kFullName);
    IndexShortForms(g_->places_[static_cast<size_t>(at)].name, at);
  }
}

// Appends a place under the division `parent_code` ("" = none) and derives its
// full name from the chain of names above it.
int GazetteerBuilder::AddPlace(Place p, const std::string& parent_code) {
  p.parent = parent_code.empty() ? -1 : g_->Find(parent_code);
  if (p.full_name.empty())
    p.full_name = (p.parent >= 0 ? g_->place(p.parent).full_name : "") + p.name;
  if (p.is_zone) p.level = p.parent >= 0 ? g_->place(p.parent).level + 1 : 1;
  g_->places_.push_back(std::move(p));
  return static_cast<int>(g_->places_.size()) - 1;
}

void GazetteerBuilder::Index(const std::string& text, int place, MatchForm form) {
  std::string key = g_->keyer_->Key(text);
  std::vector<PlaceMatch>& v = g_->index_[key];
  for (const PlaceMatch& m : v)
    if (m.place == place) return;  // the strongest form was indexed first
  v.push_back({place, form});
}

// 秀山土家族苗族自治县 -> 秀山, 秀山县; 九龙坡区 -> 九龙坡; 新疆维吾尔自治区 -> 新疆.
void GazetteerBuilder::IndexShortForms(const std::string& name, int place) {
  for (const std::string& suffix : suffixes_) {
    if (!EndsWith(name, suffix) || name.size() == suffix.size()) continue;
    std::string base = name.substr(0, name.size() - suffix.size());
    if (suffix.starts_with("自治")) base = StripEthnicGroups(base);
    if (Chars(base) >= min_chars_) Index(base, place, MatchForm::kShortForm);
    auto unit = short_units_.find(suffix);
    if (unit != short_units_.end() && !base.empty())
      Index(base + unit->second, place, MatchForm::kShortForm);
    return;
  }
}

std::string GazetteerBuilder::StripEthnicGroups(std::string base) const {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string& e : ethnic_) {
      std::string with_zu = e + "族";
      size_t cut = EndsWith(base, with_zu) ? with_zu.size()
                   : (Chars(e) >= 2 && EndsWith(base, e)) ? e.size()
                                                          : 0;
      // Keep a base of at least min_chars_: 内蒙古 is not 内 + 蒙古.
      if (cut == 0 || Chars(base.substr(0, base.size() - cut)) < min_chars_) continue;
      base.resize(base.size() - cut);
      stripped = true;
    }
  }
  return base;
}

void GazetteerBuilder::IndexZoneNames(const std::string& name, int place, MatchForm form) {
  Index(name, place, form);
  for (const auto& [from, to] : zone_abbreviations_) {
    size_t at = name.find(from);
    if (at != std::string::npos)
      Index(std::string(name).replace(at, from.size(), to), place, form);
  }
}

void GazetteerBuilder::ReadStatisticalZones(const Object::Ptr& file) {
  Array::Ptr rows = file->getArray("statistical_zones");
  for (size_t i = 0; rows && i < rows->size(); ++i) {
    Array::Ptr r = rows->getArray(static_cast<unsigned>(i));
    Place p;
    p.code = r->getElement<std::string>(0);
    p.name = p.full_name = r->getElement<std::string>(1);
    p.is_zone = true;
    int at = AddPlace(std::move(p), r->getElement<std::string>(2));
    IndexZoneNames(g_->place(at).name, at, MatchForm::kFullName);
  }
}

void GazetteerBuilder::ReadCuratedZones(const Object::Ptr& file) {
  Array::Ptr zones = file->getArray("zones");
  for (size_t i = 0; i < zones->size(); ++i) {
    Object::Ptr z = zones->getObject(static_cast<unsigned>(i));
    Place p;
    p.name = z->getValue<std::string>("name");
    p.full_name = z->getValue<std::string>("full_name");
    p.is_zone = true;
    p.scope = g_->Find(z->optValue<std::string>("scope", ""));
    int at = AddPlace(std::move(p), z->getValue<std::string>("parent_code"));
    IndexZoneNames(g_->place(at).name, at, MatchForm::kFullName);
    IndexZoneNames(g_->place(at).full_name, at, MatchForm::kFullName);
    for (const std::string& n : StringArray(z, "names")) IndexZoneNames(n, at, MatchForm::kFullName);
    for (const std::string& a : StringArray(z, "scoped_aliases"))
      IndexZoneNames(a, at, MatchForm::kScopedAlias);
  }
}

Status Gazetteer::Create(const TextKeyer* keyer, std::unique_ptr<Gazetteer>* out) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->keyer_ = keyer;
  Status st = GazetteerBuilder(g.get()).Build();
  if (!st.ok()) return st;
  g->BuildTrie();
  *out = std::move(g);
  return Status::Ok();
}

const std::vector<PlaceMatch>& Gazetteer::Lookup(std::string_view key) const {
  static const std::vector<PlaceMatch> kNone;
  auto it = index_.find(key);
  return it == index_.end() ? kNone : it->second;
}

namespace {

// A character's bytes (at most 4, the longest UTF-8 sequence) and their
// number as one edge label.
bool PackChar(std::string_view ch, uint64_t* label) {
  if (ch.empty() || ch.size() > 4) return false;
  uint64_t v = ch.size();
  for (char c : ch) v = v << 8 | static_cast<unsigned char>(c);
  *label = v;
  return true;
}

}  // namespace

int Gazetteer::Step(int node, std::string_view ch) const {
  uint64_t label = 0;
  if (node < 0 || !PackChar(ch, &label)) return kNowhere;
  const TrieNode& n = trie_[static_cast<size_t>(node)];
  auto first = trie_char_.begin() + n.first, last = first + n.count;
  auto it = std::lower_bound(first, last, label);
  return it == last || *it != label ? kNowhere : trie_child_[static_cast<size_t>(it - trie_char_.begin())];
}

// Built once from index_ through a map per node, then laid out flat: each
// node's children contiguous and sorted.
void Gazetteer::BuildTrie() {
  static const std::vector<PlaceMatch> kNone;
  std::vector<std::map<uint64_t, int>> children(1);
  std::vector<const std::vector<PlaceMatch>*> places(1, &kNone);
  for (const auto& [key, matches] : index_) {
    int node = kRoot;
    for (size_t at = 0; at < key.size();) {
      size_t end = NextCodePointEnd(key, at);
      uint64_t label = 0;
      if (!PackChar(std::string_view(key).substr(at, end - at), &label)) break;
      auto [it, added] = children[static_cast<size_t>(node)].try_emplace(label, static_cast<int>(children.size()));
      if (added) {
        children.emplace_back();
        places.push_back(&kNone);
      }
      node = it->second;
      at = end;
    }
    places[static_cast<size_t>(node)] = &matches;
  }
  trie_.resize(children.size());
  for (size_t i = 0; i < children.size(); ++i) {
    trie_[i] = {static_cast<uint32_t>(trie_char_.size()), static_cast<uint32_t>(children[i].size()), places[i]};
    for (const auto& [label, child] : children[i]) {
      trie_char_.push_back(label);
      trie_child_.push_back(child);
    }
  }
}

int Gazetteer::Find(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? -1 : it->second;
}

bool Gazetteer::Within(int place, int ancestor) const {
  for (int p = place; p >= 0; p = places_[static_cast<size_t>(p)].parent)
    if (p == ancestor) return true;
  return false;
}

int Gazetteer::AncestorAt(int place, int level) const {
  for (int p = place; p >= 0; p = places_[static_cast<size_t>(p)].parent)
    if (places_[static_cast<size_t>(p)].level <= level) return p;
  return -1;
}

const Gazetteer* DefaultGazetteer(Status* status) {
  return LoadOnce<Gazetteer>(status, [](std::unique_ptr<Gazetteer>* out) {
    Status st;
    const TextKeyer* keyer = DefaultTextKeyer(&st);
    return keyer ? Gazetteer::Create(keyer, out) : st;
  });
}

}  // namespace fuhua
