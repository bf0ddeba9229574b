// The indicator system of seed 003 (samples/incubation_base_evaluation_indicators
// .txt and .docx): the tree, the merged 2.管理体系, the bonus and veto rules and
// every weight check; then small synthetic tables written inline below (not
// published data) where a weight sum is wrong or a composite is off by more
// than 0.005, so the check fails.
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace fuhua {
namespace {

const char* const kSamples[] = {"samples/incubation_base_evaluation_indicators.txt",
                                "samples/incubation_base_evaluation_indicators.docx"};

Notice Extract(const std::string& rel) {
  Notice n;
  Status st = ExtractFile(testing::SourcePath(rel), &n);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return n;
}

const Indicator* Node(const IndicatorSystem& sys, const std::string& id) {
  for (const Indicator& ind : sys.indicators)
    if (ind.id == id) return &ind;
  return nullptr;
}

int CountLevel(const IndicatorSystem& sys, int level) {
  int n = 0;
  for (const Indicator& ind : sys.indicators) n += ind.level == level ? 1 : 0;
  return n;
}

std::vector<const Check*> IndicatorChecks(const Notice& n, const std::string& rule = "") {
  std::vector<const Check*> out;
  for (const Check& c : n.checks)
    if (c.rule.rfind("indicator_", 0) == 0 && (rule.empty() || c.rule == rule)) out.push_back(&c);
  return out;
}

class SeedIndicators : public ::testing::TestWithParam<const char*> {};

TEST_P(SeedIndicators, TreeHasFiveSeventeenFortyOneNodes) {
  Notice n = Extract(GetParam());
  ASSERT_EQ(n.indicator_systems.size(), 1u);
  const IndicatorSystem& sys = n.indicator_systems[0];
  EXPECT_EQ(sys.table, 0);
  EXPECT_EQ(sys.weight_unit, "%");
  EXPECT_EQ(CountLevel(sys, 1), 5);
  EXPECT_EQ(CountLevel(sys, 2), 17);
  EXPECT_EQ(CountLevel(sys, 3), 41);
  EXPECT_EQ(sys.indicators.front().id, "1");
  EXPECT_EQ(sys.indicators.back().id, "5.3.1");
}

TEST_P(SeedIndicators, RepeatedLevelOneAtPageBreakIsOneNode) {
  Notice n = Extract(GetParam());
  const IndicatorSystem& sys = n.indicator_systems.at(0);
  const Indicator* mgmt = Node(sys, "2");
  ASSERT_NE(mgmt, nullptr);
  EXPECT_EQ(mgmt->name, "管理体系");
  EXPECT_EQ(mgmt->name_raw, "2.管理体系");
  EXPECT_EQ(mgmt->weight->value, 15);
  EXPECT_EQ(mgmt->rows, (std::vector<int>{8, 9, 10, 11, 12, 13, 14, 15, 16}));
  const Indicator* brand = Node(sys, "2.4");  // the level-2 node after the page break
  ASSERT_NE(brand, nullptr);
  EXPECT_EQ(brand->name, "品牌管理");
  EXPECT_EQ(brand->parent, "2");
  EXPECT_EQ(brand->weight->value, 20);
  EXPECT_EQ(Node(sys, "2.5"), nullptr);
  const Indicator* talent = Node(sys, "4.2");  // 人才培养 repeated with 4.创新培育
  ASSERT_NE(talent, nullptr);
  EXPECT_EQ(talent->name, "人才培养");
  EXPECT_EQ(talent->rows, (std::vector<int>{31, 32, 33}));
  EXPECT_EQ(Node(sys, "4.2.3")->name, "员工持证比例");
}

TEST_P(SeedIndicators, LeavesCarryWeightsCompositeUnitAndType) {
  Notice n = Extract(GetParam());
  const IndicatorSystem& sys = n.indicator_systems.at(0);
  const Indicator* funds = Node(sys, "1.3.1");
  ASSERT_NE(funds, nullptr);
  EXPECT_EQ(funds->name, "孵化基地管理经费投入额");
  EXPECT_EQ(funds->level, 3);
  EXPECT_EQ(funds->parent, "1.3");
  EXPECT_EQ(funds->weight->value, 35);
  EXPECT_EQ(funds->composite_weight->raw, "3.67");  // 25·42·35/10000 = 3.675
  EXPECT_EQ(funds->unit, "万元");
  EXPECT_EQ(funds->type, "定量");
  const Indicator* speed = Node(sys, "1.2.3");
  ASSERT_NE(speed, nullptr);
  EXPECT_EQ(speed->name, "政策兑现速度");
  EXPECT_EQ(speed->composite_weight->raw, "3.30");
  EXPECT_EQ(speed->composite_weight->decimals, 2);
  const Indicator* first = Node(sys, "1.1.1");
  EXPECT_EQ(first->type, "定性");
  EXPECT_EQ(first->composite_weight->value, 6.25);
  EXPECT_EQ(Node(sys, "5.3.1")->unit, "亿元");
  EXPECT_EQ(Node(sys, "1")->explanation, std::nullopt);
}

TEST_P(SeedIndicators, BonusAndVetoAreRulesNotIndicators) {
  Notice n = Extract(GetParam());
  const IndicatorSystem& sys = n.indicator_systems.at(0);
  ASSERT_EQ(sys.rules.size(), 2u);
  EXPECT_EQ(sys.rules[0].kind, "bonus");
  EXPECT_EQ(sys.rules[0].label, "加分项≤10分");
  ASSERT_TRUE(sys.rules[0].max_points);
  EXPECT_EQ(sys.rules[0].max_points->value, 10);
  EXPECT_EQ(sys.rules[0].text.rfind("孵化基地在引进行业创新资源", 0), 0u);
  EXPECT_EQ(sys.rules[1].kind, "veto");
  EXPECT_EQ(sys.rules[1].max_points, std::nullopt);
  EXPECT_NE(sys.rules[1].text.find("一票否决"), std::string::npos);
  for (const Indicator& ind : sys.indicators) {
    EXPECT_EQ(ind.name.find("加分"), std::string::npos);
    EXPECT_EQ(ind.name.find("否决"), std::string::npos);
  }
}

TEST_P(SeedIndicators, EveryWeightCheckHolds) {
  Notice n = Extract(GetParam());
  EXPECT_EQ(IndicatorChecks(n, "indicator_w1_sum").size(), 1u);
  EXPECT_EQ(IndicatorChecks(n, "indicator_w2_sum").size(), 5u);
  EXPECT_EQ(IndicatorChecks(n, "indicator_w3_sum").size(), 17u);
  EXPECT_EQ(IndicatorChecks(n, "indicator_composite").size(), 41u);
  for (const Check* c : IndicatorChecks(n))
    EXPECT_TRUE(c->ok) << c->rule << " " << c->subject << ": " << c->expected << " vs " << c->found;
  for (const Diagnostic& d : n.diagnostics) EXPECT_NE(d.code, "check_failed") << d.message;
}

INSTANTIATE_TEST_SUITE_P(TxtAndDocx, SeedIndicators, ::testing::ValuesIn(kSamples));

// --- Synthetic tables (written here, not published data) ---------------------

using Rows = std::vector<std::vector<std::string>>;

// A text dump of "单位：%" and an indicator table: one TAB line per cell,
// a blank line between rows, empty cells under a merged value.
std::string Dump(const Rows& body) {
  Rows rows = {{"一级指标", "权重W1", "二级指标", "权重W2", "三级指标", "指标解释", "权重W3",
                "综合权重", "指标类型"}};
  rows.insert(rows.end(), body.begin(), body.end());
  std::string out = "单位：%\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) out += "\n";
    for (const std::string& cell : rows[i]) out += "\t" + cell + "\n";
  }
  return out;
}

Rows GoodRows() {
  return {{"1.投入", "60", "基础", "100", "场地", "场地面积。（单位：平方米）", "40", "24", "定量"},
          {"", "", "", "", "设备", "设备情况。", "60", "36", "定性"},
          {"2.产出", "40", "效益", "100", "收入", "收入。（单位：万元）", "100", "40.00", "定量"},
          {"加分项≤5分", "贡献突出的可加分。"},
          {"否决指标", "出现重大问题的一票否决。"}};
}

const Check* Failed(const Notice& n, const std::string& rule) {
  for (const Check* c : IndicatorChecks(n, rule))
    if (!c->ok) return c;
  return nullptr;
}

TEST(SyntheticIndicators, ConsistentTablePassesEveryCheck) {
  Notice n = testing::ExtractText(Dump(GoodRows()));
  ASSERT_EQ(n.indicator_systems.size(), 1u);
  const IndicatorSystem& sys = n.indicator_systems[0];
  EXPECT_EQ(sys.indicators.size(), 7u);  // 2 + 2 + 3
  EXPECT_EQ(Node(sys, "1.1.2")->name, "设备");
  EXPECT_EQ(Node(sys, "1.1.1")->unit, "平方米");
  ASSERT_EQ(sys.rules.size(), 2u);
  EXPECT_EQ(sys.rules[0].max_points->value, 5);
  EXPECT_EQ(IndicatorChecks(n).size(), 1u + 2u + 2u + 3u);
  for (const Check* c : IndicatorChecks(n)) EXPECT_TRUE(c->ok) << c->subject << " " << c->found;
}

TEST(SyntheticIndicators, LevelOneWeightsNotSummingTo100Fail) {
  Rows rows = GoodRows();
  rows[2][1] = "30";  // 60 + 30 = 90
  rows[2][7] = "30";  // keep the composite consistent with the new W1
  Notice n = testing::ExtractText(Dump(rows));
  const Check* c = Failed(n, "indicator_w1_sum");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->expected, "100");
  EXPECT_EQ(c->found, "90");
  EXPECT_EQ(Failed(n, "indicator_composite"), nullptr);
  bool reported = false;
  for (const Diagnostic& d : n.diagnostics) reported |= d.code == "check_failed";
  EXPECT_TRUE(reported);
}

