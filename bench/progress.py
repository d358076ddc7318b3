"""The ``progress`` view: warm query times, the naive pandas way, and the computation.

* ``progress`` as the dashboard reads it: a private in-memory DuckDB with the file ATTACHed
  READ_ONLY (``dashboard.db.open_readonly`` without importing Streamlit);
* the naive way, a *speed baseline only*: load ``targets``, ``actuals`` and
  ``catalog_indicators`` into pandas and compute, in pandas, one row per target row with the
  latest result up to its year, a threshold, a gap and a simple status. It does comparable
  work with simplified rules and is NOT an oracle: the rules live in ``etl/schema.sql`` and
  are pinned by the truth table in ``tests/test_progress_rules.py``; here only the row count
  is checked (one row per target row, as the view);
* the forecast: what each step of the refresh costs (``progress_base`` into a temporary
  table, the forecast's inputs, ``etl.forecast.forecast``, the snapshot), and a back-test
  (``etl.forecast.backtest``: hide the last observed year, forecast it, hit rate and Brier
  score against "the last value persists");
* where the schema materialises ``progress`` (``progress_live`` computed by the loader into a
  snapshot table at the end of each write session), the computation itself too, interleaved
  run by run with the pandas baseline's compute and with the floor (the finished snapshot
  copied into a table / read as Arrow: the same 60 columns with nothing computed), wall and
  CPU time each: computed into a table (``CREATE TEMP TABLE … AS SELECT * FROM
  progress_live``: what a whole-country refresh pays), computed → Arrow, then Arrow →
  pandas on its own; the refresh as the loader sorts it, a check that the snapshot equals
  it, and EXPLAIN ANALYZE's slowest operators.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from .timing import Stats, measure, peak_rss_mb, reset_peak_rss

KEYS = ["commune", "province", "indicator_code", "target_year"]
NUMERIC = ("percent", "number", "rank")


def open_readonly(path: str | Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    quoted = str(path).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS dash (READ_ONLY)")
    con.execute("USE dash")
    return con


def frame(con, sql: str, **params) -> pd.DataFrame:
    """A query's result as a pandas DataFrame through Arrow: an order of magnitude faster
    than DuckDB's ``.df()`` for wide string results with pandas 3 (same ``str`` columns;
    nullable integers come back as float64)."""
    return con.sql(sql, params=params or None).to_arrow_table().to_pandas()


def biggest_province(con) -> str:
    return con.execute("SELECT province FROM targets GROUP BY 1 ORDER BY count(*) DESC, 1 "
                       "LIMIT 1").fetchall()[0][0]


def view_timings(con, runs: int, view: str = "progress") -> dict[str, Stats]:
    """Warm timings of one progress relation (``progress`` or ``progress_live``)."""
    province = biggest_province(con)
    full = f"SELECT * FROM {view}"
    return {
        "full → DataFrame": measure(lambda: frame(con, full), runs),
        "full → DataFrame with .df()": measure(lambda: con.sql(full).df(), runs),
        "full → Arrow (raw query)": measure(lambda: con.sql(full).to_arrow_table(), runs),
        f"one province ({province}) → DataFrame": measure(
            lambda: frame(con, f"SELECT * FROM {view} WHERE province = $p", p=province),
            runs),
        "status counts (GROUP BY)": measure(
            lambda: con.sql(f"SELECT status, count(*) FROM {view} GROUP BY ALL").fetchall(),
            runs),
    }


# --------------------------------------------------------------------------------------------
# The naive way
# --------------------------------------------------------------------------------------------
def load_frames(con) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The tables into pandas (through Arrow, the fast way, so the comparison is fair)."""
    t = frame(con, "SELECT * FROM targets")
    a = frame(con, "SELECT * FROM actuals")
    ci = frame(con, "SELECT code, direction, unit FROM catalog_indicators")
    return t, a, ci


