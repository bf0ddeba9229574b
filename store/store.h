// Store: the consolidated dataset — every notice ingested, with its tables,
// records, checks and diagnostics, the ingest runs and the files that failed
// — in a SQLite file or a PostgreSQL database, through the same code.
//
//   std::unique_ptr<Store> store;
//   Status st = OpenStore("fuhua.db", &store);   // or "postgresql://u@host/db"
//   if (!st.ok()) return st;                      // names the target and the step
//   int64_t run;
//   store->BeginRun({"fuhua ingest notices/", "0.1.0"}, &run);
//   WriteResult w;
//   st = store->WriteNotice(notice, run, &w);     // all of the notice or nothing
//   store->FinishRun(run, summary);
//
// Every method returns a Status and never throws: database errors (Poco
// exceptions) become IoError statuses naming the target and the operation.
// A Store is one connection: use it from one thread (the single writer of an
// ingest). Several processes may open the same store; SQLite serialises them
// with its write lock (WAL mode, busy timeout), PostgreSQL with a row lock
// taken first in every write (see store/README.md).
#ifndef FUHUA_STORE_STORE_H_
#define FUHUA_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/notice.h"
#include "pipeline/status.h"
#include "store/identity_types.h"

namespace fuhua {

class SqlSession;
struct LinkRows;  // store/link_rows.h
class PreviousIds;
struct LinkNotices;
class SqlTransaction;
class WrittenLinkRows;  // store/link_rows.h
struct IdentityWrite;   // store/held_links.h

struct WriteResult {
  enum class Outcome {
    kInserted,    // first notice stored for this path
    kNewVersion,  // the path had other content: stored as a new version
    kUnchanged,   // the path's current notice has this sha256: nothing written
    kDuplicate,   // a current notice at another path has this sha256: nothing
                  // stored for this path (an older version here is retired)
  };
  Outcome outcome = Outcome::kInserted;
  int64_t notice_id = 0;              // the notice holding this content (an existing one
                                      // when unchanged or duplicate)
  int version = 0;                    // its version at its path
  std::optional<int64_t> superseded;  // the version this write retired
  int records_added = 0;
  int checks_failed = 0;
};
const char* OutcomeName(WriteResult::Outcome outcome);  // inserted | new_version | …

struct RunInfo {
  std::string command;  // what was run, for the record
  std::string fuhua_version;
};

struct RunSummary {
  int files_seen = 0;
  int files_new = 0;  // inserted or new version
  int files_unchanged = 0;
  int files_failed = 0;
  int64_t records_added = 0;
  int checks_failed = 0;
};

struct RunRow {
  int64_t id = 0;
  RunInfo info;
  std::string started_at;                  // ISO 8601 UTC
  std::optional<std::string> finished_at;  // none: running, or interrupted
  RunSummary summary;
};

struct QuarantineEntry {
  std::optional<int64_t> run_id;
  std::string path;
  std::optional<std::string> sha256;  // none when the file could not be read
  std::string error;
  std::string quarantined_at;  // ISO 8601 UTC
};

// One stored version of a notice. meta is as extracted (issuers, jurisdiction…).
struct NoticeRow {
  int64_t id = 0;
  std::string source_path;
  std::string sha256;
  int version = 0;
  std::optional<int64_t> superseded_by;  // none: the current version
  std::string format;
  NoticeMetadata meta;
  std::string ingested_at;
  std::optional<int64_t> ingest_run;
};

struct RecordFilter {
  std::optional<int64_t> notice_id;
  bool current_only = true;  // only records of current (not superseded) notices
  std::optional<std::string> carrier_type;
  std::optional<int> year;  // the notice's year
};

// A stored record with what later stages (linking, comparison, export) need
// of its notice. record is the GradeRecord as extracted, provenance included.
struct RecordRow {
  int64_t id = 0;
  int64_t notice_id = 0;
  std::string notice_sha256;
  std::string source_path;
  std::optional<int> year;
  std::optional<std::string> jurisdiction_code;
  std::optional<std::string> jurisdiction_name;
  GradeRecord record;
};

// A stored check or diagnostic with the notice it belongs to.
struct CheckRow {
  int64_t notice_id = 0;
  int index = 0;
  Check check;
};
struct DiagnosticRow {
  int64_t notice_id = 0;
  int index = 0;
  Diagnostic diagnostic;
};

// A table of a current notice as data (issue 7): its generic form with what
// a catalogue needs of its notice_tables row.
struct StoredTable {
  std::optional<std::string> annex;
  std::optional<std::string> caption;
  std::optional<std::string> carrier_type;
  DataTable data;
};

// The non-grade content of a current notice (issue 7) as stored: every
// table as data, the indicator systems and the plan tables.
struct NoticeContent {
  int64_t notice_id = 0;
  std::vector<StoredTable> tables;  // by table index
  std::vector<IndicatorSystem> indicator_systems;
  PlanTables plans;
};

struct StoreCounts {
  int64_t notices = 0;  // every version
  int64_t current_notices = 0;
  int64_t tables = 0;
  int64_t records = 0;  // every version
  int64_t current_records = 0;
  int64_t checks = 0;
  int64_t failed_checks = 0;
  int64_t diagnostics = 0;
  int64_t runs = 0;
  int64_t quarantined = 0;
};

class Store {
 public:
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& target() const { return target_; }  // password hidden
  // A second connection to the same store, for work on another thread (a
  // Store is one connection, used by one thread at a time). `one_pass`: it
  // will read the store through once (the plan links a relink makes beside
  // its members), so SQLite gives it a small page cache: the 8 MiB one filled
  // in a store of 10,000 notices and was 6 MiB of a relink's peak.
  Status OpenAnother(std::unique_ptr<Store>* out, bool one_pass = false) const;
  bool is_postgres() const;
  int schema_version() const { return schema_version_; }

