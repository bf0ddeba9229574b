// Rows -> the data model: the column lists to SELECT for notices and records
// and the readers that turn one result row back into a NoticeRow or
// RecordRow (the inverse of notice_insert.cc).
#ifndef FUHUA_STORE_NOTICE_READ_H_
#define FUHUA_STORE_NOTICE_READ_H_

#include "store/sql_session.h"
#include "store/store.h"

namespace fuhua {

// Columns of `notices` (alias n) in the order ReadNotice expects.
extern const char* const kNoticeColumns;
// Columns of `records` (alias r) joined with its notice (alias n), in the
// order ReadRecord expects.
extern const char* const kRecordColumns;

// Columns of `checks` / `diagnostics` (alias c), in the order their readers expect.
extern const char* const kCheckColumns;
extern const char* const kDiagnosticColumns;

// Reads the current row of `rows`. Throw Poco::Exception on a malformed value.
NoticeRow ReadNotice(const SqlRows& rows);
RecordRow ReadRecord(const SqlRows& rows);
CheckRow ReadCheck(const SqlRows& rows);
DiagnosticRow ReadDiagnostic(const SqlRows& rows);

}  // namespace fuhua

#endif  // FUHUA_STORE_NOTICE_READ_H_
