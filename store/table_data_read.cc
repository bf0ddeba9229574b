// Store::LoadContent and ForEachPlanMention (store.h): the issue-7 tables of the current notices
// read back into the pipeline's structs — the inverse of table_data_insert.cc.
// One query per table kind, each ordered by notice and position, grouped into
// one NoticeContent per notice.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>

#include "store/json_text.h"
#include "store/sql_cursor.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_guard.h"

namespace fuhua {
namespace {

using Contents = std::map<int64_t, NoticeContent>;

// The rows of `from` (its table aliased x) of current notices: notice_id,
// then `columns`.
SqlRows CurrentRows(SqlSession* db, const std::string& columns, const std::string& from,
                    const std::string& order) {
  return db->Query("SELECT x.notice_id, " + columns + " FROM " + from +
                   " JOIN notices n ON n.id = x.notice_id WHERE n.superseded_by IS NULL ORDER BY "
                   "x.notice_id, " + order);
}

// Every query starts with notice_id (column 0, read by Of); cursors start after it.
class Cursor : public SqlCursor {
 public:
  explicit Cursor(const SqlRows& rows) : SqlCursor(rows, 1) {}
  int Int() { return static_cast<int>(SqlCursor::Int()); }
};

// One licence object; false when it is not flat JSON with exactly the
// three keys, each once (Poco then reads the whole list).
bool FlatLicence(FlatJson* j, PlanLicence* l) {
  if (!j->Take('{')) return false;
  bool text = false, level = false, type = false;
  do {
    std::string key, value;
    if (!j->String(&key) || !j->Take(':')) return false;
    bool null = j->Null();
    if (!null && !j->String(&value)) return false;
    if (key == "text" && !text && !null) {
      text = true, l->text = std::move(value);
    } else if (key == "level" && !level) {
      level = true;
      if (!null) l->level = std::move(value);
    } else if (key == "carrier_type" && !type) {
      type = true;
      if (!null) l->carrier_type = std::move(value);
    } else {
      return false;
    }
  } while (j->Take(','));
  return j->Take('}') && text && level && type;
}

std::vector<PlanLicence> FromLicencesJson(const std::string& json) {
  std::vector<PlanLicence> flat;
  if (ReadFlatList(json, [&](FlatJson* j) {
        PlanLicence l;
        if (!FlatLicence(j, &l)) return false;
        flat.push_back(std::move(l));
        return true;
      }))
    return flat;
  Poco::JSON::Parser parser;
  Poco::JSON::Array::Ptr a = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
  std::vector<PlanLicence> out;
  for (size_t i = 0; i < a->size(); ++i) {
    Poco::JSON::Object::Ptr o = a->getObject(static_cast<unsigned>(i));
    PlanLicence l{o->getValue<std::string>("text"), std::nullopt, std::nullopt};
    if (!o->isNull("level")) l.level = o->getValue<std::string>("level");
    if (!o->isNull("carrier_type")) l.carrier_type = o->getValue<std::string>("carrier_type");
    out.push_back(std::move(l));
  }
  return out;
}

NoticeContent& Of(Contents* c, const SqlRows& rows) {
  int64_t id = rows.Int(0);
  NoticeContent& n = (*c)[id];
  n.notice_id = id;
  return n;
}

void ReadTables(SqlSession* db, Contents* out) {
  SqlRows t = CurrentRows(db, "x.table_index, x.kind, x.columns, nt.annex, nt.caption, nt.carrier_type",
                          "data_tables x JOIN notice_tables nt ON nt.notice_id = x.notice_id AND "
                          "nt.table_index = x.table_index",
                          "x.table_index");
  while (t.Next()) {
    Cursor c(t);
    StoredTable s;
    s.data.table = c.Int();
    s.data.kind = c.Text();
    s.data.columns = FromJsonStrings(c.Text());
    s.annex = c.OptText(), s.caption = c.OptText(), s.carrier_type = c.OptText();
    Of(out, t).tables.push_back(std::move(s));
  }
  SqlRows r = CurrentRows(db, "x.table_index, x.row_index, x.kind, x.cells, x.derived", "data_rows x",
                          "x.table_index, x.position");
  while (r.Next()) {
    Cursor c(r);
    int table = c.Int();
    DataRow row{c.Int(), c.Text(), {}};
    for (const std::string& text : FromJsonStrings(c.Text())) row.cells.push_back({text, false});
    for (int col : FromJsonInts(c.Text()))
      if (col >= 0 && static_cast<size_t>(col) < row.cells.size()) row.cells[static_cast<size_t>(col)].derived = true;
    for (StoredTable& s : Of(out, r).tables)
      if (s.data.table == table) s.data.rows.push_back(std::move(row));
  }
}

// Three columns: value, decimals, raw; none when the value is NULL.
std::optional<IndicatorNumber> ReadIndicatorNumber(Cursor* c) {
  std::optional<double> value = c->OptDouble();
  std::optional<int> decimals = c->OptInt();
  std::optional<std::string> raw = c->OptText();
  if (!value) return std::nullopt;
  return IndicatorNumber{*value, decimals.value_or(0), raw.value_or("")};
}

// The indicator system of `table` in `n`, added when first seen.
IndicatorSystem& SystemOf(NoticeContent* n, int table) {
  for (IndicatorSystem& s : n->indicator_systems)
    if (s.table == table) return s;
  n->indicator_systems.push_back(IndicatorSystem{});
  n->indicator_systems.back().table = table;
  return n->indicator_systems.back();
}

void ReadIndicators(SqlSession* db, Contents* out) {
  SqlRows r = CurrentRows(db,
                          "x.table_index, x.indicator_id, x.level, x.parent_id, x.name, x.name_raw, "
                          "x.weight, x.weight_decimals, x.weight_raw, x.weight_unit, x.composite, "
                          "x.composite_decimals, x.composite_raw, x.explanation, x.unit, x.type, "
                          "x.grid_rows, x.where_line",
                          "indicators x", "x.table_index, x.position");
  while (r.Next()) {
    Cursor c(r);
    IndicatorSystem& s = SystemOf(&Of(out, r), c.Int());
    Indicator i;
    i.id = c.Text(), i.level = c.Int(), i.parent = c.OptText(), i.name = c.Text(), i.name_raw = c.Text();
    i.weight = ReadIndicatorNumber(&c);
    s.weight_unit = c.OptText();
    i.composite_weight = ReadIndicatorNumber(&c);
    i.explanation = c.OptText(), i.unit = c.OptText(), i.type = c.OptText();
    i.rows = FromJsonInts(c.Text());
    i.line = c.OptInt().value_or(0);
    s.indicators.push_back(std::move(i));
  }
  SqlRows q = CurrentRows(db,
                          "x.table_index, x.kind, x.label, x.text, x.max_points, x.max_points_decimals, "
                          "x.max_points_raw, x.row_index",
                          "indicator_rules x", "x.table_index, x.rule_index");
  while (q.Next()) {
    Cursor c(q);
    IndicatorSystem& s = SystemOf(&Of(out, q), c.Int());
    IndicatorRule rule;
    rule.kind = c.Text(), rule.label = c.Text(), rule.text = c.Text();
    rule.max_points = ReadIndicatorNumber(&c);
    rule.row = c.Int();
    s.rules.push_back(std::move(rule));
  }
}

PlanNumber ReadPlanNumber(Cursor* c) {
  std::optional<double> value = c->OptDouble();
  return PlanNumber{value, c->Text()};
}

void ReadSites(SqlSession* db, Contents* out) {
  SqlRows r = CurrentRows(db,
                          "x.table_index, x.row_index, x.list, x.seq, x.seq_raw, x.name, x.name_raw, "
                          "x.name_key, x.name_place, x.name_qualifier, x.name_legal_form, x.area, "
                          "x.area_raw, x.lead_department, x.guide_departments, x.positioning, "
                          "x.operator, x.owner, x.licences, x.task, x.where_line",
                          "plan_sites x", "x.table_index, x.row_index");
  while (r.Next()) {
    Cursor c(r);
    PlanSite s;
    s.table = c.Int(), s.row = c.Int();
    std::string list = c.Text();
    s.seq = c.OptInt(), s.seq_raw = c.Text(), s.name = c.Text(), s.name_raw = c.Text();
    s.name_key = c.Text(), s.name_place = c.OptText(), s.name_qualifier = c.OptText();
    s.name_legal_form = c.OptText();
    s.area = ReadPlanNumber(&c);
    s.lead_department = c.OptText();
    s.guide_departments = FromJsonStrings(c.Text());
    s.positioning = c.OptText();
    std::optional<std::string> op = c.OptText(), owner = c.OptText();
    std::vector<PlanLicence> licences = FromLicencesJson(c.Text());
    std::optional<std::string> task = c.OptText();
    s.line = c.OptInt().value_or(0);
    PlanTables& p = Of(out, r).plans;
    if (list == "carrier") {
      p.carriers.push_back(PlanCarrier{std::move(s), op, std::move(licences), task});
    } else {
      p.properties.push_back(PlanProperty{std::move(s), owner, std::move(licences), {}});
    }
  }
}

void ReadMilestones(SqlSession* db, Contents* out) {
  SqlRows r = CurrentRows(db, "x.table_index, x.site_row, x.row_index, x.task, x.year, x.year_raw",
                          "plan_milestones x", "x.table_index, x.site_row, x.milestone_index");
  while (r.Next()) {
    Cursor c(r);
    int table = c.Int(), site = c.Int(), row = c.Int();
    PlanMilestone m;
    m.row = row, m.task = c.Text(), m.year = c.OptInt(), m.year_raw = c.Text();
    for (PlanProperty& p : Of(out, r).plans.properties)
      if (p.site.table == table && p.site.row == site) p.milestones.push_back(m);
  }
}

PlanTarget ReadTarget(Cursor* c) {
  PlanTarget t;
  t.table = c->Int(), t.row = c->Int(), t.seq = c->OptInt(), t.seq_raw = c->Text();
  t.area_name = c->Text();
  std::optional<std::string> name = c->OptText(), code = c->OptText(), kind = c->OptText();
  std::optional<std::string> parent = c->OptText(), full_name = c->OptText();
  if (name) {
    t.area_region = Region{t.area_name, *name, code, ParseRegionKind(kind.value_or("")), parent,
                           full_name.value_or(*name)};
  }
  t.area = ReadPlanNumber(c), t.companies = ReadPlanNumber(c), t.tech_companies = ReadPlanNumber(c);
  t.main_carriers_raw = c->Text(), t.remark = c->OptText(), t.line = c->OptInt().value_or(0);
  return t;
}

void ReadTargets(SqlSession* db, Contents* out) {
  SqlRows r = CurrentRows(db,
                          "x.table_index, x.row_index, x.seq, x.seq_raw, x.area_name, "
                          "x.area_region_name, x.area_region_code, x.area_region_kind, "
                          "x.area_region_parent_code, x.area_region_full_name, x.area, "
                          "x.area_raw, x.companies, x.companies_raw, x.tech_companies, "
                          "x.tech_companies_raw, x.main_carriers_raw, x.remark, x.where_line",
                          "plan_targets x", "x.table_index, x.row_index");
  while (r.Next()) {
    Cursor c(r);
    Of(out, r).plans.targets.push_back(ReadTarget(&c));
  }
  SqlRows m = CurrentRows(db,
                          "x.table_index, x.row_index, x.name, x.name_key, x.name_place, "
                          "x.name_qualifier, x.name_legal_form",
                          "plan_target_carriers x", "x.table_index, x.row_index, x.carrier_index");
  while (m.Next()) {
    Cursor c(m);
    int table = c.Int(), row = c.Int();
    PlanCarrierName n;
    n.name = c.Text(), n.name_key = c.Text(), n.name_place = c.OptText();
    n.name_qualifier = c.OptText(), n.name_legal_form = c.OptText();
    for (PlanTarget& t : Of(out, m).plans.targets)
      if (t.table == table && t.row == row) t.main_carriers.push_back(n);
  }
}

}  // namespace

Status Store::ForEachPlanMention(const std::function<void(PlanMentionRow&&)>& each, int64_t window) {
  return GuardStore(target_, "load plan mentions", [&] {
    // part: 0 a site's carrier, 1 a property, 2 a target's carrier (LoadContent's order).
    const std::string sql =
        "SELECT x.notice_id, CASE WHEN x.list = 'carrier' THEN 0 ELSE 1 END, x.table_index, "
        "x.row_index, 0, x.name_key, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT) "
        "FROM plan_sites x JOIN notices n ON n.id = x.notice_id "
        "WHERE n.superseded_by IS NULL AND x.notice_id > ? AND x.notice_id <= ? "
        "UNION ALL "
        "SELECT x.notice_id, 2, x.table_index, x.row_index, x.carrier_index, x.name_key, "
        "t.area_region_name, t.area_region_code, t.area_region_parent_code "
        "FROM plan_target_carriers x JOIN plan_targets t ON t.notice_id = x.notice_id AND "
        "t.table_index = x.table_index AND t.row_index = x.row_index "
        "JOIN notices n ON n.id = x.notice_id "
        "WHERE n.superseded_by IS NULL AND x.notice_id > ? AND x.notice_id <= ? "
        "ORDER BY 1, 2, 3, 4, 5";
    ForEachIdWindow(db_.get(), "notices", "id", window, [&](int64_t after, int64_t upto) {
      SqlRows r = db_->Query(sql, {after, upto, after, upto});
      while (r.Next()) {
        SqlCursor c(r, 0);
        PlanMentionRow m;
        m.at.notice_id = c.Int();
        c.Int();  // part: only the order
        m.at.table = static_cast<int>(c.Int()), m.at.row = static_cast<int>(c.Int());
        m.at.mention = static_cast<int>(c.Int());
        m.name_key = c.Text();
        std::optional<std::string> name = c.OptText(), code = c.OptText(), parent = c.OptText();
        if (name) m.area = Region{"", *name, code, RegionKind::kUnknown, parent, *name};
        each(std::move(m));
      }
    });
    return Status::Ok();
  });
}

Status Store::LoadContent(std::vector<NoticeContent>* content) {
  return GuardStore(target_, "load tables as data", [&] {
    Contents by_notice;
    ReadTables(db_.get(), &by_notice);
    ReadIndicators(db_.get(), &by_notice);
    ReadSites(db_.get(), &by_notice);
    ReadMilestones(db_.get(), &by_notice);
    ReadTargets(db_.get(), &by_notice);
    content->clear();
    for (auto& [id, c] : by_notice) content->push_back(std::move(c));
    return Status::Ok();
  });
}

}  // namespace fuhua
