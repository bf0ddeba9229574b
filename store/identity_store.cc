// The identity tables (store/migrations/002_identity.sql): a relink writes a
// whole snapshot in one transaction, so readers never see half a linking
// (entities and members as the difference from the stored ones,
// identity_diff.h); decisions are separate rows that a relink never touches.
#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

#include "store/held_links.h"
#include "store/identity_diff.h"
#include "store/row_batch.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_guard.h"

namespace fuhua {
namespace {

void InsertReviewsAndRelations(SqlSession* db, const IdentityWrite& s) {
  RowBatch reviews(db, "link_reviews", "record_a, record_b, score_milli, reason");
  for (const ReviewRow& r : s.reviews)
    reviews.Add({r.record_a, r.record_b, ScoreMilli(r.score), r.reason});
  reviews.Flush();
  RowBatch relations(db, "record_relations", "record_id, related_record_id, kind, reason");
  for (size_t i = 0; i < s.relations.size(); ++i) {
    const RelationRow r = s.relations[i];
    relations.Add({r.record_id, r.related_record_id, r.kind, r.reason});
  }
  relations.Flush();
  RowBatch plans(
      db, "plan_links",
      "notice_id, table_index, row_index, mention_index, entity_id, score_milli, reason");
  for (size_t i = 0; i < s.plan_links.size(); ++i) {
    const PlanLinkRow p = s.plan_links[i];
    plans.Add({p.notice_id, int64_t{p.table}, int64_t{p.row}, int64_t{p.mention}, p.entity_id,
               ScoreMilli(p.score), p.reason});
  }
  plans.Flush();
}

std::vector<MemberRow> QueryMembers(SqlSession* db) {
  std::vector<MemberRow> out;
  ForEachStoredMember(db, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                      [&](MemberRow&& m) { out.push_back(std::move(m)); });
  return out;
}

void QueryReviewsAndRelations(SqlSession* db, IdentitySnapshot* s) {
  SqlRows r = db->Query(
      "SELECT record_a, record_b, score_milli, reason FROM link_reviews ORDER BY record_a, "
      "record_b");
  while (r.Next()) s->reviews.push_back({r.Int(0), r.Int(1), FromMilli(r.Int(2)), r.Text(3)});
  SqlRows q = db->Query(
      "SELECT record_id, related_record_id, kind, reason FROM record_relations "
      "ORDER BY record_id, related_record_id");
  while (q.Next()) s->relations.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3)});
  SqlRows p = db->Query(
      "SELECT notice_id, table_index, row_index, mention_index, entity_id, score_milli, reason "
      "FROM plan_links ORDER BY notice_id, table_index, row_index, mention_index");
  while (p.Next())
    s->plan_links.push_back({p.Int(0), static_cast<int>(p.Int(1)), static_cast<int>(p.Int(2)),
                             static_cast<int>(p.Int(3)), p.Text(4), FromMilli(p.Int(5)),
                             p.Text(6)});
}

}  // namespace

Status Store::ReplaceIdentity(const IdentityWrite& snapshot,
                              const std::function<bool(MemberRow*)>& next,
                              const std::function<Status()>& rest) {
  return GuardStore(target_, "replace identity", [&] {
    SqlTransaction tx(db_.get());
    // The small tables are written again; entities and members, by
    // difference (identity_diff.h): most of them are as they were.
    for (const char* table : {"plan_links", "record_relations", "link_reviews"})
      db_->Exec(std::string("DELETE FROM ") + table);
    EntityDiff entities(db_.get(), snapshot.entities, NowUtc());
    Status st;
    WriteMembers(db_.get(), next, [&] {
      if (rest) st = rest();
    });
    if (!st.ok()) return st;  // the transaction rolls back
    entities.RemoveStale();
    InsertReviewsAndRelations(db_.get(), snapshot);
    tx.Commit();
    return Status::Ok();
  });
}

Status Store::LoadIdentity(IdentitySnapshot* snapshot) {
  return GuardStore(target_, "load identity", [&] {
    *snapshot = IdentitySnapshot();
    snapshot->entities = QueryEntities(db_.get());
    snapshot->members = QueryMembers(db_.get());
    QueryReviewsAndRelations(db_.get(), snapshot);
    return Status::Ok();
  });
}

Status Store::AddDecision(const DecisionRow& d) {
  return GuardStore(target_, "add link decision", [&] {
    // A pair is unordered: store it with the smaller key first.
    const std::string& a = std::min(d.a_key, d.b_key);
    const std::string& b = std::max(d.a_key, d.b_key);
    SqlTransaction tx(db_.get());
    db_->Exec("DELETE FROM link_decisions WHERE role = ? AND a_key = ? AND b_key = ?",
              {d.role, a, b});
    int64_t id = db_->ReserveIds("link_decisions", 1);
    db_->Exec(
        "INSERT INTO link_decisions (id, role, a_key, b_key, decision, decided_by, decided_at, "
        "note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {id, d.role, a, b, std::string(d.accept ? "accept" : "reject"), SqlNonEmpty(d.decided_by),
         NowUtc(), SqlNonEmpty(d.note)});
    tx.Commit();
    return Status::Ok();
  });
}

Status Store::LoadDecisions(std::vector<DecisionRow>* decisions) {
  return GuardStore(target_, "load link decisions", [&] {
    decisions->clear();
    SqlRows rows = db_->Query(
        "SELECT role, a_key, b_key, decision, decided_by, note, decided_at FROM link_decisions "
        "ORDER BY id");
    while (rows.Next())
      decisions->push_back({rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3) == "accept",
                            rows.Text(4), rows.Text(5), rows.Text(6)});
    return Status::Ok();
  });
}

}  // namespace fuhua
