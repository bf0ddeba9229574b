// The normalisation stage: resolves the notice's jurisdiction and every
// record's region against the gazetteer (pipeline/regions.h), and computes
// the matching keys of carrier and operator names (pipeline/org_names.h).
// Display values are left as read; unresolved places become a
// `region_unresolved` warning at the cell, never a guessed code.
#ifndef FUHUA_PIPELINE_NORMALISE_H_
#define FUHUA_PIPELINE_NORMALISE_H_

#include "pipeline/notice.h"
#include "pipeline/org_names.h"
#include "pipeline/regions.h"
#include "pipeline/status.h"

namespace fuhua {

struct Normaliser {
  const RegionResolver* regions = nullptr;
  const OrgNamer* names = nullptr;
};

// The process-wide normaliser (rule files loaded once); !ok when a rule file
// is broken.
Status DefaultNormaliser(Normaliser* out);

void NormaliseNotice(const Normaliser& n, Notice* notice);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_NORMALISE_H_
