// Implements AddPlanLinks (plan_identity.h): the stored plan mentions, with
// the place they lie in, become the queries of a PlanMentionLinker; the
// records stream past it as candidates, each with its carrier; the mentions
// are read again for their answers. Memory goes with the distinct mentions,
// not with the records.
#include "store/plan_identity.h"

#include <memory>
#include <optional>
#include <string>

#include "pipeline/plan_links.h"
#include "store/link_rows.h"

namespace fuhua {
namespace {

// A mention lies in its target's area, else in the plan's jurisdiction.
PlanMention MentionOf(const LinkNotices& notices, const PlanMentionRow& r) {
  std::string area = r.area ? DivisionOf(*r.area) : "";
  if (std::optional<std::string_view> j = notices.Division(r.at.notice_id); area.empty() && j)
    area = *j;
  return {r.name_key, std::move(area)};
}

// Every record is a candidate for its carrier entity, in record order.
void OfferRecords(const LinkRows& records, const std::vector<std::string_view>& carrier_of_row,
                  PlanMentionLinker* linker) {
  for (size_t i = 0; i < records.rows.size(); ++i) {
    const LinkRow& r = records.rows[i];
    std::string_view key = records.text.Str(records.Of(r).name_key);
    if (!linker->MayMatch(key)) continue;  // its region is worked out only when it may
    std::optional<Region> region = RegionOf(records, r);
    linker->Offer(carrier_of_row[i], key, region ? DivisionOf(*region) : "");
  }
}

}  // namespace

Status AddPlanLinks(Store* store, const LinkNotices& notices, const LinkRows& records,
                    const std::vector<std::string_view>& carrier_of_row, HeldPlanLinks* links) {
  std::unique_ptr<PlanMentionLinker> linker;
  Status st = PlanMentionLinker::Make(&linker);
  if (st.ok())
    st = store->ForEachPlanMention([&](PlanMentionRow&& r) { linker->Add(MentionOf(notices, r)); });
  if (!st.ok() || !linker->WantsCandidates()) return st;
  OfferRecords(records, carrier_of_row, linker.get());
  return store->ForEachPlanMention([&](PlanMentionRow&& r) {
    std::optional<PlanLink> l = linker->Answer(linker->Add(MentionOf(notices, r)));
    if (l) links->Add(r.at, l->entity_id, l->score, l->reason);
  });
}

}  // namespace fuhua
