// The table renderers: CSV (exporters/csv_writer.h), the JSON document and
// JSON Lines (exporters/table_json.h) and the Frictionless data package
// (exporters/datapackage.h). Unit cases on hand-built tables (quoting, cell
// text, BOM, JSON shape, the Table Schema derived from the columns), then the
// real path: samples/*.txt and the SYNTHETIC later years -> a SQLite store ->
// BuildExportSet -> every format, rendered twice (byte-identical), the JSON
// validated against schemas/output/ with python3-jsonschema and the package
// with tests/check_datapackage.py (which must also reject broken copies).
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

#include "exporters/csv_writer.h"
#include "exporters/datapackage.h"
#include "exporters/table_json.h"
#include "store/dataset.h"
#include "store/identity.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ParseObject(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
}

// Two small related tables with a column of every type; the rest are empty.
ExportSet HandSet() {
  ExportSet s;
  s.notices = {"notices", "Notices", "One row per notice.", {}, {"notice_id"}, {}, {}};
  s.notices.columns = {{"notice_id", ColumnType::kInteger, "notice id", "Id.", {}, true, ""},
                       {"published", ColumnType::kDate, "发布日期", "Date.", {}, false, ""}};
  s.notices.rows = {{int64_t{7}, std::string("2021-11-30")}, {int64_t{8}, ExportCell()}};
  s.records = {"records", "Records",     "Grade records.",
               {},        {"record_id"}, {{{"notice_id"}, "notices", {"notice_id"}}},
               {}};
  s.records.columns = {
      {"record_id", ColumnType::kInteger, "record id", "Id.", {}, true, ""},
      {"notice_id", ColumnType::kInteger, "notice id", "Notice.", {}, true, ""},
      {"name", ColumnType::kString, "名称", "Name.", {}, true, ""},
      {"grade", ColumnType::kString, "等级", "Grade.", {"优秀", "合格"}, false, ""},
      {"area", ColumnType::kNumber, "面积", "Area.", {}, false, ""},
      {"ok", ColumnType::kBoolean, "ok", "Ok.", {}, false, ""},
      {"year", ColumnType::kYear, "年度", "Year.", {}, false, "^[0-9]{4}$"}};
  s.records.rows = {{int64_t{1}, int64_t{7}, std::string("重庆\"大地\",创业孵化基地"),
                     std::string("优秀"), 0.3, true, int64_t{2021}},
                    {int64_t{2}, int64_t{8}, std::string("two\r\nlines"), ExportCell(),
                     ExportCell(), false, ExportCell()}};
  for (ExportTable* t : {&s.entities, &s.transitions, &s.checks, &s.diagnostics}) {
    t->columns = {{"id", ColumnType::kString, "id", "Id.", {}, true, ""}};
  }
  s.entities.name = "entities", s.transitions.name = "transitions";
  s.checks.name = "checks", s.diagnostics.name = "diagnostics";
  int unnamed = 0;
  for (ExportTable* t : s.MutableTables())  // the tables as data, empty here
    if (t->name.empty()) t->name = "data_" + std::to_string(unnamed++);
  s.years = {2021};
  s.grades = {"优秀", "合格"};
  return s;
}

TEST(TableExport, CsvFieldQuotesOnlyWhatItMust) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"重庆市大渡口区", "重庆市大渡口区"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"\"", "\"\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      {"cr\ronly", "\"cr\ronly\""},
      {"crlf\r\n", "\"crlf\r\n\""},
      {"全角，逗号", "全角，逗号"},  // U+FF0C is not the delimiter
      {" padded ", " padded "},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CsvField(in), want) << in;
}

TEST(TableExport, CellTextIsFixedAndLocaleIndependent) {
  // A locale with a decimal comma must change nothing (if the machine has one).
  const char* old = std::setlocale(LC_ALL, nullptr);
  std::string saved = old ? old : "C";
  bool comma_locale =
      std::setlocale(LC_ALL, "de_DE.UTF-8") || std::setlocale(LC_ALL, "fr_FR.UTF-8");
  const std::pair<ExportCell, std::string> cases[] = {
      {ExportCell(), ""},
      {std::string("文本"), "文本"},
      {int64_t{0}, "0"},
      {int64_t{-42}, "-42"},
      {std::numeric_limits<int64_t>::max(), "9223372036854775807"},
      {0.3, "0.3"},
      {12.0, "12"},
      {-1.5, "-1.5"},
      {-0.0, "0"},
      {1e21, "1000000000000000000000"},
      {1e-7, "0.0000001"},
      {std::numeric_limits<double>::quiet_NaN(), ""},
      {std::numeric_limits<double>::infinity(), ""},
      {true, "true"},
      {false, "false"},
  };
  for (const auto& [cell, want] : cases) EXPECT_EQ(CellText(cell), want) << want;
  std::setlocale(LC_ALL, saved.c_str());
  if (!comma_locale) std::cerr << "(no de_DE/fr_FR locale here: checked in the C locale only)\n";
}

