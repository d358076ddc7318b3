"""Every SQL statement of the dashboard. Pure functions ``(con, filters, ...) -> DataFrame``.

* User input only ever reaches DuckDB as ``?`` parameters. WHERE clauses are assembled from
  fixed column expressions plus a parameter list (:class:`Where`), the way datasette does;
  :func:`placeholders` writes ``IN (?, ?, …)`` lists.
* Aggregation happens in SQL (GROUP BY, FILTER, window functions): the pages never loop over
  rows, and every list that can grow with the number of communes has a LIMIT (top/bottom N,
  pagination, or a province roll-up).
* ``con`` is a DuckDB cursor whose default database holds the contract views
  (``targets``, ``actuals``, ``budget_lines``, ``progress``) and tables (``imports``,
  ``catalog_pillars``, ``catalog_indicators``, ``import_problems``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from . import status as ST

# A commune is identified by name *and* province (names repeat across provinces).
COMMUNE_KEY = "(commune || ' (' || province || ')')"


def _ckey(alias: str) -> str:
    """The commune key expression over a table alias."""
    return f"({alias}.commune || ' (' || {alias}.province || ')')"
STATUSES = ST.ORDER


def _counts(prefix: str = "") -> str:
    """``count(*) FILTER (WHERE status = 'achieved') AS achieved, …`` for every status, plus
    ``behind`` (not achieved or off track) and ``assessed`` (the denominator of shares).
    Status codes are constants of dashboard.status, never user input."""
    parts = [f"count(*) FILTER (WHERE status = '{c}') AS {prefix}{c}" for c in ST.ORDER]
    parts.append(f"count(*) FILTER (WHERE status IN ({_in(ST.BEHIND)})) AS {prefix}behind")
    parts.append(f"count(*) FILTER (WHERE status IN ({_in(ST.ASSESSED)})) AS {prefix}assessed")
    return ",\n".join(parts)


def _in(codes) -> str:
    return ", ".join(f"'{c}'" for c in codes)


_COALESCED = ", ".join(f"coalesce(a.{c}, 0) AS {c}"
                       for c in (*ST.ORDER, "behind", "assessed"))
NO_PILLAR = "_"  # code shown for targets the ETL could not place in a DTI group


def _this_year() -> int:
    return date.today().year


@dataclass(frozen=True)
class Filters:
    """What the user selected. Hashable (tuples), so it keys ``st.cache_data``.

    target_year None = each commune's current plan: its earliest target year >= ``as_of``,
    or its latest target year when all are earlier.
    communes are keys ``"Xã (Tỉnh)"`` as produced by :func:`commune_key`.
    """
    provinces: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    pillars: tuple[str, ...] = ()
    target_year: int | None = None
    indicator: str | None = None
    as_of: int = field(default_factory=_this_year)

    def with_(self, **kw) -> "Filters":
        return replace(self, **kw)


def commune_key(commune: str, province: str) -> str:
    return f"{commune} ({province})"


def placeholders(n: int) -> str:
    return ", ".join("?" * n) if n else ""


class Where:
    """Collects ``sql`` fragments (fixed text written here) and their ``?`` parameters."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list = []

    def add(self, clause: str, *params) -> "Where":
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def in_(self, expr: str, values) -> "Where":
        values = tuple(values or ())
        if values:
            self.add(f"{expr} IN ({placeholders(len(values))})", *values)
        return self

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def _df(con, sql: str, params: list | tuple = ()) -> pd.DataFrame:
    return con.execute(sql, list(params)).df()


# --------------------------------------------------------------------------- scopes
def _progress_cte(f: Filters, *, year: bool = True, pillar: bool = True,
                  indicator: bool = True) -> tuple[str, list]:
    """CTE ``p``: progress rows in scope, with names, pillar order and a commune key."""
    geo = Where().in_("province", f.provinces).in_(COMMUNE_KEY, f.communes)
    inner = Where()
    if year:
        if f.target_year is not None:
            inner.add("b.target_year = ?", int(f.target_year))
        else:
            inner.add("b.target_year = c.plan_year")
    if pillar and f.pillars:
        _pillar_filter(inner, f.pillars)
    if indicator and f.indicator:
        inner.add("b.indicator_code = ?", f.indicator)
    sql = f"""
    base AS (SELECT * FROM progress WHERE {geo.sql}),
    cur AS (
        SELECT commune, province,
               coalesce(min(target_year) FILTER (WHERE target_year >= ?), max(target_year))
                   AS plan_year
        FROM base GROUP BY commune, province
    ),
    p AS (
        SELECT b.*, {_ckey('b')}
                   AS commune_key,
               b.indicator_code NOT LIKE 'LOCAL.%' AS canonical,
               coalesce(ci.name_vi, b.label) AS indicator_name,
               coalesce(ci.name_en, b.label) AS indicator_name_en,
               coalesce(b.pillar, '{NO_PILLAR}') AS pillar_code,
               cp.name_vi AS pillar_name, cp.name_en AS pillar_name_en,
               coalesce(cp.sort_order, 99) AS pillar_order
        FROM base b
        JOIN cur c ON c.commune = b.commune AND c.province = b.province
        LEFT JOIN catalog_indicators ci ON ci.code = b.indicator_code
        LEFT JOIN catalog_pillars cp ON cp.code = b.pillar
        WHERE {inner.sql}
    )"""
    return sql, [*geo.params, int(f.as_of), *inner.params]


