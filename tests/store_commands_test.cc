// The read-side store commands as a user runs them — link, compare, history —
// on a store ingested from seed 000 and its SYNTHETIC later years
// (tests/synthetic/): every transition asserted through `fuhua compare
// --format json`, which must also validate against its JSON Schema.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;
using testing::Fuhua;
using testing::SourcePath;

class StoreCommandsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("fuhua_store_cmd_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "in");
    for (const char* f : {"samples/chongqing_2021_municipal_incubation_base_grades.txt",
                          "tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt",
                          "tests/synthetic/chongqing_2023_SYNTHETIC_grades.txt"})
      fs::copy_file(SourcePath(f), dir_ / "in" / fs::path(f).filename());
    db_ = (dir_ / "store.db").string();
    ingest_ = Fuhua("ingest " + (dir_ / "in").string() + " --db " + db_ + " --quiet");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string Db() { return " --db " + db_; }

  static fs::path dir_;
  static std::string db_;
  static testing::CliRun ingest_;
};

fs::path StoreCommandsTest::dir_;
std::string StoreCommandsTest::db_;
testing::CliRun StoreCommandsTest::ingest_;

TEST_F(StoreCommandsTest, IngestLinksTheYears) {
  ASSERT_EQ(ingest_.exit_code, 0) << ingest_.out;
  EXPECT_NE(ingest_.out.find("linked 170 records: 58 carriers"), std::string::npos) << ingest_.out;
}

TEST_F(StoreCommandsTest, CompareJsonAssertsEveryTransition) {
  testing::CliRun r = Fuhua("compare --from 2021 --to 2022 --format json" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  Poco::JSON::Object::Ptr o = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Object::Ptr counts = o->getObject("counts");
  EXPECT_EQ(counts->getValue<int>("upgraded"), 1);
  EXPECT_EQ(counts->getValue<int>("downgraded"), 1);
  EXPECT_EQ(counts->getValue<int>("revoked"), 1);
  EXPECT_EQ(counts->getValue<int>("dropped"), 1);
  EXPECT_EQ(counts->getValue<int>("new"), 1);
  EXPECT_EQ(counts->getValue<int>("unchanged"), 53);
  EXPECT_EQ(o->getValue<int>("renamed"), 3);
  std::map<std::string, std::string> transition;
  Poco::JSON::Array::Ptr entities = o->getArray("entities");
  for (size_t i = 0; i < entities->size(); ++i) {
    Poco::JSON::Object::Ptr e = entities->getObject(static_cast<unsigned>(i));
    Poco::JSON::Object::Ptr side = e->isNull("from") ? e->getObject("to") : e->getObject("from");
    transition[side->getValue<std::string>("name")] = e->getValue<std::string>("transition");
  }
  EXPECT_EQ(transition["重庆微企梦工场"], "upgraded");
  EXPECT_EQ(transition["京东云（重庆）创业孵化基地"], "downgraded");
  EXPECT_EQ(transition["吉之汇农贸电商创业孵化基地"], "revoked");
  EXPECT_EQ(transition["芸山创业孵化基地"], "dropped");
  EXPECT_EQ(transition["重庆渝创科技孵化器有限责任公司"], "new");
  EXPECT_EQ(transition["D+M浪尖智造工场"], "unchanged");
  // The document validates against schemas/output/compare.schema.json.
  fs::path json = dir_ / "compare.json";
  std::ofstream(json) << r.out;
  std::string check = "/usr/bin/python3 -c \"import json,jsonschema,sys;"
                      "jsonschema.validate(json.load(open(sys.argv[1])),json.load(open(sys.argv[2])))\" " +
                      json.string() + " " + SourcePath("schemas/output/compare.schema.json");
  EXPECT_EQ(std::system(check.c_str()), 0);
}

TEST_F(StoreCommandsTest, CompareTableAndFilters) {
  testing::CliRun r = Fuhua("compare --from 2022 --to 2023 --jurisdiction 重庆" + Db());
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("compare 2022 -> 2023"), std::string::npos);
  EXPECT_NE(r.out.find("重庆渝创科技孵化器有限公司 (renamed)"), std::string::npos) << r.out;
  testing::CliRun none = Fuhua("compare --jurisdiction 内蒙古 --format json" + Db());
  EXPECT_NE(none.out.find("\"entities\": []"), std::string::npos) << none.out;
}

