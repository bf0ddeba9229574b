// Implements AddPlanLinks (plan_identity.h): records with their carrier ->
// candidates -> a PlanMatcher, then the stored plan mentions, with the place
// they lie in, one at a time through it.
#include "store/plan_identity.h"

#include <memory>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "pipeline/plan_links.h"
#include "store/link_rows.h"

namespace fuhua {
namespace {

// One candidate per distinct (entity, name key, division), in record order:
// an entity's records mostly repeat one name and place, and the matcher
// indexes each once anyway. A candidate per record was ~140 bytes a record
// (44 MB at 314,000), held while the relink writes its members.
std::vector<PlanCandidate> Candidates(const LinkRows& records,
                                      const std::vector<std::string_view>& carrier_of_row) {
  std::vector<PlanCandidate> out;
  std::set<std::tuple<std::string_view, std::string_view, std::string>> seen;
  for (size_t i = 0; i < records.rows.size(); ++i) {
    const LinkRow& r = records.rows[i];
    std::optional<Region> region = RegionOf(records, r);
    std::string division = region ? DivisionOf(*region) : "";
    std::string_view key = records.text.Str(records.Of(r).name_key);
    if (seen.emplace(carrier_of_row[i], key, division).second)
      out.push_back({std::string(carrier_of_row[i]), std::string(key), std::move(division)});
  }
  return out;
}

}  // namespace

Status AddPlanLinks(Store* store, const LinkNotices& notices, const LinkRows& records,
                    const std::vector<std::string_view>& carrier_of_row, HeldPlanLinks* links) {
  std::unique_ptr<PlanMatcher> matcher;
  Status st = PlanMatcher::Make(Candidates(records, carrier_of_row), &matcher);
  if (!st.ok()) return st;
  // A mention lies in its target's area, else in the plan's jurisdiction.
  return store->ForEachPlanMention([&](PlanMentionRow&& r) {
    std::string area = r.area ? DivisionOf(*r.area) : "";
    if (const std::string* j = notices.Division(r.at.notice_id); area.empty() && j) area = *j;
    std::optional<PlanLink> l = matcher->Link({std::move(r.name_key), std::move(area)});
    if (l) links->Add(r.at, l->entity_id, l->score, l->reason);
  });
}

}  // namespace fuhua
