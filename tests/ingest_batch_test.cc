// The ingest writer's batches (store/ingest.cc): notices are committed
// together, each under its own savepoint. On both backends: a notice that
// fails to store (forced by a trigger, a real database error) rolls back
// alone and the rest of its batch is stored; files that relate within one
// batch (the same bytes twice, a changed file retiring content another file
// repeats) are decided on the batch's uncommitted rows; a batched run stores
// exactly what a run committing every file does, ids included; a slow run
// commits every 0.5 s. On SQLite: a batch the database rolls back whole
// stops the run, and the report counts only what was committed.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <thread>
#include <tuple>

#include "store/ingest.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_target.h"
#include "tests/store_fixture.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;
using testing::SourcePath;
using testing::ReadBytes;
using testing::WriteBytes;

// `copies` byte-distinct copies (trailing newlines) of every samples/*.txt in
// `dir`, named copyNN_<sample> so the samples alternate in file order;
// returns the paths, sorted as ingest sorts them.
std::vector<std::string> MakeCorpus(const std::string& dir, int copies) {
  std::vector<std::string> samples, files;
  for (const auto& e : fs::directory_iterator(SourcePath("samples")))
    if (e.path().extension() == ".txt") samples.push_back(e.path().string());
  for (int i = 1; i <= copies; ++i) {
    for (const std::string& sample : samples) {
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "copy%02d_", i);
      files.push_back(dir + "/" + prefix + fs::path(sample).filename().string());
      WriteBytes(files.back(), ReadBytes(sample) + std::string(static_cast<size_t>(i), '\n'));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// One stored version, with its rows: ids included, so two stores compare
// equal only if they allocated the same ids in the same order.
struct Version {
  int64_t id = 0;
  std::string sha256;
  int64_t superseded_by = 0;
  int64_t tables = 0, records = 0, checks = 0, diagnostics = 0;
  int64_t first_record = 0, last_record = 0;
  bool operator==(const Version&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Version& v) {
  return os << "id=" << v.id << " " << v.sha256.substr(0, 12)
            << " superseded_by=" << v.superseded_by << " tables=" << v.tables
            << " records=" << v.records << " [" << v.first_record << ".." << v.last_record
            << "] checks=" << v.checks << " diagnostics=" << v.diagnostics;
}
using Contents = std::map<std::pair<std::string, int64_t>, Version>;  // by path and version

// Every version in the store, read straight from the tables: a notice cut
// short, or rows left behind by a rolled-back one, would show here.
Contents ReadContents(const std::string& target) {
  StoreTarget t;
  EXPECT_TRUE(ParseStoreTarget(target, &t).ok());
  SqlSession db(t);
  Contents out;
  std::map<int64_t, Version*> by_id;
  SqlRows notices = db.Query("SELECT id, source_path, version, sha256, superseded_by FROM notices");
  while (notices.Next()) {
    Version& v = out[{notices.Text(1), notices.Int(2)}];
    v.id = notices.Int(0);
    v.sha256 = notices.Text(3);
    v.superseded_by = notices.Int(4);
    by_id[v.id] = &v;
  }
  const std::pair<const char*, int64_t Version::*> kTables[] = {
      {"notice_tables", &Version::tables},
      {"records", &Version::records},
      {"checks", &Version::checks},
      {"diagnostics", &Version::diagnostics}};
  for (const auto& [table, member] : kTables) {
    SqlRows rows =
        db.Query(std::string("SELECT notice_id, COUNT(*) FROM ") + table + " GROUP BY notice_id");
    while (rows.Next()) {
      auto it = by_id.find(rows.Int(0));
      EXPECT_NE(it, by_id.end()) << table << " rows of notice " << rows.Int(0) << ", not stored";
      if (it != by_id.end()) it->second->*member = rows.Int(1);
    }
  }
  SqlRows ids = db.Query("SELECT notice_id, MIN(id), MAX(id) FROM records GROUP BY notice_id");
  while (ids.Next()) {
    auto it = by_id.find(ids.Int(0));
    if (it == by_id.end()) continue;
    it->second->first_record = ids.Int(1);
    it->second->last_record = ids.Int(2);
  }
  return out;
}

using QuarantineList = std::vector<std::tuple<std::string, std::string, std::string>>;

QuarantineList ReadQuarantine(Store* store) {
  std::vector<QuarantineEntry> entries;
  EXPECT_TRUE(store->LoadQuarantine(0, &entries).ok());
  QuarantineList out;
  for (const QuarantineEntry& q : entries) out.emplace_back(q.path, q.sha256.value_or(""), q.error);
  return out;
}

Status RunIngest(Store* store, const std::vector<std::string>& paths, int batch_files,
                 IngestReport* report,
                 std::function<void(const IngestProgress&)> progress = nullptr) {
  IngestOptions options;
  options.jobs = 2;
  options.command = "ingest_batch_test";
  options.batch_files = batch_files;
  options.progress = std::move(progress);
  return Ingest(store, paths, options, report);
}

void ExpectSameReport(const IngestReport& a, const IngestReport& b) {
  EXPECT_EQ(a.summary.files_seen, b.summary.files_seen);
  EXPECT_EQ(a.summary.files_new, b.summary.files_new);
  EXPECT_EQ(a.summary.files_unchanged, b.summary.files_unchanged);
  EXPECT_EQ(a.summary.files_failed, b.summary.files_failed);
  EXPECT_EQ(a.summary.records_added, b.summary.records_added);
  EXPECT_EQ(a.summary.checks_failed, b.summary.checks_failed);
  EXPECT_EQ(a.files_parsed, b.files_parsed);
  EXPECT_EQ(a.files_duplicate, b.files_duplicate);
  EXPECT_EQ(a.files_new_version, b.files_new_version);
  EXPECT_EQ(a.failures.size(), b.failures.size());
}

class IngestBatchTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    char tmpl[] = "/tmp/fuhua_ingest_batch_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    work_ = tmpl;
  }
  void TearDown() override {
    if (!work_.empty()) fs::remove_all(work_);
    StoreFixture::TearDown();
  }

  // A second empty store on the same backend.
  std::string OtherTarget() {
    if (GetParam() == testing::Backend::kSqlite) return work_ + "/other.db";
    std::string url, error;
    EXPECT_TRUE(testing::PgServer::Get().CreateDatabase(&url, &error)) << error;
    return url;
  }

  // Makes every insert of a record of `path` fail with "poisoned notice": a
  // real database error in the middle of the notice, after its notice row
  // and tables were written. `whole` (SQLite only): the database rolls back
  // the whole transaction, not just the statement.
  void Poison(const std::string& path, bool whole = false) {
    std::unique_ptr<SqlSession> db = Raw();
    const std::string is_poisoned =
        "(SELECT source_path FROM notices WHERE id = NEW.notice_id) = '" + path + "'";
    if (GetParam() == testing::Backend::kSqlite) {
      db->Exec("CREATE TRIGGER poison BEFORE INSERT ON records WHEN " + is_poisoned +
               " BEGIN SELECT RAISE(" + (whole ? "ROLLBACK" : "ABORT") +
               ", 'poisoned notice'); END");
      return;
    }
    db->Exec("CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " +
             is_poisoned + " THEN RAISE EXCEPTION 'poisoned notice'; END IF; RETURN NEW; END $$");
    db->Exec(
        "CREATE TRIGGER poison BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION poison()");
  }

  void Cure() {
    std::unique_ptr<SqlSession> db = Raw();
    db->Exec("DROP TRIGGER poison" +
             std::string(GetParam() == testing::Backend::kSqlite ? "" : " ON records"));
  }

  // Ingests `paths` into `target`. After each file (and `pause`), another
  // connection counts the files done but not committed yet (every file
  // stored or failed leaves a row); the most seen goes to *most_uncommitted.
  void RunWatched(const std::string& target, const std::vector<std::string>& paths, int batch_files,
                  IngestReport* report, int64_t* most_uncommitted = nullptr,
                  std::chrono::milliseconds pause = std::chrono::milliseconds(0)) {
    std::unique_ptr<Store> store, reader;
    ASSERT_TRUE(OpenStore(target, &store).ok());
    ASSERT_TRUE(OpenStore(target, &reader).ok());
    StoreCounts before;
    ASSERT_TRUE(reader->Count(&before).ok());
    auto progress = [&](const IngestProgress& p) {
      StoreCounts now;
      ASSERT_TRUE(reader->Count(&now).ok());
      int64_t uncommitted =
          p.done - (now.notices - before.notices) - (now.quarantined - before.quarantined);
      if (most_uncommitted) *most_uncommitted = std::max(*most_uncommitted, uncommitted);
      std::this_thread::sleep_for(pause);
    };
    Status st = RunIngest(store.get(), paths, batch_files, report, progress);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  std::string work_;
};

// 50 files, the 11th poisoned: it fails in the middle of the first batch.
// The store holds the other 49 exactly as a run without that file stores
// them (same ids: the failed notice's ids were rolled back with it).
TEST_P(IngestBatchTest, ANoticeThatFailsToStoreRollsBackAloneAndTheBatchGoesOn) {
  std::vector<std::string> files = MakeCorpus(work_ + "/in", 10);
  ASSERT_EQ(files.size(), 50u);
  const std::string poisoned = files[10];
  Notice extracted;
  ASSERT_TRUE(ExtractFile(poisoned, &extracted).ok());
  ASSERT_GT(extracted.records.size(), 0u) << "the trigger fires on records: " << poisoned;

  std::unique_ptr<Store> store = Open();  // migrated, so the trigger has its table
  Poison(poisoned);
  IngestReport report;
  Status st = RunIngest(store.get(), {work_ + "/in"}, 32, &report);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(report.summary.files_seen, 50);
  EXPECT_EQ(report.summary.files_new, 49);
  EXPECT_EQ(report.summary.files_failed, 1);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].path, poisoned);
  EXPECT_NE(report.failures[0].error.find("poisoned notice"), std::string::npos)
      << report.failures[0].error;
  QuarantineList quarantined = ReadQuarantine(store.get());
  ASSERT_EQ(quarantined.size(), 1u);
  EXPECT_EQ(std::get<0>(quarantined[0]), poisoned);
  EXPECT_EQ(std::get<1>(quarantined[0]), extracted.sha256);

  std::vector<std::string> others = files;
  others.erase(others.begin() + 10);
  const std::string reference = OtherTarget();
  std::unique_ptr<Store> clean;
  ASSERT_TRUE(OpenStore(reference, &clean).ok());
  IngestReport clean_report;
  ASSERT_TRUE(RunIngest(clean.get(), others, 32, &clean_report).ok());
  Contents stored = ReadContents(target_);
  EXPECT_EQ(stored.size(), 49u);
  EXPECT_EQ(stored.count({poisoned, 1}), 0u);
  EXPECT_EQ(stored, ReadContents(reference));
  testing::ExpectKeptLinkRowsAsStored(store.get(), target_);

  Cure();  // a rerun stores the failed file and nothing else
  IngestReport rerun;
  ASSERT_TRUE(RunIngest(store.get(), {work_ + "/in"}, 32, &rerun).ok());
  EXPECT_EQ(rerun.summary.files_new, 1);
  EXPECT_EQ(rerun.summary.files_unchanged, 49);
  EXPECT_EQ(ReadContents(target_).size(), 50u);
  testing::ExpectKeptLinkRowsAsStored(store.get(), target_);
}

