// The store's CHECK constraints on both backends. Lists of three or more
// allowed values are written as ORs (store/migrations/001_core.sql says
// why); this checks each still takes every allowed value and refuses
// anything else. Each row references a notice, record or entity that does
// not exist, so an allowed value gets as far as the foreign key (which
// both backends check after CHECK) and is refused there instead.
#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>

#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

struct CheckedColumn {
  std::string insert;  // one '?' placeholder: the checked value
  std::vector<std::string> allowed;
};

const std::string kMember =
    "INSERT INTO entity_members (entity_id, record_id, role, score_milli, reason, status) "
    "VALUES ('C999', 999, ";

const std::vector<CheckedColumn> kCheckedColumns = {
    {"INSERT INTO diagnostics (notice_id, diagnostic_index, severity, code, message) "
     "VALUES (999, 0, ?, 'c', 'm')",
     {"error", "warning", "info"}},
    {kMember + "?, 1000, 'r', 'auto')", {"carrier", "operator", "named_organisation"}},
    {kMember + "'carrier', 1000, 'r', ?)", {"auto", "accepted", "single"}},
    {"INSERT INTO data_rows (notice_id, table_index, position, row_index, kind, cells, "
     "derived) VALUES (999, 0, 0, 0, ?, '[]', '[]')",
     {"data", "total", "note"}},
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The error of inserting `value`, lower-cased; "" when it was stored.
std::string InsertError(SqlSession* db, const std::string& sql, const std::string& value) {
  try {
    db->Exec(sql, {value});
  } catch (const Poco::Exception& e) {
    return Lower(e.displayText());
  }
  return "";
}

class SchemaChecksTest : public StoreFixture {};

TEST_P(SchemaChecksTest, ListsTakeEveryAllowedValueAndRefuseOthers) {
  ASSERT_NE(Open(), nullptr);  // migrated
  std::unique_ptr<SqlSession> db = Raw();
  for (const CheckedColumn& c : kCheckedColumns) {
    for (const std::string& value : c.allowed) {
      std::string error = InsertError(db.get(), c.insert, value);
      EXPECT_NE(error.find("foreign key"), std::string::npos) << c.insert << " / " << value << ": " << error;
      EXPECT_EQ(error.find("check"), std::string::npos) << c.insert << " / " << value << ": " << error;
    }
    for (const std::string value : {"", "Error", "carriers", "other"}) {
      std::string error = InsertError(db.get(), c.insert, value);
      EXPECT_NE(error.find("check constraint"), std::string::npos)
          << c.insert << " / '" << value << "': " << error;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SchemaChecksTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace fuhua::testing
