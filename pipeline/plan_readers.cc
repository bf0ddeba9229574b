// Implements the readers of carrier lists, property lists with milestones and
// target tables (see plan_readers.h).
#include "pipeline/plan_readers.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

bool StartsSite(const PlanTableView& v, int r) { return !TextAt(v, r, "name").empty(); }

void AddMilestone(const PlanTableView& v, int r, PlanProperty* p) {
  PlanMilestone m;
  m.task = TextAt(v, r, "task");
  m.year_raw = TextAt(v, r, "deadline");
  m.year = v.plan.YearIn(m.year_raw);
  m.row = r;
  if (m.task.empty() && m.year_raw.empty()) return;
  p->milestones.push_back(std::move(m));
}

}  // namespace

void ReadCarriers(const PlanTableView& v, PlanTables* out) {
  for (int r : v.info.body_rows) {
    if (!StartsSite(v, r)) continue;
    PlanCarrier c;
    FillSite(v, r, &c.site);
    c.operator_name = OptTextAt(v, r, "operator");
    c.licences_held = LicencesAt(v, r, "licences_held");
    c.task = OptTextAt(v, r, "task");
    out->carriers.push_back(std::move(c));
  }
}

void ReadProperties(const PlanTableView& v, PlanTables* out) {
  PlanProperty* current = nullptr;
  for (int r : v.info.body_rows) {
    if (StartsSite(v, r)) {
      PlanProperty p;
      FillSite(v, r, &p.site);
      p.owner = OptTextAt(v, r, "owner");
      p.licences_sought = LicencesAt(v, r, "licences_sought");
      out->properties.push_back(std::move(p));
      current = &out->properties.back();
    }
    if (current) AddMilestone(v, r, current);
  }
}

void ReadTargets(const PlanTableView& v, PlanTables* out) {
  for (int r : v.info.body_rows) {
    std::string area_name = TextAt(v, r, "region");
    if (area_name.empty()) continue;
    PlanTarget t;
    t.table = v.info.index;
    t.row = r;
    t.seq_raw = TextAt(v, r, "seq");
    t.seq = ParseSeq(t.seq_raw);
    t.area_name = area_name;
    const Cell* region = OwnCell(v.table, r, v.info.Role("region"));
    t.line = region ? region->where.line : 0;
    t.area = ParsePlanNumber(TextAt(v, r, "area"));
    t.companies = ParsePlanNumber(TextAt(v, r, "companies"));
    t.tech_companies = ParsePlanNumber(TextAt(v, r, "tech_companies"));
    t.main_carriers_raw = TextAt(v, r, "main_carriers");
    for (const std::string& name : ListAt(v, r, "main_carriers"))
      t.main_carriers.push_back(CarrierName(v.namer, name));
    t.remark = OptTextAt(v, r, "remark");
    out->targets.push_back(std::move(t));
  }
}

}  // namespace fuhua
