// Implements AddPlanLinks (plan_identity.h): stored plan content -> mentions
// with the place they lie in, records with their carrier -> candidates, then
// LinkPlanMentions.
#include "store/plan_identity.h"

#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "pipeline/plan_links.h"
#include "store/link_rows.h"

namespace fuhua {
namespace {

// The division a region stands for: its code, or for a zone (or a street
// below the gazetteer) the division it lies in.
std::string DivisionOf(const Region& r) {
  if (r.code) return *r.code;
  return r.parent_code.value_or("");
}

struct Mentions {
  std::vector<PlanMention> mentions;
  std::vector<PlanLinkRow> rows;  // where each mention is, entity and score to fill
};

void AddMention(Mentions* m, int64_t notice, int table, int row, int index, const std::string& key,
                const std::string& region) {
  m->mentions.push_back({key, region});
  m->rows.push_back({notice, table, row, index, "", 0, ""});
}

void CollectMentions(const NoticeContent& c, const std::string& jurisdiction, Mentions* m) {
  for (const PlanCarrier& p : c.plans.carriers)
    AddMention(m, c.notice_id, p.site.table, p.site.row, 0, p.site.name_key, jurisdiction);
  for (const PlanProperty& p : c.plans.properties)
    AddMention(m, c.notice_id, p.site.table, p.site.row, 0, p.site.name_key, jurisdiction);
  for (const PlanTarget& t : c.plans.targets) {
    std::string area = t.area_region ? DivisionOf(*t.area_region) : "";
    for (size_t i = 0; i < t.main_carriers.size(); ++i)
      AddMention(m, c.notice_id, t.table, t.row, static_cast<int>(i), t.main_carriers[i].name_key,
                 area.empty() ? jurisdiction : area);
  }
}

// One candidate per distinct (entity, name key, division), in record order:
// an entity's records mostly repeat one name and place, and the matcher
// indexes each once anyway. A candidate per record was ~140 bytes a record
// (44 MB at 314,000), held while the relink writes its members.
std::vector<PlanCandidate> Candidates(const LinkRows& records,
                                      const std::vector<std::string>& carrier_of_row) {
  std::vector<PlanCandidate> out;
  std::set<std::tuple<std::string_view, std::string_view, std::string>> seen;
  for (size_t i = 0; i < records.rows.size(); ++i) {
    const LinkRow& r = records.rows[i];
    std::optional<Region> region = RegionOf(records, r);
    std::string division = region ? DivisionOf(*region) : "";
    std::string_view key = records.text.Str(r.name_key);
    if (seen.emplace(carrier_of_row[i], key, division).second)
      out.push_back({carrier_of_row[i], std::string(key), std::move(division)});
  }
  return out;
}

}  // namespace

Status AddPlanLinks(Store* store, const std::vector<NoticeRow>& notices, const LinkRows& records,
                    const std::vector<std::string>& carrier_of_row, IdentitySnapshot* snapshot) {
  std::vector<NoticeContent> content;
  Status st = store->LoadPlans(&content);
  if (!st.ok()) return st;
  std::unordered_map<int64_t, std::string> jurisdiction;
  for (const NoticeRow& n : notices)
    if (n.meta.jurisdiction) jurisdiction[n.id] = DivisionOf(n.meta.jurisdiction->place);
  Mentions m;
  for (const NoticeContent& c : content) CollectMentions(c, jurisdiction[c.notice_id], &m);
  std::vector<PlanLink> links;
  st = LinkPlanMentions(m.mentions, Candidates(records, carrier_of_row), &links);
  if (!st.ok()) return st;
  for (const PlanLink& l : links) {
    PlanLinkRow row = m.rows[l.mention];
    row.entity_id = l.entity_id, row.score = l.score, row.reason = l.reason;
    snapshot->plan_links.push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace fuhua
