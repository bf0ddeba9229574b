// Every table as data (pipeline/data_tables_stage.cc) on the seeds: columns
// from the header, merged values filled down and flagged derived, 合计 rows as
// totals with their values in the right column, 加分项/否决指标 rows as notes.
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace fuhua {
namespace {

Notice Extract(const std::string& rel) {
  Notice n;
  Status st = ExtractFile(testing::SourcePath(rel), &n);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return n;
}

TEST(DataTables, EveryTableOfEverySampleIsData) {
  for (const char* f : {"samples/chongqing_2021_municipal_incubation_base_grades.txt",
                        "samples/wanzhou_2023_2025_incubation_carrier_plan.txt",
                        "samples/incubation_base_evaluation_indicators.txt",
                        "samples/dadukou_2022_carrier_upgrade_plan.docx"}) {
    Notice n = Extract(f);
    ASSERT_EQ(n.data_tables.size(), n.tables.size()) << f;
    for (const DataTable& t : n.data_tables)
      for (const DataRow& r : t.rows) ASSERT_EQ(r.cells.size(), t.columns.size()) << f;
  }
}

TEST(DataTables, MergedCellsFillDownAndTotalsKeepTheirColumns) {
  Notice n = Extract("samples/dadukou_2022_carrier_upgrade_plan.txt");
  ASSERT_EQ(n.data_tables.size(), 2u);
  const DataTable& properties = n.data_tables[1];
  EXPECT_EQ(properties.columns[1], "物业名称");
  // Row 2 continues 重庆小面电商产业园: its name is filled down and flagged derived.
  const DataRow& second = properties.rows[1];
  EXPECT_EQ(second.cells[1].text, "重庆小面电商产业园");
  EXPECT_TRUE(second.cells[1].derived);
  EXPECT_EQ(second.cells[9].text, "2023年");
  EXPECT_FALSE(second.cells[9].derived);
  const DataRow& total = properties.rows.back();
  EXPECT_EQ(total.kind, "total");
  EXPECT_EQ(total.cells[0].text, "合计面积");
  EXPECT_EQ(total.cells[2].text, "33.8");
  EXPECT_EQ(n.data_tables[0].rows.back().cells[2].text, "14.72");
}

TEST(DataTables, BonusAndVetoRowsAreNotes) {
  Notice n = Extract("samples/incubation_base_evaluation_indicators.txt");
  ASSERT_EQ(n.data_tables.size(), 1u);
  EXPECT_EQ(n.data_tables[0].kind, "indicator_system");
  int notes = 0, data = 0;
  for (const DataRow& r : n.data_tables[0].rows) (r.kind == "note" ? notes : data) += 1;
  EXPECT_EQ(notes, 2);
  EXPECT_EQ(data, 41);
  // 2.管理体系 written again after a page break stays as written; 1.发展投入 fills down.
  EXPECT_EQ(n.data_tables[0].rows[1].cells[0].text, "1.发展投入");
  EXPECT_TRUE(n.data_tables[0].rows[1].cells[0].derived);
}

}  // namespace
}  // namespace fuhua
