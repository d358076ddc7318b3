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
import pyarrow as pa

from .catalog import Catalog
from .pipeline import Understanding
from .records import ActualRecord, BudgetRecord, TargetRecord


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
    sync_register(con)
    con.execute("DELETE FROM catalog_pillars")
    con.executemany("INSERT INTO catalog_pillars VALUES (?, ?, ?, ?)",
                    [(p.code, p.order, p.name_vi, p.name_en) for p in catalog.pillars.values()])
    con.execute("DELETE FROM catalog_indicators")
    con.executemany(
        "INSERT INTO catalog_indicators (code, pillar, name_vi, name_en, unit, direction, "
        "value_type, numerator, denominator, scope, source, description) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(i.code, i.pillar, i.name_vi, i.name_en, i.unit, i.direction, i.value_type,
          i.numerator, i.denominator, i.scope, i.source, i.description)
         for i in catalog.indicators.values()])
    con.execute("DELETE FROM catalog_aliases")
    if catalog.alias_rows:
        con.executemany(
            "INSERT INTO catalog_aliases (alias, indicator_code, commune, source_ref, scope, "
            "ord) VALUES (?, ?, ?, ?, ?, ?)",
            [(a.alias, a.indicator_code, a.commune, a.source_ref, a.scope, i)
             for i, a in enumerate(catalog.alias_rows)])
    for key, value in (("catalog_version", catalog.version),
                       ("catalog_effective_date", catalog.effective_date)):
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def sync_register(con: duckdb.DuckDBPyConnection) -> None:
    """The official register of commune-level units into ``admin_units`` (once per change)."""
    from .admin_units import load_register
    reg = load_register()
    # Only the official rows: a synthetic database's fictional units (etl/synth.py) stay.
    n = con.execute("SELECT count(*) FROM admin_units WHERE NOT synthetic").fetchone()[0]
    if n == len(reg) and con.execute(
            "SELECT count(*) FROM admin_units WHERE code = ? AND name = ? AND NOT synthetic",
            [next(iter(reg.units)), next(iter(reg.units.values())).name]).fetchone()[0]:
        return
    con.execute("DELETE FROM admin_units WHERE NOT synthetic")
    _insert(con, "admin_units", [dict(code=u.code, name=u.name, type=u.type,
                                      province_code=u.province_code, province=u.province)
                                 for u in reg.units.values()])
    # Rows loaded before the register existed: a commune whose name is a unit of its province
    # gets that unit's code (name and province are unique together in the register).
    for table in ("target_rows", "actual_rows", "budget_rows", "datasets", "imports"):
        con.execute(f"UPDATE {table} SET commune_code = a.code FROM admin_units a "
                    f"WHERE {table}.commune_code IS NULL AND a.name = {table}.commune "
                    f"AND a.province = {table}.province"
                    + ("" if table == "datasets" else f" AND NOT {table}.synthetic"))


