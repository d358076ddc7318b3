"""etl.xlsx_cells gives what openpyxl's helpers give (it exists so that reading a workbook
with calamine does not import openpyxl): compared with openpyxl itself."""
from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl.styles import numbers as ox_numbers
from openpyxl.utils import cell as ox_cell
from openpyxl.utils import datetime as ox_datetime

from etl import xlsx_cells as X


def test_every_column_letter_and_back_as_openpyxl():
    for i in range(1, 18279):
        letter = X.get_column_letter(i)
        assert letter == ox_cell.get_column_letter(i)
        assert X.column_index_from_string(letter) == i
        assert X.column_index_from_string(letter.lower()) == i


@pytest.mark.parametrize("bad", [0, -1, 18279])
def test_a_column_index_out_of_range_is_refused_as_by_openpyxl(bad):
    with pytest.raises(ValueError):
        ox_cell.get_column_letter(bad)
    with pytest.raises(ValueError):
        X.get_column_letter(bad)


@pytest.mark.parametrize("bad", ["", "AAAA", "A1", "1", "É", "ZZZZ", " A", "a-"])
def test_a_bad_column_name_is_refused_as_by_openpyxl(bad):
    with pytest.raises(ValueError):
        ox_cell.column_index_from_string(bad)
    with pytest.raises(ValueError):
        X.column_index_from_string(bad)


FORMATS = [*ox_numbers.BUILTIN_FORMATS.values(), "dd/mm/yyyy", '0.0"%"', "0.0%", "[$-409]d-mmm",
           '[Red]0.00;"ngày"0', "[hh]:mm", "[mm]:ss", "[ss].00", r"0\d", "_d0", "yyyy",
           "#,##0 \"đ\"", "[h]:mm:ss;@", "General", "@", "", None]


def test_the_builtin_formats_and_what_is_a_date_as_openpyxl():
    assert X.BUILTIN_FORMATS == ox_numbers.BUILTIN_FORMATS
    assert X.BUILTIN_FORMATS_MAX_SIZE == ox_numbers.BUILTIN_FORMATS_MAX_SIZE
    for fmt in FORMATS:
        assert X.is_date_format(fmt) == ox_numbers.is_date_format(fmt), fmt
        assert X.is_timedelta_format(fmt) == ox_numbers.is_timedelta_format(fmt), fmt


SERIALS = [0, 0.25, 0.5, 0.999999, 0.9999999, 1, 1.5, 59, 59.99, 60, 60.5, 61, 45000,
           45000.123456789, 46023.999999, 2958465.9999, 2958466, -1, -0.5, 10 ** 5 + 0.1]


def _outcome(fn, *args):
    try:
        return fn(*args)
    except (OverflowError, ValueError) as e:  # beyond year 9999: the same error either way
        return type(e).__name__


def test_serial_dates_as_openpyxl():
    assert X.CALENDAR_WINDOWS_1900 == ox_datetime.CALENDAR_WINDOWS_1900
    assert X.CALENDAR_MAC_1904 == ox_datetime.CALENDAR_MAC_1904
    for epoch in (X.CALENDAR_WINDOWS_1900, X.CALENDAR_MAC_1904):
        for v in SERIALS:
            for td in (False, True):
                want = _outcome(ox_datetime.from_excel, v, epoch, td)
                got = _outcome(X.from_excel, v, epoch, td)
                assert got == want and type(got) is type(want), (v, epoch, td)
    assert X.from_excel(None) is None
    assert isinstance(X.from_excel(0.5), datetime.time)


def test_reading_a_seed_workbook_and_validating_it_does_not_import_openpyxl_or_pandas():
    code = ("import sys; from etl.cli import main; "
            "main(['validate', 'data/seed/nam_dan_2026_ke_hoach.xlsx']); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'openpyxl', 'pandas', 'numpy', 'pyarrow'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1]).stdout
    assert out.strip().splitlines()[-1] == "[]"
