// SqlSession over Poco::Data (see sql_session.h): connection set-up per
// backend, positional binding of SqlValue lists, typed reads of result cells,
// application-allocated ids and transactions. SQLite statements, writes and
// queries, go through prepared statements kept for reuse
// (sqlite_statements.h).
#include "store/sql_session.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <dlfcn.h>
#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "store/sqlite_statements.h"
#include "store/wal_checkpoint.h"

namespace fuhua {
namespace {

using Poco::Data::Keywords::now;

constexpr int kSqliteBusyTimeoutMs = 30000;
constexpr int kSqlitePageBytes = 16384;       // new stores (ConfigureSqlite)
constexpr int kSqliteWalBytes = 40 << 20;     // WAL size at which a checkpoint runs
constexpr int kSqliteCacheKiB = 8192;         // page cache of a connection (ConfigureSqlite)
constexpr int kSqliteOnePassCacheKiB = 1024;  // of one that reads the store once (UseSmallCache)

constexpr char kLost[] = "the database rolled back the whole transaction after an error inside it";

// Savepoints are named by depth, so each level rolls back to its own.
std::string Savepoint(int depth) { return "fuhua_savepoint_" + std::to_string(depth); }

// Loads Poco's PostgreSQL connector (FUHUA_POCO_POSTGRESQL_SO, the soname
// the build found) and registers it, once; throws when that fails, so the
// store reports it as it reports a server it cannot reach.
void RegisterPostgres() {
  static const std::string error = [] {
    void* lib = dlopen(FUHUA_POCO_POSTGRESQL_SO, RTLD_NOW | RTLD_GLOBAL);  // never closed
    if (!lib) return std::string(dlerror());
    // Poco::Data::PostgreSQL::Connector::registerConnector(), a static member.
    void* fn = dlsym(lib, "_ZN4Poco4Data10PostgreSQL9Connector17registerConnectorEv");
    if (!fn) return std::string(dlerror());
    reinterpret_cast<void (*)()>(fn)();
    return std::string();
  }();
  if (!error.empty())
    throw Poco::Data::DataException("cannot load PostgreSQL support (" +
                                    std::string(FUHUA_POCO_POSTGRESQL_SO) + "): " + error);
}

// Poco finds connectors by name in a process-wide registry. SQLite is set up
// first, before it initialises: every fuhua connection is used by one thread
// at a time (a second thread opens its own: Store::OpenAnother, the WAL
// checkpoint), so SQLite's per-connection mutexes ("serialized" mode) and its
// allocation statistics (a global mutex around every malloc) only cost: they
// were 580,000 lock/unlock pairs, ~2% of the instructions, in an ingest of 100
// .docx. Statement journals (a multi-row INSERT inside a notice's
// transaction) stay in memory (-1; a positive threshold would also be the
// size of each chunk they allocate) instead of spilling to a file past 64
// KiB, one created and deleted per large statement; temporary
// storage is otherwise SQLite's default, files (see ConfigureSqlite). Should
// SQLite already be initialised (another library in the process),
// sqlite3_config refuses and the safe defaults stay.
//
// The PostgreSQL connector is loaded only for a PostgreSQL store
// (RegisterPostgres): linked in, it brought libpq and the ~20 libraries libpq
// needs (Kerberos, LDAP, GnuTLS, p11-kit...) into every run, ~9 ms of CPU at
// each start-up of a program that mostly works on SQLite files.
const std::string& Registered(const StoreTarget& target) {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
    Poco::Data::SQLite::Connector::registerConnector();
  });
  if (target.dialect == Dialect::kPostgres) RegisterPostgres();
  return target.connector;
}

void Bind(Poco::Data::Statement* st, const SqlValue& v) {
  if (std::holds_alternative<int64_t>(v)) {
    st->addBind(Poco::Data::Keywords::bind(static_cast<Poco::Int64>(std::get<int64_t>(v))));
  } else if (std::optional<std::string_view> text = SqlTextOf(v)) {
    st->addBind(Poco::Data::Keywords::bind(std::string(*text)));  // bind() keeps a copy
  } else if (std::holds_alternative<double>(v)) {
    st->addBind(Poco::Data::Keywords::bind(std::get<double>(v)));
  } else {
    st->addBind(Poco::Data::Keywords::use(Poco::Data::Keywords::null));
  }
}

}  // namespace

