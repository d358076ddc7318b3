"""One small workbook loaded into the national database, as an analyst does it from the CLI.

``etl load data/seed/nam_dan_2026_ke_hoach.xlsx --db <a copy of the national database>``, in a
fresh process each run (the copy is made before the clock starts, so every run loads the file
anew): wall time and the process's peak RSS; the same for a workbook with results
(``can_loc_2026_ke_hoach.xlsx``: results move the forecast's peers, so the whole country's
forecast is recomputed). Then where the time and memory go, phase by phase (the same calls
``etl load`` makes, timed one by one in a fresh process), and the snapshot refresh of the whole
country against the one limited to the commune a write touched (``etl.store.refresh_derived``).
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMALL_FILE = ROOT / "data" / "seed" / "nam_dan_2026_ke_hoach.xlsx"
RESULTS_FILE = ROOT / "data" / "seed" / "can_loc_2026_ke_hoach.xlsx"


def _vmhwm_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _child(step: str, *args: object, what: str) -> dict | list:
    """``python -m bench.upload STEP ARGS…`` in a fresh process; its last stdout line (JSON)."""
    proc = subprocess.run([sys.executable, "-m", "bench.upload", step, *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cli_runs(national_db: Path, work: Path, runs: int, file: Path = SMALL_FILE) -> dict:
    walls, rss = [], []
    db = work / "upload-national.duckdb"
    for _ in range(runs):
        for old in (db, db.with_name(db.name + ".wal")):
            old.unlink(missing_ok=True)
        shutil.copyfile(national_db, db)
        t = time.perf_counter()
        child = _child("cli", db, file, what="etl load")
        walls.append(time.perf_counter() - t)
        rss.append(child["peak_rss_mb"])
        refresh = child["refresh"]
    return {"wall_s": walls, "median_s": statistics.median(walls), "peak_rss_mb": rss,
            "median_rss_mb": statistics.median(rss), "refresh": refresh}


def _child_cli(db: str, file: str) -> int:
    import contextlib
    import io
    from etl.cli import main
    import duckdb
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["load", file, "--db", db])
    peak = _vmhwm_mb()
    con = duckdb.connect(db, read_only=True)
    refresh = con.execute("SELECT value FROM meta WHERE key = 'derived_refresh'").fetchone()
    con.close()
    print(json.dumps({"code": code, "peak_rss_mb": peak, "refresh": refresh and refresh[0]}))
    return code


def phases(national_db: Path, work: Path, file: Path = SMALL_FILE) -> list[dict]:
    """Each step of one `etl load`, timed in a fresh process, with the peak RSS it reached."""
    db = work / "upload-phases.duckdb"
    shutil.copyfile(national_db, db)
    return _child("phases", db, file, what="phases")


def _child_phases(db_s: str, file_s: str) -> int:
    from bench.timing import peak_rss_mb, reset_peak_rss
    out: list[dict] = []
    t = [time.perf_counter()]

    def mark(name: str) -> None:
        now = time.perf_counter()
        out.append({"phase": name, "ms": (now - t[0]) * 1000, "peak_rss_mb": peak_rss_mb()})
        reset_peak_rss()
        t[0] = time.perf_counter()

    import duckdb

    from etl.cli import _catalog_for, understand_file
    from etl.load import load_understanding, sync_catalog
    from etl.store import _before_write, ensure_schema, refresh_after_write
    mark("Python imports (duckdb, openpyxl, rapidfuzz, etl)")
    db, file = Path(db_s), Path(file_s)
    cat = _catalog_for(db)
    mark("catalogue + analysts' aliases (read-only open)")
    u = understand_file(file, cat)
    mark("parse and validate the workbook")
    tmp = db.with_name(f".{db.name}.phases.tmp")
    shutil.copyfile(db, tmp)
    mark(f"copy the database file ({db.stat().st_size / 1e6:,.0f} MB)")
    con = duckdb.connect(str(tmp))
    mark("open the copy")
    ensure_schema(con)
    before = _before_write(con)
    mark("schema / migrations check, datasets' state before the write")
    sync_catalog(con, cat)
    mark("catalogue + register tables (rewritten only when changed)")
    load_understanding(con, u)
    mark("write the file's rows (one transaction)")
    how = refresh_after_write(con, before)
    mark(f"progress snapshot refresh ({'the commune the write touched' if how == 'communes' else how})")
    con.execute("CHECKPOINT")
    mark("checkpoint")
    con.close()
    mark("close")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, db)
    mark("fsync + atomic rename")
    print(json.dumps(out))
    return 0


def limited_refresh(national_db: Path, work: Path, runs: int) -> dict:
    """The snapshot refresh of the whole country against the one limited to a commune (a plan:
    no result changed; results: the whole country's forecast too), in one process,
    alternating, medians; then whether the snapshot still equals ``progress_live``."""
    db = work / "upload-refresh.duckdb"
    shutil.copyfile(national_db, db)
    return _child("refresh", db, runs, what="refresh measurement")


def _child_refresh(db: str, runs_s: str) -> int:
    import duckdb

    from etl.store import refresh_derived
    con = duckdb.connect(db)
    commune, province = con.execute(
        "SELECT commune, province FROM progress_snapshot ORDER BY province, commune "
        "LIMIT 1 OFFSET (SELECT count(*) // 2 FROM progress_snapshot)").fetchone()
    kinds = {"full": lambda: refresh_derived(con),
             "limited": lambda: refresh_derived(con, [(commune, province)],
                                                results_changed=False),
             "limited_results": lambda: refresh_derived(con, [(commune, province)],
                                                        results_changed=True)}
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(int(runs_s)):
        for name, fn in kinds.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    differ = con.execute(
        "SELECT (SELECT count(*) FROM (SELECT * FROM progress_live EXCEPT ALL "
        "SELECT * FROM progress_snapshot)) + (SELECT count(*) FROM (SELECT * FROM "
        "progress_snapshot EXCEPT ALL SELECT * FROM progress_live))").fetchone()[0]
    rows = con.execute("SELECT count(*) FROM progress_snapshot WHERE commune = ? AND "
                       "province = ?", [commune, province]).fetchone()[0]
    print(json.dumps({"full_s": times["full"], "limited_s": times["limited"],
                      "limited_results_s": times["limited_results"],
                      "full_median_s": statistics.median(times["full"]),
                      "limited_median_s": statistics.median(times["limited"]),
                      "limited_results_median_s": statistics.median(times["limited_results"]),
                      "commune_rows": rows, "differing_rows": differ}))
    return 0


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    sys.exit({"cli": _child_cli, "phases": _child_phases, "refresh": _child_refresh}[cmd](*rest))
