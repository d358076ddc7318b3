"""Workbook ingest: generated workbooks → one DuckDB file, through the real ETL.

The ingest is ``etl load``'s own path (``etl.ingest.load_files``): parsing (sniff, calamine,
find tables, parse, map, validate, packing the rows as columns) in a process pool over the
machine's cores; the parent writes the packed files a batch per transaction in one write
session, fed as results arrive, so writing overlaps parsing. Every run starts from an empty
database. Besides the wall time a run reports the CPU seconds of the writer and of the
parsing processes: on 2 shared cores the wall time follows the machine's load, the CPU
split says where the work is.
"""
from __future__ import annotations

import multiprocessing as mp
import shutil
import time
from pathlib import Path

import synth

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
    from etl.load import pack
    return pack(understand_file(Path(path), _CATALOG, synthetic=True))  # generated; as etl load


def ingest_once(files: list[Path], db: Path, jobs: int, reader: str = "auto") -> dict:
    """``etl load`` of ``files`` into a fresh ``db`` (etl.ingest.load_files: parse on ``jobs``
    processes, write a batch of files per transaction as they are parsed)."""
    from etl.catalog import load_catalog
    from etl.ingest import load_files

    import os
    import resource

    def cpu(who) -> float:
        r = resource.getrusage(who)
        return r.ru_utime + r.ru_stime

    for old in (db, db.with_name(db.name + ".wal")):
        old.unlink(missing_ok=True)
    marks: list[float] = []
    load_before = os.getloadavg()[0]
    c_self, c_children = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    outcomes, _ = load_files(db, files, load_catalog(), jobs=jobs, loaded_by="bench",
                             synthetic=True, reader=reader,
                             on_batch=lambda n: marks.append(time.perf_counter()))
    t_end = time.perf_counter()
    loaded = [o for o in outcomes if o.result.status == "loaded"]
    return dict(seconds=t_end - t0, commit_seconds=t_end - marks[-1] if marks else 0.0,
                # CPU seconds: the writer (this process: batches, the session's end, DuckDB's
                # threads) and the parsing processes (reaped when the pool closes)
                writer_cpu=cpu(resource.RUSAGE_SELF) - c_self,
                parsers_cpu=cpu(resource.RUSAGE_CHILDREN) - c_children,
                load_average=(load_before, os.getloadavg()[0]),
                workbooks=len(files), loaded=len(loaded),
                rejected=sum(1 for o in outcomes if o.result.status == "rejected"),
                rows=sum(sum(o.result.added.values()) for o in loaded),
                warnings=sum(o.warnings for o in outcomes))


def breakdown(files: list[Path], db: Path, jobs: int) -> dict:
    """Parse alone and load alone, on a sample: where the ingest time goes.

    Parse: the sample on ``jobs`` processes, nothing loaded. Load: the same, already parsed,
    loaded into a fresh database by the main process with nothing else running (batched
    writes, then the end of the session: snapshot refresh, checkpoint, rename)."""
    from etl.catalog import load_catalog
    from etl.load import load_many, sync_catalog
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
        t1 = time.perf_counter()
        load_many(con, understood, loaded_by="bench", synthetic=True)
        t2 = time.perf_counter()
    t3 = time.perf_counter()
    return dict(sample=len(files), parse_seconds=parse_s, load_seconds=t3 - t0,
                write_seconds=t2 - t1, session_end_seconds=t3 - t2)


def _noop(_):
    return None
