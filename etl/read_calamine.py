"""Extract with python-calamine: the same :class:`etl.read.WorkbookData` as
:func:`etl.read.read_workbook_bytes`, read by a Rust parser (≈ 30× faster than openpyxl on
the generated workbooks; see the README's performance section).

Not wired in yet: ``etl.read`` is the reader the pipeline uses. This module is a drop-in for
it (same checks first, same result cell by cell: ``tests/test_read_calamine.py`` compares
both on the seeds and generated workbooks), for the integrator to switch over.

What calamine does not give is read from the workbook's XML, as ``etl.read`` already does for
merged ranges and formulas without a cached value:

* number formats: which cells are shown as a percentage (``percent_cells``) come from the
  ``s`` (style) attribute of each cell and ``xl/styles.xml`` (``cellXfs`` → ``numFmtId`` →
  built-in 9/10 or a custom format code containing ``%``, the test openpyxl's
  ``number_format`` gets in ``etl.read``);
* error cells (``#N/A``, ``#DIV/0!`` …), which calamine returns as empty: their text is read
  from the cell's ``<v>``, as openpyxl returns it.

Values are mapped to what openpyxl returns: an empty cell is None; a whole number is an int
(Excel writes ``5``, which openpyxl reads as int; calamine gives 5.0); a date at midnight is a
``datetime``. One known difference: a whitespace-only string written without
``xml:space="preserve"`` may come back empty (None) where openpyxl keeps the spaces; the
pipeline treats both as a blank cell (the test checks that what is understood is the same).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from . import problems as P
from .read import (MAX_COLS, MAX_FILE_MB, MAX_ROWS, SheetData, WorkbookData, _formulas_without_values,
                   _sheet_paths, check_zip, sniff)

_PERCENT_BUILTIN = {9, 10}  # 0% and 0.00%
_CELL_XFS = re.compile(rb"<cellXfs\b[^>]*>(.*?)</cellXfs>", re.S)
_XF = re.compile(rb"<xf\b([^>]*)")
_NUM_FMT = re.compile(rb"<numFmt\b([^>]*)/?>")
_ATTR = re.compile(rb'\b([A-Za-z:]+)="([^"]*)"')
_ERROR_CELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')


def read_workbook(path: str | Path, *, display_name: str | None = None,
                  max_file_mb: float | None = None) -> tuple[WorkbookData | None, list[P.Problem]]:
    """Same contract as :func:`etl.read.read_workbook`."""
    path = Path(path)
    name = display_name or path.name
    if not path.exists():
        return None, [P.make("file.not_found", file=name)]
    limit = max_file_mb if max_file_mb is not None else MAX_FILE_MB
    size = path.stat().st_size
    if size > limit * 1024 * 1024:
        return None, [P.make("file.too_large", file=name, size_mb=f"{size / 1048576:.1f}",
                             limit_mb=f"{limit:g}")]
    return read_workbook_bytes(path.read_bytes(), name)


def read_workbook_bytes(data: bytes, name: str) -> tuple[WorkbookData | None, list[P.Problem]]:
    """Same contract as :func:`etl.read.read_workbook_bytes` (the same checks run first)."""
    problems = sniff(data, name) or check_zip(data, name)
    if problems:
        return None, problems
    sha = hashlib.sha256(data).hexdigest()
    import python_calamine as pc  # imported late: the checks above run before any XML parse
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        zf = zipfile.ZipFile(io.BytesIO(data))
        sheet_paths = _sheet_paths(zf)
        no_value = _formulas_without_values(zf, sheet_paths)
        percent_styles = _percent_styles(zf)
        sheets = []
        for meta in wb.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue  # openpyxl's wb.worksheets leaves chart sheets out too
            xml = _read(zf, sheet_paths.get(meta.name))
            sheets.append(_sheet(wb.get_sheet_by_name(meta.name), meta.name, xml,
                                 percent_styles, zf, sheet_paths,
                                 no_value.get(meta.name, {})))
    except Exception as e:  # calamine raises several types for malformed files
        return None, [P.make("file.corrupt", file=name, detail=f"{type(e).__name__}: "
                                                              f"{str(e)[:200]}")]
    return WorkbookData(file_name=name, sha256=sha, size=len(data), sheets=sheets), []


def _read(zf: zipfile.ZipFile, path: str | None) -> bytes:
    if not path:
        return b""
    try:
        return zf.read(path)
    except KeyError:
        return b""


def _sheet(ws, name: str, xml: bytes, percent_styles: set[int], zf, sheet_paths,
           formulas_without_value: dict) -> SheetData:
    raw = ws.to_python(skip_empty_area=False)
    rows: list[list[Any]] = []
    for r in raw[:MAX_ROWS]:
        vals = [_value(v) for v in r[:MAX_COLS]]
        while vals and vals[-1] is None:
            vals.pop()
        rows.append(vals)
    for (r, c), text in _error_cells(xml).items():  # calamine returns error cells empty
        if r < len(rows) and c < MAX_COLS:
            row = rows[r]
            row.extend([None] * (c + 1 - len(row)))
            row[c] = text
    while rows and not rows[-1]:
        rows.pop()
    percent = set()
    if percent_styles and xml:
        for (r, c) in _styled_cells(xml, percent_styles):
            if r < len(rows) and c < len(rows[r]):
                v = rows[r][c]
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    percent.add((r, c))
    merged = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1)
              for (r0, c0), (r1, c1) in (ws.merged_cell_ranges or [])]
    return SheetData(name=name, rows=rows, merged=merged,
                     percent_cells=percent, formulas_without_value=formulas_without_value)


def _value(v: Any) -> Any:
    if v == "" and isinstance(v, str):
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        return int(v)
    if type(v) is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _error_cells(xml: bytes) -> dict[tuple[int, int], str]:
    out = {}
    if b't="e"' not in xml:
        return out
    for m in _ERROR_CELL.finditer(xml):
        ref = _REF.search(m.group(1))
        if ref:
            out[(int(ref.group(2)) - 1, _col(ref.group(1)))] = m.group(2).decode("utf-8",
                                                                                 "replace")
    return out


def _styled_cells(xml: bytes, styles: set[int]):
    """(row, col) of the cells whose style is one of ``styles`` (r= and s= in either order)."""
    ids = b"|".join(str(i).encode() for i in sorted(styles))
    r_first = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?\bs="(?:' + ids + rb')"')
    s_first = re.compile(rb'<c\b[^>]*?\bs="(?:' + ids + rb')"[^>]*?\br="([A-Z]+)(\d+)"')
    for rx in (r_first, s_first):
        for col, row in rx.findall(xml):
            yield int(row) - 1, _col(col)


def _percent_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indexes into cellXfs whose number format shows a percentage."""
    xml = _read(zf, "xl/styles.xml")
    if not xml:
        return set()
    custom = {}
    for m in _NUM_FMT.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        if b"numFmtId" in attrs:
            custom[int(attrs[b"numFmtId"])] = attrs.get(b"formatCode", b"")
    xfs = _CELL_XFS.search(xml)
    if not xfs:
        return set()
    out = set()
    for i, m in enumerate(_XF.finditer(xfs.group(1))):
        attrs = dict(_ATTR.findall(m.group(1)))
        fmt_id = int(attrs.get(b"numFmtId", b"0"))
        if fmt_id in _PERCENT_BUILTIN or b"%" in custom.get(fmt_id, b""):
            out.add(i)
    return out
