// SqliteStatements: the SQLite statements of one connection, prepared once
// and kept for reuse, keyed by their SQL text. Poco::Data prepares every
// Statement afresh, and for the store's multi-row INSERTs (up to 100 rows of
// 38 values) parsing costs more than running: it was a third of the ingest
// writer's time. Queries come back as a SqliteResult, read straight from
// sqlite3_column_*: Poco's RecordSet made a Dynamic::Var of every cell, which
// was most of what reading the records to link cost. Internal to SqlSession
// (sql_session.h), which sends its SQLite statements here.
//   SqliteStatements cache(handle);
//   cache.Exec("UPDATE notices SET superseded_by = ? WHERE id = ?", {new_id, old_id});
// A statement is reset after every use, so none holds a read lock between
// calls; SQLite re-prepares it by itself after a schema change (migrations).
// The cache keeps the kCapacity most recently used statements: a batch of
// each row count is a statement of its own, which is why RowBatch sends
// SQLite only a few row counts (row_batch.h). Errors throw Poco::Exception
// (Poco's SQLite mapping of result codes), like the rest of SqlSession.
#ifndef FUHUA_STORE_SQLITE_STATEMENTS_H_
#define FUHUA_STORE_SQLITE_STATEMENTS_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql_session.h"

namespace fuhua {

// Every row of a query, fetched: one Cell per column per row, text in one
// buffer. Cells keep SQLite's storage class; SqlRows (sql_session.cc) reads
// them with the conversions Poco's RecordSet made.
struct SqliteResult {
  struct Cell {
    int type = SQLITE_NULL;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT (also BLOB) or SQLITE_NULL
    int64_t integer = 0;     // INTEGER; for TEXT the offset into `text`
    double real = 0;         // FLOAT
    size_t size = 0;         // TEXT: its length in bytes
  };
  size_t columns = 0;
  std::vector<Cell> cells;  // row by row
  std::string text;
  size_t rows() const { return columns == 0 ? 0 : cells.size() / columns; }
  const Cell& At(size_t row, size_t col) const { return cells[row * columns + col]; }
};

class SqliteStatements {
 public:
  // Every store table's batch shapes (row_batch.h: at most eight a table)
  // and the store's other statements fit.
  static constexpr size_t kCapacity = 256;

  explicit SqliteStatements(sqlite3* db) : db_(db) {}
  ~SqliteStatements();
  SqliteStatements(const SqliteStatements&) = delete;
  SqliteStatements& operator=(const SqliteStatements&) = delete;

  // Runs `sql` with `values` bound by position, stepping past any rows it
  // returns. False, with nothing run, when `sql` is not exactly one
  // statement: the caller runs it another way.
  bool Exec(const std::string& sql, std::span<const SqlValue> values);
  // The same, the statement found by the text's address (sql_session.h).
  bool Exec(const KeptSql& sql, std::span<const SqlValue> values);
  // The first column of the first row as an integer (nullopt: no row, or
  // NULL); false as for Exec.
  bool QueryInt(const std::string& sql, const std::vector<SqlValue>& values,
                std::optional<int64_t>* out);
  // Every row `sql` returns; false as for Exec.
  bool Query(const std::string& sql, const std::vector<SqlValue>& values, SqliteResult* out);
  // How many statements were compiled (cache misses), for tests and figures.
  size_t prepared() const { return prepared_; }

 private:
  struct Entry {
    sqlite3_stmt* statement = nullptr;
    uint64_t last_use = 0;
    const KeptSql* kept = nullptr;  // its entry in by_address_, if any
  };
  // The prepared statement for `sql`; nullptr when `sql` is not exactly one
  // statement.
  sqlite3_stmt* Prepared(const std::string& sql);
  sqlite3_stmt* Prepared(const KeptSql& sql);
  bool Run(sqlite3_stmt* statement, std::span<const SqlValue> values);
  void EvictOldest();
  // Steps once; true on a row, false when done; throws on an error.
  bool Step(sqlite3_stmt* statement);

  sqlite3* db_;
  std::unordered_map<std::string, Entry> cache_;
  // Kept texts' entries of cache_ (element pointers survive rehashing).
  std::unordered_map<const KeptSql*, std::pair<const std::string, Entry>*> by_address_;
  uint64_t uses_ = 0;
  size_t prepared_ = 0;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_SQLITE_STATEMENTS_H_
