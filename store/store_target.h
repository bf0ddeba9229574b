// Where a store lives, from the string a user gives (`--db`):
//   notices.db, /data/fuhua.sqlite           -> a SQLite file
//   postgresql://user:pw@host:5432/db?k=v    -> a PostgreSQL database
//   postgresql://postgres@%2Ftmp%2Fpg:5433/db   (host = a unix socket directory)
// Poco's PostgreSQL connector takes libpq's key=value form (it appends
// `connect_timeout=` to the string, which a URL cannot take), so URLs are
// translated here.
#ifndef FUHUA_STORE_STORE_TARGET_H_
#define FUHUA_STORE_STORE_TARGET_H_

#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "store/sql_dialect.h"

namespace fuhua {

struct StoreTarget {
  Dialect dialect = Dialect::kSqlite;
  std::string connector;   // Poco::Data connector: "SQLite" or "PostgreSQL"
  std::string connection;  // the file path, or libpq's key='value' string
  std::string display;     // for messages: the path, or the URL with the password hidden
};

// Classifies `target`: a postgresql:// or postgres:// URL, else a file path.
// InvalidInput for an empty target or a malformed URL.
Status ParseStoreTarget(const std::string& target, StoreTarget* out);

// postgresql://[user[:password]@][host][:port][/dbname][?key=value&…] to
// libpq's "key='value' …". Percent-escapes are decoded (a host starting with
// '/' after decoding is a socket directory). Adds
// options='--client_min_messages=warning' (libpq would print NOTICEs on
// stderr) and connect_timeout=10 unless the URL sets them. A value with a
// space is refused (Unsupported): Poco splits the string on spaces; such a
// value (a password, say) can come from libpq's PG* environment variables.
Status PostgresUrlToConninfo(std::string_view url, std::string* conninfo);

// The URL with its password replaced by "***", for messages and logs.
std::string RedactPostgresUrl(std::string_view url);

}  // namespace fuhua

#endif  // FUHUA_STORE_STORE_TARGET_H_
