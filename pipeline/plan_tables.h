// Plan tables (issue 7): carrier lists and property lists with milestones
// (seed 004), and per-area target tables (seed 002). Which table is which,
// how list cells split and the licence vocabulary are in schemas/plan_tables.json.
//   提质发展孵化载体清单  -> PlanCarrier per row (licences already held)
//   挖掘包装孵化载体清单  -> PlanProperty per property; each row of it, the first
//                           and every continuation row (blank leading cells),
//                           is one PlanMilestone (task, target year)
//   孵化载体建设目标任务表 -> PlanTarget per area (合计 rows are not areas)
// Display values keep the document's text; numbers are parsed from it and the
// raw text is kept beside them.
#ifndef FUHUA_PIPELINE_PLAN_TABLES_H_
#define FUHUA_PIPELINE_PLAN_TABLES_H_

#include <optional>
#include <string>
#include <vector>

#include "pipeline/region.h"

namespace fuhua {

// A number cell: the value when the text is a plain number, and the text.
struct PlanNumber {
  std::optional<double> value;
  std::string raw;

  bool operator==(const PlanNumber&) const = default;
};

// A licence (授牌) as listed: 国家级众创空间 -> level national, type 众创空间.
struct PlanLicence {
  std::string text;
  std::optional<std::string> level;         // national | provincial | municipal | district
  std::optional<std::string> carrier_type;  // schemas/carrier_types.json

  bool operator==(const PlanLicence&) const = default;
};

// A named carrier or property and the NameKey that links it to grade entities.
struct PlanSite {
  int table = 0;  // index into Notice::tables
  int row = 0;    // grid row of its first row
  std::optional<int> seq;
  std::string seq_raw;
  std::string name;
  std::string name_raw;
  // Matching key (pipeline/org_names.h); a struct of notice.h, so stored as fields.
  std::string name_key;
  std::optional<std::string> name_place, name_qualifier, name_legal_form;
  PlanNumber area;  // 万m²
  std::optional<std::string> lead_department;
  std::vector<std::string> guide_departments;
  std::optional<std::string> positioning;
  int line = 0;  // source line of the name cell (text formats)

  bool operator==(const PlanSite&) const = default;
};

// Table 1 of seed 004: a carrier to upgrade.
struct PlanCarrier {
  PlanSite site;
  std::optional<std::string> operator_name;
  std::vector<PlanLicence> licences_held;
  std::optional<std::string> task;

  bool operator==(const PlanCarrier&) const = default;
};

struct PlanMilestone {
  std::string task;
  std::optional<int> year;
  std::string year_raw;
  int row = 0;

  bool operator==(const PlanMilestone&) const = default;
};

// Table 2 of seed 004: a property to develop, with its milestones in order.
struct PlanProperty {
  PlanSite site;
  std::optional<std::string> owner;
  std::vector<PlanLicence> licences_sought;
  std::vector<PlanMilestone> milestones;

  bool operator==(const PlanProperty&) const = default;
};

// A carrier named in a target table's 主要运营载体 cell, 等 removed.
struct PlanCarrierName {
  std::string name;
  std::string name_key;
  std::optional<std::string> name_place, name_qualifier, name_legal_form;

  bool operator==(const PlanCarrierName&) const = default;
};

// Seed 002: the targets of one area.
struct PlanTarget {
  int table = 0;
  int row = 0;
  std::optional<int> seq;
  std::string seq_raw;
  std::string area_name;   // 区域 as written: 万州经开区, 牌楼街道
  // The area resolved in the notice's jurisdiction (pipeline/regions.h): a
  // division or functional zone with its code; streets (街道) lie below the
  // gazetteer and stay kind unknown.
  std::optional<Region> area_region;
  PlanNumber area;         // 建设载体面积, 万m²
  PlanNumber companies;    // 聚集企业和团队数量（个）
  PlanNumber tech_companies;  // 孵化科技型企业数量（个）
  std::vector<PlanCarrierName> main_carriers;
  std::string main_carriers_raw;
  std::optional<std::string> remark;
  int line = 0;

  bool operator==(const PlanTarget&) const = default;
};

struct PlanTables {
  std::vector<PlanCarrier> carriers;
  std::vector<PlanProperty> properties;
  std::vector<PlanTarget> targets;

  bool operator==(const PlanTables&) const = default;
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_TABLES_H_
