// Vertical-merge inference and the checks, on small synthetic notices written
// inline (not published data): merged district and grade columns, a remark
// column that must not merge, a stated count that disagrees, a 序号 gap and a
// 合计 row that does not add up.
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace fuhua {
namespace {

const Check* FindCheck(const Notice& n, const std::string& rule, const std::string& subject_part) {
  for (const Check& c : n.checks)
    if (c.rule == rule && c.subject.find(subject_part) != std::string::npos) return &c;
  return nullptr;
}

bool HasDiagnostic(const Notice& n, const std::string& code) {
  for (const Diagnostic& d : n.diagnostics)
    if (d.code == code) return true;
  return false;
}

// District and grade written once for a block of rows (Word vMerge, dumped
// as empty cells); the remark column is sparse and must stay as it is.
const char kMerged[] =
    "关于公布2022年创业孵化基地评估结果的通知\n"
    "经评估，2家基地为优秀，2家基地为合格。\n"
    "\t序号\n\t区县\n\t基地名称\n\t等级\n\t备注\n\n"
    "\t1\n\t九龙坡区\n\t甲基地\n\t优秀\n\t新认定\n\n"
    "\t2\n\t\n\t乙基地\n\t\n\t\n\n"
    "\t3\n\t渝北区\n\t丙基地\n\t合格\n\t\n\n"
    "\t4\n\t\n\t丁基地\n\t\n\t\n";

TEST(Merges, MergeableColumnsInheritRemarksDoNot) {
  Document doc;
  Notice n = testing::ExtractText(kMerged, &doc);
  ASSERT_EQ(n.records.size(), 4u);
  EXPECT_EQ(n.records[1].region->raw, "九龙坡区");
  EXPECT_EQ(n.records[1].grade, "优秀");
  EXPECT_EQ(n.records[3].region->raw, "渝北区");
  EXPECT_EQ(n.records[3].grade, "合格");
  EXPECT_EQ(n.records[0].grade_raw, "优秀");
  const Table& t = std::get<Table>(doc.blocks[n.tables[0].block]);
  EXPECT_EQ(t.CellAt(1, 4)->text, "新认定");
  EXPECT_EQ(t.CellAt(2, 4)->text, "");  // the remark was not copied down
  EXPECT_EQ(t.CellAt(1, 1)->row_span, 2);
  EXPECT_TRUE(t.CellAt(1, 1)->span_inferred);
  for (const Check& c : n.checks) EXPECT_TRUE(c.ok) << c.subject;
}

const char kBroken[] =
    "关于公布2022年众创空间考核结果的通知\n"
    "3家众创空间考核结果为优秀，1家众创空间考核结果为合格。\n"
    "\t序号\n\t众创空间名称\n\t考核结果\n\n"
    "\t1\n\t甲空间\n\t优秀\n\n"
    "\t2\n\t乙空间\n\t优秀\n\n"
    "\t4\n\t丙空间\n\t合格\n\n"
    "\t5\n\t丁空间\n\t很棒\n";

TEST(Checks, DisagreementsAreReportedNotFatal) {
  Notice n = testing::ExtractText(kBroken);
  ASSERT_EQ(n.records.size(), 4u);
  const Check* excellent = FindCheck(n, "stated_count", "为优秀");
  ASSERT_NE(excellent, nullptr);
  EXPECT_FALSE(excellent->ok);
  EXPECT_EQ(excellent->expected, "3");
  EXPECT_EQ(excellent->found, "2");
  EXPECT_EQ(excellent->where.line, 2);
  const Check* pass = FindCheck(n, "stated_count", "为合格");
  ASSERT_NE(pass, nullptr);
  EXPECT_TRUE(pass->ok);
  const Check* seq = FindCheck(n, "seq_continuity", "序号");
  ASSERT_NE(seq, nullptr);
  EXPECT_FALSE(seq->ok);
  EXPECT_EQ(seq->found, "1-2,4-5");
  EXPECT_TRUE(HasDiagnostic(n, "check_failed"));
  EXPECT_TRUE(HasDiagnostic(n, "grade_unrecognised"));
  EXPECT_EQ(n.records[3].status, GradeStatus::kUnknown);
  EXPECT_EQ(n.tables[0].carrier_type, "众创空间");
}

const char kTotals[] =
    "附件\n目标任务表\n"
    "\t序号\n\t区域\n\t面积\n\t企业数\n\n"
    "\t1\n\t甲街道\n\t1.25\n\t400\n\n"
    "\t2\n\t乙街道\n\t0.5\n\t300\n\n"
    "\t合计\n\t1.75\n\t800\n";

TEST(Checks, TotalRowsAreSummedPerColumn) {
  Notice n = testing::ExtractText(kTotals);
  EXPECT_TRUE(n.records.empty());
  ASSERT_EQ(n.tables.size(), 1u);
  EXPECT_EQ(n.tables[0].caption, "目标任务表");
  const Check* area = FindCheck(n, "total_row", "面积");
  const Check* firms = FindCheck(n, "total_row", "企业数");
  ASSERT_NE(area, nullptr);
  ASSERT_NE(firms, nullptr);
  EXPECT_TRUE(area->ok);
  EXPECT_EQ(area->found, "1.75");
  EXPECT_FALSE(firms->ok);
  EXPECT_EQ(firms->found, "700");
}

}  // namespace
}  // namespace fuhua

namespace fuhua {
namespace {

// Regression: a stated count beyond int used to throw std::out_of_range out of
// the checks stage and abort the run; it is now a failed check.
TEST(Checks, HugeStatedCountIsAFailedCheckNotACrash) {
  Notice n = testing::ExtractText(
      "关于公布2022年创业孵化基地评估结果的通知\n"
      "经评估，99999999999家基地为优秀。\n"
      "\t序号\n\t区县\n\t基地名称\n\t等级\n\n"
      "\t1\n\t九龙坡区\n\t甲基地\n\t优秀\n");
  bool seen = false;
  for (const Check& c : n.checks)
    if (c.rule == "stated_count") {
      seen = true;
      EXPECT_FALSE(c.ok);
      EXPECT_EQ(c.expected, "99999999999");
    }
  EXPECT_TRUE(seen);
}

// A continuation ("also") of a stated count runs on past the characters a
// statement itself never spans: "、30家众创空间" after "被取消资格的1家…" is a
// count of its own, whether joined by 和 or by 、.
TEST(Checks, AStatedCountContinuesAcrossAClauseBound) {
  for (const char* joint : {"和", "、"}) {
    Notice n = testing::ExtractText(
        std::string("关于公布2022年科技企业孵化器评价结果的通知\n"
                    "经评价，被取消资格的1家科技企业孵化器") +
        joint +
        "30家众创空间不再享受政策。\n"
        "\t序号\n\t名称\n\t等级\n\n"
        "\t1\n\t甲众创空间\n\t优秀\n");
    const Check* first = FindCheck(n, "stated_count", "被取消资格的1家科技企业孵化器");
    const Check* second = FindCheck(n, "stated_count", "30家众创空间");
    EXPECT_NE(first, nullptr) << joint;
    ASSERT_NE(second, nullptr) << joint;
    EXPECT_EQ(second->expected, "30") << joint;
  }
}

}  // namespace
}  // namespace fuhua
