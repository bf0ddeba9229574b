// Store: opening (target, connection, migrations), writing notices with
// their versioning, ingest batches, runs and the quarantine list. Queries are in
// store_queries.cc. Every method body runs inside GuardStore, the exception
// boundary.
#include "store/store.h"

#include <filesystem>

#include "store/migrations.h"
#include "store/link_rows.h"
#include "store/notice_insert.h"
#include "store/sql_session.h"
#include "store/store_guard.h"
#include "store/store_target.h"

namespace fuhua {
namespace {

// SQLite creates the file but not its directory; say so plainly instead of
// "unable to open database file".
Status CheckSqlitePath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return Status::InvalidInput(path + ": is a directory, not a store file");
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    return Status::NotFound(path + ": directory " + parent.string() + " does not exist");
  }
  return Status::Ok();
}

struct PathVersion {
  int64_t id = 0;
  int version = 0;
  std::string sha256;
};

// Asks first whether there is a row at all: QueryInt runs on a prepared
// statement (SQLite), where a full Query goes through Poco's RecordSet, and
// for a new file (the usual case in an ingest) there is none, twice a notice.
std::optional<PathVersion> FindCurrent(SqlSession* db, const std::string& where,
                                       const std::string& value) {
  const std::string condition = "FROM notices WHERE superseded_by IS NULL AND " + where + " = ?";
  if (!db->QueryInt("SELECT id " + condition, {value})) return std::nullopt;
  SqlRows rows = db->Query("SELECT id, version, sha256 " + condition + " ORDER BY id", {value});
  if (!rows.Next()) return std::nullopt;
  return PathVersion{rows.Int(0), static_cast<int>(rows.Int(1)), rows.Text(2)};
}

int NextVersion(SqlSession* db, const std::string& source_path) {
  return static_cast<int>(
      db->QueryInt("SELECT MAX(version) FROM notices WHERE source_path = ?", {source_path})
          .value_or(0) +
      1);
}

void Retire(SqlSession* db, int64_t old_id, int64_t new_id) {
  db->Exec("UPDATE notices SET superseded_by = ? WHERE id = ?", {new_id, old_id});
}

WriteResult Existing(WriteResult::Outcome outcome, const PathVersion& v) {
  WriteResult r;
  r.outcome = outcome;
  r.notice_id = v.id;
  r.version = v.version;
  return r;
}

int FailedChecks(const Notice& notice) {
  int n = 0;
  for (const Check& c : notice.checks) n += c.ok ? 0 : 1;
  return n;
}

std::optional<int64_t> RunOrNone(int64_t run_id) {
  return run_id > 0 ? std::optional<int64_t>(run_id) : std::nullopt;
}

SqlValue IdOrNull(int64_t id) { return id > 0 ? SqlValue(id) : SqlNull(); }

}  // namespace

const char* OutcomeName(WriteResult::Outcome outcome) {
  switch (outcome) {
    case WriteResult::Outcome::kInserted:
      return "inserted";
    case WriteResult::Outcome::kNewVersion:
      return "new_version";
    case WriteResult::Outcome::kUnchanged:
      return "unchanged";
    case WriteResult::Outcome::kDuplicate:
      return "duplicate";
  }
  return "inserted";
}

Status OpenStore(const std::string& target, std::unique_ptr<Store>* out) {
  StoreTarget t;
  Status st = ParseStoreTarget(target, &t);
  if (st.ok() && t.dialect == Dialect::kSqlite) st = CheckSqlitePath(t.connection);
  if (!st.ok()) return st;
  std::unique_ptr<SqlSession> db;
  int version = 0;
  st = GuardStore(t.display, "open", [&] {
    db = std::make_unique<SqlSession>(t);
    return Status::Ok();
  });
  if (st.ok())
    st = GuardStore(t.display, "migrate", [&] { return Migrate(db.get(), t.display, &version); });
  if (!st.ok()) return st;
  out->reset(new Store(std::move(db), t.display, target, version));
  return Status::Ok();
}

Store::Store(std::unique_ptr<SqlSession> db, std::string target, std::string opened_as,
             int schema_version)
    : db_(std::move(db)),
      target_(std::move(target)),
      opened_as_(std::move(opened_as)),
      schema_version_(schema_version) {}

Status Store::OpenAnother(std::unique_ptr<Store>* out, bool one_pass) const {
  Status st = OpenStore(opened_as_, out);
  if (st.ok() && one_pass)
    st = GuardStore(target_, "open", [&] {
      (*out)->db_->UseSmallCache();
      return Status::Ok();
    });
  return st;
}

Store::~Store() = default;

bool Store::is_postgres() const { return db_->dialect() == Dialect::kPostgres; }

