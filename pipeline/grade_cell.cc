// Implements ReadGradeCell: the first matching cell rule of schemas/grades.json
// decides the status; otherwise the head of the cell must be a grade word.
#include "pipeline/grade_cell.h"

#include "pipeline/regex_util.h"

namespace fuhua {
namespace {

// Splits at the first clause separator: "不合格，取消…。" -> ("不合格", "取消…。").
// Separators come from schemas/grades.json clause_separators.
std::pair<std::string, std::string> HeadAndTail(std::string_view text, const Rules& rules) {
  size_t cut = text.size();
  size_t skip = 0;
  for (const std::string& sep : rules.clause_separators) {
    size_t p = text.find(sep);
    if (p != std::string_view::npos && p < cut) cut = p, skip = sep.size();
  }
  std::string head(text.substr(0, cut));
  std::string tail = cut < text.size() ? std::string(text.substr(cut + skip)) : "";
  // A bracketed tail keeps its brackets: "合格（整改后）" -> remark "（整改后）".
  if (skip && (text.substr(cut, skip) == "（" || text.substr(cut, skip) == "("))
    tail = std::string(text.substr(cut));
  return {head, tail};
}

void ApplyRule(const CellRule& rule, const RegexMatch& m, std::string_view text,
               const Rules& rules, GradeReading* g) {
  g->status = rule.status;
  if (!m.Group("grade").empty()) g->grade = rules.GradeOf(m.Group("grade"));
  if (!m.Group("as").empty()) {
    std::optional<std::string> type = rules.CarrierTypeIn(m.Group("as"));
    g->evaluated_as = type ? *type : m.Group("as");
  }
  if (rule.status == GradeStatus::kDeferred && !m.Group("year").empty())
    g->deferred_to = std::stoi(m.Group("year"));
  if (!m.Group("what").empty()) g->revocation = m.Group("what");
  if (rule.remark_whole) g->remark = std::string(text);
  // A cell-rule result that names a grade it cannot read stays unknown.
  if (rule.status == GradeStatus::kGraded && !g->grade) g->status = GradeStatus::kUnknown;
}

}  // namespace

GradeReading ReadGradeCell(std::string_view text, const Rules& rules) {
  GradeReading g;
  if (text.empty()) return g;
  auto [head, tail] = HeadAndTail(text, rules);
  g.grade = rules.GradeOf(head);
  if (g.grade) {
    g.status = GradeStatus::kGraded;
    if (!tail.empty()) g.remark = tail;
  }
  for (const CellRule& rule : rules.cell_rules) {
    RegexMatch m;
    if (!FindNext(*rule.re, text, 0, &m)) continue;
    std::optional<std::string> head_grade = g.grade;
    ApplyRule(rule, m, text, rules, &g);
    if (!g.grade) g.grade = head_grade;  // "不合格，取消…资格": grade kept, status revoked
    break;
  }
  return g;
}

}  // namespace fuhua
