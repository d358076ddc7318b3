"""Data behind a chart or table as .csv and .xlsx, safe to open in a spreadsheet.

A text cell that starts with = + - @ tab or carriage return would be run as a formula by
Excel/LibreOffice (CSV/formula injection), so it is prefixed with an apostrophe. Numbers are
left as numbers (a negative gap stays -3.5, it is not text).
"""
from __future__ import annotations

import io

import pandas as pd

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def defuse_cell(v):
    if isinstance(v, str) and v.startswith(DANGEROUS):
        return "'" + v
    return v


def defuse(df: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell (and column name) is safe for a spreadsheet."""
    out = df.copy()
    out.columns = [defuse_cell(str(c)) for c in out.columns]
    for col in out.columns:
        s = out[col]
        if s.dtype == object or pd.api.types.is_string_dtype(s):
            out[col] = s.map(defuse_cell).astype(object)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    # UTF-8 with BOM so Excel shows Vietnamese diacritics correctly.
    return defuse(df).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, sheet: str = "du_lieu") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    safe = defuse(df)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in safe.columns])
    for row in safe.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in ws.iter_rows(min_row=2):  # a list written one item per line shows as lines
        for c in cells:
            if isinstance(c.value, str) and "\n" in c.value:
                c.alignment = wrap
    for i, col in enumerate(safe.columns, start=1):
        width = max([len(str(col))] + [len(line) for v in safe.iloc[:200, i - 1].tolist()
                                        for line in str(v).split("\n")])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(v):
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        return str(v)
    if hasattr(v, "to_pydatetime"):
        return v.to_pydatetime()
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    if isinstance(v, (str, int, float, bool)):
        return v
    return str(v)
