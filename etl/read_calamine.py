"""The fast path of :func:`etl.read.read_workbook_bytes`: cells read by python-calamine (a
Rust parser, ~30× faster than openpyxl on the generated workbooks), giving exactly what the
openpyxl path gives: the same values and types, the same percent cells, merged ranges,
formulas without a cached value and refusals. ``tests/test_read_calamine.py`` compares both
readers, whole sheets, on the layout corpus, the seeds, hostile files and generated workbooks.

The checks (size, content type, zip bombs, DTDs, too many rows) have run before this module
is called. What calamine does not give, or gives differently, is read from the XML:

* **number formats**: ``xl/styles.xml`` is parsed with defusedxml (``cellXfs`` → ``numFmtId``
  → a built-in or custom format code, resolved as openpyxl resolves it). Every number cell
  whose style has a format other than General is found in the sheet XML by its ``s=`` index
  and its value is recomputed from the cell's ``<v>`` text as openpyxl does (a date format:
  ``from_excel`` with the workbook's epoch; ``0%``: a percent cell; ``0"%"``: the shown text
  "80%");
* **error cells** (``#N/A`` …), which calamine returns empty: their text from the ``<v>``;
* merged ranges and formulas without a cached value: the same functions as the openpyxl path.

Numbers are returned through :func:`etl.read.excel_number` by both readers (whole → int).

**When openpyxl reads the file instead** (:func:`read_sheets` returns a reason; the caller
falls back and records it in ``WorkbookData.fallback``): calamine raises; the sheets calamine
lists are not those of ``xl/workbook.xml``; a cell element without an ``r=`` reference, with a
namespace prefix or single-quoted attributes; a cell past the column limit (calamine would
build the whole rectangle in memory; openpyxl streams and refuses it); a date cell
(``t="d"``), a boolean other than 0/1 or an unknown cell type; a macro or dialog sheet; a text whose spaces calamine trims (a ``<t>`` starting
or ending with whitespace without ``xml:space="preserve"``), an empty shared or inline
string, an ``_xHHHH_`` escape or a raw carriage return (calamine decodes those differently);
a number format the stylesheet does not define; a number cell whose ``<v>`` is
not a number; a date calamine found where openpyxl sees none. None of the 23 workbooks of
the layout corpus, the seeds or the generated workbooks needs the fallback.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from functools import lru_cache
from typing import Any

from . import problems as P
from . import read as R

_DATE_TYPES = (dt.datetime, dt.date, dt.time, dt.timedelta)
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})  # no date among these exact types
_ERROR_CELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_TYPE = re.compile(rb'\bt="([^"]*)"')
_VALUE = re.compile(rb'<v>([^<]*)</v>')
_CELL_TYPE = re.compile(rb'<c\b[^>]*?\bt="([^"]*)"')
_WIDE_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{2,3})\d')
_WS = rb"[ \t\n]|&#(?:x0*(?:9|[aAdD]|20)|0*(?:9|10|13|32));"  # XML white space, as is or as &#..;
_CELL_TYPES = {b"n", b"s", b"str", b"inlineStr", b"b", b"e"}
# Hazards: what calamine reads differently from openpyxl, or what this module does not parse.
_SHEET_HAZARDS = [
    (re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row|v|is|t|r|sheetData)\b"), "namespace prefixes"),
    (re.compile(rb"<c\b[^>]*=\s*'"), "single-quoted attributes"),
    (re.compile(rb"<c(?=[\s>/])(?![^>]*\sr=)"), "a cell without an r= reference"),
    (re.compile(rb'<c\b[^>]*\bt="d"'), "a date-typed cell (t=\"d\")"),
    (re.compile(rb'<c\b[^>]*\bt="b"[^>]*>(?:(?!</c>).)*?<v>(?![01]</v>)', re.S),
     "a boolean that is not 0 or 1"),
]
_TEXT_HAZARDS = [
    # calamine trims the text of a <t> written without xml:space="preserve"; openpyxl keeps it
    (re.compile(rb'<t(?:\s(?:(?!xml:space="preserve")[^>])*)?>(?:' + _WS + rb"|[^<]*(?:" + _WS
                + rb")</t>)"), "a text starting or ending with spaces (no xml:space)"),
    (re.compile(rb"<t\s*/>|<t(?:\s[^>]*)?></t>|<si\s*/>|<si>\s*</si>|<is\s*/>|<is>\s*</is>"),
     "an empty string"),
    (re.compile(rb"_x[0-9A-Fa-f]{4}_"), "an _xHHHH_ escape"),
    (re.compile(rb"\r"), "a carriage return"),
]
_DATE1904 = re.compile(rb'<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"')


def read_sheets(data: bytes, zf: zipfile.ZipFile, sheet_paths: dict[str, str], name: str
                ) -> tuple[list[R.SheetData] | None, list[P.Problem], str | None]:
    """(sheets, problems, None) read by calamine, or (None, [], reason) when openpyxl must
    read the file (see the module's docstring for the reasons)."""
    try:
        import python_calamine as pc
    except ImportError:
        return None, [], "python-calamine is not installed"
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as e:  # calamine raises several types for malformed files
        return None, [], f"calamine: {type(e).__name__}"
    try:
        if [m.name for m in wb.sheets_metadata] != list(sheet_paths):
            return None, [], "calamine lists other sheets than xl/workbook.xml"
        metas = [m for m in wb.sheets_metadata if m.typ != pc.SheetTypeEnum.ChartSheet]
        if any(m.typ != pc.SheetTypeEnum.WorkSheet for m in metas):
            return None, [], "a macro or dialog sheet"  # openpyxl's wb.worksheets: worksheets
        why = _text_hazard(_read(zf, "xl/sharedStrings.xml"), shared=True)
        if why:
            return None, [], f"{why} in the shared strings"
        styles = _styles(_read(zf, "xl/styles.xml"))
        if isinstance(styles, str):
            return None, [], styles
        epoch = _epoch(zf)
        xmls = {}
        for sheet_name in (m.name for m in metas):
            xml = _read(zf, sheet_paths[sheet_name])
            why = _sheet_hazard(xml) or (_text_hazard(xml) if b"<is" in xml else None)
            if why:
                return None, [], f"{why} in sheet '{sheet_name}'"
            xmls[sheet_name] = xml
        grids = {}
        for sheet_name, xml in xmls.items():  # all sheets read before any limit is checked
            grid = _grid(wb.get_sheet_by_name(sheet_name), xml, styles, epoch)
            if isinstance(grid, str):
                return None, [], f"{grid} in sheet '{sheet_name}'"
            grids[sheet_name] = grid
    except Exception as e:  # calamine raises on malformed sheets: openpyxl says what it is
        return None, [], f"calamine: {type(e).__name__}: {str(e)[:100]}"
    finally:
        wb.close()
    no_value = R._formulas_without_values(zf, sheet_paths)
    sheets = []
    for sheet_name, (rows, kinds) in grids.items():
        sheet, problems = _sheet(sheet_name, rows, kinds, name)
        if problems:
            return None, problems, None
        sheet.merged = R._merged_ranges(zf, sheet_paths[sheet_name])
        sheet.formulas_without_value = no_value.get(sheet_name, {})
        sheets.append(sheet)
    return sheets, [], None


def _read(zf: zipfile.ZipFile, path: str | None) -> bytes:
    if not path:
        return b""
    try:
        return zf.read(path)
    except KeyError:
        return b""


def _text_hazard(xml: bytes, *, shared: bool = False) -> str | None:
    """Why calamine may read a text of this part (the shared strings, or a sheet's inline
    strings) differently from openpyxl, or None. A few passes over the bytes with patterns
    that start with a literal (searched at memory speed); the exact pattern confirms only
    what one of them found (a text ending in a space may be xml:space="preserve")."""
    if not xml:
        return None
    ws, empty, escape, cr = _TEXT_HAZARDS
    if _T_START.search(xml) or _T_END_REVERSED.search(xml[::-1]) or \
            (b"<is" in xml and _IS_EMPTY.search(xml)) or (shared and _SI_EMPTY.search(xml)):
        for rx, why in (ws, empty):
            if rx.search(xml):
                return why
    if b"_x" in xml and escape[0].search(xml):
        return escape[1]
    if b"\r" in xml:
        return cr[1]
    return None


# <t> followed by white space (as is or as &#..;), an empty <t></t> or <t/>; the end of a
# text is searched in the reversed bytes ("</t>" preceded by white space), so that both
# patterns start with a literal.
_T_START = re.compile(rb"<t(?:>(?:" + _WS + rb"|</t>)|\s*/>|\s[^>]*></t>)")
_T_END_REVERSED = re.compile(rb">t/<(?:[ \t\n]|;(?:9|01|31|23)0*#&|;(?:9|[aAdD]|02)0*x#&)")
_IS_EMPTY = re.compile(rb"<is(?:\s*/>|>\s*</is>)")
_SI_EMPTY = re.compile(rb"<si(?:\s*/>|>\s*</si>)")
# One pass each: a quote or a namespace prefix; the start of every cell whose first
# attribute is not r= or whose column has two or three letters; a cell type that is not
# one of the plain ones.
_RARE = re.compile(rb"'|:(?:c|row|v|is|t|r|sheetData)[\s>/]")
_CELL_START = re.compile(rb'<c(?: r="([A-Z]{2,3})\d|(?! r=")(?=[\s>/]))')
_ODD_T = re.compile(rb' t="(?!(?:n|s|str|inlineStr|e|shared|array|normal|dataTable)")')


def _sheet_hazard(xml: bytes) -> str | None:
    """Why this module may not read the sheet as openpyxl does, or None (a few passes with
    patterns that start with a literal; the exact patterns only to confirm)."""
    prefixes, quotes, no_ref, dates, bools = _SHEET_HAZARDS
    if _RARE.search(xml):
        for rx, why in (prefixes, quotes):
            if rx.search(xml):
                return why
    r_first = True
    for m in _CELL_START.finditer(xml):
        if m.group(1) is None:  # a cell whose first attribute is not r=
            r_first = False
            break
        if _col(m.group(1)) >= R.MAX_COLS:
            return f"a cell past column {R.MAX_COLS}"
    if not r_first:
        if no_ref[0].search(xml):
            return no_ref[1]
        for m in _WIDE_REF.finditer(xml):
            if _col(m.group(1)) >= R.MAX_COLS:
                return f"a cell past column {R.MAX_COLS}"
    if _ODD_T.search(xml):  # t="d", t="b" or another type
        if dates[0].search(xml):
            return dates[1]
        if bools[0].search(xml):
            return bools[1]
        for m in _CELL_TYPE.finditer(xml):
            if m.group(1) not in _CELL_TYPES:  # t= of a cell, not of a formula (t="shared")
                return f'an unknown cell type t="{m.group(1).decode("utf-8", "replace")}"'
    return None


def _epoch(zf: zipfile.ZipFile) -> dt.datetime:
    from .xlsx_cells import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
    return CALENDAR_MAC_1904 if _DATE1904.search(_read(zf, "xl/workbook.xml")[:20000]) \
        else CALENDAR_WINDOWS_1900


@lru_cache(maxsize=64)
def _styles(xml: bytes):
    """Per cellXfs index, the number format openpyxl gives a cell of that style, for the
    styles whose format is not General: {index: (format code, is date, is timedelta)}; or a
    reason to let openpyxl read the file. Parsed with defusedxml (no entities, no DTD)."""
    from defusedxml.ElementTree import fromstring
    from .xlsx_cells import (BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE,
                             is_date_format, is_timedelta_format)
    if not xml:
        return {}
    try:
        root = fromstring(xml)
    except Exception as e:  # malformed styles: openpyxl decides what it is
        return f"styles.xml: {type(e).__name__}"

    def local(el) -> str:
        return el.tag.rsplit("}", 1)[-1]

    custom: dict[int, str] = {}
    xfs: list[int] = []
    try:
        for part in root:
            if local(part) == "numFmts":
                for nf in part:
                    if local(nf) == "numFmt":
                        custom[int(nf.get("numFmtId"))] = nf.get("formatCode")
            elif local(part) == "cellXfs":
                xfs = [int(xf.get("numFmtId", 0)) for xf in part if local(xf) == "xf"]
    except (TypeError, ValueError):
        return "styles.xml: a number format id that is not a number"
    out: dict[int, tuple[str, bool, bool]] = {}
    for i, fmt_id in enumerate(xfs):
        if fmt_id in custom:
            fmt = custom[fmt_id]
        elif fmt_id >= BUILTIN_FORMATS_MAX_SIZE:
            out[i] = ("?", False, False)  # openpyxl's lookup of an undefined custom format
            continue
        else:
            fmt = BUILTIN_FORMATS.get(fmt_id)
        if fmt_id == 0 or fmt == "General":
            continue
        if fmt is None:  # an id openpyxl does not know (27-36: East Asian dates): General to
            out[i] = ("General", False, False)  # openpyxl, perhaps a date to calamine
            continue
        out[i] = (fmt, is_date_format(fmt), is_timedelta_format(fmt))
    out["ids"] = tuple(sorted(out))  # type: ignore[index]
    return out


@lru_cache(maxsize=64)
def _styled_cell_regex(ids: tuple[int, ...]) -> re.Pattern:
    alts = b"|".join(str(i).encode() for i in ids)
    return re.compile(rb'<c\b(?=[^>]*\bs="(?:' + alts + rb')")([^>]*?)(?:/>|>(.*?)</c>)', re.S)


_STYLE = re.compile(rb'\bs="(\d+)"')


def _grid(ws, xml: bytes, styles: dict, epoch) -> tuple[list[list[Any]], dict] | str:
    """The sheet's cells as openpyxl gives them, before the limits: (rows, kinds) where kinds
    maps (r, c) to the percent kind of a formatted number; or a reason to fall back."""
    from .xlsx_cells import from_excel
    raw = ws.to_python(skip_empty_area=False)
    rows: list[list[Any]] = []
    for r in raw:  # most cells are text or empty: no function call for those
        vals = [(v or None) if type(v) is str else _value(v) for v in r]
        while vals and vals[-1] is None:
            vals.pop()
        rows.append(vals)
    fixed: set[tuple[int, int]] = set()
    kinds: dict[tuple[int, int], str] = {}
    if b't="e"' in xml:  # calamine returns error cells empty
        for m in _ERROR_CELL.finditer(xml):
            ref = _REF.search(m.group(1))
            text = m.group(2).decode("utf-8", "replace") or None
            _put(rows, int(ref.group(2)) - 1, _col(ref.group(1)), text)
            fixed.add((int(ref.group(2)) - 1, _col(ref.group(1))))
    ids = styles.get("ids")
    if ids and b' s="' in xml:
        for m in _styled_cell_regex(ids).finditer(xml):
            attrs, body = m.group(1), m.group(2) or b""
            t = _TYPE.search(attrs)
            if t is not None and t.group(1) != b"n":
                continue  # text, bool, error: the format does not change its value
            v = _VALUE.search(body)
            if v is None or not v.group(1):
                continue
            fmt, is_date, is_td = styles[int(_STYLE.search(attrs).group(1))]
            if fmt == "?":
                return "a number format the stylesheet does not define"
            try:  # openpyxl's _cast_number
                text = v.group(1).decode("ascii").strip()
                value = float(text) if ("." in text or "e" in text or "E" in text) \
                    else int(text)
            except (UnicodeDecodeError, ValueError):
                return "a number cell whose value is not a number"
            ref = _REF.search(attrs)
            r, c = int(ref.group(2)) - 1, _col(ref.group(1))
            if is_date:
                try:
                    value = from_excel(value, epoch, timedelta=is_td)
                except (OverflowError, ValueError):
                    value = "#VALUE!"  # what openpyxl gives (with a warning)
            else:
                value = R.excel_number(value)
                kind = R.percent_format_kind(fmt)
                if kind:
                    kinds[(r, c)] = kind
            _put(rows, r, c, value)
            fixed.add((r, c))
    # A date where openpyxl sees a plain number. Only a cell with a number format other than
    # General can be a date: with none in the stylesheet (ids empty) there is nothing to see.
    for r, row in enumerate(rows if ids else ()):
        if not _PLAIN_TYPES.issuperset(map(type, row)):  # only text, numbers, empty: no date
            for c, v in enumerate(row):
                if isinstance(v, _DATE_TYPES) and (r, c) not in fixed:
                    return "a date calamine found in a cell openpyxl reads as a number"
    while rows and not rows[-1]:
        rows.pop()
    return rows, kinds


def _put(rows: list[list[Any]], r: int, c: int, value: Any) -> None:
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    if len(row) <= c:
        if value is None:
            return
        row.extend([None] * (c + 1 - len(row)))
    row[c] = value
    while row and row[-1] is None:
        row.pop()


def _sheet(sheet_name: str, grid: list[list[Any]], kinds: dict, file_name: str
           ) -> tuple[R.SheetData | None, list[P.Problem]]:
    """The limits and the shown percent, as the openpyxl path applies them cell by cell."""
    max_rows, max_cols = R.MAX_ROWS, R.MAX_COLS
    rows: list[list[Any]] = []
    percent: set[tuple[int, int]] = set()
    for r_idx, row in enumerate(grid):
        if r_idx >= max_rows:
            if any(v is not None for v in row):
                return None, [P.make("file.too_many_rows", file=file_name, sheet=sheet_name,
                                     row=r_idx + 1, row_no=r_idx + 1,
                                     limit=f"{max_rows:,}".replace(",", "."))]
            continue
        if len(row) > max_cols:
            c_idx = next(c for c in range(max_cols, len(row)) if row[c] is not None)
            return None, [P.make("file.too_many_columns", file=file_name, sheet=sheet_name,
                                 row=r_idx + 1, col=c_idx + 1, col_no=c_idx + 1,
                                 limit=max_cols)]
        rows.append(row)
    for (r, c), kind in kinds.items():
        if r < len(rows) and c < len(rows[r]):
            v = rows[r][c]
            if kind == "scaled":
                percent.add((r, c))
            else:  # 0"%": 80 is shown, and meant, as 80%
                rows[r][c] = f"{R._plain_number(v)}%"
    while rows and not rows[-1]:
        rows.pop()
    return R.SheetData(name=sheet_name, rows=rows, merged=[], percent_cells=percent), []


def _value(v: Any) -> Any:
    if isinstance(v, str):
        return v if v else None
    if isinstance(v, (float, int)) and not isinstance(v, bool):
        return R.excel_number(v)
    if type(v) is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


# --- the same entry points as etl.read, reading with calamine only (tests, the bench) -------

def read_workbook(path, *, display_name: str | None = None, max_file_mb: float | None = None):
    return R.read_workbook(path, display_name=display_name, max_file_mb=max_file_mb,
                           reader="calamine")


def read_workbook_bytes(data: bytes, name: str):
    return R.read_workbook_bytes(data, name, reader="calamine")
