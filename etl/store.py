"""The database file: schema, and the one way to write to it.

Writes never touch the live file. :func:`write_session` takes an exclusive lock file, copies
the database to a temporary file next to it, lets the caller write there in transactions,
checkpoints, and atomically renames the copy over the live file. So:

* the dashboard's read-only connections keep reading the old file until they reopen (they
  never see a half-written state and never block the loader);
* a crash or kill at any moment leaves the live file exactly as it was;
* two writers (CLI and an upload, or two uploads) take turns on the lock.

Why a copy rather than writing the live file in DuckDB transactions: a DuckDB file open in
another process (the dashboard's read-only connections) cannot be opened for writing, so an
in-place writer would have to wait for every reader to close. The copy costs no memory (the
kernel copies the file) and tens of ms for the national database; inside it each file is one
transaction and the snapshot refresh another, and a crash before the rename loses the copy
only. The refresh itself is limited to the communes the write touched
(:func:`refresh_after_write`).
"""
from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Iterator

import duckdb

SCHEMA = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")
DEFAULT_DB = Path(os.environ.get("DASHBOARD_DB", Path(__file__).resolve().parents[1] / "data"
                                 / "dashboard.duckdb"))


def schema_fingerprint() -> str:
    """What ``ensure_schema`` would build: schema.sql, the migrations and the DuckDB release
    that binds its views and macros. Stored in meta 'schema_hash' once they are applied."""
    from .migrations import migrations
    h = hashlib.sha256(SCHEMA.encode("utf-8"))
    for version, name, sql in migrations():
        h.update(f"\0{version}:{name}\0".encode() + sql.encode("utf-8"))
    h.update(f"\0duckdb {duckdb.__version__}".encode())
    return h.hexdigest()[:32]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """A new database gets the whole schema; an older one its missing migrations first (so
    the views in schema.sql find the columns they name). See etl/migrations.py.

    A database whose meta already records the latest schema version and this code's
    ``schema_fingerprint`` is left as it is: re-running all of schema.sql (every statement
    IF NOT EXISTS / OR REPLACE, so a no-op there) cost ~40-200 ms of every write session."""
    from .migrations import latest_version, migrate
    fingerprint = schema_fingerprint()
    try:
        row = con.execute("SELECT max(value) FILTER (WHERE key = 'schema_version'), "
                          "max(value) FILTER (WHERE key = 'schema_hash') FROM meta").fetchone()
    except duckdb.CatalogException:
        row = None  # no meta table: a new database
    if row == (str(latest_version()), fingerprint):
        return
    fresh = row is None
    if not fresh:
        migrate(con)
    con.execute(SCHEMA)
    if fresh:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [str(latest_version())])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_hash', ?)", [fingerprint])


# Bump when the derived tables change shape or meaning: a database built by an earlier
# release is then refreshed by the next write session even when nothing new is loaded.
DERIVED_VERSION = "progress-5"  # 4: lead_unit_norm, the incremental refresh's tables;
# 5: progress_series_fits (the forecast refits only the series of the communes a write touched)

FORECAST_INPUT = """
    SELECT target_ref, commune, province, indicator_code, coalesce(unit, '') AS unit,
           threshold, threshold_strict, direction, target_shape, target_year
    FROM {base} WHERE forecastable"""
# In a fixed order: the peers' sums then add up the same way in every refresh, so a refresh
# of a few communes and a full recompute give the same numbers to the last bit.
POINTS_INPUT = ("SELECT * FROM {points} "
                "ORDER BY commune, province, indicator_code, unit, period_order, period")
SNAPSHOT_ORDER = ("ORDER BY province, commune, indicator_code, target_year, target_source_file, "
                  "target_source_sheet, target_source_row")
FORECAST_SET = ("forecast_method", "forecast_points", "forecast_first_period",
                "forecast_last_period", "forecast_peers", "forecast_peer_scope", "own_pace",
                "peer_pace", "required_pace", "forecast_horizon", "forecast_value",
                "forecast_likelihood")

