// Table-driven readings of grade cells against schemas/grades.json.
#include "pipeline/grade_cell.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace fuhua {
namespace {

struct Case {
  const char* text;
  const char* grade;  // nullptr = no grade
  GradeStatus status;
  const char* remark;
  const char* evaluated_as;
  const char* revocation;
  int deferred_to;  // 0 = none
};

std::string Or(const std::optional<std::string>& v) { return v.value_or("<null>"); }
std::string Or(const char* v) { return v ? v : "<null>"; }

TEST(GradeCell, Readings) {
  using S = GradeStatus;
  const Case cases[] = {
      {"优秀", "优秀", S::kGraded, nullptr, nullptr, nullptr, 0},
      {"良好", "良好", S::kGraded, nullptr, nullptr, nullptr, 0},
      {"合格", "合格", S::kGraded, nullptr, nullptr, nullptr, 0},
      {"不合格", "不合格", S::kGraded, nullptr, nullptr, nullptr, 0},
      {"优", "优秀", S::kGraded, nullptr, nullptr, nullptr, 0},
      {"合格（整改后）", "合格", S::kGraded, "（整改后）", nullptr, nullptr, 0},
      {"不合格，取消试点培育资格。", "不合格", S::kRevoked, "取消试点培育资格。", nullptr, "试点培育资格", 0},
      {"取消众创空间资格", nullptr, S::kRevoked, nullptr, nullptr, "众创空间资格", 0},
      {"取消科技企业孵化器资格", nullptr, S::kRevoked, nullptr, nullptr, "科技企业孵化器资格", 0},
      {"撤销命名", nullptr, S::kRevoked, nullptr, nullptr, "命名", 0},
      {"摘牌", nullptr, S::kRevoked, nullptr, nullptr, nullptr, 0},
      {"2021年以孵化器参加评价，结果为良好。", "良好", S::kGraded,
       "2021年以孵化器参加评价，结果为良好。", "科技企业孵化器", nullptr, 0},
      {"2021年以孵化器参加评价，结果为不合格。", "不合格", S::kGraded,
       "2021年以孵化器参加评价，结果为不合格。", "科技企业孵化器", nullptr, 0},
      {"2022年以孵化器参加评价。", nullptr, S::kDeferred, "2022年以孵化器参加评价。",
       "科技企业孵化器", nullptr, 2022},
      {"", nullptr, S::kUnknown, nullptr, nullptr, nullptr, 0},
      {"待定", nullptr, S::kUnknown, nullptr, nullptr, nullptr, 0},
      {"优秀单位名单", nullptr, S::kUnknown, nullptr, nullptr, nullptr, 0},
  };
  const Rules& rules = testing::TestRules();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    GradeReading g = ReadGradeCell(c.text, rules);
    EXPECT_EQ(Or(g.grade), Or(c.grade));
    EXPECT_EQ(GradeStatusName(g.status), std::string(GradeStatusName(c.status)));
    EXPECT_EQ(Or(g.remark), Or(c.remark));
    EXPECT_EQ(Or(g.evaluated_as), Or(c.evaluated_as));
    EXPECT_EQ(Or(g.revocation), Or(c.revocation));
    EXPECT_EQ(g.deferred_to.value_or(0), c.deferred_to);
  }
}

TEST(Rules, HeaderRolesAndCarrierTypes) {
  const Rules& rules = testing::TestRules();
  EXPECT_EQ(rules.RoleOf("评价结果"), "grade");
  EXPECT_EQ(rules.RoleOf("考核结果"), "grade");
  EXPECT_EQ(rules.RoleOf("众创空间名称"), "name");
  EXPECT_EQ(rules.RoleOf("运营机构名称"), "operator");
  EXPECT_EQ(rules.RoleOf("区 县"), "region");
  EXPECT_EQ(rules.RoleOf("面积（万m2）"), "area");
  EXPECT_EQ(rules.RoleOf("已有授牌"), "licences_held");  // not a grade column
  EXPECT_EQ(rules.RoleOf("风马牛"), "");
  EXPECT_EQ(rules.CarrierTypeIn("2021年度科技企业孵化器绩效评价结果汇总表"), "科技企业孵化器");
  EXPECT_EQ(rules.CarrierTypeIn("众创空间名称"), "众创空间");
  EXPECT_EQ(rules.CarrierTypeIn("基地"), "创业孵化基地");
  EXPECT_EQ(rules.CarrierTypeIn("科技企业孵化"), "科技企业孵化器");  // truncated in the prose
  EXPECT_EQ(rules.CarrierTypeIn("企业"), std::nullopt);
}

}  // namespace
}  // namespace fuhua
