// Store writes on both backends: unchanged and duplicate content, a changed
// file becoming a new version with history kept, ingest runs and the
// quarantine list, a failing notice rolled back alone, and a writer killed
// with SIGKILL mid-run leaving only whole notices.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>

#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

class StoreWriteTest : public StoreFixture {};

// `n` as if the file had been edited: other content, other sha256.
Notice Edited(const Notice& n, const std::string& edit) {
  Notice e = n;
  e.sha256 = Sha256Hex(n.sha256 + edit);
  e.meta.title = n.meta.title.value_or("") + edit;
  e.records.pop_back();
  return e;
}

// Kills the child on every path out of the test, assertions included.
struct ChildKiller {
  pid_t pid;
  int Kill() {
    int status = 0;
    if (pid > 0) kill(pid, SIGKILL), waitpid(pid, &status, 0);
    pid = -1;
    return status;
  }
  ~ChildKiller() { Kill(); }
};

WriteResult Write(Store* store, const Notice& n, int64_t run = 0) {
  WriteResult w;
  Status st = store->WriteNotice(n, run, &w);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return w;
}

TEST_P(StoreWriteTest, SameNoticeTwiceIsUnchanged) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  const Notice& n = Seed("chongqing");
  WriteResult first = Write(store.get(), n);
  StoreCounts before = Counts(store.get());
  WriteResult second = Write(store.get(), n);
  EXPECT_EQ(second.outcome, WriteResult::Outcome::kUnchanged);
  EXPECT_EQ(second.notice_id, first.notice_id);
  EXPECT_EQ(second.records_added, 0);
  StoreCounts after = Counts(store.get());
  EXPECT_EQ(after.notices, before.notices);
  EXPECT_EQ(after.records, before.records);
  // Nothing was written, not even an id: the next notice gets the next id.
  EXPECT_EQ(Write(store.get(), Seed("inner_mongolia")).notice_id, first.notice_id + 1);
}

TEST_P(StoreWriteTest, ChangedFileBecomesANewVersionAndKeepsHistory) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  const Notice& v1 = Seed("chongqing");
  Notice v2 = Edited(v1, "（修订）");
  WriteResult w1 = Write(store.get(), v1);
  WriteResult w2 = Write(store.get(), v2);
  EXPECT_EQ(w2.outcome, WriteResult::Outcome::kNewVersion);
  EXPECT_EQ(w2.version, 2);
  EXPECT_EQ(w2.superseded, w1.notice_id);
  EXPECT_EQ(w2.records_added, 56);

  std::vector<NoticeRow> history;
  ASSERT_TRUE(store->NoticeHistory(v1.source, &history).ok());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].sha256, v1.sha256);
  EXPECT_EQ(history[0].superseded_by, w2.notice_id);
  EXPECT_EQ(history[1].sha256, v2.sha256);
  EXPECT_FALSE(history[1].superseded_by);
  EXPECT_EQ(history[1].meta.title, v2.meta.title);

  StoreCounts c = Counts(store.get());
  EXPECT_EQ(c.notices, 2);
  EXPECT_EQ(c.current_notices, 1);
  EXPECT_EQ(c.records, 57 + 56);
  EXPECT_EQ(c.current_records, 56);
  std::vector<RecordRow> current, all;
  ASSERT_TRUE(store->LoadRecords({}, &current).ok());
  ASSERT_TRUE(store->LoadRecords({.current_only = false}, &all).ok());
  EXPECT_EQ(current.size(), 56u);
  EXPECT_EQ(all.size(), 113u);

  // The file reverted to its first content: a third version, not "unchanged".
  WriteResult w3 = Write(store.get(), v1);
  EXPECT_EQ(w3.outcome, WriteResult::Outcome::kNewVersion);
  EXPECT_EQ(w3.version, 3);
  NoticeRow found;
  ASSERT_TRUE(store->FindNoticeBySha(v1.sha256, &found).ok());
  EXPECT_EQ(found.id, w3.notice_id);  // the current one, not version 1
}

TEST_P(StoreWriteTest, SameContentAtAnotherPathIsADuplicate) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  const Notice& original = Seed("chongqing");
  Notice copy = original;
  copy.source = "elsewhere/copy.txt";
  WriteResult w1 = Write(store.get(), original);
  WriteResult w2 = Write(store.get(), copy);
  EXPECT_EQ(w2.outcome, WriteResult::Outcome::kDuplicate);
  EXPECT_EQ(w2.notice_id, w1.notice_id);
  EXPECT_FALSE(w2.superseded);
  EXPECT_EQ(Counts(store.get()).notices, 1);
  NoticeRow not_found;
  EXPECT_EQ(store->FindNoticeBySha("0000", &not_found).code(), Status::Code::kNotFound);
}

