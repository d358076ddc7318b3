"""Who has reported: queries on the ``coverage`` view (one row per unit of the register x
year). Pure functions ``(con, filters, ...) -> DataFrame``, parameterised like
:mod:`dashboard.queries`; lists in Vietnamese order (ICU collation, :mod:`dashboard.vn_order`).

The register (``admin_units``) is the denominator: a commune that never uploaded anything is a
row with ``has_plan = has_results = FALSE``, so silence is visible. The province filter
applies; the commune filter applies to the register name ("Xã (Tỉnh)" keys).

``year`` None = the current calendar year (``filters.as_of``), or the filter's target year
when one is chosen.
"""
from __future__ import annotations

import pandas as pd

from .queries import NO_PILLAR, Filters, Where, placeholders
from .vn_order import sql as vi

UNIT_KEY = "(commune || ' (' || province || ')')"
# Which units a list shows: a fixed clause per choice (never user text).
WHICH = {
    "no_plan": "NOT has_plan",
    "no_results": "NOT has_results",
    "silent": "last_import_at IS NULL",  # nothing at all for the year (no plan, results, budget)
    "all": "TRUE",
}


def plan_year(f: Filters | None, year: int | None = None) -> int:
    if year is not None:
        return int(year)
    if f is not None and f.target_year is not None:
        return int(f.target_year)
    return int((f or Filters()).as_of)


def _where(f: Filters | None, year: int | None) -> Where:
    f = f or Filters()
    w = Where().add("plan_year = ?", plan_year(f, year))
    w.in_("province", f.provinces).in_(UNIT_KEY, f.communes)
    return w


def _df(con, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def years(con, f: Filters | None = None) -> pd.DataFrame:
    """The years the coverage view has (present in the data, and the current year), latest
    first."""
    return _df(con, "SELECT DISTINCT plan_year FROM coverage ORDER BY plan_year DESC", [])


def totals(con, f: Filters | None = None, year: int | None = None) -> pd.DataFrame:
    """One row: units in scope and how many have a plan / results / neither for the year."""
    w = _where(f, year)
    return _df(con, f"""
        SELECT ? AS plan_year, count(*) AS n_units,
               count(*) FILTER (WHERE has_plan) AS n_plan,
               count(*) FILTER (WHERE has_results) AS n_results,
               count(*) FILTER (WHERE last_import_at IS NULL) AS n_silent,
               count(*) FILTER (WHERE has_plan AND NOT has_results) AS n_plan_no_results,
               coalesce(bool_or(synthetic), FALSE) AS synthetic
        FROM coverage WHERE {w.sql}""", [plan_year(f, year), *w.params])


def by_province(con, f: Filters | None = None, year: int | None = None) -> pd.DataFrame:
    """Per province (every province of the register in scope, Vietnamese order): units, with
    a plan, with results, silent, and the shares (n beside every share)."""
    w = _where(f, year)
    return _df(con, f"""
        SELECT province, any_value(province_code) AS province_code, count(*) AS n_units,
               count(*) FILTER (WHERE has_plan) AS n_plan,
               count(*) FILTER (WHERE NOT has_plan) AS n_no_plan,
               count(*) FILTER (WHERE has_results) AS n_results,
               count(*) FILTER (WHERE NOT has_results) AS n_no_results,
               count(*) FILTER (WHERE last_import_at IS NULL) AS n_silent,
               count(*) FILTER (WHERE has_plan) / count(*) AS share_plan,
               count(*) FILTER (WHERE has_results) / count(*) AS share_results,
               max(last_import_at) AS last_import_at, bool_or(synthetic) AS synthetic
        FROM coverage WHERE {w.sql}
        GROUP BY province ORDER BY {vi('province')}""", w.params)


def units(con, f: Filters | None = None, year: int | None = None, which: str = "all",
          limit: int | None = None, offset: int = 0) -> pd.DataFrame:
    """The units themselves (province, then commune, Vietnamese order) with what they sent
    for the year. ``which``: no_plan | no_results | silent | all. ``n_total``: rows before
    LIMIT."""
    w = _where(f, year)
    w.add(WHICH[which])
    lim = "" if limit is None else "LIMIT ? OFFSET ?"
    params = w.params + ([int(limit), int(offset)] if limit is not None else [])
    return _df(con, f"""
        SELECT province, commune, unit_type, commune_code, plan_year, has_plan, n_targets,
               n_budget_lines, has_results, latest_period, n_results, last_import_at,
               synthetic, count(*) OVER () AS n_total
        FROM coverage WHERE {w.sql}
        ORDER BY {vi('province')}, {vi('commune')}, commune_code {lim}""", params)


def unregistered(con, f: Filters | None = None) -> pd.DataFrame:
    """Communes with active data that are not in the register (no or unknown commune_code),
    so the coverage counts do not include them: shown, not hidden."""
    f = f or Filters()
    w = Where().add("d.active").add(
        "(d.commune_code IS NULL OR d.commune_code NOT IN (SELECT code FROM admin_units))")
    w.in_("d.province", f.provinces)
    return _df(con, f"""
        SELECT d.province, d.commune, count(DISTINCT d.dataset_id) AS n_datasets
        FROM datasets d WHERE {w.sql}
        GROUP BY d.province, d.commune ORDER BY {vi("d.province")}, {vi("d.commune")}""", w.params)


def commune_ranks(con, f: Filters | None = None, year: int | None = None) -> pd.DataFrame:
    """Per unit of the register with targets for the year (in the chosen DTI groups):
    achieved among assessed and assessed among targets (with n) and its rank within its province
    (:func:`dashboard.rankings.rank`). Progress rows join the register by the commune code of
    their datasets, so a commune that kept a pre-2025 name counts for the unit it joined."""
    from .rankings import rank

    f = f or Filters()
    w = Where().add("p.target_year = ?", plan_year(f, year)).in_("u.province", f.provinces)
    w.in_("(u.name || ' (' || u.province || ')')", f.communes)
    if f.pillars:  # the DTI-group filter, NO_PILLAR = targets without a group
        codes = tuple(x for x in f.pillars if x != NO_PILLAR)
        parts = [f"p.pillar IN ({placeholders(len(codes))})"] if codes else []
        parts += ["p.pillar IS NULL"] if NO_PILLAR in f.pillars else []
        w.add("(" + " OR ".join(parts) + ")", *codes)
    rows = _df(con, f"""
        SELECT u.name AS commune, u.province, p.indicator_code, p.target_year, p.status
        FROM progress p
        JOIN (SELECT DISTINCT commune, province, commune_code FROM datasets
              WHERE active AND kind = 'targets' AND commune_code IS NOT NULL) m
          ON m.commune = p.commune AND m.province = p.province
        JOIN admin_units u ON u.code = m.commune_code
        WHERE {w.sql}""", w.params)
    cols = ["province", "commune", "n_targets", "n_assessed", "n_achieved", "share_achieved",
            "share_assessed", "rank", "rank_n_tied", "rank_all_tied"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    return rank(rows, "commune")[cols]
