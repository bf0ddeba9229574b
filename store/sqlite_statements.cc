// SqliteStatements (see sqlite_statements.h): a small least-recently-used
// cache of prepared statements over the SQLite C API, with positional
// binding of SqlValue lists.
#include "store/sqlite_statements.h"

#include <Poco/Data/SQLite/Utility.h>

#include <cctype>
#include <variant>

namespace fuhua {
namespace {

using Poco::Data::SQLite::Utility;

// Ends every use of a statement, also by an exception: resets it (releasing
// its read state) and drops its bindings, which point into the caller's
// values without a copy (SQLITE_STATIC) and must not outlive them.
class EndOfUse {
 public:
  explicit EndOfUse(sqlite3_stmt* statement) : statement_(statement) {}
  ~EndOfUse() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  EndOfUse(const EndOfUse&) = delete;
  EndOfUse& operator=(const EndOfUse&) = delete;

 private:
  sqlite3_stmt* statement_;
};

void Check(sqlite3* db, int rc) {
  if (rc != SQLITE_OK) Utility::throwException(db, rc);
}

// Same storage classes as Poco's SQLite binder: integer, text, real, NULL.
void BindAll(sqlite3* db, sqlite3_stmt* statement, std::span<const SqlValue> values) {
  for (size_t i = 0; i < values.size(); ++i) {
    const int pos = static_cast<int>(i) + 1;
    const SqlValue& v = values[i];
    if (const auto* n = std::get_if<int64_t>(&v)) {
      Check(db, sqlite3_bind_int64(statement, pos, *n));
    } else if (std::optional<std::string_view> s = SqlTextOf(v)) {
      Check(db, sqlite3_bind_text(statement, pos, s->data(), static_cast<int>(s->size()),
                                  SQLITE_STATIC));
    } else if (const auto* d = std::get_if<double>(&v)) {
      Check(db, sqlite3_bind_double(statement, pos, *d));
    } else {
      Check(db, sqlite3_bind_null(statement, pos));
    }
  }
}

void ReadRow(sqlite3_stmt* statement, SqliteResult* out) {
  for (size_t col = 0; col < out->columns; ++col) {
    const int c = static_cast<int>(col);
    SqliteResult::Cell cell;
    cell.type = sqlite3_column_type(statement, c);
    if (cell.type == SQLITE_INTEGER) {
      cell.integer = sqlite3_column_int64(statement, c);
    } else if (cell.type == SQLITE_FLOAT) {
      cell.real = sqlite3_column_double(statement, c);
    } else if (cell.type != SQLITE_NULL) {  // TEXT, or a BLOB read as its bytes (as Poco does)
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, c));
      cell.type = SQLITE_TEXT;
      cell.size = static_cast<size_t>(sqlite3_column_bytes(statement, c));
      cell.integer = static_cast<int64_t>(out->text.size());
      if (bytes) out->text.append(bytes, cell.size);
    }
    out->cells.push_back(cell);
  }
}

bool OnlySpace(const char* p) {
  for (; *p; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p))) return false;
  return true;
}

}  // namespace

SqliteStatements::~SqliteStatements() {
  for (auto& [sql, entry] : cache_) sqlite3_finalize(entry.statement);
}

bool SqliteStatements::Exec(const std::string& sql, std::span<const SqlValue> values) {
  return Run(Prepared(sql), values);
}

bool SqliteStatements::Exec(const KeptSql& sql, std::span<const SqlValue> values) {
  return Run(Prepared(sql), values);
}

bool SqliteStatements::Run(sqlite3_stmt* statement, std::span<const SqlValue> values) {
  if (!statement) return false;
  EndOfUse end(statement);
  BindAll(db_, statement, values);
  while (Step(statement)) {
  }
  return true;
}

bool SqliteStatements::QueryInt(const std::string& sql, const std::vector<SqlValue>& values,
                                std::optional<int64_t>* out) {
  sqlite3_stmt* statement = Prepared(sql);
  if (!statement) return false;
  EndOfUse end(statement);
  BindAll(db_, statement, values);
  *out = std::nullopt;
  if (Step(statement) && sqlite3_column_type(statement, 0) != SQLITE_NULL)
    *out = sqlite3_column_int64(statement, 0);
  return true;
}

bool SqliteStatements::Query(const std::string& sql, const std::vector<SqlValue>& values,
                             SqliteResult* out) {
  sqlite3_stmt* statement = Prepared(sql);
  if (!statement) return false;
  EndOfUse end(statement);
  BindAll(db_, statement, values);
  out->cells.clear();  // a result reused keeps its buffers (SqlSession::Query)
  out->text.clear();
  out->columns = static_cast<size_t>(sqlite3_column_count(statement));
  while (Step(statement)) ReadRow(statement, out);
  return true;
}

sqlite3_stmt* SqliteStatements::Prepared(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second.last_use = ++uses_;
    return it->second.statement;
  }
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1,
                              SQLITE_PREPARE_PERSISTENT, &statement, &tail);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(statement);
    Utility::throwException(db_, rc, sql);
  }
  if (!statement || (tail && !OnlySpace(tail))) {  // empty, or a script
    sqlite3_finalize(statement);
    return nullptr;
  }
  ++prepared_;
  if (cache_.size() >= kCapacity) EvictOldest();
  cache_.emplace(sql, Entry{statement, ++uses_});
  return statement;
}

sqlite3_stmt* SqliteStatements::Prepared(const KeptSql& sql) {
  auto known = by_address_.find(&sql);
  if (known != by_address_.end()) {
    known->second->second.last_use = ++uses_;
    return known->second->second.statement;
  }
  sqlite3_stmt* statement = Prepared(sql.text());
  if (statement) {
    auto& entry = *cache_.find(sql.text());
    if (entry.second.kept) by_address_.erase(entry.second.kept);  // one address a text
    entry.second.kept = &sql;
    by_address_[&sql] = &entry;
  }
  return statement;
}

void SqliteStatements::EvictOldest() {
  auto oldest = cache_.begin();
  for (auto it = cache_.begin(); it != cache_.end(); ++it)
    if (it->second.last_use < oldest->second.last_use) oldest = it;
  sqlite3_finalize(oldest->second.statement);
  if (oldest->second.kept) by_address_.erase(oldest->second.kept);
  cache_.erase(oldest);
}

bool SqliteStatements::Step(sqlite3_stmt* statement) {
  int rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) Utility::throwException(db_, rc);
  return false;
}

}  // namespace fuhua