# A write touching more communes than this refreshes the whole country (one pass is then
# cheaper than the per-commune filters; `etl synth`, a national ingest).
INCREMENTAL_MAX_COMMUNES = 300


def derived_stale(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
    return not row or row[0] != DERIVED_VERSION


def refresh_derived(con: duckdb.DuckDBPyConnection,
                    communes: list[tuple[str, str]] | None = None, *,
                    results_changed: bool = True) -> str:
    """Recompute what is derived from the rows, so readers pay nothing per query: the forecast
    (``etl.forecast`` on ``progress_base`` and ``progress_points``, stored in
    ``progress_forecast``, its peers in ``progress_peers_*``), then the ``progress`` snapshot.
    Runs at the end of every write session, in one transaction.

    ``communes`` None: the whole country. Otherwise the (commune, province) keys whose rows a
    write changed: their ``progress_base`` rows are recomputed and swapped in the snapshot;
    the other communes' rows stay. A forecast uses peers (other communes' trends of the same
    indicator), so when results changed (``results_changed``) the forecast of the whole
    country is recomputed from the stored inputs and the snapshot rows whose forecast moved
    are updated; when no result changed (a plan) the peers are the stored ones and only the
    touched communes are forecast. Either way the tables equal a full recompute (tested).
    Returns 'full' or 'communes'."""
    from .spellings import fill_normalised
    # one name per lead unit / funding source, beside the raw text; a commune whose rows it
    # renamed (the alias tables learnt a spelling) is refreshed with those the write touched
    renamed = fill_normalised(con)
    if communes is not None and renamed - set(communes):
        communes = sorted(set(communes) | renamed)
    if communes is None:
        _refresh_full(con)
        return "full"
    _refresh_communes(con, communes, results_changed)
    return "communes"


def _refresh_full(con: duckdb.DuckDBPyConnection) -> None:
    from .forecast import forecast_peers_fits
    # progress_base once, into a temporary table both steps read
    con.execute("CREATE OR REPLACE TEMP TABLE _progress_base AS SELECT * FROM progress_base")
    rows = _frame(con, FORECAST_INPUT.format(base="_progress_base"))
    points = _frame(con, POINTS_INPUT.format(points="progress_points"))
    fc, peers, fits = forecast_peers_fits(points, rows)
    del points, rows
    con.execute("BEGIN TRANSACTION")
    _store_forecast(con, fc, replace_all=True)
    _store_peers(con, peers)
    _store_fits(con, fits, touched=False)
    con.execute("DELETE FROM progress_forecast_rows")
    con.execute("INSERT INTO progress_forecast_rows "
                + FORECAST_INPUT.format(base="_progress_base"))
    con.execute("CREATE OR REPLACE TABLE progress_snapshot AS "
                "SELECT * FROM progress_finish('_progress_base') " + SNAPSHOT_ORDER)
    con.execute("CREATE OR REPLACE VIEW progress AS SELECT * FROM progress_snapshot")
    _bump_versions(con, "full")
    con.execute("COMMIT")
    con.execute("DROP TABLE IF EXISTS _progress_base")


def _refresh_communes(con: duckdb.DuckDBPyConnection, communes: list[tuple[str, str]],
                      results_changed: bool) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE _touched AS SELECT unnest(?::VARCHAR[]) AS "
                "commune, unnest(?::VARCHAR[]) AS province",
                [[c for c, _ in communes], [p for _, p in communes]])
    # The touched communes' target rows and results, then progress_base on them alone (an
    # equality filter through the view is not pushed into the ASOF join's inputs).
    con.execute("CREATE OR REPLACE TEMP TABLE _t AS SELECT * FROM progress_targets "
                "SEMI JOIN _touched USING (commune, province)")
    con.execute("CREATE OR REPLACE TEMP TABLE _a AS SELECT * FROM progress_actuals "
                "SEMI JOIN _touched USING (commune, province)")
    con.execute("CREATE OR REPLACE TEMP TABLE _progress_base AS "
                "SELECT * FROM progress_base_of('_t', '_a')")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM progress_forecast WHERE target_ref IN (SELECT target_ref "
                    "FROM progress_forecast_rows SEMI JOIN _touched USING (commune, province))")
        con.execute("DELETE FROM progress_forecast_rows USING _touched x "
                    "WHERE progress_forecast_rows.commune = x.commune "
                    "AND progress_forecast_rows.province = x.province")
        con.execute("INSERT INTO progress_forecast_rows "
                    + FORECAST_INPUT.format(base="_progress_base"))
        if results_changed and not _refit_touched(con):
            # the peers moved: every forecast of the country, from the stored inputs
            from .forecast import forecast_peers_fits
            rows = _frame(con, "SELECT * FROM progress_forecast_rows")
            points = _frame(con, POINTS_INPUT.format(points="progress_points"))
            fc, peers, fits = forecast_peers_fits(points, rows)
            _store_forecast(con, fc, replace_all=True)
            _store_peers(con, peers)
            _store_fits(con, fits, touched=False)
            del points, rows, fc, peers, fits
            con.execute("CREATE OR REPLACE TEMP TABLE _refit AS "
                        "SELECT target_ref FROM progress_forecast")
        elif results_changed:
            pass  # _refit_touched forecast the rows whose inputs moved
        elif con.execute("SELECT count(*) FROM _progress_base WHERE forecastable"
                         ).fetchall()[0][0]:
            # same results everywhere: the stored peers are the ones a full recompute uses
            from .forecast import forecast
            rows = _frame(con, FORECAST_INPUT.format(base="_progress_base"))
            points = _frame(con, POINTS_INPUT.format(points="progress_points_of('_a')"))
            peers = (_frame(con, "SELECT * FROM progress_peers_province"),
                     _frame(con, "SELECT * FROM progress_peers_country"))
            fc = forecast(points, rows, peers)
            _store_forecast(con, fc, replace_all=False)
            del points, rows, fc, peers
        # else: no row of these communes can be forecast (no comparable result yet: a plan
        # sent before any report), so there is nothing to forecast and pandas is not needed
        con.execute("DELETE FROM progress_snapshot USING _touched x "
                    "WHERE progress_snapshot.commune = x.commune "
                    "AND progress_snapshot.province = x.province")
        con.execute("INSERT INTO progress_snapshot SELECT * FROM "
                    "progress_finish('_progress_base') " + SNAPSHOT_ORDER)
        if results_changed:
            # The other communes' rows get their new forecast and, for a target still open
            # and unmet, the verdict it gives: the same CASEs as progress_finish (schema.sql),
            # where such a row is the one whose status_rule is 'forecast'/'unmet_no_forecast'.
            sets = ", ".join(f"{c} = f.{c}" for c in FORECAST_SET)
            differs = " OR ".join(f"s.{c} IS DISTINCT FROM f.{c}" for c in FORECAST_SET)
            con.execute(
                f"UPDATE progress_snapshot s SET {sets}, "
                "status = CASE WHEN s.status_rule NOT IN ('forecast', 'unmet_no_forecast') "
                "THEN s.status WHEN f.forecast_likelihood >= 0.5 THEN 'on_track' "
                "ELSE 'off_track' END, "
                "status_rule = CASE WHEN s.status_rule NOT IN ('forecast', 'unmet_no_forecast') "
                "THEN s.status_rule WHEN f.forecast_likelihood IS NULL THEN 'unmet_no_forecast' "
                "ELSE 'forecast' END "
                "FROM (SELECT * FROM progress_forecast SEMI JOIN _refit USING (target_ref)) f "
                f"WHERE s.target_ref = f.target_ref AND ({differs})")
        _bump_versions(con, f"communes:{len(communes)}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for t in ("_progress_base", "_t", "_a", "_touched", "_refit", "_refit_peers"):
        con.execute(f"DROP TABLE IF EXISTS {t}")


def _refit_touched(con: duckdb.DuckDBPyConnection) -> bool:
    """The forecast after a write that changed the results of the communes in ``_touched``
    (their rows already in progress_forecast_rows, their old forecasts deleted):

    1. their series are refitted from their points and replace theirs in
       progress_series_fits;
    2. the peers of every indicator and unit one of their series had before or has now
       (``_refit_peers``) are recomputed from the stored fits of those indicators, read in
       the order a full recompute numbers the series (so the same sums in the same order;
       the peers of any other indicator cannot have moved) and replace theirs in the peer
       tables; the keys whose statistics changed are noted;
    3. the rows forecast again are the touched communes' rows and the rows whose province
       or country peers changed (every other input of any other row is what it was); of
       those, the forecasts that changed are written, and listed in ``_refit``.

    The same numbers as a full recompute (tests/test_refresh_incremental.py compares the
    tables exactly). False when the stored fits cannot serve: a series without an indicator
    code, or a row to forecast whose cutoff is before its series' latest point (its fit
    uses part of the points); the caller then recomputes the whole country's forecast and
    rewrites every derived table this may have begun to write."""
    from .forecast import _peer_stats, forecast, from_fits, series_fits
    points = _frame(con, POINTS_INPUT.format(points="progress_points_of('_a')"))
    if points[["commune", "province", "indicator_code"]].isna().any(axis=None):
        return False
    new = series_fits(points)
    con.register("_new_fits", new)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _refit_peers AS "
                    "SELECT DISTINCT indicator_code, unit FROM progress_series_fits "
                    "SEMI JOIN _touched USING (commune, province) "
                    "UNION SELECT DISTINCT indicator_code, unit FROM _new_fits")
    finally:
        con.unregister("_new_fits")
    con.execute("DELETE FROM progress_series_fits USING _touched x "
                "WHERE progress_series_fits.commune = x.commune "
                "AND progress_series_fits.province = x.province")
    _store_fits(con, new, touched=True)
    fits = _frame(con, "SELECT * FROM progress_series_fits "
                       "SEMI JOIN _refit_peers USING (indicator_code, unit) "
                       "ORDER BY commune, province, indicator_code, unit")
    if fits[["commune", "province", "indicator_code"]].isna().any(axis=None):
        return False
    _store_peers_of(con, _peer_stats(from_fits(fits)[2]))
    con.execute("CREATE OR REPLACE TEMP TABLE _refit_rows AS "
                "SELECT target_ref FROM progress_forecast_rows "
                "SEMI JOIN _touched USING (commune, province) "
                "UNION SELECT target_ref FROM progress_forecast_rows "
                "SEMI JOIN _moved_province USING (indicator_code, unit, province) "
                "UNION SELECT target_ref FROM progress_forecast_rows "
                "SEMI JOIN _moved_country USING (indicator_code, unit)")
    rows = _frame(con, "SELECT r.* FROM progress_forecast_rows r "
                       "SEMI JOIN _refit_rows USING (target_ref)")
    own = _frame(con, "SELECT * FROM progress_series_fits SEMI JOIN (SELECT DISTINCT commune, "
                      "province, indicator_code, unit FROM progress_forecast_rows SEMI JOIN "
                      "_refit_rows USING (target_ref)) USING (commune, province, "
                      "indicator_code, unit)")
    if con.execute("SELECT count(*) FROM progress_forecast_rows r SEMI JOIN _refit_rows "
                   "USING (target_ref) JOIN progress_series_fits f "
                   "USING (commune, province, indicator_code, unit) "
                   "WHERE r.target_year * 10 + 9 < f.max_order").fetchall()[0][0]:
        return False
    peers = (_frame(con, "SELECT * FROM progress_peers_province"),
             _frame(con, "SELECT * FROM progress_peers_country"))
    fc = forecast(None, rows, peers, _fits=from_fits(own))
    _store_forecast_changed(con, fc)
    for t in ("_refit_rows", "_moved_province", "_moved_country"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    return True


def _store_peers_of(con, peers) -> None:
    """The peers of the indicators in ``_refit_peers`` replaced by ``peers`` (computed for
    those alone); ``_moved_province`` / ``_moved_country``: the keys whose statistics are new,
    changed or gone. Compared as stored (through a table of the same types)."""
    for frame, sql in zip(peers, _PEERS_OF):
        con.execute(sql["empty"])
        _insert_frame(con, "INSERT INTO _p", frame)
        for step in ("moved", "delete", "insert"):
            con.execute(sql[step])
        con.execute("DROP TABLE _p")


# _store_peers_of's statements for each peer table
_MINE_P = ("(SELECT * FROM progress_peers_province "
           "SEMI JOIN _refit_peers USING (indicator_code, unit))")
_MINE_C = ("(SELECT * FROM progress_peers_country "
           "SEMI JOIN _refit_peers USING (indicator_code, unit))")
_PEERS_OF = (
    {"empty": "CREATE OR REPLACE TEMP TABLE _p AS SELECT * FROM progress_peers_province LIMIT 0",
     "moved": "CREATE OR REPLACE TEMP TABLE _moved_province AS SELECT indicator_code, unit, "
              f"province FROM (SELECT * FROM _p EXCEPT SELECT * FROM {_MINE_P}) UNION SELECT "
              f"indicator_code, unit, province FROM (SELECT * FROM {_MINE_P} EXCEPT "
              "SELECT * FROM _p)",
     "delete": "DELETE FROM progress_peers_province USING _refit_peers r WHERE "
               "progress_peers_province.indicator_code = r.indicator_code "
               "AND progress_peers_province.unit = r.unit",
     "insert": "INSERT INTO progress_peers_province SELECT * FROM _p"},
    {"empty": "CREATE OR REPLACE TEMP TABLE _p AS SELECT * FROM progress_peers_country LIMIT 0",
     "moved": "CREATE OR REPLACE TEMP TABLE _moved_country AS SELECT indicator_code, unit "
              f"FROM (SELECT * FROM _p EXCEPT SELECT * FROM {_MINE_C}) UNION SELECT "
              f"indicator_code, unit FROM (SELECT * FROM {_MINE_C} EXCEPT SELECT * FROM _p)",
     "delete": "DELETE FROM progress_peers_country USING _refit_peers r WHERE "
               "progress_peers_country.indicator_code = r.indicator_code "
               "AND progress_peers_country.unit = r.unit",
     "insert": "INSERT INTO progress_peers_country SELECT * FROM _p"})


def _store_forecast_changed(con, fc) -> None:
    """Write the forecasts in ``fc`` that differ from the stored ones (or are new), and make
    ``_refit`` those rows: the peers of a commune's indicators usually move a few forecasts
    of the country, and rewriting the ~100k recomputed rows (and updating as many snapshot
    rows) cost most of a results upload. Compared as stored: ``fc`` goes through the same
    insert into a table of the same types first."""
    from .forecast import OUT_COLS
    cols = ", ".join(OUT_COLS)
    con.execute("CREATE OR REPLACE TEMP TABLE _fc AS SELECT * FROM progress_forecast LIMIT 0")
    _insert_frame(con, "INSERT INTO _fc", fc, OUT_COLS)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _refit AS SELECT target_ref FROM "
                f"(SELECT {cols} FROM _fc EXCEPT "
                f"SELECT {cols} FROM progress_forecast SEMI JOIN _fc USING (target_ref))")
    con.execute("DELETE FROM progress_forecast WHERE target_ref IN "
                "(SELECT target_ref FROM _refit)")
    con.execute(f"INSERT INTO progress_forecast ({cols}) SELECT {cols} FROM _fc "
                "SEMI JOIN _refit USING (target_ref)")
    con.execute("DROP TABLE _fc")