// A path whose file now holds content already stored under another path:
// its own old version is retired in favour of that notice.
TEST_P(StoreWriteTest, ADuplicateRetiresTheOldVersionAtItsPath) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  Notice other = Seed("wanzhou");
  other.source = "elsewhere/copy.txt";
  Notice copy = Seed("chongqing");
  copy.source = other.source;
  WriteResult original = Write(store.get(), Seed("chongqing"));
  WriteResult before = Write(store.get(), other);
  WriteResult now = Write(store.get(), copy);
  EXPECT_EQ(now.outcome, WriteResult::Outcome::kDuplicate);
  EXPECT_EQ(now.notice_id, original.notice_id);
  EXPECT_EQ(now.superseded, before.notice_id);
  std::vector<NoticeRow> history;
  ASSERT_TRUE(store->NoticeHistory(other.source, &history).ok());
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].superseded_by, original.notice_id);
  EXPECT_EQ(Counts(store.get()).current_notices, 1);
}

TEST_P(StoreWriteTest, RunsAndQuarantineAreRecorded) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  int64_t run = 0;
  ASSERT_TRUE(store->BeginRun({"fuhua ingest samples/", "0.1.0"}, &run).ok());
  WriteResult w = Write(store.get(), Seed("inner_mongolia"), run);
  ASSERT_TRUE(store->Quarantine(run, "bad/legacy.doc", std::nullopt, "legacy OLE .doc").ok());
  ASSERT_TRUE(store->Quarantine(run, "bad/broken.docx", std::string("ab12"), "truncated zip").ok());
  ASSERT_TRUE(store->Quarantine(0, "outside/any.txt", std::nullopt, "no run").ok());

  std::vector<QuarantineEntry> entries;
  ASSERT_TRUE(store->LoadQuarantine(run, &entries).ok());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].path, "bad/legacy.doc");
  EXPECT_FALSE(entries[0].sha256);
  EXPECT_EQ(entries[0].error, "legacy OLE .doc");
  EXPECT_EQ(entries[0].run_id, run);
  EXPECT_EQ(entries[1].sha256, "ab12");
  EXPECT_FALSE(entries[1].quarantined_at.empty());
  ASSERT_TRUE(store->LoadQuarantine(0, &entries).ok());
  EXPECT_EQ(entries.size(), 3u);
  EXPECT_FALSE(entries[2].run_id);

  RunRow row;
  ASSERT_TRUE(store->LoadRun(run, &row).ok());
  EXPECT_FALSE(row.finished_at);  // until FinishRun: running or interrupted
  RunSummary summary{3, 1, 0, 2, w.records_added, w.checks_failed};
  ASSERT_TRUE(store->FinishRun(run, summary).ok());
  ASSERT_TRUE(store->LoadRun(run, &row).ok());
  EXPECT_TRUE(row.finished_at);
  EXPECT_EQ(row.info.command, "fuhua ingest samples/");
  EXPECT_EQ(row.summary.files_seen, 3);
  EXPECT_EQ(row.summary.files_failed, 2);
  EXPECT_EQ(row.summary.records_added, 100);
  EXPECT_EQ(store->FinishRun(run + 99, summary).code(), Status::Code::kNotFound);

  NoticeRow notice;
  ASSERT_TRUE(store->FindNoticeBySha(Seed("inner_mongolia").sha256, &notice).ok());
  EXPECT_EQ(notice.ingest_run, run);
}

TEST_P(StoreWriteTest, AFailingNoticeRollsBackAloneAndEarlierNoticesStay) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  Write(store.get(), Seed("chongqing"));
  Write(store.get(), Seed("wanzhou"));
  StoreCounts before = Counts(store.get());

  // Two records on one grid row break records' UNIQUE (notice, table, row),
  // after the notice row, its tables and 100 records have been inserted.
  Notice bad = Seed("inner_mongolia");
  bad.records.push_back(bad.records.back());
  WriteResult w;
  Status st = store->WriteNotice(bad, 0, &w);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIoError);
  EXPECT_NE(st.message().find("write notice " + bad.source), std::string::npos) << st.message();

  StoreCounts after = Counts(store.get());
  EXPECT_EQ(after.notices, before.notices);
  EXPECT_EQ(after.tables, before.tables);
  EXPECT_EQ(after.records, before.records);
  EXPECT_EQ(after.checks, before.checks);
  EXPECT_EQ(after.diagnostics, before.diagnostics);
  NoticeRow none;
  EXPECT_EQ(store->FindNoticeBySha(bad.sha256, &none).code(), Status::Code::kNotFound);
  std::vector<RecordRow> kept;
  ASSERT_TRUE(store->LoadRecords({}, &kept).ok());
  EXPECT_EQ(kept.size(), 57u);

  // The same connection is usable again and the good notice goes in whole.
  WriteResult good = Write(store.get(), Seed("inner_mongolia"));
  EXPECT_EQ(good.outcome, WriteResult::Outcome::kInserted);
  EXPECT_EQ(Counts(store.get()).records, 157);
}

