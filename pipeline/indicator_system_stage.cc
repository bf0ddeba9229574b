// Stage of issue 7: indicator systems (see indicator_system_stage.h). A table
// whose columns carry the roles indicator_level1..3 (header_roles.json) is read
// row by row into a tree: a level-1 or level-2 cell that names a node already
// seen under the same parent (vertical merges, or a cell repeated after a page
// break such as 2.管理体系) is the same node; every deepest-level cell is a new
// leaf with its explanation, unit, type and composite weight. Rows whose first
// cell is a rule label (加分项≤10分, 否决指标; schemas/indicator_rules.json) become
// rules. The weight checks are in indicator_checks.h.
#include "pipeline/indicator_system_stage.h"

#include <algorithm>
#include <map>

#include "pipeline/indicator_checks.h"
#include "pipeline/indicator_rules.h"
#include "pipeline/regex_util.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

struct LevelColumns {
  int name = -1;
  int weight = -1;
};

struct Columns {
  std::vector<LevelColumns> levels;  // level 1 first; only the levels present
  int explanation = -1;
  int composite = -1;
  int type = -1;
};

Columns ColumnsOf(const TableInfo& info) {
  Columns c;
  for (int k = 1; k <= 3; ++k) {
    int name = info.Role("indicator_level" + std::to_string(k));
    if (name < 0) break;
    c.levels.push_back({name, info.Role("weight" + std::to_string(k))});
  }
  c.explanation = info.Role("explanation");
  c.composite = info.Role("composite_weight");
  c.type = info.Role("indicator_type");
  return c;
}

// The cell at (r, c) when it starts in column c (a cell spanning from the
// left, like a 注：… row, is not this column's value).
const Cell* ColumnCell(const Table& t, int r, int c) {
  const Cell* cell = c >= 0 ? t.CellAt(r, c) : nullptr;
  return cell && cell->col == c && !cell->text.empty() ? cell : nullptr;
}

std::vector<int> IdPath(const std::string& id) {
  std::vector<int> out;
  for (size_t pos = 0; pos < id.size();) {
    size_t dot = id.find('.', pos);
    if (dot == std::string::npos) dot = id.size();
    out.push_back(std::stoi(id.substr(pos, dot - pos)));
    pos = dot + 1;
  }
  return out;
}

class TreeBuilder {
 public:
  TreeBuilder(const IndicatorRules& rules, IndicatorSystem* sys, Notice* notice)
      : rules_(rules), sys_(sys), notice_(notice) {}

  void AddRow(const Table& t, const Columns& c, int r);
  // Puts the nodes in pre-order (a node before its children, ids ascending).
  void Finish();

 private:
  bool AddRule(const Table& t, int r);
  int FindOrAdd(int level, int parent, const Cell& cell, int r, bool leaf);
  void SetWeight(int node, const Cell* cell, int r);
  void SetLeafFields(int node, const Table& t, const Columns& c, int r);

  const IndicatorRules& rules_;
  IndicatorSystem* sys_;
  Notice* notice_;
  std::map<std::pair<int, std::string>, int> by_key_;  // (parent, name key) -> node
  std::vector<int> last_;  // per level: the node of the latest row, -1 = none
  std::map<int, int> children_;  // node (-1 = root) -> children so far
};

bool TreeBuilder::AddRule(const Table& t, int r) {
  const Cell* label = t.CellAt(r, 0);
  if (!label) return false;
  std::string kind = rules_.RuleKindOf(label->text);
  if (kind.empty()) return false;
  const Cell* text = label->col + label->col_span < t.cols()
                         ? t.CellAt(r, label->col + label->col_span) : nullptr;
  IndicatorRule rule{kind, label->text, text ? text->text : label->text, std::nullopt, r};
  RegexMatch m;
  if (FindNext(*rules_.max_points, label->text, 0, &m) ||
      (text && FindNext(*rules_.max_points, text->text, 0, &m)))
    rule.max_points = ParseIndicatorNumber(m.Group("n"));
  sys_->rules.push_back(std::move(rule));
  return true;
}

int TreeBuilder::FindOrAdd(int level, int parent, const Cell& cell, int r, bool leaf) {
  std::string name = rules_.StripNumbering(cell.text);
  std::pair<int, std::string> key{parent, MatchKey(name)};
  auto it = leaf ? by_key_.end() : by_key_.find(key);
  if (it != by_key_.end()) {
    std::vector<int>& rows = sys_->indicators[it->second].rows;
    if (rows.back() != r) rows.push_back(r);
    return it->second;
  }
  Indicator node;
  int n = ++children_[parent];
  node.id = parent < 0 ? std::to_string(n) : sys_->indicators[parent].id + "." + std::to_string(n);
  node.level = level;
  node.name = name;
  node.name_raw = cell.text;
  if (parent >= 0) node.parent = sys_->indicators[parent].id;
  node.line = cell.where.line;
  node.rows.push_back(r);
  int index = static_cast<int>(sys_->indicators.size());
  sys_->indicators.push_back(std::move(node));
  if (!leaf) by_key_[key] = index;
  return index;
}

