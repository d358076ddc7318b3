"""The import machinery the upload page and the CLI share: review, commit, history, undo.

Review never writes. Commit and undo go through :func:`etl.store.write_session` (atomic,
locked) and :mod:`etl.load` (one transaction per file). Analysts' label choices are stored in
``user_aliases`` in the same session as the import they were made for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import duckdb

from . import problems as P
from .catalog import Catalog, load_catalog
from .load import LoadResult, load_understanding, sync_catalog, undo_import, user_aliases
from .detect import ROLE_NAMES
from .normalize import alias_key, fold
from .pipeline import Understanding, understand
from .read import MAX_FILE_MB, WorkbookData, read_workbook_bytes
from .records import Context
from .store import Discard, write_session

if TYPE_CHECKING:  # imported where a frame is made: `etl load` does not need pandas
    import pandas as pd

LOCAL_CHOICE = ""  # an analyst's "commune-specific" choice is stored as an empty code


def catalog_with_user_aliases(db_path: str | Path | None) -> Catalog:
    catalog = load_catalog()
    if db_path and Path(db_path).exists():
        try:
            con = duckdb.connect(str(db_path), read_only=True)
            try:
                return catalog.with_aliases(user_aliases(con))
            finally:
                con.close()
        except duckdb.Error:
            pass
    return catalog


ColumnRoles = dict[str, dict[str, tuple[str, int | None]]]  # layout -> letter -> (role, year)


def remembered_column_roles(db_path: str | Path | None) -> ColumnRoles:
    """The column roles analysts chose, by table layout (read-only; {} without a database)."""
    if not db_path or not Path(db_path).exists():
        return {}
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return {}
    try:
        return column_roles_of(con)
    finally:
        con.close()


def column_roles_of(con: duckdb.DuckDBPyConnection) -> ColumnRoles:
    """:func:`remembered_column_roles` on a connection already open."""
    try:
        rows = con.execute("SELECT layout_key, column_letter, role, year "
                           "FROM user_column_roles").fetchall()
    except duckdb.Error:  # a database built before the table existed
        rows = []
    out: ColumnRoles = {}
    for layout, letter, role, year in rows:
        out.setdefault(layout, {})[letter] = (role, year)
    return out


def merge_roles(*layers: ColumnRoles | None) -> ColumnRoles:
    """Later layers win, column by column (remembered, then this session's choices)."""
    out: ColumnRoles = {}
    for layer in layers:
        for layout, cols in (layer or {}).items():
            out.setdefault(layout, {}).update(cols)
    return out


def confirmed_roles(u: Understanding) -> ColumnRoles:
    """The roles of the columns the reader doubted, as the analyst confirmed them: remembered
    like a choice, so the next file in the layout is not asked again."""
    out: ColumnRoles = {}
    if not u.confirmed:
        return out
    for t in u.tables:
        for c in t.columns:
            if c.doubt and not c.chosen:
                out.setdefault(t.layout_key, {})[c.letter] = (c.role, c.year)
    return out


def remember_column_roles(con: duckdb.DuckDBPyConnection, roles: ColumnRoles,
                          reviews: list[Understanding], *, user: str) -> int:
    """Store the analyst's column choices for their layouts; returns how many.

    A year is remembered only when the header itself names a year (the layout key then pins
    it): a year chosen for a header without one ('Kết quả') holds for this file only, or next
    year's report in the same layout would be filed under this year."""
    headers = {(t.layout_key, c.letter): c.header for u in reviews for t in u.tables
               for c in t.columns}
    now, n = datetime.now(), 0
    for layout, cols in (roles or {}).items():
        for letter, (role, year) in cols.items():
            header = headers.get((layout, letter), "")
            keep_year = bool(year) and bool(re.search(r"(?<!\d)20\d\d(?!\d)", header))
            con.execute("INSERT OR REPLACE INTO user_column_roles VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [layout, letter, header, role, int(year) if keep_year else None, now,
                         user])
            n += 1
    return n


# --- synthetic workbooks ---------------------------------------------------------------------
# `python -m etl synth --out` writes "DỮ LIỆU MÔ PHỎNG (synthetic): …" into every workbook it
# makes. Such a file must not enter a real database unlabelled: it is refused unless the
# caller allows synthetic data (CLI --synthetic, or an upload into a synthetic database), and
# then it is loaded with synthetic = TRUE so every view that shows it carries the banner.
SYNTHETIC_MARK = "du lieu mo phong"


