// Cross-year comparison of linked carriers: for each entity its grade in each
// year and the transition between two years, plus the from-grade x to-grade
// matrix. Pure: the caller (fuhua compare) loads the rows from the store.
// Transitions:
//   new        absent in the from-year list, present in the to-year list
//   dropped    present in the from-year list, absent from the to-year list
//   revoked    present in both; its to-year record revokes it
//   upgraded / downgraded / unchanged   by the grade order (优秀 > 良好 > 合格 > 不合格)
//   ungraded   present in both, but a year carries no grade (deferred, unknown)
// `renamed` is set independently when the display name changed.
#ifndef FUHUA_PIPELINE_COMPARE_H_
#define FUHUA_PIPELINE_COMPARE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fuhua {

struct YearGrade {
  std::string entity;
  int year = 0;
  std::string name;
  std::string grade;   // "" when none
  std::string status;  // graded | revoked | deferred | unknown
  std::string source;  // the notice it was read from
};

struct EntityComparison {
  std::string entity;
  std::string name;                        // latest display name
  std::map<int, std::string> grades;       // year -> grade ("" none, "revoked")
  std::optional<YearGrade> from, to;
  std::string transition;
  bool renamed = false;
};

struct Comparison {
  int from_year = 0;
  int to_year = 0;
  std::vector<EntityComparison> entities;           // by name, then entity id
  std::map<std::string, int> counts;                // transition -> entities
  int renamed = 0;
  // from-grade x to-grade; "-" marks absence, "revoked" a revoked to-year record.
  std::map<std::string, std::map<std::string, int>> matrix;
};

// `grade_order` is best first. from/to of 0 mean the earliest/latest year in
// `rows`. Rows of one entity in one year: the first in `rows` order counts.
Comparison CompareYears(const std::vector<YearGrade>& rows, const std::vector<std::string>& grade_order,
                        int from_year, int to_year);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_COMPARE_H_
