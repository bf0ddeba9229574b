// Applies the embedded migrations (see migrations.h). The check that needs
// no write (already current) runs outside any transaction, so opening an
// up-to-date store never takes the write lock.
#include "store/migrations.h"

#include <algorithm>

#include "store/embedded_migrations.h"
#include "store/sql_dialect.h"

namespace fuhua {
namespace {

int CurrentVersion(SqlSession* db) {
  return static_cast<int>(db->QueryInt("SELECT MAX(version) FROM schema_migrations").value_or(0));
}

Status RefuseNewer(const std::string& target, int version) {
  return Status::Unsupported(target + ": the store has schema version " + std::to_string(version) +
                             ", newer than this fuhua knows (" +
                             std::to_string(LatestSchemaVersion()) +
                             "); use a newer fuhua to open it");
}

void Apply(SqlSession* db, const EmbeddedMigration& m) {
  for (std::string& statement : SplitSqlScript(m.sql))
    db->Exec(ForDialect(db->dialect(), std::move(statement)));
  db->Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
           {int64_t{m.version}, std::string(m.name), NowUtc()});
}

}  // namespace

int LatestSchemaVersion() {
  int latest = 0;
  for (const EmbeddedMigration& m : kEmbeddedMigrations) latest = std::max(latest, m.version);
  return latest;
}

Status Migrate(SqlSession* db, const std::string& display_target, int* version) {
  db->Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  *version = CurrentVersion(db);
  if (*version > LatestSchemaVersion()) return RefuseNewer(display_target, *version);
  if (*version == LatestSchemaVersion()) return Status::Ok();
  SqlTransaction tx(db);
  db->LockForMigration();
  *version = CurrentVersion(db);  // another process may have migrated meanwhile
  if (*version > LatestSchemaVersion()) return RefuseNewer(display_target, *version);
  for (const EmbeddedMigration& m : kEmbeddedMigrations) {
    if (m.version > *version) Apply(db, m);
  }
  tx.Commit();
  *version = LatestSchemaVersion();
  return Status::Ok();
}

}  // namespace fuhua
