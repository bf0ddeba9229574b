// Implements RelinkStore (identity.h): records -> LinkInputs -> LinkRecords ->
// stable ids -> a snapshot of entities, members, reviews and relations.
#include "store/identity.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "pipeline/linker.h"
#include "store/plan_identity.h"

namespace fuhua {
namespace {

// One membership to be: a record's name in a carrier, or an organisation
// mention (its operator, or its name when that is a company's).
struct View {
  size_t input = 0;
  int cluster = -1;
  std::string role;  // carrier | operator | named_organisation
  std::string name, key;
  const Link* link = nullptr;
};

// The best-scoring link that brought each input into its cluster.
std::vector<const Link*> BestLinks(size_t n, const std::vector<Link>& links) {
  std::vector<const Link*> best(n, nullptr);
  for (const Link& l : links)
    for (int i : {l.a, l.b}) {
      const Link*& b = best[static_cast<size_t>(i)];
      if (!b || l.score > b->score) b = &l;
    }
  return best;
}

std::vector<View> CarrierViews(const std::vector<RecordRow>& rows, const LinkResult& r) {
  std::vector<const Link*> best = BestLinks(rows.size(), r.carrier_links);
  std::vector<View> v;
  for (size_t i = 0; i < rows.size(); ++i)
    v.push_back({i, r.carrier_cluster[i], "carrier", rows[i].record.name, rows[i].record.name_key.key,
                 best[i]});
  return v;
}

std::vector<View> OrganisationViews(const std::vector<RecordRow>& rows, const LinkResult& r) {
  std::vector<const Link*> best = BestLinks(rows.size(), r.org_links);
  std::vector<View> v;
  for (size_t i = 0; i < rows.size(); ++i) {
    const GradeRecord& g = rows[i].record;
    if (r.org_cluster[i] >= 0)
      v.push_back({i, r.org_cluster[i], "operator", *g.operator_name, g.operator_key->key, best[i]});
    if (r.name_org_cluster[i] >= 0)
      v.push_back({i, r.name_org_cluster[i], "named_organisation", g.name, g.name_key.key, best[i]});
  }
  return v;
}

// Stable ids for the clusters of `views` (see AssignEntityIds).
std::vector<std::string> Ids(const std::vector<View>& views, const std::vector<std::string>& natural,
                             const std::map<std::pair<std::string, std::string>, std::string>& before,
                             const std::string& prefix) {
  std::vector<int> cluster;
  std::vector<std::string> keys, previous;
  for (const View& v : views) {
    cluster.push_back(v.cluster);
    keys.push_back(natural[v.input] + "#" + v.role);
    auto it = before.find({natural[v.input], v.role});
    previous.push_back(it == before.end() ? "" : it->second);
  }
  return AssignEntityIds(cluster, keys, previous, prefix);
}

// Entities and members of one kind: the entity takes the name, key, type and
// region of its latest member.
void AddKind(const std::vector<View>& views, const std::vector<std::string>& ids,
             const std::vector<RecordRow>& rows, const std::vector<std::string>& natural,
             const std::string& kind, IdentitySnapshot* s) {
  std::vector<EntityRow> e(ids.size());
  for (const View& v : views) {
    EntityRow& row = e[static_cast<size_t>(v.cluster)];
    const RecordRow& r = rows[v.input];
    int year = r.year.value_or(0);
    bool latest = row.members == 0 || year >= row.last_year.value_or(0);
    ++row.members;
    if (!row.first_year || year < *row.first_year) row.first_year = year;
    if (latest) {
      row.last_year = year;
      row.canonical_name = v.name;
      row.name_key = v.key;
      if (kind == "carrier") row.carrier_type = r.record.carrier_type;
      row.region_code = r.record.region ? r.record.region->code : std::nullopt;
    }
    MemberRow m{ids[static_cast<size_t>(v.cluster)], r.id, natural[v.input], v.role, 1.0, "only record", "single"};
    if (v.link) {
      m.score = v.link->score;
      m.reason = v.link->reason;
      m.status = v.link->reason == "accepted by a person" ? "accepted" : "auto";
    }
    s->members.push_back(std::move(m));
  }
  for (size_t c = 0; c < e.size(); ++c) {
    e[c].id = ids[c];
    e[c].kind = kind;
    s->entities.push_back(std::move(e[c]));
  }
}

void AddPairs(const std::vector<RecordRow>& rows, const LinkResult& r, IdentitySnapshot* s) {
  auto id = [&](int i) { return rows[static_cast<size_t>(i)].id; };
  for (const Link& l : r.review) s->reviews.push_back({id(l.a), id(l.b), l.score, l.reason});
  for (const Link& l : r.relations) s->relations.push_back({id(l.a), id(l.b), "evaluated_as", l.reason});
}

}  // namespace

Status RelinkStore(Store* store, RelinkReport* report) {
  auto start = std::chrono::steady_clock::now();
  std::vector<RecordRow> rows;
  IdentitySnapshot before;
  std::vector<DecisionRow> decided;
  std::vector<NoticeRow> notices;
  Status st = store->LoadRecords(RecordFilter{}, &rows);
  if (st.ok()) st = store->CurrentNotices(&notices);
  if (st.ok()) st = store->LoadIdentity(&before);
  if (st.ok()) st = store->LoadDecisions(&decided);
  if (!st.ok()) return st;

  std::vector<LinkInput> inputs;
  std::vector<std::string> natural;
  std::unordered_map<int64_t, std::string> notice_key;
  for (const NoticeRow& n : notices) notice_key[n.id] = NoticeKey(n.meta, n.sha256);
  for (const RecordRow& r : rows) {
    inputs.push_back(MakeLinkInput(notice_key[r.notice_id], r.record, r.notice_id));
    natural.push_back(inputs.back().natural_key);
  }
  std::vector<LinkDecision> decisions;
  for (const DecisionRow& d : decided)
    if (d.role == "carrier") decisions.push_back({d.a_key, d.b_key, d.accept});
  LinkResult linked;
  st = LinkRecords(inputs, decisions, &linked);
  if (!st.ok()) return st;

  std::map<std::pair<std::string, std::string>, std::string> previous;
  for (const MemberRow& m : before.members) previous[{m.natural_key, m.role}] = m.entity_id;
  IdentitySnapshot snap;
  std::vector<View> carriers = CarrierViews(rows, linked), orgs = OrganisationViews(rows, linked);
  AddKind(carriers, Ids(carriers, natural, previous, "C"), rows, natural, "carrier", &snap);
  AddKind(orgs, Ids(orgs, natural, previous, "O"), rows, natural, "organisation", &snap);
  AddPairs(rows, linked, &snap);
  st = AddPlanLinks(store, notices, rows, &snap);
  if (st.ok()) st = store->ReplaceIdentity(snap);
  if (!st.ok()) return st;

  *report = RelinkReport{static_cast<int>(rows.size()),
                         static_cast<int>(std::count_if(snap.entities.begin(), snap.entities.end(),
                                                        [](const EntityRow& e) { return e.kind == "carrier"; })),
                         0, static_cast<int>(linked.carrier_links.size()),
                         static_cast<int>(snap.reviews.size()), static_cast<int>(snap.relations.size()),
                         static_cast<int>(snap.plan_links.size()), linked.pairs_scored, 0};
  report->organisations = static_cast<int>(snap.entities.size()) - report->carriers;
  report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
         " carrier links, " + std::to_string(r.relations) + " relations, " + PairsToReview(r.reviews) + ", " + std::to_string(r.plan_links) + " plan mentions linked (" +
         std::to_string(r.pairs_scored) + " pairs scored, " + seconds + " s)";
}

}  // namespace fuhua
