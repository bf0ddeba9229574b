// BackgroundCheckpoint on a real SQLite file in WAL mode. The writer's own
// autocheckpoint is off here, so the database file grows only when a
// checkpoint copies the log into it.
#include "store/wal_checkpoint.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

namespace fuhua::testing {
namespace {

namespace fs = std::filesystem;

class BackgroundCheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/fuhua_wal_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/w.db";
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db_), SQLITE_OK);
    Exec("PRAGMA journal_mode=WAL");
    Exec("PRAGMA wal_autocheckpoint=0");
    Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    Exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the file as it starts
    start_size_ = fs::file_size(path_);
  }
  void TearDown() override {
    sqlite3_close(db_);
    fs::remove_all(dir_);
  }

  void Exec(const std::string& sql) {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << error;
  }

  // `commits` transactions of 200 rows of 500 bytes (about 25 pages each).
  void Write(int commits) {
    for (int c = 0; c < commits; ++c)
      Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
           "INSERT INTO t (body) SELECT printf('%.500c', 'x') FROM n");
  }

  // Counted on a connection of its own, as another reader of the store would.
  int64_t Rows() {
    sqlite3* reader = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &reader), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(reader, "SELECT COUNT(*) FROM t", -1, &st, nullptr);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(reader);
    return n;
  }

  std::string dir_, path_;
  sqlite3* db_ = nullptr;
  uintmax_t start_size_ = 0;
};

TEST_F(BackgroundCheckpointTest, CopiesTheWholeLogIntoTheDatabase) {
  Write(8);  // some 200 pages
  EXPECT_EQ(fs::file_size(path_), start_size_) << "nothing copied before the checkpoint";
  BackgroundCheckpoint c(path_);
  EXPECT_TRUE(c.Wait());
  EXPECT_GT(fs::file_size(path_), start_size_ + 150 * 4096);
  EXPECT_EQ(Rows(), 1600);
}

TEST_F(BackgroundCheckpointTest, TheWriterGoesOnWhileItRuns) {
  Write(8);
  BackgroundCheckpoint c(path_);
  Write(8);  // commits beside the checkpoint: neither waits for the other
  c.Wait();
  EXPECT_GT(fs::file_size(path_), start_size_ + 150 * 4096);
  EXPECT_EQ(Rows(), 3200);
  Exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the rest, as the close would
  EXPECT_EQ(Rows(), 3200);
}

TEST_F(BackgroundCheckpointTest, AStoreThatCannotBeOpenedIsNotCheckpointed) {
  BackgroundCheckpoint c(dir_ + "/missing/w.db");
  EXPECT_FALSE(c.Wait());
  EXPECT_FALSE(c.Wait()) << "waiting twice";
}

TEST_F(BackgroundCheckpointTest, CommitsPastTheSizeLeaveTheCopyToHelpers) {
  const uintmax_t wal_header = 32, frame = 24 + 4096;
  {
    CheckpointsAfterCommits after(db_, path_, 50);  // pages
    Write(40);  // some 1,000 pages in commits of ~25
    EXPECT_GE(after.started(), 2) << "a helper for each time the log filled up";
  }  // waits for the last one
  EXPECT_GT(fs::file_size(path_), start_size_ + 500 * 4096) << "the helpers copied the log";
  // Once a helper had copied it all, a commit started the log over: it never
  // held more than a few times the size, against the 1,000 pages written.
  EXPECT_LT(fs::file_size(path_ + "-wal"), wal_header + 500 * frame);
  EXPECT_EQ(Rows(), 8000);
}

TEST_F(BackgroundCheckpointTest, ACommitBelowTheSizeStartsNone) {
  CheckpointsAfterCommits after(db_, path_, 1000);
  Write(8);
  EXPECT_EQ(after.started(), 0);
  EXPECT_EQ(fs::file_size(path_), start_size_);
}

TEST_F(BackgroundCheckpointTest, TheConnectionGetsItsAutocheckpointBack) {
  { CheckpointsAfterCommits after(db_, path_, 300); }
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "PRAGMA wal_autocheckpoint", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 300);
  sqlite3_finalize(st);
  Write(16);  // ~400 pages: SQLite copies the log itself now
  EXPECT_GT(fs::file_size(path_), start_size_ + 250 * 4096);
}

}  // namespace
}  // namespace fuhua::testing
