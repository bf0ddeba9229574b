// IndicatorRules: the data of schemas/indicator_rules.json compiled once, for
// the indicator system stage (pipeline/indicator_system_stage.h): the numbering
// stripped from names (1.发展投入), the unit inside an explanation (（单位：万元）),
// the weights' unit note (单位：%), the rule rows (加分项, 否决指标) and the
// tolerances of the weight checks.
// Usage:
//   Status st;
//   const IndicatorRules* r = DefaultIndicatorRules(&st);  // nullptr when !st.ok()
#ifndef FUHUA_PIPELINE_INDICATOR_RULES_H_
#define FUHUA_PIPELINE_INDICATOR_RULES_H_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/indicator_system.h"
#include "pipeline/status.h"

namespace fuhua {

struct IndicatorRowRule {
  std::string kind;  // bonus | veto
  std::unique_ptr<RE2> label;
};

struct IndicatorRules {
  std::unique_ptr<RE2> numbering_prefix;
  std::unique_ptr<RE2> unit_in_explanation;  // group "unit"
  std::unique_ptr<RE2> weight_unit_note;     // group "unit"
  std::vector<IndicatorRowRule> rule_rows;
  std::unique_ptr<RE2> max_points;  // group "n"
  double weight_total = 100;
  double weight_sum_tolerance = 0.005;
  double composite_tolerance = 0.005;

  // The name without its leading numbering: "1.发展投入" -> "发展投入".
  std::string StripNumbering(std::string_view name) const;
  // The unit stated in an explanation, or nullopt.
  std::optional<std::string> UnitIn(std::string_view explanation) const;
  // The unit of a table note "单位：%", or nullopt when the note is not one.
  std::optional<std::string> WeightUnitOf(std::string_view note) const;
  // "bonus" / "veto" when a row label names a rule, else "".
  std::string RuleKindOf(std::string_view label) const;
};

// A decimal cell ("25", "6.25", "３.30") with its printed precision, or nullopt.
std::optional<IndicatorNumber> ParseIndicatorNumber(std::string_view text);

// Loads schemas/indicator_rules.json. Errors name the file and the entry.
Status LoadIndicatorRules(IndicatorRules* rules);

// The process-wide rules, loaded on first use (thread-safe); nullptr and
// *status set on failure.
const IndicatorRules* DefaultIndicatorRules(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_INDICATOR_RULES_H_
