// Reading of one grade cell: "优秀", "不合格，取消试点培育资格。",
// "取消众创空间资格", "2021年以孵化器参加评价，结果为良好。",
// "2022年以孵化器参加评价。" -> grade, status, remark and the details.
// The readings are data: schemas/grades.json.
#ifndef FUHUA_PIPELINE_GRADE_CELL_H_
#define FUHUA_PIPELINE_GRADE_CELL_H_

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/notice.h"
#include "pipeline/rules.h"

namespace fuhua {

struct GradeReading {
  std::optional<std::string> grade;  // 优秀 | 良好 | 合格 | 不合格
  GradeStatus status = GradeStatus::kUnknown;
  std::optional<std::string> remark;
  std::optional<std::string> evaluated_as;  // carrier type, e.g. 科技企业孵化器
  std::optional<std::string> revocation;    // e.g. 试点培育资格
  std::optional<int> deferred_to;
  bool recognised() const { return status != GradeStatus::kUnknown; }
};

// `text` is the cleaned cell text. Never fails: an unreadable cell has
// status kUnknown (the caller reports it).
GradeReading ReadGradeCell(std::string_view text, const Rules& rules);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_GRADE_CELL_H_