TEST_F(StoreCommandsTest, HistoryFindsAnyName) {
  // Written three ways across the years; any finds the one carrier.
  for (const char* name : {"重庆大地创业孵化基地", "重庆市大地创业孵化基地", "大地创业孵化基地"}) {
    testing::CliRun r = Fuhua(std::string("history ") + name + " --format json" + Db());
    ASSERT_EQ(r.exit_code, 0) << name;
    Poco::JSON::Array::Ptr a = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Array::Ptr>();
    ASSERT_EQ(a->size(), 1u) << name << r.out;
    EXPECT_EQ(a->getObject(0)->getArray("records")->size(), 3u) << name;
  }
  EXPECT_EQ(Fuhua("history 不存在的基地" + Db()).exit_code, 1);
}

TEST_F(StoreCommandsTest, RejectSplitsAndAcceptJoins) {
  testing::CliRun before = Fuhua("history 重庆市大地创业孵化基地 --format json" + Db());
  Poco::JSON::Array::Ptr a = Poco::JSON::Parser().parse(before.out).extract<Poco::JSON::Array::Ptr>();
  Poco::JSON::Array::Ptr records = a->getObject(0)->getArray("records");
  std::string first = std::to_string(records->getObject(0)->getValue<int64_t>("record_id"));
  std::string second = std::to_string(records->getObject(1)->getValue<int64_t>("record_id"));
  ASSERT_EQ(Fuhua("link --reject " + first + " " + second + " --by tester" + Db()).exit_code, 0);
  testing::CliRun split = Fuhua("history 大地创业孵化基地 --format json" + Db());
  EXPECT_EQ(Poco::JSON::Parser().parse(split.out).extract<Poco::JSON::Array::Ptr>()->size(), 2u) << split.out;
  // The decision survives a re-ingest (nothing changed: no relink needed) and a relink.
  EXPECT_EQ(Fuhua("ingest " + (dir_ / "in").string() + " --quiet" + Db()).exit_code, 0);
  EXPECT_EQ(Fuhua("link" + Db()).exit_code, 0);
  split = Fuhua("history 大地创业孵化基地 --format json" + Db());
  EXPECT_EQ(Poco::JSON::Parser().parse(split.out).extract<Poco::JSON::Array::Ptr>()->size(), 2u);
  ASSERT_EQ(Fuhua("link --accept " + first + " " + second + Db()).exit_code, 0);
  testing::CliRun joined = Fuhua("history 大地创业孵化基地 --format json" + Db());
  EXPECT_EQ(Poco::JSON::Parser().parse(joined.out).extract<Poco::JSON::Array::Ptr>()->size(), 1u);
  EXPECT_EQ(Fuhua("link --accept 999999 1" + Db()).exit_code, 1);
  EXPECT_EQ(Fuhua("link --accept 1" + Db()).exit_code, 2);
}

TEST_F(StoreCommandsTest, ReviewListsUncertainPairs) {
  testing::CliRun r = Fuhua("link --review" + Db());
  ASSERT_EQ(r.exit_code, 0);
  // 智酷 and 石柱 (name 0.75) are in each of the three years: one pair of
  // carriers to review, not one per pair of their records.
  EXPECT_NE(r.out.find("1 pair to review\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("智酷创业孵化基地"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("石柱土家族自治县创业孵化基地"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace fuhua

namespace fuhua {
namespace {

// A plan names a graded carrier: history shows the plan under the carrier.
TEST(HistoryCommand, ShowsThePlansThatNameTheCarrier) {
  fs::path dir = fs::temp_directory_path() / ("fuhua_history_plans_" + std::to_string(::getpid()));
  fs::create_directories(dir / "in");
  for (const char* f : {"samples/chongqing_2021_municipal_incubation_base_grades.txt",
                        "samples/dadukou_2022_carrier_upgrade_plan.txt"})
    fs::copy_file(SourcePath(f), dir / "in" / fs::path(f).filename());
  std::string db = " --db " + (dir / "store.db").string();
  ASSERT_EQ(Fuhua("ingest " + (dir / "in").string() + db + " --quiet").exit_code, 0);
  testing::CliRun r = Fuhua("history 重庆微企梦工场 --format json" + db);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  Poco::JSON::Array::Ptr a = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(a->size(), 1u) << r.out;
  Poco::JSON::Array::Ptr plans = a->getObject(0)->getArray("plans");
  ASSERT_EQ(plans->size(), 1u) << r.out;
  EXPECT_EQ(plans->getObject(0)->getValue<std::string>("name"), "微企梦工场（软件产业孵化园）");
  EXPECT_EQ(plans->getObject(0)->getValue<int>("year"), 2022);
  testing::CliRun table = Fuhua("history 重庆爱心惠创业孵化基地" + db);
  EXPECT_NE(table.out.find("named in plans:"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("爱心惠残众创空间"), std::string::npos) << table.out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fuhua
