// SqlRows on both backends: PostgreSQL reads through Poco's RecordSet,
// SQLite straight from sqlite3_column_* (SqliteResult). Every reader of the
// store relies on the two giving the same values, NULLs and conversions, so
// the same expectations run on each.
#include <Poco/Exception.h>

#include <limits>

#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

class SqlRowsTest : public RawSessionFixture {
 protected:
  void CreateTables() override {
    db_->Exec(
        "CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT, s TEXT, d DOUBLE PRECISION)");
    db_->Exec("INSERT INTO t (id, n, s, d) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)",
              {int64_t{1}, int64_t{42}, std::string("内蒙古自治区"), 14.72,  //
               int64_t{2}, SqlNull(), SqlNull(), SqlNull(),                  //
               int64_t{3}, int64_t{5'000'000'000}, std::string("17"), 33.0});
  }
};

TEST_P(SqlRowsTest, ReadsEachColumnAsItsType) {
  SqlRows rows = db_->Query("SELECT id, n, s, d FROM t ORDER BY id");
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.Int(0), 1);
  EXPECT_NO_THROW(EXPECT_EQ(rows.Int(1), 42)) << "rows.Int(1)";
  EXPECT_EQ(rows.OptInt(1), 42);
  EXPECT_EQ(rows.Text(2), "内蒙古自治区");
  EXPECT_EQ(rows.OptDouble(3), 14.72);
  EXPECT_FALSE(rows.IsNull(2));

  ASSERT_TRUE(rows.Next());
  for (size_t col = 1; col < 4; ++col) EXPECT_TRUE(rows.IsNull(col)) << col;
  EXPECT_EQ(rows.Int(1), 0);
  EXPECT_EQ(rows.OptInt(1), std::nullopt);
  EXPECT_EQ(rows.Text(2), "");
  EXPECT_EQ(rows.OptText(2), std::nullopt);
  EXPECT_EQ(rows.OptDouble(3), std::nullopt);

  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.Int(1), 5'000'000'000);
  EXPECT_FALSE(rows.Next());
}

// The conversions the store's readers make (a count or an integer read as
// text, an integer as a decimal), and a value beyond int refused as Poco
// refuses it; the store's readers turn the exception into an error Status.
TEST_P(SqlRowsTest, ConvertsBetweenTypesAsPocoDoes) {
  SqlRows rows = db_->Query("SELECT n, s, d FROM t WHERE id = ?", {int64_t{3}});
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.Text(0), "5000000000");
  EXPECT_EQ(rows.OptDouble(0), 5e9);
  EXPECT_EQ(rows.Int(2), 33);
  EXPECT_THROW(rows.OptInt(0), Poco::Exception);
}

TEST_P(SqlRowsTest, AggregatesAndEmptyResults) {
  SqlRows agg = db_->Query("SELECT MIN(id), MAX(id), COUNT(*) FROM t");
  ASSERT_TRUE(agg.Next());
  EXPECT_EQ(agg.Int(0), 1);
  EXPECT_EQ(agg.Int(1), 3);
  EXPECT_EQ(agg.Int(2), 3);
  SqlRows none = db_->Query("SELECT id FROM t WHERE id > ?", {int64_t{99}});
  EXPECT_EQ(none.size(), 0u);
  EXPECT_FALSE(none.Next());
  SqlRows null_max = db_->Query("SELECT MAX(id) FROM t WHERE id > 99");
  ASSERT_TRUE(null_max.Next());
  EXPECT_TRUE(null_max.IsNull(0));
  EXPECT_EQ(db_->QueryInt("SELECT MAX(id) FROM t WHERE id > 99"), std::nullopt);
}

TEST_P(SqlRowsTest, ResultsOutliveTheirStatementAndMove) {
  // The same statement run again (SQLite reuses it prepared) must not touch
  // rows already fetched.
  const std::string sql = "SELECT s FROM t WHERE id = ?";
  SqlRows first = db_->Query(sql, {int64_t{1}});
  SqlRows second = db_->Query(sql, {int64_t{3}});
  SqlRows moved = std::move(first);
  ASSERT_TRUE(moved.Next());
  ASSERT_TRUE(second.Next());
  EXPECT_EQ(moved.Text(0), "内蒙古自治区");
  EXPECT_EQ(second.Text(0), "17");
}

INSTANTIATE_TEST_SUITE_P(Backends, SqlRowsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace fuhua::testing