def synthetic_mark(wb: WorkbookData) -> tuple[str, int, int, str] | None:
    """(sheet, row, column, text) of the first cell that starts with the synthetic mark."""
    for sheet in wb.sheets:
        for r, row in enumerate(sheet.rows):
            for c, v in enumerate(row):
                if isinstance(v, str) and fold(v[:40]).startswith(SYNTHETIC_MARK):
                    return sheet.name, r + 1, c + 1, v
    return None


def check_synthetic(u: Understanding, wb: WorkbookData, allow: bool) -> Understanding:
    """Add the synthetic-mark problem to ``u``: an error (refused) or, when ``allow``, a
    warning that it is loaded labelled synthetic (see :func:`is_synthetic`)."""
    mark = synthetic_mark(wb)
    if mark is not None:
        sheet, row, col, text = mark
        u.problems.append(P.make("file.synthetic_labelled" if allow else "file.synthetic",
                                 file=wb.file_name, sheet=sheet, row=row, col=col,
                                 text=text.split(":")[0].strip()[:60]))
    return u


def is_synthetic(u: Understanding) -> bool:
    """The file carries the synthetic mark and was allowed in: load it with synthetic=TRUE."""
    return any(p.code == "file.synthetic_labelled" for p in u.problems)


def database_is_synthetic(db_path: str | Path | None) -> bool:
    """A database built by `etl synth` or `etl load --synthetic` (meta synthetic = true)."""
    if not db_path or not Path(db_path).exists():
        return False
    try:
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return False
    return bool(row) and str(row[0]).lower() == "true"


def review_bytes(data: bytes, name: str, catalog: Catalog, *, commune: str | None = None,
                 province: str | None = None, year: int | None = None,
                 choices: dict[str, str] | None = None,
                 column_roles: ColumnRoles | None = None, confirm: bool = False,
                 max_file_mb: float | None = None,
                 allow_synthetic: bool = False) -> Understanding:
    """What the ETL understands of one uploaded file; ``choices`` = label -> code decisions,
    ``column_roles`` = column choices by layout, ``confirm`` = the analyst confirmed. A
    workbook marked synthetic is refused unless ``allow_synthetic``."""
    limit = max_file_mb if max_file_mb is not None else MAX_FILE_MB
    if len(data) > limit * 1024 * 1024:
        return Understanding(name, "", Context(), problems=[P.make(
            "file.too_large", file=name, size_mb=f"{len(data) / 1048576:.1f}",
            limit_mb=f"{limit:g}")])
    wb, problems = read_workbook_bytes(data, name)
    if wb is None:
        return Understanding(name, "", Context(), problems=problems)
    if choices:
        catalog = catalog.with_aliases(choices)
    return check_synthetic(understand(wb, catalog, commune=commune or None,
                                      province=province or None, year=year or None,
                                      column_roles=column_roles, confirm=confirm),
                           wb, allow_synthetic)


def labels_needing_review(u: Understanding) -> pd.DataFrame:
    """One row per distinct label that was not mapped with certainty."""
    import pandas as pd
    rows = {}
    for r in [*u.targets, *u.actuals]:
        if r.match_method in ("low_confidence", "local", "fuzzy"):
            key = alias_key(r.label)
            rows.setdefault(key, dict(label=r.label, method=r.match_method,
                                      confidence=r.match_confidence,
                                      suggested_code=r.suggested_code,
                                      sheet=r.prov.source_sheet, row=r.prov.source_row))
    order = {"low_confidence": 0, "local": 1, "fuzzy": 2}
    return pd.DataFrame(sorted(rows.values(), key=lambda d: (order[d["method"]], d["row"])),
                        columns=["label", "method", "confidence", "suggested_code", "sheet",
                                 "row"])


@dataclass
class CommitOutcome:
    file_name: str
    result: LoadResult