def _pillar_filter(w: Where, pillars: tuple[str, ...]) -> None:
    """DTI groups chosen in the filter; NO_PILLAR stands for rows with no group."""
    codes = tuple(x for x in pillars if x != NO_PILLAR)
    parts = [f"b.pillar IN ({placeholders(len(codes))})"] if codes else []
    if NO_PILLAR in pillars:
        parts.append("b.pillar IS NULL")
    w.add("(" + " OR ".join(parts) + ")", *codes)


def _budget_where(f: Filters, *, pillar: bool = True) -> Where:
    w = Where().in_("b.province", f.provinces).in_(
        _ckey('b'), f.communes)
    if pillar and f.pillars:
        _pillar_filter(w, f.pillars)
    if f.target_year is not None:
        w.add("b.plan_year = ?", int(f.target_year))
    return w


# --------------------------------------------------------------------------- options
def communes(con, f: Filters | None = None) -> pd.DataFrame:
    """Every commune with any active data, for the pickers (ignores the filters)."""
    return _df(con, f"""
        SELECT province, commune, {COMMUNE_KEY} AS commune_key
        FROM (SELECT commune, province FROM targets
              UNION SELECT commune, province FROM actuals
              UNION SELECT commune, province FROM budget_lines)
        WHERE commune IS NOT NULL
        ORDER BY province COLLATE vi, commune COLLATE vi""")


def pillars(con, f: Filters | None = None) -> pd.DataFrame:
    return _df(con, """SELECT code, sort_order, name_vi, name_en FROM catalog_pillars
                       ORDER BY sort_order""")


def target_years(con, f: Filters | None = None) -> pd.DataFrame:
    return _df(con, "SELECT DISTINCT target_year FROM targets WHERE target_year IS NOT NULL "
                    "ORDER BY 1")


def data_info(con, f: Filters) -> pd.DataFrame:
    """Date of the latest import and the files behind the communes in scope."""
    w = Where().add("status = 'active'").in_("province", f.provinces).in_(COMMUNE_KEY,
                                                                         f.communes)
    return _df(con, f"""
        SELECT max(loaded_at) AS loaded_at,
               count(*) AS n_imports,
               coalesce(list(DISTINCT file_name ORDER BY file_name), []) AS files,
               coalesce(bool_or(synthetic), FALSE) AS synthetic
        FROM imports WHERE {w.sql}""", w.params)


# --------------------------------------------------------------------------- overview
def overview_tiles(con, f: Filters) -> pd.DataFrame:
    cte, params = _progress_cte(f)
    bw = _budget_where(f)
    geo = Where().in_("province", f.provinces).in_(COMMUNE_KEY, f.communes)
    # A chosen plan year counts the communes that plan for it (as the targets tile does),
    # not every commune that ever uploaded something.
    com = (f"""SELECT count(*) AS n_communes FROM (
                SELECT DISTINCT commune, province FROM targets WHERE {geo.sql}
                UNION SELECT DISTINCT commune, province FROM actuals WHERE {geo.sql}
                UNION SELECT DISTINCT commune, province FROM budget_lines WHERE {geo.sql})"""
           if f.target_year is None else
           "SELECT count(DISTINCT commune_key) AS n_communes FROM p")
    com_params = [*geo.params, *geo.params, *geo.params] if f.target_year is None else []
    return _df(con, f"""
        WITH {cte},
        t AS (
            SELECT count(*) AS n_targets,
                   count(DISTINCT indicator_code) FILTER (WHERE canonical) AS n_canonical,
                   count(*) FILTER (WHERE status <> 'no_data') AS n_with_result,
                   {_counts("n_")},
                   max(as_of_period) AS as_of_period,
                   count(DISTINCT commune_key) AS n_communes_with_targets,
                   coalesce(bool_or(synthetic), FALSE) AS synthetic_targets
            FROM p
        ),
        bud AS (
            -- NULL, not 0, when the scope has no budget line with an amount: the tile
            -- says "–" (no budget reported), never "0 million VND"
            SELECT sum(amount_million_vnd) AS budget_total,
                   count(*) AS n_budget_lines,
                   coalesce(bool_or(synthetic), FALSE) AS synthetic_budget
            FROM budget_lines b WHERE {bw.sql}
        ),
        com AS ({com})
        SELECT com.n_communes, t.*, bud.budget_total, bud.n_budget_lines,
               t.synthetic_targets OR bud.synthetic_budget AS synthetic,
               CASE WHEN t.n_targets > 0 THEN t.n_with_result / t.n_targets END AS share_reported,
               CASE WHEN t.n_assessed > 0 THEN t.n_achieved / t.n_assessed END AS share_achieved
        FROM t, bud, com""", [*params, *bw.params, *com_params])


def status_matrix(con, f: Filters, level: str = "commune") -> pd.DataFrame:
    """Status counts per (commune or province) x DTI group; every group appears as a column.

    level="province" rolls communes up (for thousands of communes).
    """
    unit = "commune_key" if level == "commune" else "province"
    cte, params = _progress_cte(f)
    pw = Where()
    if f.pillars:
        pw.in_("code", f.pillars)
    return _df(con, f"""
        WITH {cte},
        units AS (SELECT DISTINCT {unit} AS unit FROM p),
        cols AS (
            SELECT code AS pillar_code, sort_order AS pillar_order, name_vi AS pillar_name,
                   name_en AS pillar_name_en FROM catalog_pillars WHERE {pw.sql}
            UNION ALL
            SELECT DISTINCT '{NO_PILLAR}', 99, NULL, NULL FROM p WHERE pillar_code = '{NO_PILLAR}'
        ),
        agg AS (
            SELECT {unit} AS unit, pillar_code,
                   count(*) AS n,
                   {_counts()},
                   count(DISTINCT commune_key) AS n_communes,
                   bool_or(synthetic) AS synthetic
            FROM p GROUP BY ALL
        )
        SELECT u.unit, c.pillar_code, c.pillar_order, c.pillar_name, c.pillar_name_en,
               coalesce(a.n, 0) AS n,
               {_COALESCED},
               coalesce(a.n_communes, 0) AS n_communes,
               CASE WHEN a.assessed > 0 THEN a.achieved / a.assessed END AS share_achieved,
               coalesce(a.synthetic, FALSE) AS synthetic
        FROM units u CROSS JOIN cols c
        LEFT JOIN agg a ON a.unit = u.unit AND a.pillar_code = c.pillar_code
        ORDER BY u.unit COLLATE vi, c.pillar_order""", [*params, *pw.params])


