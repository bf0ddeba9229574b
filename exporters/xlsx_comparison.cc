// The Comparison sheet (xlsx_sheets.h): between the first and the last year
// of the export, the from-grade x to-grade matrix of linked carriers
// (set.comparison.matrix; "?" = listed without a grade, "revoked", "-" = not
// listed) and the count of each
// transition; then the grade distribution per year, counted from the
// records, as a small table with a clustered column chart beside it
// (categories = grades, one series per year). With one year only the
// distribution and its chart are shown, with a note that a comparison
// needs two years.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "exporters/xlsx_sheets.h"
#include "exporters/xlsx_table.h"

namespace fuhua {
namespace {

const char* const kTransitions[] = {"new",     "upgraded", "downgraded", "unchanged",
                                    "revoked", "dropped",  "ungraded"};
constexpr double kLabelWidth = 24;
constexpr double kValueWidth = 11;

// Grades in vocabulary order, then any other key sorted, then `tail` keys
// present ("?", "revoked", "-"), so the matrix reads best to worst, then
// ungraded, revoked and absent.
std::vector<std::string> OrderKeys(const std::set<std::string>& keys,
                                   const std::vector<std::string>& grades,
                                   const std::vector<std::string>& tail) {
  std::vector<std::string> out;
  for (const std::string& g : grades) out.push_back(g);
  std::set<std::string> placed(grades.begin(), grades.end());
  placed.insert(tail.begin(), tail.end());
  for (const std::string& k : keys) {
    if (!placed.count(k)) out.push_back(k);
  }
  for (const std::string& t : tail) {
    if (keys.count(t)) out.push_back(t);
  }
  return out;
}

lxw_col_t Col(size_t c) { return static_cast<lxw_col_t>(c); }

// Returns the row after the matrix; widens *width to the columns it used.
lxw_row_t WriteMatrix(XlsxBook* book, lxw_worksheet* ws, const ExportSet& set, lxw_row_t row,
                      size_t* width) {
  const Comparison& cmp = set.comparison;
  std::set<std::string> from_keys, to_keys;
  for (const auto& [from, tos] : cmp.matrix) {
    from_keys.insert(from);
    for (const auto& [to, n] : tos) to_keys.insert(to);
  }
  const auto rows = OrderKeys(from_keys, set.grades, {"?", "revoked", "-"});
  const auto cols = OrderKeys(to_keys, set.grades, {"?", "revoked", "-"});
  *width = std::max(*width, cols.size() + 2);
  book->WriteText(ws, row, 0, std::to_string(cmp.from_year) + " \\ " + std::to_string(cmp.to_year),
                  book->header());
  for (size_t c = 0; c < cols.size(); ++c)
    book->WriteText(ws, row, Col(c + 1), cols[c], book->header());
  book->WriteText(ws, row, Col(cols.size() + 1), "total", book->header());
  for (size_t r = 0; r < rows.size(); ++r) {
    const lxw_row_t xr = row + 1 + static_cast<lxw_row_t>(r);
    book->WriteText(ws, xr, 0, rows[r], book->GradeFormat(rows[r]));
    auto it = cmp.matrix.find(rows[r]);
    int total = 0;
    for (size_t c = 0; c < cols.size(); ++c) {
      int n = 0;
      if (it != cmp.matrix.end() && it->second.count(cols[c])) n = it->second.at(cols[c]);
      total += n;
      book->WriteNumber(ws, xr, Col(c + 1), n);
    }
    book->WriteNumber(ws, xr, Col(cols.size() + 1), total);
  }
  return row + 1 + static_cast<lxw_row_t>(rows.size());
}

lxw_row_t WriteCounts(XlsxBook* book, lxw_worksheet* ws, const Comparison& cmp, lxw_row_t row) {
  book->WriteText(ws, row, 0, "transition", book->header());
  book->WriteText(ws, row, 1, "carriers", book->header());
  std::vector<std::string> names(std::begin(kTransitions), std::end(kTransitions));
  for (const auto& [name, n] : cmp.counts) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    auto it = cmp.counts.find(name);
    book->WriteText(ws, ++row, 0, name);
    book->WriteNumber(ws, row, 1, it == cmp.counts.end() ? 0 : it->second);
  }
  book->WriteText(ws, ++row, 0, "renamed (counted apart)");
  book->WriteNumber(ws, row, 1, cmp.renamed);
  return row + 1;
}

// Records per (year, grade), from the records table.
struct Distribution {
  std::vector<int> years;
  std::map<int, std::map<std::string, int>> counts;  // year -> grade ("" none) -> records
};

Distribution CountGrades(const ExportSet& set) {
  Distribution d;
  const int year_col = set.records.Col("year"), grade_col = set.records.Col("grade");
  std::set<int> years(set.years.begin(), set.years.end());
  for (const std::vector<ExportCell>& row : set.records.rows) {
    const auto* y =
        year_col < 0 ? nullptr : std::get_if<int64_t>(&row[static_cast<size_t>(year_col)]);
    if (!y) continue;
    const auto* g =
        grade_col < 0 ? nullptr : std::get_if<std::string>(&row[static_cast<size_t>(grade_col)]);
    years.insert(static_cast<int>(*y));
    ++d.counts[static_cast<int>(*y)][g ? *g : ""];
  }
  d.years.assign(years.begin(), years.end());
  return d;
}

// Where the chart's source landed.
struct ChartSource {
  lxw_row_t header_row = 0, first_row = 0, last_row = 0;
  size_t series = 0;  // year columns 1..series
};

ChartSource WriteDistribution(XlsxBook* book, lxw_worksheet* ws, const ExportSet& set,
                              const Distribution& d, lxw_row_t row) {
  ChartSource src{row, row + 1, row + static_cast<lxw_row_t>(set.grades.size()), d.years.size()};
  book->WriteText(ws, row, 0, "grade", book->header());
  for (size_t y = 0; y < d.years.size(); ++y) {
    book->WriteText(ws, row, Col(y + 1), std::to_string(d.years[y]), book->header());
  }
  std::vector<std::string> labels = set.grades;
  labels.push_back("");  // records without a grade: below the chart's range
  for (size_t g = 0; g < labels.size(); ++g) {
    const lxw_row_t xr = row + 1 + static_cast<lxw_row_t>(g);
    const bool none = labels[g].empty();
    book->WriteText(ws, xr, 0, none ? "(no grade)" : labels[g],
                    none ? book->note() : book->GradeFormat(labels[g]));
    for (size_t y = 0; y < d.years.size(); ++y) {
      auto it = d.counts.find(d.years[y]);
      int n = 0;
      if (it != d.counts.end() && it->second.count(labels[g])) n = it->second.at(labels[g]);
      book->WriteNumber(ws, xr, Col(y + 1), n);
    }
  }
  return src;
}

void AddChart(XlsxBook* book, lxw_worksheet* ws, const ChartSource& src, lxw_row_t row,
              lxw_col_t col) {
  if (!book->ok() || src.series == 0 || src.last_row < src.first_row) return;
  lxw_chart* chart = workbook_add_chart(book->workbook(), LXW_CHART_COLUMN);
  if (!chart) return book->Fail(Status::Internal(book->path() + ": adding the grade chart failed"));
  chart_title_set_name(chart, "Grade distribution per year (records)");
  chart_axis_set_name(chart->x_axis, "grade");
  chart_axis_set_name(chart->y_axis, "records");
  for (size_t s = 0; s < src.series; ++s) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (!series)
      return book->Fail(Status::Internal(book->path() + ": adding a chart series failed"));
    chart_series_set_categories(series, kComparisonSheet, src.first_row, 0, src.last_row, 0);
    chart_series_set_values(series, kComparisonSheet, src.first_row, Col(s + 1), src.last_row,
                            Col(s + 1));
    chart_series_set_name_range(series, kComparisonSheet, src.header_row, Col(s + 1));
  }
  lxw_chart_options options{};
  options.x_scale = 1.4;
  options.y_scale = 1.4;
  book->Check(worksheet_insert_chart_opt(ws, row, col, chart, &options),
              "inserting the grade chart");
}