// Order matters: the id counter is bumped first so that concurrent writers
// queue on its row lock before any of them looks for an existing version.
Status Store::WriteNotice(const Notice& notice, int64_t run_id, WriteResult* result) {
  *result = WriteResult();
  if (notice.source.empty() || notice.sha256.empty()) {
    return Status::InvalidInput(target_ + ": write notice: source and sha256 are required");
  }
  const size_t written = written_ ? written_->size() : 0;
  Status st = GuardStore(target_, "write notice " + notice.source, [&] {
    SqlTransaction tx(db_.get());
    const int64_t id = db_->ReserveIds("notices", 1);
    std::optional<PathVersion> here = FindCurrent(db_.get(), "source_path", notice.source);
    if (here && here->sha256 == notice.sha256) {
      *result = Existing(WriteResult::Outcome::kUnchanged, *here);
      return Status::Ok();  // nothing written: the transaction rolls back
    }
    if (std::optional<PathVersion> same = FindCurrent(db_.get(), "sha256", notice.sha256)) {
      *result = Existing(WriteResult::Outcome::kDuplicate, *same);
      if (!here) return Status::Ok();
      Retire(db_.get(), here->id, same->id);
      result->superseded = here->id;
      tx.Commit();
      return Status::Ok();
    }
    if (here) Retire(db_.get(), here->id, id);
    NoticeVersion v{id, NextVersion(db_.get(), notice.source), RunOrNone(run_id), NowUtc()};
    result->records_added = InsertNotice(db_.get(), notice, v, written_.get());
    tx.Commit();
    result->outcome = here ? WriteResult::Outcome::kNewVersion : WriteResult::Outcome::kInserted;
    result->notice_id = id;
    result->version = v.version;
    if (here) result->superseded = here->id;
    result->checks_failed = FailedChecks(notice);
    return Status::Ok();
  });
  if (!st.ok() && written_) written_->Truncate(written);  // rolled back
  return st;
}

Status Store::BeginBatch() {
  if (batch_) return Status::Internal(target_ + ": begin batch: a batch is already open");
  written_before_batch_ = written_ ? written_->size() : 0;
  return GuardStore(target_, "begin batch", [&] {
    batch_ = std::make_unique<SqlTransaction>(db_.get());
    return Status::Ok();
  });
}

Status Store::CommitBatch() {
  std::unique_ptr<SqlTransaction> batch = std::move(batch_);  // rolls back unless committed
  if (!batch) return Status::Internal(target_ + ": commit batch: no batch is open");
  Status st = GuardStore(target_, "commit batch", [&] {
    batch->Commit();
    return Status::Ok();
  });
  if (!st.ok() && written_) written_->Truncate(written_before_batch_);  // the batch is lost
  return st;
}

void Store::CheckpointInBackground() { db_->CheckpointInBackground(); }
void Store::CheckpointAfterCommitsInBackground() { db_->CheckpointAfterCommitsInBackground(); }

Status Store::BeginRun(const RunInfo& info, int64_t* run_id) {
  return GuardStore(target_, "begin run", [&] {
    SqlTransaction tx(db_.get());
    *run_id = db_->ReserveIds("ingest_runs", 1);
    db_->Exec(
        "INSERT INTO ingest_runs (id, command, fuhua_version, started_at) VALUES (?, ?, ?, ?)",
        {*run_id, info.command, info.fuhua_version, NowUtc()});
    tx.Commit();
    return Status::Ok();
  });
}

Status Store::FinishRun(int64_t run_id, const RunSummary& s) {
  return GuardStore(target_, "finish run " + std::to_string(run_id), [&] {
    SqlTransaction tx(db_.get());
    if (!db_->QueryInt("SELECT id FROM ingest_runs WHERE id = ?", {run_id})) {
      return Status::NotFound(target_ + ": no ingest run " + std::to_string(run_id));
    }
    db_->Exec(
        "UPDATE ingest_runs SET finished_at = ?, files_seen = ?, files_new = ?, "
        "files_unchanged = ?, files_failed = ?, records_added = ?, checks_failed = ? WHERE id = ?",
        {NowUtc(), int64_t{s.files_seen}, int64_t{s.files_new}, int64_t{s.files_unchanged},
         int64_t{s.files_failed}, s.records_added, int64_t{s.checks_failed}, run_id});
    tx.Commit();
    return Status::Ok();
  });
}

Status Store::Quarantine(int64_t run_id, const std::string& path,
                         const std::optional<std::string>& sha256, const std::string& error) {
  return GuardStore(target_, "quarantine " + path, [&] {
    SqlTransaction tx(db_.get());
    int64_t id = db_->ReserveIds("quarantine", 1);
    db_->Exec(
        "INSERT INTO quarantine (id, run_id, path, sha256, error, quarantined_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {id, IdOrNull(run_id), path, SqlOpt(sha256), error, NowUtc()});
    tx.Commit();
    return Status::Ok();
  });
}

}  // namespace fuhua
