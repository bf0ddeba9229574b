// RowBatch: inserts many rows per INSERT statement (one round trip per
// batch, which is what PostgreSQL pays for); the caller adds rows as value
// lists in the order of the column list and calls Flush() at the end.
//   RowBatch b(db, "entities", "id, kind, name");
//   b.Add({id, kind, name});
//   b.Flush();
#ifndef FUHUA_STORE_ROW_BATCH_H_
#define FUHUA_STORE_ROW_BATCH_H_

#include <bit>
#include <iterator>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "store/sql_session.h"

namespace fuhua {

// Rows per INSERT: 128 records x 38 columns stays far below both backends'
// parameter limits (SQLite 32766, PostgreSQL 65535). A power of two, so that
// a full batch is one of the chunk shapes below.
constexpr size_t kRowsPerStatement = 128;

// Appends values to a row one by one: an initializer list copies each of
// its values once more, and GCC 12 reports std::string members of the
// variants it holds as maybe uninitialized.
template <typename... T>
void AppendValues(std::vector<SqlValue>* row, T&&... values) {
  (row->emplace_back(std::forward<T>(values)), ...);
}

class RowBatch {
 public:
  RowBatch(SqlSession* db, std::string table, std::string columns)
      : db_(db), table_(std::move(table)), columns_(std::move(columns)) {}
  void Add(const std::vector<SqlValue>& row) { Add(std::vector<SqlValue>(row)); }
  // A row built for the batch (the usual case) is moved in: its text values
  // (names, JSON lists of cells) are not copied a second time.
  void Add(std::vector<SqlValue>&& row) {
    if (rows_ == 0) {
      width_ = row.size();
      values_.reserve(width_ * kRowsPerStatement);  // not regrown value by value
    }
    values_.insert(values_.end(), std::make_move_iterator(row.begin()),
                   std::make_move_iterator(row.end()));
    if (++rows_ == kRowsPerStatement) Flush();
  }
  // SQLite compiles a statement text once and keeps it (sqlite_statements.h);
  // a last batch of any row count would be a text of its own, compiled anew
  // for nearly every notice of a real corpus (13% of an ingest of 89 notices
  // whose tables differ in length). So SQLite gets the rows in chunks of a
  // power of two, largest first: at most eight statements a table, ever.
  // PostgreSQL pays a round trip per statement, so it gets one.
  void Flush() {
    const bool chunked = db_->dialect() == Dialect::kSqlite;
    for (size_t done = 0; done < rows_;) {
      const size_t n = chunked ? std::bit_floor(rows_ - done) : rows_ - done;
      std::span<const SqlValue> slice = std::span(values_).subspan(done * width_, n * width_);
      if (chunked)
        db_->ExecSlice(Kept(n), slice);
      else
        db_->ExecSlice(Text(n), slice);
      done += n;
    }
    values_.clear();
    rows_ = 0;
  }

 private:
  SqlSession* db_;
  std::string table_, columns_;
  // The INSERT of `n` rows.
  std::string Text(size_t n) const {
    std::string row = "(";
    for (size_t i = 0; i < width_; ++i) row += i ? ", ?" : "?";
    row += ")";
    std::string sql = "INSERT INTO " + table_ + " (" + columns_ + ") VALUES " + row;
    for (size_t i = 1; i < n; ++i) sql += ", " + row;
    return sql;
  }
  // The same, made once per process: SQLite's few chunk shapes (PostgreSQL's
  // any row count would keep up to 128 texts a table).
  const KeptSql& Kept(size_t n) const {
    return KeepSql(table_ + " (" + columns_ + ") " + std::to_string(width_) + "x" +
                       std::to_string(n),
                   [&] { return Text(n); });
  }

  std::vector<SqlValue> values_;
  size_t rows_ = 0;
  size_t width_ = 0;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_ROW_BATCH_H_
