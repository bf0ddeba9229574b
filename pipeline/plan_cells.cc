// Implements the plan-table cell readers (see plan_cells.h).
#include "pipeline/plan_cells.h"

#include <cstdlib>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

const Cell* RoleCell(const PlanTableView& v, int r, const char* role) {
  return OwnCell(v.table, r, v.info.Role(role));
}

template <typename T>
void CopyKey(const NameKey& k, T* out) {
  out->name_key = k.key;
  out->name_place = k.place;
  out->name_qualifier = k.qualifier;
  out->name_legal_form = k.legal_form;
}

NameKey KeyOf(const OrgNamer* namer, const std::string& name) {
  if (namer) return namer->Key(name);
  NameKey k;
  k.key = MatchKey(name);
  return k;
}

}  // namespace

const Cell* OwnCell(const Table& t, int r, int c) {
  if (c < 0 || c >= t.cols() || r < 0 || r >= t.rows()) return nullptr;
  const Cell* cell = t.CellAt(r, c);
  return cell && cell->row == r ? cell : nullptr;
}

std::string TextAt(const PlanTableView& v, int r, const char* role) {
  const Cell* c = RoleCell(v, r, role);
  return c ? c->text : "";
}

std::optional<std::string> OptTextAt(const PlanTableView& v, int r, const char* role) {
  std::string s = TextAt(v, r, role);
  if (s.empty()) return std::nullopt;
  return s;
}

std::vector<std::string> ListAt(const PlanTableView& v, int r, const char* role) {
  const Cell* c = RoleCell(v, r, role);
  return c ? v.plan.SplitList(c->raw) : std::vector<std::string>{};
}

std::vector<PlanLicence> LicencesAt(const PlanTableView& v, int r, const char* role) {
  std::vector<PlanLicence> out;
  for (std::string& item : ListAt(v, r, role)) {
    PlanLicence l;
    l.level = v.plan.LevelOf(item);
    l.carrier_type = v.rules.CarrierTypeIn(item);
    l.text = std::move(item);
    out.push_back(std::move(l));
  }
  return out;
}

PlanNumber ParsePlanNumber(const std::string& text) {
  PlanNumber n;
  n.raw = text;
  std::string digits;
  for (char ch : MatchKey(text))
    if (ch != ',') digits.push_back(ch);
  if (digits.empty() || digits.find_first_not_of("0123456789.-") != std::string::npos) return n;
  char* end = nullptr;
  double value = std::strtod(digits.c_str(), &end);
  if (end == digits.c_str() + digits.size()) n.value = value;
  return n;
}

void FillSite(const PlanTableView& v, int r, PlanSite* site) {
  site->table = v.info.index;
  site->row = r;
  site->seq_raw = TextAt(v, r, "seq");
  site->seq = ParseSeq(site->seq_raw);
  const Cell* name = RoleCell(v, r, "name");
  site->name = name ? name->text : "";
  site->name_raw = name ? name->raw : "";
  site->line = name ? name->where.line : 0;
  CopyKey(KeyOf(v.namer, site->name), site);
  site->area = ParsePlanNumber(TextAt(v, r, "area"));
  site->lead_department = OptTextAt(v, r, "lead_department");
  site->guide_departments = ListAt(v, r, "guide_department");
  site->positioning = OptTextAt(v, r, "positioning");
}

PlanCarrierName CarrierName(const OrgNamer* namer, const std::string& name) {
  PlanCarrierName c;
  c.name = name;
  CopyKey(KeyOf(namer, name), &c);
  return c;
}

}  // namespace fuhua
