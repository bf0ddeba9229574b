// Implements LinkPlanMentions (plan_links.h). Candidates are grouped by
// province so a mention only scans the carriers of its own part of the
// country; plan tables name tens of carriers, a store holds up to hundreds
// of thousands of records.
#include "pipeline/plan_links.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>
#include <optional>

#include "pipeline/load_once.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

struct PlanRules {
  double same_key = 1, same_brand = 0.85, brand_extension = 0.8, min_score = 0.8;
  size_t max_brand_extension = 1, min_brand_chars = 3;
  std::vector<std::u32string> type_suffixes;  // longest first
};

Status LoadPlanRules(PlanRules* r) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("linking.json", &o);
  if (!st.ok()) return st;
  try {
    Poco::JSON::Object::Ptr p = o->getObject("plan");
    r->same_key = p->getValue<double>("same_key");
    r->same_brand = p->getValue<double>("same_brand");
    r->brand_extension = p->getValue<double>("brand_extension");
    r->min_score = p->getValue<double>("min_score");
    r->max_brand_extension = p->getValue<size_t>("max_brand_extension");
    r->min_brand_chars = p->getValue<size_t>("min_brand_chars");
    Poco::JSON::Array::Ptr a = p->getArray("type_suffixes");
    for (size_t i = 0; i < a->size(); ++i)
      r->type_suffixes.push_back(DecodeUtf8(a->getElement<std::string>(static_cast<unsigned>(i))));
    std::sort(r->type_suffixes.begin(), r->type_suffixes.end(),
              [](const auto& x, const auto& y) { return x.size() > y.size(); });
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/linking.json plan: " + e.displayText());
  }
  return Status::Ok();
}

const PlanRules* DefaultPlanLinkRules(Status* st) {
  return LoadOnce<PlanRules>(st, LoadFresh<PlanRules, LoadPlanRules>);
}

// The key without its carrier-type suffix (微托帮众创空间 -> 微托帮); none when
// no suffix ends it or too little is left to be a brand.
std::optional<std::u32string> Brand(const PlanRules& r, const std::u32string& key) {
  for (const std::u32string& s : r.type_suffixes) {
    if (key.size() < s.size() || key.compare(key.size() - s.size(), s.size(), s) != 0) continue;
    std::u32string brand = key.substr(0, key.size() - s.size());
    if (brand.size() < r.min_brand_chars) return std::nullopt;
    return brand;
  }
  return std::nullopt;
}

// Score of a candidate for a mention, 0 when they are not the same carrier.
double Score(const PlanRules& r, const std::string& mention, const std::string& candidate,
             std::string* reason) {
  if (mention == candidate) {
    *reason = "same name key";
    return r.same_key;
  }
  std::optional<std::u32string> a = Brand(r, DecodeUtf8(mention)), b = Brand(r, DecodeUtf8(candidate));
  if (!a || !b) return 0;
  if (*a == *b) {
    *reason = "same brand " + EncodeUtf8(*a);
    return r.same_brand;
  }
  const std::u32string& shorter = a->size() < b->size() ? *a : *b;
  const std::u32string& longer = a->size() < b->size() ? *b : *a;
  if (longer.size() - shorter.size() > r.max_brand_extension || longer.compare(0, shorter.size(), shorter) != 0)
    return 0;
  *reason = "brand " + EncodeUtf8(longer) + " extends " + EncodeUtf8(shorter);
  return r.brand_extension;
}

// The best entity for one mention; none on a tie between two entities.
std::optional<PlanLink> Best(const PlanRules& r, const PlanMention& m,
                             const std::vector<const PlanCandidate*>& pool) {
  std::map<std::string, PlanLink> by_entity;
  for (const PlanCandidate* c : pool) {
    if (!RegionsNest(m.region_code, c->region_code)) continue;
    std::string reason;
    double s = Score(r, m.name_key, c->name_key, &reason);
    PlanLink& best = by_entity[c->entity_id];
    if (s > best.score) best = PlanLink{0, c->entity_id, s, reason + " in " + c->region_code};
  }
  std::optional<PlanLink> top;
  bool tie = false;
  for (const auto& [id, link] : by_entity) {
    if (link.score < r.min_score) continue;
    if (top && link.score == top->score) tie = true;
    if (!top || link.score > top->score) top = link, tie = false;
  }
  return tie ? std::nullopt : top;
}

}  // namespace

bool RegionsNest(const std::string& a, const std::string& b) {
  if (a.size() != 6 || b.size() != 6) return false;
  if (a == b) return true;
  // A province ends in 0000, a prefecture in 00; its divisions share that prefix.
  auto within = [](const std::string& outer, const std::string& inner) {
    size_t keep = outer.ends_with("0000") ? 2 : outer.ends_with("00") ? 4 : 6;
    return keep < 6 && inner.compare(0, keep, outer, 0, keep) == 0;
  };
  return within(a, b) || within(b, a);
}

Status LinkPlanMentions(const std::vector<PlanMention>& mentions,
                        const std::vector<PlanCandidate>& candidates, std::vector<PlanLink>* out) {
  out->clear();
  Status st;
  const PlanRules* rules = DefaultPlanLinkRules(&st);
  if (!rules) return st;
  std::map<std::string, std::vector<const PlanCandidate*>> by_province;
  for (const PlanCandidate& c : candidates)
    if (c.region_code.size() == 6) by_province[c.region_code.substr(0, 2)].push_back(&c);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const PlanMention& m = mentions[i];
    if (m.region_code.size() != 6) continue;  // a name alone is too weak to link across the country
    auto pool = by_province.find(m.region_code.substr(0, 2));
    if (pool == by_province.end()) continue;
    std::optional<PlanLink> link = Best(*rules, m, pool->second);
    if (!link) continue;
    link->mention = i;
    out->push_back(std::move(*link));
  }
  return Status::Ok();
}

}  // namespace fuhua
