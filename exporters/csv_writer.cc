// Implements RenderCsv (RFC 4180 CSV of an ExportTable) and the fixed text
// form of cells that every table format shares.
#include "exporters/csv_writer.h"

#include <charconv>
#include <cmath>

namespace fuhua {
namespace {

// CRLF, not "\n": RFC 4180 defines records as CRLF-terminated, and Excel and
// most CSV readers on Windows expect it; readers elsewhere accept it too.
constexpr std::string_view kLineEnd = "\r\n";

std::string FormatInteger(int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

void AppendLine(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(CsvField(fields[i]));
  }
  out->append(kLineEnd);
}

}  // namespace

std::string FormatNumber(double v) {
  if (!std::isfinite(v)) return "";
  if (v == 0) return "0";  // also -0: a sign on zero means nothing in a dataset
  // std::to_chars never consults the locale (unlike printf and streams), and
  // with chars_format::fixed and no precision it gives the shortest digits
  // that read back to exactly v, without an exponent.
  char buf[400];  // enough for the largest double in fixed notation (309 digits)
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) return "";
  return std::string(buf, end);
}

std::string CellText(const ExportCell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<int64_t>(&cell)) return FormatInteger(*i);
  if (const auto* d = std::get_if<double>(&cell)) return FormatNumber(*d);
  if (const auto* b = std::get_if<bool>(&cell)) return *b ? "true" : "false";
  return "";  // monostate: an empty cell
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string RenderCsv(const ExportTable& t, bool excel_bom) {
  std::string out;
  if (excel_bom) out.append(kUtf8Bom);
  std::vector<std::string> fields;
  for (const Column& c : t.columns) fields.push_back(c.name);
  AppendLine(fields, &out);
  for (const auto& row : t.rows) {
    // One field per column whatever the row holds, so the file stays a
    // rectangle (a short row is a bug upstream, but not a broken file).
    fields.assign(t.columns.size(), std::string());
    for (size_t i = 0; i < fields.size() && i < row.size(); ++i) fields[i] = CellText(row[i]);
    AppendLine(fields, &out);
  }
  return out;
}

}  // namespace fuhua
