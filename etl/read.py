"""Extract: open a workbook safely and return its cells as plain Python values.

This is one of the two places that touch files. Everything is checked before openpyxl parses
anything: size, real content type (a renamed HTML/CSV/.xls file is told apart from an .xlsx),
encryption, and the zip's uncompressed size and compression ratios (zip bombs). openpyxl
parses XML through defusedxml when it is installed (it is pinned in requirements.txt), which
refuses entity-expansion (billion laughs) and external-entity attacks.
"""
from __future__ import annotations

import contextlib
import hashlib
import html
import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import problems as P

log = logging.getLogger(__name__)

MAX_FILE_MB = float(os.environ.get("ETL_MAX_FILE_MB", "20"))
MAX_UNCOMPRESSED_MB = float(os.environ.get("ETL_MAX_UNCOMPRESSED_MB", "200"))
MAX_RATIO = 200  # uncompressed/compressed for any entry larger than 1 MB
MAX_ENTRIES = 5000
MAX_ROWS = int(os.environ.get("ETL_MAX_ROWS", "20000"))  # per sheet; past it the file is refused
MAX_COLS = int(os.environ.get("ETL_MAX_COLS", "200"))
STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml"  # ISO 29500 Strict, which openpyxl cannot read
EXCEL_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
                "#GETTING_DATA", "#SPILL!", "#CALC!"}


@dataclass
class SheetData:
    name: str
    rows: list[list[Any]]  # rows[r][c], 0-based; Excel row = r + 1
    merged: list[tuple[int, int, int, int]]  # (min_row, min_col, max_row, max_col), 1-based
    percent_cells: set[tuple[int, int]] = field(default_factory=set)  # 0-based (r, c)
    formulas_without_value: dict[tuple[int, int], str] = field(default_factory=dict)

    def value(self, r: int, c: int) -> Any:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None


@dataclass
class WorkbookData:
    file_name: str
    sha256: str
    size: int
    sheets: list[SheetData]
    # Which reader read it: "calamine" (the fast path) or "openpyxl"; when openpyxl read a
    # file because the fast path could not be sure to read it the same, ``fallback`` says why.
    reader: str = "openpyxl"
    fallback: str | None = None


def visible_name(name: str) -> str:
    """A file name without invisible format characters: a right-to-left override makes
    'bao_cao\u202excod.exe' display as 'bao_caoexe.docx'. The name is what every message,
    provenance column and the import history show."""
    import unicodedata
    return "".join(ch for ch in str(name) if unicodedata.category(ch) not in ("Cf", "Cc"))


def sniff(data: bytes, file_name: str) -> list[P.Problem]:
    """Tell what the bytes really are; return problems for anything but an .xlsx zip."""
    if not data.strip():
        return [P.make("file.empty", file=file_name, size=len(data))]
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        return []
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # OLE2: either a legacy .xls or an encrypted OOXML package (EncryptionInfo stream).
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data \
                or "EncryptedPackage".encode("utf-16-le") in data:
            return [P.make("file.encrypted", file=file_name)]
        return [P.make("file.xls", file=file_name)]
    text_head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text_head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<")):
        kind = "HTML" if b"html" in text_head or b"<table" in text_head else "XML"
        return [P.make("file.not_xlsx", file=file_name,
                       detail=f"nội dung là {kind} (có thể là tệp xuất từ web đổi đuôi .xlsx)")]
    try:
        data[:4096].decode("utf-8")
        return [P.make("file.csv", file=file_name)]
    except UnicodeDecodeError:
        pass
    return [P.make("file.not_xlsx", file=file_name, detail="định dạng không nhận ra")]


def check_zip(data: bytes, file_name: str) -> list[P.Problem]:
    return _open_checked(data, file_name)[1]


