"""Many workbooks at once (``etl load`` with many files, the national ingest).

Parsing (read, detect, parse, map, validate: pure) runs on several processes; the parent
writes the understood files in batches (:func:`etl.load.load_many`: a batch of files per
transaction, one import per file, each file all-or-nothing, a file with errors refused before
anything is written) inside one write session (:func:`etl.store.write_session`: atomic,
crash-safe). Batches are written as they are parsed, so the writer overlaps the parsers and
only one batch of records is held in memory.
"""
from __future__ import annotations

import io
import multiprocessing as mp
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .load import BATCH_FILES, LoadResult, Packed, load_many, pack, sync_catalog
from .store import Discard, derived_stale, write_session

# Below this many files the processes cost more to start (~1 s each) than they save.
MIN_FILES_FOR_PROCESSES = 16
# DuckDB threads of the writer while the parsing processes run: the machine's cores are
# theirs; the writer's inserts are small and its own threads only compete with them.
WRITER_THREADS = 1


@dataclass
class FileOutcome:
    file_name: str
    report: str  # what `etl validate` prints for the file
    result: LoadResult
    warnings: int


def default_jobs() -> int:
    import os
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


_WORKER: dict = {}


def _init(catalog, options: dict) -> None:
    _WORKER["catalog"] = catalog
    _WORKER["options"] = options


def _understand_one(path: str) -> tuple[Packed, str]:
    from .cli import report, understand_file
    opts = _WORKER["options"]
    u = understand_file(Path(path), _WORKER["catalog"], commune=opts["commune"],
                        province=opts["province"], year=opts["year"],
                        synthetic=opts.get("synthetic", False),
                        reader=opts.get("reader", "auto"))
    out = io.StringIO()
    report(u, verbose=opts["verbose"], out=out)
    # The rows travel back to the writer as columns, not as thousands of record objects
    # (unpickling those cost the writer's process ~2.5 ms a file); the tables stay here.
    return pack(u), out.getvalue()


def understand_files(paths: list[Path], catalog, *, commune=None, province=None, year=None,
                     verbose: bool = False, jobs: int | None = None, reader: str = "auto",
                     synthetic: bool = False) -> Iterator[tuple[Packed, str]]:
    """(packed understanding, report text) per file, in the order given (see
    :class:`etl.load.Packed`); on ``jobs`` processes.
    ``reader``: see :func:`etl.read.read_workbook_bytes` ("auto": calamine, openpyxl where
    calamine cannot read a file the same; "openpyxl": openpyxl only, for comparison)."""
    options = dict(commune=commune, province=province, year=year, verbose=verbose,
                   reader=reader, synthetic=synthetic)
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(paths) < MIN_FILES_FOR_PROCESSES:
        _init(catalog, options)
        for p in paths:
            yield _understand_one(str(p))
        return
    ctx = mp.get_context("spawn")  # never fork a process that may hold DuckDB's threads
    with ctx.Pool(jobs, initializer=_init, initargs=(catalog, options)) as pool:
        yield from pool.imap(_understand_one, [str(p) for p in paths], chunksize=4)


def load_files(db: Path, paths: list[Path], catalog, *, commune=None, province=None,
               year=None, verbose: bool = False, jobs: int | None = None,
               loaded_by: str = "cli", synthetic: bool = False,
               batch_files: int = BATCH_FILES, reader: str = "auto",
               on_batch: Callable[[int], None] | None = None
               ) -> tuple[list[FileOutcome], tuple[int, int, int]]:
    """Parse ``paths`` and load the good ones into ``db`` in one write session.

    Returns each file's outcome (in the order given) and the totals of the targets, actuals
    and budget_lines views afterwards. Leaves the live file untouched when nothing loaded."""
    outcomes: list[FileOutcome] = []
    totals = (0, 0, 0)
    parsed = understand_files(paths, catalog, commune=commune, province=province, year=year,
                              verbose=verbose, jobs=jobs, reader=reader, synthetic=synthetic)
    with write_session(db) as con:
        sync_catalog(con, catalog)
        if WRITER_THREADS and jobs != 1 and len(paths) >= MIN_FILES_FOR_PROCESSES:
            con.execute(f"SET threads = {int(WRITER_THREADS)}")
        # No automatic checkpoint after a batch (DuckDB's default: whenever the WAL passes
        # 16 MB, i.e. every few batches here, rewriting the tables' last row groups each
        # time): the session checkpoints once at its end. The session writes a copy of the
        # database that replaces the live file only after that checkpoint, so a crash
        # mid-ingest still leaves the live file as it was.
        con.execute("SET checkpoint_threshold = '1TB'")
        batch: list[tuple[Packed, str]] = []

        def flush() -> None:
            results = load_many(con, [u for u, _ in batch], loaded_by=loaded_by,
                                synthetic=synthetic, batch_files=batch_files)
            for (u, text), r in zip(batch, results):
                outcomes.append(FileOutcome(u.file_name, text, r, sum(
                    1 for p in u.problems if p.severity == "warning")))
            batch.clear()  # the records are written: let them go
            if on_batch:
                on_batch(len(outcomes))

        for item in parsed:
            batch.append(item)
            if len(batch) >= batch_files:
                flush()
        if batch:
            flush()
        con.execute("RESET threads")  # the snapshot refresh at the end has the cores alone
        con.execute("RESET checkpoint_threshold")
        if synthetic:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('synthetic', 'true')")
        totals = con.execute(
            "SELECT (SELECT count(*) FROM targets), (SELECT count(*) FROM actuals), "
            "(SELECT count(*) FROM budget_lines)").fetchone()
        if (not any(o.result.status == "loaded" for o in outcomes) and Path(db).exists()
                and not derived_stale(con)):
            raise Discard()  # nothing new: leave the live file exactly as it is
    return outcomes, totals
