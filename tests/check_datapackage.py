#!/usr/bin/env python3
"""Validates a Frictionless tabular data package (fuhua export --format
datapackage) with nothing but the standard library: no frictionless library
is packaged for Debian 12, and an independent reader is the point.

Usage:
  check_datapackage.py DIR [--json-schema FILE]
      Checks DIR/datapackage.json (Tabular Data Package v1 structure, every
      resource a CSV described by a Table Schema) and every CSV it names:
      bytes and sha256 hash, UTF-8 (a leading BOM is allowed), the dialect's
      line terminator, quoting, header == the schema's field names, every
      value of its field type (integer, number, boolean, date, year, string)
      and constraints (required, unique, enum, pattern, min/max length and
      value), primary keys unique and present, every foreign key found in the
      referenced resource.
      --json-schema FILE: also checks that FILE (schemas/output/
      dataset.schema.json) describes every table's row as the package's Table
      Schema does: same columns, JSON type, nullability, enum and pattern.
  check_datapackage.py --self-test DIR
      Checks that DIR passes, then breaks copies of it one way at a time (a
      grade outside its enum, a dangling foreign key, a duplicate primary key,
      a wrong header, a non-integer, an empty required value, an impossible
      date, a non-boolean, a pattern mismatch, LF line ends, a changed byte, a
      missing profile) and checks that each copy fails with the expected
      error, so this check can fail.

Exit status: 0 valid (self-test: every break detected), 1 invalid, 2 usage.
"""

import csv
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile

NAME_RE = re.compile(r"^[a-z0-9._/-]+$")
TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time",
         "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"}
CONSTRAINTS = {"required", "unique", "enum", "pattern", "minLength", "maxLength",
               "minimum", "maximum"}
INTEGER_RE = re.compile(r"^[+-]?[0-9]+$")
NUMBER_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
YEAR_RE = re.compile(r"^-?[0-9]{4,}$")
MAX_ERRORS_PER_RESOURCE = 30
MAX_ERRORS_SHOWN = 100


class Report:
    def __init__(self):
        self.errors = []

    def error(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))


# --------------------------------------------------------------------------
# Descriptor structure

def as_list(v):
    return [v] if isinstance(v, str) else v


def check_field(rep, where, field, names):
    if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not field["name"]:
        return rep.error(where, "a field needs a non-empty string name")
    if field["name"] in names:
        rep.error(where, "duplicate field name %r" % field["name"])
    names.add(field["name"])
    if field.get("type", "string") not in TYPES:
        rep.error(where, "field %s: unknown type %r" % (field["name"], field.get("type")))
    for key in ("title", "description"):
        if key in field and not isinstance(field[key], str):
            rep.error(where, "field %s: %s is not a string" % (field["name"], key))
    cons = field.get("constraints", {})
    if not isinstance(cons, dict) or set(cons) - CONSTRAINTS:
        rep.error(where, "field %s: unknown constraints %s" % (field["name"], sorted(set(cons) - CONSTRAINTS)))
    elif "enum" in cons and (not isinstance(cons["enum"], list) or not cons["enum"]):
        rep.error(where, "field %s: enum is not a non-empty array" % field["name"])


def check_keys(rep, where, schema, names, resources):
    for f in as_list(schema.get("primaryKey", [])):
        if f not in names:
            rep.error(where, "primaryKey field %r is not a field" % f)
    for fk in schema.get("foreignKeys", []):
        fields, ref = as_list(fk.get("fields", [])), fk.get("reference", {})
        target = ref.get("resource")
        ref_fields = as_list(ref.get("fields", []))
        if any(f not in names for f in fields):
            rep.error(where, "foreign key fields %s are not all fields" % fields)
        if target != "" and target not in resources:
            rep.error(where, "foreign key refers to unknown resource %r" % target)
            continue
        target_names = names if target == "" else {f.get("name") for f in resources[target]}
        if len(ref_fields) != len(fields) or any(f not in target_names for f in ref_fields):
            rep.error(where, "foreign key reference fields %s do not match %s" % (ref_fields, fields))


def check_dialect(rep, where, res):
    d = res.get("dialect", {})
    if len(d.get("delimiter", ",")) != 1 or len(d.get("quoteChar", '"')) != 1:
        rep.error(where, "dialect delimiter and quoteChar must be one character")
    if d.get("lineTerminator", "\r\n") not in ("\r\n", "\n", "\r"):
        rep.error(where, "dialect lineTerminator %r" % d.get("lineTerminator"))
    if d.get("header", True) is not True or d.get("doubleQuote", True) is not True:
        rep.error(where, "only header: true and doubleQuote: true are supported")


