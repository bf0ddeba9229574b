// Notice -> rows of the issue-7 tables (see table_data_insert.h). As in
// notice_insert.cc, each row is a value list in the order of its column list
// and RowBatch writes many rows per statement; text values borrow the
// notice's strings (SqlRef), which outlive InsertTableData.
#include "store/table_data_insert.h"

#include <vector>

#include "store/json_text.h"
#include "store/row_batch.h"

namespace fuhua {
namespace {

using Values = std::vector<SqlValue>;

constexpr const char* kDataTableColumns = "notice_id, table_index, kind, columns";
constexpr const char* kDataRowColumns =
    "notice_id, table_index, position, row_index, kind, cells, derived";
constexpr const char* kIndicatorColumns =
    "notice_id, table_index, position, indicator_id, level, parent_id, name, name_raw, "
    "weight, weight_decimals, weight_raw, weight_unit, composite, composite_decimals, "
    "composite_raw, explanation, unit, type, grid_rows, where_line";
constexpr const char* kIndicatorRuleColumns =
    "notice_id, table_index, rule_index, kind, label, text, max_points, max_points_decimals, "
    "max_points_raw, row_index";
constexpr const char* kSiteColumns =
    "notice_id, table_index, row_index, list, seq, seq_raw, name, name_raw, name_key, "
    "name_place, name_qualifier, name_legal_form, area, area_raw, lead_department, "
    "guide_departments, positioning, operator, owner, licences, task, where_line";
constexpr const char* kMilestoneColumns =
    "notice_id, table_index, site_row, milestone_index, row_index, task, year, year_raw";
constexpr const char* kTargetColumns =
    "notice_id, table_index, row_index, seq, seq_raw, area_name, area_region_name, "
    "area_region_code, area_region_kind, area_region_parent_code, area_region_full_name, area, "
    "area_raw, companies, companies_raw, "
    "tech_companies, tech_companies_raw, main_carriers_raw, remark, where_line";
constexpr const char* kTargetCarrierColumns =
    "notice_id, table_index, row_index, carrier_index, name, name_key, name_place, "
    "name_qualifier, name_legal_form";

std::string DerivedColumns(const DataRow& row) {
  std::vector<int> cols;
  for (size_t i = 0; i < row.cells.size(); ++i)
    if (row.cells[i].derived) cols.push_back(static_cast<int>(i));
  return ToJsonInts(cols);
}

// [{"text": …, "level": …, "carrier_type": …}], null for unknown level/type.
// Made by hand as Poco::JSON stringified it: Poco's objects were 4-5% of the
// ingest writer's time on .txt notices.
std::string LicencesJson(const std::vector<PlanLicence>& licences) {
  auto view = [](const std::optional<std::string>& s) -> std::optional<std::string_view> {
    if (s) return *s;
    return std::nullopt;
  };
  std::string out = "[";
  for (const PlanLicence& l : licences) {
    if (out.size() > 1) out.push_back(',');
    AppendJsonObject(
        {{"text", l.text}, {"level", view(l.level)}, {"carrier_type", view(l.carrier_type)}}, &out);
  }
  out.push_back(']');
  return out;
}

// As in notice_insert.cc, no helper may take a temporary: the values borrow
// its text. Their rvalue forms are deleted.

// Three columns: value, decimals, raw.
void AddIndicatorNumber(Values* v, const std::optional<IndicatorNumber>& n) {
  if (!n) {
    v->insert(v->end(), 3, SqlNull());
    return;
  }
  AppendValues(v, n->value, int64_t{n->decimals}, SqlRefOf(n->raw));
}
void AddIndicatorNumber(Values* v, std::optional<IndicatorNumber>&& n) = delete;

// Two columns: value, raw.
void AddPlanNumber(Values* v, const PlanNumber& n) {
  AppendValues(v, SqlOpt(n.value), SqlRefOf(n.raw));
}
void AddPlanNumber(Values* v, PlanNumber&& n) = delete;

// Four columns: key, place, qualifier, legal form, of a plan site or a
// target's carrier (their name_key, name_place... fields).
template <typename Named>
void AddNameKey(Values* v, const Named& n) {
  AppendValues(v, SqlRefOf(n.name_key), SqlRefOpt(n.name_place), SqlRefOpt(n.name_qualifier),
               SqlRefOpt(n.name_legal_form));
}

void InsertDataTables(SqlSession* db, int64_t id, const Notice& n) {
  RowBatch tables(db, "data_tables", kDataTableColumns);
  for (const DataTable& t : n.data_tables)
    tables.Add({id, int64_t{t.table}, SqlRefOf(t.kind), ToJsonStrings(t.columns)});
  tables.Flush();
  RowBatch rows(db, "data_rows", kDataRowColumns);
  for (const DataTable& t : n.data_tables) {
    for (size_t p = 0; p < t.rows.size(); ++p) {
      const DataRow& r = t.rows[p];
      auto cell = [&](size_t i) -> std::string_view { return r.cells[i].text; };
      rows.Add({id, int64_t{t.table}, static_cast<int64_t>(p), int64_t{r.row}, SqlRefOf(r.kind),
                ToJsonStrings(r.cells.size(), cell), DerivedColumns(r)});
    }
  }
  rows.Flush();
}

Values IndicatorValues(int64_t id, const IndicatorSystem& s, size_t position, const Indicator& i) {
  Values v;
  AppendValues(&v, id, int64_t{s.table}, static_cast<int64_t>(position), SqlRefOf(i.id),
               int64_t{i.level}, SqlRefOpt(i.parent), SqlRefOf(i.name), SqlRefOf(i.name_raw));
  AddIndicatorNumber(&v, i.weight);
  v.push_back(SqlRefOpt(s.weight_unit));
  AddIndicatorNumber(&v, i.composite_weight);
  AppendValues(&v, SqlRefOpt(i.explanation), SqlRefOpt(i.unit), SqlRefOpt(i.type),
               ToJsonInts(i.rows), SqlAtLeast(i.line, 1));
  return v;
}

Values RuleValues(int64_t id, const IndicatorSystem& s, size_t index) {
  const IndicatorRule& rule = s.rules[index];
  Values v;
  AppendValues(&v, id, int64_t{s.table}, static_cast<int64_t>(index), SqlRefOf(rule.kind),
               SqlRefOf(rule.label), SqlRefOf(rule.text));
  AddIndicatorNumber(&v, rule.max_points);
  v.emplace_back(int64_t{rule.row});
  return v;
}

void InsertIndicatorSystems(SqlSession* db, int64_t id, const Notice& n) {
  RowBatch nodes(db, "indicators", kIndicatorColumns);
  RowBatch rules(db, "indicator_rules", kIndicatorRuleColumns);
  for (const IndicatorSystem& s : n.indicator_systems) {
    for (size_t p = 0; p < s.indicators.size(); ++p)
      nodes.Add(IndicatorValues(id, s, p, s.indicators[p]));
    for (size_t r = 0; r < s.rules.size(); ++r) rules.Add(RuleValues(id, s, r));
  }
  nodes.Flush();
  rules.Flush();
}

// A site row; the list-specific columns (operator, owner, licences, task)
// are the caller's.
Values SiteValues(int64_t id, const PlanSite& s, const char* list) {
  Values v;
  AppendValues(&v, id, int64_t{s.table}, int64_t{s.row}, SqlStatic(list), SqlOpt(s.seq),
               SqlRefOf(s.seq_raw), SqlRefOf(s.name), SqlRefOf(s.name_raw));
  AddNameKey(&v, s);
  AddPlanNumber(&v, s.area);
  AppendValues(&v, SqlRefOpt(s.lead_department), ToJsonStrings(s.guide_departments),
               SqlRefOpt(s.positioning));
  return v;
}

void InsertSites(SqlSession* db, int64_t id, const PlanTables& p) {
  RowBatch sites(db, "plan_sites", kSiteColumns);
  for (const PlanCarrier& c : p.carriers) {
    Values v = SiteValues(id, c.site, "carrier");
    AppendValues(&v, SqlRefOpt(c.operator_name), SqlNull(), LicencesJson(c.licences_held),
                 SqlRefOpt(c.task), SqlAtLeast(c.site.line, 1));
    sites.Add(std::move(v));
  }
  for (const PlanProperty& pr : p.properties) {
    Values v = SiteValues(id, pr.site, "property");
    AppendValues(&v, SqlNull(), SqlRefOpt(pr.owner), LicencesJson(pr.licences_sought), SqlNull(),
                 SqlAtLeast(pr.site.line, 1));
    sites.Add(std::move(v));
  }
  sites.Flush();
  RowBatch milestones(db, "plan_milestones", kMilestoneColumns);
  for (const PlanProperty& pr : p.properties)
    for (size_t m = 0; m < pr.milestones.size(); ++m) {
      const PlanMilestone& ms = pr.milestones[m];
      milestones.Add({id, int64_t{pr.site.table}, int64_t{pr.site.row}, static_cast<int64_t>(m),
                      int64_t{ms.row}, SqlRefOf(ms.task), SqlOpt(ms.year), SqlRefOf(ms.year_raw)});
    }
  milestones.Flush();
}

Values TargetValues(int64_t id, const PlanTarget& t) {
  Values v;
  AppendValues(&v, id, int64_t{t.table}, int64_t{t.row}, SqlOpt(t.seq), SqlRefOf(t.seq_raw),
               SqlRefOf(t.area_name));
  if (t.area_region) {
    const Region& r = *t.area_region;
    AppendValues(&v, SqlRefOf(r.name), SqlRefOpt(r.code), SqlStatic(RegionKindName(r.kind)),
                 SqlRefOpt(r.parent_code), SqlRefOf(r.full_name));
  } else {
    v.insert(v.end(), 5, SqlNull());
  }
  AddPlanNumber(&v, t.area);
  AddPlanNumber(&v, t.companies);
  AddPlanNumber(&v, t.tech_companies);
  AppendValues(&v, SqlRefOf(t.main_carriers_raw), SqlRefOpt(t.remark), SqlAtLeast(t.line, 1));
  return v;
}

void InsertTargets(SqlSession* db, int64_t id, const PlanTables& p) {
  RowBatch targets(db, "plan_targets", kTargetColumns);
  for (const PlanTarget& t : p.targets) targets.Add(TargetValues(id, t));
  targets.Flush();
  RowBatch carriers(db, "plan_target_carriers", kTargetCarrierColumns);
  for (const PlanTarget& t : p.targets)
    for (size_t i = 0; i < t.main_carriers.size(); ++i) {
      const PlanCarrierName& c = t.main_carriers[i];
      Values v;
      AppendValues(&v, id, int64_t{t.table}, int64_t{t.row}, static_cast<int64_t>(i),
                   SqlRefOf(c.name));
      AddNameKey(&v, c);
      carriers.Add(std::move(v));
    }
  carriers.Flush();
}

}  // namespace

void InsertTableData(SqlSession* db, int64_t notice_id, const Notice& notice) {
  InsertDataTables(db, notice_id, notice);
  InsertIndicatorSystems(db, notice_id, notice);
  InsertSites(db, notice_id, notice.plans);
  InsertTargets(db, notice_id, notice.plans);
}

}  // namespace fuhua
