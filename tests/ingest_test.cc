// `fuhua ingest` end to end, through the built binary: a fresh store and a
// rerun that changes nothing (SQLite and PostgreSQL), failure isolation, a
// changed file becoming a new version, a run killed with SIGKILL (whole
// notices only; a rerun finishes the job) or stopped with SIGINT, parallel
// runs storing the same as one job, and the progress line (rendering, and
// drawn only on a terminal). Corpora are copies of samples/ made distinct by
// bytes that change no content (trailing newlines in a text dump, a zip
// comment on a .docx), so every copy is its own notice with known rows.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_target.h"
#include "tests/store_fixture.h"
#include "tests/test_support.h"

// cli/ is not part of fuhua_core, so the one cli file under test is compiled
// into the test binary here.
#include "cli/progress.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testing::SourcePath;
using testing::CliRun;
using testing::Fuhua;
using testing::ReadBytes;
using testing::WriteBytes;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/fuhua_ingest_test.XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// samples/*.txt and samples/*.docx, sorted: the notices of the seed corpus.
std::vector<std::string> SampleFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(SourcePath("samples"))) {
    std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".docx") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int OtherFilesInSamples() {
  int n = 0;
  for (const auto& e : fs::directory_iterator(SourcePath("samples"))) n += e.is_regular_file();
  return n - static_cast<int>(SampleFiles().size());
}

// Other bytes, same content: `n` trailing newlines after a text dump, or a
// zip comment of `n` characters after a .docx's central directory.
std::string Distinct(const std::string& bytes, bool docx, int n) {
  if (!docx) return bytes + std::string(static_cast<size_t>(n), '\n');
  size_t eocd = bytes.rfind(std::string("PK\x05\x06", 4));
  std::string out = bytes.substr(0, eocd + 22);
  out[eocd + 20] = static_cast<char>(n & 0xff);
  out[eocd + 21] = static_cast<char>(n >> 8);
  return out + std::string(static_cast<size_t>(n), 'c');
}

// `copies` distinct copies of every sample in `dir`; returns the file count.
int MakeCorpus(const std::string& dir, int copies) {
  int files = 0;
  for (const std::string& sample : SampleFiles()) {
    fs::path p(sample);
    std::string bytes = ReadBytes(sample);
    bool docx = p.extension() == ".docx";
    for (int i = 1; i <= copies; ++i, ++files) {
      std::string name = p.stem().string() + "_" + std::to_string(i) + p.extension().string();
      WriteBytes(dir + "/" + name, Distinct(bytes, docx, i));
    }
  }
  return files;
}

// Runs `fuhua ingest ARGS --db DB`, capturing stdout (and stderr if asked).
CliRun RunIngestCli(const std::string& args, const std::string& db, bool with_stderr = false) {
  return Fuhua("ingest " + args + " --db '" + db + "'", with_stderr);
}

// The number after "  LABEL:" in a summary; -1 when the line is missing.
int64_t Field(const std::string& out, const std::string& label) {
  std::string key = "\n  " + label + ":";
  size_t at = out.find(key);
  return at == std::string::npos ? -1 : std::strtoll(out.c_str() + at + key.size(), nullptr, 10);
}

int64_t RunIdOf(const std::string& out) {
  const std::string key = "fuhua ingest: run ";
  size_t at = out.find(key);
  return at == std::string::npos ? -1 : std::strtoll(out.c_str() + at + key.size(), nullptr, 10);
}

std::unique_ptr<Store> OpenOrFail(const std::string& target) {
  std::unique_ptr<Store> store;
  Status st = OpenStore(target, &store);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return store;
}

// What the store holds for one current notice: its content and its rows.
struct NoticeRows {
  std::string sha256;
  int64_t tables = 0, records = 0, checks = 0, diagnostics = 0;
  bool operator==(const NoticeRows&) const = default;
};
std::ostream& operator<<(std::ostream& os, const NoticeRows& r) {
  return os << r.sha256.substr(0, 12) << " tables=" << r.tables << " records=" << r.records
            << " checks=" << r.checks << " diagnostics=" << r.diagnostics;
}
using Snapshot = std::map<std::string, NoticeRows>;  // current notices by path