std::string NowUtc() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

namespace {

// A SQLite cell as the Poco::Dynamic::Var that Poco's RecordSet would have
// made of it, for the conversions between storage classes (rare: a column
// is read as what it holds), so both paths convert alike.
Poco::Dynamic::Var AsVar(const SqliteResult& r, const SqliteResult::Cell& c) {
  if (c.type == SQLITE_INTEGER) return Poco::Int64{c.integer};
  if (c.type == SQLITE_FLOAT) return c.real;
  return std::string(r.text, static_cast<size_t>(c.integer), c.size);
}

}  // namespace

namespace {

// The buffers of the thread's last SQLite result, for its next query: a
// window of rows read (LoadLinkRows, the previous ids, the members) is
// ~100,000 cells, and grown from empty by doubling each time, reallocating
// and faulting in its pages were a fifth of a relink reading its rows
// (perf, fuhua link of 1,000 notices). Kept up to kMaxSpareBytes.
constexpr size_t kMaxSpareBytes = size_t{16} << 20;
thread_local std::unique_ptr<SqliteResult> t_spare;

std::unique_ptr<SqliteResult> SpareResult() {
  if (!t_spare) return std::make_unique<SqliteResult>();
  return std::move(t_spare);  // SqliteStatements::Query clears it
}

void KeepSpare(std::unique_ptr<SqliteResult> r) {
  const size_t bytes = r->cells.capacity() * sizeof(SqliteResult::Cell) + r->text.capacity();
  if (bytes <= kMaxSpareBytes && (!t_spare || t_spare->cells.capacity() < r->cells.capacity()))
    t_spare = std::move(r);
}

}  // namespace

SqlRows::SqlRows(const Poco::Data::Statement& statement)
    : rs_(std::make_unique<Poco::Data::RecordSet>(statement)) {}
SqlRows::SqlRows(std::unique_ptr<SqliteResult> result) : sqlite_(std::move(result)) {}
SqlRows::SqlRows(SqlRows&&) noexcept = default;
SqlRows& SqlRows::operator=(SqlRows&& other) noexcept {
  if (sqlite_) KeepSpare(std::move(sqlite_));
  rs_ = std::move(other.rs_);
  sqlite_ = std::move(other.sqlite_);
  row_ = other.row_;
  scratch_ = std::move(other.scratch_);
  return *this;
}
SqlRows::~SqlRows() {
  if (sqlite_) KeepSpare(std::move(sqlite_));
}

size_t SqlRows::size() const { return sqlite_ ? sqlite_->rows() : rs_->rowCount(); }

bool SqlRows::IsNull(size_t col) const {
  if (sqlite_) return sqlite_->At(static_cast<size_t>(row_), col).type == SQLITE_NULL;
  return rs_->isNull(col, static_cast<size_t>(row_));
}

std::optional<std::string> SqlRows::OptText(size_t col) const {
  if (IsNull(col)) return std::nullopt;
  if (!sqlite_) return rs_->value(col, static_cast<size_t>(row_)).convert<std::string>();
  const SqliteResult::Cell& c = sqlite_->At(static_cast<size_t>(row_), col);
  if (c.type == SQLITE_TEXT) return std::string(sqlite_->text, static_cast<size_t>(c.integer), c.size);
  return AsVar(*sqlite_, c).convert<std::string>();
}

std::optional<std::string_view> SqlRows::OptView(size_t col) const {
  if (sqlite_ && !IsNull(col)) {
    const SqliteResult::Cell& c = sqlite_->At(static_cast<size_t>(row_), col);
    if (c.type == SQLITE_TEXT)
      return std::string_view(sqlite_->text).substr(static_cast<size_t>(c.integer), c.size);
  }
  std::optional<std::string> text = OptText(col);
  if (!text) return std::nullopt;
  scratch_ = std::move(*text);
  return scratch_;
}

