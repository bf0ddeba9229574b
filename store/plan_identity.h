// The plan links of a relink (store/identity.cc): every carrier named in a
// stored plan table (carrier lists, properties, a target's 主要运营载体) is
// matched against the carrier entities of the new snapshot
// (pipeline/plan_links.h); the links are added to `links`.
#ifndef FUHUA_STORE_PLAN_IDENTITY_H_
#define FUHUA_STORE_PLAN_IDENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/held_links.h"
#include "store/store.h"

namespace fuhua {

// `records` (link_rows.h) are the records linked, carrier_of_row the carrier
// entity id of each; `notices`: the current notices, with the jurisdiction's
// division of each that has one.
Status AddPlanLinks(Store* store, const LinkNotices& notices, const LinkRows& records,
                    const std::vector<std::string_view>& carrier_of_row, HeldPlanLinks* links);

}  // namespace fuhua

#endif  // FUHUA_STORE_PLAN_IDENTITY_H_
