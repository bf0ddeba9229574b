// SqlSession: the store's one connection to its database through
// Poco::Data, the same code for SQLite and PostgreSQL. Statements are written
// once with `?` placeholders (sql_dialect.h rewrites them for PostgreSQL) and
// values are bound by position from a list.
//   db.Exec("UPDATE notices SET superseded_by = ? WHERE id = ?", {new_id, old_id});
//   SqlRows rows = db.Query("SELECT id, title FROM notices WHERE sha256 = ?", {sha});
//   while (rows.Next()) use(rows.Int(0), rows.OptText(1));
// Internal to store/: methods throw Poco::Exception on database errors, and
// the Store API (store.cc) turns every exception into a Status.
#ifndef FUHUA_STORE_SQL_SESSION_H_
#define FUHUA_STORE_SQL_SESSION_H_

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/sql_dialect.h"
#include "store/store_target.h"

namespace fuhua {

// Now as ISO 8601 UTC with milliseconds (2024-05-01T08:30:00.123Z): the
// store's time format, text so both backends store and compare it alike.
std::string NowUtc();

// Text bound without a copy of it: the rows an ingest builds borrow the
// notice's own strings (names, keys, the source path every row repeats),
// which outlive the statements that write them. Copied into owned strings,
// twice each (an initializer list, then the row), they were ~2% of an ingest.
// Only from an lvalue (SqlRefOf): a temporary would be gone by the INSERT.
struct SqlRef {
  std::string_view text;
};

// A value bound to a placeholder: NULL, an integer, text (owned or
// borrowed) or a decimal.
using SqlValue = std::variant<std::monostate, int64_t, std::string, double, SqlRef>;

// The text of a text value, owned or borrowed; nullopt for the other kinds.
inline std::optional<std::string_view> SqlTextOf(const SqlValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* r = std::get_if<SqlRef>(&v)) return r->text;
  return std::nullopt;
}

inline SqlValue SqlNull() { return std::monostate(); }
inline SqlValue SqlOpt(const std::optional<std::string>& v) { return v ? SqlValue(*v) : SqlNull(); }
inline SqlValue SqlOpt(const std::optional<int>& v) {
  return v ? SqlValue(int64_t{*v}) : SqlNull();
}
inline SqlValue SqlOpt(const std::optional<double>& v) { return v ? SqlValue(*v) : SqlNull(); }
// NULL for "" (a field the model leaves empty when unknown).
inline SqlValue SqlNonEmpty(const std::string& v) { return v.empty() ? SqlNull() : SqlValue(v); }
// The borrowing forms of the above (see SqlRef).
inline SqlValue SqlRefOf(const std::string& v) { return SqlRef{v}; }
inline SqlValue SqlRefOpt(const std::optional<std::string>& v) {
  return v ? SqlValue(SqlRef{*v}) : SqlNull();
}
inline SqlValue SqlRefNonEmpty(const std::string& v) {
  return v.empty() ? SqlNull() : SqlValue(SqlRef{v});
}
// A name of the program's own (an enum's, a list's): static text.
inline SqlValue SqlStatic(const char* name) { return SqlRef{name}; }
SqlValue SqlRefOf(std::string&&) = delete;
SqlValue SqlRefOpt(std::optional<std::string>&&) = delete;
SqlValue SqlRefNonEmpty(std::string&&) = delete;
// NULL below `floor` (Where uses 0 and -1 for "unknown").
inline SqlValue SqlAtLeast(int v, int floor) {
  return v < floor ? SqlNull() : SqlValue(int64_t{v});
}

struct SqliteResult;

// A statement text kept for the life of the process (KeepSql), so that the
// SQLite statement cache knows it by its address. RowBatch's INSERTs run to
// 128 rows of up to 38 values, ~15 KB of text: made, hashed and compared at
// every use, that was ~2% of an ingest.
class KeptSql {
 public:
  const std::string& text() const { return text_; }