def check_resource(rep, where, res, names_seen):
    if not isinstance(res.get("name"), str) or not NAME_RE.match(res["name"]):
        rep.error(where, "resource name %r is not lower-case [a-z0-9._/-]" % res.get("name"))
    if res.get("name") in names_seen:
        rep.error(where, "duplicate resource name %r" % res.get("name"))
    names_seen.add(res.get("name"))
    path = res.get("path")
    if not isinstance(path, str) or os.path.isabs(path) or ".." in path.split("/"):
        rep.error(where, "path %r is not a relative path inside the package" % path)
    expected = {"profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv"}
    for key, value in expected.items():
        if res.get(key) != value:
            rep.error(where, "%s is %r, expected %r" % (key, res.get(key), value))
    if str(res.get("encoding", "utf-8")).lower() not in ("utf-8", "utf8"):
        rep.error(where, "encoding %r is not utf-8" % res.get("encoding"))
    check_dialect(rep, where, res)
    schema = res.get("schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        return rep.error(where, "schema.fields must be a non-empty array")
    names = set()
    for i, field in enumerate(schema["fields"]):
        check_field(rep, "%s.schema.fields[%d]" % (where, i), field, names)


def check_descriptor(rep, pkg):
    if not isinstance(pkg, dict):
        return rep.error("datapackage.json", "not a JSON object")
    if pkg.get("profile") != "tabular-data-package":
        rep.error("datapackage.json", "profile is %r, expected tabular-data-package" % pkg.get("profile"))
    if not isinstance(pkg.get("name"), str) or not NAME_RE.match(pkg["name"]):
        rep.error("datapackage.json", "package name %r is not lower-case [a-z0-9._/-]" % pkg.get("name"))
    resources = pkg.get("resources")
    if not isinstance(resources, list) or not resources:
        return rep.error("datapackage.json", "resources must be a non-empty array")
    seen = set()
    for i, res in enumerate(resources):
        check_resource(rep, "resources[%d]" % i, res, seen)
    fields = {r.get("name"): r.get("schema", {}).get("fields", []) for r in resources}
    for i, res in enumerate(resources):
        schema = res.get("schema", {})
        names = {f.get("name") for f in schema.get("fields", []) if isinstance(f, dict)}
        check_keys(rep, "resources[%d].schema" % i, schema, names, fields)


# --------------------------------------------------------------------------
# CSV files

def read_csv(rep, where, data, res):
    """The rows of a CSV resource (header first), or None."""
    if "bytes" in res and res["bytes"] != len(data):
        rep.error(where, "bytes is %s, the file has %d" % (res["bytes"], len(data)))
    if "hash" in res:
        algo, _, digest = res["hash"].rpartition(":")
        actual = hashlib.new(algo or "md5", data).hexdigest()
        if actual != digest:
            rep.error(where, "hash %s does not match the file (%s)" % (res["hash"], actual))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return rep.error(where, "not UTF-8: %s" % e)
    text = text[1:] if text.startswith("\ufeff") else text
    dialect = res.get("dialect", {})
    check_terminators(rep, where, text, dialect.get("lineTerminator", "\r\n"), dialect.get("quoteChar", '"'))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=dialect.get("delimiter", ","),
                               quotechar=dialect.get("quoteChar", '"'), doublequote=True, strict=True))
    except csv.Error as e:
        return rep.error(where, "CSV does not parse: %s" % e)


def check_terminators(rep, where, text, terminator, quote):
    """Every record outside quotes ends with exactly `terminator`."""
    in_quotes, line = False, 1
    for m in re.finditer("%s|\r\n|\r|\n" % re.escape(quote), text):
        if m.group() == quote:
            in_quotes = not in_quotes
        elif not in_quotes:
            if m.group() != terminator:
                return rep.error("%s:%d" % (where, line), "line ends with %r, dialect says %r"
                                 % (m.group(), terminator))
            line += 1


def parse_value(field, raw):
    """(ok, logical value) of a non-missing CSV value for its field type."""
    t = field.get("type", "string")
    if t == "integer" or t == "year":
        ok = (INTEGER_RE if t == "integer" else YEAR_RE).match(raw)
        return (True, int(raw)) if ok else (False, None)
    if t == "number":
        if raw in ("NaN", "INF", "-INF"):
            return True, float(raw.replace("INF", "inf"))
        return (True, float(raw)) if NUMBER_RE.match(raw) else (False, None)
    if t == "boolean":
        trues = field.get("trueValues", ["true", "True", "TRUE", "1"])
        falses = field.get("falseValues", ["false", "False", "FALSE", "0"])
        return (True, raw in trues) if raw in trues or raw in falses else (False, None)
    if t == "date":
        try:
            return (True, datetime.date.fromisoformat(raw)) if DATE_RE.match(raw) else (False, None)
        except ValueError:
            return False, None
    return True, raw


