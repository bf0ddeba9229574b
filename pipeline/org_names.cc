// Takes a name apart in a fixed order: legal-form suffix, bracketed places
// anywhere, one trailing descriptive parenthetical, leading places. Each step
// works on the text key, so brackets are already ASCII and Traditional forms
// Simplified.
#include "pipeline/org_names.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <mutex>

#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

size_t Chars(std::string_view s) { return CountCodePoints(s); }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> KeyArray(const Poco::JSON::Object::Ptr& o, const std::string& name,
                                  const TextKeyer& keyer) {
  std::vector<std::string> out;
  Poco::JSON::Array::Ptr a = o->getArray(name);
  for (size_t i = 0; a && i < a->size(); ++i)
    out.push_back(keyer.Key(a->getElement<std::string>(static_cast<unsigned>(i))));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& x, const auto& y) { return x.size() > y.size(); });
  return out;
}

// Start of the bracket group that closes at the end of `s`, or npos.
size_t TrailingGroupStart(const std::string& s) {
  if (!EndsWith(s, ")")) return std::string::npos;
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == ')') ++depth;
    if (s[i] == '(' && --depth == 0) return i;
  }
  return std::string::npos;
}

void Append(std::optional<std::string>* to, const std::string& part) {
  *to = to->has_value() ? **to + part : part;
}

}  // namespace

struct OrgNamer::Parts {
  std::string rest;  // what is left of the key
  NameKey out;
  std::string key_suffix;
};

Status OrgNamer::Create(const Gazetteer* gazetteer, std::unique_ptr<OrgNamer>* out) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("org_names.json", &o);
  if (!st.ok()) return st;
  std::unique_ptr<OrgNamer> n(new OrgNamer());
  n->g_ = gazetteer;
  const TextKeyer& keyer = gazetteer->keyer();
  try {
    Poco::JSON::Array::Ptr forms = o->getArray("legal_forms");
    for (size_t i = 0; i < forms->size(); ++i) {
      Poco::JSON::Object::Ptr f = forms->getObject(static_cast<unsigned>(i));
      n->forms_.push_back({f->getValue<std::string>("class"),
                           keyer.Key(f->getValue<std::string>("key_suffix")),
                           KeyArray(f, "suffixes", keyer)});
    }
    n->guard_words_ = KeyArray(o, "place_guard_words", keyer);
    n->kept_parentheticals_ = KeyArray(o, "kept_parentheticals", keyer);
    n->min_key_chars_ = o->optValue<size_t>("min_key_chars", 2);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/org_names.json: " + e.displayText());
  }
  *out = std::move(n);
  return Status::Ok();
}

NameKey OrgNamer::Key(std::string_view name) const {
  Parts p;
  p.rest = g_->keyer().Key(name);
  bool legal = StripLegalForm(&p);
  MoveBracketedPlaces(&p);
  if (StripTrailingQualifier(&p) && !legal) StripLegalForm(&p);
  StripLeadingPlaces(&p);
  p.out.key = p.rest + p.key_suffix;
  return p.out;
}

// 有限责任公司 / 有限公司 -> class "limited", key suffix 有限公司.
bool OrgNamer::StripLegalForm(Parts* p) const {
  for (const LegalForm& f : forms_)
    for (const std::string& s : f.suffixes)
      if (EndsWith(p->rest, s) && Chars(p->rest) - Chars(s) >= min_key_chars_) {
        p->rest.resize(p->rest.size() - s.size());
        p->out.legal_form = f.cls;
        p->key_suffix = f.key_suffix;
        return true;
      }
  return false;
}

// 京东云(重庆)创业孵化基地 -> 京东云创业孵化基地, place 重庆.
void OrgNamer::MoveBracketedPlaces(Parts* p) const {
  size_t from = 0;
  while ((from = p->rest.find('(', from)) != std::string::npos) {
    size_t close = p->rest.find(')', from);
    if (close == std::string::npos) return;
    std::string inner = p->rest.substr(from + 1, close - from - 1);
    if (from > 0 && IsPlace(inner)) {
      Append(&p->out.place, inner);
      p->rest.erase(from, close - from + 1);
    } else {
      from = close;
    }
  }
}

// 微托帮众创空间(原) -> 微托帮众创空间, qualifier 原.
bool OrgNamer::StripTrailingQualifier(Parts* p) const {
  size_t open = TrailingGroupStart(p->rest);
  if (open == std::string::npos || Chars(p->rest.substr(0, open)) < min_key_chars_) return false;
  std::string inner = p->rest.substr(open + 1, p->rest.size() - open - 2);
  for (const std::string& kept : kept_parentheticals_)
    if (inner == kept) return false;
  p->out.qualifier = inner;
  p->rest.resize(open);
  return true;
}

// 重庆市万州三都创业孵化中心 -> 三都创业孵化中心, place 重庆市万州. At the start
// a full division name or a province's short form; after a place, one of its
// children by full or short name. Short forms are not taken from names of
// institutions (浙江大学…).
void OrgNamer::StripLeadingPlaces(Parts* p) const {
  bool guarded = std::any_of(guard_words_.begin(), guard_words_.end(), [&](const std::string& w) {
    return p->rest.find(w) != std::string::npos;
  });
  for (int under = -1;;) {
    Head h = LeadingPlace(p->rest, under, guarded);
    if (h.place < 0) return;
    Append(&p->out.place, p->rest.substr(0, h.bytes));
    p->rest.erase(0, h.bytes);
    under = h.place;
  }
}

// The longest acceptable place at the start of `key`, leaving at least
// min_key_chars_ of name. The head grows a code point at a time, one step
// down the gazetteer's trie each (decoding the key and encoding each
// character again, and asking prefix and key apart, was 3% of an ingest).
OrgNamer::Head OrgNamer::LeadingPlace(const std::string& key, int under, bool guarded) const {
  const size_t chars = Chars(key);
  if (chars < min_key_chars_ + 2) return {};
  size_t longest = std::min(max_place_chars_, chars - min_key_chars_);
  Head best;
  int node = Gazetteer::kRoot;
  for (size_t n = 1, end = 0; n <= longest; ++n) {
    const size_t start = end;
    end = NextCodePointEnd(key, end);
    node = g_->Step(node, std::string_view(key).substr(start, end - start));
    if (node == Gazetteer::kNowhere) break;
    for (const PlaceMatch& m : g_->At(node))
      if (n >= 2 && Acceptable(m, n, under, guarded)) best = {m.place, end};
  }
  return best;
}

bool OrgNamer::Acceptable(const PlaceMatch& m, size_t head_chars, int under, bool guarded) const {
  const Place& place = g_->place(m.place);
  if (place.is_zone || m.form == MatchForm::kScopedAlias) return false;
  bool full = m.form == MatchForm::kFullName;
  if (under >= 0) return place.parent == under && (full || !guarded);
  // Two-character county names are also common words (城区, 郊区, 矿区).
  if (full) return place.level < 3 || head_chars >= 3;
  return place.level == 1 && !guarded;
}

bool OrgNamer::IsPlace(const std::string& key) const { return !g_->Lookup(key).empty(); }

const OrgNamer* DefaultOrgNamer(Status* status) {
  return LoadOnce<OrgNamer>(status, [](std::unique_ptr<OrgNamer>* out) {
    Status st;
    const Gazetteer* g = DefaultGazetteer(&st);
    return g ? OrgNamer::Create(g, out) : st;
  });
}

}  // namespace fuhua