def _store_fits(con, fits, *, touched: bool) -> None:
    """progress_series_fits: replaced whole, or (``touched``) the touched communes' series
    added (the caller deleted their old ones)."""
    from .forecast import FIT_COLS, SERIES
    if not touched:
        con.execute("DELETE FROM progress_series_fits")
    _insert_frame(con, "INSERT INTO progress_series_fits", fits, [*SERIES, *FIT_COLS])


# progress_forecast as the refresh writes it. Recreated by a refresh of the whole country's
# forecast rather than emptied and refilled: its primary key index (schema.sql) made deleting
# and inserting ~200k rows cost seconds; target_ref stays unique (one row per forecast row).
_FORECAST_TYPES = {"target_ref": "VARCHAR", "forecast_method": "VARCHAR",
                   "forecast_points": "INTEGER", "forecast_first_period": "VARCHAR",
                   "forecast_last_period": "VARCHAR", "forecast_peers": "INTEGER",
                   "forecast_peer_scope": "VARCHAR", "own_pace": "DOUBLE",
                   "peer_pace": "DOUBLE", "required_pace": "DOUBLE",
                   "forecast_value": "DOUBLE", "forecast_likelihood": "DOUBLE",
                   "forecast_horizon": "DOUBLE"}


def _store_forecast(con, fc, *, replace_all: bool) -> None:
    from .forecast import OUT_COLS
    if not replace_all:
        _insert_frame(con, "INSERT INTO progress_forecast", fc, OUT_COLS)
        return
    cols = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in _FORECAST_TYPES.items())
    con.register("_forecast_df", fc)
    try:
        con.execute(f"CREATE OR REPLACE TABLE progress_forecast AS SELECT {cols} "
                    "FROM _forecast_df ORDER BY target_ref")
    finally:
        con.unregister("_forecast_df")


