"""Bad and hostile files are refused with a clear message, and nothing reaches the database."""
from __future__ import annotations

import hashlib
import resource

import pytest

from etl.cli import main
from etl.read import read_workbook
from tests import hostile

CASES = [
    ("trang.xlsx", hostile.html_renamed, "file.not_xlsx", "HTML"),
    ("bang.xlsx", hostile.csv_renamed, "file.csv", "CSV"),
    ("cu.xls", hostile.legacy_xls, "file.xls", ".xlsx"),
    ("matkhau.xlsx", hostile.encrypted_xlsx, "file.encrypted", "mật khẩu"),
    ("rac.xlsx", hostile.random_bytes, "file.not_xlsx", "không nhận ra"),
    ("bom.xlsx", hostile.zip_bomb, "file.zip_bomb", "MB"),
    ("word.xlsx", hostile.docx_renamed, "file.not_xlsx", "Word"),
    ("rong.xlsx", hostile.empty_file, "file.empty", "rỗng"),
    ("strict.xlsx", hostile.strict_ooxml, "file.strict_ooxml", "Strict Open XML"),
    ("libre.xlsx", hostile.ods_renamed, "file.ods", ".ods"),
]


@pytest.mark.parametrize("name,builder,code,words", CASES, ids=[c[0] for c in CASES])
def test_refused_with_clear_message(tmp_path, name, builder, code, words):
    path = builder(tmp_path / name)
    wb, problems = read_workbook(path)
    assert wb is None
    assert [p.code for p in problems] == [code]
    assert words in problems[0].message and problems[0].file == name


def test_xml_bomb_refused_fast_and_bounded(tmp_path, seed_files):
    path = hostile.xml_bomb(tmp_path / "lol.xlsx", seed_files[0])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wb, problems = read_workbook(path)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert wb is None and problems[0].code == "file.zip_bomb"
    assert grown_mb < 200  # a billion laughs would need gigabytes


def test_file_size_limit(tmp_path, seed_files):
    wb, problems = read_workbook(seed_files[0], max_file_mb=0.001)
    assert wb is None and problems[0].code == "file.too_large"


def test_formula_without_cached_value_is_an_error(tmp_path):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    wb, _ = read_workbook(hostile.formula_without_value(tmp_path / "f.xlsx"))
    u = understand(wb, load_catalog())
    errs = [p for p in u.problems if p.severity == "error"]
    assert [(p.code, p.row, p.column) for p in errs] == [("row.formula_no_value", 3, "C")]


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_files_change_nothing_in_the_database(tmp_path, seed_files, capsys):
    db = tmp_path / "x.duckdb"
    assert main(["load", str(seed_files[0]), "--db", str(db)]) == 0
    before = _digest(db)
    bad = [builder(tmp_path / name) for name, builder, *_ in CASES]
    bad.append(hostile.formula_without_value(tmp_path / "f.xlsx"))
    bad.append(hostile.formula_without_value_no_refs(tmp_path / "g.xlsx"))
    for path in bad:
        capsys.readouterr()
        assert main(["load", str(path), "--db", str(db)]) != 0
        out = capsys.readouterr()
        assert path.name in out.out and "TỪ CHỐI" in out.out
    assert _digest(db) == before


def test_a_good_and_a_bad_file_together(tmp_path, seed_files, capsys):
    """The good file loads, the bad one is rejected whole, the exit code says so."""
    import duckdb
    db = tmp_path / "y.duckdb"
    bad = hostile.formula_without_value(tmp_path / "f.xlsx")
    assert main(["load", str(seed_files[0]), str(bad), "--db", str(db)]) == 1
    con = duckdb.connect(str(db), read_only=True)
    files = {r[0] for r in con.execute("SELECT DISTINCT source_file FROM targets").fetchall()}
    con.close()
    assert files == {seed_files[0].name}


# --- odd and hostile input (issue 9) ---------------------------------------------------

def test_formula_without_value_and_without_cell_refs_is_an_error_at_its_cell(tmp_path):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    path = hostile.formula_without_value_no_refs(tmp_path / "g.xlsx")
    assert b' r="' not in __import__("zipfile").ZipFile(path).read("xl/worksheets/sheet1.xml")
    wb, _ = read_workbook(path)
    u = understand(wb, load_catalog())
    errs = [p for p in u.problems if p.severity == "error"]
    assert [(p.code, p.sheet, p.row, p.column) for p in errs] == \
        [("row.formula_no_value", "PL", 3, "C")]
    assert "=B3&\"%\"" in errs[0].message and "&amp;" not in errs[0].message
    assert not any(p.code == "row.no_value" for p in u.problems)  # not a "no value" warning


def test_literal_percent_in_number_format_is_the_shown_percent(tmp_path):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    path = hostile.numbers_with_formats(tmp_path / "pct.xlsx", [
        (80, '0"%"'), (80, "0\\%"), (0.8, "0%"), (99.5, '0.0"%"'), (0.995, "0.0%"), (80, "0")])
    wb, _ = read_workbook(path)
    u = understand(wb, load_catalog())
    got = [(t.prov.source_row, t.target_text, t.value_low, t.unit) for t in u.targets]
    assert got == [(3, "80%", 80, "%"), (4, "80%", 80, "%"), (5, "80%", 80, "%"),
                   (6, "99,5%", 99.5, "%"), (7, "99.5%", 99.5, "%"), (8, "80", 80, None)]
    assert not any(p.code == "value.percent_over_100" for p in u.problems)


