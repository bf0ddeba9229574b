#!/usr/bin/env python3
"""Makes real .docx renditions of the seed notices in samples/ with LibreOffice.

Recipe: each samples/*.txt (text dump: a row is a group of TAB-led lines, one
cell each; a non-TAB line continues the cell above as a line break, unless it
opens with a schemas/table_layout.json terminator such as 抄送, which ends the
table as in the C++ reader; rows are separated by blank lines) becomes HTML:
<p> paragraphs and <table border=1>, where a row shorter than the widest row is
a row with merged cells: a total row (合计…) has its label span the columns
before the first numeric column, its values follow in order and an empty cell
covers the rest (the C++ reader's rule); any other short row has its first cell
span the missing columns; empty cells
stay empty, no vertical merges are invented; runs of spaces go in <pre>. Then
`soffice --headless --infilter="HTML (StarWriter)" --convert-to
docx:"MS Word 2007 XML"` writes samples/<same name>.docx, and the zip is
rewritten with fixed timestamps and pinned docProps dates (reruns are
byte-identical). Finally every .docx is re-read (word/document.xml) and its
paragraphs, tables, rows, gridSpans and cell texts are compared with the .txt.

Usage: tools/make_docx_samples.sh [--samples DIR] [--check-only]
(the .sh installs libreoffice-writer if soffice is missing). Stdlib only.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_XML_DATE = "2024-01-01T00:00:00Z"


# ---------------------------------------------------------------------------
# Text dump → blocks
# ---------------------------------------------------------------------------

def load_layout(root, key, fallback):
    """A word list of schemas/table_layout.json, the C++ reader's rules:
    "table_terminators" (抄送, 印发... end a table), "total_row_labels" (合计...)."""
    path = os.path.join(root, "schemas", "table_layout.json")
    try:
        with open(path, encoding="utf-8") as f:
            return tuple(json.load(f).get(key, fallback))
    except (OSError, ValueError):
        return tuple(fallback)


ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TERMINATORS = load_layout(ROOT, "table_terminators", ["抄送"])
TOTAL_LABELS = load_layout(ROOT, "total_row_labels", ["合计"])


def parse_dump(text, terminators=TERMINATORS):
    """Returns a list of blocks: ("p", str) or ("table", [[cell, ...], ...]).

    A cell is a list of lines (line breaks inside the cell). A non-TAB line
    starting with a terminator is a paragraph even right under a row."""
    blocks = []
    table = None      # list of rows while a table is open
    row = None        # list of cells while a row is open
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        if line.startswith("\t"):
            if table is None:
                table = []
                blocks.append(("table", table))
            if row is None:
                row = []
                table.append(row)
            row.append([line[1:]])
        elif not line.strip():
            row = None
        elif row is not None and not line.strip().startswith(terminators):
            row[-1].append(line)          # continuation of the cell above
        else:
            table = row = None
            blocks.append(("p", line))
    return blocks


# ---------------------------------------------------------------------------
# Blocks → HTML
# ---------------------------------------------------------------------------

MULTI_SPACE = re.compile(r"\S {2,}\S")


def text_html(lines):
    """Lines joined by line breaks; <pre> keeps runs of spaces that HTML
    would collapse (LibreOffice honours no white-space CSS on import)."""
    lines = [x.strip() for x in lines]
    if any(MULTI_SPACE.search(x) for x in lines):
        return '<pre style="margin:0">%s</pre>' % html.escape("\n".join(lines))
    return "<br>".join(html.escape(x) for x in lines)


NUMBER = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?$")


def first_numeric_column(rows, upto, width):
    """First column after 0 whose values in rows[1:upto] are mostly numbers."""
    for c in range(1, width):
        vals = ["".join(r[c]).strip() for r in rows[1:upto] if c < len(r)]
        vals = [v for v in vals if v]
        if vals and 2 * sum(bool(NUMBER.match(v)) for v in vals) > len(vals):
            return c
    return -1


def row_spans(rows, r, width):
    """Column spans of row r's cells, plus the span of a trailing filler (0 = none)."""
    row = rows[r]
    deficit = [width - len(row) + 1] + [1] * (len(row) - 1)
    if len(row) == width or not "".join(row[0]).strip().startswith(TOTAL_LABELS):
        return deficit, 0
    label = first_numeric_column(rows, r, width)
    if label < 1 or label + len(row) - 1 > width:
        return deficit, 0
    return [label] + [1] * (len(row) - 1), width - (label + len(row) - 1)


def table_html(rows):
    width = max(len(r) for r in rows)
    out = ['<table border="1" cellspacing="0" cellpadding="2" width="100%">']
    for r, row in enumerate(rows):
        spans, filler = row_spans(rows, r, width)
        out.append("<tr>")
        for cell, span in zip(row, spans):
            attr = ' colspan="%d"' % span if span > 1 else ""
            out.append("<td%s>%s</td>" % (attr, text_html(cell)))
        if filler:
            attr = ' colspan="%d"' % filler if filler > 1 else ""
            out.append("<td%s></td>" % attr)
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def blocks_html(blocks, title):
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8">',
           "<title>%s</title></head><body>" % html.escape(title)]
    for kind, value in blocks:
        if kind == "p":
            body = text_html([value])
            out.append(body if body.startswith("<pre") else "<p>%s</p>" % body)
        else:
            out.append(table_html(value))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# HTML → DOCX (LibreOffice) and normalisation of the result
# ---------------------------------------------------------------------------

