// Implements the notice JSON rendering (see notice_json.h).
#include "exporters/notice_json.h"

#include "exporters/notice_json_parts.h"

#include <sstream>

#include "exporters/json_writer.h"


namespace fuhua {
namespace {

void WriteWhere(JsonWriter& w, const std::string& source, const Where& where) {
  w.BeginObject();
  w.Field("source", source);
  if (where.line > 0) w.FieldInt("line", where.line);
  if (where.table >= 0) w.FieldInt("table", where.table);
  if (where.row >= 0) w.FieldInt("row", where.row);
  if (where.col >= 0) w.FieldInt("col", where.col);
  if (!where.part.empty()) w.Field("part", where.part);
  w.EndObject();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& v, bool empty_is_null) {
  w.BeginArray();
  for (const std::string& s : v) empty_is_null && s.empty() ? w.Null() : w.String(s);
  w.EndArray();
}

// Region fields shared by a record's region and the notice's jurisdiction.
void WriteRegionFields(JsonWriter& w, const Region& r) {
  w.Field("raw", r.raw);
  w.Field("name", r.name);
  w.OptField("code", r.code);
  w.Field("kind", RegionKindName(r.kind));
  w.OptField("parent_code", r.parent_code);
  w.Field("full_name", r.full_name);
}

void WriteMeta(JsonWriter& w, const NoticeMetadata& m) {
  w.OptField("title", m.title);
  w.OptField("doc_number", m.doc_number);
  w.Key("issuers");
  WriteStrings(w, m.issuers, false);
  w.OptField("published", m.published);
  w.Key("year");
  w.OptInt(m.year);
  w.Key("year_source");
  m.year_source.empty() ? w.Null() : w.String(m.year_source);
  w.Key("period");
  if (m.period_from && m.period_to) {
    w.BeginObject();
    w.FieldInt("from", *m.period_from);
    w.FieldInt("to", *m.period_to);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("jurisdiction");
  if (m.jurisdiction) {
    w.BeginObject();
    w.Field("source", m.jurisdiction->source);
    WriteRegionFields(w, m.jurisdiction->place);
    w.EndObject();
  } else {
    w.Null();
  }
}

void WriteTable(JsonWriter& w, const std::string& source, const TableInfo& t) {
  w.BeginObject();
  w.FieldInt("index", t.index);
  w.Key("where");
  WriteWhere(w, source, t.where);
  w.OptField("annex", t.annex);
  w.OptField("caption", t.caption);
  w.Key("notes");
  WriteStrings(w, t.notes, false);
  w.Field("kind", TableKindName(t.kind));
  w.OptField("carrier_type", t.carrier_type);
  int rows = t.header_rows + static_cast<int>(t.spacer_rows.size() + t.total_rows.size() +
                                              t.body_rows.size());
  w.FieldInt("rows", rows);
  w.FieldInt("cols", static_cast<long long>(t.header.size()));
  w.FieldInt("header_rows", t.header_rows);
  w.FieldInt("record_rows", static_cast<long long>(t.body_rows.size()));
  w.Key("header");
  WriteStrings(w, t.header, false);
  w.Key("roles");
  WriteStrings(w, t.roles, true);
  w.EndObject();
}


void WriteNameKey(JsonWriter& w, const char* key_field, const char* attrs_field,
                  const NameKey* k) {
  w.Key(key_field);
  if (!k) {
    w.Null();
    w.Key(attrs_field);
    return w.Null();
  }
  w.String(k->key);
  w.Key(attrs_field);
  w.BeginObject();
  w.OptField("place", k->place);
  w.OptField("qualifier", k->qualifier);
  w.OptField("legal_form", k->legal_form);
  w.EndObject();
}

void WriteRecord(JsonWriter& w, const std::string& source, const GradeRecord& r) {
  w.BeginObject();
  w.FieldInt("table", r.table);
  w.FieldInt("row", r.row);
  w.Key("seq");
  w.OptInt(r.seq);
  w.Field("seq_raw", r.seq_raw);
  w.OptField("carrier_type", r.carrier_type);
  w.Field("name", r.name);
  w.Field("name_raw", r.name_raw);
  w.OptField("operator", r.operator_name);
  w.OptField("operator_raw", r.operator_raw);
  WriteNameKey(w, "name_key", "name_attrs", &r.name_key);
  WriteNameKey(w, "operator_key", "operator_attrs", r.operator_key ? &*r.operator_key : nullptr);
  w.Key("region");
  WriteRegion(w, r.region);
  w.OptField("grade", r.grade);
  w.Field("grade_raw", r.grade_raw);
  w.Field("status", GradeStatusName(r.status));
  w.OptField("remark", r.remark);
  w.OptField("evaluated_as", r.evaluated_as);
  w.OptField("revocation", r.revocation);
  w.Key("deferred_to");
  w.OptInt(r.deferred_to);
  w.Key("where");
  WriteWhere(w, source, r.where);
  w.EndObject();
}

void WriteCheck(JsonWriter& w, const std::string& source, const Check& c) {
  w.BeginObject();
  w.Field("rule", c.rule);
  w.Field("subject", c.subject);
  w.Field("expected", c.expected);
  w.Field("found", c.found);
  w.Key("ok");
  w.Bool(c.ok);
  w.Key("where");
  WriteWhere(w, source, c.where);
  w.EndObject();
}

void WriteDiagnostic(JsonWriter& w, const std::string& source, const Diagnostic& d) {
  w.BeginObject();
  w.Field("severity", SeverityName(d.severity));
  w.Field("code", d.code);
  w.Field("message", d.message);
  w.Key("where");
  WriteWhere(w, source, d.where);
  w.EndObject();
}

template <typename T, typename F>
void WriteList(JsonWriter& w, const char* key, const std::vector<T>& items, F write_one,
               const std::string& source) {
  w.Key(key);
  w.BeginArray();
  for (const T& item : items) write_one(w, source, item);
  w.EndArray();
}

void WriteNotice(JsonWriter& w, const Notice& n) {
  w.BeginObject();
  w.Field("source", n.source);
  w.Field("format", n.format);
  w.Field("sha256", n.sha256);
  WriteMeta(w, n.meta);
  WriteList(w, "tables", n.tables, WriteTable, n.source);
  WriteList(w, "records", n.records, WriteRecord, n.source);
  WriteList(w, "checks", n.checks, WriteCheck, n.source);
  WriteList(w, "diagnostics", n.diagnostics, WriteDiagnostic, n.source);
  WriteDataTables(w, n);
  WriteIndicatorSystems(w, n);
  WritePlans(w, n);
  w.EndObject();
}

}  // namespace

void WriteRegion(JsonWriter& w, const std::optional<Region>& region) {
  if (!region) return w.Null();
  w.BeginObject();
  WriteRegionFields(w, *region);
  w.EndObject();
}

NoticeStream::NoticeStream(std::ostream* out, bool jsonl) : out_(out), jsonl_(jsonl) {}

void NoticeStream::Add(const Notice& notice) {
  if (jsonl_) {
    *out_ << RenderNoticeLine(notice) << "\n";
    return;
  }
  std::string text;
  if (!started_) {
    text = "{\n  \"fuhua_version\": \"" FUHUA_VERSION "\",\n  \"notices\": [";
    started_ = true;
  }
  JsonWriter w(&text, true, 2, count_++ > 0);
  WriteNotice(w, notice);
  *out_ << text;
}

void NoticeStream::Finish(const std::vector<InputError>& errors) {
  if (jsonl_) return;
  std::string text;
  if (!started_) text = "{\n  \"fuhua_version\": \"" FUHUA_VERSION "\",\n  \"notices\": [";
  text += count_ ? "\n  ]" : "]";  // the writer below adds ",\n  \"errors\": "
  JsonWriter w(&text, true, 1, true);
  w.Key("errors");
  w.BeginArray();
  for (const InputError& e : errors) {
    w.BeginObject();
    w.Field("source", e.source);
    w.Field("code", e.code);
    w.Field("message", e.message);
    w.EndObject();
  }
  w.EndArray();
  text += "\n}\n";
  *out_ << text;
}

std::string RenderJson(const std::vector<Notice>& notices, const std::vector<InputError>& errors) {
  std::ostringstream out;
  NoticeStream stream(&out, false);
  for (const Notice& n : notices) stream.Add(n);
  stream.Finish(errors);
  return out.str();
}

std::string RenderNoticeLine(const Notice& notice) {
  std::string out;
  JsonWriter w(&out, false);
  WriteNotice(w, notice);
  return out;
}

}  // namespace fuhua
