// Writes one notice version — the notice row, its tables, records, checks and
// diagnostics (store/migrations/001_core.sql), then its tables as data
// (003_table_data.sql, table_data_insert.h) — as rows of the store's tables.
// The caller holds the transaction (store.cc: one per notice).
#ifndef FUHUA_STORE_NOTICE_INSERT_H_
#define FUHUA_STORE_NOTICE_INSERT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/notice.h"
#include "store/sql_session.h"

namespace fuhua {

struct NoticeVersion {
  int64_t id = 0;  // reserved by the caller from id_counters
  int version = 1;
  std::optional<int64_t> run_id;
  std::string ingested_at;
};

class WrittenLinkRows;  // store/link_rows.h

// Inserts everything of `notice` under `v.id`; returns the number of records.
// Throws Poco::Exception on a database error (the transaction then rolls back).
// `written`, when given, gets the link rows of the records written.
int InsertNotice(SqlSession* db, const Notice& notice, const NoticeVersion& v,
                 WrittenLinkRows* written = nullptr);

}  // namespace fuhua

#endif  // FUHUA_STORE_NOTICE_INSERT_H_
