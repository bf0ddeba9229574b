// Implements the plan-table total checks (see plan_checks.h).
#include "pipeline/plan_checks.h"

#include <cmath>
#include <cstdio>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

int Decimals(const std::string& raw) {
  std::string key = MatchKey(raw);
  size_t dot = key.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(key.size() - dot - 1);
}

// The values of one column of the records between two total rows.
struct Column {
  const char* role;
  std::vector<const PlanNumber*> values;
};

void AddCheck(Notice* n, Check c) {
  if (!c.ok)
    n->diagnostics.push_back({Diagnostic::Severity::kWarning, "check_failed",
                              c.rule + ": " + c.subject + ": expected " + c.expected +
                                  ", found " + c.found,
                              c.where});
  n->checks.push_back(std::move(c));
}

void CheckColumn(const PlanTableView& v, const char* rule, int total, const Column& col,
                 Notice* n) {
  int c = v.info.Role(col.role);
  const Cell* stated = c < 0 ? nullptr : v.table.CellAt(total, c);
  PlanNumber want = ParsePlanNumber(stated ? stated->text : "");
  if (!want.value) return;
  double sum = 0;
  int decimals = Decimals(want.raw);
  for (const PlanNumber* p : col.values) {
    if (!p->value) continue;
    sum += *p->value;
    decimals = std::max(decimals, Decimals(p->raw));
  }
  char found[64];
  std::snprintf(found, sizeof found, "%.*f", decimals, sum);
  bool ok = std::fabs(sum - *want.value) <= 0.5 * std::pow(10.0, -Decimals(want.raw)) + 1e-9;
  const Cell* label = v.table.CellAt(total, 0);
  AddCheck(n, {rule,
               "table " + std::to_string(v.info.index) + " " + (label ? label->text : "") + " " +
                   v.info.header[c],
               want.raw, found, ok,
               Where{stated->where.line, v.info.index, total, c, stated->where.part}});
}

}  // namespace

void CheckPlanTotals(const PlanTableView& v, const std::string& kind, Notice* n) {
  const PlanTables& p = n->plans;
  int from = v.info.header_rows;
  for (int total : v.info.total_rows) {
    auto in = [&](int table, int row) { return table == v.info.index && row >= from && row < total; };
    if (kind == "targets") {
      Column area{"area", {}}, companies{"companies", {}}, tech{"tech_companies", {}};
      for (const PlanTarget& t : p.targets) {
        if (!in(t.table, t.row)) continue;
        area.values.push_back(&t.area);
        companies.values.push_back(&t.companies);
        tech.values.push_back(&t.tech_companies);
      }
      for (const Column* col : {&area, &companies, &tech})
        CheckColumn(v, "plan_target_total", total, *col, n);
    } else {
      Column area{"area", {}};
      for (const PlanCarrier& c : p.carriers)
        if (in(c.site.table, c.site.row)) area.values.push_back(&c.site.area);
      for (const PlanProperty& q : p.properties)
        if (in(q.site.table, q.site.row)) area.values.push_back(&q.site.area);
      CheckColumn(v, "plan_area_total", total, area, n);
    }
    from = total + 1;
  }
}

}  // namespace fuhua
