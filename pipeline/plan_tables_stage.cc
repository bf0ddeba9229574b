// Stage of issue 7: plan tables (see pipeline/plan_tables.h). Picks each
// non-grade table's plan kind by its column roles (schemas/plan_tables.json),
// reads it (plan_readers.h) and checks its totals (plan_checks.h).
#include "pipeline/plan_tables_stage.h"

#include <map>

#include "pipeline/plan_checks.h"
#include "pipeline/plan_readers.h"
#include "pipeline/regions.h"

namespace fuhua {
namespace {

// The first kind whose required roles the table all has, "" when none.
std::string KindOf(const PlanRules& plan, const TableInfo& info) {
  if (info.kind == TableKind::kGradeList) return "";
  for (const PlanTableKind& k : plan.kinds) {
    bool all = !k.required_roles.empty();
    for (const std::string& role : k.required_roles) all = all && info.Role(role) >= 0;
    if (all) return k.kind;
  }
  return "";
}

void ReadTable(const PlanTableView& v, const std::string& kind, Notice* notice) {
  if (kind == "carriers") ReadCarriers(v, &notice->plans);
  if (kind == "properties") ReadProperties(v, &notice->plans);
  if (kind == "targets") ReadTargets(v, &notice->plans);
  CheckPlanTotals(v, kind, notice);
}

// The generic copy of the table (data_tables_stage.cc) learns its plan kind.
void MarkDataTable(int table, const std::string& kind, Notice* notice) {
  static const std::map<std::string, std::string> kDataKind = {
      {"carriers", "carrier_list"}, {"properties", "property_list"}, {"targets", "target_table"}};
  for (DataTable& d : notice->data_tables)
    if (d.table == table && kDataKind.count(kind)) d.kind = kDataKind.at(kind);
}

// A target table's areas lie in the notice's jurisdiction (万州经开区, 牌楼街道
// in 万州区's plan), so they resolve with it as context. Streets and towns are
// below the gazetteer: they stay kind unknown, with the jurisdiction they lie
// in as parent_code, and no diagnostic (that is expected, not a problem).
void ResolveTargetAreas(Notice* notice) {
  if (notice->plans.targets.empty()) return;
  Status st;
  const RegionResolver* regions = DefaultRegionResolver(&st);
  if (!regions) return;  // the normaliser has already reported the broken rules
  int context = -1;
  std::optional<std::string> within;
  if (notice->meta.jurisdiction) {
    context = regions->Resolve(notice->meta.jurisdiction->place.name, -1).place;
    within = notice->meta.jurisdiction->place.code;
  }
  for (PlanTarget& t : notice->plans.targets) {
    t.area_region = regions->Resolve(t.area_name, context).region;
    if (t.area_region->kind == RegionKind::kUnknown) t.area_region->parent_code = within;
  }
}

}  // namespace

void ReadPlanTables(const Document& doc, const Rules& rules, Notice* notice) {
  Status st;
  const PlanRules* plan = DefaultPlanRules(&st);
  if (!plan) {
    notice->diagnostics.push_back(
        {Diagnostic::Severity::kError, "plan_rules_unavailable", st.ToString(), Where{}});
    return;
  }
  Status namer_status;
  const OrgNamer* namer = DefaultOrgNamer(&namer_status);  // keys fall back to text keys
  for (const TableInfo& info : notice->tables) {
    std::string kind = KindOf(*plan, info);
    if (kind.empty()) continue;
    const auto* table = std::get_if<Table>(&doc.blocks[info.block]);
    if (!table) continue;
    MarkDataTable(info.index, kind, notice);
    ReadTable(PlanTableView{*table, info, rules, *plan, namer}, kind, notice);
  }
  ResolveTargetAreas(notice);
}

}  // namespace fuhua
