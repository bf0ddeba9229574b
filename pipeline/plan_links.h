// Links carriers named in plan tables to the graded carriers they are (issue
// 7): 微企梦工场（软件产业孵化园） in 大渡口区's plan is 重庆微企梦工场 of the
// municipal grades, 微托帮众创空间（原） is 微托帮创业孵化基地, 三都创业孵化中心 in
// 万州区's targets is 重庆市万州三都创业孵化中心. Rules in schemas/linking.json
// ("plan"): names compare by their keys (place and qualifier moved out, see
// pipeline/org_names.h), then by brand (the key without its carrier-type
// suffix), only within the mention's place.
//   std::vector<PlanLink> links;
//   Status st = LinkPlanMentions(mentions, candidates, &links);
// or, mention by mention (a store's relink reads its mentions a slice at a time):
//   std::unique_ptr<PlanMatcher> m;
//   Status st = PlanMatcher::Make(std::move(candidates), &m);
//   std::optional<PlanLink> link = m->Link(mention);
#ifndef FUHUA_PIPELINE_PLAN_LINKS_H_
#define FUHUA_PIPELINE_PLAN_LINKS_H_

#include <memory>
#include <optional>
#include <string>
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

// The candidates indexed by key and brand, so each mention costs a few
// lookups however many records the store holds (a scan per mention made a
// relink quadratic in the corpus).
class PlanMatcher {
 public:
  // Fails only when schemas/linking.json is broken.
  static Status Make(std::vector<PlanCandidate> candidates, std::unique_ptr<PlanMatcher>* out);
  ~PlanMatcher();
  // The link of a mention that has a clear best carrier (its `mention` 0).
  // The same plan stored twice (.txt and .docx, or copies) repeats its
  // mentions: each distinct (name key, place) is answered once.
  std::optional<PlanLink> Link(const PlanMention& m);

 private:
  class Index;
  PlanMatcher() = default;
  std::vector<PlanCandidate> candidates_;
  std::unique_ptr<Index> index_;  // views candidates_
};

// One link per mention that has a clear best carrier (PlanMatcher); fails
// only when schemas/linking.json is broken.
Status LinkPlanMentions(const std::vector<PlanMention>& mentions,
                        const std::vector<PlanCandidate>& candidates, std::vector<PlanLink>* out);

// Whether two GB/T 2260 codes name the same place or one lies within the
// other (500000 ⊃ 500101); false when either is empty.
bool RegionsNest(const std::string& a, const std::string& b);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_LINKS_H_
