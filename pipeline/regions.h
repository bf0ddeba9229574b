// Resolves a place as written in a notice (a 区县 / 地区 cell, the notice's
// jurisdiction) against the gazetteer: 九龙坡 -> 九龙坡区 500107, 秀山县 ->
// 秀山土家族苗族自治县 500241, 高新区 in a Chongqing notice -> 重庆高新区
// (functional zone), 内蒙古师范大学 -> unit. The notice's jurisdiction decides
// between places of the same name; what stays ambiguous or unknown gets kind
// unknown and a problem text — never a code that might be wrong.
// Usage:
//   RegionResolution r = resolver.Resolve("九龙坡", resolver.Resolve("重庆市", -1).place);
//   r.region.code  // "500107"
#ifndef FUHUA_PIPELINE_REGIONS_H_
#define FUHUA_PIPELINE_REGIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/gazetteer.h"
#include "pipeline/notice.h"
#include "pipeline/status.h"

namespace fuhua {

struct RegionResolution {
  Region region;
  int place = -1;                  // gazetteer index when resolved to a place
  bool outside_context = false;    // resolved, but not within the jurisdiction
  std::string problem;             // why it stayed unknown, for a diagnostic
};

class RegionResolver {
 public:
  // Loads the unit rules of schemas/region_rules.json.
  static Status Create(const Gazetteer* gazetteer, std::unique_ptr<RegionResolver>* out);

  // `context` is the gazetteer index of the notice's jurisdiction, -1 if none.
  RegionResolution Resolve(std::string_view raw, int context) const;
  const Gazetteer& gazetteer() const { return *g_; }

 private:
  RegionResolver() = default;
  bool IsUnit(const std::string& key) const;
  std::vector<PlaceMatch> Candidates(const std::string& key, int context) const;
  std::vector<PlaceMatch> SplitPath(const std::string& key) const;
  int Tier(int place, int context) const;
  void Pick(const std::vector<PlaceMatch>& found, int context, RegionResolution* r) const;
  void Fill(int place, RegionResolution* r) const;

  const Gazetteer* g_ = nullptr;
  std::vector<std::string> unit_words_;     // as keys
  std::vector<std::string> unit_suffixes_;  // as keys
};

// The process-wide resolver over DefaultGazetteer(); nullptr and !ok on error.
const RegionResolver* DefaultRegionResolver(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_REGIONS_H_
