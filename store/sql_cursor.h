// SqlCursor: reads the columns of a result row left to right, so a reader
// and its SELECT column list stay in step (store/notice_read.cc,
// store/table_data_read.cc). NULL comes back as the model's "unknown":
// nullopt, "", 0 or the fallback given.
#ifndef FUHUA_STORE_SQL_CURSOR_H_
#define FUHUA_STORE_SQL_CURSOR_H_

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql_session.h"

namespace fuhua {

class SqlCursor {
 public:
  // Starts at column `first` (1 when column 0 is a key the caller read itself).
  explicit SqlCursor(const SqlRows& rows, size_t first = 0) : rows_(rows), col_(first) {}
  bool NextIsNull() const { return rows_.IsNull(col_); }
  std::string Text() { return rows_.Text(col_++); }
  std::optional<std::string> OptText() { return rows_.OptText(col_++); }
  std::optional<std::string_view> OptView() { return rows_.OptView(col_++); }  // see SqlRows
  size_t column() const { return col_; }  // the next one read
  int64_t Int() { return rows_.Int(col_++); }
  int IntOr(int fallback) { return rows_.OptInt(col_++).value_or(fallback); }
  std::optional<int> OptInt() { return rows_.OptInt(col_++); }
  std::optional<double> OptDouble() { return rows_.OptDouble(col_++); }
  std::optional<int64_t> OptId() {
    bool null = rows_.IsNull(col_);
    int64_t v = rows_.Int(col_++);
    return null ? std::nullopt : std::optional<int64_t>(v);
  }

 private:
  const SqlRows& rows_;
  size_t col_;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_SQL_CURSOR_H_
