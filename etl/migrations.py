"""Schema versions: an ordered list of migrations applied when a database is opened for writing.

``etl/schema.sql`` creates what a new database needs, every column included (``IF NOT
EXISTS`` everywhere, so it is a no-op on tables that exist). A change to an existing table is a
numbered file ``etl/migrations/NNN_what.sql`` that brings a database of the previous version up
to date (and the same column at the end of its ``CREATE TABLE`` in schema.sql); it must be safe
on a new database too (``ADD COLUMN IF NOT EXISTS``). A new database starts at the latest
version without running them; an older one runs those it has not had, before schema.sql. ``meta.schema_version`` records the last one applied, so each runs once
per database. A database made by the first release has no version: it is version 1.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BASE_VERSION = 1  # the first release's schema, which had no version


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) in order; versions start at 2 and have no gaps."""
    out = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        out.append((version, path.stem[4:], path.read_text(encoding="utf-8")))
    expected = list(range(BASE_VERSION + 1, BASE_VERSION + 1 + len(out)))
    if [v for v, _, _ in out] != expected:
        raise RuntimeError(f"migrations must be numbered {expected}, found {[v for v, _, _ in out]}")
    return out


def latest_version() -> int:
    return BASE_VERSION + len(migrations())


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row and re.fullmatch(r"\d+", row[0] or "") else BASE_VERSION


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this database has not had, each in its own transaction."""
    done = []
    current = schema_version(con)
    if current > latest_version():
        raise RuntimeError(f"Cơ sở dữ liệu ở phiên bản lược đồ {current}, mới hơn mã nguồn "
                           f"({latest_version()}): hãy cập nhật ứng dụng.")
    for version, _name, sql in migrations():
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute(sql)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
        con.execute("COMMIT")
        done.append(version)
    if not done and current == BASE_VERSION:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(current)])
    return done