def naive_progress(t: pd.DataFrame, a: pd.DataFrame, ci: pd.DataFrame) -> pd.DataFrame:
    """A speed baseline: one row per target row with its latest result, gap and a simple
    status, in pandas (simplified rules; not compared with the view)."""
    tg = t.rename(columns={"value_kind": "target_kind", "op": "target_op",
                           "value_low": "target_low", "value_high": "target_high",
                           "source_row": "target_source_row"}).reset_index(drop=True)
    tg["_row"] = np.arange(len(tg))
    # Results: one row per period; two different values for a period is a conflict.
    akeys = ["commune", "province", "indicator_code", "period", "period_year"]
    # As the view: per period the row in the indicator's own unit comes first ("39 tổ" before
    # an "Đạt chỉ tiêu" with no unit), then document order.
    a = a.copy()
    own = a["indicator_code"].map(dict(zip(ci["code"], ci["unit"]))).fillna("")
    a["_other_unit"] = ~(own.eq("") | own.eq(a["unit"].fillna("")))
    a = a.sort_values(["_other_unit", "source_row"], kind="stable")
    a["_cv"] = a["value"].map(lambda v: None if pd.isna(v) else repr(float(v)))
    a["_cv"] = a["_cv"].where(a["_cv"].notna(), a["value_text"])
    ag = a.groupby(akeys, dropna=False, sort=False).agg(
        actual_value=("value", "first"), actual_text=("value_text", "first"),
        actual_kind=("value_kind", "first"), actual_op=("op", "first"),
        actual_unit=("unit", "first"), actual_source_row=("source_row", "min"),
        _n=("_cv", "nunique")).reset_index()
    ag["actual_conflict"] = ag.pop("_n") > 1
    # The latest period up to the target year.
    m = tg[KEYS + ["_row"]].merge(ag, on=["commune", "province", "indicator_code"],
                                  how="inner")
    m = m[m["period_year"] <= m["target_year"]]
    m = m.sort_values(["period_year", "period"], ascending=False, kind="stable")
    latest = m.drop_duplicates("_row", keep="first").rename(
        columns={"period": "actual_period", "period_year": "actual_year"})
    p = tg.merge(latest.drop(columns=KEYS), on="_row", how="left")
    p["actual_conflict"] = p["actual_conflict"].fillna(False).astype(bool)
    # Direction, threshold, gap, status.
    fallback = np.select([p["target_kind"].eq("rank"), p["target_kind"].eq("done")],
                         ["lower", "done"], "higher")
    p["direction"] = p["indicator_code"].map(dict(zip(ci["code"], ci["direction"])))
    p["direction"] = p["direction"].where(p["direction"].notna(), fallback)
    lower = p["direction"].eq("lower")
    comparable = (p["target_kind"].isin(NUMERIC) & p["actual_kind"].isin(NUMERIC)
                  & (p["unit"].isna() | p["actual_unit"].isna() | p["unit"].eq(p["actual_unit"])))
    thr = np.where(lower, p["target_high"].fillna(p["target_low"]),
                   p["target_low"].fillna(p["target_high"]))
    thr = pd.Series(thr, index=p.index, dtype="float64").where(comparable)
    val = p["actual_value"].astype("float64")
    p["gap"] = np.where(lower, val - thr, thr - val)
    p["gap"] = p["gap"].where(thr.notna() & val.notna())
    op = p["target_op"].fillna("=")
    aop, akind, tkind = p["actual_op"], p["actual_kind"], p["target_kind"]
    achieved_lower = (val < thr) | ((val == thr) & op.ne("<"))
    achieved_higher = (val > thr) | ((val == thr) & (op.ne(">") | aop.eq(">")))
    p["status"] = np.select(
        [akind.isna(),
         akind.eq("status") & aop.eq("achieved"),
         akind.eq("status") & aop.eq("not_achieved"),
         akind.eq("status"),
         akind.eq("done") & aop.eq("not_done"),
         akind.eq("done") & tkind.eq("done") & aop.eq("done"),
         akind.eq("done"),
         tkind.eq("done") & akind.eq("percent") & (val >= 100),
         thr.isna(),
         lower & achieved_lower,
         lower,
         achieved_higher],
        ["no_data", "achieved", "not_achieved", "not_comparable", "not_achieved", "achieved",
         "not_comparable", "achieved", "not_comparable", "achieved", "not_achieved",
         "achieved"],
        "not_achieved")
    return p


def same_as_view(naive: pd.DataFrame, view: pd.DataFrame) -> tuple[bool, str]:
    """Only the shape: one row per target row on both sides (the baseline's simplified rules
    are not the contract's, so statuses are not compared)."""
    if len(naive) != len(view):
        return False, f"{len(naive)} rows vs {len(view)}"
    return True, f"{len(view):,} rows each, one per target row (statuses not compared)"


def naive_timings(con, runs: int) -> dict:
    frames = {}

    def load():
        frames["f"] = load_frames(con)
    load_s = measure(load, runs)
    t, a, ci = frames["f"]
    compute_s = measure(lambda: naive_progress(t, a, ci), runs)
    ok, why = same_as_view(naive_progress(t, a, ci), frame(con, "SELECT * FROM progress"))
    return {"load": load_s, "compute": compute_s, "matches_view": ok, "check": why,
            "rows": (len(t), len(a))}


# --------------------------------------------------------------------------------------------
# The computation behind a materialised `progress`
# --------------------------------------------------------------------------------------------
LIVE = "progress_live"


def has_relation(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND "
                            "NOT internal", [name]).fetchall()[0][0])


