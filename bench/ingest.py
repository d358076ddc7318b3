"""Workbook ingest: generated workbooks → one DuckDB file, through the real ETL.

Parsing (``etl.cli.understand_file``: sniff, openpyxl, find tables, parse, map, validate) runs
in a process pool over the machine's cores; the load stays one write session in the main
process (``etl.store.write_session`` + ``etl.load.load_understanding``, as ``etl load`` does),
fed as results arrive, so loading overlaps parsing. Every run starts from an empty database.
"""
from __future__ import annotations

import multiprocessing as mp
import shutil
import time
from pathlib import Path

from etl import synth

_CATALOG = None


def workbook_dir(root: Path, n: int, seed: int) -> Path:
    return root / f"workbooks-n{n}-s{seed}-v{synth.SYNTH_VERSION}"


def ensure_workbooks(root: Path, n: int, seed: int, jobs: int, log=print) -> list[Path]:
    """The generated workbooks, written once and reused (bench-out/ is not committed)."""
    d = workbook_dir(root, n, seed)
    stamp = d / ".complete"
    if stamp.exists():
        files = sorted(d.glob("*.xlsx"))
        if len(files) == n:
            log(f"  reusing {n} workbooks in {d}")
            return files
    if d.exists():
        shutil.rmtree(d)
    t = time.perf_counter()
    log(f"  writing {n} workbooks to {d} (once; reused by later runs) …")
    files = sorted(synth.write_workbooks(d, n, seed, jobs=jobs))
    stamp.write_text(f"{n} {seed} {synth.SYNTH_VERSION}\n")
    log(f"  wrote {len(files)} workbooks in {time.perf_counter() - t:.1f} s")
    return files


def _init() -> None:
    global _CATALOG
    from etl.catalog import load_catalog
    _CATALOG = load_catalog()


def _understand(path: str):
    from etl.cli import understand_file
    u = understand_file(Path(path), _CATALOG, synthetic=True)  # generated
    u.tables = []  # not needed to load; keeps the pickle back to the parent small
    return u


def ingest_once(files: list[Path], db: Path, jobs: int) -> dict:
    """Parse ``files`` on ``jobs`` processes and load them into a fresh ``db``."""
    from etl.catalog import load_catalog
    from etl.load import load_understanding, sync_catalog
    from etl.store import write_session

    for old in (db, db.with_name(db.name + ".wal")):
        old.unlink(missing_ok=True)
    catalog = load_catalog()
    rows = loaded = rejected = warnings = 0
    load_s = 0.0
    t0 = time.perf_counter()
    ctx = mp.get_context("spawn")  # no fork of a process that may hold DuckDB threads
    with ctx.Pool(jobs, initializer=_init) as pool:
        with write_session(db) as con:
            sync_catalog(con, catalog)
            for u in pool.imap(_understand, [str(f) for f in files], chunksize=8):
                t = time.perf_counter()
                r = load_understanding(con, u, loaded_by="bench", synthetic=True)
                load_s += time.perf_counter() - t
                if r.status == "loaded":
                    loaded += 1
                    rows += sum(r.added.values())
                else:
                    rejected += 1
                warnings += sum(1 for p in u.problems if p.severity == "warning")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('synthetic', 'true')")
            t_commit = time.perf_counter()
        t_end = time.perf_counter()
    return dict(seconds=t_end - t0, load_seconds=load_s, commit_seconds=t_end - t_commit,
                workbooks=len(files), loaded=loaded, rejected=rejected, rows=rows,
                warnings=warnings)


def breakdown(files: list[Path], db: Path, jobs: int) -> dict:
    """Parse alone and load alone, on a sample: where the ingest time goes.

    Parse: the sample on ``jobs`` processes, nothing loaded. Load: the same, already parsed,
    loaded into a fresh database by the main process with nothing else running."""
    from etl.catalog import load_catalog
    from etl.load import load_understanding, sync_catalog
    from etl.store import write_session

    ctx = mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init) as pool:
        pool.map(_noop, range(jobs))  # workers started and warm
        t0 = time.perf_counter()
        understood = list(pool.imap(_understand, [str(f) for f in files], chunksize=8))
        parse_s = time.perf_counter() - t0
    for old in (db, db.with_name(db.name + ".wal")):
        old.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with write_session(db) as con:
        sync_catalog(con, load_catalog())
        for u in understood:
            load_understanding(con, u, loaded_by="bench", synthetic=True)
    load_s = time.perf_counter() - t0
    return dict(sample=len(files), parse_seconds=parse_s, load_seconds=load_s)


def _noop(_):
    return None
