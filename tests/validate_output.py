#!/usr/bin/env python3
"""Validates the output of `fuhua extract` against schemas/output/.

Usage:
  validate_output.py FUHUA_BINARY REPO_ROOT
      Runs `FUHUA_BINARY extract --format json` on every samples/*.txt and
      samples/*.docx and validates stdout against extract.schema.json, then runs
      `--format jsonl` on the same files and validates each line against
      notice.schema.json. Fails when the binary exits non-zero, prints no
      notice, prints something that is not JSON, or anything does not validate.
      Finally breaks the first notice on purpose and checks that the schemas
      reject it (so this test can fail at all).
  validate_output.py --self-test [REPO_ROOT]
      No binary: validates tests/data/extract_example.json and runs the same
      negative tests on it.

Exit status: 0 all good, 1 any failure, 2 usage error.
Works with python3-jsonschema 4.10 (Debian 12, RefResolver) and with newer
versions that use the `referencing` package.
"""

import copy
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("validate_output: python3 module jsonschema is missing "
          "(Debian: apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(1)

SCHEMA_FILES = ("extract.schema.json", "notice.schema.json")
RUN_TIMEOUT_S = 600


# --------------------------------------------------------------------------
# Schemas and validators

def load_schemas(repo_root):
    d = os.path.join(repo_root, "schemas", "output")
    schemas = {}
    for name in SCHEMA_FILES:
        path = os.path.join(d, name)
        with open(path, encoding="utf-8") as f:
            schemas[name] = json.load(f)
        # The schema itself must be a valid draft 2020-12 schema.
        jsonschema.Draft202012Validator.check_schema(schemas[name])
    return schemas


def make_validator(schemas, name):
    """A Draft 2020-12 validator for schemas[name] that resolves $refs into
    the other files of schemas/output/ by their $id, without network access."""
    schema = schemas[name]
    format_checker = jsonschema.FormatChecker()
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18
        from referencing.jsonschema import DRAFT202012
    except ImportError:
        Registry = None
    if Registry is not None:
        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012))
            for s in schemas.values())
        return jsonschema.Draft202012Validator(
            schema, registry=registry, format_checker=format_checker)
    # jsonschema 4.10 (Debian 12): RefResolver with a local store.
    resolver = jsonschema.RefResolver(
        base_uri=schema["$id"], referrer=schema,
        store={s["$id"]: s for s in schemas.values()})
    return jsonschema.Draft202012Validator(
        schema, resolver=resolver, format_checker=format_checker)


def json_path(prefix, path):
    out = prefix
    for p in path:
        if isinstance(p, int):
            out += "[%d]" % p
        else:
            out += "." + str(p)
    return out


def collect_errors(validator, instance, prefix="$"):
    """Every validation error as 'path: message' (subschema errors of
    anyOf/oneOf included), sorted by path."""
    lines = []

    def add(err, depth=0):
        where = json_path(prefix, err.absolute_path)
        msg = err.message
        if len(msg) > 300:
            msg = msg[:300] + "..."
        lines.append("%s%s: %s  [schema: %s]" % (
            "    " * depth, where, msg,
            "/".join(str(p) for p in err.absolute_schema_path)))
        for sub in sorted(err.context or (), key=lambda e: list(map(str, e.absolute_path))):
            add(sub, depth + 1)

    for err in sorted(validator.iter_errors(instance),
                      key=lambda e: [str(p) for p in e.absolute_path]):
        add(err)
    return lines


# --------------------------------------------------------------------------
# Negative tests: broken copies of a valid notice must be rejected.

def _first_record(notice):
    recs = notice.get("records")
    if isinstance(recs, list) and recs and isinstance(recs[0], dict):
        return recs[0]
    return None