def commit(db_path: str | Path, reviews: list[Understanding], *, user: str,
           choices: dict[str, str] | None = None, column_roles: ColumnRoles | None = None,
           progress: Callable[[float, str], None] | None = None) -> list[CommitOutcome]:
    """Load reviewed files (each in its own transaction) and remember the label and column
    choices."""
    outcomes: list[CommitOutcome] = []
    catalog = load_catalog()
    with write_session(db_path) as con:
        sync_catalog(con, catalog)
        now = datetime.now()
        for label, code in (choices or {}).items():
            con.execute("INSERT OR REPLACE INTO user_aliases VALUES (?, ?, ?, ?)",
                        [alias_key(label), code, now, user])
        remember_column_roles(con, column_roles or {}, reviews, user=user)
        for i, u in enumerate(reviews):
            if progress:
                progress(i / max(len(reviews), 1), u.file_name)
            outcomes.append(CommitOutcome(u.file_name, load_understanding(
                con, u, loaded_by=user, synthetic=is_synthetic(u))))
        if any(is_synthetic(u) for u in reviews):
            con.execute("INSERT OR REPLACE INTO meta VALUES ('synthetic', 'true')")
        if progress:
            progress(1.0, "")
        if not choices and not column_roles and \
                not any(o.result.status == "loaded" for o in outcomes) \
                and Path(db_path).exists():
            raise Discard()
    return outcomes


def summary_frame(outcomes: list[CommitOutcome], reviews: list[Understanding]) -> pd.DataFrame:
    """DHIS2-style import summary: rows added / replaced / unchanged / rejected per table."""
    import pandas as pd
    by_name = {u.file_name: u for u in reviews}
    rows = []
    for o in outcomes:
        u = by_name.get(o.file_name)
        counts = u.counts() if u else {}
        for table, kind in (("targets", "targets"), ("actuals", "actuals"),
                            ("budget_lines", "budget")):
            n = counts.get(table, 0)
            if o.result.status == "unchanged":
                added, replaced, same, rejected = 0, 0, n, 0
            elif o.result.status == "rejected":
                added, replaced, same, rejected = 0, 0, 0, n
            else:
                added = o.result.added.get(kind, 0)
                replaced = o.result.replaced.get(kind, 0)
                same = o.result.unchanged.get(kind, 0)
                rejected = 0
            if added or replaced or same or rejected:
                rows.append(dict(file=o.file_name, table=table, added=added, replaced=replaced,
                                 unchanged=same, rejected=rejected, import_id=o.result.import_id,
                                 status=o.result.status))
    return pd.DataFrame(rows, columns=["file", "table", "added", "replaced", "unchanged",
                                       "rejected", "import_id", "status"])


def undo(db_path: str | Path, import_id: int) -> str:
    with write_session(db_path) as con:
        return undo_import(con, import_id)


# --- history (reads) ------------------------------------------------------------------------

def list_imports(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT import_id, loaded_at, loaded_by, file_name, commune, province, status, "
        "n_targets, n_actuals, n_budget, n_replaced, n_warnings, synthetic, sha256, undone_at "
        "FROM imports ORDER BY import_id DESC").df()


def import_rows(con: duckdb.DuckDBPyConnection, import_id: int,
                lang: str = "vi") -> dict[str, pd.DataFrame]:
    """The rows an import added (whether still active or not) and the rows it replaced; its
    stored problems with their messages in ``lang``."""
    out = {}
    for table, cols in (
            ("target_rows", "label, target_year, target_text, op, value_low, value_high, unit, "
                            "indicator_code, lead_unit"),
            ("actual_rows", "label, period, value_text, value, unit, indicator_code"),
            ("budget_rows", "task, plan_year, amount_text, amount_million_vnd, funding_source, "
                            "status")):
        base = (f"SELECT {cols}, source_file, source_sheet, source_row, d.active "
                f"FROM {table} r JOIN datasets d USING (dataset_id) ")
        out[f"{table}:added"] = con.execute(base + "WHERE r.import_id = ? ORDER BY source_sheet, "
                                            "source_row", [import_id]).df()
        out[f"{table}:replaced"] = con.execute(base + "WHERE d.replaced_by = ? ORDER BY "
                                               "source_sheet, source_row", [import_id]).df()
    out["problems"] = stored_problems(con, import_id, lang)
    return out