TEST(SyntheticIndicators, LevelThreeWeightsNotSummingTo100Fail) {
  Rows rows = GoodRows();
  rows[1][6] = "50";  // 40 + 50 under 投入/基础
  rows[1][7] = "30";
  Notice n = testing::ExtractText(Dump(rows));
  const Check* c = Failed(n, "indicator_w3_sum");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->found, "90");
  EXPECT_NE(c->subject.find("基础"), std::string::npos);
  EXPECT_EQ(Failed(n, "indicator_w1_sum"), nullptr);
}

TEST(SyntheticIndicators, CompositeOffByMoreThanHalfAHundredthFails) {
  Rows rows = GoodRows();
  rows[1][7] = "35.99";  // 60·100·60/10000 = 36
  Notice n = testing::ExtractText(Dump(rows));
  const Check* c = Failed(n, "indicator_composite");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->expected, "35.99");
  EXPECT_EQ(c->found, "36");
  EXPECT_EQ(IndicatorChecks(n, "indicator_composite").size(), 3u);
}

TEST(SyntheticIndicators, HalfWayCompositePrintedRoundedDownPasses) {
  Rows rows = {{"1.甲", "25", "乙", "42", "丙", "说明。", "35", "3.67", "定量"},
               {"", "", "", "", "丁", "说明。", "65", "6.83", "定量"},
               {"2.戊", "75", "己", "58", "庚", "说明。", "100", "43.50", "定性"},
               {"", "", "辛", "42", "壬", "说明。", "100", "31.50", "定性"}};
  Notice n = testing::ExtractText(Dump(rows));  // 3.675 printed 3.67; 6.825 printed 6.83
  ASSERT_EQ(IndicatorChecks(n, "indicator_composite").size(), 4u);
  for (const Check* c : IndicatorChecks(n, "indicator_composite")) EXPECT_TRUE(c->ok) << c->subject << " " << c->found;
}

}  // namespace
}  // namespace fuhua