 private:
  friend const KeptSql& KeepSql(const std::string& key, const std::function<std::string()>& make);
  explicit KeptSql(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

// The text kept under `key` (short: say a table and a row count), made by
// `make` on the first call for that key. Thread-safe; never freed.
const KeptSql& KeepSql(const std::string& key, const std::function<std::string()>& make);

// The rows of a query, all fetched. Columns are read by position. On
// PostgreSQL they come from Poco's RecordSet; on SQLite straight from the
// connection (SqliteResult), read with the same conversions.
class SqlRows {
 public:
  explicit SqlRows(const Poco::Data::Statement& statement);
  explicit SqlRows(std::unique_ptr<SqliteResult> result);
  SqlRows(SqlRows&&) noexcept;
  SqlRows& operator=(SqlRows&&) noexcept;
  ~SqlRows();
  // Moves to the next row (the first on the first call); false at the end.
  bool Next() { return ++row_ < static_cast<long>(size()); }
  void Rewind() { row_ = -1; }  // Next then reads the first row again
  size_t size() const;
  bool IsNull(size_t col) const;
  std::string Text(size_t col) const;  // "" when NULL
  std::optional<std::string> OptText(size_t col) const;
  // The text without a copy (SQLite: a view into the rows, valid as long as
  // they are). On PostgreSQL a converted copy: valid until the next call.
  std::optional<std::string_view> OptView(size_t col) const;
  int64_t Int(size_t col) const;  // 0 when NULL
  std::optional<int> OptInt(size_t col) const;
  std::optional<double> OptDouble(size_t col) const;

 private:
  std::unique_ptr<Poco::Data::RecordSet> rs_;  // one of these two
  std::unique_ptr<SqliteResult> sqlite_;
  long row_ = -1;
  mutable std::string scratch_;  // PostgreSQL: what OptView last returned
};

class SqliteStatements;
class BackgroundCheckpoint;
class CheckpointsAfterCommits;

class SqlSession {
 public:
  // Connects; for SQLite also turns on WAL, a busy timeout, foreign keys,
  // in-memory temporary storage, an 8 MiB page cache and a longer
  // checkpoint interval.
  explicit SqlSession(const StoreTarget& target);
  ~SqlSession();

  Dialect dialect() const { return dialect_; }
  void Exec(const std::string& sql, const std::vector<SqlValue>& values = {});
  // Exec with a slice of a longer value list (RowBatch's chunks).
  void ExecSlice(const std::string& sql, std::span<const SqlValue> values);
  void ExecSlice(const KeptSql& sql, std::span<const SqlValue> values);
  SqlRows Query(const std::string& sql, const std::vector<SqlValue>& values = {});
  // First column of the first row; nullopt when there is no row or it is NULL.
  std::optional<int64_t> QueryInt(const std::string& sql, const std::vector<SqlValue>& values = {});

  // Takes `n` consecutive ids from the id_counters row `counter` and returns
  // the first. Inside a transaction; the row lock it takes serialises writers.
  int64_t ReserveIds(const std::string& counter, int64_t n);

  // A write transaction. SQLite: BEGIN IMMEDIATE, so the write lock is taken
  // up front (waiting up to the busy timeout) instead of failing on upgrade.
  // Inside another one it is a savepoint: it commits or rolls back alone,
  // and only the outermost commit makes it durable (ingest batches).
  void Begin();
  void Commit();
  void Rollback();
  // Blocks other migrators until the transaction ends (PostgreSQL: table
  // lock; SQLite: BEGIN IMMEDIATE already holds the only write lock).
  void LockForMigration();

  // SQLite: starts copying the write-ahead log into the database on another
  // thread (wal_checkpoint.h) while this connection goes on; the session
  // waits for it before it closes. PostgreSQL: nothing.
  void CheckpointInBackground();
  // SQLite: from now on, a commit that fills the log to the checkpoint size
  // starts that copy on another thread instead of making it inside the
  // commit (wal_checkpoint.h CheckpointsAfterCommits). PostgreSQL: nothing.
  void CheckpointAfterCommitsInBackground();

  // SQLite: a page cache of 1 MiB instead of 8, for a connection that reads
  // the store through once: a single pass reuses no page. PostgreSQL: nothing.
  void UseSmallCache();

  // SQLite: statements compiled so far on this connection (the statement
  // cache's misses); PostgreSQL: 0.
  size_t statements_prepared() const;

 private:
  Poco::Data::Statement Prepare(const std::string& sql, std::span<const SqlValue> values);
  void ConfigureSqlite();

  Dialect dialect_;
  Poco::Data::Session session_;
  int depth_ = 0;      // open transactions: the outermost, then savepoints
  bool lost_ = false;  // a savepoint could not be rolled back: see Rollback()
  // SQLite only: Exec and QueryInt run on statements prepared once (see
  // sqlite_statements.h). Declared after session_, so they are finalised
  // before the connection closes.
  std::unique_ptr<SqliteStatements> sqlite_;
  std::string sqlite_path_;
  int wal_pages_ = 0;  // the log's size at which a checkpoint runs
  // Declared last: joined first, while the connection is still open.
  std::unique_ptr<CheckpointsAfterCommits> after_commits_;
  std::unique_ptr<BackgroundCheckpoint> checkpoint_;
};

// Calls `fn` with consecutive windows (after, upto] of `window` `id` values
// that cover every row of `table` (MIN and MAX come from its index). Poco's
// RecordSet, and SqlRows, hold a whole result in memory: a query per window
// bounds what a read of a large store holds at once.
void ForEachIdWindow(SqlSession* db, const std::string& table, const std::string& id,
                     int64_t window, const std::function<void(int64_t after, int64_t upto)>& fn);

// Rolls back on destruction unless Commit() was called, so an early return
// or an exception never leaves half a notice.
class SqlTransaction {
 public:
  explicit SqlTransaction(SqlSession* db) : db_(db) { db_->Begin(); }
  ~SqlTransaction();
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  void Commit();

 private:
  SqlSession* db_;
  bool done_ = false;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_SQL_SESSION_H_
