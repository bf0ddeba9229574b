// Implements PlanMentionLinker and LinkPlanMentions (plan_links.h).
#include "pipeline/plan_links.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

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

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A distinct mention: its key and place, its brand, and per entity the best
// offer so far.
struct Query {
  struct Best {
    double score = 0;
    uint64_t rank = 0;  // phase (0 key, 1 + cut brand), then the candidate's order
    std::string reason;
  };
  std::string name_key, region_code;
  std::optional<std::u32string> brand;
  std::map<std::string, Best, std::less<>> by_entity;
};

}  // namespace

class PlanMentionLinker::Index {
 public:
  explicit Index(const PlanRules& r) : r_(r) {}

  size_t Add(const PlanMention& m) {
    auto [it, fresh] = ids_.try_emplace({m.name_key, m.region_code}, queries_.size());
    if (!fresh) return it->second;
    Query q{m.name_key, m.region_code, std::nullopt, {}};
    // A name alone is too weak to link across the country: the place is required.
    if (m.region_code.size() == 6) {
      by_key_[m.name_key].push_back(it->second);
      q.brand = Brand(r_, DecodeUtf8(m.name_key));
      // The brand cut by up to max_brand_extension characters: a candidate
      // finds the brands it extends and the brands that extend it by lookups.
      for (size_t cut = 0; q.brand && cut <= r_.max_brand_extension && cut < q.brand->size(); ++cut)
        by_brand_[q.brand->substr(0, q.brand->size() - cut)].push_back({it->second, cut});
    }
    queries_.push_back(std::move(q));
    return it->second;
  }

  bool WantsCandidates() const { return !by_key_.empty(); }

  bool MayMatch(std::string_view key) const {
    if (by_key_.find(key) != by_key_.end()) return true;
    if (by_brand_.empty()) return false;
    std::optional<std::u32string> brand = Brand(r_, DecodeUtf8(key));
    for (size_t cut = 0; brand && cut <= r_.max_brand_extension && cut < brand->size(); ++cut)
      if (by_brand_.count(brand->substr(0, brand->size() - cut))) return true;
    return false;
  }

  void Offer(std::string_view entity, std::string_view key, std::string_view region) {
    if (region.size() != 6) return;
    const uint64_t order = offered_++;
    auto offer = [&](size_t q, uint64_t phase, double score, const std::string& reason) {
      Query& query = queries_[q];
      if (!RegionsNest(query.region_code, region)) return;
      const uint64_t rank = phase << 40 | order;
      auto [it, fresh] = query.by_entity.try_emplace(std::string(entity));
      Query::Best& best = it->second;
      if (fresh || score > best.score || (score == best.score && rank < best.rank))
        best = {score, rank, reason + " in " + std::string(region)};
    };
    if (auto it = by_key_.find(key); it != by_key_.end())
      for (size_t q : it->second) offer(q, 0, r_.same_key, "same name key");
    if (by_brand_.empty()) return;
    std::optional<std::u32string> brand = Brand(r_, DecodeUtf8(key));
    for (size_t cut = 0; brand && cut <= r_.max_brand_extension && cut < brand->size(); ++cut) {
      auto it = by_brand_.find(brand->substr(0, brand->size() - cut));
      if (it == by_brand_.end()) continue;
      for (const auto& [q, mention_cut] : it->second) {
        const std::u32string& theirs = *queries_[q].brand;
        const std::u32string& shorter = brand->size() < theirs.size() ? *brand : theirs;
        const std::u32string& longer = brand->size() < theirs.size() ? theirs : *brand;
        if (longer.compare(0, shorter.size(), shorter) != 0 ||
            longer.size() - shorter.size() > r_.max_brand_extension)
          continue;
        if (*brand == theirs)
          offer(q, 1 + mention_cut, r_.same_brand, "same brand " + EncodeUtf8(theirs));
        else
          offer(q, 1 + mention_cut, r_.brand_extension,
                "brand " + EncodeUtf8(longer) + " extends " + EncodeUtf8(shorter));
      }
    }
  }

  // The entity with the best score; none on a tie between two.
  std::optional<PlanLink> Answer(size_t q) const {
    const Query::Best* top = nullptr;
    const std::string* top_id = nullptr;
    bool tie = false;
    for (const auto& [id, best] : queries_[q].by_entity) {
      if (best.score < r_.min_score) continue;
      if (top && best.score == top->score) tie = true;
      if (!top || best.score > top->score) top = &best, top_id = &id, tie = false;
    }
    if (!top || tie) return std::nullopt;
    return PlanLink{0, *top_id, top->score, top->reason};
  }

 private:
  const PlanRules& r_;
  std::vector<Query> queries_;
  std::map<std::pair<std::string, std::string>, size_t> ids_;  // (key, place) -> query
  std::unordered_map<std::string, std::vector<size_t>, TextHash, std::equal_to<>> by_key_;
  // A brand cut by `cut` characters -> (query, cut).
  std::unordered_map<std::u32string, std::vector<std::pair<size_t, size_t>>> by_brand_;
  uint64_t offered_ = 0;  // candidates offered so far
};

bool RegionsNest(std::string_view a, std::string_view b) {
  if (a.size() != 6 || b.size() != 6) return false;
  if (a == b) return true;
  // A province ends in 0000, a prefecture in 00; its divisions share that prefix.
  auto within = [](std::string_view outer, std::string_view inner) {
    size_t keep = outer.ends_with("0000") ? 2 : outer.ends_with("00") ? 4 : 6;
    return keep < 6 && inner.compare(0, keep, outer, 0, keep) == 0;
  };
  return within(a, b) || within(b, a);
}

PlanMentionLinker::PlanMentionLinker(std::unique_ptr<Index> index) : index_(std::move(index)) {}
PlanMentionLinker::~PlanMentionLinker() = default;

Status PlanMentionLinker::Make(std::unique_ptr<PlanMentionLinker>* out) {
  Status st;
  const PlanRules* rules = DefaultPlanLinkRules(&st);
  if (!rules) return st;
  out->reset(new PlanMentionLinker(std::make_unique<Index>(*rules)));
  return Status::Ok();
}

size_t PlanMentionLinker::Add(const PlanMention& m) { return index_->Add(m); }
bool PlanMentionLinker::WantsCandidates() const { return index_->WantsCandidates(); }
bool PlanMentionLinker::MayMatch(std::string_view name_key) const {
  return index_->MayMatch(name_key);
}
void PlanMentionLinker::Offer(std::string_view entity_id, std::string_view name_key,
                              std::string_view region_code) {
  index_->Offer(entity_id, name_key, region_code);
}
std::optional<PlanLink> PlanMentionLinker::Answer(size_t q) const { return index_->Answer(q); }

Status LinkPlanMentions(const std::vector<PlanMention>& mentions,
                        const std::vector<PlanCandidate>& candidates, std::vector<PlanLink>* out) {
  out->clear();
  std::unique_ptr<PlanMentionLinker> linker;
  Status st = PlanMentionLinker::Make(&linker);
  if (!st.ok()) return st;
  std::vector<size_t> queries;
  for (const PlanMention& m : mentions) queries.push_back(linker->Add(m));
  for (const PlanCandidate& c : candidates)
    if (linker->WantsCandidates() && linker->MayMatch(c.name_key))
      linker->Offer(c.entity_id, c.name_key, c.region_code);
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::optional<PlanLink> link = linker->Answer(queries[i]);
    if (!link) continue;
    link->mention = i;
    out->push_back(std::move(*link));
  }
  return Status::Ok();
}

}  // namespace fuhua