def mutations(notice):
    """(description, broken copy) pairs, each of which must fail validation."""
    out = []

    def mut(desc, fn):
        n = copy.deepcopy(notice)
        if fn(n) is not False:
            out.append((desc, n))

    mut("notice without sha256", lambda n: n.pop("sha256", None))
    mut("sha256 in upper case / wrong length",
        lambda n: n.__setitem__("sha256", "ABC123"))
    mut("format 'pdf'", lambda n: n.__setitem__("format", "pdf"))
    mut("published '24/11/2021'", lambda n: n.__setitem__("published", "24/11/2021"))
    mut("published '2021-13-45' (pattern ok, not a date)",
        lambda n: n.__setitem__("published", "2021-13-45"))
    mut("records is not an array", lambda n: n.__setitem__("records", {}))

    def bad_grade(n):
        r = _first_record(n)
        if r is None:
            return False
        r["grade"] = "很好"

    def graded_without_grade(n):
        r = _first_record(n)
        if r is None:
            return False
        r["status"] = "graded"
        r["grade"] = None

    def empty_name(n):
        r = _first_record(n)
        if r is None:
            return False
        r["name"] = ""

    def record_without_where(n):
        r = _first_record(n)
        if r is None:
            return False
        del r["where"]

    def where_extra_key(n):
        r = _first_record(n)
        if r is None:
            return False
        r["where"]["page"] = 1

    def where_line_zero(n):
        r = _first_record(n)
        if r is None:
            return False
        r["where"]["line"] = 0

    def bad_status(n):
        r = _first_record(n)
        if r is None:
            return False
        r["status"] = "cancelled"

    mut("record grade '很好'", bad_grade)
    mut("status 'graded' with grade null", graded_without_grade)
    mut("record with empty name", empty_name)
    mut("record without where", record_without_where)
    mut("where with an unknown key", where_extra_key)
    mut("where.line 0", where_line_zero)
    mut("record status 'cancelled'", bad_status)

    diag = {"severity": "warning", "code": "BadCode", "message": "x",
            "where": {"source": notice.get("source", "x")}}
    mut("diagnostic code not snake_case",
        lambda n: n.setdefault("diagnostics", []).append(dict(diag)))
    check = {"rule": "r", "subject": "s", "expected": "1", "found": "1",
             "ok": True, "where": {"source": "x"}, "extra": 1}
    mut("check with an unknown key",
        lambda n: n.setdefault("checks", []).append(check))
    return out


def negative_tests(extract_v, notice_v, notice, fuhua_version="0"):
    """Returns a list of failure messages (empty = every broken copy rejected).
    Also checks that the unbroken notice is accepted (a control)."""
    failures = []
    doc = {"fuhua_version": fuhua_version, "notices": [notice], "errors": []}
    if not notice_v.is_valid(notice) or not extract_v.is_valid(doc):
        failures.append("negative test control: the unmodified notice does not validate")
        return failures
    muts = mutations(notice)
    for desc, broken in muts:
        if notice_v.is_valid(broken):
            failures.append("notice.schema.json ACCEPTED a broken notice: " + desc)
        if extract_v.is_valid({"fuhua_version": fuhua_version, "notices": [broken],
                               "errors": []}):
            failures.append("extract.schema.json ACCEPTED a broken notice: " + desc)
    broken_docs = [
        ("output without errors array", {"fuhua_version": fuhua_version, "notices": [notice]}),
        ("error entry without code", dict(doc, errors=[{"source": "a", "message": "b"}])),
        ("fuhua_version is a number", dict(doc, fuhua_version=1)),
    ]
    for desc, broken in broken_docs:
        if extract_v.is_valid(broken):
            failures.append("extract.schema.json ACCEPTED a broken output: " + desc)
    print("negative tests: %d broken variants tried, %d wrongly accepted"
          % (len(muts) * 2 + len(broken_docs), len(failures)))
    return failures


# --------------------------------------------------------------------------
# Running the binary

