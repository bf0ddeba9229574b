// Store plumbing that needs no database: store targets and PostgreSQL URL
// translation, placeholder rewriting, migration script splitting, JSON lists.
#include "store/store_target.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <sstream>

#include "store/json_text.h"
#include "store/sql_dialect.h"

namespace fuhua {
namespace {

TEST(StoreTarget, APathIsSqliteAndAUrlIsPostgres) {
  StoreTarget t;
  ASSERT_TRUE(ParseStoreTarget("out/fuhua.db", &t).ok());
  EXPECT_EQ(t.dialect, Dialect::kSqlite);
  EXPECT_EQ(t.connection, "out/fuhua.db");
  ASSERT_TRUE(ParseStoreTarget("postgresql://u:secret@db.example:5433/fuhua", &t).ok());
  EXPECT_EQ(t.dialect, Dialect::kPostgres);
  EXPECT_EQ(t.connector, "PostgreSQL");
  EXPECT_EQ(t.display, "postgresql://u:***@db.example:5433/fuhua");
  EXPECT_EQ(ParseStoreTarget("", &t).code(), Status::Code::kInvalidInput);
}

struct UrlCase {
  const char* url;
  const char* conninfo;  // nullptr: refused
};

TEST(StoreTarget, PostgresUrlsBecomeLibpqKeyValues) {
  const UrlCase cases[] = {
      {"postgresql://u@h:5432/db",
       "connect_timeout='10' dbname='db' host='h' "
       "options='--client_min_messages=warning' port='5432' user='u'"},
      {"postgres://h/db",
       "connect_timeout='10' dbname='db' host='h' "
       "options='--client_min_messages=warning'"},
      {"postgresql://postgres@%2Ftmp%2Fpg.x:5433/t",
       "connect_timeout='10' dbname='t' "
       "host='/tmp/pg.x' "
       "options='--client_min_messages=warning' "
       "port='5433' user='postgres'"},
      {"postgresql://postgres@%2Ftmp%2Fpg%20x:5433/t", nullptr},  // Poco splits on spaces
      {"postgresql://u:p%27w@[::1]:6000/db?sslmode=require&connect_timeout=3",
       "connect_timeout='3' dbname='db' host='::1' options='--client_min_messages=warning' "
       "password='p\\'w' port='6000' sslmode='require' user='u'"},
      {"postgresql:///db?host=/var/run/postgresql",
       "connect_timeout='10' dbname='db' host='/var/run/postgresql' "
       "options='--client_min_messages=warning'"},
      {"postgresql://h/db?bad%key=1", nullptr},
      {"postgresql://h/d%zzb", nullptr},
      {"postgresql://a:1,b:2/db", nullptr},
  };
  for (const UrlCase& c : cases) {
    std::string conninfo;
    Status st = PostgresUrlToConninfo(c.url, &conninfo);
    if (!c.conninfo) {
      EXPECT_FALSE(st.ok()) << c.url;
      continue;
    }
    ASSERT_TRUE(st.ok()) << c.url << ": " << st.ToString();
    EXPECT_EQ(conninfo, c.conninfo) << c.url;
  }
}

TEST(StoreSql, PlaceholdersAreNumberedForPostgresOutsideQuotes) {
  const char* sql = "SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ?";
  EXPECT_EQ(WithPlaceholders(Dialect::kSqlite, sql), sql);
  EXPECT_EQ(WithPlaceholders(Dialect::kPostgres, sql),
            "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b = $2");
}

TEST(StoreSql, SqliteIdsBecomeRowidsAndPostgresKeepsBigint) {
  const std::string ddl =
      "CREATE TABLE a (id BIGINT PRIMARY KEY, b BIGINT NOT NULL, c BIGINT PRIMARY KEY)";
  EXPECT_EQ(ForDialect(Dialect::kSqlite, ddl),
            "CREATE TABLE a (id INTEGER PRIMARY KEY, b BIGINT NOT NULL, c INTEGER PRIMARY KEY)");
  EXPECT_EQ(ForDialect(Dialect::kPostgres, ddl), ddl);
}

TEST(StoreSql, ScriptsSplitOnSemicolonsOutsideQuotesAndComments) {
  const char* script =
      "-- header; not a statement\n"
      "CREATE TABLE a (x TEXT); -- trailing; comment\n"
      "INSERT INTO a VALUES ('x;y');\n"
      "\n;\n"
      "INSERT INTO a VALUES ('it''s')";
  std::vector<std::string> want = {"CREATE TABLE a (x TEXT)", "INSERT INTO a VALUES ('x;y')",
                                   "INSERT INTO a VALUES ('it''s')"};
  EXPECT_EQ(SplitSqlScript(script), want);
}

TEST(StoreJson, StringListsRoundTripWithUnicodeAndNulls) {
  std::vector<std::string> items = {"重庆市人力资源和社会保障局", "a\"b\\c\nd", ""};
  std::string json = ToJsonStrings(items);
  EXPECT_NE(json.find("重庆市"), std::string::npos) << json;  // UTF-8 kept, not \u-escaped
  EXPECT_EQ(FromJsonStrings(json), items);
  EXPECT_EQ(ToJsonStrings({"seq", ""}, /*empty_as_null=*/true), "[\"seq\",null]");
  EXPECT_EQ(FromJsonStrings("[\"seq\",null]"), (std::vector<std::string>{"seq", ""}));
}

// The hand-written lists are byte for byte what Poco's stringify writes (the
// store's columns were Poco's before), escapes at either end of a run too.
std::string PocoJson(const Poco::JSON::Array& a) {
  std::ostringstream out;
  a.stringify(out);
  return out.str();
}

TEST(StoreJson, ListsAreWrittenAsPocoWritesThem) {
  std::vector<std::string> items = {"",         "\"",   "x\\",          "\t序号\n",
                                    "a\x01b\x1f", "/路/", "重庆\r两江\f\b", std::string("\0z", 2)};
  Poco::JSON::Array strings;
  for (const std::string& s : items) strings.add(s);
  EXPECT_EQ(ToJsonStrings(items), PocoJson(strings));
  std::vector<int> ints = {0, 7, -3, 2147483647, -2147483647 - 1};
  Poco::JSON::Array numbers;
  for (int v : ints) numbers.add(v);
  EXPECT_EQ(ToJsonInts(ints), PocoJson(numbers));
  EXPECT_EQ(ToJsonInts({}), "[]");
}

}  // namespace
}  // namespace fuhua