def commune_statuses(con, f: Filters) -> pd.DataFrame:
    """One row per target in scope (commune, province, status): the input of the fair
    rankings (dashboard.rankings / dashboard.province_view), which order the heatmap."""
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT commune, province, commune_key, status FROM p""", params)


# What a chart, a table, an export and the "why this status" panel read: the contract's
# decided columns (shape, direction, threshold, gap and its kind, status and its rule, the
# forecast) and the provenance of both cells. Nothing downstream recomputes them.
_GAP_COLUMNS = """
    target_ref, commune_key, commune, province, indicator_code, indicator_name,
    indicator_name_en, label AS doc_label, pillar_code, pillar_name, pillar_name_en, target_year, target_text,
    target_kind, target_op, target_low, target_high, unit, direction, target_shape,
    threshold, threshold_strict, actual_value, actual_text, actual_kind, actual_op, actual_unit,
    actual_period, actual_year, as_of_period, year_open, status, status_rule, gap, gap_kind,
    forecast_method, forecast_points, forecast_first_period, forecast_last_period,
    forecast_peers, forecast_peer_scope, own_pace, peer_pace, required_pace, forecast_horizon,
    forecast_value, forecast_likelihood, due_date,
    coalesce(nullif(trim(lead_unit), ''), NULL) AS lead_unit,
    coalesce(nullif(trim(lead_unit_norm), ''), NULL) AS lead_unit_norm,
    target_source_file, target_source_sheet, target_source_row, target_source_col,
    actual_source_file, actual_source_sheet, actual_source_row, actual_source_col, synthetic,
    target_scope, target_flags, actual_scope, actual_flags"""

# Worst first, each in its own unit: percentage-point gaps first (largest first), then other
# units by the gap relative to the target (ranks, counts), then "behind" without a number.
_GAP_ORDER = """(gap IS NULL), (coalesce(unit, '') <> '%'),
                CASE WHEN unit = '%' THEN gap ELSE gap / nullif(abs(threshold), 0) END
                    DESC NULLS LAST,
                commune_key COLLATE vi, indicator_code"""


def largest_gaps(con, f: Filters, limit: int = 10) -> pd.DataFrame:
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT {_GAP_COLUMNS}
        FROM p WHERE status IN ({_in(ST.BEHIND)})
        ORDER BY {_GAP_ORDER}
        LIMIT ?""", [*params, int(limit)])


# --------------------------------------------------------------------------- compare
def indicator_options(con, f: Filters) -> pd.DataFrame:
    """Canonical indicators with a target in scope, most widely planned first."""
    cte, params = _progress_cte(f.with_(indicator=None), year=False)
    return _df(con, f"""
        WITH {cte}
        SELECT indicator_code, any_value(indicator_name) AS indicator_name,
               any_value(indicator_name_en) AS indicator_name_en,
               any_value(pillar_code) AS pillar_code, min(pillar_order) AS pillar_order,
               count(DISTINCT commune_key) AS n_communes,
               count(DISTINCT commune_key) FILTER (WHERE status <> 'no_data') AS n_with_result
        FROM p WHERE canonical
        GROUP BY indicator_code
        ORDER BY n_communes DESC, n_with_result DESC, pillar_order, indicator_code""", params)


def compare_indicator(con, f: Filters, per_side: int = 15) -> pd.DataFrame:
    """One indicator: each commune's target and latest result.

    With more than ``2 * per_side`` communes only the ``per_side`` furthest behind and the
    ``per_side`` best placed are returned (``n_total`` says how many there are).
    """
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte},
        r AS (
            SELECT {_GAP_COLUMNS}, target_source_file AS source_file,
                   target_source_sheet AS source_sheet, target_source_row AS source_row,
                   count(*) OVER () AS n_total,
                   row_number() OVER (ORDER BY (status IN ({_in(ST.BEHIND)})) DESC,
                                      gap DESC NULLS LAST,
                                      commune_key COLLATE vi) AS rank_worst,
                   row_number() OVER (ORDER BY (status = 'achieved') DESC, gap ASC NULLS LAST,
                                      commune_key COLLATE vi) AS rank_best
            FROM p WHERE indicator_code = ?
        )
        SELECT * FROM r
        WHERE n_total <= 2 * ? OR rank_worst <= ? OR rank_best <= ?
        ORDER BY rank_worst""",
        [*params, f.indicator or "", int(per_side), int(per_side), int(per_side)])


def compare_indicator_by_province(con, f: Filters) -> pd.DataFrame:
    """One indicator rolled up by province: how many communes achieved / behind / no data."""
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT province AS unit, count(*) AS n,
               {_counts()},
               median(actual_value) AS median_actual, median(threshold) AS median_target,
               bool_or(synthetic) AS synthetic
        FROM p WHERE indicator_code = ?
        GROUP BY province ORDER BY behind DESC, province COLLATE vi""", [*params, f.indicator or ""])