  // Stores `notice` in one transaction, a savepoint inside a batch (see
  // WriteResult for the outcomes): a failure rolls back everything of this
  // notice and nothing else. run_id <= 0 records no run.
  Status WriteNotice(const Notice& notice, int64_t run_id, WriteResult* result);

  // A batch (ingest.cc): every write until CommitBatch is a savepoint in one
  // transaction, still all or nothing by itself, and one commit makes them
  // all durable. CommitBatch fails, storing nothing of the batch, when the
  // database lost the transaction (a full disk, a lost connection); it also
  // ends a batch whose commit failed, with a rollback.
  Status BeginBatch();
  Status CommitBatch();
  // SQLite: copies the write-ahead log of the writes so far into the
  // database on another thread while this store goes on (wal_checkpoint.h),
  // for a run with a core to spare. PostgreSQL: nothing.
  void CheckpointInBackground();
  // SQLite: from now on, the copies of the log that commits would make
  // themselves run on another thread (sql_session.h), for a run with a core
  // to spare. PostgreSQL: nothing.
  void CheckpointAfterCommitsInBackground();

  Status BeginRun(const RunInfo& info, int64_t* run_id);
  Status FinishRun(int64_t run_id, const RunSummary& summary);  // NotFound: no such run
  Status LoadRun(int64_t run_id, RunRow* run);                  // NotFound: no such run
  // Records a file that could not be read or stored; run_id <= 0: no run.
  Status Quarantine(int64_t run_id, const std::string& path,
                    const std::optional<std::string>& sha256, const std::string& error);
  // The quarantine list of one run (all runs when run_id <= 0), oldest first.
  Status LoadQuarantine(int64_t run_id, std::vector<QuarantineEntry>* entries);