// Foreign keys are enforced on both backends (SQLite only with the pragma).
TEST_P(StoreWriteTest, ARecordOfAMissingTableIsRefused) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  Notice bad = Seed("chongqing");
  bad.records.back().table = 99;
  WriteResult w;
  EXPECT_EQ(store->WriteNotice(bad, 0, &w).code(), Status::Code::kIoError);
  EXPECT_EQ(Counts(store.get()).notices, 0);
}

// More records than one LoadRecords page (5000): paging must neither drop
// nor repeat a record.
TEST_P(StoreWriteTest, LoadRecordsReadsPastOnePage) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  const Notice& seed = Seed("inner_mongolia");  // 100 records
  for (int i = 0; i < 55; ++i) {
    Notice n = seed;
    n.source = "copies/" + std::to_string(i) + ".txt";
    n.sha256 = Sha256Hex(seed.sha256 + n.source);
    ASSERT_EQ(Write(store.get(), n).records_added, 100);
  }
  std::vector<RecordRow> records;
  ASSERT_TRUE(store->LoadRecords({}, &records).ok());
  ASSERT_EQ(records.size(), 5500u);
  for (size_t i = 1; i < records.size(); ++i) ASSERT_LT(records[i - 1].id, records[i].id);
  EXPECT_EQ(records.back().source_path, "copies/54.txt");
  EXPECT_EQ(records.back().record.name, seed.records.back().name);
}

// The writer runs in a child process and is killed with SIGKILL while it
// writes; every notice the store then holds must be whole.
TEST_P(StoreWriteTest, KilledWriterLeavesOnlyWholeNotices) {
  ASSERT_TRUE(Open());  // migrate before the child starts
  const std::vector<Notice>& seeds = SeedNotices();
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close(pipe_fds[0]);
    std::unique_ptr<Store> store;
    if (!OpenStore(target_, &store).ok()) _exit(2);
    for (int i = 0;; ++i) {
      Notice n = seeds[i % seeds.size()];
      n.source = "killed/" + std::to_string(i) + ".txt";
      n.sha256 = Sha256Hex(n.sha256 + std::to_string(i));
      WriteResult w;
      if (!store->WriteNotice(n, 0, &w).ok() || write(pipe_fds[1], "x", 1) != 1) _exit(3);
    }
  }
  close(pipe_fds[1]);
  ChildKiller killer{child};
  char c;
  for (int written = 0; written < 30; ++written) ASSERT_EQ(read(pipe_fds[0], &c, 1), 1);
  close(pipe_fds[0]);
  ASSERT_TRUE(WIFSIGNALED(killer.Kill()));

  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  std::vector<NoticeRow> notices;
  ASSERT_TRUE(store->CurrentNotices(&notices).ok());
  EXPECT_GE(notices.size(), 30u);
  std::unique_ptr<SqlSession> raw = Raw();
  for (const NoticeRow& n : notices) {
    int i = std::stoi(n.source_path.substr(7));
    const Notice& seed = seeds[i % seeds.size()];
    std::vector<SqlValue> id = {n.id};
    EXPECT_EQ(raw->QueryInt("SELECT COUNT(*) FROM records WHERE notice_id = ?", id),
              static_cast<int64_t>(seed.records.size()))
        << n.source_path;
    EXPECT_EQ(raw->QueryInt("SELECT COUNT(*) FROM notice_tables WHERE notice_id = ?", id),
              static_cast<int64_t>(seed.tables.size()))
        << n.source_path;
    EXPECT_EQ(raw->QueryInt("SELECT COUNT(*) FROM checks WHERE notice_id = ?", id),
              static_cast<int64_t>(seed.checks.size()))
        << n.source_path;
  }
  EXPECT_EQ(
      raw->QueryInt("SELECT COUNT(*) FROM records WHERE notice_id NOT IN (SELECT id FROM notices)"),
      0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreWriteTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace fuhua::testing
