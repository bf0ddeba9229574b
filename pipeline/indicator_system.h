// The evaluation indicator system of a notice (issue 7, seed 003): a tree of
// level-1/2/3 indicators with weights W1/W2/W3, the composite weight
// W1·W2·W3/10000 of each leaf, and the bonus (加分项) and veto (否决指标) rules
// written under the table. Filled by pipeline/indicator_system_stage.h;
// the patterns it uses live in schemas/indicator_rules.json.
#ifndef FUHUA_PIPELINE_INDICATOR_SYSTEM_H_
#define FUHUA_PIPELINE_INDICATOR_SYSTEM_H_

#include <optional>
#include <string>
#include <vector>

namespace fuhua {

// A decimal as printed in the table: its value and its digits after the point,
// so "3.30" is written back as 3.30.
struct IndicatorNumber {
  double value = 0;
  int decimals = 0;
  std::string raw;  // the cell text

  bool operator==(const IndicatorNumber&) const = default;
};

struct Indicator {
  std::string id;  // "1", "1.2", "1.2.3": position in the tree, 1-based
  int level = 1;   // 1, 2 or 3
  std::string name;      // without its numbering: 发展投入
  std::string name_raw;  // as written: 1.发展投入
  std::optional<IndicatorNumber> weight;            // W1, W2 or W3 (unit: IndicatorSystem::weight_unit)
  std::optional<IndicatorNumber> composite_weight;  // level 3 only, as printed
  std::optional<std::string> explanation;   // level 3 only
  std::optional<std::string> unit;          // from （单位：万元） inside the explanation
  std::optional<std::string> type;          // 定性 | 定量, as written
  std::optional<std::string> parent;        // id of the node above; none for level 1
  int line = 0;  // source line of its first cell (text formats; 0 = unknown)
  std::vector<int> rows;  // grid rows the node covers; a node repeated at a page
                          // break (2.管理体系 twice) is one node with all its rows

  bool operator==(const Indicator&) const = default;
};

// A row under the indicators that is a rule, not an indicator.
struct IndicatorRule {
  std::string kind;   // bonus | veto
  std::string label;  // as written: 加分项≤10分, 否决指标
  std::string text;   // the rule itself
  std::optional<IndicatorNumber> max_points;  // 10 for 加分项≤10分, when stated
  int row = 0;

  bool operator==(const IndicatorRule&) const = default;
};

struct IndicatorSystem {
  int table = -1;  // index into Notice::tables
  std::optional<std::string> weight_unit;  // from the table note 单位：% ("%")
  std::vector<Indicator> indicators;       // pre-order: each node before its children
  std::vector<IndicatorRule> rules;

  bool operator==(const IndicatorSystem&) const = default;
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_INDICATOR_SYSTEM_H_
