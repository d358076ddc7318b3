"""Many files at once (``etl load`` with many files): written a batch of files per
transaction, yet each file all-or-nothing, one import per file, and the same database as
loading the files one by one."""
from __future__ import annotations

import duckdb
import pytest

from etl.catalog import load_catalog
from etl.cli import main, understand_file
from etl.load import load_many, load_understanding, sync_catalog
from etl.store import write_session
from tests.test_load import corrected_copy, counts

TABLES = {
    "imports": "import_id, file_name, sha256, loaded_by, commune, province, status, n_targets, "
               "n_actuals, n_budget, n_replaced, n_warnings, synthetic",
    "datasets": "*",
    "target_rows": "*",
    "actual_rows": "*",
    "budget_rows": "*",
    "import_problems": "*",
    "progress": "*",
}


def dump(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
                for t, cols in TABLES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def understood(seed_files):
    catalog = load_catalog()
    return catalog, [understand_file(f, catalog) for f in seed_files]


def load_with(db, catalog, us, how, **kw):
    with write_session(db) as con:
        sync_catalog(con, catalog)
        if how == "one by one":
            return [load_understanding(con, u) for u in us]
        return load_many(con, us, **kw)


@pytest.fixture(params=["lists", "arrow"])
def insert_path(request, monkeypatch):
    """Small inserts bind one list per column, big ones go through Arrow: test both."""
    import etl.load
    if request.param == "arrow":
        monkeypatch.setattr(etl.load, "SMALL_INSERT_ROWS", 0)
    return request.param


def test_batched_load_equals_loading_one_by_one(tmp_path, understood, seed_files, insert_path):
    catalog, us = understood
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    fixed = corrected_copy(next(p for p in seed_files if p.name.startswith("nam_dan")),
                           tmp_path / "nam_dan_sua.xlsx")
    # The corrected Nam Đàn file and the same file twice: later files see earlier ones.
    files = [*us, understand_file(fixed, catalog), us[0]]
    import etl.load
    chosen, etl.load.SMALL_INSERT_ROWS = etl.load.SMALL_INSERT_ROWS, 2000
    one = load_with(a, catalog, files, "one by one")  # always the lists path
    etl.load.SMALL_INSERT_ROWS = chosen
    many = load_with(b, catalog, files, "batched", batch_files=3)
    assert [(r.status, r.import_id, r.added, r.replaced, r.unchanged) for r in many] == \
        [(r.status, r.import_id, r.added, r.replaced, r.unchanged) for r in one]
    assert [r.status for r in many] == ["loaded"] * 6 + ["unchanged"]
    assert many[5].replaced == {"targets": 1} and many[5].unchanged == {"targets": 38}
    assert dump(a) == dump(b)
    con = duckdb.connect(str(b), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT file_name) FROM imports").fetchone() \
        == (6, 6)  # one import per file
    con.close()


def test_a_file_failing_at_insert_time_loses_no_other_file(tmp_path, understood, seed_files,
                                                           insert_path):
    catalog, us = understood
    bad = understand_file(seed_files[1], catalog)
    # A value the database refuses (target_year is an INTEGER column): the batch's insert
    # fails after the other files' rows went into the same statement.
    bad.targets[-1].target_year = 2 ** 40
    files = [us[0], bad, us[2], us[3], us[4]]
    db = tmp_path / "c.duckdb"
    results = load_with(db, catalog, files, "batched")
    assert [r.status for r in results] == ["loaded", "rejected", "loaded", "loaded", "loaded"]
    assert "không được nạp" in results[1].message and results[1].import_id is None
    ref = tmp_path / "ref.duckdb"
    load_with(ref, catalog, [us[0], us[2], us[3], us[4]], "one by one")
    assert counts(db) == counts(ref)
    con = duckdb.connect(str(db), read_only=True)
    commune = bad.context.commune
    for table in ("imports", "datasets", "target_rows", "actual_rows", "budget_rows"):
        assert con.execute(f"SELECT count(*) FROM {table} WHERE commune = ?",
                           [commune]).fetchone()[0] == 0, table
    con.close()


def test_cli_loads_many_files_on_processes(tmp_path, seed_files, capsys, monkeypatch):
    """Enough files to start the parsing processes: same database as a one-file-at-a-time load."""
    import etl.ingest
    monkeypatch.setattr(etl.ingest, "MIN_FILES_FOR_PROCESSES", 2)
    db, ref = tmp_path / "p.duckdb", tmp_path / "q.duckdb"
    assert main(["load", *map(str, seed_files), "--db", str(db), "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("→ Đã nạp") == 5 and "Nam Đàn" in out
    for f in seed_files:
        assert main(["load", str(f), "--db", str(ref), "--jobs", "1"]) == 0
    assert dump(db) == dump(ref)


def test_catalogue_tables_follow_the_catalogue(tmp_path):
    """sync_catalog skips the rewrite when nothing changed, and replaces what changed."""
    import copy
    import dataclasses
    catalog = load_catalog()
    con = duckdb.connect(str(tmp_path / "cat.duckdb"))
    from etl.store import ensure_schema
    ensure_schema(con)
    sync_catalog(con, catalog)
    sync_catalog(con, catalog)
    n = len(catalog.indicators)
    assert con.execute("SELECT count(*) FROM catalog_indicators").fetchone()[0] == n
    changed = copy.copy(catalog)
    code = next(iter(catalog.indicators))
    changed.indicators = {**catalog.indicators,
                          code: dataclasses.replace(catalog.indicators[code], name_vi="Đổi tên")}
    sync_catalog(con, changed)
    assert con.execute("SELECT name_vi FROM catalog_indicators WHERE code = ?",
                       [code]).fetchone()[0] == "Đổi tên"
    assert con.execute("SELECT count(*) FROM catalog_indicators").fetchone()[0] == n
    con.close()
