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
