"""One small workbook loaded into the national database, as an analyst does it from the CLI.

``python -m etl load data/seed/nam_dan_2026_ke_hoach.xlsx --db <a copy of the national
database>``, in a fresh process each run (the copy is made before the clock starts, so every
run loads the file anew): wall time from the start of the process to the return of ``main``
and the process's peak RSS; the same for a workbook with results (``can_loc_2026_ke_hoach.xlsx``:
its series are refitted and the peers recomputed from the stored fits, ``etl.store
._refit_touched``). Then where the time and memory go, phase by phase (the same calls
``etl load`` makes, timed one by one in a fresh process: imports, the write session's copy and
open, schema check, the file read in the session, the writes, the snapshot refresh, the
checkpoint and the rename), and the snapshot refresh of the whole country against the one
limited to the commune a write touched (``etl.store.refresh_derived``).
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


def _child(step: str, *args: object, what: str) -> dict | list:
    """``python -m bench.upload STEP ARGS…`` in a fresh process; its last stdout line (JSON)."""
    proc = subprocess.run([sys.executable, "-m", "bench.upload", step, *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# The analyst's command in a fresh process: ``python -m etl load FILE --db DB`` (what
# ``etl/__main__.py`` runs), plus the process's peak RSS (VmHWM: ``ru_maxrss`` of a child
# carries its parent's size across execve) and the moment ``main`` returned, so that reading
# them adds nothing to the wall time.
_CLI_CHILD = """
import sys, time
from etl.cli import main
code = main(sys.argv[1:])
end = time.perf_counter()
with open('/proc/self/status', encoding='ascii') as f:
    peak = next(int(x.split()[1]) / 1024 for x in f if x.startswith('VmHWM:'))
import json
print(json.dumps({'code': code, 'end': end, 'peak_rss_mb': peak}))
sys.exit(code)
"""


def cli_runs(national_db: Path, work: Path, runs: int, file: Path = SMALL_FILE) -> dict:
    import duckdb
    walls, rss = [], []
    db = work / "upload-national.duckdb"
    for _ in range(runs):
        for old in (db, db.with_name(db.name + ".wal")):
            old.unlink(missing_ok=True)
        shutil.copyfile(national_db, db)
        t = time.perf_counter()  # CLOCK_MONOTONIC: the same clock in the child
        proc = subprocess.run([sys.executable, "-c", _CLI_CHILD, "load", str(file), "--db",
                               str(db)], cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"etl load failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
        child = json.loads(proc.stdout.strip().splitlines()[-1])
        walls.append(child["end"] - t)
        rss.append(child["peak_rss_mb"])
        con = duckdb.connect(str(db), read_only=True)
        refresh = con.execute("SELECT value FROM meta WHERE key = 'derived_refresh'").fetchone()
        con.close()
        refresh = refresh and refresh[0]
    return {"wall_s": walls, "median_s": statistics.median(walls), "peak_rss_mb": rss,
            "median_rss_mb": statistics.median(rss), "refresh": refresh}


def phases(national_db: Path, work: Path, file: Path = SMALL_FILE) -> list[dict]:
    """Each step of one `etl load`, timed in a fresh process, with the peak RSS it reached."""
    db = work / "upload-phases.duckdb"
    shutil.copyfile(national_db, db)
    return _child("phases", db, file, what="phases")


def _child_phases(db_s: str, file_s: str) -> int:
    """The calls ``etl.cli.cmd_load`` makes for one file, in its order, each timed (the
    write session's steps as ``etl.store.write_session`` makes them; the file is read inside
    the session, as cmd_load does for a few files)."""
    t0 = time.perf_counter()
    import duckdb
    t_duckdb = time.perf_counter()
    from bench.timing import peak_rss_mb, reset_peak_rss
    t_bench = time.perf_counter()
    from etl.cli import _remembered_in, understand_file
    from etl.load import load_many, sync_catalog
    from etl.service import remember_column_roles
    from etl.store import (_before_write, _fsync_dir, _lock, ensure_schema,
                           refresh_after_write, remove_stale_copies)
    t_etl = time.perf_counter()
    out: list[dict] = [{"phase": "Python imports: duckdb", "ms": (t_duckdb - t0) * 1000,
                        "peak_rss_mb": peak_rss_mb()}]
    t = [time.perf_counter() - (t_etl - t_bench)]  # the bench's own imports left out

    def mark(name: str) -> None:
        now = time.perf_counter()
        out.append({"phase": name, "ms": (now - t[0]) * 1000, "peak_rss_mb": peak_rss_mb()})
        reset_peak_rss()
        t[0] = time.perf_counter()

    loaded = sorted(m.split(".")[0] for m in sys.modules
                    if m.split(".")[0] in ("pandas", "numpy", "pyarrow", "openpyxl"))
    mark("Python imports: etl (" + (", ".join(sorted(set(loaded))) or "no pandas, numpy, "
                                    "pyarrow or openpyxl") + ")")
    db, file = Path(db_s), Path(file_s)
    lock_path = db.with_name(db.name + ".lock")
    lock = open(lock_path, "a+")
    _lock(lock, 10)
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    remove_stale_copies(db)
    mark("write lock, stale copies")
    shutil.copyfile(db, tmp)
    mark(f"copy the database file ({db.stat().st_size / 1e6:,.0f} MB)")
    con = duckdb.connect(str(tmp))
    mark("open the copy")
    ensure_schema(con)
    mark("schema check (meta: version and fingerprint)")
    before = _before_write(con)
    mark("datasets' state before the write")
    cat, remembered = _remembered_in(con)
    mark("catalogue, analysts' aliases and column roles")
    from etl.admin_units import load_register
    load_register()
    mark("the register of communes (3,321 units)")
    u = understand_file(file, cat, column_roles=remembered)
    mark("read, parse and validate the workbook")
    sync_catalog(con, cat)
    mark("catalogue + register tables (written only when changed)")
    remember_column_roles(con, {}, [u], user="bench")
    [result] = load_many(con, [u], loaded_by="bench")
    mark(f"write the file's rows ({result.status}: {sum(result.added.values())} rows)")
    how = refresh_after_write(con, before)
    mark(f"progress snapshot refresh ({'the commune the write touched' if how == 'communes' else how})")
    con.execute("CHECKPOINT")
    mark("checkpoint")
    con.close()
    mark("close")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, db)
    _fsync_dir(db.parent)
    lock.close()
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
    sys.exit({"phases": _child_phases, "refresh": _child_refresh}[cmd](*rest))
