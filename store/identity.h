// Relinking a store: every current record goes through the linker
// (pipeline/linker.h) together with the decisions people made, and the
// resulting carriers, organisations, review pairs and relations replace the
// previous snapshot in one transaction. Entity ids carry over from the
// previous snapshot (by the records' natural keys), so an id a user saw
// yesterday still names the same carrier today.
//   RelinkReport r;
//   Status st = RelinkStore(store.get(), &r);
#ifndef FUHUA_STORE_IDENTITY_H_
#define FUHUA_STORE_IDENTITY_H_

#include <string>

#include "store/store.h"

namespace fuhua {

struct RelinkReport {
  int records = 0;
  int carriers = 0;
  int organisations = 0;
  int carrier_links = 0;  // pairs that joined carriers
  int reviews = 0;        // uncertain pairs waiting for a person
  int relations = 0;
  int plan_links = 0;     // carriers named in plan tables joined to graded carriers
  size_t pairs_scored = 0;
  double seconds = 0;
};

// threads > 1: the plan mentions are linked on a second connection and
// thread while the members are written. fold_copies: a notice that copies
// an earlier one is linked as that one's records (link_rows.h NoticeFolder),
// which stores the same as linking each record (false: tests compare).
Status RelinkStore(Store* store, RelinkReport* report, int threads = 1, bool fold_copies = true);

// One line for people: "linked 270 records: 158 carriers, ...".
// "1 pair to review", "4 pairs to review".
std::string PairsToReview(size_t n);

std::string FormatRelink(const RelinkReport& r);

}  // namespace fuhua

#endif  // FUHUA_STORE_IDENTITY_H_