// Two files with the same bytes in one batch: the second finds the first,
// uncommitted, and is a duplicate. A changed file retiring content that a
// new path repeats, both in one batch: the new path, skipped at the start
// as a duplicate, is found no longer current and is stored after all.
TEST_P(IngestBatchTest, FilesThatRelateWithinOneBatchAreDecidedOnItsUncommittedRows) {
  const std::string x =
      ReadBytes(SourcePath("samples/wanzhou_2023_2025_incubation_carrier_plan.txt"));
  const std::string y =
      ReadBytes(SourcePath("samples/chongqing_2021_municipal_incubation_base_grades.txt"));
  WriteBytes(work_ + "/in/a.txt", x);
  WriteBytes(work_ + "/in/b.txt", x);
  WriteBytes(work_ + "/in/c.txt", y);
  std::unique_ptr<Store> store = Open();
  IngestReport first;
  ASSERT_TRUE(RunIngest(store.get(), {work_ + "/in"}, 32, &first).ok());
  EXPECT_EQ(first.summary.files_new, 2);
  EXPECT_EQ(first.summary.files_unchanged, 1);
  EXPECT_EQ(first.files_duplicate, 1);
  EXPECT_EQ(first.files_parsed, 3) << "b.txt was not known when the run started";
  Contents stored = ReadContents(target_);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored.count({work_ + "/in/a.txt", 1}), 1u);
  EXPECT_EQ(stored.count({work_ + "/in/c.txt", 1}), 1u);

  // a.txt now has other content; d.txt has a.txt's old bytes (current when
  // the run starts, so d.txt is not parsed by the workers).
  WriteBytes(work_ + "/in/a.txt", y + "\n附：本通知自印发之日起施行。\n");
  WriteBytes(work_ + "/in/d.txt", x);
  IngestReport second;
  ASSERT_TRUE(RunIngest(store.get(), {work_ + "/in/a.txt", work_ + "/in/d.txt"}, 32, &second).ok());
  EXPECT_EQ(second.summary.files_new, 2);
  EXPECT_EQ(second.files_new_version, 1);
  EXPECT_EQ(second.files_duplicate, 0);
  stored = ReadContents(target_);
  ASSERT_EQ(stored.size(), 4u);
  const Version& old_a = stored[{work_ + "/in/a.txt", 1}];
  const Version& new_a = stored[{work_ + "/in/a.txt", 2}];
  const Version& d = stored[{work_ + "/in/d.txt", 1}];
  EXPECT_EQ(old_a.superseded_by, new_a.id);
  EXPECT_EQ(new_a.superseded_by, 0);
  EXPECT_EQ(d.superseded_by, 0);
  EXPECT_EQ(d.sha256, Sha256Hex(x));
  EXPECT_EQ(d.records, old_a.records);
}

