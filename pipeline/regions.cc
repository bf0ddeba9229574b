// Region resolution: direct lookup of the key (full names, short forms, zone
// names, scoped zone aliases), then supervising units, then "province or
// prefecture + rest" paths (重庆市九龙坡区, 内蒙古自治区呼和浩特市); candidates
// are ranked by how close they lie to the notice's jurisdiction.
#include "pipeline/regions.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <mutex>

#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Byte offsets of the code point boundaries of a valid UTF-8 string.
std::vector<size_t> CharBoundaries(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(s.size());
  return out;
}

}  // namespace

Status RegionResolver::Create(const Gazetteer* gazetteer, std::unique_ptr<RegionResolver>* out) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("region_rules.json", &o);
  if (!st.ok()) return st;
  std::unique_ptr<RegionResolver> r(new RegionResolver());
  r->g_ = gazetteer;
  try {
    Poco::JSON::Object::Ptr units = o->getObject("units");
    auto keys = [&](const char* name, std::vector<std::string>* to) {
      Poco::JSON::Array::Ptr a = units->getArray(name);
      for (size_t i = 0; a && i < a->size(); ++i)
        to->push_back(gazetteer->keyer().Key(a->getElement<std::string>(static_cast<unsigned>(i))));
    };
    keys("exact", &r->unit_words_);
    keys("suffixes", &r->unit_suffixes_);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/region_rules.json: units: " + e.displayText());
  }
  *out = std::move(r);
  return Status::Ok();
}

RegionResolution RegionResolver::Resolve(std::string_view raw, int context) const {
  RegionResolution r;
  r.region.raw = r.region.name = r.region.full_name = CleanText(raw);
  std::string key = g_->keyer().Key(raw);
  if (key.empty()) {
    r.problem = "empty place name";
    return r;
  }
  std::vector<PlaceMatch> found = Candidates(key, context);
  if (found.empty() && IsUnit(key)) {
    r.region.kind = RegionKind::kUnit;
    return r;
  }
  if (found.empty()) found = SplitPath(key);
  if (found.empty()) {
    r.problem = "no division or functional zone in the gazetteer is called " + r.region.raw;
    return r;
  }
  Pick(found, context, &r);
  return r;
}

bool RegionResolver::IsUnit(const std::string& key) const {
  for (const std::string& w : unit_words_)
    if (key == w) return true;
  for (const std::string& s : unit_suffixes_)
    if (EndsWith(key, s)) return true;
  return false;
}

// Direct matches; a scoped alias (高新区) counts only inside its scope.
std::vector<PlaceMatch> RegionResolver::Candidates(const std::string& key, int context) const {
  std::vector<PlaceMatch> out;
  for (const PlaceMatch& m : g_->Lookup(key)) {
    if (m.form == MatchForm::kScopedAlias &&
        (context < 0 || !g_->Within(context, g_->place(m.place).scope)))
      continue;
    out.push_back(m);
  }
  return out;
}

// 重庆市九龙坡区 -> 九龙坡区 under 重庆市: a province or prefecture name (full
// or short) followed by a place (or a path) under it. The longest head that
// works wins; recursion depth is bounded by the key's length.
std::vector<PlaceMatch> RegionResolver::SplitPath(const std::string& key) const {
  std::vector<size_t> cuts = CharBoundaries(key);
  for (size_t i = cuts.size() - 2; i >= 2; --i) {
    std::string head = key.substr(0, cuts[i]), rest = key.substr(cuts[i]);
    for (const PlaceMatch& h : g_->Lookup(head)) {
      if (g_->place(h.place).is_zone || g_->place(h.place).level > 2) continue;
      std::vector<PlaceMatch> under;
      for (const PlaceMatch& m : Candidates(rest, h.place))
        if (g_->Within(m.place, h.place)) under.push_back(m);
      if (under.empty())  // 呼伦贝尔市满洲里市: a path itself
        for (const PlaceMatch& m : SplitPath(rest))
          if (g_->Within(m.place, h.place)) under.push_back(m);
      if (!under.empty()) return under;
    }
  }
  return {};
}

// 3: under the jurisdiction itself; 2: in its prefecture; 1: in its province.
int RegionResolver::Tier(int place, int context) const {
  if (context < 0) return 0;
  if (g_->Within(place, context)) return 3;
  int prefecture = g_->AncestorAt(context, 2);
  if (g_->place(prefecture).level == 2 && g_->Within(place, prefecture)) return 2;
  return g_->Within(place, g_->AncestorAt(context, 1)) ? 1 : 0;
}

void RegionResolver::Pick(const std::vector<PlaceMatch>& found, int context,
                          RegionResolution* r) const {
  // Rank: closeness to the jurisdiction, then a full name over a short form.
  auto rank = [&](const PlaceMatch& m) {
    return Tier(m.place, context) * 2 + (m.form == MatchForm::kShortForm ? 0 : 1);
  };
  int best = -1;
  std::vector<int> at_best;
  for (const PlaceMatch& m : found) {
    int k = rank(m);
    if (k > best) at_best.clear(), best = k;
    if (k == best) at_best.push_back(m.place);
  }
  if (at_best.size() > 1) {
    r->problem = r->region.raw + " may be any of:";
    for (int p : at_best)
      r->problem += " " + g_->place(p).full_name +
                    (g_->place(p).is_zone ? "" : " (" + g_->place(p).code + ")");
    r->problem += context < 0 ? "; the notice names no jurisdiction to decide"
                              : "; the notice's jurisdiction does not decide";
    return;
  }
  Fill(at_best.front(), r);
  r->outside_context = context >= 0 && best < 2;
}

void RegionResolver::Fill(int place, RegionResolution* r) const {
  const Place& p = g_->place(place);
  r->place = place;
  r->region.name = p.name;
  r->region.full_name = p.full_name;
  r->region.kind = p.is_zone ? RegionKind::kFunctionalZone : RegionKind::kDivision;
  if (!p.is_zone) r->region.code = p.code;
  if (p.parent >= 0) r->region.parent_code = g_->place(p.parent).code;
}

const RegionResolver* DefaultRegionResolver(Status* status) {
  return LoadOnce<RegionResolver>(status, [](std::unique_ptr<RegionResolver>* out) {
    Status st;
    const Gazetteer* g = DefaultGazetteer(&st);
    return g ? RegionResolver::Create(g, out) : st;
  });
}

}  // namespace fuhua