TEST(TableExport, CsvHasHeaderCrlfAndOptionalBom) {
  ExportSet s = HandSet();
  const std::string body =
      "record_id,notice_id,name,grade,area,ok,year\r\n"
      "1,7,\"重庆\"\"大地\"\",创业孵化基地\",优秀,0.3,true,2021\r\n"
      "2,8,\"two\r\nlines\",,,false,\r\n";
  EXPECT_EQ(RenderCsv(s.records, false), body);
  EXPECT_EQ(RenderCsv(s.records, true), "\xEF\xBB\xBF" + body);
  // A short row still gives one field per column.
  s.notices.rows.push_back({int64_t{9}});
  EXPECT_EQ(RenderCsv(s.notices, false), "notice_id,published\r\n7,2021-11-30\r\n8,\r\n9,\r\n");
}

TEST(TableExport, JsonDocumentHasTypedRowsKeyedByColumn) {
  ExportSet s = HandSet();
  std::string json = RenderDatasetJson(s);
  EXPECT_EQ(json, RenderDatasetJson(s));
  EXPECT_EQ(json.back(), '\n');
  Object::Ptr doc = ParseObject(json);
  EXPECT_EQ(doc->getValue<std::string>("fuhua_version"), "0.1.0");
  EXPECT_EQ(doc->getArray("years")->getElement<int>(0), 2021);
  Object::Ptr tables = doc->getObject("tables");
  std::vector<std::string> names;
  tables->getNames(names);
  EXPECT_EQ(names.size(), s.Tables().size());  // every table, empty ones too
  EXPECT_EQ(names.size(), 15u);
  Array::Ptr records = tables->getArray("records");
  ASSERT_EQ(records->size(), 2u);
  Object::Ptr r0 = records->getObject(0), r1 = records->getObject(1);
  EXPECT_EQ(r0->getValue<int64_t>("record_id"), 1);
  EXPECT_EQ(r0->getValue<std::string>("name"), "重庆\"大地\",创业孵化基地");
  EXPECT_DOUBLE_EQ(r0->getValue<double>("area"), 0.3);
  EXPECT_TRUE(r0->getValue<bool>("ok"));
  EXPECT_EQ(r1->getValue<std::string>("name"), "two\r\nlines");
  EXPECT_TRUE(r1->isNull("grade"));
  EXPECT_TRUE(r1->has("area") && r1->isNull("area"));  // every column is a key
  EXPECT_FALSE(r1->getValue<bool>("ok"));
  // Keys in column order, one row per line.
  EXPECT_NE(json.find("\n      {\"record_id\":1,\"notice_id\":7,\"name\":"), std::string::npos);
  EXPECT_TRUE(tables->getArray("checks")->size() == 0);
}

TEST(TableExport, JsonlIsOneRecordPerLine) {
  ExportSet s = HandSet();
  std::string jsonl = RenderRecordsJsonl(s);
  EXPECT_EQ(
      jsonl,
      "{\"record_id\":1,\"notice_id\":7,\"name\":\"重庆\\\"大地\\\",创业孵化基地\",\"grade\":"
      "\"优秀\","
      "\"area\":0.3,\"ok\":true,\"year\":2021}\n"
      "{\"record_id\":2,\"notice_id\":8,\"name\":\"two\\r\\nlines\",\"grade\":null,\"area\":null,"
      "\"ok\":false,\"year\":null}\n");
  s.records.rows.clear();
  EXPECT_EQ(RenderRecordsJsonl(s), "");
}

