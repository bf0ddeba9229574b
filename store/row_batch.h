// RowBatch: inserts many rows per INSERT statement (one round trip per
// batch, which is what PostgreSQL pays for); the caller adds rows as value
// lists in the order of the column list and calls Flush() at the end.
//   RowBatch b(db, "entities", "id, kind, name");
//   b.Add({id, kind, name});
//   b.Flush();
#ifndef FUHUA_STORE_ROW_BATCH_H_
#define FUHUA_STORE_ROW_BATCH_H_

#include <iterator>
#include <string>
#include <vector>

#include "store/sql_session.h"

namespace fuhua {

// Rows per INSERT: 100 records x 38 columns stays far below both backends'
// parameter limits (SQLite 32766, PostgreSQL 65535).
constexpr int kRowsPerStatement = 100;

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
  void Flush() {
    if (rows_ == 0) return;
    std::string row = "(";
    for (size_t i = 0; i < width_; ++i) row += i ? ", ?" : "?";
    row += ")";
    std::string sql = "INSERT INTO " + table_ + " (" + columns_ + ") VALUES " + row;
    for (int i = 1; i < rows_; ++i) sql += ", " + row;
    db_->Exec(sql, values_);
    values_.clear();
    rows_ = 0;
  }

 private:
  SqlSession* db_;
  std::string table_, columns_;
  std::vector<SqlValue> values_;
  int rows_ = 0;
  size_t width_ = 0;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_ROW_BATCH_H_
