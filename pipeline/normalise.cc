// Applies the resolvers of pipeline/regions.h and pipeline/org_names.h to a
// notice. Region values repeat a lot within a notice (渝北区 ten times), so
// each distinct value is resolved once.
#include "pipeline/normalise.h"

#include <unordered_map>

namespace fuhua {
namespace {

int ResolveJurisdiction(const RegionResolver& regions, Notice* notice) {
  if (!notice->meta.jurisdiction) return -1;
  Region& place = notice->meta.jurisdiction->place;
  RegionResolution r = regions.Resolve(place.name, -1);
  r.region.raw = place.raw;
  place = r.region;
  if (!r.problem.empty())
    notice->diagnostics.push_back({Diagnostic::Severity::kInfo, "jurisdiction_unresolved",
                                   "jurisdiction: " + r.problem, Where{}});
  return r.place;
}

Where RegionCell(const Notice& notice, const GradeRecord& rec) {
  Where w = rec.where;
  if (rec.table >= 0 && static_cast<size_t>(rec.table) < notice.tables.size())
    w.col = notice.tables[static_cast<size_t>(rec.table)].Role("region");
  return w;
}

void ResolveRegions(const RegionResolver& regions, int context, Notice* notice) {
  std::unordered_map<std::string, RegionResolution> seen;
  for (GradeRecord& rec : notice->records) {
    if (!rec.region) continue;
    auto it = seen.find(rec.region->raw);
    if (it == seen.end()) it = seen.emplace(rec.region->raw, regions.Resolve(rec.region->raw, context)).first;
    const RegionResolution& r = it->second;
    rec.region = r.region;
    if (!r.problem.empty())
      notice->diagnostics.push_back({Diagnostic::Severity::kWarning, "region_unresolved", r.problem,
                                     RegionCell(*notice, rec)});
    else if (r.outside_context)
      notice->diagnostics.push_back(
          {Diagnostic::Severity::kInfo, "region_outside_jurisdiction",
           r.region.raw + " resolved to " + r.region.full_name + ", outside the notice's jurisdiction",
           RegionCell(*notice, rec)});
  }
}

}  // namespace

Status DefaultNormaliser(Normaliser* out) {
  Status st;
  out->regions = DefaultRegionResolver(&st);
  if (!st.ok()) return st;
  out->names = DefaultOrgNamer(&st);
  return st;
}

void NormaliseNotice(const Normaliser& n, Notice* notice) {
  int context = ResolveJurisdiction(*n.regions, notice);
  ResolveRegions(*n.regions, context, notice);
  for (GradeRecord& rec : notice->records) {
    rec.name_key = n.names->Key(rec.name);
    if (rec.operator_name) rec.operator_key = n.names->Key(*rec.operator_name);
  }
}

}  // namespace fuhua
