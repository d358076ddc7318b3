"""``etl synth --db``: a synthetic database, written by the loader itself.

Each commune's files (:func:`synth.records.understandings`) go through
:func:`etl.load.load_many`, the same call ``etl load`` makes for parsed workbooks, inside one
:func:`etl.store.write_session`: the loader assigns the import and dataset ids, writes the
provenance, the import history and the synthetic flag, exactly as for real files. So the
generator has no column list of its own, and a schema change is made in ``etl/schema.sql``
(or a migration) and ``etl/load.py`` only. The register (``admin_units``) becomes the
generator's own units and ``meta`` says the database is synthetic, both through
:mod:`etl.load` as well.
"""
from __future__ import annotations

import contextlib
import gc
import time
from pathlib import Path

from etl.admin_units import load_register
from etl.catalog import load_catalog
from etl.load import load_many, replace_register, set_meta, sync_catalog
from etl.service import database_is_synthetic
from etl.store import write_session

from .names import communes, synthetic_code
from .plans import DEFAULT_COMMUNES, SYNTH_VERSION, plan_commune
from .records import understandings


@contextlib.contextmanager
def _no_cyclic_gc():
    """A batch is ~100,000 small objects (plans, records, then the loader's rows), none in a
    reference cycle: the cyclic collector would only rescan them (a third of the build's CPU
    time); reference counting frees them batch by batch."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def build_db(db: str | Path, n: int = DEFAULT_COMMUNES, seed: int = 42, *,
             force: bool = False, catalog_dir: str | None = None, batch: int = 400,
             log=None) -> dict:
    """Write a synthetic database at ``db`` (replacing an earlier synthetic one).

    One write session; communes are planned and loaded ``batch`` at a time so memory stays
    flat. Within a batch the files are handed to the loader round by round (every commune's
    plan, then every commune's next report, …), so no two files of one commune share a
    transaction and each round is one transaction of up to ``batch`` files."""
    db = Path(db)
    if db.exists() and not force and not database_is_synthetic(db):
        raise SystemExit(f"{db} đã có dữ liệu thật (không có meta synthetic=true): không ghi "
                         f"đè. Chọn tệp khác hoặc thêm --force.")
    t0 = time.perf_counter()
    catalog = load_catalog(catalog_dir) if catalog_dir else load_catalog()
    units = communes(n, seed)
    for old in (db, db.with_name(db.name + ".wal")):
        old.unlink(missing_ok=True)
    register: list[dict] = []
    pcode = {u.province: u.province_code for u in load_register().units.values()}
    with _no_cyclic_gc(), write_session(db) as con:
        sync_catalog(con, catalog)
        for start in range(0, len(units), batch):
            plans = [plan_commune(i, *units[i], seed, catalog_dir)
                     for i in range(start, min(start + batch, len(units)))]
            files = [understandings(p, catalog, seed) for p in plans]
            rounds = [us[k] for k in range(max(map(len, files), default=0))
                      for us in files if k < len(us)]
            results = load_many(con, rounds, loaded_by="synth", synthetic=True,
                                batch_files=batch)
            bad = [(u.file_name, r.status, r.message) for u, r in zip(rounds, results)
                   if r.status != "loaded"]
            if bad:  # a generated file the loader did not take: never a partial database
                raise RuntimeError(f"synthetic build: {len(bad)} files not loaded, first {bad[0]}")
            register.extend(dict(code=synthetic_code(p.index), name=p.commune, type=p.kind,
                                 province_code=pcode.get(p.province, ""), province=p.province)
                            for p in plans)
        replace_register(con, register)
        set_meta(con, {"synthetic": "true", "synthetic_communes": str(n),
                       "synthetic_seed": str(seed), "synthetic_version": SYNTH_VERSION})
        counts = dict(zip(("targets", "actuals", "budget_lines", "imports", "datasets"),
                          con.execute("SELECT (SELECT count(*) FROM target_rows), "
                                      "(SELECT count(*) FROM actual_rows), "
                                      "(SELECT count(*) FROM budget_rows), "
                                      "(SELECT count(*) FROM imports), "
                                      "(SELECT count(*) FROM datasets)").fetchone()))
    stats = dict(communes=len(units), provinces=len({p for _, p in units}), **counts,
                 seconds=round(time.perf_counter() - t0, 2))
    if log:
        log(stats)
    return stats
