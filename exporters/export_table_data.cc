// Builds the issue-7 export tables (export_table_data.h) from the stored
// content of each notice: the generic form of every table (a catalogue row
// and one row per non-empty cell), the indicator tree and its rules, and the
// plan tables with the graded carrier each named carrier was linked to.
#include "exporters/export_table_data.h"

#include "exporters/export_rows.h"

namespace fuhua {
namespace {

// Table columns "separated by | " in the catalogue: a bar never occurs in a
// Chinese header, a comma or 、 does.
constexpr const char* kColumnSeparator = " | ";
constexpr const char* kListSeparator = "；";

void AddTables(int64_t id, const NoticeContent& c, ExportSet* s) {
  for (const StoredTable& t : c.tables) {
    const DataTable& d = t.data;
    AddRow(&s->tables, {{"notice_id", id}, {"table_index", int64_t{d.table}}, {"kind", d.kind},
                        {"annex", Opt(t.annex)}, {"caption", Opt(t.caption)},
                        {"carrier_type", Opt(t.carrier_type)},
                        {"column_names", JoinText(d.columns, kColumnSeparator)},
                        {"columns", static_cast<int64_t>(d.columns.size())},
                        {"rows", static_cast<int64_t>(d.rows.size())}});
    for (const DataRow& r : d.rows)
      for (size_t col = 0; col < r.cells.size(); ++col) {
        if (r.cells[col].text.empty()) continue;
        AddRow(&s->table_cells,
               {{"notice_id", id}, {"table_index", int64_t{d.table}}, {"row_index", int64_t{r.row}},
                {"row_kind", r.kind}, {"column_index", static_cast<int64_t>(col)},
                {"column", col < d.columns.size() ? NonEmpty(d.columns[col]) : ExportCell()},
                {"value", r.cells[col].text}, {"derived", r.cells[col].derived}});
      }
  }
}

ExportCell Number(const std::optional<IndicatorNumber>& n) {
  return n ? ExportCell(n->value) : ExportCell();
}

void AddIndicators(int64_t id, const NoticeContent& c, ExportSet* s) {
  for (const IndicatorSystem& sys : c.indicator_systems) {
    for (const Indicator& i : sys.indicators)
      AddRow(&s->indicators,
             {{"notice_id", id}, {"table_index", int64_t{sys.table}}, {"indicator_id", i.id},
              {"level", int64_t{i.level}}, {"parent_id", Opt(i.parent)}, {"name", i.name},
              {"weight", Number(i.weight)}, {"weight_unit", Opt(sys.weight_unit)},
              {"composite_weight", Number(i.composite_weight)}, {"explanation", Opt(i.explanation)},
              {"unit", Opt(i.unit)}, {"type", Opt(i.type)}});
    for (size_t r = 0; r < sys.rules.size(); ++r) {
      const IndicatorRule& rule = sys.rules[r];
      AddRow(&s->indicator_rules,
             {{"notice_id", id}, {"table_index", int64_t{sys.table}}, {"rule_index", static_cast<int64_t>(r)},
              {"kind", rule.kind}, {"label", rule.label}, {"text", rule.text},
              {"max_points", Number(rule.max_points)}});
    }
  }
}

std::vector<std::string> LicenceTexts(const std::vector<PlanLicence>& licences) {
  std::vector<std::string> out;
  for (const PlanLicence& l : licences) out.push_back(l.text);
  return out;
}

// The columns a carrier, a property and a target's carrier share: where it
// is, its name, and the graded carrier it was linked to.
ExportRow Mention(const Dataset& d, int64_t id, int table, int row, int mention,
                  const std::string& name, const std::string& key) {
  ExportRow r = {{"notice_id", id}, {"table_index", int64_t{table}}, {"row_index", int64_t{row}},
                 {"name", name}, {"name_key", key}};
  if (const PlanLinkRow* l = d.PlanLinkOf(id, table, row, mention)) {
    r["carrier_entity_id"] = l->entity_id;
    r["link_score"] = l->score;
    r["link_reason"] = l->reason;
  }
  return r;
}

ExportRow Site(const Dataset& d, int64_t id, const PlanSite& p) {
  ExportRow r = Mention(d, id, p.table, p.row, 0, p.name, p.name_key);
  r["seq"] = Opt(p.seq);
  r["area"] = Opt(p.area.value);
  r["lead_department"] = Opt(p.lead_department);
  r["guide_departments"] = Joined(p.guide_departments, kListSeparator);
  r["positioning"] = Opt(p.positioning);
  return r;
}

void AddSites(const Dataset& d, int64_t id, const PlanTables& p, ExportSet* s) {
  for (const PlanCarrier& c : p.carriers) {
    ExportRow r = Site(d, id, c.site);
    r["operator"] = Opt(c.operator_name);
    r["licences_held"] = Joined(LicenceTexts(c.licences_held), kListSeparator);
    r["task"] = Opt(c.task);
    AddRow(&s->plan_carriers, r);
  }
  for (const PlanProperty& pr : p.properties) {
    ExportRow r = Site(d, id, pr.site);
    r["owner"] = Opt(pr.owner);
    r["licences_sought"] = Joined(LicenceTexts(pr.licences_sought), kListSeparator);
    r["milestones"] = static_cast<int64_t>(pr.milestones.size());
    AddRow(&s->plan_properties, r);
    for (size_t m = 0; m < pr.milestones.size(); ++m) {
      const PlanMilestone& ms = pr.milestones[m];
      AddRow(&s->plan_milestones,
             {{"notice_id", id}, {"table_index", int64_t{pr.site.table}}, {"property_row", int64_t{pr.site.row}},
              {"milestone_index", static_cast<int64_t>(m)}, {"row_index", int64_t{ms.row}},
              {"task", ms.task}, {"year", Opt(ms.year)}});
    }
  }
}

void AddTarget(const Dataset& d, int64_t id, const PlanTarget& t, ExportSet* s) {
  std::vector<std::string> names;
  for (const PlanCarrierName& c : t.main_carriers) names.push_back(c.name);
  ExportRow r = {{"notice_id", id}, {"table_index", int64_t{t.table}}, {"row_index", int64_t{t.row}},
                 {"seq", Opt(t.seq)}, {"area_name", t.area_name}, {"area", Opt(t.area.value)},
                 {"companies", Opt(t.companies.value)}, {"tech_companies", Opt(t.tech_companies.value)},
                 {"main_carriers", Joined(names, "、")}, {"remark", Opt(t.remark)}};
  if (t.area_region) {
    const Region& a = *t.area_region;
    r["area_region_name"] = NonEmpty(a.name);
    r["area_region_code"] = Opt(a.code);
    r["area_region_kind"] = std::string(RegionKindName(a.kind));
    r["area_within_code"] = a.code ? ExportCell() : Opt(a.parent_code);
  }
  AddRow(&s->plan_targets, r);
  for (size_t i = 0; i < t.main_carriers.size(); ++i) {
    const PlanCarrierName& c = t.main_carriers[i];
    ExportRow m = Mention(d, id, t.table, t.row, static_cast<int>(i), c.name, c.name_key);
    m["carrier_index"] = static_cast<int64_t>(i);
    AddRow(&s->plan_target_carriers, m);
  }
}

}  // namespace

void AddTableData(const Dataset& d, const std::set<int64_t>& notices, ExportSet* s) {
  for (const NoticeContent& c : d.content) {
    if (!notices.count(c.notice_id)) continue;
    AddTables(c.notice_id, c, s);
    AddIndicators(c.notice_id, c, s);
    AddSites(d, c.notice_id, c.plans, s);
    for (const PlanTarget& t : c.plans.targets) AddTarget(d, c.notice_id, t, s);
  }
}

}  // namespace fuhua
