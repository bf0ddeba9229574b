// Loads a Dataset (dataset.h) and builds its indexes.
#include "store/dataset.h"

#include <algorithm>

namespace fuhua {

Status LoadDataset(Store* store, Dataset* d) {
  *d = Dataset();
  Status st = store->CurrentNotices(&d->notices);
  if (st.ok()) st = store->LoadRecords(RecordFilter{}, &d->records);
  if (st.ok()) st = store->LoadIdentity(&d->identity);
  if (st.ok()) st = store->LoadChecks(&d->checks);
  if (st.ok()) st = store->LoadDiagnostics(&d->diagnostics);
  if (st.ok()) st = store->LoadContent(&d->content);
  if (!st.ok()) return st;
  for (size_t i = 0; i < d->notices.size(); ++i) d->notice_index[d->notices[i].id] = i;
  for (size_t i = 0; i < d->records.size(); ++i) d->record_index[d->records[i].id] = i;
  for (size_t i = 0; i < d->identity.entities.size(); ++i) d->entity_index[d->identity.entities[i].id] = i;
  for (size_t i = 0; i < d->identity.members.size(); ++i) {
    const MemberRow& m = d->identity.members[i];
    d->member_index[{m.record_id, m.role}] = i;
    d->members_by_entity.emplace(m.entity_id, i);
  }
  for (size_t i = 0; i < d->identity.plan_links.size(); ++i) {
    const PlanLinkRow& l = d->identity.plan_links[i];
    d->plan_link_index[{l.notice_id, l.table, l.row, l.mention}] = i;
  }
  return Status::Ok();
}

const PlanLinkRow* Dataset::PlanLinkOf(int64_t notice_id, int table, int row, int mention) const {
  auto it = plan_link_index.find({notice_id, table, row, mention});
  return it == plan_link_index.end() ? nullptr : &identity.plan_links[it->second];
}

std::string Dataset::PlanMentionName(const PlanLinkRow& l) const {
  for (const NoticeContent& c : content) {
    if (c.notice_id != l.notice_id) continue;
    for (const PlanCarrier& p : c.plans.carriers)
      if (p.site.table == l.table && p.site.row == l.row) return p.site.name;
    for (const PlanProperty& p : c.plans.properties)
      if (p.site.table == l.table && p.site.row == l.row) return p.site.name;
    for (const PlanTarget& t : c.plans.targets)
      if (t.table == l.table && t.row == l.row && l.mention >= 0 &&
          static_cast<size_t>(l.mention) < t.main_carriers.size())
        return t.main_carriers[static_cast<size_t>(l.mention)].name;
  }
  return "";
}

std::vector<const PlanLinkRow*> Dataset::PlanMentions(const std::string& entity_id) const {
  std::vector<const PlanLinkRow*> out;
  for (const PlanLinkRow& l : identity.plan_links)
    if (l.entity_id == entity_id) out.push_back(&l);
  return out;
}

const NoticeRow* Dataset::Notice(int64_t id) const {
  auto it = notice_index.find(id);
  return it == notice_index.end() ? nullptr : &notices[it->second];
}

const RecordRow* Dataset::Record(int64_t id) const {
  auto it = record_index.find(id);
  return it == record_index.end() ? nullptr : &records[it->second];
}

const EntityRow* Dataset::Entity(const std::string& id) const {
  auto it = entity_index.find(id);
  return it == entity_index.end() ? nullptr : &identity.entities[it->second];
}

const MemberRow* Dataset::MemberOf(int64_t record_id, const std::string& role) const {
  auto it = member_index.find({record_id, role});
  return it == member_index.end() ? nullptr : &identity.members[it->second];
}

const EntityRow* Dataset::EntityOf(int64_t record_id, const std::string& role) const {
  const MemberRow* m = MemberOf(record_id, role);
  return m ? Entity(m->entity_id) : nullptr;
}

std::vector<const RecordRow*> Dataset::Members(const std::string& entity_id) const {
  std::vector<const RecordRow*> out;
  auto [from, to] = members_by_entity.equal_range(entity_id);
  for (auto it = from; it != to; ++it)
    if (const RecordRow* r = Record(identity.members[it->second].record_id)) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const RecordRow* a, const RecordRow* b) {
    return a->year.value_or(0) != b->year.value_or(0) ? a->year.value_or(0) < b->year.value_or(0)
                                                       : a->id < b->id;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace fuhua
