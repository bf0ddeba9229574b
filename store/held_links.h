// The relations and plan links a relink makes (store/identity.cc), held
// until Store::ReplaceIdentity writes them. A store has ~0.8 plan links and
// ~0.2 relations a notice; as RelationRow and PlanLinkRow, each with its
// strings and a vector's spare room, they were ~190 bytes a notice, the part
// of a relink's memory that grew most with the notices once copies were
// folded (~19 MB at 100,000). Held here a plan link is 32 bytes and a
// relation 24, and each entity id, kind and reason is held once.
//   HeldPlanLinks links;
//   links.Add(mention_at, "C000012", 0.93, "same name key");
//   for (size_t i = 0; i < links.size(); ++i) Write(links[i]);
#ifndef FUHUA_STORE_HELD_LINKS_H_
#define FUHUA_STORE_HELD_LINKS_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "pipeline/text_pool.h"
#include "store/identity_types.h"

namespace fuhua {

class HeldRelations {
 public:
  void Add(int64_t record, int64_t related, std::string_view kind, std::string_view reason);
  size_t size() const { return rows_.size(); }
  RelationRow operator[](size_t i) const;

 private:
  struct Held {
    int64_t record = 0;
    int64_t related = 0;
    TextId kind = TextPool::kNull;
    TextId reason = TextPool::kNull;
  };
  static_assert(sizeof(Held) == 24);
  std::vector<Held> rows_;
  TextPool text_;
};

// Scores are held as the store keeps them, in thousandths (ScoreMilli).
class HeldPlanLinks {
 public:
  // `at`: the mention's place (its entity, score and reason are not read).
  void Add(const PlanLinkRow& at, std::string_view entity_id, double score, std::string_view reason);
  size_t size() const { return rows_.size(); }
  PlanLinkRow operator[](size_t i) const;

 private:
  struct Held {
    int64_t notice = 0;
    int32_t table = 0;
    int32_t row = 0;
    int32_t mention = 0;
    TextId entity = TextPool::kNull;
    int32_t score_milli = 0;
    TextId reason = TextPool::kNull;
  };
  static_assert(sizeof(Held) == 32);
  std::vector<Held> rows_;
  TextPool text_;
};

// What a relink writes besides the members, which it streams
// (Store::ReplaceIdentity). The entities stream too: each call fills the
// next one and returns false after the last (none when empty). As rows of
// strings they were ~480 bytes an entity, the largest thing a relink of
// distinct notices held (link_views.h Entities).
struct IdentityWrite {
  std::function<bool(EntityRow*)> entities;
  std::vector<ReviewRow> reviews;  // few: the pairs left for a person
  HeldRelations relations;
  HeldPlanLinks plan_links;  // by notice, table, row, mention
};

}  // namespace fuhua

#endif  // FUHUA_STORE_HELD_LINKS_H_
