"""The few small openpyxl helpers the read path needs, without importing openpyxl.

``import openpyxl.utils`` (or any openpyxl submodule) runs ``openpyxl/__init__.py``, which
loads the whole workbook model and numpy (~0.3 s here: a third of a one-file `etl load`),
while the files are read by python-calamine and these helpers are a few lines each. They
give exactly what openpyxl 3.1 gives (tests/test_xlsx_cells.py compares them with openpyxl
over every column, every built-in format and a range of serial dates); openpyxl itself is
imported where a workbook is opened with it (the fallback reader, templates, exports).
"""
from __future__ import annotations

import datetime
import re

# --------------------------------------------------------------- openpyxl.utils.cell
_LETTERS = [""] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]


def get_column_letter(col_idx: int) -> str:
    """1 -> 'A', 27 -> 'AA', 18278 -> 'ZZZ' (openpyxl.utils.get_column_letter)."""
    if not 1 <= col_idx <= 18278:
        raise ValueError(f"Invalid column index {col_idx}")
    out = []
    while col_idx:
        col_idx, rem = divmod(col_idx, 26)
        if rem == 0:  # 'Z': 26 is a digit here, not a carry
            rem, col_idx = 26, col_idx - 1
        out.append(_LETTERS[rem])
    return "".join(reversed(out))


def column_index_from_string(col: str) -> int:
    """'A' -> 1, 'aa' -> 27 (openpyxl.utils.column_index_from_string)."""
    error = f"'{col}' is not a valid column name. Column names are from A to ZZZ"
    if len(col) > 3:
        raise ValueError(error)
    idx = 0
    for letter, power in zip(reversed(col.upper()), (1, 26, 676)):
        if not ("A" <= letter <= "Z" and len(letter) == 1):
            raise ValueError(error)
        idx += (ord(letter) - 64) * power
    if not 0 < idx < 18279:
        raise ValueError(error)
    return idx


# ----------------------------------------------------------- openpyxl.utils.datetime
MAC_EPOCH = datetime.datetime(1904, 1, 1)
WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
CALENDAR_WINDOWS_1900 = WINDOWS_EPOCH
CALENDAR_MAC_1904 = MAC_EPOCH
SECS_PER_DAY = 86400


def from_excel(value, epoch=WINDOWS_EPOCH, timedelta=False):
    """An Excel serial number -> datetime, time or timedelta (openpyxl's from_excel)."""
    if value is None:
        return None
    if timedelta:
        td = datetime.timedelta(days=value)
        if td.microseconds:  # round to millisecond precision
            td = datetime.timedelta(seconds=td.total_seconds() // 1,
                                    microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * SECS_PER_DAY * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, seconds = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return datetime.time(hours, mins, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel's 29 February 1900
    return epoch + datetime.timedelta(days=day) + diff


# ------------------------------------------------------------ openpyxl.styles.numbers
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
BUILTIN_FORMATS_MAX_SIZE = 164
_STRIP_RE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_TIMEDELTA_RE = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?",
                           re.I)
_DATE_RE = re.compile(r"(?<![_\\])[dmhysDMHYS]")


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    return _DATE_RE.search(_STRIP_RE.sub("", fmt.split(";")[0])) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    return _TIMEDELTA_RE.search(fmt.split(";")[0]) is not None
