// Writes the non-grade content of one notice version — every table's generic
// form, the indicator systems and the plan tables (issue 7) — as rows of
// store/migrations/003_table_data.sql. Called by InsertNotice inside the
// notice's transaction; throws Poco::Exception on a database error.
#ifndef FUHUA_STORE_TABLE_DATA_INSERT_H_
#define FUHUA_STORE_TABLE_DATA_INSERT_H_

#include <cstdint>

#include "pipeline/notice.h"
#include "store/sql_session.h"

namespace fuhua {

void InsertTableData(SqlSession* db, int64_t notice_id, const Notice& notice);

}  // namespace fuhua

#endif  // FUHUA_STORE_TABLE_DATA_INSERT_H_