def user_aliases(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT alias, indicator_code FROM user_aliases").fetchall())


def _dataset_keys(u: Understanding) -> dict[tuple[str, str], list]:
    groups: dict[tuple[str, str], list] = {}
    for t in u.targets:
        groups.setdefault(("targets", str(t.target_year)), []).append(t)
    for a in u.actuals:
        groups.setdefault(("actuals", a.period), []).append(a)
    for b in u.budget:
        groups.setdefault(("budget", str(b.plan_year)), []).append(b)
    return groups


def load_understanding(con: duckdb.DuckDBPyConnection, u: Understanding, *,
                       loaded_by: str = "cli", synthetic: bool = False) -> LoadResult:
    """Insert one workbook's rows in one transaction. Refuses a workbook with errors."""
    if not u.ok:
        return LoadResult(None, "rejected", rejected=len(u.targets) + len(u.actuals) + len(u.budget),
                          message="Tệp có lỗi: không ghi gì vào cơ sở dữ liệu.")
    ctx = u.context
    synthetic = synthetic or ctx.synthetic  # a generated workbook says so itself
    existing = con.execute(
        "SELECT import_id FROM imports WHERE sha256 = ? AND commune = ? AND province = ? "
        "AND status = 'active'", [u.sha256, ctx.commune, ctx.province]).fetchone()
    if existing:
        return LoadResult(existing[0], "unchanged",
                          message="Tệp này đã được nạp trước đó: không thay đổi gì.")
    groups = _dataset_keys(u)
    code = ctx.commune_code or None  # official unit (None: a synthetic, fictional commune)
    unit = dict(commune_code=code, legacy_commune_code=ctx.legacy_code or None)
    con.execute("BEGIN TRANSACTION")
    try:
        import_id = con.execute("SELECT nextval('import_seq')").fetchone()[0]
        added: dict[str, int] = {}
        replaced: dict[str, int] = {}
        unchanged: dict[str, int] = {}
        dataset_ids: dict[tuple[str, str], int] = {}
        active = {(k, p): ids for k, p, ids in con.execute(
            "SELECT kind, period_key, list(dataset_id) FROM datasets WHERE commune = ? "
            "AND province = ? AND active GROUP BY kind, period_key",
            [ctx.commune, ctx.province]).fetchall()}
        new_ids = [r[0] for r in con.execute("SELECT nextval('dataset_seq') FROM range(?)",
                                             [len(groups)]).fetchall()]
        for ds_id, ((kind, period), rows) in zip(new_ids, groups.items()):
            table = {"targets": "target_rows", "actuals": "actual_rows",
                     "budget": "budget_rows"}[kind]
            old_keys: list[tuple] = []
            for ds in active.get((kind, period), []):
                old_keys += con.execute(f"SELECT {_ROW_KEY[kind]} FROM {table} "
                                        f"WHERE dataset_id = ?", [ds]).fetchall()
                con.execute("UPDATE datasets SET active = FALSE, replaced_by = ? "
                            "WHERE dataset_id = ?", [import_id, ds])
            same = _count_same(old_keys, [_record_key(kind, r) for r in rows])
            if old_keys:
                replaced[kind] = len(old_keys) - same
                unchanged[kind] = same
            dataset_ids[(kind, period)] = ds_id
            added[kind] = added.get(kind, 0) + len(rows) - unchanged.get(kind, 0)
        if groups:
            _insert(con, "datasets", [dict(
                dataset_id=dataset_ids[key], import_id=import_id, commune=ctx.commune,
                province=ctx.province, kind=key[0], period_key=key[1], active=True,
                replaced_by=None, commune_code=code) for key in groups])
        _insert_targets(con, u.targets, dataset_ids, import_id, synthetic, unit)
        _insert_actuals(con, u.actuals, dataset_ids, import_id, synthetic, unit)
        _insert_budget(con, u.budget, dataset_ids, import_id, synthetic, unit)
        probs = [p for p in u.problems if p.severity != "info"]
        _insert(con, "import_problems", [dict(
            import_id=import_id, code=p.code, severity=p.severity, message=p.message,
            source_sheet=p.sheet, source_row=p.row, source_col=p.column) for p in probs])
        con.execute(
            "INSERT INTO imports (import_id, file_name, sha256, loaded_at, loaded_by, commune, "
            "province, status, n_targets, n_actuals, n_budget, n_replaced, n_warnings, "
            "synthetic, undone_at, commune_code, legacy_commune_code) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
            [import_id, u.file_name, u.sha256, datetime.now(), loaded_by, ctx.commune,
             ctx.province, len(u.targets), len(u.actuals), len(u.budget),
             sum(replaced.values()), sum(1 for p in probs if p.severity == "warning"), synthetic,
             code, unit["legacy_commune_code"]])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return LoadResult(import_id, "loaded", added=added, replaced=replaced, unchanged=unchanged)


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
        ids = ", ".join(str(r[0]) for r in later)
        raise ValueError(f"Dữ liệu của lượt nạp {import_id} đã bị lượt nạp {ids} thay thế: "
                         f"hãy hoàn tác lượt {ids} trước.")
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


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert rows (dicts with the same keys) in one statement, through an Arrow table."""
    if not rows:
        return
    frame = pa.Table.from_pylist(rows)
    con.register("_frame", frame)
    try:
        cols = ", ".join(f'"{c}"' for c in frame.column_names)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _frame")
    finally:
        con.unregister("_frame")


def _insert_targets(con, rows: list[TargetRecord], ds: dict, import_id: int, synthetic: bool,
                    unit: dict):
    _insert(con, "target_rows", [dict(
        dataset_id=ds[("targets", str(r.target_year))], import_id=import_id, commune=r.commune,
        province=r.province, indicator_code=r.indicator_code, pillar=r.pillar, label=r.label,
        target_year=r.target_year, target_text=r.target_text, value_kind=r.kind, op=r.op,
        value_low=r.value_low, value_high=r.value_high, unit=r.unit, lead_unit=r.lead_unit,
        partner_unit=r.partner_unit, section=r.section, line_no=r.stt,
        match_method=r.match_method, match_confidence=r.match_confidence,
        suggested_code=r.suggested_code, note=r.note, source_ref=r.source_ref, scope=r.scope,
        flags=_flags(r.flags), source_file=r.prov.source_file, source_sheet=r.prov.source_sheet,
        source_row=r.prov.source_row, source_col=r.prov.source_col, synthetic=synthetic, **unit)
        for r in rows])


def _insert_actuals(con, rows: list[ActualRecord], ds: dict, import_id: int, synthetic: bool,
                    unit: dict):
    _insert(con, "actual_rows", [dict(
        dataset_id=ds[("actuals", r.period)], import_id=import_id, commune=r.commune,
        province=r.province, indicator_code=r.indicator_code, pillar=r.pillar, label=r.label,
        period=r.period, period_year=r.period_year, value=r.value, value_text=r.value_text,
        value_kind=r.kind, op=r.op, value_low=r.value_low, value_high=r.value_high, unit=r.unit,
        numerator=r.numerator, denominator=r.denominator, stated_percent=r.stated_percent,
        assessment=r.assessment, section=r.section, line_no=r.stt, match_method=r.match_method,
        match_confidence=r.match_confidence, suggested_code=r.suggested_code, note=r.note,
        source_ref=r.source_ref, scope=r.scope, flags=_flags(r.flags),
        source_file=r.prov.source_file, source_sheet=r.prov.source_sheet,
        source_row=r.prov.source_row, source_col=r.prov.source_col, synthetic=synthetic,
        **unit) for r in rows])


def _insert_budget(con, rows: list[BudgetRecord], ds: dict, import_id: int, synthetic: bool,
                   unit: dict):
    _insert(con, "budget_rows", [dict(
        dataset_id=ds[("budget", str(r.plan_year))], import_id=import_id, commune=r.commune,
        province=r.province, plan_year=r.plan_year, line_no=r.line_no, task=r.task,
        objective=r.objective, expected_result=r.expected_result, pillar=r.pillar,
        lead_unit=r.lead_unit, amount_million_vnd=r.amount_million_vnd,
        amount_text=r.amount_text, funding_source=r.funding_source, status=r.status,
        note=r.note, flags=_flags(r.flags), source_file=r.prov.source_file,
        source_sheet=r.prov.source_sheet, source_row=r.prov.source_row,
        source_col=r.prov.source_col, synthetic=synthetic, **unit) for r in rows])


def problems_json(u: Understanding) -> str:
    return json.dumps([p.as_dict() for p in u.problems], ensure_ascii=False)