def _open_checked(data: bytes, file_name: str) -> tuple[_Parts | None, list[P.Problem]]:
    """The zip checked (entries, sizes, ratios, a Strict or non-workbook package, a DTD in
    any XML part's prolog) and, when it passes, opened once for the reader: the parts the
    checks decompressed are kept (:class:`_Parts`) and not decompressed again."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        return None, [P.make("file.corrupt", file=file_name, detail=f"tệp nén hỏng ({e})")]
    parts = _Parts(zf)
    problems = _check_parts(parts, file_name)
    return (None, problems) if problems else (parts, [])


# Parts the reader decompresses whole anyway: the checks read them through the cache.
_READ_WHOLE = ("xl/workbook.xml", "xl/_rels/", "xl/worksheets/", "xl/styles.xml",
               "xl/sharedStrings.xml")


def _check_parts(parts: _Parts, file_name: str) -> list[P.Problem]:
    zf = parts.zf
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        return [P.make("file.zip_bomb", file=file_name, detail=f"{len(infos)} thành phần")]
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_MB * 1024 * 1024:
        return [P.make("file.zip_bomb", file=file_name,
                       detail=f"giải nén ra {total / 1024 / 1024:.0f} MB")]
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            return [P.make("file.zip_bomb", file=file_name,
                           detail=f"'{i.filename}' nén {i.file_size // max(i.compress_size, 1)}:1")]
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
        if b"opendocument" in mimetype or "content.xml" in names:
            return [P.make("file.ods", file=file_name)]
        if "word/document.xml" in names:
            return [P.make("file.not_xlsx", file=file_name, detail="đây là tệp Word (.docx)")]
        return [P.make("file.not_xlsx", file=file_name, detail="thiếu xl/workbook.xml")]
    if STRICT_NS in parts.read("xl/workbook.xml")[:4096]:
        return [P.make("file.strict_ooxml", file=file_name)]
    for i in infos:  # a DTD may only stand in the prolog: the first bytes of each part
        if i.filename.endswith((".xml", ".rels")):
            if i.filename.startswith(_READ_WHOLE) and zf.getinfo(i.filename) is i:
                # (the entry zf.read gives: a name twice in the zip is read entry by entry)
                prolog = parts.read(i.filename)[:4096]
            else:
                with zf.open(i) as fh:
                    prolog = fh.read(4096)
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                return [P.make("file.zip_bomb", file=file_name,
                               detail=f"'{i.filename}' khai báo DOCTYPE/ENTITY (XML bomb)")]
    return []


def _formulas_without_values(zf: zipfile.ZipFile, sheet_paths: dict[str, str]
                             ) -> dict[str, dict[tuple[int, int], str]]:
    """Cells that hold a formula but no cached value (a file written by a program, never
    opened in Excel): openpyxl would read them as empty, silently.

    The sheet XML is walked in order, so cells written without an ``r="B3"`` reference
    (allowed by the standard: the position is then the next one) are placed right too, and
    the formula text is unescaped (``A1&amp;B1`` is ``A1&B1``)."""
    from defusedxml.ElementTree import iterparse
    from .xlsx_cells import column_index_from_string
    out: dict[str, dict[tuple[int, int], str]] = {}
    for sheet_name, path in sheet_paths.items():
        try:
            xml = zf.read(path)
        except KeyError:
            continue
        if b"<f" not in xml and b":f" not in xml:  # no formula at all: nothing to walk
            continue
        found: dict[tuple[int, int], str] = {}
        row, col = -1, -1
        for event, el in iterparse(io.BytesIO(xml), events=("start", "end")):
            tag = el.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "row":
                    r = el.get("r")
                    row, col = (int(r) - 1 if r else row + 1), -1
                elif tag == "c":
                    ref = el.get("r")
                    m = re.fullmatch(r"([A-Z]+)(\d+)", ref or "")
                    if m:
                        col = column_index_from_string(m.group(1)) - 1
                        row = int(m.group(2)) - 1
                    else:
                        col += 1
                continue
            if tag == "c":
                f = v = None
                for child in el:
                    ctag = child.tag.rsplit("}", 1)[-1]
                    if ctag == "f":
                        f = child
                    elif ctag in ("v", "is"):
                        v = child
                has_value = v is not None and (len(v) or (v.text or "").strip())
                if f is not None and not has_value:
                    found[(row, col)] = "=" + (f.text or "")
                el.clear()
            elif tag == "row":
                el.clear()
        if found:
            out[sheet_name] = found
    return out


def read_workbook(path: str | Path, *, display_name: str | None = None,
                  max_file_mb: float | None = None, reader: str = "auto"
                  ) -> tuple[WorkbookData | None, list[P.Problem]]:
    """Read every sheet of an .xlsx. Returns (None, problems) when the file is refused.
    ``reader``: see :func:`read_workbook_bytes`."""
    path = Path(path)
    name = visible_name(display_name or path.name)
    if not path.exists():
        return None, [P.make("file.not_found", file=name)]
    limit = max_file_mb if max_file_mb is not None else MAX_FILE_MB
    size = path.stat().st_size
    if size > limit * 1024 * 1024:
        return None, [P.make("file.too_large", file=name, size_mb=f"{size / 1048576:.1f}",
                             limit_mb=f"{limit:g}")]
    data = path.read_bytes()
    return read_workbook_bytes(data, name, reader=reader)


def read_workbook_bytes(data: bytes, name: str, *, reader: str = "auto"
                        ) -> tuple[WorkbookData | None, list[P.Problem]]:
    """Check, then read. ``reader``: "auto" reads with python-calamine (etl/read_calamine.py)
    and falls back to openpyxl for what that fast path cannot read exactly as openpyxl does
    (``WorkbookData.fallback`` says why); "openpyxl" reads with openpyxl only; "calamine"
    with calamine only (a file it cannot be sure of is then refused as file.corrupt: for
    tests and the bench)."""
    name = visible_name(name)
    problems = sniff(data, name)
    if problems:
        return None, problems
    zf, problems = _open_checked(data, name)
    if problems:
        return None, problems
    sha = hashlib.sha256(data).hexdigest()
    sheet_paths = _sheet_paths(zf)
    for sheet_name, part in sheet_paths.items():  # refuse a too long sheet before parsing it
        with contextlib.suppress(KeyError):
            beyond = _first_row_beyond(zf.read(part), MAX_ROWS)
            if beyond:
                return None, [P.make("file.too_many_rows", file=name, sheet=sheet_name,
                                     row=beyond, row_no=beyond,
                                     limit=f"{MAX_ROWS:,}".replace(",", "."))]
    why = None
    if reader != "openpyxl":
        try:
            from . import read_calamine
        except ImportError:  # pragma: no cover - requirements.txt pins python-calamine
            read_calamine = None
            why = "python-calamine is not installed"
        if read_calamine is not None:
            sheets, problems, why = read_calamine.read_sheets(data, zf, sheet_paths, name)
            if why is None:
                if problems:
                    return None, problems
                return WorkbookData(file_name=name, sha256=sha, size=len(data), sheets=sheets,
                                    reader="calamine"), []
        if reader == "calamine":
            return None, [P.make("file.corrupt", file=name, detail=f"calamine: {why}")]
        log.info("%s: read with openpyxl (%s)", name, why)
    sheets, problems = _read_openpyxl(data, name, zf, sheet_paths)
    if problems:
        return None, problems
    return WorkbookData(file_name=name, sha256=sha, size=len(data), sheets=sheets,
                        reader="openpyxl", fallback=why), []


def _read_openpyxl(data: bytes, name: str, zf: zipfile.ZipFile, sheet_paths: dict[str, str]
                   ) -> tuple[list[SheetData] | None, list[P.Problem]]:
    import openpyxl  # imported late: the checks above must run before any XML is parsed
    from openpyxl.xml import DEFUSEDXML
    if not DEFUSEDXML:  # pragma: no cover - requirements.txt pins defusedxml
        raise RuntimeError("defusedxml is required to read untrusted workbooks safely")
    try:
        # read_only: values and number formats without building styled cell objects (binding
        # merged cells' borders was two thirds of the read time); merged ranges come from
        # the sheet XML instead.
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as e:  # openpyxl raises many types for malformed files
        detail = type(e).__name__
        if "Entities" in detail or "DTD" in detail or "entity" in str(e).lower():
            return None, [P.make("file.zip_bomb", file=name, detail="XML có khai báo thực thể "
                                                                    "(XML bomb)")]
        return None, [P.make("file.corrupt", file=name, detail=f"{detail}: {str(e)[:200]}")]
    no_value = _formulas_without_values(zf, sheet_paths)
    sheets: list[SheetData] = []
    try:
        for ws in wb.worksheets:
            # A stale <dimension ref="A1:C5"> (some writers put "A1") would make read-only
            # openpyxl drop every cell outside it, silently: read the cells that are there.
            ws.reset_dimensions()
            rows: list[list[Any]] = []
            percent: set[tuple[int, int]] = set()
            for r_idx, row in enumerate(ws.iter_rows()):
                if r_idx >= MAX_ROWS:
                    if any(cell.value is not None for cell in row):
                        return None, [P.make("file.too_many_rows", file=name, sheet=ws.title,
                                             row=r_idx + 1, row_no=r_idx + 1,
                                             limit=f"{MAX_ROWS:,}".replace(",", "."))]
                    continue
                vals = []
                for c_idx, cell in enumerate(row):
                    v = cell.value
                    if c_idx >= MAX_COLS:
                        if v is not None:
                            return None, [P.make("file.too_many_columns", file=name,
                                                 sheet=ws.title, row=r_idx + 1, col=c_idx + 1,
                                                 col_no=c_idx + 1, limit=MAX_COLS)]
                        continue
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        v = excel_number(v)
                        shown = percent_format_kind(getattr(cell, "number_format", None))
                        if shown == "scaled":
                            percent.add((r_idx, c_idx))
                        elif shown == "literal":  # 0"%": 80 is shown, and meant, as 80%
                            v = f"{_plain_number(v)}%"
                    vals.append(v)
                while vals and vals[-1] is None:
                    vals.pop()
                rows.append(vals)
            while rows and not rows[-1]:
                rows.pop()
            merged = _merged_ranges(zf, sheet_paths.get(ws.title))
            sheets.append(SheetData(name=ws.title, rows=rows, merged=merged,
                                    percent_cells=percent,
                                    formulas_without_value=no_value.get(ws.title, {})))
    except Exception as e:  # malformed sheet XML surfaces while iterating in read-only mode
        return None, [P.make("file.corrupt", file=name, detail=f"{type(e).__name__}: "
                                                              f"{str(e)[:200]}")]
    finally:
        wb.close()
    return sheets, []


class _Parts:
    """A workbook's zip whose parts are decompressed once: the checks, the reader and the
    merged-range and formula scans all look at each sheet's XML."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self._read: dict[str, bytes] = {}

    def read(self, name: str) -> bytes:
        if name not in self._read:
            self._read[name] = self.zf.read(name)  # KeyError for a missing part, as zipfile
        return self._read[name]


