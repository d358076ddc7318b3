"""The database file: schema, and the one way to write to it.

Writes never touch the live file. :func:`write_session` takes an exclusive lock file, copies
the database to a temporary file next to it, lets the caller write there in transactions,
checkpoints, and atomically renames the copy over the live file. So:

* the dashboard's read-only connections keep reading the old file until they reopen (they
  never see a half-written state and never block the loader);
* a crash or kill at any moment leaves the live file exactly as it was;
* two writers (CLI and an upload, or two uploads) take turns on the lock.
"""
from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import re
import shutil
from pathlib import Path
from typing import Iterator

import duckdb

SCHEMA = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")
DEFAULT_DB = Path(os.environ.get("DASHBOARD_DB", Path(__file__).resolve().parents[1] / "data"
                                 / "dashboard.duckdb"))


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """A new database gets the whole schema; an older one its missing migrations first (so
    the views in schema.sql find the columns they name). See etl/migrations.py."""
    from .migrations import latest_version, migrate
    fresh = con.execute("SELECT count(*) FROM information_schema.tables "
                        "WHERE table_name = 'meta'").fetchone()[0] == 0
    if not fresh:
        migrate(con)
    con.execute(SCHEMA)
    if fresh:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [str(latest_version())])


# Bump when the derived tables change shape or meaning: a database built by an earlier
# release is then refreshed by the next write session even when nothing new is loaded.
DERIVED_VERSION = "progress-4"  # 4: lead_unit_norm

FORECAST_INPUT = """
    SELECT target_ref, commune, province, indicator_code, coalesce(unit, '') AS unit,
           threshold, threshold_strict, direction, target_shape, target_year
    FROM {base} WHERE forecastable"""
POINTS_INPUT = "SELECT * FROM progress_points"


def derived_stale(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
    return not row or row[0] != DERIVED_VERSION


def refresh_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute what is derived from the rows in one go, so readers pay nothing per query:
    the forecast (``etl.forecast`` on ``progress_base`` and ``progress_points``, stored in
    ``progress_forecast``), then the ``progress`` snapshot. Runs at the end of every write
    session."""
    from .forecast import OUT_COLS, forecast
    from .spellings import fill_normalised
    fill_normalised(con)  # one name per lead unit / funding source, beside the raw text
    # progress_base once, into a temporary table both steps read
    con.execute("CREATE OR REPLACE TEMP TABLE _progress_base AS SELECT * FROM progress_base")
    rows = con.execute(FORECAST_INPUT.format(base="_progress_base")).df()
    points = con.execute(POINTS_INPUT).df()
    fc = forecast(points, rows)
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM progress_forecast")
    if len(fc):
        con.register("_forecast_df", fc)
        con.execute(f"INSERT INTO progress_forecast ({', '.join(OUT_COLS)}) "
                    f"SELECT {', '.join(OUT_COLS)} FROM _forecast_df")
        con.unregister("_forecast_df")
    con.execute("CREATE OR REPLACE TABLE progress_snapshot AS "
                "SELECT * FROM progress_finish('_progress_base') "
                "ORDER BY province, commune, indicator_code, target_year, target_source_file, "
                "target_source_sheet, target_source_row")
    con.execute("CREATE OR REPLACE VIEW progress AS SELECT * FROM progress_snapshot")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('data_version', CAST(coalesce((SELECT "
                "CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'), 0) + 1 AS VARCHAR))")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_version', ?)", [DERIVED_VERSION])
    con.execute("COMMIT")
    con.execute("DROP TABLE IF EXISTS _progress_base")


class Discard(Exception):
    """Raise inside a write session to leave the live file untouched (nothing to write)."""


@contextlib.contextmanager
def write_session(db_path: str | Path, *, timeout_s: float = 120) -> Iterator[duckdb.DuckDBPyConnection]:
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "a+") as lock:
        _lock(lock, timeout_s)
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
        for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
            stale.unlink(missing_ok=True)
        remove_stale_copies(db_path)
        if db_path.exists():
            shutil.copyfile(db_path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            ensure_schema(con)
            yield con
            refresh_derived(con)
            con.execute("CHECKPOINT")
            con.close()
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        except BaseException as e:
            with contextlib.suppress(Exception):
                con.close()
            tmp.unlink(missing_ok=True)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
            if not isinstance(e, Discard):
                raise
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def remove_stale_copies(db_path: Path) -> list[Path]:
    """Delete the full copies (``.<db>.<pid>.tmp`` and its ``.wal``) that writers killed
    mid-write left behind (375 MB after 8 kills on the national database). Only copies whose
    process is gone are removed; call it holding the write lock. Returns what was removed."""
    rx = re.compile(rf"^\.{re.escape(db_path.name)}\.(\d+)\.tmp(\.wal)?$")
    removed = []
    for p in db_path.parent.glob(f".{glob.escape(db_path.name)}.*.tmp*"):
        m = rx.match(p.name)
        if not m or int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
            continue
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
            removed.append(p)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _lock(fh, timeout_s: float) -> None:
    import time
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError as busy:
            if time.monotonic() > deadline:
                raise TimeoutError("Một lượt ghi dữ liệu khác đang chạy quá lâu; "
                                   "thử lại sau.") from busy
            time.sleep(0.05)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def data_version(db_path: str | Path) -> str:
    """Changes whenever a write session replaces the file: keys the dashboard's caches."""
    try:
        st = Path(db_path).stat()
    except FileNotFoundError:
        return "missing"
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"
