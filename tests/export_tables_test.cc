// The export model (exporters/export_tables.h) built from a store holding the
// real seeds and the SYNTHETIC later years of seed 000 (tests/synthetic/):
// row counts, keys that hold across tables, the filters, the per-year grade
// columns and the transitions.
#include "exporters/export_tables.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "store/identity.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;

class ExportTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fuhua_export_tables_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    ASSERT_TRUE(OpenStore((dir_ / "s.db").string(), &store_).ok());
    for (const char* f : {"samples/chongqing_2021_municipal_incubation_base_grades.txt",
                          "samples/inner_mongolia_2021_incubator_makerspace_results.txt",
                          "samples/dadukou_2022_carrier_upgrade_plan.txt",
                          "tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt",
                          "tests/synthetic/chongqing_2023_SYNTHETIC_grades.txt"}) {
      Notice n;
      ASSERT_TRUE(ExtractFile(testing::SourcePath(f), &n).ok());
      WriteResult w;
      ASSERT_TRUE(store_->WriteNotice(n, 0, &w).ok());
    }
    RelinkReport r;
    ASSERT_TRUE(RelinkStore(store_.get(), &r).ok());
    ASSERT_TRUE(LoadDataset(store_.get(), &data_).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  ExportSet Build(const ExportFilter& f = {}) {
    ExportSet s;
    Status st = BuildExportSet(data_, f, &s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return s;
  }
  static std::set<std::string> Column(const ExportTable& t, const std::string& name) {
    std::set<std::string> out;
    int c = t.Col(name);
    for (const auto& row : t.rows)
      if (const auto* s = std::get_if<std::string>(&row[static_cast<size_t>(c)])) out.insert(*s);
    return out;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  Dataset data_;
};

TEST_F(ExportTablesTest, EveryTableAndItsKeys) {
  ExportSet s = Build();
  EXPECT_EQ(s.notices.rows.size(), 5u);  // also the plan without a grade list
  EXPECT_EQ(s.records.rows.size(), 57u + 100 + 57 + 56);
  EXPECT_EQ(s.entities.rows.size(), 58u + 100);
  EXPECT_EQ(s.years, (std::vector<int>{2021, 2022, 2023}));
  EXPECT_GE(s.entities.Col("grade_2022"), 0);
  // Every record's carrier is an entity row; every row has a value per column.
  std::set<std::string> entities = Column(s.entities, "entity_id");
  for (const std::string& id : Column(s.records, "carrier_entity_id")) EXPECT_TRUE(entities.count(id)) << id;
  for (const ExportTable* t : s.Tables())
    for (const auto& row : t->rows) ASSERT_EQ(row.size(), t->columns.size()) << t->name;
  // Checks of every notice, none failed on these notices.
  EXPECT_GT(s.checks.rows.size(), 20u);
  int ok = s.checks.Col("ok");
  for (const auto& row : s.checks.rows) EXPECT_TRUE(std::get<bool>(row[static_cast<size_t>(ok)]));
  // Transitions between 2021 and 2023 for the Chongqing carriers listed in either year.
  EXPECT_EQ(s.comparison.from_year, 2021);
  EXPECT_EQ(s.comparison.to_year, 2023);
  EXPECT_FALSE(s.transitions.rows.empty());
  EXPECT_EQ(s.grades, (std::vector<std::string>{"优秀", "良好", "合格", "不合格"}));
}

TEST_F(ExportTablesTest, FiltersSelectRecordsAndWhatTheyBelongTo) {
  ExportSet y = Build({2022, "", "", ""});
  EXPECT_EQ(y.records.rows.size(), 57u);
  // The 2022 grades, and 大渡口区's 2022 plan: a year selects whole notices,
  // with their tables as data.
  EXPECT_EQ(y.notices.rows.size(), 2u);
  EXPECT_EQ(y.plan_carriers.rows.size(), 10u);
  EXPECT_EQ(Build({std::nullopt, "", "", "优秀"}).plan_carriers.rows.size(), 0u);  // grades select records only
  EXPECT_EQ(Build({std::nullopt, "大渡口", "", ""}).plan_properties.rows.size(), 10u);
  EXPECT_EQ(y.years, std::vector<int>{2022});
  EXPECT_TRUE(y.transitions.rows.empty());  // one year: nothing to compare
  ExportSet j = Build({std::nullopt, "150000", "", ""});
  EXPECT_EQ(j.records.rows.size(), 100u);
  ExportSet by_name = Build({std::nullopt, "内蒙古", "", ""});
  EXPECT_EQ(by_name.records.rows.size(), 100u);
  ExportSet g = Build({2021, "重庆", "", "优秀"});
  EXPECT_EQ(g.records.rows.size(), 11u);  // the notice states 11 优秀
  ExportSet t = Build({std::nullopt, "", "众创空间", ""});
  EXPECT_EQ(t.records.rows.size(), 85u);
}

// Cell `column` of every row of `t` where `key` equals `value`.
std::vector<ExportCell> Where(const ExportTable& t, const char* key, const std::string& value,
                              const char* column) {
  std::vector<ExportCell> out;
  int k = t.Col(key), c = t.Col(column);
  for (const auto& row : t.rows)
    if (const auto* v = std::get_if<std::string>(&row[static_cast<size_t>(k)]); v && *v == value)
      out.push_back(row[static_cast<size_t>(c)]);
  return out;
}

TEST_F(ExportTablesTest, TablesAsDataCarryThePlanAndItsLinksToGradedCarriers) {
  ExportSet s = Build();
  // Every table of the five notices is in the catalogue, the plan's two by kind.
  std::vector<ExportCell> kinds;
  for (const auto& row : s.tables.rows) kinds.push_back(row[static_cast<size_t>(s.tables.Col("kind"))]);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), ExportCell(std::string("carrier_list"))), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), ExportCell(std::string("property_list"))), 1);
  // 合计面积 rows are totals, their areas in the 面积 column: 14.72 and 33.8.
  std::vector<ExportCell> totals = Where(s.table_cells, "row_kind", "total", "value");
  EXPECT_NE(std::find(totals.begin(), totals.end(), ExportCell(std::string("14.72"))), totals.end());
  EXPECT_NE(std::find(totals.begin(), totals.end(), ExportCell(std::string("33.8"))), totals.end());
  // The plan's 微企梦工场 is the graded 重庆微企梦工场: the same carrier entity.
  std::vector<ExportCell> planned = Where(s.plan_carriers, "name", "微企梦工场（软件产业孵化园）", "carrier_entity_id");
  std::vector<ExportCell> graded = Where(s.records, "name", "重庆微企梦工场", "carrier_entity_id");
  ASSERT_EQ(planned.size(), 1u);
  ASSERT_FALSE(graded.empty());
  EXPECT_EQ(planned[0], graded[0]);
  EXPECT_TRUE(std::holds_alternative<std::string>(planned[0]));
  // Milestones hang off their property, with a year.
  EXPECT_EQ(s.plan_properties.rows.size(), 10u);
  EXPECT_GT(s.plan_milestones.rows.size(), s.plan_properties.rows.size());
}

TEST_F(ExportTablesTest, RowsAreInAStableOrder) {
  ExportSet a = Build(), b = Build();
  for (size_t i = 0; i < a.Tables().size(); ++i) EXPECT_EQ(a.Tables()[i]->rows, b.Tables()[i]->rows);
}

}  // namespace
}  // namespace fuhua