def group_status(con, f: Filters, limit: int = 40) -> pd.DataFrame:
    """A whole DTI group (or all): per indicator, how many communes are in each status."""
    cte, params = _progress_cte(f.with_(indicator=None))
    return _df(con, f"""
        WITH {cte}
        SELECT indicator_code, any_value(indicator_name) AS indicator_name,
               any_value(indicator_name_en) AS indicator_name_en, any_value(pillar_code) AS pillar_code,
               any_value(pillar_name) AS pillar_name, min(pillar_order) AS pillar_order,
               count(*) AS n,
               {_counts()},
               bool_or(synthetic) AS synthetic
        FROM p WHERE canonical
        GROUP BY indicator_code
        ORDER BY n DESC, behind DESC, pillar_order, indicator_code
        LIMIT ?""", [*params, int(limit)])


def ambition(con, f: Filters, limit: int = 60) -> pd.DataFrame:
    """Plans with targets for two years (e.g. 2026 and 2030): first vs last year, per
    commune and indicator. Ignores the year filter (it is about both years)."""
    cte, params = _progress_cte(f.with_(indicator=None), year=False)
    return _df(con, f"""
        WITH {cte},
        multi AS (
            SELECT commune_key, indicator_code, min(target_year) AS y0, max(target_year) AS y1
            FROM p GROUP BY ALL HAVING count(DISTINCT target_year) > 1
        )
        SELECT p0.commune_key, p0.commune, p0.province, p0.indicator_code, p0.indicator_name,
               p0.indicator_name_en, p0.pillar_code, p0.pillar_name, p0.pillar_name_en,
               p0.pillar_order, m.y0, m.y1,
               p0.target_text AS text0, p0.target_kind AS kind0, p0.target_op AS op0,
               p0.target_low AS low0, p0.target_high AS high0, p0.unit AS unit0,
               p0.target_shape AS shape0, p0.threshold AS thr0, p0.direction AS dir0,
               p1.target_shape AS shape1, p1.threshold AS thr1, p1.direction AS dir1,
               p1.target_text AS text1, p1.target_kind AS kind1, p1.target_op AS op1,
               p1.target_low AS low1, p1.target_high AS high1, p1.unit AS unit1,
               p0.actual_value, p0.actual_text, p0.status AS status0,
               p0.target_source_file AS source_file, p0.target_source_sheet AS source_sheet,
               p0.target_source_row AS source_row_y0, p1.target_source_row AS source_row_y1,
               p0.synthetic OR p1.synthetic AS synthetic, count(*) OVER () AS n_total
        FROM multi m
        JOIN p p0 ON p0.commune_key = m.commune_key AND p0.indicator_code = m.indicator_code
                 AND p0.target_year = m.y0
        JOIN p p1 ON p1.commune_key = m.commune_key AND p1.indicator_code = m.indicator_code
                 AND p1.target_year = m.y1
        ORDER BY p0.commune_key COLLATE vi, p0.pillar_order, p0.target_source_row
        LIMIT ?""", [*params, int(limit)])


def progress_rows(con, f: Filters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    """Targets in scope with status and provenance, one page at a time."""
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT {_GAP_COLUMNS}, count(*) OVER () AS n_total
        FROM p
        ORDER BY pillar_order, indicator_code, (status IN ({_in(ST.BEHIND)})) DESC,
                 gap DESC NULLS LAST,
                 commune_key COLLATE vi
        LIMIT ? OFFSET ?""", [*params, int(limit), int(offset)])


def ambition_communes(con, f: Filters, limit: int = 3) -> pd.DataFrame:
    """Communes whose plan sets targets for more than one year, most indicators first."""
    cte, params = _progress_cte(f.with_(indicator=None), year=False)
    return _df(con, f"""
        WITH {cte},
        multi AS (
            SELECT commune_key, indicator_code, min(target_year) AS y0, max(target_year) AS y1
            FROM p GROUP BY ALL HAVING count(DISTINCT target_year) > 1
        )
        SELECT commune_key, min(y0) AS y0, max(y1) AS y1, count(*) AS n_indicators,
               count(*) OVER () AS n_total
        FROM multi GROUP BY commune_key
        ORDER BY n_indicators DESC, commune_key COLLATE vi LIMIT ?""", [*params, int(limit)])


# --------------------------------------------------------------------------- gaps
def gaps_ranked(con, f: Filters, limit: int = 25, offset: int = 0) -> pd.DataFrame:
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT {_GAP_COLUMNS}, count(*) OVER () AS n_total
        FROM p WHERE status IN ({_in(ST.BEHIND)})
        ORDER BY {_GAP_ORDER}
        LIMIT ? OFFSET ?""", [*params, int(limit), int(offset)])


