"""The only module that opens DuckDB for the app.

* Path: env ``DASHBOARD_DB`` (read at call time), else ``etl.store.DEFAULT_DB``.
* One read-only connection per (path, data version), cached with ``st.cache_resource``. The
  ETL replaces the file atomically (new inode), so the version changes and the next rerun
  opens the new file. The file is ATTACHed READ_ONLY to a private in-memory DuckDB: a plain
  ``duckdb.connect(path)`` would hand back DuckDB's process-wide cached instance of the *old*
  file for the same path string.
* ``progress`` is a snapshot the loader recomputes at the end of every write session
  (etl.store.refresh_derived), so reading it costs no more than reading any table.
* A cursor per query (cursors are separate connections on the same instance, safe across
  Streamlit's threads).
* :func:`run` runs a query function from :mod:`dashboard.queries` through ``st.cache_data``
  keyed by the function name, the filters, extra arguments and the data version (each
  caller gets its own copy of the frame: a page may change it freely).
* What is shared between sessions as one object (never changed by a caller): the figures
  (:mod:`dashboard.figcache`, keyed by the content they are built from), the sidebar's
  sorted province and commune lists (``sidebar._picker_lists``) and a scope's file list for
  the chart frames (``chart_meta._info``), both keyed by path and data version and stored
  as tuples.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd
import streamlit as st

from etl.store import DEFAULT_DB, data_version

ALIAS = "dash"


def db_path() -> Path:
    env = os.environ.get("DASHBOARD_DB")
    return Path(env) if env else Path(DEFAULT_DB)


@dataclass(frozen=True)
class DbState:
    path: str
    version: str

    @property
    def missing(self) -> bool:
        return self.version == "missing"


def state() -> DbState:
    p = db_path()
    return DbState(str(p), data_version(p))


def open_readonly(path: str) -> duckdb.DuckDBPyConnection:
    """A read-only view of the database file, independent of any other open connection."""
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    quoted = str(path).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS {ALIAS} (READ_ONLY)")
    prepare(con)
    return con


def prepare(cur: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Name resolution for a new cursor: the attached file."""
    cur.execute(f"USE {ALIAS}")
    return cur


def _close(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.close()
    except Exception:  # pragma: no cover - already closed
        pass


@st.cache_resource(max_entries=2, show_spinner=False, on_release=_close)
def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    return open_readonly(path)


def cursor(s: DbState | None = None) -> duckdb.DuckDBPyConnection:
    s = s or state()
    return prepare(_connection(s.path, s.version).cursor())


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, filters, path: str, version: str, extra: tuple,
            module: str = "dashboard.queries") -> pd.DataFrame:
    import importlib

    fn = getattr(importlib.import_module(module), name)
    cur = cursor(DbState(path, version))
    try:
        df = fn(cur, filters, **dict(extra))
    finally:
        cur.close()
    if module == "dashboard.queries":  # the column contract its export follows
        from . import columns
        view = columns.view_name(name, **dict(extra))
        if view in columns.VIEWS:
            columns.tag(df, view)
    return df


def run(fn: Callable[..., pd.DataFrame], filters=None, **extra) -> pd.DataFrame:
    """``fn(cursor, filters, **extra)`` through the cache (filters must be hashable)."""
    return run_at(state(), fn, filters, **extra)


def run_at(s: DbState, fn: Callable[..., pd.DataFrame], filters=None, **extra
           ) -> pd.DataFrame:
    """:func:`run` on the database state ``s`` (a version read earlier in the run)."""
    if s.missing:
        raise DatabaseMissing(s.path)
    return _cached(fn.__name__, filters, s.path, s.version, tuple(sorted(extra.items())),
                   fn.__module__)


class DatabaseMissing(RuntimeError):
    def __init__(self, path: str):
        super().__init__(path)
        self.path = path