TEST(TableExport, DataPackageDescribesEveryCsvFromItsColumns) {
  ExportSet s = HandSet();
  auto files = RenderDataPackage(s, false);
  ASSERT_EQ(files.size(), s.Tables().size() + 1);  // a CSV per table and datapackage.json
  ASSERT_EQ(files.size(), 16u);
  EXPECT_EQ(files[1].first, "records.csv");
  EXPECT_EQ(files[1].second, RenderCsv(s.records, false));
  EXPECT_EQ(files.back().first, "datapackage.json");  // written last
  Object::Ptr pkg = ParseObject(files.back().second);
  EXPECT_EQ(pkg->getValue<std::string>("profile"), "tabular-data-package");
  EXPECT_FALSE(pkg->has("created"));  // no wall-clock time: deterministic
  Object::Ptr res = pkg->getArray("resources")->getObject(1);
  EXPECT_EQ(res->getValue<std::string>("path"), "records.csv");
  EXPECT_EQ(res->getValue<std::string>("hash"), "sha256:" + Sha256Hex(files[1].second));
  EXPECT_EQ(res->getObject("dialect")->getValue<std::string>("lineTerminator"), "\r\n");
  Object::Ptr schema = res->getObject("schema");
  Array::Ptr fields = schema->getArray("fields");
  EXPECT_EQ(fields->getObject(3)->getObject("constraints")->getArray("enum")->size(), 2u);
  EXPECT_EQ(fields->getObject(4)->getValue<std::string>("type"), "number");
  EXPECT_EQ(fields->getObject(6)->getObject("constraints")->getValue<std::string>("pattern"),
            "^[0-9]{4}$");
  EXPECT_TRUE(fields->getObject(0)->getObject("constraints")->getValue<bool>("required"));
  EXPECT_EQ(schema->getArray("primaryKey")->getElement<std::string>(0), "record_id");
  Object::Ptr fk = schema->getArray("foreignKeys")->getObject(0);
  EXPECT_EQ(fk->getObject("reference")->getValue<std::string>("resource"), "notices");
  // With the BOM the CSVs change and the descriptor's hashes follow them.
  auto bom = RenderDataPackage(s, true);
  EXPECT_EQ(bom[1].second.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(bom.back().second, files.back().second);
}

// ---------------------------------------------------------------------------
// The real path, from the samples through a store.

// Validates argv[2] (a JSON document) against dataset.schema.json and every
// line of argv[3] against dataset_record.schema.json (schemas in argv[1]),
// then checks that a record with a grade outside the vocabulary is rejected.
constexpr const char* kValidateJson = R"PY(
import json, os, sys, jsonschema
d = sys.argv[1]
schemas = {}
for n in ("dataset.schema.json", "dataset_record.schema.json"):
    with open(os.path.join(d, n), encoding="utf-8") as f:
        schemas[n] = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schemas[n])
def validator(name):
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
        reg = Registry().with_resources((s["$id"], Resource.from_contents(s, default_specification=DRAFT202012))
                                        for s in schemas.values())
        return jsonschema.Draft202012Validator(schemas[name], registry=reg)
    except ImportError:
        res = jsonschema.RefResolver(base_uri=schemas[name]["$id"], referrer=schemas[name],
                                     store={s["$id"]: s for s in schemas.values()})
        return jsonschema.Draft202012Validator(schemas[name], resolver=res)
doc_v, line_v = validator("dataset.schema.json"), validator("dataset_record.schema.json")
with open(sys.argv[2], encoding="utf-8") as f:
    doc = json.load(f)
errors = [e.message for e in doc_v.iter_errors(doc)]
with open(sys.argv[3], encoding="utf-8") as f:
    lines = f.read().split("\n")
assert lines[-1] == "" and len(lines) - 1 == len(doc["tables"]["records"]), "jsonl line count"
for n, line in enumerate(lines[:-1], 1):
    errors += ["line %d: %s" % (n, e.message) for e in line_v.iter_errors(json.loads(line))]
bad = json.loads(lines[0]); bad["grade"] = "特优"
if line_v.is_valid(bad): errors.append("a grade outside the vocabulary was accepted")
doc["tables"]["records"][0]["record_id"] = "1"
if doc_v.is_valid(doc): errors.append("a string record_id was accepted")
if errors: print("\n".join(errors[:20]), file=sys.stderr)
sys.exit(1 if errors else 0)
)PY";