def _frame(con, sql: str, params=None):
    """A query's result as a DataFrame through Arrow (several times faster than DuckDB's
    own conversion for string columns). Every input of the forecast is read this way, in
    every refresh, so a refresh of a few communes and a full one see identical frames."""
    return con.sql(sql, params=params).to_arrow_table().to_pandas()


def _store_peers(con, peers) -> None:
    """The forecast's peer statistics (derived tables, replaced whole)."""
    by_province, country = peers
    con.execute("DELETE FROM progress_peers_province")
    con.execute("DELETE FROM progress_peers_country")
    _insert_frame(con, "INSERT INTO progress_peers_province", by_province)
    _insert_frame(con, "INSERT INTO progress_peers_country", country)


def _insert_frame(con, insert: str, frame, columns=None) -> None:
    """``insert`` ("INSERT INTO <a derived table>", written out by the caller so the table
    it names stands in the source: tests/test_synth.py checks no base table is written
    here) ``(columns) SELECT columns FROM frame`` (a DataFrame; its own columns when none
    are named); nothing for an empty frame."""
    if not len(frame):
        return
    cols = ", ".join(columns if columns is not None else frame.columns)
    con.register("_insert_df", frame)
    try:
        con.execute(f"{insert} ({cols}) SELECT {cols} FROM _insert_df")
    finally:
        con.unregister("_insert_df")