def test_a_date_cell_in_a_target_column_is_a_date(tmp_path):
    import datetime
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    path = hostile.numbers_with_formats(tmp_path / "d.xlsx", [
        (datetime.datetime(2026, 6, 30), "dd/mm/yyyy"), ("Trước 30/6/2026", "General"),
        ("Quý 3/2026", "General")])
    wb, _ = read_workbook(path)
    u = understand(wb, load_catalog())
    got = [(t.target_text, t.kind, t.op, t.value_low, t.value_high) for t in u.targets]
    assert got == [("30/6/2026", "date", "=", 20260630, 20260630),
                   ("Trước 30/6/2026", "date", "<", None, 20260630),
                   ("Quý 3/2026", "date", "between", 20260701, 20260930)]


def _imports(db):
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM imports").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("kind", ["rows", "cols"])
def test_hitting_a_size_limit_refuses_the_file_and_loads_nothing(tmp_path, seed_files, capsys,
                                                               monkeypatch, kind):
    from etl import read
    db = tmp_path / "z.duckdb"
    assert main(["load", str(seed_files[0]), "--db", str(db)]) == 0
    before, n = _digest(db), _imports(db)
    monkeypatch.setattr(read, "MAX_ROWS", 40)
    monkeypatch.setattr(read, "MAX_COLS", 20)
    path = tmp_path / "lon.xlsx"
    if kind == "rows":
        hostile.wide_or_long(path, rows=60)
        code, where, words = "file.too_many_rows", (41, ""), "40 dòng"
    else:
        hostile.wide_or_long(path, far_col=25)
        code, where, words = "file.too_many_columns", (2, "Y"), "20 cột"
    wb, problems = read_workbook(path)
    assert wb is None
    assert [(p.code, p.severity, p.file, p.sheet, p.row, p.column) for p in problems] == \
        [(code, "error", "lon.xlsx", "Dài", *where)]
    assert words in problems[0].message
    assert main(["load", str(path), "--db", str(db)]) != 0
    assert "Dài" in capsys.readouterr().out
    assert _digest(db) == before and _imports(db) == n  # no empty import in the history


def test_whole_sheet_merge_says_so_instead_of_no_table(workbook):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    rows = [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"], ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
            [1, "Tỷ lệ A", "100%"], [2, "Tỷ lệ B", "90%"]]
    wb, _ = read_workbook(workbook({"PL": rows}, merges={"PL": ["A1:C4"]}))
    u = understand(wb, load_catalog())
    merged = [p for p in u.problems if p.code == "file.merged_sheet"]
    assert [(p.severity, p.sheet) for p in merged] == [("error", "PL")]
    assert "A1:C4" in merged[0].message
    assert not any(p.code == "file.no_table" for p in u.problems)


def test_a_merged_title_row_is_not_a_whole_sheet_merge(workbook):
    from etl.read import covering_merge
    rows = [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"], ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
            [1, "Tỷ lệ A", "100%"], [2, "Tỷ lệ B", "90%"]]
    wb, _ = read_workbook(workbook({"PL": rows}, merges={"PL": ["A1:C1"]}))
    assert covering_merge(wb.sheets[0]) is None


def test_implausible_plan_year_is_an_error_at_the_header(workbook):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    rows = [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"], ["TT", "Chỉ tiêu", "Mục tiêu 2099"],
            [1, "Tỷ lệ A", "100%"]]
    wb, _ = read_workbook(workbook({"PL": rows}))
    u = understand(wb, load_catalog(), province="Nghệ An")
    errs = [(p.code, p.sheet, p.row, p.column) for p in u.problems if p.severity == "error"]
    assert errs == [("context.year_implausible", "PL", 2, "C")]
    msg = next(p.message for p in u.problems if p.code == "context.year_implausible")
    assert "2099" in msg and "Mục tiêu 2099" in msg


def test_stale_copies_of_killed_writers_are_removed_on_the_next_write(tmp_path, seed_files):
    import subprocess
    import sys
    db = tmp_path / "k.duckdb"
    assert main(["load", str(seed_files[0]), "--db", str(db)]) == 0
    # a process that is gone (it ran and exited) and one that is alive (this test's child)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead_copy = tmp_path / f".k.duckdb.{gone}.tmp"
        dead_wal = tmp_path / f".k.duckdb.{gone}.tmp.wal"
        live_copy = tmp_path / f".k.duckdb.{alive.pid}.tmp"
        other = tmp_path / f".other.duckdb.{gone}.tmp"  # another database's: not ours
        for p in (dead_copy, dead_wal, live_copy, other):
            p.write_bytes(b"x" * 1000)
        assert main(["load", str(seed_files[1]), "--db", str(db)]) == 0
        assert not dead_copy.exists() and not dead_wal.exists()
        assert live_copy.exists() and other.exists()
    finally:
        alive.kill()
        alive.wait()


def test_file_name_loses_bidi_override_everywhere_it_is_recorded(tmp_path, workbook):
    path = workbook({"PL": [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"],
                            ["TT", "Chỉ tiêu", "Mục tiêu 2026"], [1, "Tỷ lệ A", "90%"]]},
                    name="bao_cao\u202excod.exe.xlsx")
    wb, _ = read_workbook(path)
    assert wb.file_name == "bao_caoxcod.exe.xlsx"
    from etl.read import read_workbook_bytes
    _, problems = read_workbook_bytes(b"", "x\u202e\u200by.xlsx")
    assert problems[0].file == "xy.xlsx"


def test_implausible_budget_year_is_an_error(workbook):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    rows = [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"], ["Kế hoạch năm 2099"],
            ["TT", "Nhiệm vụ", "Dự toán kinh phí (triệu đồng)"], [1, "Mua máy tính", 100]]
    wb, _ = read_workbook(workbook({"KP": rows}))
    u = understand(wb, load_catalog(), province="Nghệ An")
    errs = [(p.code, p.sheet, p.row) for p in u.problems if p.severity == "error"]
    assert ("context.year_implausible", "KP", 3) in errs
