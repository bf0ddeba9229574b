// Schema versions of the store. The SQL lives in store/migrations/NNN_name.sql
// and is embedded into the binary at build time (tools/embed_migrations.cmake).
// Each version applied is a row of schema_migrations(version, name, applied_at).
#ifndef FUHUA_STORE_MIGRATIONS_H_
#define FUHUA_STORE_MIGRATIONS_H_

#include <string>

#include "pipeline/status.h"
#include "store/sql_session.h"

namespace fuhua {

// The newest schema version this binary knows.
int LatestSchemaVersion();

// Brings the database up to LatestSchemaVersion(): every missing migration
// runs in one transaction with its schema_migrations rows, so a failure (or a
// kill) leaves the previous version intact. A database at a newer version
// than this binary knows is refused (Unsupported) and left untouched.
// `*version` is the version after the call. Database errors throw
// Poco::Exception (the caller converts them).
Status Migrate(SqlSession* db, const std::string& display_target, int* version);

}  // namespace fuhua

#endif  // FUHUA_STORE_MIGRATIONS_H_
