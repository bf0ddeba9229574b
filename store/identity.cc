// Implements RelinkStore (identity.h): records (the LinkRows slice of them,
// link_rows.h) -> LinkInputs -> LinkRecords -> views and stable ids
// (link_views.h) -> a snapshot of entities, reviews, relations and plan
// links, written with the member rows made as they are written.
#include "store/identity.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/linker.h"
#include "store/link_rows.h"
#include "store/link_views.h"
#include "store/plan_identity.h"

namespace fuhua {
namespace {

void AddPairs(const std::vector<LinkRow>& rows, const LinkResult& r, IdentitySnapshot* s) {
  auto id = [&](int i) { return rows[static_cast<size_t>(i)].id; };
  for (const Link& l : r.review) s->reviews.push_back({id(l.a), id(l.b), l.score, r.Reason(l)});
  for (const Link& l : r.relations) s->relations.push_back({id(l.a), id(l.b), "evaluated_as", r.Reason(l)});
}

std::vector<LinkDecision> CarrierDecisions(const std::vector<DecisionRow>& decided) {
  std::vector<LinkDecision> decisions;
  for (const DecisionRow& d : decided)
    if (d.role == "carrier") decisions.push_back({d.a_key, d.b_key, d.accept});
  return decisions;
}

// The natural keys of the pairs a person decided on (views of `decided`).
std::unordered_set<std::string_view> DecidedKeys(const std::vector<DecisionRow>& decided) {
  std::unordered_set<std::string_view> keys;
  for (const DecisionRow& d : decided) keys.insert(d.a_key), keys.insert(d.b_key);
  return keys;
}

// Links `rows` into `l` (natural keys, views) and adds the review pairs and
// relations to `snap`. The link result dies here, before the natural keys are
// made and the ids assigned.
Status LinkAndView(Store* store, const LinkRows& rows, const LinkNotices& notices, Linking* l,
                   IdentitySnapshot* snap, RelinkReport* report) {
  std::vector<DecisionRow> decided;
  Status st = store->LoadDecisions(&decided);
  if (!st.ok()) return st;
  {
    LinkResult linked;
    st = LinkRecords(RowInputs(rows, notices.key, DecidedKeys(decided)), CarrierDecisions(decided),
                     &linked);
    if (!st.ok()) return st;
    AddPairs(rows.rows, linked, snap);
    report->carrier_links = static_cast<int>(linked.carrier_links.size());
    report->pairs_scored = linked.pairs_scored;
    MakeViews(rows, &linked, l);
  }
  l->natural = NaturalKeys(rows, notices.key);
  return Status::Ok();
}

// Links, carries the previous ids over (read after linking, so the previous
// members never share the linker's peak) and adds the entities to `snap`.
Status BuildSnapshot(Store* store, const LinkRows& rows, const LinkNotices& notices, Linking* l,
                     IdentitySnapshot* snap, RelinkReport* report) {
  Status st = LinkAndView(store, rows, notices, l, snap, report);
  PreviousIds previous(l->natural);
  if (st.ok()) st = store->LoadPreviousIds(rows, &previous);
  if (!st.ok()) return st;
  AssignIds(previous, l);
  AddEntities(*l, rows, snap);
  return Status::Ok();
}

// The plan links, made on a second connection and thread while the store's
// own connection writes the members (threads > 1): both read only what was
// committed before the relink. The connection is opened here, before the
// snapshot's transaction takes the write lock.
class PlanLinksAside {
 public:
  // False when no second connection could be had (a server at its limit):
  // then the caller links them itself.
  bool Start(const Store& store, const LinkNotices& notices, const LinkRows& rows,
             const std::vector<std::string_view>& carrier_of_row) {
    if (!store.OpenAnother(&reader_).ok()) return false;
    // The caller keeps the three alive until Finish.
    thread_ = std::jthread([this, n = &notices.division, r = &rows, c = &carrier_of_row] {
      status_ = AddPlanLinks(reader_.get(), *n, *r, *c, &made_);
    });
    return true;
  }
  // Waits for the links and moves them into `snap`.
  Status Finish(IdentitySnapshot* snap) {
    thread_.join();
    snap->plan_links = std::move(made_.plan_links);
    return status_;
  }

 private:
  std::unique_ptr<Store> reader_;
  IdentitySnapshot made_;
  Status status_;
  std::jthread thread_;  // last: joined (if still running) before the rest goes
};

}  // namespace

Status RelinkStore(Store* store, RelinkReport* report, int threads) {
  auto start = std::chrono::steady_clock::now();
  LinkRows rows;
  LinkNotices notices;
  Linking linking;
  IdentitySnapshot snap;
  RelinkReport r;
  Status st = store->LoadLinkRows(&rows);
  if (st.ok()) st = store->LoadLinkNotices(&notices);
  if (st.ok()) st = BuildSnapshot(store, rows, notices, &linking, &snap, &r);
  if (!st.ok()) return st;
  r.records = static_cast<int>(rows.rows.size());
  r.carriers = static_cast<int>(linking.carriers.ids.size());
  r.organisations = static_cast<int>(linking.orgs.ids.size());
  std::vector<std::string_view> carrier_of_row = CarrierOfRows(linking);
  PlanLinksAside aside;
  const bool beside = threads > 1 && aside.Start(*store, notices, rows, carrier_of_row);
  if (!beside) st = AddPlanLinks(store, notices.division, rows, carrier_of_row, &snap);
  // Once the members are written and the plan links made, the rows and
  // views that made them go: the store then sorts the members' entity index
  // (after a first relink), which would otherwise be the relink's peak.
  auto rest = [&] {
    Status made = beside ? aside.Finish(&snap) : Status::Ok();
    carrier_of_row = {};
    linking = Linking();
    rows = LinkRows();
    return made;
  };
  if (st.ok()) st = store->ReplaceIdentity(snap, Members(linking, rows), rest);
  if (!st.ok()) return st;
  r.reviews = static_cast<int>(snap.reviews.size());
  r.relations = static_cast<int>(snap.relations.size());
  r.plan_links = static_cast<int>(snap.plan_links.size());
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  *report = r;
  return Status::Ok();
}

std::string PairsToReview(size_t n) {
  return std::to_string(n) + (n == 1 ? " pair" : " pairs") + " to review";
}

std::string FormatRelink(const RelinkReport& r) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  return "linked " + std::to_string(r.records) + " records: " + std::to_string(r.carriers) + " carriers, " +
         std::to_string(r.organisations) + " organisations, " + std::to_string(r.carrier_links) +
         " carrier links, " + std::to_string(r.relations) + " relations, " + PairsToReview(r.reviews) +
         ", " + std::to_string(r.plan_links) + " plan mentions linked (" +
         std::to_string(r.pairs_scored) + " pairs scored, " + seconds + " s)";
}

}  // namespace fuhua
