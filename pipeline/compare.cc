// Implements the transitions of compare.h.
#include "pipeline/compare.h"

#include <algorithm>

namespace fuhua {
namespace {

int Rank(const std::vector<std::string>& order, const std::string& grade) {
  auto it = std::find(order.begin(), order.end(), grade);
  return it == order.end() ? -1 : static_cast<int>(order.end() - it);  // higher is better
}

std::string Cell(const std::optional<YearGrade>& y) {
  if (!y) return "-";
  if (y->status == "revoked") return "revoked";
  return y->grade.empty() ? "?" : y->grade;
}

std::string Transition(const EntityComparison& e, const std::vector<std::string>& order) {
  if (!e.from) return "new";
  if (!e.to) return "dropped";
  if (e.to->status == "revoked") return "revoked";
  int a = Rank(order, e.from->grade), b = Rank(order, e.to->grade);
  if (a < 0 || b < 0) return "ungraded";
  return b > a ? "upgraded" : b < a ? "downgraded" : "unchanged";
}

}  // namespace

Comparison CompareYears(const std::vector<YearGrade>& rows, const std::vector<std::string>& grade_order,
                        int from_year, int to_year) {
  Comparison c;
  for (const YearGrade& r : rows) {
    if (from_year == 0 && (c.from_year == 0 || r.year < c.from_year)) c.from_year = r.year;
    if (to_year == 0 && r.year > c.to_year) c.to_year = r.year;
  }
  if (from_year) c.from_year = from_year;
  if (to_year) c.to_year = to_year;
  std::map<std::string, EntityComparison> by_entity;
  for (const YearGrade& r : rows) {
    if (r.year < c.from_year || r.year > c.to_year) continue;
    EntityComparison& e = by_entity[r.entity];
    e.entity = r.entity;
    if (e.grades.count(r.year)) continue;  // first record of the year counts
    e.grades[r.year] = r.status == "revoked" ? "revoked" : r.grade;
    if (r.year == c.from_year) e.from = r;
    if (r.year == c.to_year) e.to = r;
    e.name = r.name;  // rows are not sorted by year: fixed below
  }
  for (auto& [id, e] : by_entity) {
    if (!e.from && !e.to) continue;  // seen only in years between
    e.name = e.to ? e.to->name : e.from->name;
    e.renamed = e.from && e.to && e.from->name != e.to->name;
    e.transition = Transition(e, grade_order);
    ++c.counts[e.transition];
    c.renamed += e.renamed;
    ++c.matrix[Cell(e.from)][Cell(e.to)];
    c.entities.push_back(std::move(e));
  }
  std::stable_sort(c.entities.begin(), c.entities.end(), [](const auto& a, const auto& b) {
    return a.name != b.name ? a.name < b.name : a.entity < b.entity;
  });
  return c;
}

}  // namespace fuhua