_EXACT_INT = 2 ** 53


def excel_number(v: int | float) -> int | float:
    """A number as Excel holds it (a double) and shows it: whole -> int (``5.0`` written by a
    program is the 5 Excel shows, not "5.0"), an integer past 2**53 -> the float Excel keeps.
    Both readers return numbers through this, so they agree."""
    if isinstance(v, float):
        return int(v) if v.is_integer() and abs(v) < _EXACT_INT else v
    return v if abs(v) < _EXACT_INT else float(v)


_ROW_START = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_ROW_ELEMENT = re.compile(rb'<row\b([^>]*?)(?:/>|>(.*?)</row>)', re.S)
_ROW_R = re.compile(rb'\br="(\d+)"')
_HAS_VALUE = re.compile(rb'<v>[^<]|<is>|<v\s[^>]*>[^<]')


def _first_row_beyond(xml: bytes, limit: int) -> int | None:
    """The first Excel row past ``limit`` that holds a value, found in the sheet XML before
    openpyxl parses it (a 200,000-row sheet is refused in a fraction of a second instead of
    being read up to the limit). Cheap when the sheet is short: two byte searches."""
    n = xml.count(b"<row")
    last = xml.rfind(b"<row")
    if last < 0:
        return None
    m = _ROW_START.match(xml, last)
    if max(n, int(m.group(1)) if m else n) <= limit:
        return None
    ordinal = 0
    for m in _ROW_ELEMENT.finditer(xml):
        r = _ROW_R.search(m.group(1))
        ordinal = int(r.group(1)) if r else ordinal + 1
        if ordinal > limit and m.group(2) and _HAS_VALUE.search(m.group(2)):
            return ordinal
    return None


