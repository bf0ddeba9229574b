// What differs between the SQL the store sends to SQLite and to PostgreSQL,
// kept to the minimum: placeholder syntax, and the type of a table's own id.
// Statements are written once with `?` placeholders; PostgreSQL (through
// Poco's libpq binding) wants $1, $2…
// Also splits a migration script into statements, since libpq prepares one
// statement at a time.
#ifndef FUHUA_STORE_SQL_DIALECT_H_
#define FUHUA_STORE_SQL_DIALECT_H_

#include <string>
#include <string_view>
#include <vector>

namespace fuhua {

enum class Dialect { kSqlite, kPostgres };

// `sql` with each `?` outside quoted text turned into the dialect's
// placeholder: unchanged for SQLite, $1, $2… in order for PostgreSQL.
std::string WithPlaceholders(Dialect dialect, std::string_view sql);

// A migration statement for `dialect`. For SQLite, `BIGINT PRIMARY KEY`
// becomes `INTEGER PRIMARY KEY`: only that spelling makes the id the table's
// rowid, so a notice or record is stored in one b-tree instead of two (the
// rows plus a separate index of their ids, updated on every insert and
// searched before every lookup by id). Same values, same 64-bit range; an
// SQLite store made before this keeps its layout and works as before.
std::string ForDialect(Dialect dialect, std::string statement);

// The statements of a script, in order: `--` comments dropped, split on `;`
// outside quoted text, blank statements skipped.
std::vector<std::string> SplitSqlScript(std::string_view script);

}  // namespace fuhua

#endif  // FUHUA_STORE_SQL_DIALECT_H_