void TreeBuilder::SetWeight(int node, const Cell* cell, int r) {
  if (!cell) return;
  Indicator& ind = sys_->indicators[node];
  std::optional<IndicatorNumber> w = ParseIndicatorNumber(cell->text);
  if (!w) {
    notice_->diagnostics.push_back({Diagnostic::Severity::kWarning, "indicator_weight_unreadable",
                                    "weight of " + ind.id + " " + ind.name + " is not a number: " +
                                        cell->text,
                                    Where{cell->where.line, sys_->table, r, cell->col, cell->where.part}});
  } else if (!ind.weight) {
    ind.weight = w;
  } else if (ind.weight->value != w->value) {
    notice_->diagnostics.push_back({Diagnostic::Severity::kWarning, "indicator_weight_conflict",
                                    ind.id + " " + ind.name + " has weight " + ind.weight->raw +
                                        " and, in a repeated cell, " + w->raw,
                                    Where{cell->where.line, sys_->table, r, cell->col, cell->where.part}});
  }
}

void TreeBuilder::SetLeafFields(int node, const Table& t, const Columns& c, int r) {
  Indicator& ind = sys_->indicators[node];
  if (const Cell* e = ColumnCell(t, r, c.explanation)) {
    ind.explanation = e->text;
    ind.unit = rules_.UnitIn(e->text);
  }
  if (const Cell* k = ColumnCell(t, r, c.type)) ind.type = k->text;
  if (const Cell* w = ColumnCell(t, r, c.composite)) ind.composite_weight = ParseIndicatorNumber(w->text);
}

// A blank level cell with a filled cell below it in the hierarchy is "same as
// above" (a vertical merge the source did not declare, e.g. a docx written with
// empty cells): the row joins the last node of that level.
void TreeBuilder::AddRow(const Table& t, const Columns& c, int r) {
  if (AddRule(t, r)) return;
  int depth = static_cast<int>(c.levels.size());
  std::vector<const Cell*> names;
  for (const LevelColumns& level : c.levels) names.push_back(ColumnCell(t, r, level.name));
  last_.resize(depth, -1);
  int parent = -1;
  for (int k = 0; k < depth; ++k) {
    const Cell* name = names[k];
    if (name && name->col_span > 1) return;  // a label spanning the levels
    bool leaf = k + 1 == depth;
    int node = last_[k];
    if (name) {
      node = FindOrAdd(k + 1, parent, *name, r, leaf);
    } else {
      bool below = std::any_of(names.begin() + k + 1, names.end(), [](const Cell* n) { return n; });
      if (leaf || !below || node < 0) return;
      std::vector<int>& rows = sys_->indicators[node].rows;
      if (rows.back() != r) rows.push_back(r);
    }
    if (node != last_[k]) std::fill(last_.begin() + k, last_.end(), -1);
    last_[k] = node;
    SetWeight(node, ColumnCell(t, r, c.levels[k].weight), r);
    if (leaf) SetLeafFields(node, t, c, r);
    parent = node;
  }
}

void TreeBuilder::Finish() {
  std::stable_sort(sys_->indicators.begin(), sys_->indicators.end(),
                   [](const Indicator& a, const Indicator& b) { return IdPath(a.id) < IdPath(b.id); });
}

std::optional<std::string> WeightUnit(const TableInfo& info, const IndicatorRules& rules) {
  for (const std::string& note : info.notes)
    if (std::optional<std::string> unit = rules.WeightUnitOf(note)) return unit;
  return std::nullopt;
}

void ReadOne(const Table& t, const TableInfo& info, const Columns& c, const IndicatorRules& rules,
             Notice* notice) {
  IndicatorSystem sys;
  sys.table = info.index;
  sys.weight_unit = WeightUnit(info, rules);
  TreeBuilder builder(rules, &sys, notice);
  for (int r = info.header_rows; r < t.rows(); ++r) {
    bool skip = std::count(info.spacer_rows.begin(), info.spacer_rows.end(), r) ||
                std::count(info.total_rows.begin(), info.total_rows.end(), r);
    if (!skip) builder.AddRow(t, c, r);
  }
  builder.Finish();
  if (sys.indicators.empty()) return;
  CheckIndicatorSystem(sys, rules, info, notice);
  notice->indicator_systems.push_back(std::move(sys));
}

}  // namespace

void ReadIndicatorSystems(const Document& doc, const Rules&, Notice* notice) {
  Status st;
  const IndicatorRules* rules = nullptr;
  for (const TableInfo& info : notice->tables) {
    Columns c = ColumnsOf(info);
    if (c.levels.size() < 2) continue;
    if (!rules && !(rules = DefaultIndicatorRules(&st))) {
      notice->diagnostics.push_back({Diagnostic::Severity::kError, "indicator_rules_unavailable",
                                     st.ToString(), info.where});
      return;
    }
    ReadOne(std::get<Table>(doc.blocks[info.block]), info, c, *rules, notice);
  }
}

}  // namespace fuhua