// Rows per current notice, read straight from the tables: a notice cut
// short by a kill would show here.
Snapshot TakeSnapshot(const std::string& target) {
  Snapshot snap;
  std::map<int64_t, NoticeRows*> by_id;
  std::vector<NoticeRow> current;
  EXPECT_TRUE(OpenOrFail(target)->CurrentNotices(&current).ok());
  for (const NoticeRow& n : current) {
    snap[n.source_path].sha256 = n.sha256;
    by_id[n.id] = &snap[n.source_path];
  }
  StoreTarget t;
  EXPECT_TRUE(ParseStoreTarget(target, &t).ok());
  SqlSession db(t);
  const std::pair<const char*, int64_t NoticeRows::*> kTables[] = {
      {"notice_tables", &NoticeRows::tables},
      {"records", &NoticeRows::records},
      {"checks", &NoticeRows::checks},
      {"diagnostics", &NoticeRows::diagnostics}};
  for (const auto& [table, member] : kTables) {
    SqlRows rows =
        db.Query(std::string("SELECT notice_id, COUNT(*) FROM ") + table + " GROUP BY notice_id");
    while (rows.Next()) {
      auto it = by_id.find(rows.Int(0));
      if (it != by_id.end()) it->second->*member = rows.Int(1);
    }
  }
  return snap;
}

// The same, from a fresh extraction of the file.
NoticeRows Extracted(const std::string& path) {
  Notice n;
  Status st = ExtractFile(path, &n);
  EXPECT_TRUE(st.ok()) << st.ToString();
  auto size = [](const auto& v) { return static_cast<int64_t>(v.size()); };
  return {n.sha256, size(n.tables), size(n.records), size(n.checks), size(n.diagnostics)};
}

// Every count but the runs: equal stores hold the same notices and rows.
void ExpectSameContent(const StoreCounts& a, const StoreCounts& b) {
  EXPECT_EQ(a.notices, b.notices);
  EXPECT_EQ(a.current_notices, b.current_notices);
  EXPECT_EQ(a.tables, b.tables);
  EXPECT_EQ(a.records, b.records);
  EXPECT_EQ(a.current_records, b.current_records);
  EXPECT_EQ(a.checks, b.checks);
  EXPECT_EQ(a.failed_checks, b.failed_checks);
  EXPECT_EQ(a.diagnostics, b.diagnostics);
  EXPECT_EQ(a.quarantined, b.quarantined);
}

StoreCounts CountsOf(const std::string& target) {
  StoreCounts c;
  Status st = OpenOrFail(target)->Count(&c);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return c;
}

// ---------------------------------------------------------------------------
// Both backends.

class IngestBackendTest : public testing::StoreFixture {};

TEST_P(IngestBackendTest, SamplesTwiceTheSecondRunChangesNothing) {
  const std::vector<std::string> samples = SampleFiles();
  const int n = static_cast<int>(samples.size());
  CliRun first = RunIngestCli(SourcePath("samples/"), target_);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_EQ(Field(first.out, "files seen"), n) << first.out;
  EXPECT_EQ(Field(first.out, "files new"), n);
  EXPECT_EQ(Field(first.out, "files unchanged"), 0);
  EXPECT_EQ(Field(first.out, "files failed"), 0);
  EXPECT_EQ(Field(first.out, "files skipped"), OtherFilesInSamples());
  EXPECT_EQ(Field(first.out, "files parsed"), n);
  StoreCounts before = CountsOf(target_);
  EXPECT_EQ(before.notices, n);
  EXPECT_EQ(before.current_notices, n);
  EXPECT_EQ(before.records, Field(first.out, "records added"));
  EXPECT_EQ(before.failed_checks, Field(first.out, "checks failed"));
  EXPECT_EQ(before.runs, 1);
  Snapshot stored = TakeSnapshot(target_);
  ASSERT_EQ(stored.size(), samples.size());
  for (const std::string& path : samples) EXPECT_EQ(stored[path], Extracted(path)) << path;

  CliRun second = RunIngestCli(SourcePath("samples"), target_);
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("nothing changed: all " + std::to_string(n) + " files already stored"),
            std::string::npos)
      << second.out;
  EXPECT_EQ(Field(second.out, "files unchanged"), n);
  EXPECT_EQ(Field(second.out, "files new"), 0);
  EXPECT_EQ(Field(second.out, "files parsed"), 0) << "an unchanged file was parsed again";
  EXPECT_EQ(Field(second.out, "records added"), 0);
  StoreCounts after = CountsOf(target_);
  ExpectSameContent(after, before);
  EXPECT_EQ(after.runs, 2);
  EXPECT_EQ(TakeSnapshot(target_), stored);
  RunRow run;
  ASSERT_TRUE(OpenOrFail(target_)->LoadRun(RunIdOf(second.out), &run).ok());
  EXPECT_TRUE(run.finished_at.has_value());
  EXPECT_EQ(run.summary.files_unchanged, n);
  EXPECT_EQ(run.summary.files_new, 0);
}

