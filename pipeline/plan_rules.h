// Rules of the plan-table stage, loaded once from schemas/plan_tables.json:
// which column roles make a carrier list, a property list or a target table,
// the separators of list cells, the trailers (等) removed from list items,
// the licence levels and the year pattern of milestones.
// Usage:
//   Status st;
//   const PlanRules* pr = DefaultPlanRules(&st);  // nullptr and !st.ok() on error
//   pr->SplitList("区科技局\n区人力社保局");      // {"区科技局", "区人力社保局"}
#ifndef FUHUA_PIPELINE_PLAN_RULES_H_
#define FUHUA_PIPELINE_PLAN_RULES_H_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace fuhua {

struct PlanTableKind {
  std::string kind;  // carriers | properties | targets
  std::vector<std::string> required_roles;
};

struct LicenceLevel {
  std::string level;
  std::vector<std::string> words;  // longest first
};

struct PlanRules {
  std::vector<PlanTableKind> kinds;
  std::vector<std::string> separators;
  std::vector<std::string> trailers;
  std::vector<LicenceLevel> levels;
  std::unique_ptr<RE2> year;

  // Splits a list cell's raw text on every separator; items are cleaned
  // (text_util.h CleanText), trailers removed, empty items dropped.
  std::vector<std::string> SplitList(std::string_view raw) const;
  // Level of a licence from its leading word, or nullopt.
  std::optional<std::string> LevelOf(std::string_view licence) const;
  // First year (19xx/20xx followed by 年) in `text`, or nullopt.
  std::optional<int> YearIn(std::string_view text) const;
};

Status LoadPlanRules(PlanRules* rules);

// The process-wide plan rules, loaded on first use (thread-safe).
const PlanRules* DefaultPlanRules(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_RULES_H_
