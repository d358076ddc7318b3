"""A database made by an earlier release opens, migrates and takes new loads."""
from __future__ import annotations

from pathlib import Path

import duckdb

from etl.cli import main
from etl.migrations import latest_version, migrations

FIXTURE = Path(__file__).with_name("fixtures") / "release1_db"


def _release1_db(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute((FIXTURE / "schema.sql").read_text(encoding="utf-8"))
    con.execute((FIXTURE / "load.sql").read_text(encoding="utf-8").replace("{dir}", str(FIXTURE)))
    con.close()
    return path


def test_migrations_are_numbered_without_gaps():
    versions = [v for v, _, _ in migrations()]
    assert versions == list(range(2, latest_version() + 1))


def test_a_release1_database_is_migrated_and_takes_a_new_load(tmp_path, seed_files):
    db = _release1_db(tmp_path / "old.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM targets").fetchone()[0]
        communes = {r[0] for r in con.execute("SELECT DISTINCT commune FROM targets").fetchall()}
    assert before == 64 and len(communes) == 2  # Nam Đàn and Can Lộc, as the old release loaded
    phu_trung = next(p for p in seed_files if "phu_trung" in p.name)
    assert main(["load", str(phu_trung), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        after = con.execute("SELECT count(*) FROM targets").fetchone()[0]
        communes = con.execute("SELECT count(DISTINCT commune) FROM progress").fetchone()[0]
    assert int(version) == latest_version()
    assert after == before + 46  # Phú Trung: 23 targets for 2026 and 23 for 2030
    assert communes == 3


def test_the_old_rows_can_still_be_undone_after_migration(tmp_path):
    db = _release1_db(tmp_path / "old.duckdb")
    assert main(["undo", "2", "--db", str(db)]) == 0  # import 2 = Can Lộc, by the old release
    with duckdb.connect(str(db), read_only=True) as con:
        communes = {r[0] for r in con.execute("SELECT DISTINCT commune FROM targets").fetchall()}
    assert communes == {"Nam Đàn"}


def test_a_new_database_starts_at_the_latest_version(tmp_path, seed_files):
    db = tmp_path / "new.duckdb"
    assert main(["load", str(seed_files[0]), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert int(version) == latest_version()
