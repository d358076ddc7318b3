"""Shared fixtures: the seed workbooks, a database built from them, a workbook builder."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

import duckdb
import pytest
from openpyxl import Workbook

# A missing i18n key raises instead of showing the key (dashboard/i18n.py t); the app started
# by the browser tests inherits it.
os.environ.setdefault("DASHBOARD_STRICT_I18N", "1")

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "data" / "seed"
SEED_FILES = sorted(SEED_DIR.glob("*.xlsx"))


@pytest.fixture(autouse=True)
def _keep_main_module():
    """Put ``sys.modules["__main__"]`` back after each test. Streamlit's AppTest leaves the
    last script it ran there (a temporary file for ``AppTest.from_function``); a process
    started later with multiprocessing's "spawn" (``etl load --jobs 2``) then re-runs that
    script, dies with a NameError before reading what it was sent, and the parent waits on
    the pipe forever (seen: the whole suite hung in test_load_batch)."""
    import sys
    main = sys.modules.get("__main__")
    yield
    if main is not None and sys.modules.get("__main__") is not main:
        sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    assert len(SEED_FILES) == 5, SEED_FILES
    return SEED_FILES


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, seed_files) -> Path:
    """A database loaded from every seed workbook through the real CLI."""
    from etl.cli import main
    path = tmp_path_factory.mktemp("db") / "seed.duckdb"
    assert main(["load", *map(str, seed_files), "--db", str(path)]) == 0
    return path


@pytest.fixture
def seed_con(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    yield con
    con.close()


@pytest.fixture
def app_env(tmp_path, seed_db, monkeypatch):
    """The upload page's AppTest environment: a copy of the seed database, uploads open
    (no analyst password). A module may define its own ``app_env``."""
    import shutil
    db = tmp_path / "app.duckdb"
    shutil.copyfile(seed_db, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_OPEN_UPLOADS", "1")
    monkeypatch.delenv("ANALYST_PASSWORD_HASH", raising=False)
    return db


def make_workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]],
                  merges: dict[str, Sequence[str]] | None = None) -> Path:
    """Write a small workbook from inline rows: {sheet: [row, ...]}, merges as 'A1:D1'."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


@pytest.fixture
def workbook(tmp_path):
    counter = iter(range(1000))

    def build(sheets, merges=None, name=None) -> Path:
        return make_workbook(tmp_path / (name or f"wb{next(counter)}.xlsx"), sheets, merges)
    return build
