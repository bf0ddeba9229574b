// HeldRelations and HeldPlanLinks (held_links.h).
#include "store/held_links.h"

#include "store/identity_diff.h"

namespace fuhua {

void HeldRelations::Add(int64_t record, int64_t related, std::string_view kind,
                        std::string_view reason) {
  rows_.push_back({record, related, text_.Intern(kind), text_.Intern(reason)});
}

RelationRow HeldRelations::operator[](size_t i) const {
  const Held& h = rows_[i];
  return {h.record, h.related, std::string(text_.Str(h.kind)), std::string(text_.Str(h.reason))};
}

void HeldPlanLinks::Add(const PlanLinkRow& at, std::string_view entity_id, double score,
                        std::string_view reason) {
  rows_.push_back({at.notice_id, at.table, at.row, at.mention, text_.Intern(entity_id),
                   static_cast<int32_t>(ScoreMilli(score)), text_.Intern(reason)});
}

PlanLinkRow HeldPlanLinks::operator[](size_t i) const {
  const Held& h = rows_[i];
  return {h.notice,
          h.table,
          h.row,
          h.mention,
          std::string(text_.Str(h.entity)),
          FromMilli(h.score_milli),
          std::string(text_.Str(h.reason))};
}

}  // namespace fuhua
