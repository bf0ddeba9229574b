// Links carriers named in plan tables to the graded carriers they are (issue
// 7): 微企梦工场（软件产业孵化园） in 大渡口区's plan is 重庆微企梦工场 of the
// municipal grades, 微托帮众创空间（原） is 微托帮创业孵化基地, 三都创业孵化中心 in
// 万州区's targets is 重庆市万州三都创业孵化中心. Rules in schemas/linking.json
// ("plan"): names compare by their keys (place and qualifier moved out, see
// pipeline/org_names.h), then by brand (the key without its carrier-type
// suffix), only within the mention's place.
//   std::vector<PlanLink> links;
//   Status st = LinkPlanMentions(mentions, candidates, &links);
// or, for candidates streamed (a store's relink): PlanMentionLinker below.
#ifndef FUHUA_PIPELINE_PLAN_LINKS_H_
#define FUHUA_PIPELINE_PLAN_LINKS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace fuhua {

// A carrier named in a plan table.
struct PlanMention {
  std::string name_key;
  std::string region_code;  // where it lies: the target's area or the plan's
                            // jurisdiction (GB/T 2260), "" when unknown
};

// One record of a graded carrier entity.
struct PlanCandidate {
  std::string entity_id;
  std::string name_key;
  std::string region_code;  // the record's district (a zone's parent division), ""
};

struct PlanLink {
  size_t mention = 0;  // index into the mentions
  std::string entity_id;
  double score = 0;
  std::string reason;  // "same name key", "same brand 微托帮", "brand 爱心惠残 extends 爱心惠"
};

// Mentions answered by streaming the candidates past them: the index is
// over the mentions' keys and brands (a plan lists tens of carriers), not
// over the candidates, which in a relink are every record of the store.
// Indexing those held ~170 MB at 310,000 distinct records, and was built
// even for a store without a plan. Each candidate costs a lookup or three.
//   std::unique_ptr<PlanMentionLinker> l;
//   Status st = PlanMentionLinker::Make(&l);
//   size_t q = l->Add(mention);               // every mention first
//   for (const PlanCandidate& c : candidates)  // then the candidates, in order
//     if (l->MayMatch(c.name_key)) l->Offer(c.entity_id, c.name_key, c.region_code);
//   std::optional<PlanLink> link = l->Answer(q);
// A mention takes, per entity, the best score any of its candidates earns
// (by name key, else by brand), the first candidate offered among equals
// giving the reason; the entity with the best score wins, a tie none.
class PlanMentionLinker {
 public:
  // Fails only when schemas/linking.json is broken.
  static Status Make(std::unique_ptr<PlanMentionLinker>* out);
  ~PlanMentionLinker();
  // The query a mention is: the same plan stored twice (.txt and .docx, or
  // copies) repeats its mentions, and each distinct (name key, place) is
  // answered once. Adding one again returns its query.
  size_t Add(const PlanMention& m);
  // Whether any mention could link at all (none without a place).
  bool WantsCandidates() const;
  // Whether a candidate with this name key could match a mention: a cheap
  // filter before its region is worked out.
  bool MayMatch(std::string_view name_key) const;
  void Offer(std::string_view entity_id, std::string_view name_key, std::string_view region_code);
  // The link of query `q` (its `mention` 0) when it has a clear best carrier.
  std::optional<PlanLink> Answer(size_t q) const;

 private:
  class Index;
  explicit PlanMentionLinker(std::unique_ptr<Index> index);
  std::unique_ptr<Index> index_;
};

// One link per mention that has a clear best carrier (PlanMentionLinker); fails
// only when schemas/linking.json is broken.
Status LinkPlanMentions(const std::vector<PlanMention>& mentions,
                        const std::vector<PlanCandidate>& candidates, std::vector<PlanLink>* out);

// Whether two GB/T 2260 codes name the same place or one lies within the
// other (500000 ⊃ 500101); false when either is empty.
bool RegionsNest(std::string_view a, std::string_view b);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_LINKS_H_
