"""Loading is one transaction per file, idempotent, replaceable, undoable and crash-safe."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import threading

import duckdb
import openpyxl
import pytest

from etl.cli import main
from tests.conftest import ROOT


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM targets), (SELECT count(*) FROM actuals), "
                           "(SELECT count(*) FROM budget_lines), (SELECT count(*) FROM imports)"
                           ).fetchone()
    finally:
        con.close()


def nam_dan(con_or_db, line="30"):
    con = duckdb.connect(str(con_or_db), read_only=True)
    try:
        return con.execute("SELECT target_text, value_low FROM targets WHERE commune='Nam Đàn' "
                           "AND line_no=?", [line]).fetchall()
    finally:
        con.close()


@pytest.fixture
def nam_dan_file(seed_files):
    return next(p for p in seed_files if p.name.startswith("nam_dan"))


def corrected_copy(src, dst, new_target="≥ 85%"):
    """The commune sends a corrected appendix: row 30's target changes."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Phụ lục 01"]
    for row in ws.iter_rows():
        if str(row[0].value).strip() == "30":
            row[2].value = new_target
    wb.save(dst)
    return dst


def test_loading_the_same_files_twice_changes_nothing(tmp_path, seed_files, capsys):
    db = tmp_path / "a.duckdb"
    assert main(["load", *map(str, seed_files), "--db", str(db)]) == 0
    first = counts(db)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    capsys.readouterr()
    assert main(["load", *map(str, seed_files), "--db", str(db)]) == 0
    assert "đã được nạp trước đó" in capsys.readouterr().out
    assert counts(db) == first
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_corrected_file_replaces_and_undo_restores(tmp_path, nam_dan_file, capsys):
    db = tmp_path / "b.duckdb"
    assert main(["load", str(nam_dan_file), "--db", str(db)]) == 0
    assert nam_dan(db) == [("≥ 80%", 80.0)]
    fixed = corrected_copy(nam_dan_file, tmp_path / "nam_dan_sua.xlsx")
    capsys.readouterr()
    assert main(["load", str(fixed), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "targets: +1; thay thế targets: 1; không đổi targets: 38" in out
    assert nam_dan(db) == [("≥ 85%", 85.0)]
    assert counts(db)[0] == 39
    con = duckdb.connect(str(db), read_only=True)
    second = con.execute("SELECT max(import_id) FROM imports").fetchone()[0]
    con.close()
    # Undo of the first import is refused: the second one replaced it.
    assert main(["undo", "1", "--db", str(db)]) == 1
    assert main(["undo", str(second), "--db", str(db)]) == 0
    assert nam_dan(db) == [("≥ 80%", 80.0)]
    assert counts(db)[0] == 39
    assert main(["undo", "1", "--db", str(db)]) == 0
    assert counts(db)[:3] == (0, 0, 0)


def test_loading_while_the_dashboard_reads(tmp_path, nam_dan_file, seed_files):
    """A reader holding the file open keeps its snapshot; the load still succeeds."""
    db = tmp_path / "c.duckdb"
    assert main(["load", str(nam_dan_file), "--db", str(db)]) == 0
    reader = duckdb.connect(str(db), read_only=True)
    before = reader.execute("SELECT count(*) FROM targets").fetchone()[0]
    assert main(["load", *map(str, seed_files), "--db", str(db)]) == 0
    assert reader.execute("SELECT count(*) FROM targets").fetchone()[0] == before
    reader.close()
    assert counts(db)[0] > before


def test_concurrent_loads_serialise(tmp_path, seed_files):
    db = tmp_path / "d.duckdb"
    codes = []
    threads = [threading.Thread(target=lambda f=f: codes.append(
        main(["load", str(f), "--db", str(db)]))) for f in seed_files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [0] * 5
    ref = tmp_path / "ref.duckdb"
    assert main(["load", *map(str, seed_files), "--db", str(ref)]) == 0
    assert counts(db) == counts(ref)


CRASH = """
import os, sys
sys.path.insert(0, {root!r})
import etl.load
real_insert = etl.load._insert
def boom(con, table, rows):
    written = real_insert(con, table, rows)
    if table in ("actual_rows", "target_rows") and rows and hasattr(con, "execute"):
        os._exit(9)   # killed in the middle of the transaction, after rows went in
etl.load._insert = boom
from etl.cli import main
main(["load", {file!r}, "--db", {db!r}])
"""


def test_killed_in_the_middle_of_a_commit_leaves_the_database_as_it_was(tmp_path, seed_files,
                                                                          nam_dan_file):
    db = tmp_path / "e.duckdb"
    assert main(["load", str(nam_dan_file), "--db", str(db)]) == 0
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    other = next(p for p in seed_files if p.name.startswith("phu_trung"))
    proc = subprocess.run([sys.executable, "-c", CRASH.format(root=str(ROOT), file=str(other),
                                                            db=str(db))], timeout=120)
    assert proc.returncode == 9
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert counts(db)[0] == 39
    # And the next load works (no stale lock, no leftover temp file in the way).
    assert main(["load", str(other), "--db", str(db)]) == 0
    assert counts(db)[0] == 39 + 46


def test_validate_writes_nothing(tmp_path, seed_files, capsys):
    db_dir = tmp_path
    assert main(["validate", *map(str, seed_files)]) == 0
    out = capsys.readouterr().out
    assert "Nam Đàn" in out and "39 chỉ tiêu" in out and "46 chỉ tiêu" in out
    assert "7 dòng kinh phí" in out
    assert not list(db_dir.glob("*.duckdb"))
