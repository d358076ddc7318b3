"""The fast reader (python-calamine, etl/read_calamine.py) returns exactly what the openpyxl
reader returns, whole sheets compared: every value with its type, percent cells, merged
ranges, formulas without a cached value, refusals with their coordinates. On the layout
corpus, the seeds, generated workbooks, hostile files and inline workbooks with the hard
cases; and what it cannot read the same way is read by openpyxl, saying why."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

pytest.importorskip("python_calamine")

import synth  # noqa: E402
from etl import read  # noqa: E402
from tests import hostile  # noqa: E402

LAYOUTS = sorted((Path(__file__).parent / "fixtures" / "layouts").glob("*.xlsx"))


def _problems(ps):
    return [(p.code, p.severity, p.file, p.sheet, p.row, p.column, p.message) for p in ps]


def _sheets(wb):
    return [(s.name, [[(type(v).__name__, v) for v in row] for row in s.rows], s.merged,
             s.percent_cells, s.formulas_without_value) for s in wb.sheets]


def same(path, *, fast: bool | None = True):
    """Both readers on ``path``; asserts they agree; returns the openpyxl and default reads.
    ``fast``: True = the default reader must be calamine, False = it must have fallen back
    to openpyxl, None = either (a refused file is refused by the checks before any reader)."""
    a, pa = read.read_workbook(path, reader="openpyxl")
    b, pb = read.read_workbook(path)
    assert _problems(pb) == _problems(pa), path.name
    if a is None:
        assert b is None
        return a, b
    assert (b.file_name, b.sha256, b.size) == (a.file_name, a.sha256, a.size)
    assert _sheets(b) == _sheets(a), path.name
    if fast is True:
        assert (b.reader, b.fallback) == ("calamine", None), (path.name, b.fallback)
    elif fast is False:
        assert b.reader == "openpyxl" and b.fallback, path.name
    return a, b


def test_layout_corpus_reads_the_same():
    assert len(LAYOUTS) >= 20
    for f in LAYOUTS:
        same(f)


def test_seed_workbooks_read_the_same(seed_files):
    for f in seed_files:
        a, _ = same(f)
        assert a is not None


def test_generated_workbooks_read_the_same(tmp_path):
    files = synth.write_workbooks(tmp_path, 3321, 42, jobs=1, limit=12)
    assert len(files) == 12
    for f in files:
        same(f)


def test_number_formats_dates_errors_and_odd_cells_read_the_same(workbook):
    path = workbook({"Phụ lục": [
        ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Kết quả", "Ngày"],
        [1, "Tỷ lệ hồ sơ", 0.95, "=1/0", dt.datetime(2026, 3, 31)],
        [2, "Số người", 1000, 12.5, dt.datetime(2026, 3, 31, 14, 30)],
        [None, None, None, None, None],
        ["", "x", 0, -3, True],
        [3, "  ", 80, 99.5, 0.5],
        [4, "Thời gian", 1.25, 45000, 30],
        [5, " có  khoảng trắng ", 5.0, 12345678901234567890, -0.0],
    ], "Trống": []}, merges={"Phụ lục": ["A4:E4"]})
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb["Phụ lục"]
    ws["C2"].number_format = "0%"
    ws["D3"].number_format = '0.0" %"'
    ws["C3"].number_format = "#,##0"
    ws["B2"].number_format = "0%"  # text under a percent format: not a percent cell
    ws["C6"].number_format = '0"%"'
    ws["D6"].number_format = "0.0\\%"
    ws["E6"].number_format = "h:mm"
    ws["C7"].number_format = "[h]:mm"
    ws["D7"].number_format = "dd/mm/yyyy hh:mm"
    ws["E7"].number_format = "mmm-yy"
    ws["E5"].number_format = "0%"  # a boolean under a percent format
    ws["D5"].number_format = "#,##0;[Red]-#,##0"
    wb.save(path)
    a, _ = same(path)
    sheet = a.sheets[0]
    assert sheet.percent_cells == {(1, 2)}  # 0.95 under 0%; 12.5 under 0.0" %" shows "12,5 %"
    assert sheet.rows[2][3] == "12,5%"
    assert sheet.rows[5][2:5] == ["80%", "99,5%", dt.time(12, 0)]
    assert sheet.rows[6][2:5] == [dt.timedelta(days=1, hours=6), dt.datetime(2023, 3, 15),
                                  dt.datetime(1900, 1, 30)]
    assert sheet.formulas_without_value == {(1, 3): "=1/0"}  # never calculated: no value
    assert sheet.rows[7][2] == 5 and sheet.rows[7][4] == 0
    assert [type(v) for v in sheet.rows[7][2:5]] == [int, float, int]  # past 2**53: a float


def test_error_cells_and_a_1904_workbook_read_the_same(workbook, tmp_path):
    path = workbook({"PL": [["TT", "Chỉ tiêu", "Mục tiêu 2026", "Ngày"],
                            [1, "Tỷ lệ A", 50, dt.datetime(2026, 6, 30)]]})
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wb["PL"]["D2"].number_format = "dd/mm/yyyy"
    wb.save(path)
    hostile.rewrite_sheet(path, lambda t: t.replace(
        '<c r="C2" t="n"><v>50</v></c>', '<c r="C2" t="e"><v>#N/A</v></c>'))
    a, _ = same(path)
    assert a.sheets[0].rows[1][2:] == ["#N/A", dt.datetime(2026, 6, 30)]
    # The same serial in a workbook dated from 1904 is four years and a day later.
    import io
    import zipfile
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode()
                text = re.sub(r"<workbookPr\b[^>]*?/?>", "", text)
                text = text.replace("<bookViews>", '<workbookPr date1904="1"/><bookViews>')
                data = text.encode()
            out.writestr(item, data)
    mac = tmp_path / "mac.xlsx"
    mac.write_bytes(buf.getvalue())
    a, _ = same(mac)
    assert a.sheets[0].rows[1][3] == dt.datetime(2030, 7, 1)


def test_a_stale_dimension_loses_no_cell(workbook):
    """Some writers put <dimension ref="A1"/> whatever the sheet holds: read-only openpyxl
    would then read A1 alone. Both readers read every cell."""
    rows = [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"], ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
            [1, "Tỷ lệ A", "100%"], [2, "Tỷ lệ B", "90%"]]
    path = hostile.rewrite_sheet(workbook({"PL": rows}), lambda t: re.sub(
        r'<dimension ref="[^"]*"/>', '<dimension ref="A1"/>', t))
    a, _ = same(path)
    assert a.sheets[0].rows == rows


@pytest.mark.parametrize("builder", [
    hostile.html_renamed, hostile.csv_renamed, hostile.legacy_xls, hostile.encrypted_xlsx,
    hostile.random_bytes, hostile.zip_bomb, hostile.docx_renamed, hostile.empty_file,
    hostile.strict_ooxml, hostile.ods_renamed, hostile.formula_without_value])
def test_hostile_files_read_or_refused_the_same(tmp_path, builder):
    a, b = same(builder(tmp_path / "x.xlsx"))
    if builder is hostile.formula_without_value:
        assert a.sheets[0].formulas_without_value == {(2, 2): "=50+30"}


def test_xml_bomb_refused_the_same(tmp_path, seed_files):
    a, _ = same(hostile.xml_bomb(tmp_path / "lol.xlsx", seed_files[0]))
    assert a is None


def test_number_formats_of_the_hostile_builder_read_the_same(tmp_path):
    path = hostile.numbers_with_formats(tmp_path / "pct.xlsx", [
        (80, '0"%"'), (80, "0\\%"), (0.8, "0%"), (99.5, '0.0"%"'), (0.995, "0.0%"), (80, "0"),
        (dt.datetime(2026, 6, 30), "dd/mm/yyyy"), ("Trước 30/6/2026", "General")])
    a, _ = same(path)
    assert [r[2] for r in a.sheets[0].rows[2:]] == [
        "80%", "80%", 0.8, "99,5%", 0.995, 80, dt.datetime(2026, 6, 30), "Trước 30/6/2026"]
    assert a.sheets[0].percent_cells == {(4, 2), (6, 2)}


@pytest.mark.parametrize("kind", ["rows", "cols"])
def test_size_limits_are_enforced_the_same(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(read, "MAX_ROWS", 40)
    monkeypatch.setattr(read, "MAX_COLS", 20)
    path = tmp_path / "lon.xlsx"
    if kind == "rows":
        hostile.wide_or_long(path, rows=60)
    else:
        hostile.wide_or_long(path, far_col=25)
    a, b = same(path)
    assert a is None


def test_a_cell_far_past_the_column_limit_is_left_to_openpyxl(tmp_path):
    """calamine would build the whole rectangle up to column AAA in memory; openpyxl streams
    the sheet and refuses the file at that cell."""
    path = hostile.wide_or_long(tmp_path / "rong.xlsx", far_col=703)
    a, b = same(path)
    assert a is None and [p.code for p in read.read_workbook(path)[1]] == \
        ["file.too_many_columns"]


@pytest.mark.parametrize("rewrite, why", [
    (lambda t: t.replace('<t>Chỉ tiêu riêng số 1</t>', '<t>Chỉ tiêu riêng số 1 </t>'), "spaces"),
    (lambda t: t.replace('<t>Chỉ tiêu riêng số 1</t>', '<t>  </t>'), "spaces"),
    (lambda t: t.replace('<t>Chỉ tiêu riêng số 1</t>', '<t>Chỉ tiêu_x000D_1</t>'), "_xHHHH_"),
    (lambda t: t.replace('<t>Chỉ tiêu riêng số 1</t>', '<t></t>'), "empty string"),
    (lambda t: re.sub(r'\s(?:r|spans)="[^"]*"', "", t), "without an r="),
    (lambda t: t.replace('<c r="C3" t="inlineStr">', '<c r="C3" t="d">').replace(
        '<is><t>100%</t></is>', '<v>2026-06-30T00:00:00</v>'), "date-typed"),
    (lambda t: t.replace('<c r="C3" t="inlineStr">', '<c r="C3" t="b">').replace(
        '<is><t>100%</t></is>', '<v>true</v>'), "boolean"),
])
def test_what_calamine_reads_differently_is_read_by_openpyxl(tmp_path, rewrite, why):
    path = hostile.wide_or_long(tmp_path / "x.xlsx", rows=2)
    # openpyxl writes its strings inline and escapes non-ASCII text: write it plain
    def edit(text):
        plain = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)
        assert rewrite(plain) != plain
        return rewrite(plain)
    same(path)  # as written by openpyxl: read by calamine
    hostile.rewrite_sheet(path, edit)
    a, b = same(path, fast=False)
    if why == "boolean":  # openpyxl refuses "true" for a boolean, and so does the default
        assert a is None and [p.code for p in read.read_workbook(path)[1]] == ["file.corrupt"]
    else:
        assert why in b.fallback


def test_the_pipeline_understands_both_reads_the_same(seed_files):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    cat = load_catalog()

    def understood(wb):
        u = understand(wb, cat)
        return ([(t.label, t.target_year, t.target_text, t.op, t.value_low, t.value_high,
                  t.unit) for t in u.targets],
                [(x.label, x.period, x.value_text, x.value) for x in u.actuals],
                [(x.task, x.amount_text, x.amount_million_vnd) for x in u.budget],
                [(p.code, p.sheet, p.row, p.column) for p in u.problems])
    for f in seed_files:
        a, _ = read.read_workbook(f, reader="openpyxl")
        b, _ = read.read_workbook(f)
        assert b.reader == "calamine"
        assert understood(b) == understood(a)
