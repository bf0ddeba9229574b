#!/usr/bin/env python3
"""python-docx comparison of issue 8: read .docx files the way a script would.

One process opens every .docx given (files, or folders searched for *.docx),
reads the text of every paragraph and of every cell of every table (nested
tables included), and prints one line:

    python-docx: DOCS docs, PARAGRAPHS paragraphs, CELLS cells, CHARS chars, SECONDS s

SECONDS is the time of the reading loop only: interpreter start-up and the
import of docx are left out (fuhua_bench measures the whole process as well).
A file python-docx cannot open is named on stderr and the run goes on; the
exit code is then 1. Needs python3-docx (Debian) / python-docx.
"""

import os
import sys
import time


def docx_paths(args):
    """The .docx files named in args, folders searched recursively, sorted."""
    for arg in args:
        if os.path.isdir(arg):
            found = []
            for root, _, files in os.walk(arg):
                found += [os.path.join(root, f) for f in files if f.endswith(".docx")]
            yield from sorted(found)
        else:
            yield arg


def read_tables(tables, counts):
    """Every cell's text, recursing into nested tables iteratively."""
    pending = list(tables)
    while pending:
        table = pending.pop()
        for row in table.rows:
            for cell in row.cells:
                counts["cells"] += 1
                counts["chars"] += len(cell.text)
                pending.extend(cell.tables)


def read_document(docx, path, counts):
    document = docx.Document(path)
    for paragraph in document.paragraphs:
        counts["paragraphs"] += 1
        counts["chars"] += len(paragraph.text)
    read_tables(document.tables, counts)


def main(argv):
    if len(argv) < 2:
        print("usage: python_docx_read.py FILE_OR_DIR...", file=sys.stderr)
        return 2
    try:
        import docx  # python3-docx
    except ImportError:
        print("python_docx_read.py: python-docx is not installed (apt-get install python3-docx)",
              file=sys.stderr)
        return 2
    counts = {"docs": 0, "paragraphs": 0, "cells": 0, "chars": 0}
    failed = 0
    start = time.perf_counter()
    for path in docx_paths(argv[1:]):
        try:
            read_document(docx, path, counts)
            counts["docs"] += 1
        except Exception as e:  # one bad file must not end the run
            failed += 1
            print(f"python_docx_read.py: {path}: {e}", file=sys.stderr)
    seconds = time.perf_counter() - start
    print(f"python-docx: {counts['docs']} docs, {counts['paragraphs']} paragraphs, "
          f"{counts['cells']} cells, {counts['chars']} chars, {seconds:.3f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