def gap_indicators(con, f: Filters, limit: int = 50) -> pd.DataFrame:
    """Like with like: one row per indicator and unit with targets behind in scope — how
    many communes are behind of how many assessed, and the largest gap (in that unit) with
    its commune and province. Most communes behind first."""
    cte, params = _progress_cte(f.with_(indicator=None))
    return _df(con, f"""
        WITH {cte},
        g AS (
            SELECT indicator_code, coalesce(unit, '') AS unit,
                   any_value(indicator_name) AS indicator_name,
                   any_value(indicator_name_en) AS indicator_name_en,
                   min(pillar_order) AS pillar_order, any_value(pillar_code) AS pillar_code,
                   count(*) AS n,
                   count(*) FILTER (WHERE status IN ({_in(ST.ASSESSED)})) AS n_assessed,
                   count(*) FILTER (WHERE status IN ({_in(ST.BEHIND)})) AS n_behind,
                   max(gap) FILTER (WHERE status IN ({_in(ST.BEHIND)})) AS max_gap,
                   -- the first of those tied at the largest gap in Vietnamese order; the
                   -- others are counted (n_at_max_gap), never dropped silently
                   first(commune ORDER BY gap DESC, province COLLATE vi, commune COLLATE vi)
                       FILTER (WHERE status IN ({_in(ST.BEHIND)}) AND gap IS NOT NULL)
                       AS max_gap_commune,
                   first(province ORDER BY gap DESC, province COLLATE vi, commune COLLATE vi)
                       FILTER (WHERE status IN ({_in(ST.BEHIND)}) AND gap IS NOT NULL)
                       AS max_gap_province,
                   any_value(gap_kind) FILTER (WHERE status IN ({_in(ST.BEHIND)})) AS gap_kind,
                   bool_or(synthetic) AS synthetic
            FROM p GROUP BY indicator_code, coalesce(unit, '')
        ),
        ties AS (  -- how many communes share the largest gap (said, not picked by name)
            SELECT p.indicator_code, coalesce(p.unit, '') AS unit, count(*) AS n_at_max_gap
            FROM p JOIN g ON g.indicator_code = p.indicator_code
                         AND g.unit = coalesce(p.unit, '') AND p.gap = g.max_gap
            WHERE p.status IN ({_in(ST.BEHIND)}) GROUP BY ALL
        )
        SELECT g.*, coalesce(ties.n_at_max_gap, 0) AS n_at_max_gap, count(*) OVER () AS n_total
        FROM g LEFT JOIN ties USING (indicator_code, unit) WHERE n_behind > 0
        ORDER BY n_behind DESC, max_gap DESC NULLS LAST, pillar_order, indicator_code, unit
        LIMIT ?""", [*params, int(limit)])


def gaps_for_indicator(con, f: Filters, unit: str | None = None, limit: int = 25,
                       offset: int = 0) -> pd.DataFrame:
    """Targets behind for one indicator (``f.indicator``) in one unit, largest gap first;
    a behind without a number last. ``gap_rank`` is a "min" rank (equal gaps share it)."""
    cte, params = _progress_cte(f.with_(indicator=None))
    return _df(con, f"""
        WITH {cte},
        r AS (
            SELECT {_GAP_COLUMNS},
                   rank() OVER (ORDER BY gap DESC NULLS LAST) AS gap_rank,
                   count(*) OVER (PARTITION BY gap) AS gap_n_tied,
                   count(*) OVER () AS n_total
            FROM p WHERE status IN ({_in(ST.BEHIND)}) AND indicator_code = ?
              AND coalesce(unit, '') = ?
        )
        SELECT * FROM r ORDER BY gap_rank, province COLLATE vi, commune COLLATE vi
        LIMIT ? OFFSET ?""",
               [*params, f.indicator or "", unit or "", int(limit), int(offset)])


def gaps_by_lead_unit(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    """Who is accountable: status counts per lead unit (đơn vị chủ trì), most behind first.
    One row per unit under its normalised name (``lead_unit_norm``: "Phòng VHXH" and "Phòng
    Văn hóa – Xã hội" are one unit; etl/spellings.py); ``lead_unit_spellings`` lists the
    spellings as written behind it."""
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT coalesce(nullif(trim(lead_unit_norm), ''), NULL) AS lead_unit,
               string_agg(DISTINCT nullif(trim(lead_unit), ''), ' | '
                          ORDER BY nullif(trim(lead_unit), '')) AS lead_unit_spellings,
               count(*) AS n,
               {_counts()},
               count(DISTINCT commune_key) AS n_communes,
               max(gap) FILTER (WHERE status IN ({_in(ST.BEHIND)}) AND unit = '%') AS max_gap_pp,
               bool_or(synthetic) AS synthetic, count(*) OVER () AS n_total
        FROM p GROUP BY 1
        ORDER BY behind DESC, no_data DESC, n DESC, lead_unit NULLS LAST
        LIMIT ?""", [*params, int(limit)])


def coverage_summary(con, f: Filters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    """Per commune: targets, targets with no result, canonical indicators its peers plan but
    it does not, DTI groups with targets but no budget line."""
    cte, params = _progress_cte(f)
    bw = _budget_where(f)
    return _df(con, f"""
        WITH {cte},
        peers AS (SELECT DISTINCT indicator_code FROM p WHERE canonical),
        per AS (
            SELECT commune_key, any_value(commune) AS commune, any_value(province) AS province,
                   count(*) AS n_targets,
                   count(*) FILTER (WHERE status = 'no_data') AS n_no_result,
                   count(DISTINCT indicator_code) FILTER (WHERE canonical) AS n_canonical,
                   count(DISTINCT pillar_code) FILTER (WHERE pillar_code <> '{NO_PILLAR}')
                       AS n_pillars,
                   any_value(target_year) AS target_year,
                   bool_or(synthetic) AS synthetic
            FROM p GROUP BY commune_key
        ),
        bud AS (
            SELECT {_ckey('b')}
                       AS commune_key,
                   count(*) AS n_budget_lines, sum(amount_million_vnd) AS budget_total,
                   count(DISTINCT b.pillar) AS n_budget_pillars
            FROM budget_lines b WHERE {bw.sql} GROUP BY 1
        ),
        nobud AS (
            SELECT p.commune_key, count(DISTINCT p.pillar_code) AS n_pillars_no_budget
            FROM p
            WHERE p.pillar_code <> '{NO_PILLAR}' AND NOT EXISTS (
                SELECT 1 FROM budget_lines b
                WHERE b.commune = p.commune AND b.province = p.province
                  AND b.pillar = p.pillar_code AND {bw.sql})
            GROUP BY 1
        )
        SELECT per.*, (SELECT count(*) FROM peers) - per.n_canonical AS n_missing_canonical,
               coalesce(bud.n_budget_lines, 0) AS n_budget_lines,
               coalesce(bud.budget_total, 0) AS budget_total,
               coalesce(nobud.n_pillars_no_budget, 0) AS n_pillars_no_budget,
               count(*) OVER () AS n_total
        FROM per LEFT JOIN bud USING (commune_key) LEFT JOIN nobud USING (commune_key)
        ORDER BY n_no_result DESC, n_missing_canonical DESC, per.commune_key COLLATE vi
        LIMIT ? OFFSET ?""", [*params, *bw.params, *bw.params, int(limit), int(offset)])


def coverage_missing_targets(con, f: Filters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    """Canonical indicators that other communes in scope plan but this commune does not,
    most widely planned first."""
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte},
        planned AS (
            SELECT indicator_code, any_value(indicator_name) AS indicator_name,
                   any_value(indicator_name_en) AS indicator_name_en,
                   any_value(pillar_code) AS pillar_code, any_value(pillar_name) AS pillar_name,
                   count(DISTINCT commune_key) AS n_communes_planning
            FROM p WHERE canonical GROUP BY indicator_code
        ),
        cm AS (SELECT DISTINCT commune_key, commune, province FROM p),
        missing AS (
            SELECT cm.commune_key, cm.commune, cm.province, pl.*
            FROM cm CROSS JOIN planned pl
            WHERE NOT EXISTS (SELECT 1 FROM p WHERE p.commune_key = cm.commune_key
                                                AND p.indicator_code = pl.indicator_code)
        )
        SELECT *, count(*) OVER () AS n_total FROM missing
        ORDER BY n_communes_planning DESC, indicator_code, commune_key COLLATE vi
        LIMIT ? OFFSET ?""", [*params, int(limit), int(offset)])