def _bump_versions(con, refresh: str) -> None:
    """data_version + 1, the derived tables' version, and how they were last refreshed
    ('full', or 'communes:N' for N communes)."""
    con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_refresh', ?)", [refresh])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('data_version', CAST(coalesce((SELECT "
                "CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'), 0) + 1 AS VARCHAR))")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_version', ?)", [DERIVED_VERSION])


# What, besides a commune's own rows, goes into every progress row: the data's date (meta
# as_of, or the latest result period), the catalogue (direction, unit) and the commune codes
# the register gives rows loaded earlier (etl.load.sync_register only fills codes that were
# NULL, so their count over the datasets that existed before the write tells: dataset ids
# come from a sequence, so those are the ids up to the largest one before; were a new
# dataset's id lower, its rows would count too and the refresh be a full one, never a
# missed one). When one of them changes the whole country is refreshed. The data's date
# from the results (progress_as_of, a scan of every result) is compared only when the write
# changed results (:func:`_as_of_moved`): it depends on nothing else.
_GLOBAL_INPUTS = """
    SELECT (SELECT value FROM meta WHERE key = 'as_of'),
           (SELECT count(*) FROM catalog_indicators),
           (SELECT coalesce(sum(hash(code, unit, direction, value_type)), 0)
            FROM catalog_indicators),
           (SELECT count(commune_code) FROM target_rows
            WHERE dataset_id <= (SELECT max(dataset_id) FROM _datasets_before))"""


