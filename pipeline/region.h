// Region: a place as written in a notice and what it resolved to — a
// record's district, a notice's jurisdiction, a plan target's area. Its own
// header so that pipeline/plan_tables.h can hold one without notice.h.
#ifndef FUHUA_PIPELINE_REGION_H_
#define FUHUA_PIPELINE_REGION_H_

#include <optional>
#include <string>

namespace fuhua {

// A place as written in a notice and what the normaliser resolved it to
// (pipeline/regions.h). `code` is only ever set from the gazetteer, never
// guessed: an unresolved value keeps kind kUnknown and no code.
enum class RegionKind { kDivision, kFunctionalZone, kUnit, kUnknown };

struct Region {
  std::string raw;                         // as written: 九龙坡, 秀山县, 高新区
  std::string name;                        // canonical: 九龙坡区 (raw when unresolved)
  std::optional<std::string> code;         // GB/T 2260, 6 digits: "500107"
  RegionKind kind = RegionKind::kUnknown;
  std::optional<std::string> parent_code;  // the division above: "500000"
  std::string full_name;                   // 重庆市九龙坡区; name when not a division

  bool operator==(const Region&) const = default;
};

const char* RegionKindName(RegionKind k);  // division | functional_zone | unit | unknown
RegionKind ParseRegionKind(const std::string& name);  // the inverse; kUnknown otherwise

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_REGION_H_