TEST_P(IngestBackendTest, ChangedFileBecomesANewVersionAndTheOldOneIsKept) {
  TempDir dir;
  const std::string path = dir / "notices/notice.txt";
  const std::string original =
      ReadBytes(SourcePath("samples/chongqing_2021_municipal_incubation_base_grades.txt"));
  WriteBytes(path, original);
  ASSERT_EQ(RunIngestCli(dir / "notices", target_).exit_code, 0);
  WriteBytes(path, original + "\n附：本通知自印发之日起施行。\n");
  CliRun changed = RunIngestCli(dir / "notices", target_);
  ASSERT_EQ(changed.exit_code, 0) << changed.out;
  EXPECT_EQ(Field(changed.out, "files new"), 1) << changed.out;
  EXPECT_NE(changed.out.find("(1 new version)"), std::string::npos) << changed.out;
  std::vector<NoticeRow> versions;
  ASSERT_TRUE(OpenOrFail(target_)->NoticeHistory(path, &versions).ok());
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[1].version, 2);
  EXPECT_EQ(versions[0].superseded_by, versions[1].id);
  EXPECT_FALSE(versions[1].superseded_by.has_value());
  EXPECT_EQ(versions[1].sha256, Sha256Hex(ReadBytes(path)));
  StoreCounts c = CountsOf(target_);
  EXPECT_EQ(c.notices, 2);
  EXPECT_EQ(c.current_notices, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestBackendTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

// ---------------------------------------------------------------------------
// SQLite only: the behaviour of the command, whatever the backend.

TEST(IngestTest, BadFilesAreQuarantinedAndTheRestIsStored) {
  TempDir dir;
  const std::string docx =
      ReadBytes(SourcePath("samples/chongqing_2021_municipal_incubation_base_grades.docx"));
  WriteBytes(dir / "in/good.txt",
             ReadBytes(SourcePath("samples/chongqing_2021_municipal_incubation_base_grades.txt")));
  WriteBytes(dir / "in/empty.txt", "");
  WriteBytes(dir / "in/garbage.docx", std::string("\x01\x02\x00\x7f garbage \xff\xfe\x00", 16));
  WriteBytes(dir / "in/truncated.docx", docx.substr(0, docx.size() / 2));
  CliRun r = RunIngestCli(dir / "in", dir / "store.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(Field(r.out, "files seen"), 4) << r.out;
  EXPECT_EQ(Field(r.out, "files new"), 1);
  EXPECT_EQ(Field(r.out, "files failed"), 3);
  const std::pair<std::string, std::string> kBad[] = {{dir / "in/empty.txt", "empty file"},
                                                      {dir / "in/garbage.docx", "binary data"},
                                                      {dir / "in/truncated.docx", "truncated zip"}};
  for (const auto& [path, says] : kBad) {
    size_t at = r.out.find("\n  " + path + ": ");
    ASSERT_NE(at, std::string::npos) << path << "\n" << r.out;
    EXPECT_LT(r.out.find(says, at), r.out.find('\n', at + 1)) << path << " should say " << says;
  }
  auto store = OpenOrFail(dir / "store.db");
  std::vector<QuarantineEntry> quarantined;
  ASSERT_TRUE(store->LoadQuarantine(RunIdOf(r.out), &quarantined).ok());
  ASSERT_EQ(quarantined.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(quarantined[i].path, kBad[i].first);
    EXPECT_NE(quarantined[i].error.find(kBad[i].second), std::string::npos) << quarantined[i].error;
  }
  Snapshot stored = TakeSnapshot(dir / "store.db");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[dir / "in/good.txt"], Extracted(dir / "in/good.txt"));
}

TEST(IngestTest, DuplicateContentAtANewPathIsNotParsed) {
  TempDir dir;
  const std::string text =
      ReadBytes(SourcePath("samples/wanzhou_2023_2025_incubation_carrier_plan.txt"));
  WriteBytes(dir / "a/plan.txt", text);
  ASSERT_EQ(RunIngestCli(dir / "a", dir / "store.db").exit_code, 0);
  WriteBytes(dir / "b/plan copy.txt", text);
  CliRun r = RunIngestCli("'" + (dir / "b") + "'", dir / "store.db");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Field(r.out, "files unchanged"), 1) << r.out;
  EXPECT_NE(r.out.find("(1 duplicate)"), std::string::npos) << r.out;
  EXPECT_EQ(Field(r.out, "files parsed"), 0);
  EXPECT_EQ(CountsOf(dir / "store.db").notices, 1);
}