std::string SqlRows::Text(size_t col) const { return OptText(col).value_or(std::string()); }

int64_t SqlRows::Int(size_t col) const {
  if (IsNull(col)) return 0;
  if (!sqlite_) return rs_->value(col, static_cast<size_t>(row_)).convert<Poco::Int64>();
  const SqliteResult::Cell& c = sqlite_->At(static_cast<size_t>(row_), col);
  if (c.type == SQLITE_INTEGER) return c.integer;
  return AsVar(*sqlite_, c).convert<Poco::Int64>();
}

std::optional<int> SqlRows::OptInt(size_t col) const {
  if (IsNull(col)) return std::nullopt;
  if (!sqlite_) return rs_->value(col, static_cast<size_t>(row_)).convert<int>();
  const SqliteResult::Cell& c = sqlite_->At(static_cast<size_t>(row_), col);
  if (c.type != SQLITE_INTEGER) return AsVar(*sqlite_, c).convert<int>();
  // A value beyond int is refused, as Poco's conversion refuses it (a Var
  // here allocated for every integer read).
  if (c.integer > std::numeric_limits<int>::max()) throw Poco::RangeException("Value too large.");
  if (c.integer < std::numeric_limits<int>::min()) throw Poco::RangeException("Value too small.");
  return static_cast<int>(c.integer);
}

std::optional<double> SqlRows::OptDouble(size_t col) const {
  if (IsNull(col)) return std::nullopt;
  if (!sqlite_) return rs_->value(col, static_cast<size_t>(row_)).convert<double>();
  const SqliteResult::Cell& c = sqlite_->At(static_cast<size_t>(row_), col);
  if (c.type == SQLITE_FLOAT) return c.real;
  return AsVar(*sqlite_, c).convert<double>();
}

SqlSession::SqlSession(const StoreTarget& target)
    : dialect_(target.dialect), session_(Registered(target), target.connection) {
  if (dialect_ != Dialect::kSqlite) return;
  ConfigureSqlite();
  sqlite_ = std::make_unique<SqliteStatements>(Poco::Data::SQLite::Utility::dbHandle(session_));
  sqlite_path_ = target.connection;
}

SqlSession::~SqlSession() = default;