// A run committing up to 32 files at a time stores exactly what one
// committing every file stores: same versions, rows and ids, same
// quarantine list and report, over a first run (with an unreadable file and
// the same bytes twice) and a second one (changed files, a new copy of
// content those changes retire).
TEST_P(IngestBatchTest, BatchedRunStoresTheSameAsACommitPerFile) {
  std::vector<std::string> files = MakeCorpus(work_ + "/in", 8);
  WriteBytes(work_ + "/in/copy03_empty.txt", "");
  WriteBytes(work_ + "/in/copy05_again.txt", ReadBytes(files[3]));
  const std::string batched = target_, one_by_one = OtherTarget();
  IngestReport a, b;
  int64_t most_uncommitted_a = 0, most_uncommitted_b = 0;
  RunWatched(batched, {work_ + "/in"}, 32, &a, &most_uncommitted_a);
  RunWatched(one_by_one, {work_ + "/in"}, 1, &b, &most_uncommitted_b);
  EXPECT_GE(most_uncommitted_a, 5) << "no batches";
  // One file: the one just written, not yet committed, and the duplicate,
  // which leaves no row.
  EXPECT_LE(most_uncommitted_b, 2) << "batches of more than one file";
  EXPECT_EQ(a.summary.files_seen, 42);
  EXPECT_EQ(a.summary.files_failed, 1);
  EXPECT_EQ(a.files_duplicate, 1);
  ExpectSameReport(a, b);
  Contents first = ReadContents(batched);
  EXPECT_EQ(first.size(), 40u);
  EXPECT_EQ(first, ReadContents(one_by_one));

  const std::string retired = ReadBytes(files[7]);
  for (size_t i : {2, 7, 20}) WriteBytes(files[i], ReadBytes(files[i]) + "\n附：以此为准。\n");
  WriteBytes(work_ + "/in/copy08_zz_retired.txt", retired);  // after files[7] in file order
  RunWatched(batched, {work_ + "/in"}, 32, &a);
  RunWatched(one_by_one, {work_ + "/in"}, 1, &b);
  EXPECT_EQ(a.files_new_version, 3);
  ExpectSameReport(a, b);
  Contents second = ReadContents(batched);
  EXPECT_EQ(second.size(), 44u);
  EXPECT_EQ(second, ReadContents(one_by_one));
  std::unique_ptr<Store> sa, sb;
  ASSERT_TRUE(OpenStore(batched, &sa).ok());
  ASSERT_TRUE(OpenStore(one_by_one, &sb).ok());
  QuarantineList qa = ReadQuarantine(sa.get()), qb = ReadQuarantine(sb.get());
  ASSERT_EQ(qa.size(), 2u);  // the empty file, in each run
  EXPECT_EQ(qa, qb);
}