def convert(html_paths, outdir):
    home = tempfile.mkdtemp(prefix="lo_home_")
    env = dict(os.environ, HOME=home)
    cmd = ["soffice", "--headless", "--norestore",
           "-env:UserInstallation=file://%s/profile" % home,
           "--infilter=HTML (StarWriter)",
           "--convert-to", 'docx:MS Word 2007 XML', "--outdir", outdir]
    try:
        subprocess.run(cmd + html_paths, env=env, check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def pin_part(name, data):
    """Removes run-to-run noise (dates, generator revision ids) from a part."""
    if name == "docProps/core.xml" or name == "docProps/app.xml":
        text = data.decode("utf-8")
        text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*",
                      r"\g<1>" + FIXED_XML_DATE, text)
        text = re.sub(r"<TotalTime>\d+</TotalTime>", "<TotalTime>0</TotalTime>", text)
        data = text.encode("utf-8")
    return data


def pin_zip(path):
    """Rewrites the .docx with fixed timestamps, same part order."""
    with zipfile.ZipFile(path) as zin:
        parts = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, pin_part(name, data))
    os.replace(tmp, path)


# ---------------------------------------------------------------------------
# Check: .docx tables against the .txt
# ---------------------------------------------------------------------------

def docx_tables(path):
    """Top-level tables of word/document.xml as rows of (text, gridSpan)."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    tables = []
    for tbl in body.iter(W + "tbl"):
        rows = []
        for tr in tbl.findall(W + "tr"):
            cells = []
            for tc in tr.findall(W + "tc"):
                span = tc.find("%stcPr/%sgridSpan" % (W, W))
                cells.append((cell_text(tc),
                              int(span.get(W + "val")) if span is not None else 1))
            rows.append(cells)
        tables.append(rows)
    return tables


def docx_paragraphs(path):
    """Non-empty texts of the body-level paragraphs (outside tables)."""
    with zipfile.ZipFile(path) as z:
        body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    texts = (norm(cell_text(p)) for p in body.findall(W + "p"))
    return [t for t in texts if t]


def cell_text(tc):
    paras = []
    for p in tc.iter(W + "p"):
        parts = []
        for el in p.iter():
            if el.tag == W + "t" and el.text:
                parts.append(el.text)
            elif el.tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif el.tag == W + "tab":
                parts.append("\t")
        paras.append("".join(parts))
    return "\n".join(paras)


def norm(s):
    return "\n".join(x.strip() for x in s.split("\n")).strip()


def check_one(txt_path, docx_path):
    with open(txt_path, encoding="utf-8") as f:
        want = [b[1] for b in parse_dump(f.read()) if b[0] == "table"]
    got = docx_tables(docx_path)
    problems = compare_paragraphs(txt_path, docx_path)
    if len(got) != len(want):
        problems.append("tables: docx %d, txt %d" % (len(got), len(want)))
    for t, (g, w) in enumerate(zip(got, want), 1):
        problems += compare_table(t, g, w)
    rows = sum(len(t) for t in got)
    cells = sum(len(r) for t in got for r in t)
    status = "OK" if not problems else "MISMATCH"
    print("%-55s %s: %d paragraphs, %d tables, %d rows, %d cells"
          " (txt: %d tables, %d rows)" % (
              os.path.basename(docx_path), status,
              len(docx_paragraphs(docx_path)), len(got), rows, cells,
              len(want), sum(len(t) for t in want)))
    for p in problems[:20]:
        print("    " + p)
    return not problems


def compare_paragraphs(txt_path, docx_path):
    with open(txt_path, encoding="utf-8") as f:
        want = [norm(b[1]) for b in parse_dump(f.read()) if b[0] == "p"]
    got = docx_paragraphs(docx_path)
    if got == want:
        return []
    diff = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w),
                min(len(got), len(want)))
    return ["paragraphs: docx %d, txt %d; first difference at #%d" % (
        len(got), len(want), diff + 1)]


def compare_table(t, got, want):
    problems = []
    if len(got) != len(want):
        problems.append("table %d rows: docx %d, txt %d" % (t, len(got), len(want)))
    width = max(len(r) for r in want)
    for r, (grow, wrow) in enumerate(zip(got, want), 1):
        texts = [norm(c[0]) for c in grow]
        wtexts = [norm("\n".join(c)) for c in wrow]
        if len(texts) == len(wtexts) + 1 and texts[-1] == "":
            texts = texts[:-1]  # the filler after a short total row
        if texts != wtexts:
            problems.append("table %d row %d: docx %r, txt %r" % (t, r, texts, wtexts))
        spans = sum(c[1] for c in grow)
        if spans != width:
            problems.append("table %d row %d spans %d columns, want %d" % (
                t, r, spans, width))
    return problems


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args()
    samples = os.path.abspath(args.samples)
    txts = sorted(f for f in os.listdir(samples) if f.endswith(".txt"))
    if not txts:
        print("no .txt files in %s" % samples, file=sys.stderr)
        return 1
    if not args.check_only:
        build(samples, txts)
    ok = True
    for name in txts:
        docx = os.path.join(samples, name[:-4] + ".docx")
        ok = check_one(os.path.join(samples, name), docx) and ok
    return 0 if ok else 1


def build(samples, txts):
    work = tempfile.mkdtemp(prefix="docx_samples_")
    try:
        html_paths = []
        for name in txts:
            with open(os.path.join(samples, name), encoding="utf-8") as f:
                blocks = parse_dump(f.read())
            path = os.path.join(work, name[:-4] + ".html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(blocks_html(blocks, name[:-4]))
            html_paths.append(path)
        convert(html_paths, samples)
        for name in txts:
            pin_zip(os.path.join(samples, name[:-4] + ".docx"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
