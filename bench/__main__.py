"""`make bench`: how the ETL, the `progress` view and the pages do at national scale.

    .venv/bin/python -m bench            # 3,321 synthetic communes (several minutes)
    .venv/bin/python -m bench --quick    # a smoke run: 60 communes, fewer runs

Prints medians of several runs with [min–max]: database build time, the `progress` view
(warm) against the naive pandas way (and the computation behind it, when `progress` is a
snapshot), every page's server-side render time (AppTest) at 5 communes (the seed workbooks)
and at N communes, one small workbook loaded into the national database (time, peak RSS,
where they go), the browser step (first load in a fresh headless Chromium against a minimal
Streamlit page, N concurrent sessions), workbook ingest throughput, peak RSS; then each
figure against the targets (issues 5 and 15). Everything it writes
goes to bench-out/ (not committed): generated workbooks (reused between runs), databases, and
the figures as JSON (bench-out/latest.json). A benchmark, not a test: it never fails on a
timing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import synth

from . import machine
from .timing import Stats, peak_rss_mb, reset_peak_rss, verdict

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "data" / "seed"

TARGET_PROGRESS_MS = 100
TARGET_PANDAS_RATIO = 4
TARGET_LIVE_MS = 150        # issue 15: progress_live, the full computation every write pays
TARGET_LIVE_PANDAS_RATIO = 8
TARGET_PAGE_MS = 500
TARGET_INGEST_S = 30
TARGET_RSS_MB = 600
TARGET_UPLOAD_S = 0.8
TARGET_UPLOAD_RSS_MB = 400
TARGET_FIRST_LOAD_RATIO = 1.3
TARGET_SESSIONS_RSS_MB = 600
TARGET_SESSIONS_P95_RATIO = 2


def _say(*args) -> None:
    print(*args, flush=True)


def _stats(values: list[float]) -> Stats:
    return Stats(list(values))


def build_seed_db(out: Path) -> Path:
    """The 5-commune database from data/seed/, through the real CLI."""
    db = out / "seed.duckdb"
    for old in (db, db.with_name(db.name + ".wal")):
        old.unlink(missing_ok=True)
    files = sorted(str(p) for p in SEED_DIR.glob("*.xlsx"))
    proc = subprocess.run([sys.executable, "-m", "etl", "load", *files, "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"loading the seed workbooks failed:\n{proc.stdout[-2000:]}"
                         f"\n{proc.stderr[-2000:]}")
    return db


def section_build(out: Path, n: int, seed: int, runs: int, results: dict) -> Path:
    _say(f"\n## 1. Database build: python -m etl synth --communes {n} --db …")
    db = out / f"synthetic-n{n}.duckdb"
    times, stats = [], {}
    for i in range(runs):
        t = time.perf_counter()
        stats = synth.build_db(db, n, seed)
        times.append(time.perf_counter() - t)
        _say(f"  run {i + 1}: {times[-1]:.2f} s")
    s = _stats(times)
    size_mb = db.stat().st_size / 1e6
    _say(f"  build time: {s.s()}   ({stats['communes']:,} communes in {stats['provinces']} "
         f"provinces; targets {stats['targets']:,}, actuals {stats['actuals']:,} (quarterly), "
         f"budget lines {stats['budget_lines']:,}, imports {stats['imports']:,}; file "
         f"{size_mb:,.0f} MB)")
    results["build"] = dict(stats=stats, time=s.as_dict(), file_mb=size_mb)
    return db


def section_ingest(out: Path, n: int, seed: int, runs: int, jobs: int, results: dict,
                   openpyxl_runs: bool = True) -> None:
    from . import ingest
    _say(f"\n## 4. Workbook ingest: {n:,} generated workbooks → one DuckDB file "
         f"(parse on {jobs} processes, load in one write session)")
    files = ingest.ensure_workbooks(out, n, seed, jobs, log=_say)
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    db = out / f"ingest-n{n}.duckdb"
    recs = []
    for i in range(runs):
        r = ingest.ingest_once(files, db, jobs)
        recs.append(r)
        _say(f"  run {i + 1}: {r['seconds']:.1f} s, {r['loaded']:,} loaded, "
             f"{r['rejected']} rejected, {r['rows']:,} rows, {r['warnings']:,} warnings; "
             f"after the last batch (snapshot refresh, checkpoint, rename) "
             f"{r['commit_seconds']:.1f} s; CPU: parsing processes {r['parsers_cpu']:.1f} s "
             f"({r['parsers_cpu'] / r['workbooks'] * 1000:.1f} ms/workbook), writer "
             f"{r['writer_cpu']:.1f} s; load average {r['load_average'][0]:.1f} → "
             f"{r['load_average'][1]:.1f} (all that CPU spread "
             f"on {jobs} cores: {(r['parsers_cpu'] + r['writer_cpu']) / jobs:.1f} s)")
    cal = []  # the same ingest reading with openpyxl only (the fallback reader), for the ratio
    for i in range(runs if openpyxl_runs else 0):
        r = ingest.ingest_once(files, db, jobs, reader="openpyxl")
        cal.append(r["seconds"])
        _say(f"  run {i + 1} reading with openpyxl only (etl.read's fallback reader): "
             f"{r['seconds']:.1f} s, {r['loaded']:,} loaded, {r['rows']:,} rows")
    total = _stats([r["seconds"] for r in recs])
    wbps = _stats([r["workbooks"] / r["seconds"] for r in recs])
    rps = _stats([r["rows"] / r["seconds"] for r in recs])
    _say(f"  total: {total.s()}  ({size_mb:,.0f} MB of .xlsx)")
    _say(f"  throughput: {wbps.median:,.1f} workbooks/s [{wbps.min:,.1f}–{wbps.max:,.1f}], "
         f"{rps.median:,.0f} rows/s [{rps.min:,.0f}–{rps.max:,.0f}] "
         f"(rows = targets + actuals + budget lines)")
    sample = files[: min(len(files), 300)]
    b = ingest.breakdown(sample, out / "ingest-sample.duckdb", jobs)
    per_parse = b["parse_seconds"] / b["sample"]
    per_write = b["write_seconds"] / b["sample"]
    _say(f"  breakdown on a sample of {b['sample']} workbooks (1 run): parse alone "
         f"{per_parse * 1000:,.1f} ms/workbook on {jobs} processes, batched write alone "
         f"{per_write * 1000:,.1f} ms/workbook (1 process; session end "
         f"{b['session_end_seconds']:.2f} s) → at {n:,} workbooks ≈ "
         f"{per_parse * n:,.0f} s parsing and {per_write * n:,.0f} s writing")
    if cal:
        _say(f"  total reading with openpyxl only: {_stats(cal).s()}")
    results["ingest_breakdown"] = b
    results["ingest"] = dict(workbooks=n, rows=recs[-1]["rows"], rejected=recs[-1]["rejected"],
                             warnings=recs[-1]["warnings"], total=total.as_dict(),
                             workbooks_per_s=wbps.as_dict(), rows_per_s=rps.as_dict(),
                             xlsx_mb=size_mb, jobs=jobs,
                             parsers_cpu_s=_stats([r["parsers_cpu"] for r in recs]).as_dict(),
                             writer_cpu_s=_stats([r["writer_cpu"] for r in recs]).as_dict(),
                             session_end_s=_stats([r["commit_seconds"] for r in recs]).as_dict(),
                             openpyxl=_stats(cal).as_dict() if cal else None)


def section_upload(out: Path, national_db: Path, n: int, runs: int, results: dict) -> None:
    from . import upload
    _say(f"\n## 4b. One small workbook into the national database: etl load "
         f"{upload.SMALL_FILE.name} --db <copy of the {n:,}-commune database>")
    r = upload.cli_runs(national_db, out, runs)
    _say(f"  etl load (fresh process each run): {Stats(r['wall_s']).s()}; peak RSS "
         f"{r['median_rss_mb']:,.0f} MB [{min(r['peak_rss_mb']):,.0f}–"
         f"{max(r['peak_rss_mb']):,.0f}]; refresh: {r['refresh']}")
    rr = upload.cli_runs(national_db, out, runs, upload.RESULTS_FILE)
    _say(f"  with results ({upload.RESULTS_FILE.name}: its series refitted, the peers "
         f"recomputed from the stored fits): {Stats(rr['wall_s']).s()}; peak RSS "
         f"{rr['median_rss_mb']:,.0f} MB [{min(rr['peak_rss_mb']):,.0f}–"
         f"{max(rr['peak_rss_mb']):,.0f}]; refresh: {rr['refresh']}")
    ph = upload.phases(national_db, out)
    _say("  where it goes (one run, each step of etl load timed in a fresh process):")
    for p in ph:
        _say(f"    {p['ms']:8,.0f} ms  peak RSS {p['peak_rss_mb']:6,.0f} MB  {p['phase']}")
    _say(f"    {sum(p['ms'] for p in ph):8,.0f} ms  in all")
    phr = upload.phases(national_db, out, upload.RESULTS_FILE)
    _say(f"  the same for {upload.RESULTS_FILE.name}:")
    for p in phr:
        _say(f"    {p['ms']:8,.0f} ms  peak RSS {p['peak_rss_mb']:6,.0f} MB  {p['phase']}")
    _say(f"    {sum(p['ms'] for p in phr):8,.0f} ms  in all")
    lr = upload.limited_refresh(national_db, out, max(3, runs // 2))
    _say(f"  snapshot refresh (etl.store.refresh_derived), medians of {len(lr['full_s'])}, "
         f"alternating: whole country {lr['full_median_s'] * 1000:,.0f} ms; the one commune a "
         f"write touched ({lr['commune_rows']} rows) {lr['limited_median_s'] * 1000:,.0f} ms "
         f"when no result changed, {lr['limited_results_median_s'] * 1000:,.0f} ms when "
         f"results changed (its series refitted, the peers of its indicators recomputed); "
         f"snapshot = progress_live afterwards: "
         f"{'yes' if lr['differing_rows'] == 0 else 'NO'}")
    results["upload"] = dict(cli=r, cli_results=rr, phases=ph, phases_results=phr, refresh=lr)


def section_browser(seed_db: Path, national_db: Path, n: int, runs: int, sessions: int,
                    results: dict, browser_sessions: int = 5) -> None:
    from . import browser
    _say("\n## 3b. Browser (headless Chromium, Playwright; the driver in its own process)")
    why = browser.available()
    if why:
        _say(f"  skipped: {why}")
        results["browser"] = {"skipped": why}
        return
    fl = browser.first_load(seed_db, runs)
    a, m = fl["app"], fl["minimal"]
    _say(f"  first load in a fresh browser, seed data, overview page: {Stats(a['settle_s']).s()}")
    _say(f"  minimal Streamlit page (2 Plotly charts + a table), same run, alternating: "
         f"{Stats(m['settle_s']).s()}")
    _say(f"  ratio overview / minimal (medians): {fl['ratio']:,.2f}×")
    cold = fl["cold_server"]
    _say(f"  (first visit after the server started: overview {cold['app']['settle_s']:,.1f} s, "
         f"minimal {cold['minimal']['settle_s']:,.1f} s; not in the medians)")
    for name, rec in (("overview", a), ("minimal", m)):
        _say(f"  what the {name} page sends: {rec['ws_bytes'] / 1024:,.0f} KiB over the "
             f"websocket, {rec['figures']} Plotly figures ({rec['figure_json_bytes'] / 1024:,.0f}"
             f" KiB of figure JSON), {rec['frames']} data frames; {rec['resources']} static "
             f"resources ({rec['resource_bytes'] / 1024:,.0f} KiB compressed; largest: "
             + ", ".join(f"{n} {b / 1024:,.0f} KiB" for n, b in rec["largest"])
             + f"); first Plotly figure drawn after {rec['first_plot_median_s']:,.2f} s")
    _say(f"  driver: {fl['driver_cpu_s']:,.1f} s CPU (itself + Chromium) over "
         f"{fl['driver_wall_s']:,.1f} s")
    assets = {k: fl[k]["same_origin"] for k in ("app", "minimal")}
    pr = browser.protocol_sessions(national_db, sessions, max(3, runs // 2), assets=assets)
    _say(f"  {sessions} sessions at once, protocol-level driver (bench/ws_driver.py: the "
         f"websocket as a browser speaks it, no rendering), {pr['rounds']} rounds:")
    for name, label in (("app", f"overview, {n:,} communes"), ("minimal", "minimal page")):
        r = pr[name]
        _say(f"    {label}: one session alone {Stats(r['single']['settle_s']).s()} "
             f"({r['single_server_cpu_s'] * 1000:,.0f} ms server CPU); {sessions} at once: "
             f"median {r['median_s']:,.2f} s, p95 {r['p95_s']:,.2f} s, worst "
             f"{r['max_s']:,.2f} s ({r['failed']} failed); p95 / single = {r['ratio']:,.1f}×")
        _say(f"      server CPU per round {Stats(r['server_cpu_s']).s()} = "
             f"{r['server_cpu_per_session_s'] * 1000:,.0f} ms a session; GIL bound "
             f"{sessions} × {r['single_server_cpu_s'] * 1000:,.0f} ms = {r['gil_bound_s']:,.2f} s"
             f" = {r['gil_bound_ratio']:,.1f}× single; server RSS warm "
             f"{r['server_warm_rss_mb']:,.0f} MB, peak {r['server_peak_rss_mb']:,.0f} MB; "
             f"{r['bytes'] / 1024:,.0f} KiB a session; driver CPU {r['driver_cpu_s']:,.2f} s "
             f"(imports included; {r['driver_self_cpu_s']:,.2f} s while sessions ran)")
        fb = r.get("fresh_browser")
        if fb:
            _say(f"      as fresh browsers (each session first fetches the {fb['files']} static "
                 f"files, {fb['asset_bytes'] / 1048576:,.1f} MB, a fresh Chromium fetched): "
                 f"alone {fb['single']['median_s']:,.2f} s "
                 f"({fb['single_server_cpu_s'] * 1000:,.0f} ms server CPU); {sessions} at once "
                 f"p95 {fb['p95_s']:,.2f} s = {fb['ratio']:,.1f}× ({fb['failed']} failed), server"
                 f" CPU {fb['server_cpu_per_session_s'] * 1000:,.0f} ms a session")
    bn = max(1, min(sessions, browser_sessions))
    se = browser.sessions(national_db, bn, max(3, runs // 2))
    ratio = se["p95_s"] / se["single_median_s"]
    _say(f"  Chromium, {n:,} communes: one session alone settles in "
         f"{Stats(se['single_settle_s']).s()}")
    _say(f"  {bn} Chromium sessions at once: median {se['median_s']:,.1f} s, p95 "
         f"{se['p95_s']:,.1f} s, worst {se['max_s']:,.1f} s ({se['timed_out']} timed out); "
         f"p95 / single = {ratio:,.1f}×")
    _say(f"  server RSS: warm before {se['server_warm_rss_mb']:,.0f} MB, peak during "
         f"{se['server_peak_rss_mb']:,.0f} MB, idle after {se['server_idle_rss_mb']:,.0f} MB; "
         f"server CPU {se['server_cpu_s']:,.1f} s; driver CPU (itself + Chromium) "
         f"{se['driver_cpu_s']:,.1f} s over {se['wall_s']:,.1f} s wall on {machine.nproc()} cores")
    results["browser"] = dict(first_load=fl, sessions=se, sessions_ratio=ratio, protocol=pr)


def section_progress(dbs: dict[str, Path], runs: int, results: dict) -> None:
    from . import progress as P
    _say("\n## 2. The `progress` view (warm; read-only attach, as the dashboard opens it; "
         "each database measured in a fresh process)")
    results["progress"] = {}
    for label, db in dbs.items():
        r = P.run_subprocess(db, runs)
        view = {k: Stats(v) for k, v in r["view"].items()}
        nv = r["pandas"]
        load, compute = Stats(nv["load"]), Stats(nv["compute"])
        frame = view["full → DataFrame"].median
        ratio = compute.median / frame
        ratio_load = (load.median + compute.median) / frame
        ratio_arrow = compute.median / view["full → Arrow (raw query)"].median
        _say(f"\n  {label}: {r['rows']:,} progress rows")
        for name, st in view.items():
            _say(f"    progress       {name:<44} {st.ms()}")
        _say(f"    pandas way     load targets+actuals+catalogue        {load.ms()}   "
             f"({nv['rows'][0]:,} + {nv['rows'][1]:,} rows)")
        _say(f"    pandas way     compute latest result, gap, status    {compute.ms()}   "
             f"(speed baseline, simplified rules; {nv['check']})")
        _say(f"    ratio          pandas compute / progress → DataFrame = {ratio:,.1f}×; "
             f"(pandas load + compute) / progress → DataFrame = {ratio_load:,.1f}×; "
             f"pandas compute / progress → Arrow = {ratio_arrow:,.1f}×")
        _say(f"    peak RSS of the measuring process: querying `progress` "
             f"{r['view_peak_rss_mb']:,.0f} MB, the pandas way {r['pandas_peak_rss_mb']:,.0f} MB")
        rec = dict(rows=r["rows"], view={k: v.as_dict() for k, v in view.items()},
                   pandas=dict(load=load.as_dict(), compute=compute.as_dict(),
                               matches_view=nv["matches_view"],
                               peak_rss_mb=r["pandas_peak_rss_mb"]),
                   view_peak_rss_mb=r["view_peak_rss_mb"], ratio_compute=ratio,
                   ratio_load_compute=ratio_load, ratio_arrow=ratio_arrow,
                   hotspots=r["hotspots"])
        live = r.get("live")
        if live:
            timed = {k: (Stats(v["wall"]), Stats(v["cpu"])) for k, v in live["timed"].items()}
            refresh = Stats(live["refresh"])
            to_pandas = Stats(live["arrow → pandas"])
            fresh = "yes" if live["differing_rows"] == 0 else \
                f"NO: {live['differing_rows']} rows differ"
            (l0, *_), (l1, *_) = live["loadavg"]
            _say(f"    `progress` reads a snapshot; the computation behind it (progress_live, "
                 f"run by the loader at the end of each write session) — snapshot equals it: "
                 f"{fresh}. Interleaved run by run (load average {l0:.1f} → {l1:.1f}); "
                 f"wall, then the process's CPU time (all threads):")
            for name, (w, c) in timed.items():
                _say(f"    progress_live  {name:<44} {w.ms()}   CPU {c.ms()}")
            _say(f"    progress_live  Arrow → pandas (on its own)                 "
                 f"{to_pandas.ms()}")
            _say(f"    progress_live  refresh (CREATE TABLE … AS, sorted)          "
                 f"{refresh.ms()}")
            table = timed["computed into a table"][0].median
            rec["live"] = dict(
                timed={k: dict(wall=w.as_dict(), cpu=c.as_dict()) for k, (w, c) in timed.items()},
                arrow_to_pandas=to_pandas.as_dict(), refresh=refresh.as_dict(),
                differing_rows=live["differing_rows"], loadavg=live["loadavg"])
            if "pandas baseline compute" in timed:
                pandas_s = timed["pandas baseline compute"][0].median
                rec["live"]["ratio_compute"] = pandas_s / table
                rec["live"]["ratio_arrow"] = pandas_s / timed["computed → Arrow"][0].median
                _say(f"    ratio          pandas compute / progress_live computed into a table = "
                     f"{rec['live']['ratio_compute']:,.1f}×; / → Arrow = "
                     f"{rec['live']['ratio_arrow']:,.1f}× (same minutes, both from the rows)")
        fc = r.get("forecast")
        if fc:
            _say(f"    refresh, step by step ({fc['rows']:,} forecastable target rows, "
                 f"{fc['points']:,} numeric result points):")
            total = 0.0
            for name, vals in fc["steps"].items():
                st = Stats(vals)
                total += st.median
                _say(f"      {name:<40} {st.ms()}")
            _say(f"      {'sum of the medians':<40} {total * 1000:,.0f} ms")
            rec["forecast"] = {k: Stats(v).as_dict() for k, v in fc["steps"].items()}
            rec["refresh_total_s"] = total
        bt = r.get("backtest")
        if bt and bt.get("n"):
            rec["backtest"] = bt
            f_, b_ = bt["forecast"], bt["persist"]
            _say(f"    back-test: hide {bt['year']}, forecast its latest value for "
                 f"{bt['n']:,} target rows from the years before ({bt['reached_share']:.0%} "
                 f"actually met their threshold then)")
            _say(f"      forecast             hit rate {f_['hit_rate']:.1%}   Brier "
                 f"{f_['brier']:.3f}   mean abs. error of the value {bt['mae_forecast']:.2f}")
            _say(f"      last value persists  hit rate {b_['hit_rate']:.1%}   Brier "
                 f"{b_['brier']:.3f}   mean abs. error of the value {bt['mae_persist']:.2f}")
            fu, bu = bt["forecast_unmet_now"], bt["persist_unmet_now"]
            if fu.get("n"):
                _say(f"      of which {fu['n']:,} not yet met at the last visible value: "
                     f"forecast hit rate {fu['hit_rate']:.1%} Brier {fu['brier']:.3f}; "
                     f"persistence hit rate {bu['hit_rate']:.1%} Brier {bu['brier']:.3f}")
            _say("      methods: " + ", ".join(f"{k} {v:,}" for k, v in bt["methods"].items()))
            cal = [c for c in bt.get("calibration", []) if c["n"]]
            if cal:
                _say("      calibration (likelihood bin: n, mean likelihood → share that met): "
                     + "; ".join(f"{c['bin']}: {c['n']:,}, {c['mean_p']:.2f} → "
                                 f"{c['observed']:.2f}" for c in cal))
        if r["hotspots"]:
            which = "progress_live" if live else "progress"
            _say(f"    EXPLAIN ANALYZE of {which} (status counts), slowest operators:")
            for op, sec in r["hotspots"]:
                _say(f"      {sec * 1000:8,.0f} ms  {op}")
        results["progress"][label] = rec


def section_pages(dbs: dict[str, Path], runs: int, results: dict) -> None:
    from . import pages as PG
    _say(f"\n## 3. Pages: server-side render time (AppTest; first visit, then median of "
         f"{runs} warm reruns with caches filled)")
    found = PG.discover()
    if not found:
        _say("  no pages found: streamlit_app.py is missing or does not call st.navigation; "
             "skipped")
        results["pages"] = {"note": "no pages"}
        return
    _say(f"  pages named in streamlit_app.py: {', '.join(found)}")
    results["pages"] = {}
    per_db = {}
    for label, db in dbs.items():
        r = PG.run_subprocess(db, runs)
        per_db[label] = r
        results["pages"][label] = r
        if r.get("failed"):
            _say(f"  {label}: the AppTest subprocess failed: {r['failed']}")
    header = f"  {'page':<22}" + "".join(f"{lab:>44}" for lab in dbs)
    _say(header)
    for label, r in per_db.items():
        if "first_load_s" in r:
            _say(f"    (first app run at {label}: {r['first_load_s'] * 1000:,.0f} ms — opens "
                 f"the database, renders the default page cold)")
    for page in found:
        cells = []
        for label in dbs:
            rec = next((p for p in per_db[label].get("pages", []) if p["page"] == page), None)
            if rec is None or not rec.get("warm"):
                cells.append(("error: " + (rec or {}).get("error", "not run"))[:42])
                continue
            w = Stats(rec["warm"])
            cell = f"{w.median * 1000:,.0f} ms [{w.min * 1000:,.0f}–{w.max * 1000:,.0f}]"
            cell += f", first {rec.get('cold', 0) * 1000:,.0f} ms"
            if rec.get("error"):
                cell += " (ERR)"
            cells.append(cell)
        _say(f"  {page:<22}" + "".join(f"{c:>44}" for c in cells))
    for label in dbs:
        for rec in per_db[label].get("pages", []):
            if rec.get("error"):
                _say(f"  ! {label} {rec['page']}: {rec['error']}")


def summary(results: dict, n: int) -> None:
    _say(f"\n## 6. Against the targets (at {n:,} communes on this machine)")
    big = f"{n:,} communes"
    rows = []
    pr = results.get("progress", {}).get(big)
    if pr:
        for key in ("full → Arrow (raw query)", "full → DataFrame"):
            v = pr["view"][key]["median"] * 1000
            rows.append((f"progress view, {key}", f"{v:,.0f} ms", f"≤ {TARGET_PROGRESS_MS} ms",
                         verdict(v, TARGET_PROGRESS_MS, unit=" ms")))
        prov_key = next(k for k in pr["view"] if k.startswith("one province"))
        v = pr["view"][prov_key]["median"] * 1000
        rows.append((f"progress view, {prov_key}", f"{v:,.0f} ms", f"≤ {TARGET_PROGRESS_MS} ms",
                     verdict(v, TARGET_PROGRESS_MS, unit=" ms")))
        rows.append(("progress view vs pandas (compute only)", f"{pr['ratio_compute']:,.2f}×",
                     f"≥ {TARGET_PANDAS_RATIO}×", verdict(pr["ratio_compute"],
                                                          TARGET_PANDAS_RATIO,
                                                          higher_is_better=True, unit="×")))
        rows.append(("progress view vs pandas (load + compute)",
                     f"{pr['ratio_load_compute']:,.2f}×", f"≥ {TARGET_PANDAS_RATIO}×",
                     verdict(pr["ratio_load_compute"], TARGET_PANDAS_RATIO,
                             higher_is_better=True, unit="×")))
        if pr.get("refresh_total_s"):
            v = pr["refresh_total_s"] * 1000
            rows.append(("  (info) refresh incl. forecast (sum of steps)", f"{v:,.0f} ms", "-",
                         "paid once by each load/upload/undo"))
        bt = pr.get("backtest")
        if bt and bt.get("n"):
            rows.append(("back-test: forecast Brier / hit rate",
                         f"{bt['forecast']['brier']:.3f} / {bt['forecast']['hit_rate']:.0%}",
                         "< persist", "better" if bt["forecast"]["brier"]
                         < bt["persist"]["brier"] else "WORSE than persistence"))
            rows.append(("back-test: last value persists Brier / hit rate",
                         f"{bt['persist']['brier']:.3f} / {bt['persist']['hit_rate']:.0%}",
                         "-", "baseline"))
        live = pr.get("live")
        if live:
            v = live["refresh"]["median"] * 1000
            rows.append(("  (info) progress_live refresh, sorted (full refresh)", f"{v:,.0f} ms",
                         "-", "paid by a whole-country refresh; a write refreshes its communes"))
            t = live["timed"]
            v = t["computed into a table"]["wall"]["median"] * 1000
            floor = t["floor: snapshot copied into a table"]["wall"]["median"] * 1000
            rows.append(("progress_live computed into a table (whole country)", f"{v:,.0f} ms",
                         f"≤ {TARGET_LIVE_MS} ms", verdict(v, TARGET_LIVE_MS, unit=" ms")))
            rows.append(("  (info) floor: the finished snapshot copied into a table",
                         f"{floor:,.0f} ms", "-", "same minutes; nothing computed"))
            v = t["computed → Arrow"]["wall"]["median"] * 1000
            rows.append(("  (info) progress_live computed → Arrow", f"{v:,.0f} ms", "-",
                         f"Arrow → pandas {live['arrow_to_pandas']['median'] * 1000:,.0f} ms "
                         "more"))
            if "ratio_compute" in live:
                rows.append(("pandas compute / progress_live computed into a table",
                             f"{live['ratio_compute']:,.1f}×", f"≥ {TARGET_LIVE_PANDAS_RATIO}×",
                             verdict(live["ratio_compute"], TARGET_LIVE_PANDAS_RATIO,
                                     higher_is_better=True, unit="×")))
    pages = results.get("pages", {}).get(big)
    if isinstance(pages, dict) and pages.get("pages"):
        for rec in pages["pages"]:
            if rec.get("warm"):
                v = Stats(rec["warm"]).median * 1000
                rows.append((f"page {rec['page']} (warm)", f"{v:,.0f} ms",
                             f"≤ {TARGET_PAGE_MS} ms", verdict(v, TARGET_PAGE_MS, unit=" ms")))
            else:
                rows.append((f"page {rec['page']}", "error", f"≤ {TARGET_PAGE_MS} ms",
                             rec.get("error", "")))
        if "peak_rss_mb" in pages:
            v = pages["peak_rss_mb"]
            rows.append(("app peak RSS (AppTest process, all pages)", f"{v:,.0f} MB",
                         f"≤ {TARGET_RSS_MB} MB", verdict(v, TARGET_RSS_MB, unit=" MB")))
    ing = results.get("ingest")
    if ing:
        v = ing["total"]["median"]
        rows.append((f"ingest of {ing['workbooks']:,} workbooks", f"{v:,.1f} s",
                     f"≤ {TARGET_INGEST_S} s", verdict(v, TARGET_INGEST_S, unit=" s")
                     if ing["workbooks"] >= 3321 else
                     f"(only {ing['workbooks']} workbooks: "
                     f"≈ {v / ing['workbooks'] * 3321:,.0f} s at 3,321)"))
    rows += _summary_issue15(results)
    w = max((len(r[0]) for r in rows), default=10)
    for name, value, target, ok in rows:
        _say(f"  {name:<{w}}  {value:>12}  {target:>10}  {ok}")
    results["summary"] = rows


def _summary_issue15(results: dict) -> list[tuple]:
    rows = []
    ing = results.get("ingest")
    if ing and ing.get("openpyxl"):
        v = ing["openpyxl"]["median"]
        rows.append(("ingest reading with openpyxl only (the fallback reader)",
                     f"{v:,.1f} s", "—", "(for the ratio)"))
    up = results.get("upload")
    if up:
        v = up["cli"]["median_s"]
        rows.append(("one small workbook into the national db (etl load)", f"{v:,.2f} s",
                     f"≤ {TARGET_UPLOAD_S} s", verdict(v, TARGET_UPLOAD_S, unit=" s")))
        v = up["cli"]["median_rss_mb"]
        rows.append(("  its peak RSS", f"{v:,.0f} MB", f"≤ {TARGET_UPLOAD_RSS_MB} MB",
                     verdict(v, TARGET_UPLOAD_RSS_MB, unit=" MB")))
        if up.get("cli_results"):
            v = up["cli_results"]["median_s"]
            rows.append(("  (info) a workbook with results (its series refitted)",
                         f"{v:,.2f} s", "-", f"peak RSS {up['cli_results']['median_rss_mb']:,.0f}"
                                             " MB"))
    br = results.get("browser")
    if br and "first_load" in br:
        v = br["first_load"]["ratio"]
        rows.append(("first load, seed data / minimal page", f"{v:,.2f}×",
                     f"≤ {TARGET_FIRST_LOAD_RATIO}×", verdict(v, TARGET_FIRST_LOAD_RATIO,
                                                             unit="×")))
        se, pr = br["sessions"], br.get("protocol")
        if pr:
            a, mn = pr["app"], pr["minimal"]
            peak = max(a["server_peak_rss_mb"], se["server_peak_rss_mb"])
            rows.append((f"{pr['n']} sessions: server peak RSS (protocol driver; "
                         f"{se['n']} Chromium)", f"{peak:,.0f} MB",
                         f"≤ {TARGET_SESSIONS_RSS_MB} MB",
                         verdict(peak, TARGET_SESSIONS_RSS_MB, unit=" MB")))
            rows.append((f"{pr['n']} sessions (protocol driver): p95 settle / one session",
                         f"{a['ratio']:,.1f}× ({a['p95_s']:,.2f} / {a['single_median_s']:,.2f} s)",
                         f"≤ {TARGET_SESSIONS_P95_RATIO}×",
                         verdict(a["ratio"], TARGET_SESSIONS_P95_RATIO, unit="×")))
            rows.append(("  (info) its GIL bound: n × server CPU of one session / single",
                         f"{a['gil_bound_ratio']:,.1f}×", "-",
                         f"minimal page, same run: {mn['ratio']:,.1f}× (bound "
                         f"{mn['gil_bound_ratio']:,.1f}×)"))
        else:
            rows.append((f"{se['n']} sessions: server peak RSS",
                         f"{se['server_peak_rss_mb']:,.0f} MB", f"≤ {TARGET_SESSIONS_RSS_MB} MB",
                         verdict(se["server_peak_rss_mb"], TARGET_SESSIONS_RSS_MB, unit=" MB")))
        rows.append((f"{se['n']} Chromium sessions: p95 settle / one session",
                     f"{br['sessions_ratio']:,.1f}×", f"≤ {TARGET_SESSIONS_P95_RATIO}×",
                     verdict(br["sessions_ratio"], TARGET_SESSIONS_P95_RATIO, unit="×")))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 60 communes, 2-3 runs of everything")
    ap.add_argument("--communes", type=int, help="synthetic communes (default 3321)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, help="timed runs of each query and page (default 5)")
    ap.add_argument("--build-runs", type=int, help="database builds (default 3)")
    ap.add_argument("--ingest-runs", type=int, help="ingest runs (default 3)")
    ap.add_argument("--jobs", type=int, default=machine.nproc(),
                    help="parsing processes (default: nproc)")
    ap.add_argument("--sessions", type=int, help="concurrent sessions opened by the "
                    "protocol-level driver (default 20)")
    ap.add_argument("--browser-sessions", type=int, help="concurrent Chromium sessions "
                    "(default 5: 20 tabs on these 2 cores measure the browsers, not the server)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    ap.add_argument("--skip", action="append", default=[],
                    choices=["build", "ingest", "progress", "pages", "upload", "browser",
                             "ingest-openpyxl"],
                    help="leave a section out (repeatable; ingest-openpyxl: the ingest runs "
                         "reading with openpyxl only, kept for the ratio)")
    args = ap.parse_args(argv)
    n = args.communes or (60 if args.quick else synth.DEFAULT_COMMUNES)
    runs = args.runs or (3 if args.quick else 5)
    build_runs = args.build_runs or (2 if args.quick else 3)
    ingest_runs = args.ingest_runs or (2 if args.quick else 3)
    args.sessions = args.sessions or (5 if args.quick else 20)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    m = machine.info()
    results: dict = {"started": datetime.now().isoformat(timespec="seconds"), "machine": m,
                     "communes": n, "seed": args.seed, "quick": args.quick}
    _say(f"# make bench — {results['started']}{'  (--quick)' if args.quick else ''}")
    _say(f"Machine: {machine.describe(m)}")
    _say(f"Data: synthetic (python -m etl synth --communes {n} --seed {args.seed}; every row "
         f"synthetic = TRUE) and the 5 seed workbooks. Timings: median [min–max].")

    seed_db = build_seed_db(out)
    rss = results["bench_peak_rss_mb"] = {}
    needs_national = {"build", "progress", "pages", "upload", "browser"} - set(args.skip)
    if not needs_national or ("build" in args.skip
                              and (out / f"synthetic-n{n}.duckdb").exists()):
        synth_db = out / f"synthetic-n{n}.duckdb"  # only the ingest runs: not built
    else:
        reset_peak_rss()
        synth_db = section_build(out, n, args.seed, build_runs, results)
        rss["database build (etl synth --db)"] = peak_rss_mb()
    dbs = {"5 communes": seed_db, f"{n:,} communes": synth_db}
    if "progress" not in args.skip:
        section_progress(dbs, runs, results)
    if "pages" not in args.skip:
        section_pages(dbs, runs, results)
    if "upload" not in args.skip:
        section_upload(out, synth_db, n, runs, results)
    if "browser" not in args.skip:
        section_browser(seed_db, synth_db, n, runs, args.sessions, results,
                        args.browser_sessions or (3 if args.quick else 5))
    if "ingest" not in args.skip:
        reset_peak_rss()
        section_ingest(out, n, args.seed, ingest_runs, args.jobs, results,
                       openpyxl_runs="ingest-openpyxl" not in args.skip)
        rss["ingest, main process (write session)"] = peak_rss_mb()

    _say("\n## 5. Peak RSS")
    for label in dbs:
        r = results.get("pages", {}).get(label)
        if isinstance(r, dict) and "peak_rss_mb" in r:
            _say(f"  app (AppTest subprocess, every page) at {label}: {r['peak_rss_mb']:,.0f} MB")
    for label in dbs:
        r = results.get("progress", {}).get(label)
        if r:
            _say(f"  progress at {label}: querying the view {r['view_peak_rss_mb']:,.0f} MB, "
                 f"the pandas way {r['pandas']['peak_rss_mb']:,.0f} MB (own process)")
    for phase, mb in rss.items():
        _say(f"  bench process, {phase}: {mb:,.0f} MB")
    summary(results, n)
    results["seconds"] = time.perf_counter() - started
    _say(f"\nBench took {results['seconds'] / 60:,.1f} min. Figures: {out / 'latest.json'}")
    (out / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=1,
                                                default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
