"""A workbook made by `python -m etl synth --out` (it says "DỮ LIỆU MÔ PHỎNG") cannot enter a
real database unlabelled: the CLI refuses it without --synthetic, the upload page refuses it
into a real database and says why, and when allowed every row it adds is synthetic."""
from __future__ import annotations

import shutil

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl import service
from etl.catalog import load_catalog
from etl.cli import main
from tests.conftest import ROOT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def synth_workbook(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_wb")
    assert main(["synth", "--communes", "1", "--out", str(out), "--seed", "3"]) == 0
    files = sorted(out.glob("**/*.xlsx"))
    assert len(files) == 1
    return files[0]


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_cli_refuses_a_synthetic_workbook_without_the_flag(tmp_path, seed_db, synth_workbook,
                                                           capsys):
    db = tmp_path / "real.duckdb"
    shutil.copyfile(seed_db, db)
    before = _rows(db, "SELECT count(*) FROM target_rows")
    assert main(["load", str(synth_workbook), "--db", str(db)]) != 0
    out = capsys.readouterr().out
    assert "file.synthetic" in out and "sheet 'Thông tin chung'" in out and "cột B" in out
    assert "--synthetic" in out
    assert _rows(db, "SELECT count(*) FROM target_rows") == before
    assert _rows(db, "SELECT count(*) FROM target_rows WHERE synthetic") == [(0,)]
    # validate says the same, and passes with the flag
    assert main(["validate", str(synth_workbook)]) == 1
    assert main(["validate", str(synth_workbook), "--synthetic"]) == 0


def test_cli_with_the_flag_labels_every_row_synthetic(tmp_path, synth_workbook, capsys):
    db = tmp_path / "demo.duckdb"
    assert main(["load", str(synth_workbook), "--db", str(db), "--synthetic"]) == 0
    assert "file.synthetic_labelled" in capsys.readouterr().out
    for table in ("target_rows", "actual_rows", "budget_rows", "imports"):
        n, n_syn = _rows(db, f"SELECT count(*), count(*) FILTER (WHERE synthetic) FROM {table}")[0]
        assert n > 0 and n == n_syn, table
    assert _rows(db, "SELECT value FROM meta WHERE key = 'synthetic'") == [("true",)]
    assert _rows(db, "SELECT code, source_sheet FROM import_problems "
                     "WHERE code LIKE 'file.synthetic%'") == [("file.synthetic_labelled",
                                                               "Thông tin chung")]


def test_upload_into_a_real_database_is_refused_and_into_a_synthetic_one_labelled(
        tmp_path, seed_db, synth_workbook):
    catalog = load_catalog()
    data = synth_workbook.read_bytes()
    real = tmp_path / "real.duckdb"
    shutil.copyfile(seed_db, real)
    assert not service.database_is_synthetic(real)
    u = service.review_bytes(data, synth_workbook.name, catalog,
                             allow_synthetic=service.database_is_synthetic(real))
    err = [p for p in u.problems if p.code == "file.synthetic"]
    assert not u.ok and len(err) == 1 and err[0].severity == "error"
    assert (err[0].sheet, err[0].column) == ("Thông tin chung", "B")
    assert "DỮ LIỆU MÔ PHỎNG" in err[0].message

    demo = tmp_path / "demo.duckdb"
    assert main(["synth", "--communes", "3", "--db", str(demo), "--seed", "11"]) == 0
    assert service.database_is_synthetic(demo)
    u = service.review_bytes(data, synth_workbook.name, catalog,
                             allow_synthetic=service.database_is_synthetic(demo))
    assert u.ok and service.is_synthetic(u)
    service.commit(demo, [u], user="test")
    commune = u.context.commune
    assert _rows(demo, "SELECT count(*) > 0, bool_and(synthetic) FROM targets "
                       f"WHERE commune = '{commune}'") == [(True, True)]


def test_a_real_workbook_is_not_taken_for_synthetic(seed_files):
    from etl.read import read_workbook
    for f in seed_files:
        wb, _ = read_workbook(f)
        assert service.synthetic_mark(wb) is None, f.name


def test_the_upload_page_says_why_it_refuses(tmp_path, seed_db, synth_workbook, monkeypatch):
    db = tmp_path / "app.duckdb"
    shutil.copyfile(seed_db, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_OPEN_UPLOADS", "1")
    monkeypatch.delenv("ANALYST_PASSWORD_HASH", raising=False)
    at = AppTest.from_file(str(ROOT / "pages" / "upload.py"), default_timeout=60)
    at.run()
    at.file_uploader[0].set_value((synth_workbook.name, synth_workbook.read_bytes(), XLSX))
    at.text_input(key="uploader_name").set_value("Chuyên viên A")
    at.run()
    assert not at.exception
    assert any("DỮ LIỆU MÔ PHỎNG" in e.value and "cơ sở dữ liệu thật" in e.value
               for e in at.error)
    assert at.button(key="commit").disabled