def enum_values(field):
    out = set()
    for v in field.get("constraints", {}).get("enum", []):
        ok, value = parse_value(field, v) if isinstance(v, str) else (True, v)
        out.add(value if ok else v)
    return out


def check_value(rep, where, field, raw, missing):
    """The logical value of one cell (None when missing), reporting violations."""
    cons = field.get("constraints", {})
    if raw in missing:
        if cons.get("required"):
            rep.error(where, "%s is required but empty" % field["name"])
        return None
    ok, value = parse_value(field, raw)
    if not ok:
        rep.error(where, "%s: %r is not a valid %s" % (field["name"], raw, field.get("type")))
        return None
    if "enum" in cons and value not in enum_values(field):
        rep.error(where, "%s: %r is not in enum %s" % (field["name"], raw, cons["enum"]))
    if "pattern" in cons and not re.fullmatch(cons["pattern"], raw):
        rep.error(where, "%s: %r does not match pattern %s" % (field["name"], raw, cons["pattern"]))
    if ("minLength" in cons and len(raw) < cons["minLength"]) or \
            ("maxLength" in cons and len(raw) > cons["maxLength"]):
        rep.error(where, "%s: %r has a length outside the constraints" % (field["name"], raw))
    if ("minimum" in cons and value < cons["minimum"]) or ("maximum" in cons and value > cons["maximum"]):
        rep.error(where, "%s: %r is outside [minimum, maximum]" % (field["name"], raw))
    return value


def check_rows(rep, where, res, rows):
    """The logical rows of a resource (lists of values; None for a row of the
    wrong width, so positions stay line numbers), reporting violations."""
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    if not rows or rows[0] != names:
        rep.error(where + ":1", "header %s is not the schema's field names %s" % (rows[0] if rows else None, names))
        return None  # its values cannot be read, so its keys are not checked
    missing = set(res["schema"].get("missingValues", [""]))
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(fields):
            rep.error("%s:%d" % (where, n), "%d values for %d fields" % (len(row), len(fields)))
            out.append(None)
            continue
        out.append([check_value(rep, "%s:%d" % (where, n), f, v, missing) for f, v in zip(fields, row)])
    for name in names:
        if fields[names.index(name)].get("constraints", {}).get("unique"):
            check_unique(rep, where, [name], project(res, out, [name]))
    return out


def check_unique(rep, where, key, numbered, label="unique"):
    """No two rows share a key; a primary key is also never empty."""
    seen = {}
    for n, t in numbered:
        if all(v is None for v in t) and label == "unique":
            continue  # empty values do not collide
        if label == "primary key" and any(v is None for v in t):
            rep.error("%s:%d" % (where, n), "primary key %s has an empty value" % key)
        elif t in seen:
            rep.error("%s:%d" % (where, n), "%s %s = %s repeats row %d" % (label, key, list(t), seen[t]))
        else:
            seen[t] = n


def project(res, rows, key):
    """(line number, values of `key`) of every well-formed row."""
    names = [f["name"] for f in res["schema"]["fields"]]
    idx = [names.index(k) for k in key]
    return [(n, tuple(r[i] for i in idx)) for n, r in enumerate(rows, start=2) if r is not None]


