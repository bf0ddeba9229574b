// Implements table classification and grade-record extraction.
#include "pipeline/grade_records.h"

#include <unordered_map>

#include "pipeline/grade_cell.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

const Table& TableOf(const Document& doc, const TableInfo& info) {
  return std::get<Table>(doc.blocks[info.block]);
}

// Grade cells repeat down a notice's tables (优秀, 良好, 合格…): each distinct
// text is read once per stage. Four cell rules were tried on every one.
class GradeCells {
 public:
  explicit GradeCells(const Rules& rules) : rules_(rules) {}
  const GradeReading& Read(const std::string& text) {
    auto [it, fresh] = seen_.try_emplace(text);
    if (fresh) it->second = ReadGradeCell(text, rules_);
    return it->second;
  }

 private:
  const Rules& rules_;
  std::unordered_map<std::string, GradeReading> seen_;
};

std::string TextAt(const Table& t, int r, int c) {
  const Cell* cell = c < 0 ? nullptr : t.CellAt(r, c);
  return cell ? cell->text : std::string();
}

// Share of non-empty grade cells that read as a grade or a status.
bool GradeColumnReads(const Table& t, const TableInfo& info, GradeCells* cells) {
  int col = info.Role("grade");
  int filled = 0, read = 0;
  for (int r : info.body_rows) {
    std::string text = TextAt(t, r, col);
    if (text.empty()) continue;
    ++filled;
    if (cells->Read(text).recognised()) ++read;
  }
  return filled > 0 && read * 2 >= filled;
}

std::optional<std::string> OptionalText(const Table& t, int r, int c, bool raw) {
  const Cell* cell = c < 0 ? nullptr : t.CellAt(r, c);
  if (!cell || cell->text.empty()) return std::nullopt;
  return raw ? cell->raw : cell->text;
}

void AddDiagnostic(Notice* n, Diagnostic::Severity s, const char* code, std::string message,
                   Where where) {
  n->diagnostics.push_back({s, code, std::move(message), std::move(where)});
}

GradeRecord MakeRecord(const Table& t, const TableInfo& info, int r, GradeCells* cells) {
  GradeRecord rec;
  rec.table = info.index;
  rec.row = r;
  int name_col = info.Role("name");
  const Cell* name = t.CellAt(r, name_col);
  rec.name = name->text;
  rec.name_raw = name->raw;
  rec.seq_raw = TextAt(t, r, info.Role("seq"));
  rec.seq = ParseSeq(rec.seq_raw);
  rec.carrier_type = info.carrier_type;
  rec.operator_name = OptionalText(t, r, info.Role("operator"), false);
  rec.operator_raw = OptionalText(t, r, info.Role("operator"), true);
  if (auto raw = OptionalText(t, r, info.Role("region"), false)) {
    rec.region.emplace();
    rec.region->raw = *raw;
    rec.region->name = *raw;  // until the normaliser resolves it
    rec.region->full_name = *raw;
  }
  rec.grade_raw = TextAt(t, r, info.Role("grade"));
  const GradeReading& g = cells->Read(rec.grade_raw);
  rec.grade = g.grade;
  rec.status = g.status;
  rec.remark = g.remark;
  rec.evaluated_as = g.evaluated_as;
  rec.revocation = g.revocation;
  rec.deferred_to = g.deferred_to;
  rec.where = Where{name->where.line, info.index, r, name_col, name->where.part};
  return rec;
}

}  // namespace

void ClassifyTables(const Document& doc, const Rules& rules, Notice* notice) {
  GradeCells cells(rules);
  for (TableInfo& info : notice->tables) {
    const Table& t = TableOf(doc, info);
    bool grade_list = info.Role("name") >= 0 && info.Role("grade") >= 0 &&
                      GradeColumnReads(t, info, &cells);
    info.kind = grade_list ? TableKind::kGradeList : TableKind::kOther;
    if (info.caption) info.carrier_type = rules.CarrierTypeIn(*info.caption);
    int name_col = info.Role("name");
    if (!info.carrier_type && name_col >= 0)
      info.carrier_type = rules.CarrierTypeIn(info.header[name_col]);
    if (!info.carrier_type && grade_list && notice->meta.title)
      info.carrier_type = rules.CarrierTypeIn(*notice->meta.title);
  }
}

void ExtractGradeRecords(const Document& doc, const Rules& rules, Notice* notice) {
  GradeCells cells(rules);
  for (const TableInfo& info : notice->tables) {
    if (info.kind != TableKind::kGradeList) continue;
    const Table& t = TableOf(doc, info);
    for (int r : info.body_rows) {
      const Cell* name = t.CellAt(r, info.Role("name"));
      if (!name || name->text.empty()) {
        AddDiagnostic(notice, Diagnostic::Severity::kWarning, "row_without_name",
                      "table " + std::to_string(info.index) + " row " + std::to_string(r) +
                          " has no carrier name; skipped",
                      Where{name ? name->where.line : 0, info.index, r, -1, ""});
        continue;
      }
      GradeRecord rec = MakeRecord(t, info, r, &cells);
      if (rec.status == GradeStatus::kUnknown) {
        Where at = rec.where;
        at.col = info.Role("grade");
        AddDiagnostic(notice, Diagnostic::Severity::kWarning, "grade_unrecognised",
                      "grade cell \"" + rec.grade_raw + "\" of " + rec.name + " is not a known grade",
                      at);
      }
      notice->records.push_back(std::move(rec));
    }
  }
}

}  // namespace fuhua