def coverage_no_result(con, f: Filters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    cte, params = _progress_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT commune_key, commune, province, indicator_code, indicator_name,
               indicator_name_en, pillar_code, pillar_name, target_year, target_text,
               coalesce(nullif(trim(lead_unit), ''), NULL) AS lead_unit,
               target_source_file AS source_file, target_source_sheet AS source_sheet,
               target_source_row AS source_row, synthetic, count(*) OVER () AS n_total
        FROM p WHERE status = 'no_data'
        ORDER BY commune_key COLLATE vi, pillar_order, target_source_row
        LIMIT ? OFFSET ?""", [*params, int(limit), int(offset)])


def coverage_budget(con, f: Filters, limit: int = 80, offset: int = 0) -> pd.DataFrame:
    """DTI groups in which a commune has targets but no budget line."""
    cte, params = _progress_cte(f)
    bw = _budget_where(f)
    return _df(con, f"""
        WITH {cte},
        g AS (
            SELECT commune_key, any_value(commune) AS commune, any_value(province) AS province,
                   pillar_code, any_value(pillar_name) AS pillar_name,
                   any_value(pillar_name_en) AS pillar_name_en, min(pillar_order) AS pillar_order,
                   count(*) AS n_targets, bool_or(synthetic) AS synthetic
            FROM p WHERE pillar_code <> '{NO_PILLAR}' GROUP BY commune_key, pillar_code
        )
        SELECT g.*, count(*) OVER () AS n_total FROM g
        WHERE NOT EXISTS (
            SELECT 1 FROM budget_lines b
            WHERE b.commune = g.commune AND b.province = g.province
              AND b.pillar = g.pillar_code AND {bw.sql})
        ORDER BY g.commune_key COLLATE vi, g.pillar_order
        LIMIT ? OFFSET ?""", [*params, *bw.params, int(limit), int(offset)])


# --------------------------------------------------------------------------- budget
def _budget_cte(f: Filters) -> tuple[str, list]:
    w = _budget_where(f)
    return f"""
    bl AS (
        SELECT b.*, {_ckey('b')}
                   AS commune_key,
               -- one name per funding source (etl/spellings.py); the raw text stays beside
               coalesce(nullif(trim(b.funding_source_norm), ''),
                        nullif(trim(b.funding_source), '')) AS source_name,
               nullif(trim(b.funding_source), '') AS source_raw,
               coalesce(nullif(trim(b.lead_unit_norm), ''),
                        nullif(trim(b.lead_unit), '')) AS lead_unit_name,
               coalesce(nullif(trim(b.status), ''), NULL) AS status_name,
               coalesce(b.pillar, '{NO_PILLAR}') AS pillar_code,
               cp.name_vi AS pillar_name, cp.name_en AS pillar_name_en,
               coalesce(cp.sort_order, 99) AS pillar_order
        FROM budget_lines b LEFT JOIN catalog_pillars cp ON cp.code = b.pillar
        WHERE {w.sql}
    )""", w.params


# The source files behind an aggregate, as a LIST (one element per file, sorted): rendered
# at display/export time (dashboard/columns.py), never joined into a string and split again
# (a file name may hold a comma).
_FILES = "list(DISTINCT source_file ORDER BY source_file)"


def budget_totals(con, f: Filters) -> pd.DataFrame:
    cte, params = _budget_cte(f)
    geo = Where().in_("province", f.provinces).in_(COMMUNE_KEY, f.communes)
    return _df(con, f"""
        WITH {cte}
        SELECT coalesce(sum(amount_million_vnd), 0) AS total,
               count(*) AS n_lines,
               count(*) FILTER (WHERE amount_million_vnd IS NULL) AS n_no_amount,
               count(DISTINCT commune_key) AS n_communes_with_budget,
               (SELECT count(*) FROM (SELECT DISTINCT commune, province FROM targets
                                      WHERE {geo.sql})) AS n_communes_with_targets,
               count(DISTINCT source_name) AS n_sources,
               coalesce(bool_or(synthetic), FALSE) AS synthetic
        FROM bl""", [*params, *geo.params])


def budget_by_commune(con, f: Filters, limit: int = 25, offset: int = 0,
                      order: str = "total") -> pd.DataFrame:
    """Budget per commune; communes in scope without any budget line are listed with NULL.
    ``order``: "total" (largest first), "total_asc" (smallest first, none first) or "name"
    (province, commune in Vietnamese order); ``position`` numbers the rows in that order, so
    a page of the chart says which rows of how many it shows."""
    cte, params = _budget_cte(f)
    geo = Where().in_("province", f.provinces).in_(COMMUNE_KEY, f.communes)
    return _df(con, f"""
        WITH {cte},
        cm AS (SELECT DISTINCT commune, province FROM targets WHERE {geo.sql}
               UNION SELECT DISTINCT commune, province FROM budget_lines WHERE {geo.sql}),
        agg AS (
            SELECT commune_key, sum(amount_million_vnd) AS total, count(*) AS n_lines,
                   bool_or(synthetic) AS synthetic,
                   {_FILES} AS source_files
            FROM bl GROUP BY commune_key
        )
        SELECT {_ckey('cm')} AS unit, cm.commune, cm.province, agg.total,
               coalesce(agg.n_lines, 0) AS n_lines,
               coalesce(agg.synthetic, FALSE) AS synthetic,
               coalesce(agg.source_files, []) AS source_files,
               count(*) OVER () AS n_total,
               sum(agg.total) OVER () AS grand_total,
               count(agg.total) OVER () AS n_with_budget,
               max(agg.total) OVER () AS max_total,
               row_number() OVER (ORDER BY {_BUDGET_ORDER[order]}) AS position
        FROM cm LEFT JOIN agg ON agg.commune_key = {_ckey('cm')}
        ORDER BY position LIMIT ? OFFSET ?""",
               [*params, *geo.params, *geo.params, int(limit), int(offset)])


# fixed ORDER BY texts of budget_by_commune (the key is checked, never user text)
_BUDGET_ORDER = {
    "total": "agg.total DESC NULLS LAST, cm.province COLLATE vi, cm.commune COLLATE vi",
    "total_asc": "agg.total ASC NULLS FIRST, cm.province COLLATE vi, cm.commune COLLATE vi",
    "name": "cm.province COLLATE vi, cm.commune COLLATE vi"}


def budget_by_province(con, f: Filters, limit: int = 40) -> pd.DataFrame:
    cte, params = _budget_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT province AS unit, sum(amount_million_vnd) AS total, count(*) AS n_lines,
               count(DISTINCT commune_key) AS n_communes, bool_or(synthetic) AS synthetic,
               {_FILES} AS source_files,
               count(*) OVER () AS n_total
        FROM bl GROUP BY province ORDER BY total DESC NULLS LAST, unit COLLATE vi LIMIT ?""",
               [*params, int(limit)])