def check_relations(rep, resources, data):
    by_name = {r["name"]: r for r in resources}
    for res in resources:
        where, rows = res["path"], data.get(res["name"])
        if rows is None:
            continue
        pk = as_list(res["schema"].get("primaryKey", []))
        if pk:
            check_unique(rep, where, pk, project(res, rows, pk), "primary key")
        for fk in res["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or res["name"]
            if data.get(target) is None:
                continue
            fields, ref = as_list(fk["fields"]), as_list(fk["reference"]["fields"])
            known = {t for _, t in project(by_name[target], data[target], ref)}
            for n, t in project(res, rows, fields):
                if any(v is not None for v in t) and t not in known:
                    rep.error("%s:%d" % (where, n), "foreign key %s = %s not found in %s.%s"
                              % (fields, list(t), target, ref))


# --------------------------------------------------------------------------
# JSON Schema of the JSON export against the Table Schemas

JSON_TYPES = {"string": "string", "date": "string", "integer": "integer", "year": "integer",
              "number": "number", "boolean": "boolean"}


def check_json_schema(rep, resources, schema):
    tables = schema["properties"]["tables"]["properties"]
    for res in resources:
        where = "json-schema %s" % res["name"]
        if res["name"] not in tables:
            rep.error(where, "no such table in the JSON Schema")
            continue
        ref = tables[res["name"]]["items"]["$ref"]
        row = schema["$defs"][ref.rsplit("/", 1)[1]]
        patterns = {re.compile(p): prop for p, prop in row.get("patternProperties", {}).items()}
        fields = []
        for f in res["schema"]["fields"]:
            prop = next((prop for p, prop in patterns.items() if p.search(f["name"])), None)
            if prop is None:
                fields.append(f)
            else:  # a per-year column (grade_YYYY)
                check_json_property(rep, "%s.%s" % (where, f["name"]), f, prop)
        if [f["name"] for f in fields] != list(row["properties"]) or row["required"] != list(row["properties"]):
            rep.error(where, "properties/required %s are not the columns %s"
                      % (list(row["properties"]), [f["name"] for f in fields]))
        for f in fields:
            if f["name"] in row["properties"]:
                check_json_property(rep, "%s.%s" % (where, f["name"]), f, row["properties"][f["name"]])


def check_json_property(rep, where, field, prop):
    cons = field.get("constraints", {})
    required = bool(cons.get("required"))
    if "enum" in cons or "enum" in prop:
        want = list(cons.get("enum", [])) + ([] if required else [None])
        if prop.get("enum") != want:
            rep.error(where, "enum %s, the Table Schema says %s" % (prop.get("enum"), want))
        return
    json_type = JSON_TYPES.get(field.get("type", "string"), "?")
    want = json_type if required else [json_type, "null"]
    if prop.get("type") != want:
        rep.error(where, "type %s, the Table Schema says %s" % (prop.get("type"), want))
    if prop.get("pattern") != cons.get("pattern") and field.get("type") != "date":
        rep.error(where, "pattern %s, the Table Schema says %s" % (prop.get("pattern"), cons.get("pattern")))
    if required and json_type == "string" and prop.get("minLength") != 1:
        rep.error(where, "a required string needs minLength 1 (CSV reads an empty value as missing)")


# --------------------------------------------------------------------------

def validate(pkg_dir, json_schema_path=None):
    """Every error found in the package at pkg_dir, as lines."""
    rep = Report()
    try:
        with open(os.path.join(pkg_dir, "datapackage.json"), encoding="utf-8") as f:
            pkg = json.load(f)
    except (OSError, ValueError) as e:
        return ["datapackage.json: %s" % e]
    check_descriptor(rep, pkg)
    if rep.errors:
        return rep.errors
    data = {}
    for res in pkg["resources"]:
        sub = Report()
        try:
            with open(os.path.join(pkg_dir, res["path"]), "rb") as f:
                raw = f.read()
        except OSError as e:
            rep.error(res["path"], str(e))
            continue
        rows = read_csv(sub, res["path"], raw, res)
        if rows is not None:
            data[res["name"]] = check_rows(sub, res["path"], res, rows)
        rep.errors += sub.errors[:MAX_ERRORS_PER_RESOURCE]
        if len(sub.errors) > MAX_ERRORS_PER_RESOURCE:
            rep.error(res["path"], "... %d more errors" % (len(sub.errors) - MAX_ERRORS_PER_RESOURCE))
    check_relations(rep, pkg["resources"], data)
    if json_schema_path:
        with open(json_schema_path, encoding="utf-8") as f:
            check_json_schema(rep, pkg["resources"], json.load(f))
    return rep.errors


# --------------------------------------------------------------------------
# Self-test: break copies of a valid package and expect each break found

def load_rows(pkg_dir, res):
    with open(os.path.join(pkg_dir, res["path"]), "rb") as f:
        text = f.read().decode("utf-8")
    bom = text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:] if bom else text, newline=""))), bom


