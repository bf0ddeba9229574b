// Cell readers shared by the plan-table readers (plan_readers.cc): the text of
// a row's own cell, numbers, list cells, licences and name keys.
// Internal to the plan-table stage.
#ifndef FUHUA_PIPELINE_PLAN_CELLS_H_
#define FUHUA_PIPELINE_PLAN_CELLS_H_

#include <optional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/org_names.h"
#include "pipeline/plan_rules.h"
#include "pipeline/rules.h"

namespace fuhua {

// What a reader needs about one table.
struct PlanTableView {
  const Table& table;
  const TableInfo& info;
  const Rules& rules;
  const PlanRules& plan;
  const OrgNamer* namer;  // may be null: name keys are then the plain names
};

// The cell whose top-left corner is in row r (nullptr for c < 0, holes, and
// cells spanning down from a row above).
const Cell* OwnCell(const Table& t, int r, int c);
// Cleaned text of the own cell of the role's column, "" when none.
std::string TextAt(const PlanTableView& v, int r, const char* role);
std::optional<std::string> OptTextAt(const PlanTableView& v, int r, const char* role);
// The own cell of the role's column split as a list (on its raw text).
std::vector<std::string> ListAt(const PlanTableView& v, int r, const char* role);
std::vector<PlanLicence> LicencesAt(const PlanTableView& v, int r, const char* role);

// A plain decimal number (NFKC, thousands commas allowed), else no value.
PlanNumber ParsePlanNumber(const std::string& text);

// Fills the name and its key fields of a site from row r.
void FillSite(const PlanTableView& v, int r, PlanSite* site);
PlanCarrierName CarrierName(const OrgNamer* namer, const std::string& name);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_CELLS_H_