def budget_by_source(con, f: Filters, limit: int = 12) -> pd.DataFrame:
    cte, params = _budget_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT source_name, sum(amount_million_vnd) AS total, count(*) AS n_lines,
               count(DISTINCT commune_key) AS n_communes, bool_or(synthetic) AS synthetic,
               string_agg(DISTINCT source_raw, ' | ' ORDER BY source_raw) AS source_spellings,
               {_FILES} AS source_files
        FROM bl GROUP BY source_name ORDER BY total DESC NULLS LAST LIMIT ?""",
               [*params, int(limit)])


def budget_by_pillar(con, f: Filters) -> pd.DataFrame:
    """Budget per DTI group; every group is listed (NULL total = no budget line)."""
    cte, params = _budget_cte(f)
    pw = Where()
    if f.pillars:
        pw.in_("code", f.pillars)
    return _df(con, f"""
        WITH {cte},
        agg AS (
            SELECT pillar_code, sum(amount_million_vnd) AS total, count(*) AS n_lines,
                   count(DISTINCT commune_key) AS n_communes, bool_or(synthetic) AS synthetic,
                   {_FILES} AS source_files
            FROM bl GROUP BY pillar_code
        ),
        cols AS (
            SELECT code AS pillar_code, sort_order AS pillar_order, name_vi AS pillar_name,
                   name_en AS pillar_name_en FROM catalog_pillars WHERE {pw.sql}
            UNION ALL
            SELECT '{NO_PILLAR}', 99, NULL, NULL FROM agg WHERE pillar_code = '{NO_PILLAR}'
        )
        SELECT c.pillar_code, c.pillar_name, c.pillar_name_en, c.pillar_order, a.total,
               coalesce(a.n_lines, 0) AS n_lines, coalesce(a.n_communes, 0) AS n_communes,
               coalesce(a.synthetic, FALSE) AS synthetic,
               coalesce(a.source_files, []) AS source_files
        FROM cols c LEFT JOIN agg a USING (pillar_code)
        ORDER BY c.pillar_order""", [*params, *pw.params])


def budget_by_status(con, f: Filters) -> pd.DataFrame:
    cte, params = _budget_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT status_name, sum(amount_million_vnd) AS total, count(*) AS n_lines,
               bool_or(synthetic) AS synthetic
        FROM bl GROUP BY status_name ORDER BY total DESC NULLS LAST""", params)


