// Implements RelinkStore (identity.h): records (the LinkRows slice of them,
// link_rows.h) -> LinkInputs -> LinkRecords -> views and stable ids
// (link_views.h) -> a snapshot of entities, reviews, relations and plan
// links, written with the member rows made as they are written.
#include "store/identity.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_set>

#include "pipeline/linker.h"
#include "store/held_links.h"
#include "store/link_rows.h"
#include "store/link_views.h"
#include "store/plan_identity.h"

namespace fuhua {
namespace {

// Review pairs join clusters, whose copies are in them: they are between
// rows. A relation lies within a notice: every copy of the notice has it
// too, between its own records. Both in record id order.
void AddPairs(const LinkRows& rows, const LinkResult& r, IdentityWrite* s) {
  auto id = [&](int i) { return rows.rows[static_cast<size_t>(i)].id; };
  for (const Link& l : r.review)
    s->reviews.push_back({id(l.a), id(l.b), l.score, std::string(r.Reason(l))});
  const std::vector<Link>& related = r.relations;  // by l.a (FindRelations)
  for (const NoticeBlock& b : rows.notices) {
    auto in_block = [&](int row) { return RecordOf(rows, b, static_cast<uint32_t>(row) - b.row).id; };
    auto l = std::lower_bound(related.begin(), related.end(), static_cast<int>(b.row),
                              [](const Link& x, int row) { return x.a < row; });
    for (; l != related.end() && l->a < static_cast<int>(b.row + b.count); ++l)
      s->relations.Add(in_block(l->a), in_block(l->b), "evaluated_as", r.Reason(*l));
  }
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
Status LinkAndView(const LinkRows& rows, const LinkNotices& notices, const RowInputs& inputs,
                   const std::vector<DecisionRow>& decided, Linking* l, IdentityWrite* snap,
                   RelinkReport* report) {
  {
    LinkResult linked;
    Status st = LinkRecords(inputs, CarrierDecisions(decided), &linked);
    if (!st.ok()) return st;
    AddPairs(rows, linked, snap);
    report->carrier_links = static_cast<int>(linked.carrier_joins);
    report->pairs_scored = linked.pairs_scored;
    MakeViews(rows, &linked, l);
  }
  l->natural = NaturalKeys(rows, notices);
  return Status::Ok();
}

// Reads the rows (their copies folded) and the notices, and makes the
// linker's inputs; when a person decided on a record that has copies, reads
// the rows again unfolded (a decision joins each record of its key one by one).
Status LoadToLink(Store* store, bool fold, const std::vector<DecisionRow>& decided, LinkRows* rows,
                  LinkNotices* notices, std::optional<RowInputs>* inputs) {
  Status st = store->LoadLinkRows(rows, fold);
  if (st.ok()) st = store->LoadLinkNotices(notices);
  if (!st.ok()) return st;
  const std::unordered_set<std::string_view> keys = DecidedKeys(decided);
  inputs->emplace(*rows, *notices, keys);
  if (!(*inputs)->decided_copies()) return st;
  inputs->reset();
  st = store->LoadLinkRows(rows, /*fold=*/false);
  if (st.ok()) inputs->emplace(*rows, *notices, keys);
  return st;
}

// Links, carries the previous ids over (read after linking, so the previous
// members never share the linker's peak) and sets the entities of `snap`
// (a stream that views `rows` and `l`).
Status BuildSnapshot(Store* store, const LinkRows& rows, const LinkNotices& notices,
                     const RowInputs& inputs, const std::vector<DecisionRow>& decided, Linking* l,
                     IdentityWrite* snap, RelinkReport* report) {
  Status st = LinkAndView(rows, notices, inputs, decided, l, snap, report);
  PreviousIds previous(l->natural);
  if (st.ok()) st = store->LoadPreviousIds(rows, &previous);
  if (!st.ok()) return st;
  AssignIds(previous, rows, l);
  snap->entities = Entities(*l, rows);
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
    if (!store.OpenAnother(&reader_, /*one_pass=*/true).ok()) return false;
    // The caller keeps the three alive until Finish.
    thread_ = std::jthread([this, n = &notices, r = &rows, c = &carrier_of_row] {
      status_ = AddPlanLinks(reader_.get(), *n, *r, *c, &made_);
    });
    return true;
  }
  // Waits for the links and moves them into `snap`.
  Status Finish(IdentityWrite* snap) {
    thread_.join();
    snap->plan_links = std::move(made_);
    return status_;
  }

 private:
  std::unique_ptr<Store> reader_;
  HeldPlanLinks made_;
  Status status_;
  std::jthread thread_;  // last: joined (if still running) before the rest goes
};

}  // namespace

Status RelinkStore(Store* store, RelinkReport* report, int threads, bool fold_copies) {
  auto start = std::chrono::steady_clock::now();
  LinkRows rows;
  LinkNotices notices;
  Linking linking;
  IdentityWrite snap;
  RelinkReport r;
  std::vector<DecisionRow> decided;
  std::optional<RowInputs> inputs;
  Status st = store->LoadDecisions(&decided);
  if (st.ok()) st = LoadToLink(store, fold_copies, decided, &rows, &notices, &inputs);
  if (st.ok()) st = BuildSnapshot(store, rows, notices, *inputs, decided, &linking, &snap, &r);
  if (!st.ok()) return st;
  inputs.reset();  // it views the rows, which go before the members' index is sorted
  r.records = static_cast<int>(rows.records());
  r.carriers = static_cast<int>(linking.carriers.ids.size());
  r.organisations = static_cast<int>(linking.orgs.ids.size());
  std::vector<std::string_view> carrier_of_row = CarrierOfRows(linking);
  PlanLinksAside aside;
  const bool beside = threads > 1 && aside.Start(*store, notices, rows, carrier_of_row);
  if (!beside) st = AddPlanLinks(store, notices, rows, carrier_of_row, &snap.plan_links);
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