def differing_rows(con, a: str, b: str) -> int:
    return con.execute(f"SELECT (SELECT count(*) FROM (SELECT * FROM {a} EXCEPT ALL "
                       f"SELECT * FROM {b})) + (SELECT count(*) FROM (SELECT * FROM {b} "
                       f"EXCEPT ALL SELECT * FROM {a}))").fetchall()[0][0]


def cpu_seconds() -> float:
    """This process's CPU time (user + system, all threads): steadier than wall time on a
    shared machine, where a query's wall time moves with everybody else's load."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def interleaved(fns: dict, runs: int, warmup: int = 1) -> dict[str, tuple[Stats, Stats]]:
    """Each function ``runs`` times, A B C A B C … (so every one sees the same minutes of a
    shared machine's load): (wall, CPU) Stats per name."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    wall: dict = {k: [] for k in fns}
    cpu: dict = {k: [] for k in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            c, t = cpu_seconds(), time.perf_counter()
            fn()
            wall[name].append(time.perf_counter() - t)
            cpu[name].append(cpu_seconds() - c)
    return {k: (Stats(wall[k]), Stats(cpu[k])) for k in fns}


def live_timings(con, runs: int, pandas_frames=None) -> dict | None:
    """``progress_live`` (what the refresh computes): into a table, → Arrow, Arrow → pandas,
    beside the floor (a copy of the finished snapshot) and, when the frames are given, the
    pandas baseline's compute — all interleaved in the same minutes; then the refresh as
    the loader sorts it, and whether the snapshot equals the view."""
    if not has_relation(con, LIVE):
        return None
    cols = [r[0] for r in con.execute(f"DESCRIBE {LIVE}").fetchall()]
    order = ", ".join(c for c in ("province", "commune", "indicator_code", "target_year")
                      if c in cols)
    fns = {
        # what a whole-country refresh pays for the snapshot: the computation, materialised
        "computed into a table": lambda: con.execute(
            f"CREATE OR REPLACE TEMP TABLE _bench_live AS SELECT * FROM {LIVE}").fetchall(),
        # the same computation streamed to the client as Arrow (no table)
        "computed → Arrow": lambda: con.sql(f"SELECT * FROM {LIVE}").to_arrow_table(),
        # no computation: the finished snapshot (every column, every target row) copied /
        # read, the floor under the two figures above on this machine
        "floor: snapshot copied into a table": lambda: con.execute(
            "CREATE OR REPLACE TEMP TABLE _bench_copy AS SELECT * FROM progress_snapshot"
        ).fetchall(),
        "floor: snapshot → Arrow": lambda: con.sql(
            "SELECT * FROM progress_snapshot").to_arrow_table(),
    }
    if pandas_frames is not None:
        t, a, ci = pandas_frames
        fns["pandas baseline compute"] = lambda: naive_progress(t, a, ci)
    load_before = os.getloadavg()
    timed = interleaved(fns, runs)
    load_after = os.getloadavg()
    arrow = [con.sql(f"SELECT * FROM {LIVE}").to_arrow_table()]
    to_pandas = measure(lambda: arrow[0].to_pandas(), runs)
    arrow.clear()
    refresh = measure(lambda: con.execute(
        f"CREATE OR REPLACE TEMP TABLE _bench_refresh AS SELECT * FROM {LIVE}"
        + (f" ORDER BY {order}" if order else "")).fetchall(), max(2, runs // 2))
    for name in ("_bench_refresh", "_bench_live", "_bench_copy"):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    return {"timed": {k: {"wall": w.values, "cpu": c.values} for k, (w, c) in timed.items()},
            "arrow → pandas": to_pandas.values, "refresh": refresh.values,
            "differing_rows": differing_rows(con, LIVE, "progress"),
            "loadavg": [load_before, load_after]}


def forecast_timings(con, runs: int) -> dict | None:
    """What each step of ``etl.store.refresh_derived`` costs, on a temporary copy."""
    from etl import forecast as F
    from etl.store import FORECAST_INPUT, POINTS_INPUT, _frame
    if not has_relation(con, "progress_base"):
        return None
    out: dict = {}
    out["base → temp table"] = measure(lambda: con.execute(
        "CREATE OR REPLACE TEMP TABLE _progress_base AS SELECT * FROM progress_base"),
        max(2, runs // 2)).values
    got: dict = {}

    def inputs():  # as the refresh reads them (etl.store._frame: through Arrow)
        got["rows"] = _frame(con, FORECAST_INPUT.format(base="_progress_base"))
        got["points"] = _frame(con, POINTS_INPUT.format(points="progress_points"))
    out["forecast inputs → pandas"] = measure(inputs, max(2, runs // 2)).values
    out["forecast (etl.forecast)"] = measure(lambda: F.forecast(got["points"], got["rows"]),
                                             max(2, runs // 2)).values
    out["snapshot (progress_finish)"] = measure(lambda: con.execute(
        "CREATE OR REPLACE TEMP TABLE _bench_snap AS SELECT * FROM "
        "progress_finish('_progress_base') ORDER BY province, commune, indicator_code, "
        "target_year"), max(2, runs // 2)).values
    con.execute("DROP TABLE IF EXISTS _bench_snap")
    con.execute("DROP TABLE IF EXISTS _progress_base")
    return {"steps": out, "rows": len(got["rows"]), "points": len(got["points"])}


def backtest(con) -> dict | None:
    """Hide the last observed year, forecast it, score it (etl.forecast.backtest)."""
    from etl import forecast as F
    from etl.store import FORECAST_INPUT, POINTS_INPUT
    if not has_relation(con, "progress_base"):
        return None
    rows = con.execute(FORECAST_INPUT.format(base="progress_base")).df()
    points = con.execute(POINTS_INPUT.format(points="progress_points")).df()
    return F.backtest(points, rows)


def explain_hotspots(con, limit: int = 4, view: str = "progress") -> list[tuple[str, float]]:
    """The slowest operators of a progress relation (EXPLAIN ANALYZE, JSON profile)."""
    import json
    con.execute("PRAGMA enable_profiling = 'json'")
    con.execute("PRAGMA profiling_output = ''")
    try:
        rows = con.execute("EXPLAIN (ANALYZE, FORMAT JSON) "
                           f"SELECT status, count(*) FROM {view} GROUP BY ALL").fetchall()
    except duckdb.Error:
        rows = con.execute(f"EXPLAIN ANALYZE SELECT status, count(*) FROM {view} "
                           "GROUP BY ALL").fetchall()
    finally:
        con.execute("PRAGMA disable_profiling")
    text = rows[0][-1]
    try:
        tree = json.loads(text)
    except (TypeError, ValueError):
        return []
    ops: list[tuple[str, float, int]] = []

    def walk(node):
        if isinstance(node, list):
            for n in node:
                walk(n)
            return
        if not isinstance(node, dict):
            return
        name = node.get("operator_name") or node.get("operator_type") or node.get("type")
        timing = node.get("operator_timing", node.get("timing"))
        card = node.get("operator_cardinality", node.get("intermediate_rows", 0))
        if name and isinstance(timing, (int, float)) and name not in ("EXPLAIN_ANALYZE",
                                                                      "RESULT_COLLECTOR"):
            extra = node.get("extra_info") or {}
            detail = ""
            if isinstance(extra, dict):
                for key in ("Join Type", "Function", "Projections", "Groups", "Table"):
                    if extra.get(key):
                        v = extra[key]
                        detail = " ".join(v) if isinstance(v, list) else str(v)
                        break
            ops.append((f"{name.strip()}: {detail[:70]}".strip(": "), float(timing),
                        int(card or 0)))
        for child in (*node.get("children", []), *node.get("operator", [])):
            walk(child)
    walk(tree)
    ops.sort(key=lambda x: -x[1])
    return [(f"{n} ({c:,} rows)", s) for n, s, c in ops[:limit]]


# --------------------------------------------------------------------------------------------
# One database, in its own process (python -m bench.progress --db PATH): the timings do not
# depend on what the bench process did before, and each phase's peak RSS can be told apart.
# --------------------------------------------------------------------------------------------
def measure_db(db: str | Path, runs: int) -> dict:
    con = open_readonly(db)
    out: dict = {"db": str(db),
                 "rows": con.execute("SELECT count(*) FROM progress").fetchall()[0][0]}
    reset_peak_rss()
    view = view_timings(con, runs)
    out["view"] = {k: v.values for k, v in view.items()}
    out["view_peak_rss_mb"] = peak_rss_mb()
    reset_peak_rss()
    nv = naive_timings(con, max(2, runs // 2))
    out["pandas"] = {"load": nv["load"].values, "compute": nv["compute"].values,
                     "matches_view": nv["matches_view"], "check": nv["check"],
                     "rows": nv["rows"]}
    out["pandas_peak_rss_mb"] = peak_rss_mb()
    del nv
    import gc
    gc.collect()
    out["live"] = live_timings(con, runs, load_frames(con))
    gc.collect()
    live = out["live"]
    out["hotspots"] = explain_hotspots(con, view=LIVE if live else "progress")
    out["forecast"] = forecast_timings(con, runs)
    out["backtest"] = backtest(con)
    con.close()
    return out


def run_subprocess(db: Path, runs: int, timeout: float = 3600) -> dict:
    import os
    import subprocess
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-m", "bench.progress", "--db", str(db), "--runs",
                           str(runs)], cwd=root, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONPATH": str(root)})
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise RuntimeError(f"bench.progress failed for {db}: {' | '.join(tail)}")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.progress")
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    print(json.dumps(measure_db(args.db, args.runs), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
