// The Excel workbook (exporters/xlsx_workbook.h) built from a store of the
// real seeds (samples/*.txt), and of the seeds plus the SYNTHETIC later years
// of seed 000 (tests/synthetic/): written twice to byte-identical files, then
// opened by independent readers — openpyxl and LibreOffice headless — in
// tests/check_xlsx.py (sheets, headers, frozen panes, autofilter, values,
// the grade list validation, the chart, the dictionary). Also: a failure
// names the file and the step, an empty export still makes a workbook, and
// CJK text counts double for column widths.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exporters/xlsx_book.h"
#include "exporters/xlsx_workbook.h"
#include "store/dataset.h"
#include "store/identity.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> SampleTexts() {
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(testing::SourcePath("samples"))) {
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fuhua_xlsx_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Extracts `files`, stores them in a fresh SQLite store, relinks, and
  // builds the export set from it — the path `fuhua export` takes.
  ExportSet BuildFrom(const std::vector<std::string>& files) {
    std::unique_ptr<Store> store;
    Status st = OpenStore((dir_ / "s.db").string(), &store);
    EXPECT_TRUE(st.ok()) << st.ToString();
    for (const std::string& f : files) {
      Notice n;
      st = ExtractFile(f, &n);
      EXPECT_TRUE(st.ok()) << st.ToString();
      WriteResult w;
      st = store->WriteNotice(n, 0, &w);
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
    RelinkReport r;
    EXPECT_TRUE(RelinkStore(store.get(), &r).ok());
    Dataset d;
    EXPECT_TRUE(LoadDataset(store.get(), &d).ok());
    ExportSet set;
    st = BuildExportSet(d, {}, &set);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return set;
  }

  // Writes the workbook twice and checks the two files are byte-identical.
  std::string WriteTwice(const ExportSet& set) {
    const std::string a = (dir_ / "a.xlsx").string(), b = (dir_ / "b.xlsx").string();
    Status st = WriteWorkbook(set, a);
    EXPECT_TRUE(st.ok()) << st.ToString();
    st = WriteWorkbook(set, b);
    EXPECT_TRUE(st.ok()) << st.ToString();
    const std::string bytes = ReadAll(a);
    EXPECT_GT(bytes.size(), 1000u);
    EXPECT_TRUE(bytes == ReadAll(b)) << "the same ExportSet gave different files";
    return a;
  }

  // Runs tests/check_xlsx.py on `path`; its exit code.
  static int Check(const std::string& path, const ExportSet& set, const std::string& extra) {
    std::string cmd = "/usr/bin/python3 " + testing::SourcePath("tests/check_xlsx.py") + " '" +
                      path + "' --records " + std::to_string(set.records.rows.size()) + " " + extra;
    return std::system(cmd.c_str());
  }

  fs::path dir_;
};

TEST_F(XlsxTest, SeedsWorkbookIsDeterministicAndReadable) {
  ExportSet set = BuildFrom(SampleTexts());
  ASSERT_EQ(set.years, std::vector<int>{2021});  // one year: no matrix, the chart only
  const std::string path = WriteTwice(set);
  EXPECT_EQ(Check(path, set, "--years 2021 --seed-values --libreoffice"), 0);
}

TEST_F(XlsxTest, ComparisonAcrossYears) {
  std::vector<std::string> files = SampleTexts();
  files.push_back(testing::SourcePath("tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt"));
  files.push_back(testing::SourcePath("tests/synthetic/chongqing_2023_SYNTHETIC_grades.txt"));
  ExportSet set = BuildFrom(files);
  ASSERT_EQ(set.years, (std::vector<int>{2021, 2022, 2023}));
  const std::string path = WriteTwice(set);
  EXPECT_EQ(Check(path, set, "--years 2021,2022,2023 --seed-values"), 0);
}

TEST_F(XlsxTest, EmptyExportStillMakesAWorkbook) {
  ExportSet set = BuildFrom({});
  ASSERT_TRUE(set.records.rows.empty());
  const std::string path = WriteTwice(set);
  EXPECT_EQ(Check(path, set, "--years ''"), 0);
}

// Cells Excel would misread or refuse: a name that looks like a formula stays
// text, invalid UTF-8 is replaced, text over Excel's cell limit is cut, a
// control character is kept (escaped as _x0001_, which openpyxl 3.0 does not
// unescape); the workbook still opens.
TEST_F(XlsxTest, AwkwardTextStaysText) {
  ExportSet set = BuildFrom({});
  std::vector<ExportCell> row(set.records.columns.size());
  row[static_cast<size_t>(set.records.Col("record_id"))] = int64_t{1};
  row[static_cast<size_t>(set.records.Col("name"))] = std::string("=SUM(A1:A9)");
  row[static_cast<size_t>(set.records.Col("operator"))] = std::string("bad \xff byte\x01");
  row[static_cast<size_t>(set.records.Col("remark"))] = std::string(40000, 'x');
  row[static_cast<size_t>(set.records.Col("grade"))] = set.grades.front();
  set.records.rows.push_back(row);
  const std::string path = WriteTwice(set);
  ASSERT_EQ(Check(path, set, "--years '' --libreoffice"), 0);
  const std::string script =
      "import openpyxl, sys\n"
      "ws = openpyxl.load_workbook(sys.argv[1])['Records']\n"
      "h = [c.value for c in ws[1]]\n"
      "v = dict(zip(h, [c for c in ws[2]]))\n"
      "name, op, remark = v['名称 name'], v['运营机构 operator'], v['备注 remark']\n"
      "assert name.value == '=SUM(A1:A9)' and name.data_type == 's', name.value\n"
      "assert op.value in ('bad \\ufffd byte\\x01', 'bad \\ufffd byte_x0001_'), repr(op.value)\n"
      "assert len(remark.value) == 32001 and remark.value.endswith('\\u2026'), len(remark.value)\n";
  std::ofstream(dir_ / "awkward.py") << script;
  const std::string cmd = "/usr/bin/python3 '" + (dir_ / "awkward.py").string() + "' '" + path + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST_F(XlsxTest, FailureNamesTheFileAndTheStep) {
  ExportSet set = BuildFrom({});
  const std::string path = (dir_ / "no_such_dir" / "x.xlsx").string();
  Status st = WriteWorkbook(set, path);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIoError) << st.ToString();
  EXPECT_NE(st.message().find(path), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("closing the workbook"), std::string::npos) << st.message();
  EXPECT_FALSE(fs::exists(path));

  WorkbookOptions bad;
  bad.created = 0;  // libxlsxwriter would stamp the current time
  EXPECT_EQ(WriteWorkbook(set, (dir_ / "y.xlsx").string(), bad).code(),
            Status::Code::kInvalidInput);
}

TEST_F(XlsxTest, WideCharactersCountDouble) {
  EXPECT_EQ(ExcelTextWidth("abc"), 3);
  EXPECT_EQ(ExcelTextWidth("重庆微企梦工场"), 14);
  EXPECT_EQ(ExcelTextWidth("渝人社〔2021〕415号"), 2 + 2 + 2 + 2 + 4 + 2 + 3 + 2);
  EXPECT_EQ(ExcelTextWidth("ab\n重庆"), 4);  // the longest line
  EXPECT_EQ(ExcelTextWidth(""), 0);
}

}  // namespace
}  // namespace fuhua
