// RowBatch on both backends: every row added arrives once, in order, with its
// values, whatever the row count; and on SQLite a batch of any row count is
// sent in statements of a few fixed shapes, so a corpus of notices whose
// tables all differ in length compiles a handful of statements, not one per
// notice and table.
#include <Poco/Exception.h>

#include "store/row_batch.h"
#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

class RowBatchTest : public RawSessionFixture {
 protected:
  void CreateTables() override {
    db_->Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, batch BIGINT NOT NULL, s TEXT)");
  }

  // Adds `rows` rows in one batch, ids from `first`, and flushes it.
  void AddBatch(int64_t first, int rows) {
    RowBatch batch(db_.get(), "t", "id, batch, s");
    for (int i = 0; i < rows; ++i)
      batch.Add({first + i, int64_t{rows}, std::string("名称") + std::to_string(first + i)});
    batch.Flush();
  }
};

TEST_P(RowBatchTest, EveryRowArrivesOnceWithItsValues) {
  int64_t next = 1;
  for (int rows : {1, 2, 3, 7, 99, 127, 128, 129, 255, 300}) {
    AddBatch(next, rows);
    next += rows;
  }
  SqlRows got = db_->Query("SELECT id, batch, s FROM t ORDER BY id");
  int64_t expect = 1;
  for (int rows : {1, 2, 3, 7, 99, 127, 128, 129, 255, 300}) {
    for (int i = 0; i < rows; ++i, ++expect) {
      ASSERT_TRUE(got.Next()) << "missing row " << expect;
      EXPECT_EQ(got.Int(0), expect);
      EXPECT_EQ(got.Int(1), rows);
      EXPECT_EQ(got.Text(2), "名称" + std::to_string(expect));
    }
  }
  EXPECT_FALSE(got.Next()) << "more rows than were added";
}

TEST_P(RowBatchTest, AnyRowCountCompilesOnlyAFewStatements) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "PostgreSQL keeps no statements";
  const size_t before = db_->statements_prepared();
  int64_t next = 1;
  for (int rows = 1; rows <= 200; ++rows) {
    AddBatch(next, rows);
    next += rows;
  }
  // Chunks of 128, 64, ..., 1 rows: eight shapes for two hundred row counts.
  EXPECT_LE(db_->statements_prepared() - before, 8u);
  EXPECT_EQ(db_->QueryInt("SELECT COUNT(*) FROM t"), next - 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RowBatchTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace fuhua::testing
