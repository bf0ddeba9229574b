// Implements the weight checks of an indicator system (see indicator_checks.h).
#include "pipeline/indicator_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace fuhua {
namespace {

void AddCheck(Notice* n, Check c) {
  if (!c.ok)
    n->diagnostics.push_back({Diagnostic::Severity::kWarning, "check_failed",
                              c.rule + ": " + c.subject + ": expected " + c.expected + ", found " +
                                  c.found,
                              c.where});
  n->checks.push_back(std::move(c));
}

// At most `max_decimals` digits, trailing zeros dropped: 3.675, 6.25, 100.
std::string Format(double v, int max_decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
  std::string s = buf;
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

Where WhereOf(const TableInfo& info, const Indicator* node) {
  if (!node) return info.where;
  return Where{node->line, info.index, node->rows.front(), -1, info.where.part};
}

// Sums the weights of the children of `parent` (nullptr = the level-1 nodes).
void CheckSum(const IndicatorSystem& sys, const IndicatorRules& rules, const TableInfo& info,
              const Indicator* parent, Notice* n) {
  std::optional<std::string> want = parent ? std::optional<std::string>(parent->id) : std::nullopt;
  double sum = 0;
  int decimals = 0, children = 0, level = parent ? parent->level + 1 : 1;
  for (const Indicator& c : sys.indicators) {
    if (c.parent != want) continue;
    ++children;
    if (c.weight) sum += c.weight->value, decimals = std::max(decimals, c.weight->decimals);
  }
  if (children == 0) return;
  std::string w = "W" + std::to_string(level);
  std::string subject = "table " + std::to_string(info.index) + " " +
                        (parent ? parent->id + " " + parent->name + " " : std::string()) + "权重" + w;
  AddCheck(n, {"indicator_w" + std::to_string(level) + "_sum", subject, Format(rules.weight_total, 3),
               Format(sum, decimals + 3), std::fabs(sum - rules.weight_total) <= rules.weight_sum_tolerance + 1e-9,
               WhereOf(info, parent)});
}

void CheckComposite(const std::map<std::string, const Indicator*>& by_id, const IndicatorRules& rules,
                    const TableInfo& info, const Indicator& leaf, Notice* n) {
  double product = 1;
  bool complete = true;
  int depth = 0;
  for (const Indicator* p = &leaf; p; ++depth) {
    if (p->weight) product *= p->weight->value; else complete = false;
    auto it = p->parent ? by_id.find(*p->parent) : by_id.end();
    p = it == by_id.end() ? nullptr : it->second;
  }
  double composite = product / std::pow(rules.weight_total, depth - 1);
  const IndicatorNumber& stated = *leaf.composite_weight;
  bool ok = complete && std::fabs(composite - stated.value) <= rules.composite_tolerance + 1e-9;
  std::string subject = "table " + std::to_string(info.index) + " " + leaf.id + " " + leaf.name +
                        " 综合权重";
  AddCheck(n, {"indicator_composite", subject, Format(stated.value, stated.decimals),
               complete ? Format(composite, 6) : "(missing weight)", ok, WhereOf(info, &leaf)});
}

}  // namespace

void CheckIndicatorSystem(const IndicatorSystem& sys, const IndicatorRules& rules,
                          const TableInfo& info, Notice* notice) {
  std::map<std::string, const Indicator*> by_id;
  for (const Indicator& node : sys.indicators) by_id[node.id] = &node;
  CheckSum(sys, rules, info, nullptr, notice);
  for (const Indicator& node : sys.indicators) CheckSum(sys, rules, info, &node, notice);
  for (const Indicator& node : sys.indicators)
    if (node.composite_weight) CheckComposite(by_id, rules, info, node, notice);
}

}  // namespace fuhua
