// Implements the Frictionless tabular data package (datapackage.json with a
// Table Schema per CSV resource) of an ExportSet.
#include "exporters/datapackage.h"

#include <cstdlib>

#include "exporters/csv_writer.h"
#include "exporters/json_writer.h"
#include "pipeline/extract.h"


namespace fuhua {
namespace {

constexpr const char* kPackageName = "fuhua-incubation-carrier-grades";
constexpr const char* kPackageTitle = "Grades of incubation carriers in Chinese government notices";
constexpr const char* kPackageDescription =
    "Grade records of incubation carriers (创业孵化基地, 科技企业孵化器, 众创空间...) read from "
    "published government notices by fuhua, with each notice's metadata and checks, the "
    "carriers linked across notices and years, their grade transitions, and every diagnostic. "
    "The licence of the source notices is not stated here.";

// An enum value in the field's own type where JSON has one (integer and year
// fields), else as the string it is in the CSV.
void EnumValue(JsonWriter& w, ColumnType type, const std::string& v) {
  if (type == ColumnType::kInteger || type == ColumnType::kYear) {
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (!v.empty() && end && *end == '\0') return w.Int(n);
  }
  w.String(v);
}

void WriteConstraints(JsonWriter& w, const Column& c) {
  if (!c.required && c.enum_values.empty() && c.pattern.empty()) return;
  w.Key("constraints");
  w.BeginObject();
  if (c.required) w.Key("required"), w.Bool(true);
  if (!c.enum_values.empty()) {
    w.Key("enum");
    w.BeginArray();
    for (const std::string& v : c.enum_values) EnumValue(w, c.type, v);
    w.EndArray();
  }
  if (!c.pattern.empty()) w.Field("pattern", c.pattern);
  w.EndObject();
}

void WriteField(JsonWriter& w, const Column& c) {
  w.BeginObject();
  w.Field("name", c.name);
  if (!c.title.empty()) w.Field("title", c.title);
  if (!c.description.empty()) w.Field("description", c.description);
  w.Field("type", ColumnTypeName(c.type));
  // Say exactly what the CSV holds (exporters/csv_writer.h CellText).
  if (c.type == ColumnType::kDate) w.Field("format", "default");  // YYYY-MM-DD
  if (c.type == ColumnType::kBoolean) {
    w.Key("trueValues"), w.BeginArray(), w.String("true"), w.EndArray();
    w.Key("falseValues"), w.BeginArray(), w.String("false"), w.EndArray();
  }
  WriteConstraints(w, c);
  w.EndObject();
}

void WriteNames(JsonWriter& w, const std::vector<std::string>& names) {
  w.BeginArray();
  for (const std::string& n : names) w.String(n);
  w.EndArray();
}

void WriteForeignKey(JsonWriter& w, const ForeignKey& fk) {
  w.BeginObject();
  w.Key("fields"), WriteNames(w, fk.fields);
  w.Key("reference");
  w.BeginObject();
  w.Field("resource", fk.resource);
  w.Key("fields"), WriteNames(w, fk.reference);
  w.EndObject();
  w.EndObject();
}

void WriteSchema(JsonWriter& w, const ExportTable& t) {
  w.Key("schema");
  w.BeginObject();
  w.Key("fields");
  w.BeginArray();
  for (const Column& c : t.columns) WriteField(w, c);
  w.EndArray();
  w.Key("missingValues"), WriteNames(w, {""});  // an empty cell is a missing value
  if (!t.primary_key.empty()) w.Key("primaryKey"), WriteNames(w, t.primary_key);
  if (!t.foreign_keys.empty()) {
    w.Key("foreignKeys");
    w.BeginArray();
    for (const ForeignKey& fk : t.foreign_keys) WriteForeignKey(w, fk);
    w.EndArray();
  }
  w.EndObject();
}

void WriteDialect(JsonWriter& w) {
  w.Key("dialect");
  w.BeginObject();
  w.Field("delimiter", ",");
  w.Field("lineTerminator", "\r\n");
  w.Field("quoteChar", "\"");
  w.Key("doubleQuote"), w.Bool(true);
  w.Key("header"), w.Bool(true);
  w.EndObject();
}

void WriteResource(JsonWriter& w, const ExportTable& t, const std::string& csv) {
  w.BeginObject();
  w.Field("name", t.name);
  w.Field("path", t.name + ".csv");
  if (!t.title.empty()) w.Field("title", t.title);
  if (!t.description.empty()) w.Field("description", t.description);
  w.Field("profile", "tabular-data-resource");
  w.Field("format", "csv");
  w.Field("mediatype", "text/csv");
  w.Field("encoding", "utf-8");
  w.FieldInt("bytes", static_cast<long long>(csv.size()));
  w.Field("hash", "sha256:" + Sha256Hex(csv));
  WriteDialect(w);
  WriteSchema(w, t);
  w.EndObject();
}

}  // namespace

std::string RenderDataPackageDescriptor(const ExportSet& s, const std::vector<std::string>& csvs) {
  std::string out;
  JsonWriter w(&out, /*pretty=*/true);
  w.BeginObject();
  w.Field("profile", "tabular-data-package");
  w.Field("name", kPackageName);
  w.Field("title", kPackageTitle);
  w.Field("description", kPackageDescription);
  w.Field("fuhua_version", FUHUA_VERSION);
  w.Key("resources");
  w.BeginArray();
  std::vector<const ExportTable*> tables = s.Tables();
  for (size_t i = 0; i < tables.size(); ++i) {
    WriteResource(w, *tables[i], i < csvs.size() ? csvs[i] : std::string());
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::vector<std::pair<std::string, std::string>> RenderDataPackage(const ExportSet& s,
                                                                   bool excel_bom) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> csvs;
  for (const ExportTable* t : s.Tables()) {
    csvs.push_back(RenderCsv(*t, excel_bom));
    files.emplace_back(t->name + ".csv", csvs.back());
  }
  files.emplace_back("datapackage.json", RenderDataPackageDescriptor(s, csvs));
  return files;
}

}  // namespace fuhua