def save_rows(pkg_dir, res, rows, bom, terminator="\r\n"):
    """Writes the rows and updates bytes and hash, so only the break is wrong."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=terminator).writerows(rows)
    data = (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")
    with open(os.path.join(pkg_dir, res["path"]), "wb") as f:
        f.write(data)
    res["bytes"] = len(data)
    res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()


def set_cell(pkg_dir, pkg, want, value):
    """Sets the first non-empty cell of the first field for which
    want(resource, field) holds; False when there is none."""
    for res in pkg["resources"]:
        rows, bom = load_rows(pkg_dir, res)
        for i, field in enumerate(res["schema"]["fields"]):
            if not want(res, field):
                continue
            for row in rows[1:]:
                if row[i] != "":
                    row[i] = value
                    save_rows(pkg_dir, res, rows, bom)
                    return True
    return False


def cons(field):
    return field.get("constraints", {})


def break_enum(d, pkg):
    """A grade outside the vocabulary, else any enum value."""
    return set_cell(d, pkg, lambda r, f: f["name"] == "grade" and "enum" in cons(f), "特优") or \
        set_cell(d, pkg, lambda r, f: "enum" in cons(f), "__not_in_enum__")


def break_foreign_key(d, pkg):
    def fk_field(res, field):
        fks = res["schema"].get("foreignKeys", [])
        return field.get("type") == "integer" and any(field["name"] in as_list(k["fields"]) for k in fks)
    return set_cell(d, pkg, fk_field, "987654321")


def break_primary_key(d, pkg):
    for res in pkg["resources"]:
        rows, bom = load_rows(d, res)
        if res["schema"].get("primaryKey") and len(rows) > 1:
            save_rows(d, res, rows + [rows[1]], bom)
            return True
    return False


def break_header(d, pkg):
    res = pkg["resources"][0]
    rows, bom = load_rows(d, res)
    rows[0][0] += "_renamed"
    save_rows(d, res, rows, bom)
    return True


def break_line_ends(d, pkg):
    for res in pkg["resources"]:
        rows, bom = load_rows(d, res)
        if len(rows) > 1:
            save_rows(d, res, rows, bom, terminator="\n")
            return True
    return False


def break_bytes(d, pkg):
    with open(os.path.join(d, pkg["resources"][0]["path"]), "ab") as f:
        f.write(b"\r\n")
    return True


def break_profile(d, pkg):
    del pkg["profile"]
    return True


BREAKS = [
    ("a value outside its enum", break_enum, "not in enum"),
    ("a dangling foreign key", break_foreign_key, "not found in"),
    ("a duplicate primary key", break_primary_key, "repeats row"),
    ("a wrong header", break_header, "header"),
    ("a non-integer", lambda d, p: set_cell(d, p, lambda r, f: f.get("type") == "integer", "1.5"),
     "is not a valid integer"),
    ("an empty required value", lambda d, p: set_cell(d, p, lambda r, f: cons(f).get("required"), ""),
     "is required but empty"),
    ("an impossible date", lambda d, p: set_cell(d, p, lambda r, f: f.get("type") == "date", "2021-02-30"),
     "is not a valid date"),
    ("a non-boolean", lambda d, p: set_cell(d, p, lambda r, f: f.get("type") == "boolean", "yes"),
     "is not a valid boolean"),
    ("a pattern mismatch", lambda d, p: set_cell(d, p, lambda r, f: "pattern" in cons(f), "no-match!"),
     "does not match pattern"),
    ("LF line ends", break_line_ends, "line ends with"),
    ("a changed byte", break_bytes, "hash"),
    ("no profile", break_profile, "profile"),
]


def self_test(pkg_dir):
    errors = validate(pkg_dir)
    if errors:
        print("check_datapackage: the package to break is not valid to begin with:", file=sys.stderr)
        print("\n".join(errors), file=sys.stderr)
        return 1
    failures = 0
    for label, apply, expected in BREAKS:
        with tempfile.TemporaryDirectory(prefix="fuhua_dp_break.") as tmp:
            copy = os.path.join(tmp, "pkg")
            shutil.copytree(pkg_dir, copy)
            with open(os.path.join(copy, "datapackage.json"), encoding="utf-8") as f:
                pkg = json.load(f)
            applied = apply(copy, pkg)
            with open(os.path.join(copy, "datapackage.json"), "w", encoding="utf-8") as f:
                json.dump(pkg, f, ensure_ascii=False, indent=2)
            found = validate(copy) if applied else []
            if not applied or not any(expected in e for e in found):
                failures += 1
                print("self-test: %s was %s" % (label, "not applicable" if not applied else
                                                "not detected (errors: %s)" % found[:3]), file=sys.stderr)
            else:
                print("self-test: %s detected: %s" % (label, next(e for e in found if expected in e)))
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) == 2 or (len(argv) == 4 and argv[2] == "--json-schema"):
        errors = validate(argv[1], argv[3] if len(argv) == 4 else None)
        for e in errors[:MAX_ERRORS_SHOWN]:
            print("check_datapackage: %s" % e, file=sys.stderr)
        if len(errors) > MAX_ERRORS_SHOWN:
            print("check_datapackage: ... and %d more" % (len(errors) - MAX_ERRORS_SHOWN), file=sys.stderr)
        if not errors:
            print("check_datapackage: %s is a valid tabular data package" % argv[1])
        return 1 if errors else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
