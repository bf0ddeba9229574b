// Lists stored as JSON text in a column (issuers, table headers, roles,
// notes): JSON is readable in both SQLite and PostgreSQL and by any client,
// where a side table per list would cost a join for nothing.
#ifndef FUHUA_STORE_JSON_TEXT_H_
#define FUHUA_STORE_JSON_TEXT_H_

#include <string>
#include <vector>

namespace fuhua {

// ["a","b"], UTF-8 kept as is. With `empty_as_null`, "" items become null
// (roles: null is "unknown", as in the JSON output).
std::string ToJsonStrings(const std::vector<std::string>& items, bool empty_as_null = false);

// The inverse; null items become "". Throws Poco::Exception on bad JSON
// (only the store writes these columns).
std::vector<std::string> FromJsonStrings(const std::string& json);

}  // namespace fuhua

#endif  // FUHUA_STORE_JSON_TEXT_H_
