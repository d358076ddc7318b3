"""A database made by an earlier release opens, migrates and takes new loads, and ends with
the same schema as a new database."""
from __future__ import annotations

from pathlib import Path

import duckdb

from etl.cli import main
from etl.migrations import latest_version, migrations
from etl.store import ensure_schema

FIXTURE = Path(__file__).with_name("fixtures") / "release1_db"


def _release1_db(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute((FIXTURE / "schema.sql").read_text(encoding="utf-8"))
    con.execute((FIXTURE / "load.sql").read_text(encoding="utf-8").replace("{dir}", str(FIXTURE)))
    con.close()
    return path


def _schema(db: Path) -> dict[str, list[tuple[str, str]]]:
    """Every table's and view's columns (name, type) in order."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'main' ORDER BY table_name, ordinal_position""").fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, col, typ in rows:
        out.setdefault(table, []).append((col, typ))
    return out


def test_migrations_are_numbered_without_gaps():
    versions = [v for v, _, _ in migrations()]
    assert versions == list(range(2, latest_version() + 1))
    assert latest_version() >= 2  # 002: the columns schema.sql used to ALTER in on every open


def test_schema_sql_adds_no_column_to_an_existing_table():
    """A column added to an existing table is a numbered migration, not an ALTER that runs on
    every open (etl/migrations/README.md)."""
    schema = (Path(__file__).parents[1] / "etl" / "schema.sql").read_text(encoding="utf-8")
    assert "ALTER TABLE" not in schema.upper()


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
        codes = con.execute("SELECT commune, commune_code, count(*) FROM targets "
                            "GROUP BY ALL ORDER BY 1").fetchall()
    assert int(version) == latest_version()
    assert after == before + 46  # Phú Trung: 23 targets for 2026 and 23 for 2030
    assert communes == 3
    # the old rows got the new column and, from the register, their codes
    assert codes == [("Can Lộc", "18406", 25), ("Nam Đàn", "17935", 39),
                     ("Phú Trung", "25261", 46)]


def test_a_migrated_release1_database_has_the_schema_of_a_new_one(tmp_path, seed_files):
    """Same tables and views, same columns in the same order with the same types: compared
    whole, after the same load into each."""
    phu_trung = next(p for p in seed_files if "phu_trung" in p.name)
    old = _release1_db(tmp_path / "old.duckdb")
    new = tmp_path / "new.duckdb"
    for db in (old, new):
        assert main(["load", str(phu_trung), "--db", str(db)]) == 0
    got, expected = _schema(old), _schema(new)
    assert set(got) == set(expected)
    assert {t: cols for t, cols in got.items()} == expected
    # the columns 002 adds are there, with their types
    assert ("commune_code", "VARCHAR") in expected["target_rows"]
    assert expected["admin_units"][-1] == ("synthetic", "BOOLEAN")
    assert expected["progress_forecast"][-1] == ("forecast_horizon", "DOUBLE")


def test_every_migration_is_a_no_op_on_a_new_database(tmp_path):
    db = tmp_path / "new.duckdb"
    con = duckdb.connect(str(db))
    ensure_schema(con)
    con.close()
    before = _schema(db)
    con = duckdb.connect(str(db))
    for _version, _name, sql in migrations():
        con.execute(sql)
    con.close()
    assert _schema(db) == before


def test_the_old_rows_can_still_be_undone_after_migration(tmp_path):
    db = _release1_db(tmp_path / "old.duckdb")
    assert main(["undo", "2", "--db", str(db)]) == 0  # import 2 = Can Lộc, by the old release
    with duckdb.connect(str(db), read_only=True) as con:
        communes = {r[0] for r in con.execute("SELECT DISTINCT commune FROM targets").fetchall()}
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert communes == {"Nam Đàn"}
    assert int(version) == latest_version()


def test_a_new_database_starts_at_the_latest_version(tmp_path, seed_files):
    db = tmp_path / "new.duckdb"
    assert main(["load", str(seed_files[0]), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert int(version) == latest_version()