// A slow run still makes its progress durable: a batch is committed once
// 0.5 s have passed, however few files it holds.
TEST_P(IngestBatchTest, ABatchIsCommittedAfterHalfASecond) {
  MakeCorpus(work_ + "/in", 2);
  IngestReport report;
  int64_t most_uncommitted = 0;
  RunWatched(target_, {work_ + "/in"}, 32, &report, &most_uncommitted,
             std::chrono::milliseconds(200));
  EXPECT_EQ(report.summary.files_new, 10);
  // 200 ms a file: the third file takes the batch past 0.5 s.
  EXPECT_LE(most_uncommitted, 3) << "a batch stayed open longer than 0.5 s";
  EXPECT_EQ(ReadContents(target_).size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestBatchTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

// SQLite can roll back the whole transaction on an error (a full disk, an
// I/O error; here RAISE(ROLLBACK)). The batch's other notices are then gone
// too: the run must stop and say so, its report and run record count only
// what was committed, and a rerun stores the rest.
class IngestLostBatchTest : public IngestBatchTest {};

TEST_P(IngestLostBatchTest, ABatchTheDatabaseRollsBackStopsTheRunAndIsNotCounted) {
  std::vector<std::string> files = MakeCorpus(work_ + "/in", 10);
  const std::string poisoned = files[10];
  std::unique_ptr<Store> store = Open();
  Poison(poisoned, /*whole=*/true);
  IngestReport report;
  Status st = RunIngest(store.get(), {work_ + "/in"}, 32, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("rolled back the whole transaction"), std::string::npos)
      << st.ToString();
  EXPECT_NE(st.message().find(poisoned + ": "), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find("poisoned notice"), std::string::npos) << st.ToString();
  EXPECT_FALSE(report.interrupted);
  EXPECT_LE(report.summary.files_seen, 10) << "files of the lost batch were counted";
  EXPECT_EQ(report.summary.files_new, report.summary.files_seen);
  EXPECT_EQ(report.summary.files_failed, 0);
  EXPECT_TRUE(report.failures.empty());
  Contents stored = ReadContents(target_);
  EXPECT_EQ(static_cast<int>(stored.size()), report.summary.files_new);
  for (int i = 0; i < report.summary.files_seen; ++i)
    EXPECT_EQ(stored.count({files[static_cast<size_t>(i)], 1}), 1u)
        << files[static_cast<size_t>(i)];
  EXPECT_TRUE(ReadQuarantine(store.get()).empty());
  RunRow run;
  ASSERT_TRUE(store->LoadRun(report.run_id, &run).ok());
  EXPECT_EQ(run.summary.files_seen, report.summary.files_seen);
  EXPECT_EQ(run.summary.files_new, report.summary.files_new);

  Cure();
  IngestReport rerun;
  ASSERT_TRUE(RunIngest(store.get(), {work_ + "/in"}, 32, &rerun).ok());
  EXPECT_EQ(rerun.summary.files_new, 50 - report.summary.files_new);
  const std::string reference = OtherTarget();
  std::unique_ptr<Store> clean;
  ASSERT_TRUE(OpenStore(reference, &clean).ok());
  IngestReport clean_report;
  ASSERT_TRUE(RunIngest(clean.get(), {work_ + "/in"}, 32, &clean_report).ok());
  EXPECT_EQ(ReadContents(target_), ReadContents(reference));
  // Kept through both runs: none of the lost batch, whose ids the rerun reused.
  testing::ExpectKeptLinkRowsAsStored(store.get(), target_);
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestLostBatchTest,
                         ::testing::Values(testing::Backend::kSqlite), testing::BackendName);

}  // namespace
}  // namespace fuhua
