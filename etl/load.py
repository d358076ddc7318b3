"""Load: write one understood workbook into the database in one transaction.

Rows are grouped into datasets (commune, province, kind, year). A dataset replaces the active
dataset with the same key from an earlier import; the same file loaded again changes nothing.
Undo reverses an import exactly (its datasets off, the ones it replaced back on).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from . import problems as P
from .catalog import Catalog
from .pipeline import Understanding
from .records import ActualRecord, BudgetRecord, Context, TargetRecord


@dataclass
class LoadResult:
    import_id: int | None
    status: str  # loaded | unchanged | rejected
    added: dict[str, int] = field(default_factory=dict)  # rows new or changed
    replaced: dict[str, int] = field(default_factory=dict)  # earlier rows switched off
    unchanged: dict[str, int] = field(default_factory=dict)  # rows identical to earlier ones
    rejected: int = 0
    message: str = ""


def sync_catalog(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """The catalogue into its tables, each rewritten only when its rows changed (one
    statement per table: ``executemany`` cost ~7 ms a row, 2-4 s for the catalogue)."""
    sync_register(con)
    _replace_if_changed(con, "catalog_pillars", ["code", "sort_order", "name_vi", "name_en"],
                        [(p.code, p.order, p.name_vi, p.name_en)
                         for p in catalog.pillars.values()])
    _replace_if_changed(
        con, "catalog_indicators",
        ["code", "pillar", "name_vi", "name_en", "unit", "direction", "value_type",
         "numerator", "denominator", "scope", "source", "description"],
        [(i.code, i.pillar, i.name_vi, i.name_en, i.unit, i.direction, i.value_type,
          i.numerator, i.denominator, i.scope, i.source, i.description)
         for i in catalog.indicators.values()])
    _replace_if_changed(con, "catalog_aliases",
                        ["alias", "indicator_code", "commune", "source_ref", "scope", "ord"],
                        [(a.alias, a.indicator_code, a.commune, a.source_ref, a.scope, i)
                         for i, a in enumerate(catalog.alias_rows)])
    for key, value in (("catalog_version", catalog.version),
                       ("catalog_effective_date", catalog.effective_date)):
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _replace_if_changed(con: duckdb.DuckDBPyConnection, table: str, columns: list[str],
                        rows: list[tuple]) -> bool:
    """Make ``table``'s rows (in ``columns``) exactly ``rows``; write nothing when they
    already are. Returns whether it wrote."""
    from collections import Counter
    cols = ", ".join(columns)
    if Counter(con.execute(f"SELECT {cols} FROM {table}").fetchall()) == Counter(rows):
        return False
    con.execute(f"DELETE FROM {table}")
    _insert(con, table, [dict(zip(columns, r)) for r in rows])
    return True


def sync_register(con: duckdb.DuckDBPyConnection) -> None:
    """The official register of commune-level units into ``admin_units`` (once per change)."""
    from .admin_units import load_register
    reg = load_register()
    # Only the official rows: a synthetic database's fictional units (synth/) stay.
    n = con.execute("SELECT count(*) FROM admin_units WHERE NOT synthetic").fetchone()[0]
    if n == len(reg) and con.execute(
            "SELECT count(*) FROM admin_units WHERE code = ? AND name = ? AND NOT synthetic",
            [next(iter(reg.units)), next(iter(reg.units.values())).name]).fetchone()[0]:
        return
    con.execute("DELETE FROM admin_units WHERE NOT synthetic")
    units = [dict(code=u.code, name=u.name, type=u.type, province_code=u.province_code,
                  province=u.province) for u in reg.units.values()]
    # in statements of at most SMALL_INSERT_ROWS: a bigger one goes through pyarrow, whose
    # import (with pandas) costs more than the insert (~0.3 s, the first real file loaded
    # into a synthetic database: its register is the generator's, so the official one is new)
    step = SMALL_INSERT_ROWS or len(units) or 1
    for i in range(0, len(units), step):
        _insert(con, "admin_units", units[i:i + step])
    # Rows loaded before the register existed: a commune whose name is a unit of its province
    # gets that unit's code (name and province are unique together in the register).
    for table in ("target_rows", "actual_rows", "budget_rows", "datasets", "imports"):
        con.execute(f"UPDATE {table} SET commune_code = a.code FROM admin_units a "
                    f"WHERE {table}.commune_code IS NULL AND a.name = {table}.commune "
                    f"AND a.province = {table}.province"
                    + ("" if table == "datasets" else f" AND NOT {table}.synthetic"))


def replace_register(con: duckdb.DuckDBPyConnection, units: list[dict]) -> None:
    """Make ``units`` (dicts of code, name, type, province_code, province) the whole register,
    flagged synthetic: a synthetic database's fictional units replace the official list
    (``synth.build``), so the ``coverage`` view works on it as on real data."""
    con.execute("DELETE FROM admin_units")
    _insert(con, "admin_units", [dict(u, synthetic=True) for u in units])


def set_meta(con: duckdb.DuckDBPyConnection, values: dict[str, str]) -> None:
    """Write ``meta`` keys (``synthetic`` = 'true': every view of the data carries the banner)."""
    for key, value in values.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def user_aliases(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT alias, indicator_code FROM user_aliases").fetchall())


# The columns of each base table a file's records fill, in this order (the writer adds
# dataset_id, import_id, synthetic, commune_code and legacy_commune_code). ``period_key``: the
# dataset the row belongs to (targets: the target year; actuals: the period; budget: the plan
# year); it is not a column of the table.
_COLUMNS = {
    "targets": ["period_key", "commune", "province", "indicator_code", "pillar", "label",
                "target_year", "target_text", "value_kind", "op", "value_low", "value_high",
                "unit", "lead_unit", "partner_unit", "section", "line_no", "match_method",
                "match_confidence", "suggested_code", "note", "source_ref", "scope", "flags",
                "source_file", "source_sheet", "source_row", "source_col"],
    "actuals": ["period_key", "commune", "province", "indicator_code", "pillar", "label",
                "period", "period_year", "value", "value_text", "value_kind", "op",
                "value_low", "value_high", "unit", "numerator", "denominator",
                "stated_percent", "assessment", "section", "line_no", "match_method",
                "match_confidence", "suggested_code", "note", "source_ref", "scope", "flags",
                "source_file", "source_sheet", "source_row", "source_col"],
    "budget": ["period_key", "commune", "province", "plan_year", "line_no", "task",
               "objective", "expected_result", "pillar", "lead_unit", "amount_million_vnd",
               "amount_text", "funding_source", "status", "note", "flags", "source_file",
               "source_sheet", "source_row", "source_col"],
}
_PROBLEM_COLUMNS = ["code", "severity", "message", "source_sheet", "source_row", "source_col",
                    "params"]


def _target_row(r: TargetRecord) -> tuple:
    p = r.prov
    return (str(r.target_year), r.commune, r.province, r.indicator_code, r.pillar, r.label,
            r.target_year, r.target_text, r.kind, r.op, r.value_low, r.value_high, r.unit,
            r.lead_unit, r.partner_unit, r.section, r.stt, r.match_method, r.match_confidence,
            r.suggested_code, r.note, r.source_ref, r.scope, _flags(r.flags), p.source_file,
            p.source_sheet, p.source_row, p.source_col)


def _actual_row(r: ActualRecord) -> tuple:
    p = r.prov
    return (r.period, r.commune, r.province, r.indicator_code, r.pillar, r.label, r.period,
            r.period_year, r.value, r.value_text, r.kind, r.op, r.value_low, r.value_high,
            r.unit, r.numerator, r.denominator, r.stated_percent, r.assessment, r.section,
            r.stt, r.match_method, r.match_confidence, r.suggested_code, r.note, r.source_ref,
            r.scope, _flags(r.flags), p.source_file, p.source_sheet, p.source_row,
            p.source_col)


def _budget_row(r: BudgetRecord) -> tuple:
    p = r.prov
    return (str(r.plan_year), r.commune, r.province, r.plan_year, r.line_no, r.task,
            r.objective, r.expected_result, r.pillar, r.lead_unit, r.amount_million_vnd,
            r.amount_text, r.funding_source, r.status, r.note, _flags(r.flags), p.source_file,
            p.source_sheet, p.source_row, p.source_col)


@dataclass
class Packed:
    """One understood file as the writer needs it: its rows as columns (one list per column
    of each base table) instead of record objects. :func:`pack` builds it where the file was
    parsed (etl.ingest's worker processes), so what travels back to the single writer is a
    few lists per file, cheap to send and to append, and the writer's work per row is only
    the ids it assigns. Everything :func:`load_many` decides (refused, unchanged, replaced)
    is decided from it exactly as from the records."""
    file_name: str
    sha256: str
    context: Context
    problems: list[P.Problem]
    ok: bool
    counts: dict[str, int]  # rows per kind (targets, actuals, budget)
    columns: dict[str, dict[str, list]]  # kind -> column -> values, in _COLUMNS order
    problem_columns: dict[str, list]  # import_problems rows (warnings, errors), by column

    @property
    def n_rows(self) -> int:
        return sum(self.counts.values())


def pack(u: "Understanding | Packed") -> Packed:
    """``u``'s rows as columns (see :class:`Packed`); a Packed is returned as it is."""
    if isinstance(u, Packed):
        return u
    columns: dict[str, dict[str, list]] = {}
    for kind, recs, row in (("targets", u.targets, _target_row),
                            ("actuals", u.actuals, _actual_row),
                            ("budget", u.budget, _budget_row)):
        if recs:
            columns[kind] = dict(zip(_COLUMNS[kind], map(list, zip(*map(row, recs)))))
    probs = [(p.code, p.severity, p.message, p.sheet, p.row, p.column, P.params_json(p.params))
             for p in u.problems if p.severity != "info"]
    return Packed(file_name=u.file_name, sha256=u.sha256, context=u.context,
                  problems=u.problems, ok=u.ok,
                  counts={"targets": len(u.targets), "actuals": len(u.actuals),
                          "budget": len(u.budget)},
                  columns=columns,
                  problem_columns=dict(zip(_PROBLEM_COLUMNS, map(list, zip(*probs))))
                  if probs else {})


def _dataset_keys(u: Packed) -> dict[tuple[str, str], int]:
    """(kind, period key) -> rows, in the order the rows first name them."""
    groups: dict[tuple[str, str], int] = {}
    for kind in ("targets", "actuals", "budget"):
        for key in u.columns.get(kind, {}).get("period_key", ()):
            groups[(kind, key)] = groups.get((kind, key), 0) + 1
    return groups


def _record_keys(u: Packed, kind: str, period: str) -> list[tuple]:
    """What makes two rows "the same" (:data:`_ROW_KEY`), for the rows of one dataset."""
    cols = u.columns.get(kind)
    if not cols:
        return []
    names = [c.strip() for c in _ROW_KEY[kind].split(",")]
    return [tuple(k) for pk, *k in zip(cols["period_key"], *(cols[c] for c in names))
            if pk == period]


def load_understanding(con: duckdb.DuckDBPyConnection, u: Understanding | Packed, *,
                       loaded_by: str = "cli", synthetic: bool = False) -> LoadResult:
    """Insert one workbook's rows in one transaction. Refuses a workbook with errors.

    An error while writing rolls the transaction back and propagates."""
    return _load_batch(con, [u], loaded_by=loaded_by, synthetic=synthetic)[0]


# Files per transaction in :func:`load_many`: big enough that the per-statement cost of DuckDB
# (~5 ms an INSERT, a few ms a COMMIT) is paid a few times per thousand files, small enough
# that the rows of one batch stay a few tens of MB in memory.
BATCH_FILES = 200


def load_many(con: duckdb.DuckDBPyConnection, us: list[Understanding | Packed], *,
              loaded_by: str = "cli", synthetic: bool = False,
              batch_files: int = BATCH_FILES) -> list[LoadResult]:
    """Load several workbooks, a batch of files per transaction; one import per file.

    Each file stays all-or-nothing. A file with errors is refused before anything is written.
    Two files for the same commune never share a batch (the later one sees the earlier one,
    exactly as when they are loaded one by one). If writing a batch fails, the batch is rolled
    back and its files are written again one transaction each: the file at fault is reported
    ``rejected`` with the database's message and loads nothing; the others load.
    ``us``: understood files, or the same packed (:func:`pack`) where they were parsed."""
    results: list[LoadResult] = []
    batch: list[Understanding] = []
    seen: set[tuple] = set()

    def flush() -> None:
        if batch:
            results.extend(_load_batch_or_each(con, batch, loaded_by, synthetic))
        batch.clear()
        seen.clear()

    for u in map(pack, us):
        key = (u.context.commune, u.context.province)
        if key in seen or len(batch) >= batch_files:
            flush()
        batch.append(u)
        seen.add(key)
    flush()
    return results


def _load_batch_or_each(con, batch: list[Packed], loaded_by: str,
                        synthetic: bool) -> list[LoadResult]:
    try:
        return _load_batch(con, batch, loaded_by=loaded_by, synthetic=synthetic)
    except Exception as e:  # noqa: BLE001 - rolled back; reported per file below
        if len(batch) == 1:
            return [_failed(batch[0], e)]
    out = []
    for u in batch:  # the batch was rolled back: one transaction per file finds the culprit
        try:
            out.append(_load_batch(con, [u], loaded_by=loaded_by, synthetic=synthetic))
        except Exception as e:  # noqa: BLE001 - rolled back; reported as this file's failure
            out.append([_failed(u, e)])
    return [r for rs in out for r in rs]


def _failed(u: Packed, e: Exception | None = None) -> LoadResult:
    why = str(e).splitlines()[0] if e else "lỗi cơ sở dữ liệu"
    return LoadResult(None, "rejected", rejected=u.n_rows,
                      message=f"Ghi vào cơ sở dữ liệu thất bại ({why}): tệp không được nạp, "
                              f"không ghi gì từ tệp này.")


def _load_batch(con: duckdb.DuckDBPyConnection, us: list[Understanding | Packed], *,
                loaded_by: str, synthetic: bool) -> list[LoadResult]:
    """Write the good files of ``us`` (distinct communes) in one transaction."""
    us = [pack(u) for u in us]
    results: list[LoadResult | None] = [None] * len(us)
    for i, u in enumerate(us):
        if not u.ok:
            results[i] = LoadResult(
                None, "rejected", rejected=u.n_rows,
                message="Tệp có lỗi: không ghi gì vào cơ sở dữ liệu.")
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        keys = [(us[i].sha256, us[i].context.commune, us[i].context.province) for i in todo]
        existing = {(s, c, p): imp for s, c, p, imp in _query_with(
            con, "SELECT k.sha256, k.commune, k.province, min(i.import_id) FROM imports i "
                 "JOIN _keys k USING (sha256, commune, province) WHERE i.status = 'active' "
                 "GROUP BY ALL", "_keys", ["sha256", "commune", "province"], keys)}
        for i, k in zip(todo, keys):
            if k in existing:
                results[i] = LoadResult(existing[k], "unchanged",
                                        message="Tệp này đã được nạp trước đó: không thay đổi gì.")
        todo = [i for i in todo if results[i] is None]
    if not todo:
        return results
    groups = {i: _dataset_keys(us[i]) for i in todo}
    con.execute("BEGIN TRANSACTION")
    try:
        places = sorted({(us[i].context.commune, us[i].context.province) for i in todo})
        active: dict[tuple, list[int]] = {}
        for c, p, k, per, ids in _query_with(
                con, "SELECT d.commune, d.province, d.kind, d.period_key, list(d.dataset_id) "
                     "FROM datasets d JOIN _places x USING (commune, province) WHERE d.active "
                     "GROUP BY ALL", "_places", ["commune", "province"], places):
            active[(c, p, k, per)] = ids
        import_ids = _nextvals(con, "import_seq", len(todo))
        dataset_ids = _nextvals(con, "dataset_seq", sum(len(groups[i]) for i in todo))
        # Rows of the datasets a file replaces, to count what is unchanged.
        old_rows: dict[int, list[tuple]] = {}
        replaced_by: list[tuple[int, int, str]] = []  # (dataset_id, import_id, kind)
        for i, imp in zip(todo, import_ids):
            ctx = us[i].context
            for kind, period in groups[i]:
                for ds in active.get((ctx.commune, ctx.province, kind, period), []):
                    replaced_by.append((ds, imp, kind))
        for kind, table in _TABLE.items():
            ids = [ds for ds, _, k in replaced_by if k == kind]
            if ids:
                for row in con.execute(f"SELECT dataset_id, {_ROW_KEY[kind]} FROM {table} "
                                       f"WHERE dataset_id IN (SELECT unnest(?))",
                                       [ids]).fetchall():
                    old_rows.setdefault(row[0], []).append(row[1:])
        if replaced_by:
            _with(con, "_replaced", ["dataset_id", "import_id"], [r[:2] for r in replaced_by],
                  "UPDATE datasets SET active = FALSE, replaced_by = r.import_id "
                  "FROM _replaced r WHERE datasets.dataset_id = r.dataset_id",
                  types=["INTEGER", "INTEGER"])
        rows = _Rows()
        ds_iter = iter(dataset_ids)
        now = datetime.now()
        for i, import_id in zip(todo, import_ids):
            u, ctx = us[i], us[i].context
            syn = synthetic or ctx.synthetic  # a generated workbook says so itself
            code = ctx.commune_code or None  # official unit (None: a fictional commune)
            legacy = ctx.legacy_code or None
            added: dict[str, int] = {}
            replaced: dict[str, int] = {}
            unchanged: dict[str, int] = {}
            ids: dict[tuple[str, str], int] = {}
            for (kind, period), n in groups[i].items():
                old_keys = [k for ds in active.get((ctx.commune, ctx.province, kind, period), [])
                            for k in old_rows.get(ds, [])]
                same = _count_same(old_keys, _record_keys(u, kind, period)) if old_keys else 0
                if old_keys:
                    replaced[kind] = len(old_keys) - same
                    unchanged[kind] = same
                ids[(kind, period)] = next(ds_iter)
                added[kind] = added.get(kind, 0) + n - unchanged.get(kind, 0)
            rows.add("datasets", dict(
                dataset_id=[ids[k] for k in groups[i]], import_id=[import_id] * len(groups[i]),
                commune=[ctx.commune] * len(groups[i]), province=[ctx.province] * len(groups[i]),
                kind=[k for k, _ in groups[i]], period_key=[p for _, p in groups[i]],
                active=[True] * len(groups[i]), replaced_by=[None] * len(groups[i]),
                commune_code=[code] * len(groups[i])))
            for kind, cols in u.columns.items():
                n = len(cols["period_key"])
                rows.add(_TABLE[kind], dict(
                    dataset_id=[ids[(kind, k)] for k in cols["period_key"]],
                    import_id=[import_id] * n,
                    **{c: v for c, v in cols.items() if c != "period_key"},
                    synthetic=[syn] * n, commune_code=[code] * n,
                    legacy_commune_code=[legacy] * n))
            pc = u.problem_columns
            if pc:
                rows.add("import_problems", dict(import_id=[import_id] * len(pc["code"]), **pc))
            rows.add("imports", dict(
                import_id=[import_id], file_name=[u.file_name], sha256=[u.sha256],
                loaded_at=[now], loaded_by=[loaded_by], commune=[ctx.commune],
                province=[ctx.province], status=["active"], n_targets=[u.counts["targets"]],
                n_actuals=[u.counts["actuals"]], n_budget=[u.counts["budget"]],
                n_replaced=[sum(replaced.values())],
                n_warnings=[sum(1 for s in pc.get("severity", ()) if s == "warning")],
                synthetic=[syn], undone_at=[None], commune_code=[code],
                legacy_commune_code=[legacy]))
            results[i] = LoadResult(import_id, "loaded", added=added, replaced=replaced,
                                    unchanged=unchanged)
        for table, columns in rows.tables.items():
            _insert(con, table, columns)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return results


_TABLE = {"targets": "target_rows", "actuals": "actual_rows", "budget": "budget_rows"}


class _Rows:
    """Collects the rows of a batch per table, one list per column, written in one statement
    per table at the end."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, list]] = {}

    def add(self, table: str, columns: dict[str, list]) -> None:
        into = self.tables.get(table)
        if into is None:
            self.tables[table] = {c: list(v) for c, v in columns.items()}
            return
        for c, v in columns.items():
            into[c].extend(v)


def _nextvals(con: duckdb.DuckDBPyConnection, seq: str, n: int) -> list[int]:
    if n == 0:
        return []
    return [r[0] for r in con.execute(f"SELECT nextval('{seq}') FROM range(?)", [n]).fetchall()]


def _relation(name: str, columns: list[str], types: list[str]) -> str:
    """A CTE naming parameter lists as a table: ``name(columns)`` from one list per column."""
    cols = ", ".join(f"unnest(?::{t}[]) AS {c}" for c, t in zip(columns, types))
    return f"WITH {name} AS (SELECT {cols}) "


def _with(con, name: str, columns: list[str], rows: list[tuple], sql: str,
          types: list[str] | None = None):
    """Run ``sql`` with ``rows`` visible as a table ``name`` (lists bound as parameters: no
    f-strings of data, and no pyarrow/pandas import for a small write)."""
    types = types or ["VARCHAR"] * len(columns)
    return con.execute(_relation(name, columns, types) + sql,
                       [[r[i] for r in rows] for i in range(len(columns))])


def _query_with(con, sql: str, name: str, columns: list[str], rows: list[tuple]) -> list[tuple]:
    return _with(con, name, columns, rows, sql).fetchall()


# What makes two rows "the same" when a corrected file replaces an earlier one.
_ROW_KEY = {
    "targets": "label, target_year, target_text, lead_unit",
    "actuals": "label, period, value_text",
    "budget": "task, amount_text, funding_source, status",
}


def _record_key(kind: str, r) -> tuple:
    if kind == "targets":
        return (r.label, r.target_year, r.target_text, r.lead_unit)
    if kind == "actuals":
        return (r.label, r.period, r.value_text)
    return (r.task, r.amount_text, r.funding_source, r.status)


def _count_same(old: list[tuple], new: list[tuple]) -> int:
    from collections import Counter
    return sum((Counter(old) & Counter(new)).values())


class UndoBlocked(ValueError):
    """An import whose data later imports replaced: those must be undone first. The message
    is Vietnamese (CLI); ``import_id`` and ``later`` let the upload page say it in its
    language."""

    def __init__(self, import_id: int, later: list[int]):
        self.import_id, self.later = import_id, later
        ids = ", ".join(map(str, later))
        super().__init__(f"Dữ liệu của lượt nạp {import_id} đã bị lượt nạp {ids} thay thế: "
                         f"hãy hoàn tác lượt {ids} trước.")


def undo_import(con: duckdb.DuckDBPyConnection, import_id: int) -> str:
    """Reverse an import: its datasets off, the datasets it replaced back on."""
    row = con.execute("SELECT status FROM imports WHERE import_id = ?", [import_id]).fetchone()
    if row is None:
        raise ValueError(f"Không có lượt nạp số {import_id}.")
    if row[0] == "undone":
        return "Lượt nạp này đã được hoàn tác trước đó."
    later = con.execute(
        "SELECT DISTINCT replaced_by FROM datasets WHERE import_id = ? AND replaced_by IS NOT NULL",
        [import_id]).fetchall()
    if later:
        raise UndoBlocked(import_id, [r[0] for r in later])
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE datasets SET active = FALSE WHERE import_id = ?", [import_id])
        con.execute("UPDATE datasets SET active = TRUE, replaced_by = NULL WHERE replaced_by = ?",
                    [import_id])
        con.execute("UPDATE imports SET status = 'undone', undone_at = ? WHERE import_id = ?",
                    [datetime.now(), import_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return "Đã hoàn tác."


def _flags(flags: list[str]) -> str:
    return ",".join(flags)


# Up to this many rows an insert binds one list per column (no pyarrow, hence no pandas
# import: a third of a one-file CLI load); above it an Arrow table is faster.
SMALL_INSERT_ROWS = 2000


def _insert(con: duckdb.DuckDBPyConnection, table: str,
            rows: list[dict] | dict[str, list]) -> None:
    """Insert rows in one statement: dicts with the same keys, or one list per column."""
    if not rows:
        return
    columns = rows if isinstance(rows, dict) else {c: [r[c] for r in rows] for c in rows[0]}
    names = list(columns)
    n = len(columns[names[0]])
    if not n:
        return
    cols = ", ".join(f'"{c}"' for c in names)
    if n <= SMALL_INSERT_ROWS:
        # the table the INSERT below resolves (pragma_table_info: ~1 ms, where a query of
        # information_schema.columns took 10-90 ms on the national database)
        types = dict(con.execute("SELECT name, type FROM pragma_table_info(?)",
                                 [table]).fetchall())
        con.execute(_relation("_frame", names, [types[c] for c in names])
                    + f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _frame",
                    [columns[c] for c in names])
        return
    import pyarrow as pa  # imported here: it imports pandas (~0.4 s), needed for big writes only
    frame = pa.Table.from_pydict(columns)
    con.register("_frame", frame)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _frame")
    finally:
        con.unregister("_frame")


def problems_json(u: Understanding) -> str:
    return json.dumps([p.as_dict() for p in u.problems], ensure_ascii=False)


def flags_as_before(con: duckdb.DuckDBPyConnection, before: str) -> None:
    """The datasets' active flags put back as the table ``before`` (dataset_id, active)
    recorded them, the datasets added since switched off: for a question about the state
    before a write (``etl.store._as_of_moved``), inside a transaction the caller rolls back.
    ``before`` is a name from etl.store, never from a file."""
    con.execute(f"UPDATE datasets SET active = b.active FROM {before} b "
                "WHERE datasets.dataset_id = b.dataset_id "
                "AND datasets.active IS DISTINCT FROM b.active")
    con.execute(f"UPDATE datasets SET active = FALSE WHERE dataset_id NOT IN "
                f"(SELECT dataset_id FROM {before})")


def write_normalised(con: duckdb.DuckDBPyConnection, table: str, raw_col: str, norm_col: str,
                     mapping: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Set ``norm_col`` from ``raw_col`` by the (raw, normalised) pairs of
    :func:`etl.spellings.fill_normalised`, only where it differs; returns the (commune,
    province) keys of the rows changed (so a refresh limited to touched communes includes a
    commune whose spelling the alias tables now know). The table and column names come from
    etl.spellings.COLUMNS, never from a file."""
    con.execute("CREATE OR REPLACE TEMP TABLE _spelling_map AS SELECT "
                "unnest(?::VARCHAR[]) AS raw, unnest(?::VARCHAR[]) AS norm",
                [[r for r, _ in mapping], [n for _, n in mapping]])
    rows = con.execute(f"""
        UPDATE {table} SET {norm_col} = m.norm FROM _spelling_map m
        WHERE {table}.{raw_col} = m.raw AND {table}.{norm_col} IS DISTINCT FROM m.norm
        RETURNING {table}.commune, {table}.province
        """).fetchall()
    con.execute("DROP TABLE _spelling_map")
    return {(c, p) for c, p in rows}