// The matrix and the counts from row 0; returns the next free row.
lxw_row_t WriteTransitionBlocks(XlsxBook* book, lxw_worksheet* ws, const ExportSet& set,
                                size_t* width) {
  const Comparison& cmp = set.comparison;
  const std::string span = std::to_string(cmp.from_year) + " → " + std::to_string(cmp.to_year);
  lxw_row_t row = 0;
  book->WriteText(ws, row++, 0, "Grade transitions " + span, book->heading());
  book->WriteText(ws, row++, 0,
                  "Carriers linked across notices (see Entities). Rows: grade in the first year; "
                  "columns: grade in the last year; ? = listed without a grade; revoked = "
                  "qualification withdrawn; - = not listed that year.",
                  book->note());
  row = WriteMatrix(book, ws, set, row, width) + 1;
  book->WriteText(ws, row++, 0, "Transitions " + span, book->heading());
  return WriteCounts(book, ws, cmp, row) + 1;
}

lxw_row_t WriteNoComparisonNote(XlsxBook* book, lxw_worksheet* ws, const Distribution& d) {
  book->WriteText(ws, 0, 0, "Comparison", book->heading());
  book->WriteText(ws, 1, 0,
                  d.years.empty() ? std::string("No records with a year: nothing to compare.")
                                  : "A comparison needs two years; this export holds only " +
                                        std::to_string(d.years.front()) + ".",
                  book->note());
  return 3;
}

}  // namespace

void WriteComparisonSheet(XlsxBook* book, const ExportSet& set) {
  lxw_worksheet* ws = book->AddSheet(kComparisonSheet);
  if (!ws) return;
  const Comparison& cmp = set.comparison;
  const Distribution d = CountGrades(set);
  size_t width = d.years.size() + 1;  // columns the tables use: the chart goes to their right
  lxw_row_t row = d.years.size() >= 2 && cmp.from_year != cmp.to_year
                      ? WriteTransitionBlocks(book, ws, set, &width)
                      : WriteNoComparisonNote(book, ws, d);
  book->WriteText(ws, row++, 0, "Grade distribution per year (records)", book->heading());
  ChartSource src = WriteDistribution(book, ws, set, d, row);
  book->Check(worksheet_set_column(ws, 0, 0, kLabelWidth, nullptr), "setting column widths");
  book->Check(worksheet_set_column(ws, 1, Col(width), kValueWidth, nullptr),
              "setting column widths");
  AddChart(book, ws, src, 2, Col(width + 1));
}

}  // namespace fuhua