def covering_merge(sheet: SheetData) -> str | None:
    """The reference of a merged range that covers most of a sheet's used cells (someone
    merged the whole table: Excel keeps only the top-left value), or None."""
    from .xlsx_cells import get_column_letter
    used_rows = len(sheet.rows)
    used_cols = max((len(r) for r in sheet.rows), default=0)
    for r1, c1, r2, c2 in sheet.merged:
        h, w = r2 - r1 + 1, c2 - c1 + 1
        if h >= 3 and w >= 2 and h * w >= 0.5 * max(used_rows, h) * max(used_cols, w):
            return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
    return None


def percent_format_kind(fmt: str | None) -> str | None:
    """'scaled' when Excel multiplies by 100 to show the number (``0%``, ``0.0%``);
    'literal' when the % is only text in the format (``0"%"``, ``0\\%``): 80 shows as 80%;
    None when the format shows no percent sign."""
    if not fmt or "%" not in fmt:
        return None
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt)  # drop quoted text, escapes, [colour]
    return "scaled" if "%" in bare else "literal"


def _plain_number(v: float) -> str:
    """80 -> '80', 99.5 -> '99,5' (Vietnamese decimal mark, as the values grammar reads)."""
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v)).replace(".", ",")


_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_ranges(zf: zipfile.ZipFile, path: str | None) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range in a sheet's XML part."""
    from .xlsx_cells import column_index_from_string
    if not path:
        return []
    try:
        xml = zf.read(path)
    except KeyError:
        return []
    return [(int(r1), column_index_from_string(c1.decode()), int(r2),
             column_index_from_string(c2.decode()))
            for c1, r1, c2, r2 in _MERGE.findall(xml)]


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Map sheet names to their XML part paths, via workbook.xml and its relationships."""
    try:
        wb_xml = zf.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = dict(re.findall(r'<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"', rels))
    targets.update({k: v for v, k in
                    re.findall(r'<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"', rels)})
    out = {}
    for m in re.finditer(r'<sheet\b([^>]*)/?>', wb_xml):
        attrs = m.group(1)
        nm = re.search(r'\bname="([^"]*)"', attrs)
        rid = re.search(r'\br:id="([^"]*)"', attrs)
        if nm and rid and rid.group(1) in targets:
            t = targets[rid.group(1)].lstrip("/")
            out[html.unescape(nm.group(1))] = t if t.startswith("xl/") else "xl/" + t
    return out
