// `fuhua extract --jobs N`: the bytes out (stdout, the errors on stderr, the
// exit code, and per-input files) are those of --jobs 1 whatever N, on the
// samples repeated past the extraction window, with unreadable inputs
// between them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::Fuhua;

// What `fuhua ARGS` writes on stderr (stdout dropped).
std::string StderrOf(const std::string& args) {
  std::string cmd = std::string(FUHUA_BINARY) + " " + args + " 2>&1 >/dev/null";
  std::string err;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) err.append(buf, n);
  pclose(p);
  return err;
}

class ExtractJobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fuhua_extract_jobs_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "empty.txt");
    std::ofstream(dir_ / "gbk.txt", std::ios::binary) << "\xb9\xd8\xd3\xda\n";
    std::vector<std::string> samples;
    for (const auto& e : fs::directory_iterator(testing::SourcePath("samples")))
      if (e.path().extension() == ".txt" || e.path().extension() == ".docx")
        samples.push_back(e.path().string());
    std::sort(samples.begin(), samples.end());
    // Three rounds: more inputs than two workers keep in flight (8).
    for (int round = 0; round < 3; ++round) {
      for (const std::string& s : samples) inputs_ += " " + s;
      inputs_ += " " + (dir_ / (round == 1 ? "gbk.txt" : "empty.txt")).string();
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
  std::string inputs_;
};

TEST_F(ExtractJobsTest, StdoutAndStderrAreTheSameForAnyNumberOfJobs) {
  for (const char* format : {"json", "jsonl"}) {
    SCOPED_TRACE(format);
    std::string args = std::string("extract --format ") + format + inputs_;
    CliRun one = Fuhua(args + " --jobs 1");
    std::string one_err = StderrOf(args + " --jobs 1");
    EXPECT_EQ(one.exit_code, 1);  // the empty and the GBK file
    EXPECT_NE(one.out.find("\"records\""), std::string::npos);
    EXPECT_NE(one_err.find("gbk.txt: invalid UTF-8"), std::string::npos) << one_err;
    for (const char* jobs : {"2", "3"}) {
      SCOPED_TRACE(std::string("--jobs ") + jobs);
      CliRun many = Fuhua(args + " --jobs " + jobs);
      EXPECT_EQ(many.exit_code, one.exit_code);
      EXPECT_TRUE(many.out == one.out) << "stdout differs from --jobs 1";
      EXPECT_EQ(StderrOf(args + " --jobs " + jobs), one_err);
    }
  }
}

TEST_F(ExtractJobsTest, FilesPerInputAreTheSameForAnyNumberOfJobs) {
  CliRun one = Fuhua("extract" + inputs_ + " --jobs 1 -o " + (dir_ / "one").string() + "/");
  CliRun two = Fuhua("extract" + inputs_ + " --jobs 2 -o " + (dir_ / "two").string() + "/");
  EXPECT_EQ(two.exit_code, one.exit_code);
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "one")) {
    SCOPED_TRACE(e.path().filename().string());
    ++files;
    EXPECT_TRUE(Slurp(e.path()) == Slurp(dir_ / "two" / e.path().filename()));
  }
  EXPECT_EQ(files, 10);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "two"), fs::directory_iterator()), files);
}

TEST_F(ExtractJobsTest, JobsMustBeAWholeNumberInRange) {
  for (const char* bad : {"0", "x", "2.5", "257"})
    EXPECT_EQ(Fuhua("extract --jobs " + std::string(bad) + inputs_).exit_code, 2) << bad;
}

}  // namespace
}  // namespace fuhua
