// Store plumbing that needs no database: store targets and PostgreSQL URL
// translation, placeholder rewriting, migration script splitting, JSON lists.
#include "store/store_target.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <optional>
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

TEST(StoreJson, ObjectsAreWrittenAsPocoWritesThem) {
  const std::vector<std::string> texts = {"国家级\"众创/空间\\", "a\x01\n", ""};
  Poco::JSON::Array objects;
  std::string mine = "[";
  for (size_t i = 0; i < texts.size(); ++i) {
    std::optional<std::string_view> level;
    if (i != 1) level = "省级";
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("text", texts[i]);
    o.set("level", level ? Poco::Dynamic::Var(std::string(*level)) : Poco::Dynamic::Var());
    o.set("carrier_type", Poco::Dynamic::Var());
    objects.add(o);
    if (i) mine += ",";
    AppendJsonObject({{"text", texts[i]}, {"level", level}, {"carrier_type", std::nullopt}}, &mine);
  }
  EXPECT_EQ(mine + "]", PocoJson(objects));
}

// The lists as Poco reads them, or its error: what FromJsonStrings and
// FromJsonInts gave before they read flat JSON themselves.
std::string PocoRead(const std::string& json, bool ints) {
  try {
    Poco::JSON::Parser parser;
    Poco::JSON::Array::Ptr a = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
    std::string out;
    for (size_t i = 0; i < a->size(); ++i) {
      auto at = static_cast<unsigned>(i);
      out += (ints ? std::to_string(a->getElement<int>(at))
                   : a->isNull(at) ? std::string() : a->getElement<std::string>(at)) + "|";
    }
    return out;
  } catch (const Poco::Exception&) {
    return "error";
  }
}

std::string OursRead(const std::string& json, bool ints) {
  try {
    std::string out;
    if (ints) {
      for (int v : FromJsonInts(json)) out += std::to_string(v) + "|";
    } else {
      for (const std::string& s : FromJsonStrings(json)) out += s + "|";
    }
    return out;
  } catch (const Poco::Exception&) {
    return "error";
  }
}

// Every list the store writes, and the JSON it does not (whitespace, \u and
// \/ escapes, numbers that are not ints, broken syntax), reads as Poco read it.
TEST(StoreJson, ListsReadAsPocoReadsThem) {
  std::vector<std::string> strings = {
      ToJsonStrings({"重庆市", "a\"b\\c\nd", "", "\t序号\x01\x1f", "/路/"}),
      ToJsonStrings({"seq", ""}, /*empty_as_null=*/true),
      "[]", " [ ] ", "[ \"a\" , null ,\"b\" ]\n", "[\"\\u91cd\\u5e86\"]",
      "[\"\\ud83d\\ude00\"]", "[\"a\\/b\"]", "[\"a\"", "[\"a\",]", "[\"a\"] x",
      "[\"\\q\"]", "[\"\\u00e9\\u0000z\\u4E00\"]", "[\"\\u12\"]", "[\"\\uD800\"]", "[1]", "[[\"a\"]]", "{}", "", "[\"a\x01\"]", "[nul]"};
  for (const std::string& json : strings)
    EXPECT_EQ(OursRead(json, false), PocoRead(json, false)) << json;
  std::vector<std::string> ints = {
      ToJsonInts({0, 7, -3, 2147483647, -2147483647 - 1}), ToJsonInts({}), " [ 1 , 2 ] ",
      "[01]", "[-0]", "[1.5]", "[1e3]", "[+1]", "[2147483648]", "[1,]", "[\"1\"]", "[1] 2", "[-]"};
  for (const std::string& json : ints)
    EXPECT_EQ(OursRead(json, true), PocoRead(json, true)) << json;
  // What the store writes is read without Poco.
  auto any = [](FlatJson* j) {
    std::string s;
    int v = 0;
    return j->Null() || j->String(&s) || j->Int(&v);
  };
  for (const std::string& json : {strings[0], strings[1], ints[0], ints[1]})
    EXPECT_TRUE(ReadFlatList(json, any)) << json;
  EXPECT_FALSE(ReadFlatList(strings[6], any));  // a surrogate pair: Poco's
}

}  // namespace
}  // namespace fuhua
