// Notice: what the pipeline extracts from one document. Stages fill it in
// order (metadata -> tables -> records -> checks); exporters only print it.
#ifndef FUHUA_PIPELINE_NOTICE_H_
#define FUHUA_PIPELINE_NOTICE_H_

#include <optional>
#include <string>
#include <vector>

#include "pipeline/data_tables.h"
#include "pipeline/indicator_system.h"
#include "pipeline/plan_tables.h"
#include "pipeline/region.h"

#include "pipeline/document.h"

namespace fuhua {

// Where a finding applies. Fields left at -1 / 0 are unknown or not relevant.
struct Where {
  int line = 0;    // 1-based source line (text formats)
  int table = -1;  // index into Notice::tables
  int row = -1;    // grid row within the table
  int col = -1;    // grid column within the table
  std::string part;  // container part, e.g. word/document.xml
};

struct Diagnostic {
  enum class Severity { kError, kWarning, kInfo };
  Severity severity = Severity::kWarning;
  std::string code;     // stable, snake_case: "grade_unrecognised", "check_failed"...
  std::string message;  // one line, for a person
  Where where;
};

struct Jurisdiction {
  std::string source;  // where it was read: an issuer, or a document-number abbreviation
  Region place;        // place.raw as found there: 重庆市大渡口区, 渝
};

// Matching key of an organisation or carrier name (pipeline/org_names.h):
// the key folds what varies between notices; the attributes keep what was
// moved out of it.
struct NameKey {
  std::string key;                        // 丝梦源孵化器商务有限公司
  std::optional<std::string> place;       // leading or bracketed place: 重庆市, 重庆
  std::optional<std::string> qualifier;   // trailing descriptive parenthetical: 原
  std::optional<std::string> legal_form;  // suffix class: limited, joint_stock...
};

struct NoticeMetadata {
  std::optional<std::string> title;
  std::optional<std::string> doc_number;   // as printed: 渝人社〔2021〕415号
  std::vector<std::string> issuers;        // issuing bodies, in order
  std::optional<std::string> published;    // YYYY-MM-DD
  std::optional<int> year;                 // evaluation / plan year
  std::string year_source;                 // "title", "caption", "published" or ""
  std::optional<int> period_from;          // plan period (2023—2025), if stated
  std::optional<int> period_to;
  std::optional<Jurisdiction> jurisdiction;
};

enum class TableKind { kGradeList, kOther };

struct TableInfo {
  int index = 0;  // position among the document's tables
  int block = 0;  // index into Document::blocks
  Where where;
  std::optional<std::string> annex;    // 附件1
  std::optional<std::string> caption;  // 2021年市级创业孵化基地年度绩效评估优秀等级
  std::vector<std::string> notes;      // （按综合得分排序）, 单位：%
  TableKind kind = TableKind::kOther;
  std::optional<std::string> carrier_type;
  int header_rows = 0;
  std::vector<std::string> header;  // one label per grid column
  std::vector<std::string> roles;   // one role per column, "" when unknown
  std::vector<int> spacer_rows;     // empty rows (e.g. after the header)
  std::vector<int> total_rows;      // 合计 / 总计 rows
  std::vector<int> body_rows;       // data rows, in order
  int Role(const std::string& role) const;  // column of a role, or -1
};

enum class GradeStatus { kGraded, kRevoked, kDeferred, kUnknown };

struct GradeRecord {
  int table = 0;
  int row = 0;
  std::optional<int> seq;
  std::string seq_raw;
  std::optional<std::string> carrier_type;
  std::string name;
  std::string name_raw;
  std::optional<std::string> operator_name;
  std::optional<std::string> operator_raw;
  std::optional<Region> region;
  NameKey name_key;
  std::optional<NameKey> operator_key;
  std::optional<std::string> grade;  // 优秀 | 良好 | 合格 | 不合格
  std::string grade_raw;
  GradeStatus status = GradeStatus::kUnknown;
  std::optional<std::string> remark;
  std::optional<std::string> evaluated_as;  // carrier type the result was borrowed from
  std::optional<std::string> revocation;    // what was revoked: 众创空间资格
  std::optional<int> deferred_to;           // year of the deferred evaluation
  Where where;
};

struct Check {
  std::string rule;     // "stated_count", "seq_continuity", "total_row"...
  std::string subject;  // what was counted or summed, for a person
  std::string expected;
  std::string found;
  bool ok = false;
  Where where;
};

struct Notice {
  std::string source;
  std::string format;
  std::string sha256;
  NoticeMetadata meta;
  std::vector<TableInfo> tables;
  std::vector<GradeRecord> records;
  std::vector<Check> checks;
  std::vector<Diagnostic> diagnostics;
  // Issue 7: every table as data, and the structured readings of non-grade tables.
  std::vector<DataTable> data_tables;             // pipeline/data_tables.h
  std::vector<IndicatorSystem> indicator_systems;  // pipeline/indicator_system.h
  PlanTables plans;                                // pipeline/plan_tables.h
};

const char* SeverityName(Diagnostic::Severity s);
const char* TableKindName(TableKind k);
const char* GradeStatusName(GradeStatus s);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_NOTICE_H_