void SqlSession::ConfigureSqlite() {
  // 16 KiB pages for a new store (an existing file keeps the size it was made
  // with; the pragma is a no-op there). A notice writes ~250 rows into 15
  // tables: with SQLite's default 4 KiB every commit and checkpoint moved
  // four times as many pages, one pwrite or pread each. An ingest of 1,000
  // .docx copies: 38,200 -> 10,600 writes, 23,400 -> 7,700 reads, system
  // time -25% (6 alternating runs). Must come before WAL mode.
  session_ << "PRAGMA page_size=" + std::to_string(kSqlitePageBytes), now;
  // WAL: readers never block the writer and a crash mid-write loses at most
  // the open transaction. synchronous=NORMAL is durable enough in WAL mode
  // (a power cut may drop the last commits, never corrupt); a rerun redoes them.
  std::string mode;
  session_ << "PRAGMA journal_mode=WAL", Poco::Data::Keywords::into(mode), now;
  if (mode != "wal")
    throw Poco::Data::DataException("cannot switch to WAL mode (got " + mode + ")");
  int timeout = 0;
  session_ << "PRAGMA busy_timeout=" + std::to_string(kSqliteBusyTimeoutMs),
      Poco::Data::Keywords::into(timeout), now;
  session_ << "PRAGMA synchronous=NORMAL", now;
  session_ << "PRAGMA foreign_keys=ON", now;
  // Temporary storage stays SQLite's default, files: with temp_store=MEMORY
  // a sort never spills (SQLite then gives it no size to spill at), and the
  // one that makes the members' entity index after a store's first relink
  // held every entry, 395 MB for the 5.2 million members of 3,140,000
  // records, the peak of an ingest of 100,000 notices. Past the page cache's
  // size it now goes to a temporary file. Statement journals, which wanted
  // memory, keep it (SQLITE_CONFIG_STMTJRNL_SPILL, Registered).
  // Debian builds SQLite with secure delete on: every deleted row, freed page
  // and cleared temporary table is overwritten with zeros. The store holds
  // published notices, nothing to hide; a relink's deletes paid for it.
  session_ << "PRAGMA secure_delete=OFF", now;
  // The default page cache (2,000 KiB: 125 pages of 16 KiB) is smaller than
  // the pages one batch of notices dirties, so SQLite spilled pages to the
  // WAL mid-transaction and wrote them again at the commit, and read back
  // index pages it had just evicted. 8 MiB: an ingest of 1,000 .docx copies
  // 10,700 -> 8,400 pwrites, 6,600 -> 3,900 preads, CPU -3 to -4% (9
  // alternating runs); larger caches saved little more and cost their size
  // in resident memory.
  session_ << "PRAGMA cache_size=-" + std::to_string(kSqliteCacheKiB), now;
  // A checkpoint copies the WAL back into the database and syncs both. At
  // the default 1000 pages that came every few notices, copying the same
  // index pages again each time; 40 MiB of WAL (10,000 pages of 4 KiB) cut an
  // ingest's time by a tenth. Readers are unaffected; commits are as durable.
  // Counted in pages of this file's size: stores made before 16 KiB pages
  // keep 4 KiB ones.
  int page_bytes = 0;
  session_ << "PRAGMA page_size", Poco::Data::Keywords::into(page_bytes), now;
  wal_pages_ = kSqliteWalBytes / std::max(page_bytes, 512);
  session_ << "PRAGMA wal_autocheckpoint=" + std::to_string(wal_pages_), now;
}

void SqlSession::UseSmallCache() {
  if (dialect_ == Dialect::kSqlite) Exec("PRAGMA cache_size=-" + std::to_string(kSqliteOnePassCacheKiB));
}

void SqlSession::CheckpointInBackground() {
  if (dialect_ != Dialect::kSqlite) return;
  checkpoint_.reset();  // an earlier one finishes first
  checkpoint_ = std::make_unique<BackgroundCheckpoint>(sqlite_path_);
}

void SqlSession::CheckpointAfterCommitsInBackground() {
  if (dialect_ != Dialect::kSqlite || after_commits_) return;
  after_commits_ = std::make_unique<CheckpointsAfterCommits>(
      Poco::Data::SQLite::Utility::dbHandle(session_), sqlite_path_, wal_pages_);
}

Poco::Data::Statement SqlSession::Prepare(const std::string& sql,
                                          std::span<const SqlValue> values) {
  Poco::Data::Statement st(session_);
  st << WithPlaceholders(dialect_, sql);
  for (const SqlValue& v : values) Bind(&st, v);
  return st;
}

void SqlSession::Exec(const std::string& sql, const std::vector<SqlValue>& values) {
  ExecSlice(sql, values);
}

void SqlSession::ExecSlice(const std::string& sql, std::span<const SqlValue> values) {
  if (sqlite_ && sqlite_->Exec(sql, values)) return;
  Prepare(sql, values).execute();
}

void SqlSession::ExecSlice(const KeptSql& sql, std::span<const SqlValue> values) {
  if (sqlite_ && sqlite_->Exec(sql, values)) return;
  Prepare(sql.text(), values).execute();
}

const KeptSql& KeepSql(const std::string& key, const std::function<std::string()>& make) {
  static std::mutex mu;
  static auto* kept = new std::unordered_map<std::string, std::unique_ptr<KeptSql>>();
  std::lock_guard<std::mutex> lock(mu);
  std::unique_ptr<KeptSql>& k = (*kept)[key];
  if (!k) k.reset(new KeptSql(make()));
  return *k;
}

size_t SqlSession::statements_prepared() const { return sqlite_ ? sqlite_->prepared() : 0; }