class TableExportSamples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("fuhua_table_export_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    std::unique_ptr<Store> store;
    ASSERT_TRUE(OpenStore((*dir_ / "s.db").string(), &store).ok());
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(testing::SourcePath("samples")))
      if (e.path().extension() == ".txt") inputs.push_back(e.path());
    for (const char* y : {"2022", "2023"})
      inputs.push_back(testing::SourcePath(std::string("tests/synthetic/chongqing_") + y +
                                           "_SYNTHETIC_grades.txt"));
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& p : inputs) {
      Notice n;
      ASSERT_TRUE(ExtractFile(p.string(), &n).ok()) << p;
      WriteResult w;
      ASSERT_TRUE(store->WriteNotice(n, 0, &w).ok()) << p;
    }
    RelinkReport r;
    ASSERT_TRUE(RelinkStore(store.get(), &r).ok());
    data_ = new Dataset;
    ASSERT_TRUE(LoadDataset(store.get(), data_).ok());
    set_ = new ExportSet;
    Status st = BuildExportSet(*data_, {}, set_);
    ASSERT_TRUE(st.ok()) << st.ToString();
    ready_ = true;
  }
  void SetUp() override {
    ASSERT_TRUE(ready_) << "building the export set from the samples failed";
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete set_;
    delete data_;
  }

  static std::string Write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  static int Run(const std::string& cmd) {
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  static std::string WritePackage(const std::string& name, bool bom) {
    for (const auto& [file, bytes] : RenderDataPackage(*set_, bom))
      Write(*dir_ / name / file, bytes);
    return (*dir_ / name).string();
  }
  static std::string CheckPackage(const std::string& args) {
    return "/usr/bin/python3 " + testing::SourcePath("tests/check_datapackage.py") + " " + args;
  }

  static bool ready_;
  static fs::path* dir_;
  static Dataset* data_;
  static ExportSet* set_;
};
bool TableExportSamples::ready_ = false;
fs::path* TableExportSamples::dir_ = nullptr;
Dataset* TableExportSamples::data_ = nullptr;
ExportSet* TableExportSamples::set_ = nullptr;

TEST_F(TableExportSamples, EveryFormatIsDeterministic) {
  ASSERT_GT(set_->records.rows.size(), 200u);
  EXPECT_EQ(RenderDatasetJson(*set_), RenderDatasetJson(*set_));
  EXPECT_EQ(RenderRecordsJsonl(*set_), RenderRecordsJsonl(*set_));
  EXPECT_EQ(RenderDataPackage(*set_, false), RenderDataPackage(*set_, false));
  EXPECT_EQ(RenderDataPackage(*set_, true), RenderDataPackage(*set_, true));
  // A second build from the same store gives the same bytes.
  ExportSet again;
  ASSERT_TRUE(BuildExportSet(*data_, {}, &again).ok());
  EXPECT_EQ(RenderDataPackage(again, false), RenderDataPackage(*set_, false));
  EXPECT_EQ(RenderDatasetJson(again), RenderDatasetJson(*set_));
}

TEST_F(TableExportSamples, JsonAndJsonlMatchTheirSchemas) {
  std::string script = Write(*dir_ / "validate_json.py", kValidateJson);
  std::string json = Write(*dir_ / "dataset.json", RenderDatasetJson(*set_));
  std::string jsonl = Write(*dir_ / "records.jsonl", RenderRecordsJsonl(*set_));
  EXPECT_EQ(Run("/usr/bin/python3 " + script + " " + testing::SourcePath("schemas/output") + " " +
                json + " " + jsonl),
            0);
}

TEST_F(TableExportSamples, DataPackageValidates) {
  std::string plain = WritePackage("package", false);
  std::string json_schema = testing::SourcePath("schemas/output/dataset.schema.json");
  EXPECT_EQ(Run(CheckPackage(plain + " --json-schema " + json_schema)), 0);
  EXPECT_EQ(Run(CheckPackage(WritePackage("package_bom", true))), 0);
  // The validator rejects broken copies (enum, foreign key, primary key...).
  EXPECT_EQ(Run(CheckPackage("--self-test " + plain + " >/dev/null")), 0);
  // ... and a JSON Schema that disagrees with the columns.
  std::ifstream in(json_schema);
  std::string schema((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The records' grade: the vocabulary and null (one value fewer here).
  const std::string grade = "\"优秀\", \"良好\", \"合格\", \"不合格\", null]";
  ASSERT_NE(schema.find(grade), std::string::npos);
  schema.replace(schema.find(grade), grade.size(), "\"优秀\", \"合格\", \"不合格\", null]");
  std::string bad = Write(*dir_ / "bad.schema.json", schema);
  EXPECT_EQ(Run(CheckPackage(plain + " --json-schema " + bad + " 2>/dev/null")), 1);
}

TEST_F(TableExportSamples, ValidatorRejectsADanglingCarrier) {
  ExportSet broken = *set_;
  int col = broken.records.Col("carrier_entity_id");
  ASSERT_GE(col, 0);
  broken.records.rows.front()[static_cast<size_t>(col)] = std::string("C000000000000");
  for (const auto& [file, bytes] : RenderDataPackage(broken, false))
    Write(*dir_ / "dangling" / file, bytes);
  EXPECT_EQ(Run(CheckPackage((*dir_ / "dangling").string() + " 2>/dev/null")), 1);
}

}  // namespace
}  // namespace fuhua