TEST(IngestTest, UsageErrorsAndAStoreThatCannotBeOpenedExitTwo) {
  TempDir dir;
  EXPECT_EQ(RunIngestCli("", dir / "s.db").exit_code, 2);
  EXPECT_EQ(RunIngestCli(SourcePath("samples") + " --jobs 0", dir / "s.db").exit_code, 2);
  EXPECT_EQ(RunIngestCli(SourcePath("samples") + " --jobs x", dir / "s.db").exit_code, 2);
  EXPECT_EQ(RunIngestCli(SourcePath("samples") + " --bogus", dir / "s.db").exit_code, 2);
  CliRun r = RunIngestCli(SourcePath("samples"), dir / "no/such/dir/s.db", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("cannot open the store " + (dir / "no/such/dir/s.db")), std::string::npos)
      << r.out;
  CliRun help = RunIngestCli("--help", dir / "s.db");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag : {"--db", "--jobs", "--quiet", "--schemas", "FUHUA_DB"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
}

// PostgreSQL support (libpq and the ~20 libraries it needs) is loaded when a
// PostgreSQL store is opened, not at every start; IngestBackendTest runs the
// program on a PostgreSQL store, so loading it on demand works.
TEST(IngestTest, TheProgramDoesNotLinkThePostgresClient) {
  std::string needed;
  FILE* p = popen(("readelf -d '" + std::string(FUHUA_BINARY) + "'").c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) needed.append(buf, n);
  ASSERT_EQ(pclose(p), 0);
  EXPECT_NE(needed.find("libPocoDataSQLite"), std::string::npos) << needed;  // read it right
  EXPECT_EQ(needed.find("libpq"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("PostgreSQL"), std::string::npos) << needed;
}

TEST(IngestTest, DbDefaultsToFuhuaDbVariable) {
  TempDir dir;
  std::string cmd = "FUHUA_DB='" + (dir / "env.db") + "' " + FUHUA_BINARY + " ingest " +
                    SourcePath("samples/wanzhou_2023_2025_incubation_carrier_plan.txt") +
                    " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(CountsOf(dir / "env.db").notices, 1);
}

// ---------------------------------------------------------------------------
// A corpus of distinct copies, ingested once cleanly; the kill, interrupt and
// parallel cases compare their stores with that clean one.

constexpr int kCopies = 30;  // x 10 samples = 300 files, ~1 s per run on 2 cores

struct CleanRun {
  TempDir dir;
  std::string corpus;
  int files = 0;
  Snapshot snapshot;
  StoreCounts counts;
};

// Made on first use, once per test process; its folder goes at exit.
const CleanRun& Clean() {
  static CleanRun c;
  static const bool made = [] {
    c.corpus = c.dir / "corpus";
    c.files = MakeCorpus(c.corpus, kCopies);
    CliRun r = RunIngestCli(c.corpus + " --jobs 2", c.dir / "clean.db");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    c.snapshot = TakeSnapshot(c.dir / "clean.db");
    c.counts = CountsOf(c.dir / "clean.db");
    return true;
  }();
  (void)made;
  return c;
}

// Starts `fuhua ingest CORPUS --db DB --jobs 2 --quiet`, output into `log`.
pid_t SpawnIngest(const std::string& corpus, const std::string& db, const std::string& log) {
  std::vector<std::string> args = {FUHUA_BINARY, "ingest", corpus, "--db",
                                   db,           "--jobs", "2",    "--quiet"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Polls the store until it holds `notices` notices; false if the child ended
// first or 20 s passed.
bool WaitForNotices(const std::string& db, int64_t notices, pid_t child) {
  auto store = OpenOrFail(db);
  for (auto until = Clock::now() + std::chrono::seconds(20); Clock::now() < until;) {
    StoreCounts c;
    if (store->Count(&c).ok() && c.notices >= notices) return true;
    int status;
    if (waitpid(child, &status, WNOHANG) == child) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

// Every notice in `db` is whole: its rows are those of the clean store.
void ExpectWholeNotices(const Snapshot& partial, const Snapshot& clean) {
  for (const auto& [path, rows] : partial) {
    auto it = clean.find(path);
    ASSERT_NE(it, clean.end()) << path;
    EXPECT_EQ(rows, it->second) << path;
  }
}

// The rerun completes the job: the store ends as the clean one.
void ExpectRerunCompletes(const std::string& db, int64_t stored_before) {
  const CleanRun& clean = Clean();
  CliRun r = RunIngestCli(clean.corpus + " --jobs 2", db);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Field(r.out, "files unchanged"), stored_before) << r.out;
  EXPECT_EQ(Field(r.out, "files new"), clean.files - stored_before);
  EXPECT_EQ(Field(r.out, "files parsed"), clean.files - stored_before);
  EXPECT_EQ(TakeSnapshot(db), clean.snapshot);
  ExpectSameContent(CountsOf(db), clean.counts);
}

class IngestInterruptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(static_cast<int>(Clean().snapshot.size()), Clean().files);
    db_ = dir_ / "store.db";
    OpenOrFail(db_);  // migrated up front: the poll never races the child's migration
  }
  // Starts the run and waits until it has stored some notices.
  pid_t StartAndWait() {
    pid_t pid = SpawnIngest(Clean().corpus, db_, dir_ / "log");
    start_ = Clock::now();
    EXPECT_TRUE(WaitForNotices(db_, 20, pid)) << ReadBytes(dir_ / "log");
    return pid;
  }
  double Ms() const {
    return std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
  }
  TempDir dir_;
  std::string db_;
  Clock::time_point start_;
};

TEST_F(IngestInterruptTest, KillNineLeavesWholeNoticesAndARerunFinishes) {
  pid_t pid = StartAndWait();
  kill(pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "exited by itself";
  Snapshot killed = TakeSnapshot(db_);
  std::cout << "[ info ] SIGKILL after " << Ms() << " ms: " << killed.size() << " of "
            << Clean().files << " notices stored\n";
  ASSERT_GT(killed.size(), 0u);
  ASSERT_LT(static_cast<int>(killed.size()), Clean().files) << "the run finished before the kill";
  ExpectWholeNotices(killed, Clean().snapshot);
  RunRow run;
  ASSERT_TRUE(OpenOrFail(db_)->LoadRun(1, &run).ok());
  EXPECT_FALSE(run.finished_at.has_value()) << "a killed run cannot have finished";
  ExpectRerunCompletes(db_, static_cast<int64_t>(killed.size()));
}

TEST_F(IngestInterruptTest, SigintStopsAfterTheNoticeBeingWrittenAndFinishesTheRun) {
  pid_t pid = StartAndWait();
  kill(pid, SIGINT);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 130);
  std::string out = ReadBytes(dir_ / "log");
  EXPECT_NE(out.find("interrupted by Ctrl-C"), std::string::npos) << out;
  EXPECT_NE(out.find("rerun the same command to finish"), std::string::npos) << out;
  int64_t seen = Field(out, "files seen");
  EXPECT_LT(seen, Clean().files) << out;
  EXPECT_EQ(Field(out, "files new"), seen);
  Snapshot stopped = TakeSnapshot(db_);
  EXPECT_EQ(static_cast<int64_t>(stopped.size()), seen);
  ExpectWholeNotices(stopped, Clean().snapshot);
  RunRow run;
  ASSERT_TRUE(OpenOrFail(db_)->LoadRun(RunIdOf(out), &run).ok());
  EXPECT_TRUE(run.finished_at.has_value()) << "an interrupted run is finished, with its summary";
  EXPECT_EQ(run.summary.files_seen, seen);
  ExpectRerunCompletes(db_, seen);
}

// The second SIGINT kills (default handler restored); unless the first had
// already stopped the run, which is then an ordinary interrupt. Either way
// the store holds whole notices.
TEST_F(IngestInterruptTest, SecondSigintStopsAtOnceAndTheStoreStaysWhole) {
  pid_t pid = StartAndWait();
  kill(pid, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  kill(pid, SIGINT);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGINT;
  bool stopped = WIFEXITED(status) && WEXITSTATUS(status) == 130;
  EXPECT_TRUE(killed || stopped) << status;
  std::cout << "[ info ] after two SIGINTs the run was " << (killed ? "killed" : "stopped") << "\n";
  Snapshot partial = TakeSnapshot(db_);
  ExpectWholeNotices(partial, Clean().snapshot);
  ExpectRerunCompletes(db_, static_cast<int64_t>(partial.size()));
}

// Parallel runs write in file order: same notices, same rows, same ids.
TEST_F(IngestInterruptTest, ParallelRunsStoreTheSameAsOneJob) {
  for (const char* jobs : {"1", "4"}) {
    SCOPED_TRACE(std::string("--jobs ") + jobs);
    std::string db = dir_ / (std::string("jobs") + jobs + ".db");
    CliRun r = RunIngestCli(Clean().corpus + " --jobs " + jobs, db);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(TakeSnapshot(db), Clean().snapshot);
    ExpectSameContent(CountsOf(db), Clean().counts);
    std::vector<NoticeRow> mine, clean;
    ASSERT_TRUE(OpenOrFail(db)->CurrentNotices(&mine).ok());
    ASSERT_TRUE(OpenOrFail(Clean().dir / "clean.db")->CurrentNotices(&clean).ok());
    ASSERT_EQ(mine.size(), clean.size());
    for (size_t i = 0; i < mine.size(); ++i)
      EXPECT_EQ(mine[i].id, clean[i].id) << mine[i].source_path;
  }
}

// ---------------------------------------------------------------------------
// The progress line.

TEST(IngestProgressTest, RendersCountsBarPercentRateAndEta) {
  EXPECT_EQ(RenderProgressLine(30, 120, 2.0, 80),
            "30/120 [##########------------------------------]  25%  15.0 files/s  ETA 0:06");
  EXPECT_EQ(RenderProgressLine(0, 10, 0.0, 80).find("ETA --:--") != std::string::npos, true);
  EXPECT_NE(
      RenderProgressLine(10, 10, 1.0, 80).find("[########################################] 100%"),
      std::string::npos);
  EXPECT_NE(RenderProgressLine(1, 7201, 1.0, 80).find("ETA 2:00:00"), std::string::npos);
  for (int width : {20, 40, 60, 200}) {
    std::string line = RenderProgressLine(500, 1000, 5.0, width);
    EXPECT_LT(static_cast<int>(line.size()), width) << line;
  }
  EXPECT_EQ(RenderProgressLine(5, 10, 1.0, 40).find('['), std::string::npos) << "no room for a bar";
}

TEST(IngestProgressTest, RedrawsInPlaceAndClearsTheLine) {
  std::ostringstream out;
  {
    ProgressBar bar(&out, true, 80);
    bar.Update(1, 3, 0.01);
    bar.Update(2, 3, 0.02);  // throttled: within 0.1 s of the last redraw
    bar.Update(3, 3, 0.03);  // the last file is always drawn
    bar.Clear();
  }
  std::string s = out.str();
  EXPECT_EQ(std::count(s.begin(), s.end(), '\r'), 4) << s;  // two draws, clear = two
  EXPECT_EQ(s.find("2/3"), std::string::npos);
  EXPECT_NE(s.find("3/3"), std::string::npos);
  EXPECT_EQ(s.back(), '\r');
  std::ostringstream quiet;
  ProgressBar off(&quiet, false, 80);
  off.Update(1, 1, 1.0);
  off.Clear();
  EXPECT_TRUE(quiet.str().empty());
}

// Output of `fuhua ingest ARGS` run on a pseudo-terminal (stdout and stderr).
std::string OnATerminal(const std::string& args) {
  std::string cmd = std::string(FUHUA_BINARY) + " ingest " + args;
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(master, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(master);
  waitpid(pid, nullptr, 0);
  return out;
}

TEST(IngestProgressTest, BarOnlyOnATerminalAndNotWhenQuiet) {
  TempDir dir;
  const std::string samples = SourcePath("samples");
  const std::string n = std::to_string(SampleFiles().size());
  std::string tty = OnATerminal(samples + " --db " + (dir / "a.db"));
  EXPECT_NE(tty.find("\r" + n + "/" + n + " ["), std::string::npos) << tty;
  EXPECT_NE(tty.find("ETA"), std::string::npos) << tty;
  EXPECT_NE(tty.find("stored " + n + " new notices"), std::string::npos) << tty;
  std::string quiet = OnATerminal(samples + " --quiet --db " + (dir / "b.db"));
  EXPECT_EQ(quiet.find("ETA"), std::string::npos) << quiet;
  EXPECT_NE(quiet.find("stored " + n + " new notices"), std::string::npos) << quiet;
  CliRun piped = RunIngestCli(samples, dir / "c.db", true);  // stderr is a pipe
  EXPECT_EQ(piped.out.find("ETA"), std::string::npos) << piped.out;
  EXPECT_EQ(piped.out.find('\r'), std::string::npos) << piped.out;
}

}  // namespace
}  // namespace fuhua