def _before_write(con: duckdb.DuckDBPyConnection) -> tuple | None:
    """What a write session remembers before the caller writes, to find what it changed:
    the datasets' active flags and the global inputs. None when a full refresh is due."""
    if derived_stale(con):
        return None
    con.execute("CREATE OR REPLACE TEMP TABLE _datasets_before AS "
                "SELECT dataset_id, active FROM datasets")
    return con.execute(_GLOBAL_INPUTS).fetchone()


def _as_of_moved(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the data's date (``progress_as_of``) differs from the one before the write:
    the one before is read through the same view with the datasets' flags put back as they
    were (``_datasets_before``; the datasets the write added switched off), in a transaction
    rolled back."""
    from .load import flags_as_before
    after = con.execute("SELECT as_of_order FROM progress_as_of").fetchone()
    con.execute("BEGIN TRANSACTION")
    try:
        flags_as_before(con, "_datasets_before")
        before = con.execute("SELECT as_of_order FROM progress_as_of").fetchone()
    finally:
        con.execute("ROLLBACK")
    return before != after


def refresh_after_write(con: duckdb.DuckDBPyConnection, before: tuple | None) -> str:
    """The refresh a write session ends with: only the communes whose datasets the session
    added or switched on/off (load, load_many, upload, undo), or the whole country when a
    global input changed, the derived tables are stale, or the write touched many communes.
    Returns 'full', 'communes' or 'none' (nothing changed)."""
    if before is None or derived_stale(con) or con.execute(_GLOBAL_INPUTS).fetchone() != before:
        return refresh_derived(con)
    if con.execute("SELECT count(*) FROM _datasets_before ANTI JOIN datasets "
                   "USING (dataset_id)").fetchone()[0]:
        return refresh_derived(con)  # a dataset disappeared: nothing does that today
    changed = con.execute(
        "SELECT DISTINCT d.commune, d.province, d.kind FROM datasets d "
        "LEFT JOIN _datasets_before b USING (dataset_id) "
        "WHERE b.dataset_id IS NULL OR b.active IS DISTINCT FROM d.active").fetchall()
    results_changed = any(k == "actuals" for _, _, k in changed)
    as_of_moved = results_changed and _as_of_moved(con)
    con.execute("DROP TABLE IF EXISTS _datasets_before")
    if as_of_moved:
        return refresh_derived(con)
    communes = sorted({(c, p) for c, p, _ in changed})
    if not communes:
        # nothing loaded or undone; the alias tables may still have learnt a spelling, which
        # renames rows already loaded (etl/spellings.py): refresh those communes alone
        from .spellings import fill_normalised
        renamed = fill_normalised(con)
        if not renamed:
            return "none"
        return refresh_derived(con, sorted(renamed), results_changed=False)
    if len(communes) > INCREMENTAL_MAX_COMMUNES:
        return refresh_derived(con)
    return refresh_derived(con, communes, results_changed=results_changed)


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
            before = _before_write(con)
            yield con
            refresh_after_write(con, before)
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
