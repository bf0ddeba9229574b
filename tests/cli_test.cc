// The fuhua binary as a user runs it: exit codes, one-line errors naming the
// file for bad inputs (the other inputs are still processed), usage errors,
// and per-file output into a directory. The bad inputs are synthetic files
// written by the test itself.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::Fuhua;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fuhua_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

const std::string kSeed = testing::SourcePath("samples/chongqing_2021_municipal_incubation_base_grades.txt");

TEST_F(CliTest, EachBadInputGetsOneLineErrorAndTheRestIsProcessed) {
  struct Bad {
    std::string path;
    std::string says;
  };
  const Bad bad[] = {
      {(dir_ / "missing.txt").string(), "no such file"},
      {dir_.string(), "directory"},
      {Write("empty.txt", ""), "empty file"},
      {Write("binary.bin", std::string("\x7f" "ELF\0\0\x01", 7)), "binary"},
      {Write("gbk.txt", "\xb9\xd8\xd3\xda\n"), "invalid UTF-8 at byte 0 (line 1)"},
      {Write("legacy.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "legacy OLE"},
      {Write("fake.docx", "PK\x03\x04rest"), "truncated zip"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.path);
    CliRun r = Fuhua("extract --format jsonl " + b.path + " " + kSeed, true);
    EXPECT_EQ(r.exit_code, 1);
    std::string line = "fuhua: error: " + b.path + ": ";
    size_t at = r.out.find(line);
    ASSERT_NE(at, std::string::npos) << r.out;
    EXPECT_NE(r.out.find(b.says, at), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"records\""), std::string::npos) << "the good file was not processed";
  }
}

// The rule sets load on two threads at start-up (PreloadPipeline): a broken
// file on either side is still reported where it is used, naming the file,
// and never crashes or hangs the command. divisions.json feeds the gazetteer
// (its own thread), grades.json the rules (the main thread).
TEST_F(CliTest, ABrokenRuleFileIsReportedByTheCommandThatUsesIt) {
  for (const char* file : {"divisions.json", "grades.json"}) {
    SCOPED_TRACE(file);
    fs::path schemas = dir_ / (std::string("schemas_") + file);
    fs::create_directories(schemas);
    std::ofstream(schemas / file) << "{ \"broken\": ";
    CliRun x = Fuhua("extract --schemas " + schemas.string() + " " + kSeed, true);
    EXPECT_NE(x.exit_code, 0);
    EXPECT_NE(x.out.find(file), std::string::npos) << x.out;
    CliRun i = Fuhua("ingest --quiet --schemas " + schemas.string() + " --db " +
                         (dir_ / (std::string(file) + ".db")).string() + " " + kSeed,
                     true);
    EXPECT_NE(i.exit_code, 0);
    EXPECT_NE(i.out.find(file), std::string::npos) << i.out;
  }
}

TEST_F(CliTest, ErrorsAreListedInTheJsonOutput) {
  CliRun r = Fuhua("extract " + (dir_ / "missing.txt").string() + " " + kSeed);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"code\": \"not_found\""), std::string::npos);
  EXPECT_NE(r.out.find("\"sha256\""), std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Fuhua("").exit_code, 2);
  EXPECT_EQ(Fuhua("frobnicate").exit_code, 2);
  EXPECT_EQ(Fuhua("extract").exit_code, 2);
  EXPECT_EQ(Fuhua("extract --format xml " + kSeed).exit_code, 2);
  EXPECT_EQ(Fuhua("extract --bogus " + kSeed).exit_code, 2);
  EXPECT_EQ(Fuhua("inspect").exit_code, 2);
}

TEST_F(CliTest, HelpDocumentsEveryFlag) {
  CliRun top = Fuhua("--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("extract"), std::string::npos);
  EXPECT_NE(top.out.find("inspect"), std::string::npos);
  CliRun ex = Fuhua("extract --help");
  for (const char* flag : {"--format", "-o", "--schemas", "--quiet", "--include-deletions"})
    EXPECT_NE(ex.out.find(flag), std::string::npos) << flag;
}

TEST_F(CliTest, OutputDirectoryGetsOneFilePerInput) {
  std::string out = (dir_ / "out").string() + "/";
  CliRun r = Fuhua("extract " + kSeed + " " +
                testing::SourcePath("samples/dadukou_2022_carrier_upgrade_plan.txt") + " -o " + out);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "chongqing_2021_municipal_incubation_base_grades.txt.json"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "dadukou_2022_carrier_upgrade_plan.txt.json"));
}

TEST_F(CliTest, InspectShowsSpansRolesAndKind) {
  CliRun r = Fuhua("inspect " + testing::SourcePath("samples/dadukou_2022_carrier_upgrade_plan.txt"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("重庆小面电商产业园 ↓2*"), std::string::npos);
  EXPECT_NE(r.out.find("<licences_held>"), std::string::npos);
  EXPECT_NE(r.out.find("kind=other"), std::string::npos);
  EXPECT_NE(r.out.find("T 11: | 合计面积 →2*"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace fuhua