SqlRows SqlSession::Query(const std::string& sql, const std::vector<SqlValue>& values) {
  if (sqlite_) {
    std::unique_ptr<SqliteResult> result = SpareResult();
    if (sqlite_->Query(sql, values, result.get())) return SqlRows(std::move(result));
    KeepSpare(std::move(result));
  }
  Poco::Data::Statement st = Prepare(sql, values);
  st.execute();
  return SqlRows(st);
}

std::optional<int64_t> SqlSession::QueryInt(const std::string& sql,
                                            const std::vector<SqlValue>& values) {
  std::optional<int64_t> value;
  if (sqlite_ && sqlite_->QueryInt(sql, values, &value)) return value;
  SqlRows rows = Query(sql, values);
  if (!rows.Next() || rows.IsNull(0)) return std::nullopt;
  return rows.Int(0);
}

int64_t SqlSession::ReserveIds(const std::string& counter, int64_t n) {
  Exec("UPDATE id_counters SET next_id = next_id + ? WHERE name = ?", {n, counter});
  std::optional<int64_t> next =
      QueryInt("SELECT next_id FROM id_counters WHERE name = ?", {counter});
  if (!next) throw Poco::NotFoundException("id counter '" + counter + "' missing");
  return *next - n;
}

void SqlSession::Begin() {
  if (lost_) throw Poco::Data::DataException(kLost);
  if (depth_ > 0) {
    Exec("SAVEPOINT " + Savepoint(depth_));
  } else if (dialect_ == Dialect::kSqlite) {
    Exec("BEGIN IMMEDIATE");
  } else {
    session_.begin();
  }
  ++depth_;
}

// depth_ changes only once the statement succeeded: a failed commit is then
// rolled back by the caller (SqlTransaction) at the same level.
void SqlSession::Commit() {
  if (depth_ == 0) throw Poco::InvalidAccessException("commit without a transaction");
  if (lost_) throw Poco::Data::DataException(kLost);
  if (depth_ > 1) {
    Exec("RELEASE " + Savepoint(depth_ - 1));
  } else if (dialect_ == Dialect::kSqlite) {
    Exec("COMMIT");
  } else {
    session_.commit();
  }
  --depth_;
}

void SqlSession::Rollback() {
  if (depth_ == 0) return;
  if (depth_ > 1) {
    const std::string savepoint = Savepoint(--depth_);
    try {
      Exec("ROLLBACK TO " + savepoint);
      Exec("RELEASE " + savepoint);
    } catch (...) {
      // The database already ended the whole transaction (SQLite does on a
      // full disk or an I/O error; a lost connection ends it on both), or
      // its state is unknown: what the enclosing levels wrote is gone, and
      // they must not commit as if it were not (Begin and Commit refuse
      // until the outermost level rolls back).
      lost_ = true;
      throw;
    }
    return;
  }
  depth_ = 0;
  lost_ = false;
  if (dialect_ == Dialect::kSqlite) {
    Exec("ROLLBACK");
  } else {
    session_.rollback();
  }
}

void SqlSession::LockForMigration() {
  if (dialect_ == Dialect::kPostgres) Exec("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
}

SqlTransaction::~SqlTransaction() {
  if (done_) return;
  try {
    db_->Rollback();
  } catch (const Poco::Exception&) {
    // The error that got us here is already on its way to the caller; a
    // failed rollback (e.g. a lost connection) ends the transaction anyway.
  }
}

void SqlTransaction::Commit() {
  db_->Commit();
  done_ = true;
}

void ForEachIdWindow(SqlSession* db, const std::string& table, const std::string& id, int64_t window,
                     const std::function<void(int64_t after, int64_t upto)>& fn) {
  std::optional<int64_t> first = db->QueryInt("SELECT MIN(" + id + ") FROM " + table);
  std::optional<int64_t> last = db->QueryInt("SELECT MAX(" + id + ") FROM " + table);
  if (!first || !last) return;
  for (int64_t after = *first - 1; after < *last; after += window) fn(after, after + window);
}

}  // namespace fuhua
