#!/usr/bin/env python3
"""Compares `fuhua extract` records with the golden files in tests/golden/.

Usage: check_golden.py FUHUA_BINARY REPO_ROOT

For each tests/golden/NAME.tsv, runs
    FUHUA_BINARY extract --format json samples/NAME.txt
(in REPO_ROOT) and compares the records of the (single) notice with the rows
of the TSV, in order. Column mapping:
    table, seq, deferred_to   record.table, record.seq, record.deferred_to (integers)
    region_raw                record.region.raw
    every other column        the record key of the same name
An empty TSV field stands for null (null and "" compare equal).
Prints a per-field diff for every mismatching row, missing and extra rows,
and the counts. Exit status: 0 all equal, 1 any difference or failure,
2 usage error.
"""

import glob
import json
import os
import subprocess
import sys

INT_COLUMNS = ("table", "seq", "deferred_to")
RUN_TIMEOUT_S = 300
MAX_ROW_REPORTS = 200  # per golden file; the counts are always printed


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise ValueError("%s is empty" % path)
    header = lines[0].rstrip("\r").split("\t")
    rows = []
    for i, line in enumerate(lines[1:], 2):
        cells = line.rstrip("\r").split("\t")
        if len(cells) != len(header):
            raise ValueError("%s:%d: %d fields, header has %d"
                             % (path, i, len(cells), len(header)))
        rows.append(dict(zip(header, cells)))
    return header, rows


_MISSING = object()


def actual_value(record, column):
    """The record's value for a golden column; _MISSING if the key is absent."""
    if not isinstance(record, dict):
        return _MISSING
    if column == "region_raw":
        region = record.get("region", _MISSING)
        if region is _MISSING:
            return _MISSING
        if region is None:
            return None
        if not isinstance(region, dict):
            return region  # shown as is: wrong type
        return region.get("raw", _MISSING)
    return record.get(column, _MISSING)


def compare_field(column, expected, actual):
    """None when equal, else a readable description of the difference."""
    if actual is _MISSING:
        return "key missing (expected %s)" % show_expected(column, expected)
    if column in INT_COLUMNS:
        if expected == "":
            if actual is None or actual == "":
                return None
            return "expected null, got %s" % show(actual)
        want = int(expected)
        if isinstance(actual, bool) or not isinstance(actual, int):
            return "expected integer %d, got %s" % (want, show(actual))
        return None if actual == want else "expected %d, got %d" % (want, actual)
    got = "" if actual is None else actual
    if not isinstance(got, str):
        return "expected %s, got %s" % (show_expected(column, expected), show(actual))
    return None if got == expected else "expected %s, got %s" % (
        show_expected(column, expected), show(actual))


def show_expected(column, value):
    if value == "":
        return "null/\"\""
    if column in INT_COLUMNS:
        return value
    return json.dumps(value, ensure_ascii=False)


def show(value):
    return json.dumps(value, ensure_ascii=False)


def label(row):
    return "table %s seq %s %s" % (row.get("table", "?"), row.get("seq", "?"),
                                   row.get("name", "?"))


def run_extract(binary, repo_root, sample_rel):
    """(notice or None, [problems])."""
    problems = []
    cmd = [binary, "extract", "--format", "json", sample_rel]
    try:
        p = subprocess.run(cmd, cwd=repo_root, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=RUN_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as e:
        return None, ["cannot run %s: %s" % (" ".join(cmd), e)]
    if p.returncode != 0:
        problems.append("%s exited with code %d" % (" ".join(cmd), p.returncode))
        err = p.stderr.decode("utf-8", "replace").strip()
        if err:
            problems.append("stderr (last 2000 chars):\n" + err[-2000:])
    try:
        doc = json.loads(p.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        problems.append("output of %s is not UTF-8 JSON: %s (first 300 chars: %r)"
                        % (" ".join(cmd), e, p.stdout[:300].decode("utf-8", "replace")))
        return None, problems
    if not isinstance(doc, dict):
        problems.append("output is not a JSON object")
        return None, problems
    for e in doc.get("errors") or []:
        problems.append("fuhua reported an input error: %s" % show(e))
    notices = doc.get("notices")
    if not isinstance(notices, list) or len(notices) != 1:
        problems.append("expected exactly 1 notice, got %s"
                        % (len(notices) if isinstance(notices, list) else show(notices)))
        if not isinstance(notices, list) or not notices:
            return None, problems
    notice = notices[0]
    if not isinstance(notice, dict) or not isinstance(notice.get("records"), list):
        problems.append("the notice has no records array")
        return None, problems
    return notice, problems


def check_one(binary, repo_root, tsv_path):
    name = os.path.splitext(os.path.basename(tsv_path))[0]
    print("== %s" % name)
    try:
        header, rows = read_tsv(tsv_path)
    except (OSError, ValueError) as e:
        print("FAIL: cannot read golden file: %s" % e)
        return 1
    sample_rel = os.path.join("samples", name + ".txt")
    if not os.path.exists(os.path.join(repo_root, sample_rel)):
        print("FAIL: %s does not exist" % sample_rel)
        return 1
    notice, problems = run_extract(binary, repo_root, sample_rel)
    for p in problems:
        print("FAIL: " + p)
    if notice is None:
        return 1
    records = notice["records"]

    bad_rows = 0
    bad_fields = 0
    reported = 0
    for i in range(min(len(rows), len(records))):
        exp, rec = rows[i], records[i]
        diffs = []
        for col in header:
            d = compare_field(col, exp[col], actual_value(rec, col))
            if d is not None:
                diffs.append("    %-13s %s" % (col + ":", d))
        if diffs:
            bad_rows += 1
            bad_fields += len(diffs)
            if reported < MAX_ROW_REPORTS:
                reported += 1
                print("row %d, tsv line %d (%s):" % (i + 1, i + 2, label(exp)))
                print("\n".join(diffs))
    for i in range(len(records), len(rows)):
        if reported < MAX_ROW_REPORTS:
            reported += 1
            print("row %d, tsv line %d (%s): MISSING from the output"
                  % (i + 1, i + 2, label(rows[i])))
    for i in range(len(rows), len(records)):
        if reported < MAX_ROW_REPORTS:
            reported += 1
            rec = records[i]
            desc = ("table %s seq %s %s" % (rec.get("table"), rec.get("seq"), rec.get("name"))
                    if isinstance(rec, dict) else show(rec))
            print("row %d (%s): EXTRA in the output" % (i + 1, desc))
    if reported >= MAX_ROW_REPORTS:
        print("(further rows not shown)")

    count_ok = len(rows) == len(records)
    print("%s: %d golden rows, %d records; %d mismatching rows (%d fields)%s"
          % (name, len(rows), len(records), bad_rows, bad_fields,
             "" if count_ok else "; COUNT DIFFERS"))
    return 1 if (problems or bad_rows or not count_ok) else 0


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    repo_root = os.path.abspath(argv[2])
    tsvs = sorted(glob.glob(os.path.join(repo_root, "tests", "golden", "*.tsv")))
    if not tsvs:
        print("FAIL: no tests/golden/*.tsv under %s" % repo_root)
        return 1
    failed = [t for t in tsvs if check_one(binary, repo_root, t) != 0]
    print("check_golden: %d of %d golden files match" % (len(tsvs) - len(failed), len(tsvs)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
