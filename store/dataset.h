// Dataset: the current content of a store in memory — current notices, their
// records, and the identity snapshot — with the lookups the read-side
// commands need (compare, history, link --review, export). Loaded in one go;
// a store of 100,000 records takes tens of MB.
//   Dataset d;
//   Status st = LoadDataset(store.get(), &d);
//   const EntityRow* e = d.CarrierOf(record_id);
#ifndef FUHUA_STORE_DATASET_H_
#define FUHUA_STORE_DATASET_H_

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace fuhua {

struct Dataset {
  std::vector<NoticeRow> notices;  // current versions, by source path
  std::vector<RecordRow> records;  // of current notices, by id
  IdentitySnapshot identity;
  std::vector<CheckRow> checks;            // of current notices
  std::vector<DiagnosticRow> diagnostics;  // of current notices
  std::vector<NoticeContent> content;      // tables as data of current notices, by notice id

  const NoticeRow* Notice(int64_t notice_id) const;
  const RecordRow* Record(int64_t record_id) const;
  const EntityRow* Entity(const std::string& id) const;
  // The entity a record belongs to in `role` (carrier | operator |
  // named_organisation), or nullptr.
  const EntityRow* EntityOf(int64_t record_id, const std::string& role) const;
  const MemberRow* MemberOf(int64_t record_id, const std::string& role) const;
  // The graded carrier a plan mention was linked to, or nullptr (mention: 0
  // for a plan site, the carrier's index in a target's cell).
  const PlanLinkRow* PlanLinkOf(int64_t notice_id, int table, int row, int mention) const;
  // The name as written of the plan mention `l` points at ("" if not found).
  std::string PlanMentionName(const PlanLinkRow& l) const;
  // The plan mentions linked to an entity, by notice, table, row.
  std::vector<const PlanLinkRow*> PlanMentions(const std::string& entity_id) const;
  // Records of an entity, by notice year then id.
  std::vector<const RecordRow*> Members(const std::string& entity_id) const;

  // Filled by LoadDataset.
  std::unordered_map<int64_t, size_t> notice_index, record_index;
  std::map<std::string, size_t> entity_index;
  std::map<std::pair<int64_t, std::string>, size_t> member_index;  // (record, role)
  std::multimap<std::string, size_t> members_by_entity;
  std::map<std::tuple<int64_t, int, int, int>, size_t> plan_link_index;
};

Status LoadDataset(Store* store, Dataset* out);

}  // namespace fuhua

#endif  // FUHUA_STORE_DATASET_H_
