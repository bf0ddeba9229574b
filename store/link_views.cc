// Views of a linking, their ids, entities and member rows (link_views.h).
#include "store/link_views.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <optional>
#include <utility>

#include "store/identity_diff.h"

namespace fuhua {
namespace {

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

View MakeView(size_t input, int cluster, View::Role role, const Link* link) {
  View v{static_cast<uint32_t>(input), cluster};
  v.role = role;
  if (link) v.reason = link->reason, v.score_milli = static_cast<int32_t>(ScoreMilli(link->score));
  return v;
}

std::vector<View> CarrierViews(const std::vector<LinkRow>& rows, const LinkResult& r) {
  std::vector<const Link*> best = BestLinks(rows.size(), r.carrier_links);
  std::vector<View> v;
  v.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    v.push_back(MakeView(i, r.carrier_cluster[i], View::kCarrier, best[i]));
  return v;
}

std::vector<View> OrganisationViews(const std::vector<LinkRow>& rows, const LinkResult& r) {
  std::vector<const Link*> best = BestLinks(rows.size(), r.org_links);
  std::vector<View> v;
  // Counted first: grown by doubling, the views (among the largest things a
  // relink holds) took up to twice their size while they were copied.
  v.reserve(static_cast<size_t>(
      std::count_if(r.org_cluster.begin(), r.org_cluster.end(), [](int c) { return c >= 0; }) +
      std::count_if(r.name_org_cluster.begin(), r.name_org_cluster.end(), [](int c) { return c >= 0; })));
  for (size_t i = 0; i < rows.size(); ++i) {
    if (r.org_cluster[i] >= 0)
      v.push_back(MakeView(i, r.org_cluster[i], View::kOperator, best[i]));
    if (r.name_org_cluster[i] >= 0)
      v.push_back(MakeView(i, r.name_org_cluster[i], View::kNamedOrganisation, best[i]));
  }
  return v;
}

// A kind's memberships as AssignEntityIds reads them, made when asked.
class ViewMembers : public EntityMembers {
 public:
  ViewMembers(const std::vector<View>& views, const NaturalKeys& natural, const PreviousIds& before,
              const LinkRows& rows)
      : views_(views), natural_(natural), before_(before), rows_(rows) {}
  size_t size() const override { return views_.size(); }
  int Cluster(size_t i) const override { return views_[i].cluster; }
  MemberKey Key(size_t i) const override {
    const View& v = views_[i];
    return {natural_.Head(v.input), v.RoleName(), natural_.Tail(v.input)};
  }
  std::string_view Previous(size_t i) const override {
    return before_.Of(views_[i].input, views_[i].RoleName());
  }
  uint32_t Weight(size_t i) const override { return rows_.Weight(views_[i].input); }