def run_fuhua(binary, repo_root, fmt, inputs):
    cmd = [binary, "extract", "--format", fmt] + inputs
    print("running: %s" % " ".join(cmd[:4] + ["<%d files>" % len(inputs)]))
    try:
        p = subprocess.run(cmd, cwd=repo_root, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=RUN_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as e:
        return None, ["cannot run %s: %s" % (binary, e)]
    errs = []
    if p.returncode != 0:
        errs.append("%s --format %s exited with code %d" % (binary, fmt, p.returncode))
        tail = p.stderr.decode("utf-8", "replace").strip()
        if tail:
            errs.append("stderr (last 2000 chars):\n" + tail[-2000:])
    try:
        text = p.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        errs.append("--format %s: stdout is not UTF-8: %s" % (fmt, e))
        return None, errs
    return text, errs


def check_json_output(text, extract_v):
    errs = []
    try:
        doc = json.loads(text)
    except ValueError as e:
        return None, ["--format json: stdout is not JSON: %s (first 300 chars: %r)"
                      % (e, text[:300])]
    errs += collect_errors(extract_v, doc)
    notices = doc.get("notices") if isinstance(doc, dict) else None
    if not isinstance(notices, list) or not notices:
        errs.append("--format json: no notices in the output")
    if isinstance(doc, dict) and isinstance(doc.get("errors"), list) and doc["errors"]:
        for e in doc["errors"]:
            print("note: input error reported by fuhua: %s" % json.dumps(e, ensure_ascii=False))
    return doc, errs


def check_jsonl_output(text, notice_v):
    errs = []
    notices = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline
    for i, line in enumerate(lines, 1):
        if not line.strip():
            errs.append("--format jsonl: line %d is blank" % i)
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            errs.append("--format jsonl: line %d is not JSON: %s" % (i, e))
            continue
        notices.append(obj)
        errs += collect_errors(notice_v, obj, prefix="line %d: $" % i)
    if not notices:
        errs.append("--format jsonl: no notices in the output")
    return notices, errs


# --------------------------------------------------------------------------

def self_test(repo_root):
    schemas = load_schemas(repo_root)
    extract_v = make_validator(schemas, "extract.schema.json")
    notice_v = make_validator(schemas, "notice.schema.json")
    path = os.path.join(repo_root, "tests", "data", "extract_example.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    failures = collect_errors(extract_v, doc)
    if not doc.get("notices"):
        failures.append("example has no notices")
    for i, n in enumerate(doc.get("notices") or []):
        failures += collect_errors(notice_v, n, prefix="notices[%d] as a jsonl line: $" % i)
    if not failures:
        for n in doc["notices"]:
            failures += negative_tests(extract_v, notice_v, n, doc["fuhua_version"])
    return report(failures, "self-test of %s" % path)


def report(failures, what):
    for f in failures:
        print("FAIL: " + f)
    if failures:
        print("%s: %d problem(s)" % (what, len(failures)))
        return 1
    print("%s: OK" % what)
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "--self-test":
        root = argv[2] if len(argv) > 2 else os.path.dirname(
            os.path.dirname(os.path.abspath(__file__)))
        return self_test(root)
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    repo_root = os.path.abspath(argv[2])

    schemas = load_schemas(repo_root)
    extract_v = make_validator(schemas, "extract.schema.json")
    notice_v = make_validator(schemas, "notice.schema.json")

    inputs = sorted(os.path.relpath(p, repo_root)
                    for pat in ("samples/*.txt", "samples/*.docx")
                    for p in glob.glob(os.path.join(repo_root, pat)))
    if not inputs:
        return report(["no samples/*.txt or samples/*.docx under " + repo_root], "validate")

    failures = []
    text, errs = run_fuhua(binary, repo_root, "json", inputs)
    failures += errs
    doc = None
    if text is not None:
        doc, errs = check_json_output(text, extract_v)
        failures += errs
    json_notices = doc.get("notices") if isinstance(doc, dict) else None
    if isinstance(json_notices, list):
        print("--format json: %d notices, %d records" % (
            len(json_notices),
            sum(len(n.get("records") or []) for n in json_notices if isinstance(n, dict))))

    text, errs = run_fuhua(binary, repo_root, "jsonl", inputs)
    failures += errs
    if text is not None:
        lines_notices, errs = check_jsonl_output(text, notice_v)
        failures += errs
        print("--format jsonl: %d lines" % len(lines_notices))
        if isinstance(json_notices, list) and len(lines_notices) != len(json_notices):
            failures.append("--format jsonl printed %d notices but --format json %d"
                            % (len(lines_notices), len(json_notices)))

    # The check must be able to fail: break the first valid notice.
    if isinstance(json_notices, list) and json_notices and notice_v.is_valid(json_notices[0]):
        failures += negative_tests(extract_v, notice_v, json_notices[0],
                                   doc.get("fuhua_version", "0"))
    else:
        # Still prove the schemas reject broken input, on the bundled example.
        path = os.path.join(repo_root, "tests", "data", "extract_example.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                ex = json.load(f)
            failures += negative_tests(extract_v, notice_v, ex["notices"][0])
    return report(failures, "validate_output")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
