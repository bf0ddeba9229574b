#!/usr/bin/python3
"""Checks a fuhua workbook (exporters/xlsx_workbook.h) with independent readers.

openpyxl (Debian's python3-openpyxl): the sheets and their order; each table
sheet's header row against the Dictionary sheet (so the Dictionary lists every
column); frozen header rows and autofilters; the number of records; typed cells
(integers as numbers, no empty strings); grade fills and the grade column's
list validation; the Comparison sheet's matrix or one-year note, distribution
table and clustered column chart; the checks under the notices; the
Indicators and Plan sheets (each header against the Dictionary, the second
table under its heading); one sheet per table kind present, each table a block
(heading, header, rows), --tables N of them in all.
LibreOffice (--libreoffice, when soffice is installed): converts the workbook
headless to CSV and reads the Records sheet back.

usage: check_xlsx.py WORKBOOK --records N --years 2021,2022 [--seed-values] [--libreoffice]
                    [--tables N]
Exit 0 when every check holds, 1 otherwise (every failure is listed).
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.exit("check_xlsx: python3-openpyxl is missing (run tools/bootstrap.sh)")

SHEETS = ["Records", "Entities", "Comparison", "Notices", "Indicators", "Plan carriers",
          "Plan properties", "Plan targets", "Diagnostics", "Dictionary"]
# One sheet per table kind present, in this order, before Diagnostics.
KIND_SHEETS = ["Grade list tables", "Indicator tables", "Carrier list tables",
               "Property list tables", "Target tables", "Other tables"]
# Sheets of two tables: (sheet, first table, heading, second table).
STACKED = [("Indicators", "indicators", "Rules", "indicator_rules"),
           ("Plan properties", "plan_properties", "Milestones", "plan_milestones"),
           ("Plan targets", "plan_targets", "Carriers", "plan_target_carriers")]
DICTIONARY_HEADER = ["sheet", "table", "column", "name", "type", "required", "allowed_values",
                     "description"]
GRADES = ["优秀", "良好", "合格", "不合格"]
GRADE_FILLS = {"优秀": "FFC6EFCE", "良好": "FFDDEBF7", "合格": "FFFFEB9C", "不合格": "FFFFC7CE"}
BAD_FILL = "FFFFC7CE"
RECORD_NAMES = {"record_id", "notice_id", "year", "name", "operator", "region_name", "region_code",
                "grade", "status", "remark", "carrier_entity_id", "source"}

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def fill_of(cell):
    f = cell.fill
    return f.fgColor.rgb if f is not None and f.fill_type == "solid" else None


def row_values(ws, row):
    values = [c.value for c in ws[row]]
    while values and values[-1] is None:
        values.pop()
    return values


def dictionary(wb):
    """(sheet, table) -> [(header, name)] in order, from the Dictionary sheet."""
    ws = wb["Dictionary"]
    check(row_values(ws, 1) == DICTIONARY_HEADER, f"Dictionary header is {row_values(ws, 1)}")
    out = {}
    for sheet, table, column, name, *_ in ws.iter_rows(min_row=2, values_only=True):
        out.setdefault((sheet, table), []).append((column, name))
    return out


def check_table_sheet(ws, columns, last_row):
    headers = [c for c, _ in columns]
    check(row_values(ws, 1) == headers,
          f"{ws.title}: header {row_values(ws, 1)} differs from the Dictionary's {headers}")
    check(ws.freeze_panes == "A2", f"{ws.title}: frozen panes {ws.freeze_panes}, not A2")
    want = f"A1:{get_column_letter(len(headers))}{last_row}"
    check(ws.auto_filter.ref == want, f"{ws.title}: autofilter {ws.auto_filter.ref}, not {want}")


def column_index(columns, name):
    names = [n for _, n in columns]
    return names.index(name) if name in names else None


def check_records(ws, columns, n_records, seed_values):
    check(ws.max_row - 1 == n_records, f"Records: {ws.max_row - 1} rows, expected {n_records}")
    names = {n for _, n in columns}
    check(RECORD_NAMES <= names, f"Records: columns missing: {RECORD_NAMES - names}")
    rows = list(ws.iter_rows(min_row=2))
    idx = {n: column_index(columns, n) for n in names}
    for r in rows:
        check(isinstance(r[idx["record_id"]].value, int), f"Records: record_id {r[0].value!r} not a number")
        for c in r:
            check(c.value != "", f"Records: {c.coordinate} is an empty string, not blank")
        grade = r[idx["grade"]]
        if grade.value in GRADE_FILLS:
            check(fill_of(grade) == GRADE_FILLS[grade.value],
                  f"Records: {grade.coordinate} {grade.value} has fill {fill_of(grade)}")
    letter = get_column_letter(idx["grade"] + 1)
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    check(any(dv.formula1 == '"' + ",".join(GRADES) + '"' and str(dv.sqref).startswith(f"{letter}2:")
              for dv in lists), f"Records: no grade list validation on column {letter}: "
          f"{[(dv.formula1, str(dv.sqref)) for dv in lists]}")
    if seed_values:
        values = [[c.value for c in r] for r in rows]
        check(any(v[idx["name"]] == "重庆微企梦工场" and v[idx["grade"]] == "合格" for v in values),
              "Records: no 重庆微企梦工场 graded 合格")
        check(any(v[idx["region_code"]] == "500107" and "九龙坡" in (v[idx["region_name"]] or "")
                  for v in values), "Records: no record in 九龙坡 (500107)")


def check_entities(ws, columns, years):
    names = [n for _, n in columns]
    for y in years:
        col = column_index(columns, f"grade_{y}")
        if not check(col is not None, f"Entities: no grade_{y} column in {names}"):
            continue
        for r in ws.iter_rows(min_row=2):
            c = r[col]
            if c.value in GRADE_FILLS:
                check(fill_of(c) == GRADE_FILLS[c.value], f"Entities: {c.coordinate} not coloured")


def check_comparison(ws, years):
    cells = [v for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    if len(years) >= 2:
        check(f"{years[0]} \\ {years[-1]}" in cells, f"Comparison: no matrix {years[0]} \\ {years[-1]}")
        check("transition" in cells and "unchanged" in cells, "Comparison: no transition counts")
    elif len(years) == 1:
        check(any(isinstance(v, str) and "comparison needs two years" in v for v in cells),
              "Comparison: one year but no note that a comparison needs two years")
    header = [r for r in ws.iter_rows(values_only=True) if r and r[0] == "grade"]
    if check(len(header) == 1, "Comparison: no distribution table (a row starting with 'grade')"):
        check([v for v in header[0][1:] if v is not None] == [str(y) for y in years],
              f"Comparison: distribution years {header[0][1:]} not {years}")
    charts = ws._charts
    if not years:
        return check(not charts, "Comparison: a chart without data")
    if check(len(charts) == 1, f"Comparison: {len(charts)} charts, expected 1"):
        c = charts[0]
        check(c.tagname == "barChart" and c.type == "col" and c.grouping == "clustered",
              f"Comparison: chart is {c.tagname} {c.type} {c.grouping}, not a clustered column chart")
        check(len(c.series) == len(years), f"Comparison: {len(c.series)} series for {len(years)} years")


def check_stacked(ws, cols, first, heading, second):
    """A sheet of two tables: `first` from row 1, `second` under `heading`."""
    rows = list(ws.iter_rows())
    at = [i for i, r in enumerate(rows) if r[0].value == heading]
    if not check(len(at) == 1, f"{ws.title}: no single '{heading}' heading"):
        return
    check_table_sheet(ws, cols[(ws.title, first)], at[0] - 1)
    want = [c for c, _ in cols[(ws.title, second)]]
    check(row_values(ws, at[0] + 2) == want, f"{ws.title}: {second} header {row_values(ws, at[0] + 2)}")


def check_kind_sheets(wb, n_tables):
    """Every table of a kind sheet is a block: heading, header, rows."""
    blocks = 0
    for name in wb.sheetnames:
        if name not in KIND_SHEETS:
            continue
        rows = list(wb[name].iter_rows(values_only=True))
        headings = [i for i, r in enumerate(rows) if r[0] and " · table " in str(r[0])]
        check(headings, f"{name}: no table block")
        for i in headings:
            check(i + 1 < len(rows) and any(rows[i + 1]), f"{name}: block at row {i + 1} has no header")
        blocks += len(headings)
    if n_tables is not None:
        check(blocks == n_tables, f"table sheets hold {blocks} tables, expected {n_tables}")


def check_notices(ws, dictionary_columns):
    notices = [c for c, _ in dictionary_columns[("Notices", "notices")]]
    checks = dictionary_columns[("Notices", "checks")]
    rows = list(ws.iter_rows())
    heading = [i for i, r in enumerate(rows) if r[0].value == "Checks"]
    if not check(len(heading) == 1, "Notices: no 'Checks' heading"):
        return
    h = heading[0]
    check_table_sheet(ws, dictionary_columns[("Notices", "notices")], h - 1)
    check(row_values(ws, h + 2) == [c for c, _ in checks], f"Notices: checks header {row_values(ws, h + 2)}")
    ok = column_index(checks, "ok")
    for r in rows[h + 2:]:
        if r[ok].value is False:
            check(fill_of(r[0]) == BAD_FILL, f"Notices: failed check at row {r[0].row} not highlighted")
        else:
            check(r[ok].value is True, f"Notices: check ok at row {r[0].row} is {r[ok].value!r}")
    check(len(notices) > 0, "Notices: no columns")


def check_libreoffice(path, n_records, seed_values, records_header):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("check_xlsx: LibreOffice not installed, conversion not checked", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory(prefix="fuhua_lo_") as tmp:
        # A private profile: a shared one may be locked by another instance.
        cmd = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
               "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", tmp, path]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            return check(False, "LibreOffice: conversion timed out")
        out = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".csv")
        if not check(run.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 0,
                     f"LibreOffice: conversion failed ({run.returncode}): {run.stdout} {run.stderr}"):
            return
        with open(out, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        check(len(rows) == n_records + 1, f"LibreOffice: {len(rows) - 1} records, expected {n_records}")
        check(rows and rows[0] == records_header, f"LibreOffice: header {rows[:1]}")
        if seed_values:
            check(any("重庆微企梦工场" in r for r in rows), "LibreOffice: 重庆微企梦工场 not read back")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("--records", type=int, required=True)
    ap.add_argument("--years", default="", help="comma-separated years present")
    ap.add_argument("--seed-values", action="store_true", help="expect values of the seed notices")
    ap.add_argument("--libreoffice", action="store_true", help="also convert with LibreOffice")
    ap.add_argument("--tables", type=int, help="tables expected on the table-kind sheets")
    a = ap.parse_args()
    years = [int(y) for y in a.years.split(",") if y]
    wb = openpyxl.load_workbook(a.workbook)
    kinds = [n for n in wb.sheetnames if n in KIND_SHEETS]
    expected = SHEETS[:-2] + [k for k in KIND_SHEETS if k in kinds] + SHEETS[-2:]
    check(wb.sheetnames == expected, f"sheets {wb.sheetnames}, expected {expected}")
    if wb.sheetnames != expected:
        return report()
    cols = dictionary(wb)
    for sheet, table in [("Records", "records"), ("Entities", "entities"), ("Diagnostics", "diagnostics"),
                         ("Dictionary", "dictionary"), ("Plan carriers", "plan_carriers")]:
        if check((sheet, table) in cols, f"Dictionary: nothing for sheet {sheet}"):
            check_table_sheet(wb[sheet], cols[(sheet, table)], wb[sheet].max_row)
    for sheet, first, heading, second in STACKED:
        if check((sheet, first) in cols and (sheet, second) in cols, f"Dictionary: nothing for {sheet}"):
            check_stacked(wb[sheet], cols, first, heading, second)
    for k in kinds:
        check((k, "tables") in cols, f"Dictionary: nothing for sheet {k}")
    check_kind_sheets(wb, a.tables)
    check(("Comparison", "transition_matrix") in cols, "Dictionary: no Comparison entries")
    check_records(wb["Records"], cols.get(("Records", "records"), []), a.records, a.seed_values)
    check_entities(wb["Entities"], cols.get(("Entities", "entities"), []), years)
    check_comparison(wb["Comparison"], years)
    if check(("Notices", "checks") in cols and ("Notices", "notices") in cols, "Dictionary: no notices/checks"):
        check_notices(wb["Notices"], cols)
    if a.libreoffice:
        check_libreoffice(a.workbook, a.records, a.seed_values, row_values(wb["Records"], 1))
    return report()


def report():
    for f in failures[:50]:
        print(f"check_xlsx: {f}", file=sys.stderr)
    if len(failures) > 50:
        print(f"check_xlsx: ... and {len(failures) - 50} more", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
