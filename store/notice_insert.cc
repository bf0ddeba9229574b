// Notice -> rows (see notice_insert.h). Each row is built as a value list
// matching its table's column list; RowBatch writes the placeholders, so no
// statement counts its `?`s by hand, and sends many rows per INSERT (one
// round trip per batch: what PostgreSQL pays for). Unknown values are stored
// as NULL: Where's 0 / -1, "" for optional text, absent optionals.
#include "store/notice_insert.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "store/json_text.h"
#include "store/link_rows.h"
#include "store/row_batch.h"
#include "store/table_data_insert.h"

namespace fuhua {
namespace {

using Values = std::vector<SqlValue>;

// Column lists in the order the *Values functions build rows; all but the
// notices' end with the where_* columns that AddWhere fills.
constexpr const char* kNoticeColumns =
    "id, source_path, sha256, version, format, title, doc_number, issuers, published, year, "
    "year_source, period_from, period_to, jurisdiction_source, jurisdiction_raw, "
    "jurisdiction_name, jurisdiction_code, jurisdiction_kind, jurisdiction_parent_code, "
    "jurisdiction_full_name, ingested_at, ingest_run";
constexpr const char* kTableColumns =
    "notice_id, table_index, block_index, annex, caption, notes, kind, carrier_type, "
    "header_rows, header, roles, body_rows, "
    "where_source, where_part, where_line, where_table, where_row, where_col";
constexpr const char* kRecordColumns =
    "id, notice_id, table_index, row_index, seq, seq_raw, carrier_type, name, name_raw, "
    "name_key, name_place, name_qualifier, name_legal_form, operator, operator_raw, "
    "operator_key, operator_place, operator_qualifier, operator_legal_form, region_raw, "
    "region_name, region_code, region_kind, region_parent_code, region_full_name, grade, "
    "grade_raw, status, remark, evaluated_as, revocation, deferred_to, "
    "where_source, where_part, where_line, where_table, where_row, where_col";
constexpr size_t ColumnCount(std::string_view list) {
  return static_cast<size_t>(std::count(list.begin(), list.end(), ',')) + 1;
}
constexpr size_t kRecordWidth = ColumnCount(kRecordColumns);
constexpr const char* kCheckColumns =
    "notice_id, check_index, rule, subject, expected, found, ok, "
    "where_source, where_part, where_line, where_table, where_row, where_col";
constexpr const char* kDiagnosticColumns =
    "notice_id, diagnostic_index, severity, code, message, "
    "where_source, where_part, where_line, where_table, where_row, where_col";

// Text values borrow the notice's strings (SqlRef): the rows are written
// before InsertNotice returns. So no helper may take a temporary (a Region
// converted to std::optional<Region> is a copy that dies before the INSERT):
// their rvalue forms are deleted.
void AddWhere(Values* v, const std::string& source, const Where& w) {
  AppendValues(v, SqlRefNonEmpty(source), SqlRefNonEmpty(w.part), SqlAtLeast(w.line, 1),
               SqlAtLeast(w.table, 0), SqlAtLeast(w.row, 0), SqlAtLeast(w.col, 0));
}
void AddWhere(Values* v, const std::string& source, Where&& w) = delete;
void AddWhere(Values* v, std::string&& source, const Where& w) = delete;

void AddRegion(Values* v, const Region& r) {
  AppendValues(v, SqlRefOf(r.raw), SqlRefOf(r.name), SqlRefOpt(r.code),
               SqlStatic(RegionKindName(r.kind)), SqlRefOpt(r.parent_code), SqlRefOf(r.full_name));
}
void AddRegion(Values* v, const std::optional<Region>& r) {
  if (r)
    AddRegion(v, *r);
  else
    v->insert(v->end(), 6, SqlNull());
}
void AddRegion(Values* v, Region&& r) = delete;
void AddRegion(Values* v, std::optional<Region>&& r) = delete;

void AddNameKey(Values* v, const NameKey& k) {
  AppendValues(v, SqlRefOf(k.key), SqlRefOpt(k.place), SqlRefOpt(k.qualifier),
               SqlRefOpt(k.legal_form));
}
void AddNameKey(Values* v, const std::optional<NameKey>& k) {
  if (k)
    AddNameKey(v, *k);
  else
    v->insert(v->end(), 4, SqlNull());
}
void AddNameKey(Values* v, NameKey&& k) = delete;
void AddNameKey(Values* v, std::optional<NameKey>&& k) = delete;

void AddJurisdiction(Values* v, const std::optional<Jurisdiction>& j) {
  if (!j) {
    v->insert(v->end(), 7, SqlNull());
    return;
  }
  v->push_back(SqlRefOf(j->source));
  AddRegion(v, j->place);
}
void AddJurisdiction(Values* v, std::optional<Jurisdiction>&& j) = delete;

Values NoticeValues(const Notice& n, const NoticeVersion& ver) {
  const NoticeMetadata& m = n.meta;
  Values v;
  AppendValues(&v, ver.id, SqlRefOf(n.source), SqlRefOf(n.sha256), int64_t{ver.version},
               SqlRefOf(n.format), SqlRefOpt(m.title), SqlRefOpt(m.doc_number),
               ToJsonStrings(m.issuers), SqlRefOpt(m.published), SqlOpt(m.year),
               SqlRefNonEmpty(m.year_source), SqlOpt(m.period_from), SqlOpt(m.period_to));
  AddJurisdiction(&v, m.jurisdiction);
  v.push_back(SqlRefOf(ver.ingested_at));
  v.push_back(ver.run_id ? SqlValue(*ver.run_id) : SqlNull());
  return v;
}

Values TableValues(int64_t notice_id, const std::string& source, const TableInfo& t) {
  Values v;
  AppendValues(&v, notice_id, int64_t{t.index}, int64_t{t.block}, SqlRefOpt(t.annex),
               SqlRefOpt(t.caption), ToJsonStrings(t.notes), SqlStatic(TableKindName(t.kind)),
               SqlRefOpt(t.carrier_type), int64_t{t.header_rows}, ToJsonStrings(t.header),
               ToJsonStrings(t.roles, /*empty_as_null=*/true),
               static_cast<int64_t>(t.body_rows.size()));
  AddWhere(&v, source, t.where);
  return v;
}
Values TableValues(int64_t notice_id, std::string&& source, const TableInfo& t) = delete;

Values RecordValues(int64_t id, int64_t notice_id, const std::string& source,
                    const GradeRecord& r) {
  Values v;
  v.reserve(kRecordWidth);  // grown value by value it was reallocated four times
  AppendValues(&v, id, notice_id, int64_t{r.table}, int64_t{r.row}, SqlOpt(r.seq),
               SqlRefOf(r.seq_raw), SqlRefOpt(r.carrier_type), SqlRefOf(r.name),
               SqlRefOf(r.name_raw));
  AddNameKey(&v, r.name_key);
  AppendValues(&v, SqlRefOpt(r.operator_name), SqlRefOpt(r.operator_raw));
  AddNameKey(&v, r.operator_key);
  AddRegion(&v, r.region);
  AppendValues(&v, SqlRefOpt(r.grade), SqlRefOf(r.grade_raw), SqlStatic(GradeStatusName(r.status)),
               SqlRefOpt(r.remark), SqlRefOpt(r.evaluated_as), SqlRefOpt(r.revocation),
               SqlOpt(r.deferred_to));
  AddWhere(&v, source, r.where);
  return v;
}
Values RecordValues(int64_t id, int64_t notice_id, std::string&& source,
                    const GradeRecord& r) = delete;

Values CheckValues(int64_t notice_id, int index, const std::string& source, const Check& c) {
  Values v;
  AppendValues(&v, notice_id, int64_t{index}, SqlRefOf(c.rule), SqlRefOf(c.subject),
               SqlRefOf(c.expected), SqlRefOf(c.found), int64_t{c.ok ? 1 : 0});
  AddWhere(&v, source, c.where);
  return v;
}
Values CheckValues(int64_t notice_id, int index, std::string&& source, const Check& c) = delete;

Values DiagnosticValues(int64_t notice_id, int index, const std::string& source,
                        const Diagnostic& d) {
  Values v;
  AppendValues(&v, notice_id, int64_t{index}, SqlStatic(SeverityName(d.severity)), SqlRefOf(d.code),
               SqlRefOf(d.message));
  AddWhere(&v, source, d.where);
  return v;
}
Values DiagnosticValues(int64_t notice_id, int index, std::string&& source,
                        const Diagnostic& d) = delete;

}  // namespace

int InsertNotice(SqlSession* db, const Notice& notice, const NoticeVersion& v,
                 WrittenLinkRows* written) {
  const std::string& src = notice.source;
  const Values notice_row = NoticeValues(notice, v);
  RowBatch notices(db, "notices", kNoticeColumns);
  notices.Add(notice_row);
  notices.Flush();
  RowBatch tables(db, "notice_tables", kTableColumns);
  for (const TableInfo& t : notice.tables) tables.Add(TableValues(v.id, src, t));
  tables.Flush();
  const int n = static_cast<int>(notice.records.size());
  const int64_t first = n > 0 ? db->ReserveIds("records", n) : 0;
  RowBatch records(db, "records", kRecordColumns);
  for (int i = 0; i < n; ++i) {
    Values row = RecordValues(first + i, v.id, src, notice.records[i]);
    if (written) written->Add(row, kRecordColumns, notice_row, kNoticeColumns);
    records.Add(std::move(row));
  }
  if (written) written->EndNotice();
  records.Flush();
  RowBatch checks(db, "checks", kCheckColumns);
  for (size_t i = 0; i < notice.checks.size(); ++i) {
    checks.Add(CheckValues(v.id, static_cast<int>(i), src, notice.checks[i]));
  }
  checks.Flush();
  RowBatch diagnostics(db, "diagnostics", kDiagnosticColumns);
  for (size_t i = 0; i < notice.diagnostics.size(); ++i) {
    diagnostics.Add(DiagnosticValues(v.id, static_cast<int>(i), src, notice.diagnostics[i]));
  }
  diagnostics.Flush();
  InsertTableData(db, v.id, notice);
  return n;
}

}  // namespace fuhua
