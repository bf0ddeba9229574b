// Reading notices and records back (see notice_read.h). A SqlCursor
// (sql_cursor.h) walks the columns in SELECT order so the reader and the
// column list stay in step; NULL comes back as the model's "unknown".
#include "store/notice_read.h"

#include <Poco/Exception.h>

#include "store/json_text.h"
#include "store/sql_cursor.h"

namespace fuhua {

const char* const kNoticeColumns =
    "n.id, n.source_path, n.sha256, n.version, n.superseded_by, n.format, n.title, "
    "n.doc_number, n.issuers, n.published, n.year, n.year_source, n.period_from, n.period_to, "
    "n.jurisdiction_source, n.jurisdiction_raw, n.jurisdiction_name, n.jurisdiction_code, "
    "n.jurisdiction_kind, n.jurisdiction_parent_code, n.jurisdiction_full_name, "
    "n.ingested_at, n.ingest_run";

const char* const kRecordColumns =
    "r.id, r.notice_id, n.sha256, n.source_path, n.year, n.jurisdiction_code, "
    "n.jurisdiction_name, r.table_index, r.row_index, r.seq, r.seq_raw, r.carrier_type, "
    "r.name, r.name_raw, r.name_key, r.name_place, r.name_qualifier, r.name_legal_form, "
    "r.operator, r.operator_raw, r.operator_key, r.operator_place, r.operator_qualifier, "
    "r.operator_legal_form, r.region_raw, r.region_name, r.region_code, r.region_kind, "
    "r.region_parent_code, r.region_full_name, r.grade, r.grade_raw, r.status, r.remark, "
    "r.evaluated_as, r.revocation, r.deferred_to, r.where_part, r.where_line, r.where_table, "
    "r.where_row, r.where_col";

namespace {

GradeStatus ParseGradeStatus(const std::string& name) {
  for (GradeStatus s : {GradeStatus::kGraded, GradeStatus::kRevoked, GradeStatus::kDeferred}) {
    if (name == GradeStatusName(s)) return s;
  }
  return GradeStatus::kUnknown;
}

// Six columns: raw, name, code, kind, parent_code, full_name; none when raw is NULL.
std::optional<Region> ReadRegion(SqlCursor* c) {
  bool absent = c->NextIsNull();
  Region r;
  r.raw = c->Text();
  r.name = c->Text();
  r.code = c->OptText();
  r.kind = ParseRegionKind(c->Text());
  r.parent_code = c->OptText();
  r.full_name = c->Text();
  return absent ? std::nullopt : std::optional<Region>(r);
}

// Four columns: key, place, qualifier, legal_form; none when key is NULL.
std::optional<NameKey> ReadNameKey(SqlCursor* c) {
  bool absent = c->NextIsNull();
  NameKey k;
  k.key = c->Text();
  k.place = c->OptText();
  k.qualifier = c->OptText();
  k.legal_form = c->OptText();
  return absent ? std::nullopt : std::optional<NameKey>(k);
}

std::optional<Jurisdiction> ReadJurisdiction(SqlCursor* c) {
  bool absent = c->NextIsNull();
  Jurisdiction j;
  j.source = c->Text();
  std::optional<Region> place = ReadRegion(c);
  if (absent || !place) return std::nullopt;
  j.place = *place;
  return j;
}

void ReadMetadata(SqlCursor* c, NoticeMetadata* m) {
  m->title = c->OptText();
  m->doc_number = c->OptText();
  m->issuers = FromJsonStrings(c->Text());
  m->published = c->OptText();
  m->year = c->OptInt();
  m->year_source = c->Text();
  m->period_from = c->OptInt();
  m->period_to = c->OptInt();
  m->jurisdiction = ReadJurisdiction(c);
}

Where ReadWhere(SqlCursor* c) {
  Where w;
  w.part = c->Text();
  w.line = c->IntOr(0);
  w.table = c->IntOr(-1);
  w.row = c->IntOr(-1);
  w.col = c->IntOr(-1);
  return w;
}

void ReadGradeFields(SqlCursor* c, GradeRecord* r) {
  r->grade = c->OptText();
  r->grade_raw = c->Text();
  r->status = ParseGradeStatus(c->Text());
  r->remark = c->OptText();
  r->evaluated_as = c->OptText();
  r->revocation = c->OptText();
  r->deferred_to = c->OptInt();
}

}  // namespace

NoticeRow ReadNotice(const SqlRows& rows) {
  SqlCursor c(rows);
  NoticeRow n;
  n.id = c.Int();
  n.source_path = c.Text();
  n.sha256 = c.Text();
  n.version = static_cast<int>(c.Int());
  n.superseded_by = c.OptId();
  n.format = c.Text();
  ReadMetadata(&c, &n.meta);
  n.ingested_at = c.Text();
  n.ingest_run = c.OptId();
  return n;
}

RecordRow ReadRecord(const SqlRows& rows) {
  SqlCursor c(rows);
  RecordRow out;
  out.id = c.Int();
  out.notice_id = c.Int();
  out.notice_sha256 = c.Text();
  out.source_path = c.Text();
  out.year = c.OptInt();
  out.jurisdiction_code = c.OptText();
  out.jurisdiction_name = c.OptText();
  GradeRecord& r = out.record;
  r.table = static_cast<int>(c.Int());
  r.row = static_cast<int>(c.Int());
  r.seq = c.OptInt();
  r.seq_raw = c.Text();
  r.carrier_type = c.OptText();
  r.name = c.Text();
  r.name_raw = c.Text();
  r.name_key = ReadNameKey(&c).value_or(NameKey());
  r.operator_name = c.OptText();
  r.operator_raw = c.OptText();
  r.operator_key = ReadNameKey(&c);
  r.region = ReadRegion(&c);
  ReadGradeFields(&c, &r);
  r.where = ReadWhere(&c);
  return out;
}

const char* const kCheckColumns =
    "c.notice_id, c.check_index, c.rule, c.subject, c.expected, c.found, c.ok, "
    "c.where_part, c.where_line, c.where_table, c.where_row, c.where_col";
const char* const kDiagnosticColumns =
    "c.notice_id, c.diagnostic_index, c.severity, c.code, c.message, "
    "c.where_part, c.where_line, c.where_table, c.where_row, c.where_col";

CheckRow ReadCheck(const SqlRows& rows) {
  SqlCursor c(rows);
  CheckRow r;
  r.notice_id = c.Int();
  r.index = static_cast<int>(c.Int());
  r.check.rule = c.Text();
  r.check.subject = c.Text();
  r.check.expected = c.Text();
  r.check.found = c.Text();
  r.check.ok = c.Int() != 0;
  r.check.where = ReadWhere(&c);
  return r;
}

DiagnosticRow ReadDiagnostic(const SqlRows& rows) {
  SqlCursor c(rows);
  DiagnosticRow r;
  r.notice_id = c.Int();
  r.index = static_cast<int>(c.Int());
  std::string severity = c.Text();
  r.diagnostic.severity = severity == "error"     ? Diagnostic::Severity::kError
                          : severity == "warning" ? Diagnostic::Severity::kWarning
                                                  : Diagnostic::Severity::kInfo;
  r.diagnostic.code = c.Text();
  r.diagnostic.message = c.Text();
  r.diagnostic.where = ReadWhere(&c);
  return r;
}

}  // namespace fuhua