 private:
  const std::vector<View>& views_;
  const NaturalKeys& natural_;
  const PreviousIds& before_;
  const LinkRows& rows_;
};

std::vector<std::string> Ids(const std::vector<View>& views, const NaturalKeys& natural,
                             const PreviousIds& before, const LinkRows& rows, const std::string& prefix) {
  return AssignEntityIds(ViewMembers(views, natural, before, rows), prefix);
}

// An entity until it is written: its members, years and the texts of its
// latest member (ids in the rows' pool). 28 bytes, where an EntityRow of
// strings was ~480.
struct HeldEntity {
  TextId canonical_name = TextPool::kNull, name_key = TextPool::kNull;
  TextId carrier_type = TextPool::kNull, region_code = TextPool::kNull;
  int32_t first_year = 0, last_year = 0;
  int32_t members = 0;
};

// Each entity takes the name, key, type and region of its latest member.
std::vector<HeldEntity> HoldKind(const Kind& k, const LinkRows& rows, bool carrier) {
  std::vector<HeldEntity> e(k.ids.size());
  for (const View& v : k.views) {
    HeldEntity& h = e[static_cast<size_t>(v.cluster)];
    const LinkRow& record = rows.rows[v.input];
    const LinkProfile& r = rows.Of(record);
    const bool first = h.members == 0;
    const bool latest = first || record.year >= h.last_year;
    h.members +=
        static_cast<int32_t>(rows.Weight(v.input));  // a copy's year and names are its row's
    if (first || record.year < h.first_year) h.first_year = record.year;
    if (!latest) continue;
    h.last_year = record.year;
    const bool op = v.role == View::kOperator;
    h.canonical_name = op ? r.operator_name : r.name;
    h.name_key = op ? r.operator_key : r.name_key;
    if (carrier) h.carrier_type = r.carrier_type;
    h.region_code = r.region_code;  // NULL without a region
  }
  return e;
}

EntityRow EntityOf(const HeldEntity& h, const std::string& id, const char* kind,
                   const TextPool& text) {
  std::optional<int> first, last;
  if (h.members > 0) first = h.first_year, last = h.last_year;
  return {id,
          kind,
          std::string(text.Str(h.canonical_name)),
          std::string(text.Str(h.name_key)),
          text.Opt(h.carrier_type),
          text.Opt(h.region_code),
          first,
          last,
          h.members};
}

MemberRow MemberOf(const Linking& l, const Kind& k, const View& v, int64_t record_id) {
  MemberRow m;
  m.entity_id = k.ids[static_cast<size_t>(v.cluster)];
  m.record_id = record_id;
  m.role = v.RoleName();
  bool linked = v.reason != TextPool::kNull;
  m.score = linked ? FromMilli(v.score_milli) : 1.0;
  m.reason = linked ? l.reasons.Str(v.reason) : "only record";
  m.status = !linked ? "single" : m.reason == "accepted by a person" ? "accepted" : "auto";
  return m;
}

}  // namespace

const char* View::RoleName() const {
  static constexpr const char* kNames[] = {"carrier", "operator", "named_organisation"};
  return kNames[role];
}

void MakeViews(const LinkRows& rows, LinkResult* linked, Linking* l) {
  l->carriers.views = CarrierViews(rows.rows, *linked);
  linked->carrier_cluster = {};  // each part goes once it is read: not
  linked->carrier_links = {};    // held beside all the views
  l->orgs.views = OrganisationViews(rows.rows, *linked);
  l->reasons = std::move(linked->reasons);  // what the views' reasons name
}

void AssignIds(const PreviousIds& previous, const LinkRows& rows, Linking* l) {
  l->carriers.ids = Ids(l->carriers.views, l->natural, previous, rows, "C");
  l->orgs.ids = Ids(l->orgs.views, l->natural, previous, rows, "O");
}

std::function<bool(EntityRow*)> Entities(const Linking& l, const LinkRows& rows) {
  struct State {
    std::vector<HeldEntity> carriers, orgs;
    std::vector<uint32_t> order;  // carriers, then organisations from carriers.size()
    size_t next = 0;
  };
  auto s = std::make_shared<State>();
  s->carriers = HoldKind(l.carriers, rows, /*carrier=*/true);
  s->orgs = HoldKind(l.orgs, rows, /*carrier=*/false);
  const size_t carriers = s->carriers.size();
  auto id = [&l, carriers](uint32_t k) -> const std::string& {
    return k < carriers ? l.carriers.ids[k] : l.orgs.ids[k - carriers];
  };
  // In id order: the store's id index then grows at its end, where new
  // entities in no order split its pages all over (a first relink of
  // 10,000 distinct notices spent 11.6 s inserting 477,000 entities).
  s->order.resize(carriers + s->orgs.size());
  std::iota(s->order.begin(), s->order.end(), 0u);
  std::sort(s->order.begin(), s->order.end(),
            [&](uint32_t a, uint32_t b) { return id(a) < id(b); });
  return [&rows, s, id](EntityRow* e) {
    if (s->next == s->order.size()) return false;
    const uint32_t k = s->order[s->next++];
    const bool carrier = k < s->carriers.size();
    *e = EntityOf(carrier ? s->carriers[k] : s->orgs[k - s->carriers.size()], id(k),
                  carrier ? "carrier" : "organisation", rows.text);
    return true;
  };
}

std::vector<std::string_view> CarrierOfRows(const Linking& l) {
  std::vector<std::string_view> ids;
  ids.reserve(l.carriers.views.size());
  for (const View& v : l.carriers.views)
    ids.push_back(l.carriers.ids[static_cast<size_t>(v.cluster)]);
  return ids;
}

std::function<bool(MemberRow*)> Members(const Linking& l, const LinkRows& rows) {
  // Record by record in id order (the carrier, then its organisations), the
  // order of the primary key, so its index grows at the end instead of being
  // split. A copied notice's records are its original's rows, with their ids.
  struct At {
    size_t notice = 0;
    uint32_t k = 0;       // the record within the notice
    bool carrier = true;  // its carrier member is next, else its organisations'
    size_t org = 0;       // the next organisation view
  };
  return [&l, &rows, at = At{}](MemberRow* m) mutable {
    const std::vector<View>& orgs = l.orgs.views;  // by row
    for (; at.notice < rows.notices.size(); ++at.notice, at.k = 0) {
      const NoticeBlock& b = rows.notices[at.notice];
      for (; at.k < b.count; ++at.k, at.carrier = true) {
        const uint32_t row = b.row + at.k;
        const int64_t id = RecordOf(rows, b, at.k).id;
        if (at.carrier) {
          at.carrier = false;
          at.org = static_cast<size_t>(
              std::lower_bound(orgs.begin(), orgs.end(), row,
                               [](const View& v, uint32_t r) { return v.input < r; }) -
              orgs.begin());
          *m = MemberOf(l, l.carriers, l.carriers.views[row], id);
          return true;
        }
        if (at.org < orgs.size() && orgs[at.org].input == row) {
          *m = MemberOf(l, l.orgs, orgs[at.org++], id);
          return true;
        }
      }
    }
    return false;
  };
}

}  // namespace fuhua