def budget_lines(con, f: Filters, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    cte, params = _budget_cte(f)
    return _df(con, f"""
        WITH {cte}
        SELECT commune_key, commune, province, plan_year, line_no, task, pillar_code,
               pillar_name, pillar_name_en, lead_unit, lead_unit_name, amount_million_vnd,
               amount_text, source_raw AS funding_source, source_name AS funding_source_norm,
               status_name AS status, note, objective,
               expected_result, source_file, source_sheet, source_row, source_col, synthetic,
               count(*) OVER () AS n_total, sum(amount_million_vnd) OVER () AS grand_total
        FROM bl ORDER BY commune_key COLLATE vi, plan_year, source_file, source_sheet, source_row, source_col
        LIMIT ? OFFSET ?""", [*params, int(limit), int(offset)])


# --------------------------------------------------------------------------- commune profile
def _one_commune(f: Filters) -> Where:
    return Where().add(f"{COMMUNE_KEY} = ?", f.communes[0] if f.communes else "")


def commune_plans(con, f: Filters) -> pd.DataFrame:
    """The documents (imports) behind one commune, with what each contributed."""
    w = _one_commune(f).add("status = 'active'")
    return _df(con, f"""
        SELECT i.import_id, i.file_name, i.loaded_at, i.loaded_by, i.n_targets, i.n_actuals,
               i.n_budget, i.n_warnings, i.synthetic,
               (SELECT string_agg(DISTINCT CAST(target_year AS VARCHAR), ', '
                                  ORDER BY CAST(target_year AS VARCHAR))
                FROM targets t WHERE t.import_id = i.import_id) AS target_years,
               (SELECT string_agg(DISTINCT period, ', ' ORDER BY period)
                FROM actuals a WHERE a.import_id = i.import_id) AS result_periods,
               (SELECT string_agg(DISTINCT CAST(plan_year AS VARCHAR), ', ')
                FROM budget_lines b WHERE b.import_id = i.import_id) AS budget_years
        FROM imports i WHERE {w.sql} ORDER BY i.loaded_at, i.import_id""", w.params)


def commune_targets(con, f: Filters, all_years: bool = True, limit: int = 1000) -> pd.DataFrame:
    """Every target of one commune (all years, or the year in scope), with status and
    provenance. Ignores the province, DTI-group and indicator filters."""
    one = f.with_(communes=f.communes[:1], provinces=(), pillars=(), indicator=None)
    cte, params = _progress_cte(one, year=not all_years)
    return _df(con, f"""
        WITH {cte}
        SELECT {_GAP_COLUMNS}, pillar_order, actual_conflict
        FROM p ORDER BY target_year, pillar_order, target_source_row
        LIMIT ?""", [*params, int(limit)])


def commune_results(con, f: Filters) -> pd.DataFrame:
    w2 = Where().add(f"{_ckey('a')} = ?", f.communes[0] if f.communes else "")
    return _df(con, f"""
        SELECT a.period, a.period_year, a.indicator_code,
               coalesce(ci.name_vi, a.label) AS indicator_name,
               coalesce(ci.name_en, a.label) AS indicator_name_en, a.label,
               a.value_text, a.value, a.unit, a.value_kind, a.assessment,
               a.numerator, a.denominator, a.stated_percent, a.flags,
               coalesce(a.pillar, '{NO_PILLAR}') AS pillar_code, cp.name_vi AS pillar_name,
               a.source_file, a.source_sheet, a.source_row, a.source_col, a.synthetic
        FROM actuals a
        LEFT JOIN catalog_indicators ci ON ci.code = a.indicator_code
        LEFT JOIN catalog_pillars cp ON cp.code = a.pillar
        WHERE {w2.sql}
        ORDER BY a.period_year, a.source_file, a.source_sheet, a.source_row""", w2.params)


# --------------------------------------------------------------------------- slide framing
def data_period(con, f: Filters) -> pd.DataFrame:
    """What period and scope the rows in ``f`` cover, for a chart's subtitle and a pack's
    title slide: plan years, the latest result period, budget years, how many communes and
    provinces (of how many loaded), and whether any of it is synthetic."""
    cte, params = _progress_cte(f)
    bw = _budget_where(f)
    return _df(con, f"""
        WITH {cte},
        r AS (SELECT actual_period, actual_year,
                     actual_year * 10 + CASE WHEN actual_period LIKE '%-Q_'
                         THEN TRY_CAST(right(actual_period, 1) AS INTEGER) ELSE 5 END AS k
              FROM p WHERE actual_period IS NOT NULL)
        SELECT (SELECT min(target_year) FROM p) AS plan_year_min,
               (SELECT max(target_year) FROM p) AS plan_year_max,
               (SELECT arg_max(actual_period, k) FROM r) AS result_period,
               (SELECT min(plan_year) FROM budget_lines b WHERE {bw.sql}) AS budget_year_min,
               (SELECT max(plan_year) FROM budget_lines b WHERE {bw.sql}) AS budget_year_max,
               (SELECT count(DISTINCT commune_key) FROM p) AS n_communes,
               (SELECT count(DISTINCT province) FROM p) AS n_provinces,
               (SELECT count(*) FROM (SELECT DISTINCT commune, province FROM progress))
                   AS n_communes_all,
               (SELECT count(DISTINCT province) FROM progress) AS n_provinces_all,
               (SELECT count(*) FROM p) AS n_targets,
               (SELECT count(*) FILTER (WHERE status <> 'no_data') FROM p) AS n_with_result,
               (SELECT coalesce(bool_or(synthetic), FALSE) FROM p)
                   OR (SELECT coalesce(bool_or(synthetic), FALSE) FROM budget_lines b
                       WHERE {bw.sql}) AS synthetic""", [*params, *bw.params, *bw.params,
                                                         *bw.params])
