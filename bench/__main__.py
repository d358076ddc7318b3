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
import importlib.util
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from etl import synth

from . import machine
from .timing import Stats, peak_rss_mb, reset_peak_rss, verdict

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "data" / "seed"

TARGET_PROGRESS_MS = 100
TARGET_PANDAS_RATIO = 4
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


def section_ingest(out: Path, n: int, seed: int, runs: int, jobs: int, results: dict) -> None:
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
             f"{r['commit_seconds']:.1f} s")
    cal = []
    if importlib.util.find_spec("python_calamine"):
        for i in range(runs):
            r = ingest.ingest_once(files, db, jobs, reader="calamine")
            cal.append(r["seconds"])
            _say(f"  run {i + 1} with the calamine reader (etl/read_calamine.py, same cells; "
                 f"not yet the default): {r['seconds']:.1f} s, {r['loaded']:,} loaded, "
                 f"{r['rows']:,} rows")
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
        _say(f"  total with the calamine reader: {_stats(cal).s()}")
    results["ingest_breakdown"] = b
    results["ingest"] = dict(workbooks=n, rows=recs[-1]["rows"], rejected=recs[-1]["rejected"],
                             warnings=recs[-1]["warnings"], total=total.as_dict(),
                             workbooks_per_s=wbps.as_dict(), rows_per_s=rps.as_dict(),
                             xlsx_mb=size_mb, jobs=jobs,
                             calamine=_stats(cal).as_dict() if cal else None)


def section_upload(out: Path, national_db: Path, n: int, runs: int, results: dict) -> None:
    from . import upload
    _say(f"\n## 4b. One small workbook into the national database: etl load "
         f"{upload.SMALL_FILE.name} --db <copy of the {n:,}-commune database>")
    r = upload.cli_runs(national_db, out, runs)
    _say(f"  etl load (fresh process each run): {Stats(r['wall_s']).s()}; peak RSS "
         f"{r['median_rss_mb']:,.0f} MB [{min(r['peak_rss_mb']):,.0f}–"
         f"{max(r['peak_rss_mb']):,.0f}]; refresh: {r['refresh']}")
    rr = upload.cli_runs(national_db, out, runs, upload.RESULTS_FILE)
    _say(f"  with results ({upload.RESULTS_FILE.name}: the whole country's forecast is "
         f"recomputed): {Stats(rr['wall_s']).s()}; peak RSS {rr['median_rss_mb']:,.0f} MB "
         f"[{min(rr['peak_rss_mb']):,.0f}–{max(rr['peak_rss_mb']):,.0f}]; refresh: "
         f"{rr['refresh']}")
    ph = upload.phases(national_db, out)
    _say("  where it goes (one run, each step of etl load timed in a fresh process):")
    for p in ph:
        _say(f"    {p['ms']:8,.0f} ms  peak RSS {p['peak_rss_mb']:6,.0f} MB  {p['phase']}")
    lr = upload.limited_refresh(national_db, out, max(3, runs // 2))
    _say(f"  snapshot refresh (etl.store.refresh_derived), medians of {len(lr['full_s'])}, "
         f"alternating: whole country {lr['full_median_s'] * 1000:,.0f} ms; the one commune a "
         f"write touched ({lr['commune_rows']} rows) {lr['limited_median_s'] * 1000:,.0f} ms "
         f"when no result changed, {lr['limited_results_median_s'] * 1000:,.0f} ms when "
         f"results changed (the country's forecast); snapshot = progress_live afterwards: "
         f"{'yes' if lr['differing_rows'] == 0 else 'NO'}")
    results["upload"] = dict(cli=r, cli_results=rr, phases=ph, refresh=lr)


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
            rows.append(("  (info) progress_live refresh per write session", f"{v:,.0f} ms",
                         "-", "the price of the snapshot, paid by each load/upload/undo"))
            rows.append(("  (info) pandas compute / progress_live → DataFrame",
                         f"{live['ratio_compute']:,.1f}×", f"≥ {TARGET_PANDAS_RATIO}×",
                         verdict(live["ratio_compute"], TARGET_PANDAS_RATIO,
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
    if ing and ing.get("calamine"):
        v = ing["calamine"]["median"]
        rows.append(("ingest, calamine reader (etl/read_calamine.py, not yet the default)",
                     f"{v:,.1f} s", f"≤ {TARGET_INGEST_S} s",
                     verdict(v, TARGET_INGEST_S, unit=" s") if ing["workbooks"] >= 3321 else
                     f"(only {ing['workbooks']} workbooks: ≈ {v / ing['workbooks'] * 3321:,.0f} s"
                     f" at 3,321)"))
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
            rows.append(("  (info) a workbook with results (country's forecast)",
                         f"{v:,.2f} s", "-", f"peak RSS {up['cli_results']['median_rss_mb']:,.0f}"
                                             " MB"))
    br = results.get("browser")
    if br and "first_load" in br:
        v = br["first_load"]["ratio"]
        rows.append(("first load, seed data / minimal page", f"{v:,.2f}×",
                     f"≤ {TARGET_FIRST_LOAD_RATIO}×", verdict(v, TARGET_FIRST_LOAD_RATIO,
                                                             unit="×")))
        se = br["sessions"]
        rows.append((f"{se['n']} sessions: server peak RSS", f"{se['server_peak_rss_mb']:,.0f} MB",
                     f"≤ {TARGET_SESSIONS_RSS_MB} MB",
                     verdict(se["server_peak_rss_mb"], TARGET_SESSIONS_RSS_MB, unit=" MB")))
        rows.append((f"{se['n']} sessions: p95 settle / one session", f"{br['sessions_ratio']:,.1f}×",
                     f"≤ {TARGET_SESSIONS_P95_RATIO}×",
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
    ap.add_argument("--sessions", type=int, help="concurrent browser sessions (default 20)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    ap.add_argument("--skip", action="append", default=[],
                    choices=["build", "ingest", "progress", "pages", "upload", "browser"],
                    help="leave a section out (repeatable)")
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
    if "build" in args.skip and (out / f"synthetic-n{n}.duckdb").exists():
        synth_db = out / f"synthetic-n{n}.duckdb"
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
        section_browser(seed_db, synth_db, n, runs, args.sessions, results)
    if "ingest" not in args.skip:
        reset_peak_rss()
        section_ingest(out, n, args.seed, ingest_runs, args.jobs, results)
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
