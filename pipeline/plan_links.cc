// Implements PlanMatcher and LinkPlanMentions (plan_links.h).
#include "pipeline/plan_links.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

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

// Candidates indexed by what can match: the name key, and the brand with up
// to max_brand_extension trailing characters cut (so a brand finds the
// brands it extends and the brands that extend it by lookups, not a scan).
class CandidateIndex {
 public:
  CandidateIndex(const PlanRules& r, const std::vector<PlanCandidate>& candidates) : r_(r) {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const PlanCandidate& c : candidates) {
      // An entity's records mostly repeat one name and place: index each once.
      if (c.region_code.size() != 6 || !seen.insert({c.entity_id, c.name_key, c.region_code}).second) continue;
      by_key_[c.name_key].push_back(&c);
      std::optional<std::u32string> brand = Brand(r, DecodeUtf8(c.name_key));
      if (!brand) continue;
      for (size_t cut = 0; cut <= r.max_brand_extension && cut < brand->size(); ++cut)
        by_brand_[brand->substr(0, brand->size() - cut)].push_back({&c, *brand});
    }
  }

  // The best entity for `m`; none on a tie between two entities.
  std::optional<PlanLink> Best(const PlanMention& m) const {
    std::map<std::string, PlanLink> by_entity;
    auto offer = [&](const PlanCandidate* c, double score, const std::string& reason) {
      if (!RegionsNest(m.region_code, c->region_code)) return;
      PlanLink& best = by_entity[c->entity_id];
      if (score > best.score) best = PlanLink{0, c->entity_id, score, reason + " in " + c->region_code};
    };
    if (auto it = by_key_.find(m.name_key); it != by_key_.end())
      for (const PlanCandidate* c : it->second) offer(c, r_.same_key, "same name key");
    if (std::optional<std::u32string> brand = Brand(r_, DecodeUtf8(m.name_key))) OfferBrands(*brand, offer);
    return Pick(by_entity);
  }

 private:
  struct Branded {
    const PlanCandidate* candidate;
    std::u32string brand;
  };

  // Candidates whose brand equals `brand`, is `brand` cut by up to
  // max_brand_extension characters, or extends it by as many.
  template <typename Offer>
  void OfferBrands(const std::u32string& brand, Offer& offer) const {
    for (size_t cut = 0; cut <= r_.max_brand_extension && cut < brand.size(); ++cut) {
      auto it = by_brand_.find(brand.substr(0, brand.size() - cut));
      if (it == by_brand_.end()) continue;
      for (const Branded& b : it->second) {
        const std::u32string& shorter = b.brand.size() < brand.size() ? b.brand : brand;
        const std::u32string& longer = b.brand.size() < brand.size() ? brand : b.brand;
        if (longer.compare(0, shorter.size(), shorter) != 0 ||
            longer.size() - shorter.size() > r_.max_brand_extension)
          continue;
        if (b.brand == brand) offer(b.candidate, r_.same_brand, "same brand " + EncodeUtf8(brand));
        else offer(b.candidate, r_.brand_extension, "brand " + EncodeUtf8(longer) + " extends " + EncodeUtf8(shorter));
      }
    }
  }

  std::optional<PlanLink> Pick(const std::map<std::string, PlanLink>& by_entity) const {
    std::optional<PlanLink> top;
    bool tie = false;
    for (const auto& [id, link] : by_entity) {
      if (link.score < r_.min_score) continue;
      if (top && link.score == top->score) tie = true;
      if (!top || link.score > top->score) top = link, tie = false;
    }
    return tie ? std::nullopt : top;
  }

  const PlanRules& r_;
  std::unordered_map<std::string, std::vector<const PlanCandidate*>> by_key_;
  std::map<std::u32string, std::vector<Branded>> by_brand_;
};

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

class PlanMatcher::Index {
 public:
  Index(const PlanRules& r, const std::vector<PlanCandidate>& candidates) : candidates(r, candidates) {}
  CandidateIndex candidates;
  std::map<std::pair<std::string, std::string>, std::optional<PlanLink>> answered;
};

Status PlanMatcher::Make(std::vector<PlanCandidate> candidates, std::unique_ptr<PlanMatcher>* out) {
  Status st;
  const PlanRules* rules = DefaultPlanLinkRules(&st);
  if (!rules) return st;
  std::unique_ptr<PlanMatcher> m(new PlanMatcher());
  m->candidates_ = std::move(candidates);
  m->index_ = std::make_unique<Index>(*rules, m->candidates_);
  *out = std::move(m);
  return Status::Ok();
}

PlanMatcher::~PlanMatcher() = default;

std::optional<PlanLink> PlanMatcher::Link(const PlanMention& m) {
  // A name alone is too weak to link across the country: the place is required.
  if (m.region_code.size() != 6) return std::nullopt;
  auto [it, fresh] = index_->answered.try_emplace({m.name_key, m.region_code});
  if (fresh) it->second = index_->candidates.Best(m);
  return it->second;
}

Status LinkPlanMentions(const std::vector<PlanMention>& mentions,
                        const std::vector<PlanCandidate>& candidates, std::vector<PlanLink>* out) {
  out->clear();
  std::unique_ptr<PlanMatcher> matcher;
  Status st = PlanMatcher::Make(candidates, &matcher);
  if (!st.ok()) return st;
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::optional<PlanLink> link = matcher->Link(mentions[i]);
    if (!link) continue;
    link->mention = i;
    out->push_back(std::move(*link));
  }
  return Status::Ok();
}

}  // namespace fuhua
