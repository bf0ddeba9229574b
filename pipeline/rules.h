// Rules: the data-driven vocabularies of the table and grade stages, loaded
// once from schemas/ (header_roles.json, carrier_types.json, table_layout.json,
// grades.json, count_statements.json) with every pattern compiled up front.
// Usage:
//   Status st;
//   const Rules* rules = DefaultRules(&st);  // nullptr and !st.ok() on error
//   std::string role = rules->RoleOf("评价\n结果");  // "grade"
#ifndef FUHUA_PIPELINE_RULES_H_
#define FUHUA_PIPELINE_RULES_H_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/notice.h"
#include "pipeline/status.h"

namespace fuhua {

struct RoleRule {
  std::string role;
  std::vector<std::string> synonyms;  // as match keys
  std::vector<std::string> suffixes;
};

struct CarrierTypeRule {
  std::string type;
  std::vector<std::string> keywords;
};

struct GradeWord {
  std::string grade;
  int rank = 0;
  std::vector<std::string> aliases;
};

struct CellRule {
  std::string id;
  GradeStatus status = GradeStatus::kUnknown;
  bool remark_whole = false;  // the whole cell is the remark (else the tail)
  std::unique_ptr<RE2> re;
};

struct CountStatement {
  std::string id;
  std::string measure;  // total | grade | revoked | evaluated_as | deferred
  std::unique_ptr<RE2> re;
  std::unique_ptr<RE2> also;  // continuation of a list, anchored after a match
};

struct Rules {
  std::vector<RoleRule> roles;
  std::set<std::string> mergeable_roles;
  std::vector<CarrierTypeRule> carrier_types;
  int carrier_min_prefix = 4;
  std::vector<std::string> table_terminators;
  std::vector<std::string> total_row_labels;       // as match keys
  std::vector<std::string> total_row_label_texts;  // as written in the file
  std::vector<std::string> note_row_labels;        // as match keys
  std::unique_ptr<RE2> annex_label;
  std::vector<std::unique_ptr<RE2>> caption_notes;
  int caption_max_paragraphs = 4;
  int caption_max_chars = 80;
  std::vector<GradeWord> grades;
  std::vector<std::string> clause_separators;  // head of a grade cell ends at one
  std::vector<CellRule> cell_rules;
  std::vector<CountStatement> statements;
  // What every statement's pattern needs (count_statements.json
  // "required", checked by RE2's prefilter in tests/regex_util_test.cc): a
  // paragraph without them is not searched, as most are not (RE2's scans of
  // every paragraph by every pattern were 6% of an ingest).
  std::vector<std::string> statement_literals;
  // Characters no statement spans (count_statements.json "bounds"): the
  // text between them is searched clause by clause.
  std::vector<std::string> statement_bounds;

  // Role of a header cell text, "" when none matches.
  std::string RoleOf(std::string_view header) const;
  // Carrier type named in `text` (longest keyword wins), or nullopt.
  std::optional<std::string> CarrierTypeIn(std::string_view text) const;
  // Canonical grade of a grade word or alias ("优" -> 优秀), or nullopt.
  std::optional<std::string> GradeOf(std::string_view word) const;
  // The canonical grades, best first (by rank): 优秀, 良好, 合格, 不合格.
  std::vector<std::string> GradeOrder() const;
  bool IsTotalLabel(std::string_view cell_text) const;
  bool IsCaptionNote(std::string_view paragraph) const;
};

// Loads and compiles all rule files. Errors name the file and the entry.
Status LoadRules(Rules* rules);

// The process-wide rules, loaded on first use (thread-safe). On failure
// returns nullptr and sets *status.
const Rules* DefaultRules(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_RULES_H_
