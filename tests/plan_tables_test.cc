// Plan tables of issue 7 (pipeline/plan_tables.h) on seeds 004 (carrier and
// property lists) and 002 (target table), each in its .txt and .docx rendition:
// table-driven assertions of every carrier, property, milestone and target,
// the total checks, and an inline synthetic table whose 合计面积 is wrong.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/test_support.h"

namespace fuhua {
namespace {

const char* kDadukou[] = {"samples/dadukou_2022_carrier_upgrade_plan.txt",
                          "samples/dadukou_2022_carrier_upgrade_plan.docx"};
const char* kWanzhou[] = {"samples/wanzhou_2023_2025_incubation_carrier_plan.txt",
                          "samples/wanzhou_2023_2025_incubation_carrier_plan.docx"};

Notice Extract(const std::string& rel) {
  Notice n;
  Status st = ExtractFile(testing::SourcePath(rel), &n);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return n;
}

std::vector<std::string> Texts(const std::vector<PlanLicence>& v) {
  std::vector<std::string> out;
  for (const PlanLicence& l : v) out.push_back(l.text);
  return out;
}

const Check* FindCheck(const Notice& n, const std::string& rule, const std::string& expected) {
  for (const Check& c : n.checks)
    if (c.rule == rule && c.expected == expected) return &c;
  return nullptr;
}

using Strings = std::vector<std::string>;

struct CarrierRow {
  std::string name;
  double area;
  std::string operator_name, lead;
  Strings guides, licences;
};

const CarrierRow kCarriers[] = {
    {"天安T+SPACE众创空间", 0.5, "天安公司", "区科技局", {"区科技局"}, {"国家级众创空间"}},
    {"微托帮众创空间（原）", 0.2, "渝台公司", "区科技局", {"区科技局", "区人力社保局"},
     {"市级众创空间", "市级创业孵化基地"}},
    {"家庭服务业创新创业基地（原）", 0.2, "渝台公司", "区商务委", {"区人力社保局"},
     {"市级农民工返乡创业园", "区级创业孵化基地"}},
    {"爱心惠残众创空间", 0.2, "区残联", "区残联", {"区科技局", "区人力社保局"},
     {"市级众创空间", "市级创业孵化基地"}},
    {"微企梦工场（软件产业孵化园）", 1.8, "渝台公司", "区经济信息委", {"区人力社保局"},
     {"市级创业孵化基地"}},
    {"重研新材", 0.1, "重庆钢研所", "区经济信息委", {"区科技局"}, {"市级众创空间"}},
    {"万源科技企业孵化器", 1.1, "万源机械", "区科技局", {"区科技局"}, {"市级科技孵化器"}},
    {"重庆移动互联网产业园（软件产业园）", 2.02, "渝台公司", "区经济信息委",
     {"区科技局", "区人力社保局"}, {"市级众创空间", "市级创业孵化基地"}},
    {"台湾中小企业产业园", 0.9, "渝台公司", "区台办", {"区人力社保局"}, {"区级创业孵化基地"}},
    {"艺度创", 7.7, "港务物流", "区文化旅游委", {"区科技局", "区人力社保局"},
     {"市级众创空间", "市级创业孵化基地"}},
};

TEST(PlanTables, CarriersOfSeed004) {
  for (const char* path : kDadukou) {
    SCOPED_TRACE(path);
    Notice n = Extract(path);
    ASSERT_EQ(n.plans.carriers.size(), std::size(kCarriers));
    for (size_t i = 0; i < std::size(kCarriers); ++i) {
      const CarrierRow& want = kCarriers[i];
      const PlanCarrier& got = n.plans.carriers[i];
      SCOPED_TRACE(want.name);
      EXPECT_EQ(got.site.seq, static_cast<int>(i + 1));
      EXPECT_EQ(got.site.name, want.name);
      ASSERT_TRUE(got.site.area.value.has_value());
      EXPECT_DOUBLE_EQ(*got.site.area.value, want.area);
      EXPECT_EQ(got.operator_name, want.operator_name);
      EXPECT_EQ(got.site.lead_department, want.lead);
      EXPECT_EQ(got.site.guide_departments, want.guides);
      EXPECT_EQ(Texts(got.licences_held), want.licences);
      EXPECT_TRUE(got.task.has_value());
    }
  }
}

TEST(PlanTables, LicencesHaveLevelAndCarrierType) {
  Notice n = Extract(kDadukou[0]);
  const PlanLicence& national = n.plans.carriers[0].licences_held[0];
  EXPECT_EQ(national.level, "national");
  EXPECT_EQ(national.carrier_type, "众创空间");
  const PlanLicence& park = n.plans.carriers[2].licences_held[0];  // 市级农民工返乡创业园
  EXPECT_EQ(park.level, "municipal");
  EXPECT_EQ(park.carrier_type, "创业园");
  EXPECT_EQ(n.plans.carriers[2].licences_held[1].level, "district");
}

struct KeyRow {
  size_t index;
  std::string key;
  std::optional<std::string> qualifier;
};

TEST(PlanTables, CarriersGetNameKeysForLinking) {
  const KeyRow rows[] = {
      {1, "微托帮众创空间", "原"},
      {3, "爱心惠残众创空间", std::nullopt},
      {4, "微企梦工场", "软件产业孵化园"},
  };
  for (const char* path : kDadukou) {
    SCOPED_TRACE(path);
    Notice n = Extract(path);
    for (const KeyRow& r : rows) {
      EXPECT_EQ(n.plans.carriers[r.index].site.name_key, r.key);
      EXPECT_EQ(n.plans.carriers[r.index].site.name_qualifier, r.qualifier);
    }
  }
}

struct PropertyRow {
  std::string name;
  double area;
  std::string owner;
  Strings licences;
  std::vector<int> years;
};

const PropertyRow kProperties[] = {
    {"重庆小面电商产业园", 0.3, "建桥公司", {"市级众创空间"}, {2022, 2023}},
    {"4号仓库棚基地", 0.8, "大晟公司", {"市级众创空间", "区级创业孵化基地"}, {2022, 2023}},
    {"重钢电讯大楼、科协大楼", 0.9, "重钢集团", {"市级科技孵化器", "区级创业孵化基地"},
     {2022, 2023, 2024, 2025}},
    {"重钢钢城大厦", 2.4, "重钢集团", {"市级科技孵化器", "区级创业孵化基地"},
     {2022, 2023, 2024, 2025}},
    {"“天空之湖”", 0.7, "湖托邦公司", {"市级众创空间"}, {2022, 2023, 2024}},
    {"天安数码城1期5号楼（重庆精准医疗生物科技产业园）", 2, "建桥公司", {"市级科技孵化器"},
     {2022, 2023}},
    {"建桥生物科技园", 7, "建桥公司", {"市级科技孵化器"}, {2022, 2023, 2024}},
    {"元石国际", 3.8, "华伦公司", {"市级科技孵化器", "区级创业孵化基地"},
     {2022, 2023, 2024, 2025}},
    {"重庆小面产业园", 9, "建桥公司", {"区级创业孵化基地"}, {2022, 2023, 2024, 2025}},
    {"皖新大厦", 6.9, "皖新传媒", {"市级科技孵化器", "区级创业孵化基地"},
     {2023, 2024, 2025, 2027}},
};

TEST(PlanTables, PropertiesAndMilestonesOfSeed004) {
  for (const char* path : kDadukou) {
    SCOPED_TRACE(path);
    Notice n = Extract(path);
    ASSERT_EQ(n.plans.properties.size(), std::size(kProperties));
    for (size_t i = 0; i < std::size(kProperties); ++i) {
      const PropertyRow& want = kProperties[i];
      const PlanProperty& got = n.plans.properties[i];
      SCOPED_TRACE(want.name);
      EXPECT_EQ(got.site.name, want.name);
      ASSERT_TRUE(got.site.area.value.has_value());
      EXPECT_DOUBLE_EQ(*got.site.area.value, want.area);
      EXPECT_EQ(got.owner, want.owner);
      EXPECT_EQ(Texts(got.licences_sought), want.licences);
      std::vector<int> years;
      for (const PlanMilestone& m : got.milestones) {
        years.push_back(m.year.value_or(0));
        EXPECT_FALSE(m.task.empty());
      }
      EXPECT_EQ(years, want.years);
    }
    const PlanProperty& first = n.plans.properties[0];
    EXPECT_EQ(first.milestones[1].task, "争取授牌市级众创空间。");
    EXPECT_EQ(first.milestones[1].row, first.site.row + 1);
    EXPECT_EQ(n.plans.properties[1].site.guide_departments, (Strings{"区科技局", "区人力社保局"}));
  }
}

struct TargetRow {
  std::string area_name;
  double area, companies, tech;
  Strings carriers;
};

const TargetRow kTargets[] = {
    {"万州经开区", 2.6, 400, 300,
     {"平湖众创空间", "万州三峡创业孵化中心", "汇杰创客工场", "万州科技创新中心", "万创智谷·众创空间"}},
    {"渝东新区", 1.5, 300, 200,
     {"猪八戒数字经济创新中心", "聚万优数创空间", "腾讯云数字经济人才创新中心", "三峡启迪众创空间"}},
    {"百安坝街道", 1.3, 200, 15,
     {"重庆三峡学院电子系统集成众创空间", "太阳鸟众创空间", "重庆三峡医药高等专科学校神农益创",
      "三峡创客驿站", "平湖鱼跃众创空间"}},
    {"牌楼街道", 0.4, 50, 15, {"圣耀蚂蚁空间站", "三都创业孵化中心"}},
    {"龙都街道", 0.4, 50, 15, {"重庆三峡职业学院绿叶众创空间", "津万榴莲创新创业中心"}},
    {"双河口街道", 0.3, 50, 15, {"三峡田缘众创空间"}},
    {"高笋塘街道", 0.2, 50, 15, {"E万州众创空间"}},
    {"九池街道", 0.3, 50, 15, {"重庆信息技术职业学院三创空间"}},
    {"龙驹镇", 0.5, 50, 10, {"龙腾众创空间"}},
};

TEST(PlanTables, TargetsOfSeed002) {
  for (const char* path : kWanzhou) {
    SCOPED_TRACE(path);
    Notice n = Extract(path);
    ASSERT_EQ(n.plans.targets.size(), std::size(kTargets));
    for (size_t i = 0; i < std::size(kTargets); ++i) {
      const TargetRow& want = kTargets[i];
      const PlanTarget& got = n.plans.targets[i];
      SCOPED_TRACE(want.area_name);
      EXPECT_EQ(got.area_name, want.area_name);
      EXPECT_EQ(got.area.value, want.area);
      EXPECT_EQ(got.companies.value, want.companies);
      EXPECT_EQ(got.tech_companies.value, want.tech);
      Strings names;
      for (const PlanCarrierName& c : got.main_carriers) names.push_back(c.name);
      EXPECT_EQ(names, want.carriers);
      EXPECT_FALSE(got.remark.has_value());
    }
    EXPECT_TRUE(n.plans.carriers.empty());
    EXPECT_TRUE(n.plans.properties.empty());
  }
}

TEST(PlanTables, TotalChecksHoldOnBothRenditions) {
  struct Want {
    const char* rule;
    const char* expected;
  };
  const Want dadukou[] = {{"plan_area_total", "14.72"}, {"plan_area_total", "33.8"},
                          {"total_row", "14.72"}, {"total_row", "33.8"}};
  const Want wanzhou[] = {{"plan_target_total", "7.5"}, {"plan_target_total", "1200"},
                          {"plan_target_total", "600"}, {"total_row", "7.5"},
                          {"total_row", "1200"}, {"total_row", "600"}};
  for (int i = 0; i < 2; ++i) {
    Notice d = Extract(kDadukou[i]), w = Extract(kWanzhou[i]);
    for (const Want& want : dadukou) {
      const Check* c = FindCheck(d, want.rule, want.expected);
      ASSERT_NE(c, nullptr) << kDadukou[i] << " " << want.rule << " " << want.expected;
      EXPECT_TRUE(c->ok) << c->subject << ": found " << c->found;
    }
    for (const Want& want : wanzhou) {
      const Check* c = FindCheck(w, want.rule, want.expected);
      ASSERT_NE(c, nullptr) << kWanzhou[i] << " " << want.rule << " " << want.expected;
      EXPECT_TRUE(c->ok) << c->subject << ": found " << c->found;
    }
  }
}

// A synthetic carrier list written inline (not from any notice): its 合计面积
// says 2.0 while the areas add up to 1.2, so plan_area_total must fail.
TEST(PlanTables, WrongAreaTotalFailsTheCheck) {
  const std::string text =
      "附件1\n提质发展孵化载体清单\n"
      "\t序号\n\t载体名称\n\t面积（万m2）\n\t运营机构\n\t已有授牌\n\n"
      "\t1\n\t甲众创空间\n\t0.5\n\t甲公司\n\t市级众创空间\n\n"
      "\t2\n\t乙创业孵化基地\n\t0.7\n\t乙公司\n\t国家级众创空间\n区级创业孵化基地\n\n"
      "\t合计面积\n\t2.0\n\n";
  Notice n = testing::ExtractText(text);
  ASSERT_EQ(n.plans.carriers.size(), 2u);
  EXPECT_EQ(Texts(n.plans.carriers[1].licences_held),
            (Strings{"国家级众创空间", "区级创业孵化基地"}));
  const Check* c = FindCheck(n, "plan_area_total", "2.0");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(c->found, "1.2");
  bool warned = false;
  for (const Diagnostic& d : n.diagnostics) warned = warned || d.code == "check_failed";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace fuhua
