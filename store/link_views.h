// What a relink (store/identity.cc) keeps of a linking until the snapshot is
// written: one compact View per membership (a record's name in a carrier, its
// operator or its company name in an organisation) and the id of each
// cluster. The LinkResult and the LinkInputs die before the ids are assigned;
// member rows are made one at a time as they are written
// (Store::ReplaceIdentity), never all held: they repeat the natural key and
// the link reason of every record.
//   Linking l;
//   l.natural = NaturalKeys(rows, notice_keys);
//   MakeViews(rows, &linked, &l);            // then the LinkResult may go
//   AssignIds(previous, rows, &l);
//   snapshot.entities = Entities(l, rows);
//   store->ReplaceIdentity(snapshot, Members(l, rows));
#ifndef FUHUA_STORE_LINK_VIEWS_H_
#define FUHUA_STORE_LINK_VIEWS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/linker.h"
#include "store/identity_types.h"
#include "store/link_rows.h"

namespace fuhua {

// One membership to be. It keeps the score and the (interned) reason of the
// best link that brought it into its cluster; its name and key are its
// row's (the operator's for an operator). 20 bytes: a relink holds one for
// every record and one for each of its organisations.
struct View {
  enum Role : uint8_t { kCarrier, kOperator, kNamedOrganisation };
  uint32_t input = 0;  // index into the LinkRows and the natural keys
  int cluster = -1;
  TextId reason = TextPool::kNull;  // in Linking::reasons; kNull: no link, a single
  int32_t score_milli = 1000;       // as the members table keeps it
  Role role = kCarrier;
  // carrier | operator | named_organisation, as the members table says it
  const char* RoleName() const;
};
static_assert(sizeof(View) == 20, "a relink holds ~1.67 views a record");

// The memberships of one kind of entity and the id of each cluster.
struct Kind {
  std::vector<View> views;
  std::vector<std::string> ids;
};

struct Linking {
  NaturalKeys natural;               // every row's natural key
  TextPool reasons;                  // link reasons (the LinkResult's): a few hundred texts
  Kind carriers;                     // one view per row, in row order
  Kind orgs;
};

// The views of every membership in `linked` (the result of linking `rows`);
// its reasons move to l->reasons, and its carrier clusters and links are
// consumed (emptied).
void MakeViews(const LinkRows& rows, LinkResult* linked, Linking* l);

// Stable ids for every cluster (AssignEntityIds), carried over from
// `previous`; each view counts for its row's records (LinkRows::Weight).
void AssignIds(const PreviousIds& previous, const LinkRows& rows, Linking* l);

// The entities, one per call (IdentityWrite::entities), in id order: each
// takes the name, key, type and region of its latest member. Held as 32
// bytes an entity until then (with its place in the order); `l` and `rows`
// must outlive it.
std::function<bool(EntityRow*)> Entities(const Linking& l, const LinkRows& rows);

// The carrier entity id of every row, viewing `l`.
std::vector<std::string_view> CarrierOfRows(const Linking& l);

// The member rows, record by record (its carrier, then its organisations),
// a copied notice's records as its original's (LinkRows::notices), one per
// call; false after the last. `l` and `rows` must outlive it. Their
// natural_key is left empty: the table does not keep it (migration 004),
// and making it was 7% of writing the members in a relink that changed
// nothing (perf, fuhua link of 314,000 records).
std::function<bool(MemberRow*)> Members(const Linking& l, const LinkRows& rows);

}  // namespace fuhua

#endif  // FUHUA_STORE_LINK_VIEWS_H_
