// JSON of every table as data (pipeline/data_tables.h) inside a notice:
//   "data_tables": [{"table": 0, "kind": "other", "columns": [...],
//                    "rows": [{"row": 1, "kind": "data", "cells": ["1", "天安…", …],
//                              "derived": [false, …]}]}]
// `derived` marks values filled down from a merged cell above.
#include "exporters/notice_json_parts.h"

namespace fuhua {
namespace {

void WriteRow(JsonWriter& w, const DataRow& r) {
  w.BeginObject();
  w.FieldInt("row", r.row);
  w.Field("kind", r.kind);
  w.Key("cells");
  w.BeginArray();
  for (const DataCell& c : r.cells) w.String(c.text);
  w.EndArray();
  w.Key("derived");
  w.BeginArray();
  for (const DataCell& c : r.cells) w.Bool(c.derived);
  w.EndArray();
  w.EndObject();
}

}  // namespace

void WriteDataTables(JsonWriter& w, const Notice& n) {
  w.Key("data_tables");
  w.BeginArray();
  for (const DataTable& t : n.data_tables) {
    w.BeginObject();
    w.FieldInt("table", t.table);
    w.Field("kind", t.kind);
    w.Key("columns");
    w.BeginArray();
    for (const std::string& c : t.columns) w.String(c);
    w.EndArray();
    w.Key("rows");
    w.BeginArray();
    for (const DataRow& r : t.rows) WriteRow(w, r);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace fuhua
