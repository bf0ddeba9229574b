// `fuhua export` and `fuhua extract --format xlsx|csv|datapackage` as a user
// runs them, each output opened by an independent reader: the workbook with
// openpyxl and LibreOffice (tests/check_xlsx.py), the data package with
// tests/check_datapackage.py, JSON and JSON Lines with python3-jsonschema.
// Also: byte-identical reruns, filters, and atomic replacement.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "exporters/atomic_file.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;
using testing::Fuhua;
using testing::SourcePath;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Python(const std::string& args) { return std::system(("/usr/bin/python3 " + args + " >&2").c_str()); }

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fuhua_export_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = " --db " + (dir_ / "s.db").string();
    ASSERT_EQ(Fuhua("ingest " + SourcePath("samples") + " --quiet" + db_).exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }
  int Export(const std::string& args) { return Fuhua("export " + args + db_).exit_code; }
  fs::path dir_;
  std::string db_;
};

TEST_F(ExportCliTest, WorkbookOpensInOpenpyxlAndLibreOffice) {
  fs::path x = dir_ / "fuhua.xlsx";
  ASSERT_EQ(Export("--format xlsx -o " + x.string()), 0);
  // samples/ holds each notice as .txt and .docx: 2 x 157 records.
  EXPECT_EQ(Python(SourcePath("tests/check_xlsx.py") + " " + x.string() +
                   " --records 314 --years 2021 --seed-values --libreoffice"),
            0);
  std::string first = Slurp(x);
  ASSERT_EQ(Export("--format xlsx -o " + x.string()), 0);
  EXPECT_EQ(Slurp(x), first) << "the same store must give a byte-identical workbook";
}

TEST_F(ExportCliTest, DataPackageValidatesAgainstItsTableSchemas) {
  fs::path p = dir_ / "package";
  ASSERT_EQ(Export("--format datapackage -o " + p.string()), 0);
  EXPECT_TRUE(fs::exists(p / "datapackage.json"));
  EXPECT_EQ(Python(SourcePath("tests/check_datapackage.py") + " " + p.string()), 0);
  std::string records = Slurp(p / "records.csv");
  ASSERT_EQ(Export("--format datapackage --excel-bom -o " + p.string()), 0);  // replaces the folder
  EXPECT_EQ(Slurp(p / "records.csv"), "\xEF\xBB\xBF" + records);
  EXPECT_EQ(Python(SourcePath("tests/check_datapackage.py") + " " + p.string()), 0);
}

TEST_F(ExportCliTest, JsonAndJsonlFollowTheirSchemas) {
  fs::path j = dir_ / "d.json", l = dir_ / "r.jsonl";
  ASSERT_EQ(Export("--format json -o " + j.string()), 0);
  ASSERT_EQ(Export("--format jsonl -o " + l.string()), 0);
  EXPECT_EQ(Python("-c \"import json,jsonschema,sys;jsonschema.validate(json.load(open(sys.argv[1])),"
                   "json.load(open(sys.argv[2])))\" " +
                   j.string() + " " + SourcePath("schemas/output/dataset.schema.json")),
            0);
  std::string lines = Slurp(l);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 314);
}

TEST_F(ExportCliTest, CsvAndFilters) {
  fs::path one = dir_ / "records.csv", all = dir_ / "tables";
  ASSERT_EQ(Export("--format csv --jurisdiction 内蒙古 --grade 优秀 -o " + one.string()), 0);
  std::string csv = Slurp(one);
  // Header + 2 renditions x (3 incubators + maker spaces rated 优秀) lines, all in 内蒙古.
  EXPECT_EQ(csv.find("重庆"), std::string::npos);
  EXPECT_NE(csv.find("内蒙古自治区国家大学科技园"), std::string::npos);
  EXPECT_EQ(csv.substr(0, 10), "record_id,");
  ASSERT_EQ(Export("--format csv -o " + all.string()), 0);
  for (const char* t : {"notices", "records", "entities", "transitions", "checks", "diagnostics"})
    EXPECT_TRUE(fs::exists(all / (std::string(t) + ".csv"))) << t;
  EXPECT_EQ(Export("--format xml -o x"), 2);
  EXPECT_EQ(Export("--format csv"), 2);
}

TEST_F(ExportCliTest, ExtractOffersTheDatasetFormatsWithoutAStore) {
  fs::path x = dir_ / "one.xlsx", p = dir_ / "one-package";
  std::string inputs = SourcePath("samples/chongqing_2021_municipal_incubation_base_grades.txt") + " " +
                       SourcePath("samples/inner_mongolia_2021_incubator_makerspace_results.txt");
  ASSERT_EQ(Fuhua("extract " + inputs + " --format xlsx -o " + x.string()).exit_code, 0);
  EXPECT_EQ(Python(SourcePath("tests/check_xlsx.py") + " " + x.string() + " --records 157 --years 2021 --seed-values"), 0);
  ASSERT_EQ(Fuhua("extract " + inputs + " --format datapackage -o " + p.string()).exit_code, 0);
  EXPECT_EQ(Python(SourcePath("tests/check_datapackage.py") + " " + p.string()), 0);
  EXPECT_EQ(Fuhua("extract " + inputs + " --format xlsx").exit_code, 2);  // needs -o
}

// A writer that fails half-way leaves the previous file untouched and no
// temporary file behind.
TEST(AtomicFile, FailedWriteKeepsThePreviousFile) {
  fs::path dir = fs::temp_directory_path() / ("fuhua_atomic_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path f = dir / "out.xlsx";
  ASSERT_TRUE(WriteFileAtomically(f.string(), "good").ok());
  Status st = WriteViaTempFile(f.string(), [](const std::string& temp) {
    std::ofstream(temp) << "half";
    return Status::IoError("interrupted");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(Slurp(f), "good");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  // A folder is replaced whole.
  fs::path pkg = dir / "pkg";
  ASSERT_TRUE(WriteFolderAtomically(pkg.string(), {{"a.csv", "1"}, {"b.csv", "2"}}).ok());
  ASSERT_TRUE(WriteFolderAtomically(pkg.string(), {{"a.csv", "3"}}).ok());
  EXPECT_EQ(Slurp(pkg / "a.csv"), "3");
  EXPECT_FALSE(fs::exists(pkg / "b.csv"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fuhua
