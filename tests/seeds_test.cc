// End-to-end on the five real seed notices in samples/: counts, checks,
// captions, headers and table kinds. Record-by-record comparison against the
// hand-checked golden files is tests/check_golden.py.
#include <gtest/gtest.h>

#include <map>

#include "tests/test_support.h"

namespace fuhua {
namespace {

Notice Extract(const std::string& sample) {
  Notice n;
  Status st = ExtractFile(testing::SourcePath("samples/" + sample), &n);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return n;
}

std::map<std::string, int> GradeCounts(const Notice& n, const std::string& type) {
  std::map<std::string, int> out;
  for (const GradeRecord& r : n.records)
    if (r.carrier_type == type) out[r.grade.value_or(GradeStatusName(r.status))]++;
  return out;
}

void ExpectAllChecksOk(const Notice& n) {
  for (const Check& c : n.checks)
    EXPECT_TRUE(c.ok) << c.rule << " " << c.subject << " expected " << c.expected << " found " << c.found;
  for (const Diagnostic& d : n.diagnostics)
    EXPECT_NE(d.severity, Diagnostic::Severity::kError) << d.code << ": " << d.message;
}

int ChecksOfRule(const Notice& n, const std::string& rule) {
  int k = 0;
  for (const Check& c : n.checks) k += c.rule == rule;
  return k;
}

TEST(Seed000, FiftySevenBasesReconcileWithTheProse) {
  Notice n = Extract("chongqing_2021_municipal_incubation_base_grades.txt");
  ASSERT_EQ(n.records.size(), 57u);
  std::map<std::string, int> want{{"优秀", 11}, {"良好", 15}, {"合格", 25}, {"不合格", 6}};
  EXPECT_EQ(GradeCounts(n, "创业孵化基地"), want);
  ExpectAllChecksOk(n);
  EXPECT_EQ(ChecksOfRule(n, "stated_count"), 5);  // four grades + the 57 in total
  EXPECT_EQ(ChecksOfRule(n, "stated_example"), 4);
  EXPECT_EQ(ChecksOfRule(n, "seq_continuity"), 4);
  ASSERT_EQ(n.tables.size(), 4u);
  EXPECT_EQ(n.tables[3].caption, "2021年市级创业孵化基地年度绩效评估结果不合格等级");
  EXPECT_EQ(n.tables[0].annex, "附件1");
  EXPECT_EQ(n.tables[0].notes, std::vector<std::string>{"（按综合得分排序）"});
  EXPECT_EQ(n.records[0].where.line, 42);  // the name cell's line
  EXPECT_EQ(n.meta.doc_number, "渝人社〔2021〕415号");
}

TEST(Seed001, IncubatorsAndMakerSpacesWithStatuses) {
  Notice n = Extract("inner_mongolia_2021_incubator_makerspace_results.txt");
  ASSERT_EQ(n.records.size(), 100u);
  std::map<std::string, int> incubators{{"优秀", 3}, {"良好", 3}, {"合格", 1}, {"不合格", 7}, {"revoked", 1}};
  EXPECT_EQ(GradeCounts(n, "科技企业孵化器"), incubators);
  std::map<std::string, int> spaces{{"优秀", 14}, {"良好", 11}, {"合格", 14}, {"不合格", 17},
                                    {"revoked", 27}, {"deferred", 2}};
  EXPECT_EQ(GradeCounts(n, "众创空间"), spaces);
  ExpectAllChecksOk(n);
  // Every count the prose states is checked: 4 + 4 grades, 3 revocations,
  // borrowed and deferred results, and the 1 + 30 to deregister.
  EXPECT_EQ(ChecksOfRule(n, "stated_count"), 15);
  ASSERT_EQ(n.tables.size(), 2u);
  EXPECT_EQ(n.tables[1].spacer_rows, std::vector<int>{1});
  EXPECT_EQ(n.tables[0].header[4], "评价结果");
  const GradeRecord& r14 = n.records[13];
  EXPECT_EQ(r14.operator_name, "赤峰市众人合创网络科技有限公司");
}

struct OtherSeed {
  const char* sample;
  std::vector<std::string> captions;
  int total_checks;
};

TEST(OtherSeeds, TablesFoundNothingMistakenForGrades) {
  const OtherSeed seeds[] = {
      {"wanzhou_2023_2025_incubation_carrier_plan.txt", {"重庆市万州区孵化载体建设目标任务表（2023—2025年）"}, 3},
      {"incubation_base_evaluation_indicators.txt", {""}, 0},
      {"dadukou_2022_carrier_upgrade_plan.txt", {"提质发展孵化载体清单", "挖掘包装孵化载体清单"}, 2},
  };
  for (const OtherSeed& s : seeds) {
    SCOPED_TRACE(s.sample);
    Notice n = Extract(s.sample);
    EXPECT_TRUE(n.records.empty());
    ASSERT_EQ(n.tables.size(), s.captions.size());
    for (size_t i = 0; i < s.captions.size(); ++i) {
      EXPECT_EQ(n.tables[i].caption.value_or(""), s.captions[i]);
      EXPECT_EQ(n.tables[i].kind, TableKind::kOther);
    }
    EXPECT_EQ(ChecksOfRule(n, "total_row"), s.total_checks);
    ExpectAllChecksOk(n);
  }
}

TEST(OtherSeeds, HeadersAndMergedRows) {
  Notice wanzhou = Extract("wanzhou_2023_2025_incubation_carrier_plan.txt");
  EXPECT_EQ(wanzhou.tables[0].header[2], "建设载体面积（万平方米）");
  EXPECT_EQ(wanzhou.tables[0].roles[1], "region");
  EXPECT_EQ(wanzhou.tables[0].total_rows, std::vector<int>{10});
  Notice indicators = Extract("incubation_base_evaluation_indicators.txt");
  EXPECT_EQ(indicators.tables[0].header[7], "综合权重");
  EXPECT_EQ(indicators.tables[0].notes, std::vector<std::string>{"单位：%"});
  Document doc;
  std::string bytes;
  ASSERT_TRUE(LoadFile(testing::SourcePath("samples/dadukou_2022_carrier_upgrade_plan.txt"), 1 << 24, &bytes).ok());
  Notice dadukou;
  ASSERT_TRUE(ExtractBytes("dadukou", bytes, &dadukou, &doc).ok());
  const Table& t = std::get<Table>(doc.blocks[dadukou.tables[1].block]);
  EXPECT_EQ(t.CellAt(1, 1)->text, "重庆小面电商产业园");
  EXPECT_EQ(t.CellAt(1, 1)->row_span, 2);  // one milestone per continuation row
  EXPECT_EQ(t.CellAt(2, 1), t.CellAt(1, 1));
  EXPECT_EQ(t.CellAt(2, 8)->text, "争取授牌市级众创空间。");
}

}  // namespace
}  // namespace fuhua
