// Implements the JSON document and JSON Lines renderings of an ExportSet
// (schemas/output/dataset.schema.json, dataset_record.schema.json).
#include "exporters/table_json.h"

#include <cmath>

#include "exporters/csv_writer.h"
#include "exporters/json_writer.h"


namespace fuhua {
namespace {

// A JSON string literal, escaped by the project's one JSON writer.
void AppendJsonString(std::string_view s, std::string* out) {
  JsonWriter w(out, /*pretty=*/false);
  w.String(s);
}

void AppendCellJson(const ExportCell& cell, std::string* out) {
  if (const auto* s = std::get_if<std::string>(&cell)) return AppendJsonString(*s, out);
  if (const auto* d = std::get_if<double>(&cell)) {
    // JSON has no NaN or infinity: such a value is as good as missing.
    out->append(std::isfinite(*d) ? FormatNumber(*d) : "null");
    return;
  }
  if (std::holds_alternative<std::monostate>(cell)) {
    out->append("null");
    return;
  }
  out->append(CellText(cell));  // integer or boolean: same text as in CSV
}

void AppendRowJson(const ExportTable& t, size_t row, std::string* out) {
  static const ExportCell kEmpty;
  const auto& cells = t.rows[row];
  out->push_back('{');
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(t.columns[i].name, out);
    out->push_back(':');
    AppendCellJson(i < cells.size() ? cells[i] : kEmpty, out);
  }
  out->push_back('}');
}

// "  \"name\": [\n    {row},\n    {row}\n  ]" — one row per line keeps a
// large document readable and diff-friendly.
void AppendTable(const ExportTable& t, std::string* out) {
  out->append("    ");
  AppendJsonString(t.name, out);
  out->append(": [");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out->append(r == 0 ? "\n      " : ",\n      ");
    AppendRowJson(t, r, out);
  }
  out->append(t.rows.empty() ? "]" : "\n    ]");
}

void AppendYears(const std::vector<int>& years, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < years.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append(std::to_string(years[i]));
  }
  out->push_back(']');
}

void AppendStrings(const std::vector<std::string>& values, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendJsonString(values[i], out);
  }
  out->push_back(']');
}

}  // namespace

std::string RenderRowJson(const ExportTable& t, size_t row) {
  std::string out;
  AppendRowJson(t, row, &out);
  return out;
}

std::string RenderDatasetJson(const ExportSet& s) {
  std::string out = "{\n  \"fuhua_version\": \"" FUHUA_VERSION "\",\n  \"years\": ";
  AppendYears(s.years, &out);
  out.append(",\n  \"grades\": ");
  AppendStrings(s.grades, &out);
  out.append(",\n  \"tables\": {");
  bool first = true;
  for (const ExportTable* t : s.Tables()) {
    out.append(first ? "\n" : ",\n");
    first = false;
    AppendTable(*t, &out);
  }
  out.append(first ? "}\n}\n" : "\n  }\n}\n");
  return out;
}

std::string RenderRecordsJsonl(const ExportSet& s) {
  std::string out;
  for (size_t r = 0; r < s.records.rows.size(); ++r) {
    AppendRowJson(s.records, r, &out);
    out.push_back('\n');
  }
  return out;
}

}  // namespace fuhua