def stored_problems(con: duckdb.DuckDBPyConnection, import_id: int,
                    lang: str = "vi") -> pd.DataFrame:
    """An import's stored problems, each message rendered in ``lang`` from its code and params
    (a row stored without params, by an earlier release, shows its stored Vietnamese text)."""
    import pandas as pd
    has_params = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'import_problems' "
        "AND column_name = 'params' AND table_schema = current_schema()").fetchone()[0]
    # a database not yet migrated (opened read-only before any write) has no params column
    rows = con.execute(
        "SELECT severity, code, source_sheet, source_row, source_col, message, "
        f"{'params' if has_params else 'NULL'} "
        "FROM import_problems WHERE import_id = ? ORDER BY source_sheet, source_row",
        [import_id]).fetchall()
    return pd.DataFrame(
        [dict(severity=sev, code=code, source_sheet=sheet, source_row=row, source_col=col,
              message=P.render(code, P.params_from_json(params), lang, message or ""))
         for sev, code, sheet, row, col, message, params in rows],
        columns=["severity", "code", "source_sheet", "source_row", "source_col", "message"]
    ).astype({"source_row": "Int64"})


def problems_frame(u: Understanding, lang: str = "vi") -> pd.DataFrame:
    """The problems of a review, worst first, each message in ``lang``."""
    import pandas as pd
    order = {"error": 0, "confirm": 1, "warning": 2, "info": 3}
    rows = sorted(u.problems, key=lambda p: (order[p.severity], p.sheet, p.row or 0))
    frame = pd.DataFrame([dict(severity=p.severity, code=p.code, file=p.file, sheet=p.sheet,
                               row=p.row, column=p.column, message=p.text(lang)) for p in rows],
                         columns=["severity", "code", "file", "sheet", "row", "column", "message"])
    frame["row"] = frame["row"].astype("Int64")  # blank, not "None", for file-level problems
    return frame


def rows_frame(u: Understanding) -> dict[str, pd.DataFrame]:
    """Every row the ETL understood, raw text next to the parsed value."""
    import pandas as pd
    targets = pd.DataFrame([dict(
        sheet=t.prov.source_sheet, row=t.prov.source_row, column=t.prov.source_col,
        label=t.label, year=t.target_year, raw=t.target_text, kind=t.kind, op=t.op,
        low=t.value_low, high=t.value_high, unit=t.unit, indicator_code=t.indicator_code,
        match=t.match_method, confidence=t.match_confidence, pillar=t.pillar,
        lead_unit=t.lead_unit, flags=",".join(t.flags)) for t in u.targets])
    actuals = pd.DataFrame([dict(
        sheet=a.prov.source_sheet, row=a.prov.source_row, column=a.prov.source_col,
        label=a.label, period=a.period, raw=a.value_text, kind=a.kind, op=a.op, value=a.value,
        unit=a.unit, indicator_code=a.indicator_code, match=a.match_method,
        confidence=a.match_confidence, pillar=a.pillar, flags=",".join(a.flags))
        for a in u.actuals])
    budget = pd.DataFrame([dict(
        sheet=b.prov.source_sheet, row=b.prov.source_row, column=b.prov.source_col,
        task=b.task, plan_year=b.plan_year, raw=b.amount_text, amount_million_vnd=
        b.amount_million_vnd, funding_source=b.funding_source, status=b.status,
        lead_unit=b.lead_unit, pillar=b.pillar) for b in u.budget])
    return {"targets": targets, "actuals": actuals, "budget_lines": budget}


def tables_frame(u: Understanding) -> pd.DataFrame:
    """Every column of every table: its role, year/period, confidence and the reason."""
    import pandas as pd
    rows = []
    for t in u.tables:
        for c in t.columns:
            rows.append(dict(sheet=t.sheet, header_rows=f"{t.header_first}-{t.header_last}",
                             kind=", ".join(t.kinds), column=c.letter, header=c.header,
                             role=c.role, role_name=ROLE_NAMES.get(c.role, c.role),
                             year=c.year, period=c.period, unit=c.unit,
                             funding_source=c.funding_source,
                             confidence=round(c.confidence, 2), reason=c.reason,
                             doubt=c.doubt, chosen=c.chosen, layout_key=t.layout_key))
    frame = pd.DataFrame(rows, columns=["sheet", "header_rows", "kind", "column", "header",
                                        "role", "role_name", "year", "period", "unit",
                                        "funding_source", "confidence", "reason", "doubt",
                                        "chosen", "layout_key"])
    frame["year"] = frame["year"].astype("Int64")
    return frame