  Status Count(StoreCounts* counts);
  Status CurrentNotices(std::vector<NoticeRow>* notices);  // by source path
  // The source path and sha256 of every current notice, and nothing else of
  // them (what an ingest skips files by: whole rows were ~3 KB a notice).
  Status CurrentFiles(std::vector<std::pair<std::string, std::string>>* path_sha256);
  // Every version stored for a path, oldest first.
  Status NoticeHistory(const std::string& source_path, std::vector<NoticeRow>* versions);
  // The current notice with this content, else the newest version that had
  // it; NotFound when it was never stored.
  Status FindNoticeBySha(const std::string& sha256, NoticeRow* notice);
  // Records matching `filter`, by id (notice order, then table and row).
  Status LoadRecords(const RecordFilter& filter, std::vector<RecordRow>* records);
  // Checks and diagnostics of the current notices, by notice id then index.
  Status LoadChecks(std::vector<CheckRow>* checks);
  Status LoadDiagnostics(std::vector<DiagnosticRow>* diagnostics);
  // Tables as data of the current notices, by notice id (table_data_read.cc);
  // notices with no table have no entry.
  Status LoadContent(std::vector<NoticeContent>* content);
  // The carriers the current notices' plan tables name, by notice id and
  // then as a notice lists them (its sites' carriers, its properties, its
  // targets' carriers, each by table and row), one `each` call a mention:
  // only the columns a relink links them by, read a window of notices at a
  // time, `window` notice ids a query (a store's mentions held at once were
  // ~10 KB a notice, the largest part of a relink's memory).
  Status ForEachPlanMention(const std::function<void(PlanMentionRow&&)>& each, int64_t window = 1000);

  // Identity (store/identity_store.cc). A relink brings the stored snapshot
  // to `snapshot` in one transaction, entities and members by difference
  // (identity_diff.h); decisions are kept across relinks and re-ingests.
  // The member rows are streamed, not held (a relink's largest part): `next`
  // fills the next one and returns false after the last; snapshot.members is
  // not read. `rest`, when given, runs once the members are written, before
  // the snapshot's reviews, relations and plan links are read: they may be
  // made meanwhile on another thread until it returns; a failure it returns
  // rolls the whole snapshot back. It runs before the members' entity index
  // is made again after a first relink, whose sort holds ~40 bytes a member:
  // the caller may free there what made the members.
  Status ReplaceIdentity(const IdentityWrite& snapshot,
                         const std::function<bool(MemberRow*)>& next,
                         const std::function<Status()>& rest = nullptr);
  Status LoadIdentity(IdentitySnapshot* snapshot);  // entities by id, members by record
  Status AddDecision(const DecisionRow& decision);  // replaces an earlier one on the pair
  Status LoadDecisions(std::vector<DecisionRow>* decisions);
  // What a relink reads (store/link_rows.cc): the linking slice of every
  // current record, by id, a notice that copies an earlier one folded into
  // it unless fold is false (link_rows.h NoticeFolder); the previous
  // snapshot's entity ids.
  Status LoadLinkRows(LinkRows* rows, bool fold = true);
  // The current notices as a relink needs them (link_rows.h LinkNotices),
  // read as only those columns, a window of ids at a time: whole NoticeRows,
  // ~3 KB a notice with what reading them held (heaptrack), were the peak
  // of a relink once its other parts had shrunk.
  Status LoadLinkNotices(LinkNotices* notices);
  // From now on keeps the link rows of the records WriteNotice writes
  // (link_rows.h: WrittenLinkRows), until LoadLinkRows takes them instead
  // of reading them back. Rolled-back notices and batches drop theirs.
  void KeepWrittenLinkRows();
  // `ids` is over the natural keys of `current`, the rows LoadLinkRows read:
  // the members of those records are found by record id, the others (of
  // notices superseded since) by their natural key.
  Status LoadPreviousIds(const LinkRows& current, PreviousIds* ids);

 private:
  friend Status OpenStore(const std::string& target, std::unique_ptr<Store>* out);
  Store(std::unique_ptr<SqlSession> db, std::string target, std::string opened_as,
        int schema_version);

  std::unique_ptr<SqlSession> db_;
  std::unique_ptr<SqlTransaction> batch_;  // open between BeginBatch and CommitBatch
  std::unique_ptr<WrittenLinkRows> written_;  // see KeepWrittenLinkRows
  size_t written_before_batch_ = 0;
  std::string target_;
  std::string opened_as_;  // the target as given, password and all: OpenAnother
  int schema_version_;
};

// Opens (creating on first use) the store at `target`: a file path for
// SQLite (its directory must exist) or a postgresql:// URL (the database must
// exist; see store_target.h for the URL forms). Applies missing migrations.
// Errors: InvalidInput (bad target), NotFound (no such directory),
// Unsupported (a store newer than this binary), IoError (connection or SQL).
Status OpenStore(const std::string& target, std::unique_ptr<Store>* out);

}  // namespace fuhua

#endif  // FUHUA_STORE_STORE_H_
