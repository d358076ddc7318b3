"""Read side of the catalogue page (pages/catalog.py): the catalogue as a reviewable reference.

Every function takes a DuckDB cursor and the page's :class:`dashboard.queries.Filters` (only
``pillars`` narrows the catalogue; the catalogue is the same for every commune) and returns a
DataFrame. They run through :func:`dashboard.db.run`, so they are cached per data version.

The link between a catalogue alias and the rows it matched is the alias key of
:func:`etl.normalize.alias_key` (the loader's own lookup), computed here in Python: DuckDB has
no equivalent of that normalisation, and the catalogue is small.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from etl.normalize import alias_key

from .queries import Filters, placeholders

# Source rows shown for one indicator; a national database can hold thousands per code.
MAX_ROWS = 2000


def _pillar_clause(f: Filters | None, col: str) -> tuple[str, list]:
    if f is None or not f.pillars:
        return "", []
    return f" AND {col} IN ({placeholders(len(f.pillars))})", list(f.pillars)


def catalog_version(cur: duckdb.DuckDBPyConnection, f: Filters | None = None) -> pd.DataFrame:
    """One row: version and effective date of the catalogue the database was loaded with."""
    return cur.execute("""
        SELECT max(value) FILTER (WHERE key = 'catalog_version') AS version,
               max(value) FILTER (WHERE key = 'catalog_effective_date') AS effective_date
        FROM meta""").df()


def indicators(cur: duckdb.DuckDBPyConnection, f: Filters | None = None) -> pd.DataFrame:
    """Every indicator with its definition, how many wordings map to it and how many rows."""
    where, params = _pillar_clause(f, "ci.pillar")
    return cur.execute(f"""
        WITH al AS (SELECT indicator_code, count(*) AS n_aliases,
                           count(DISTINCT nullif(scope, '')) AS n_scopes
                    FROM catalog_aliases GROUP BY 1),
        r AS (SELECT indicator_code, count(*) FILTER (WHERE kind = 'target') AS n_targets,
                     count(*) FILTER (WHERE kind = 'actual') AS n_actuals,
                     count(DISTINCT commune || '|' || province) AS n_communes,
                     bool_or(synthetic) AS synthetic
              FROM (SELECT 'target' AS kind, indicator_code, commune, province, synthetic
                    FROM targets
                    UNION ALL
                    SELECT 'actual', indicator_code, commune, province, synthetic FROM actuals)
              GROUP BY 1)
        SELECT ci.code, ci.pillar, p.name_vi AS pillar_vi, p.name_en AS pillar_en,
               ci.name_vi, ci.name_en, ci.unit, ci.direction, ci.value_type,
               ci.numerator, ci.denominator, ci.scope, ci.source, ci.description,
               coalesce(al.n_aliases, 0) AS n_aliases, coalesce(al.n_scopes, 0) AS n_scopes,
               coalesce(r.n_targets, 0) AS n_targets, coalesce(r.n_actuals, 0) AS n_actuals,
               coalesce(r.n_communes, 0) AS n_communes, coalesce(r.synthetic, FALSE) AS synthetic
        FROM catalog_indicators ci
        LEFT JOIN catalog_pillars p ON p.code = ci.pillar
        LEFT JOIN al ON al.indicator_code = ci.code
        LEFT JOIN r ON r.indicator_code = ci.code
        WHERE TRUE{where}
        ORDER BY p.sort_order, ci.code""", params).df()


def _source_rows(cur, code: str | None, limit: int | None) -> pd.DataFrame:
    one = code is not None
    lim = f"LIMIT {int(limit)}" if limit else ""
    sql = f"""
        SELECT * FROM (
            SELECT 'target' AS kind, indicator_code, commune, province, label,
                   CAST(target_year AS VARCHAR) AS period, target_text AS value_text,
                   coalesce(scope, '') AS row_scope, coalesce(flags, '') AS flags,
                   match_method, match_confidence, source_file, source_sheet, source_row,
                   synthetic
            FROM targets WHERE {"indicator_code = ?" if one else "indicator_code NOT LIKE 'LOCAL.%'"}
            UNION ALL
            SELECT 'actual', indicator_code, commune, province, label, period, value_text,
                   coalesce(scope, ''), coalesce(flags, ''), match_method, match_confidence,
                   source_file, source_sheet, source_row, synthetic
            FROM actuals WHERE {"indicator_code = ?" if one else "indicator_code NOT LIKE 'LOCAL.%'"})
        ORDER BY commune, source_file, source_sheet, source_row, kind {lim}"""
    return cur.execute(sql, [code, code] if one else []).df()


def alias_rows(cur: duckdb.DuckDBPyConnection, f: Filters | None = None,
               code: str | None = None) -> pd.DataFrame:
    """Every wording of one indicator (or of all, ``code=None``) next to the rows it matched.

    One row per (catalogue alias, source row). An alias no loaded row uses appears once with
    empty source columns; a row matched some other way (fuzzy, an analyst's choice, the canonical
    name) appears with ``alias`` empty and its ``match_method``.
    """
    where, params = _pillar_clause(f, "ci.pillar")
    code_clause = " AND a.indicator_code = ?" if code else ""
    aliases = cur.execute(f"""
        SELECT a.indicator_code, ci.pillar, ci.name_vi, ci.name_en, a.alias,
               a.commune AS alias_commune, a.source_ref, coalesce(a.scope, '') AS alias_scope,
               a.ord
        FROM catalog_aliases a JOIN catalog_indicators ci ON ci.code = a.indicator_code
        WHERE a.indicator_code <> ''{code_clause}{where}
        ORDER BY a.ord""", ([code] if code else []) + params).df()
    rows = _source_rows(cur, code, MAX_ROWS if code else None)
    if not code and len(rows) and params:
        keep = cur.execute(f"SELECT code FROM catalog_indicators ci WHERE TRUE{where}",
                           params).df()["code"]
        rows = rows[rows["indicator_code"].isin(set(keep))]
    aliases["key"] = aliases["alias"].map(alias_key)
    rows["key"] = rows["label"].map(alias_key)
    merged = aliases.merge(rows.drop(columns=[]), how="outer", on=["indicator_code", "key"],
                           sort=False)
    names = cur.execute("SELECT code, pillar, name_vi, name_en FROM catalog_indicators").df()
    merged = merged.drop(columns=["pillar", "name_vi", "name_en"]).merge(
        names, how="left", left_on="indicator_code", right_on="code").drop(columns=["code"])
    merged["alias"] = merged["alias"].fillna("")
    merged["synthetic"] = merged["synthetic"].fillna(False).astype(bool)
    merged["ord"] = merged["ord"].fillna(10**9)
    merged = merged.sort_values(["indicator_code", "ord", "commune", "source_file",
                                 "source_sheet", "source_row"], na_position="last", kind="stable")
    cols = ["indicator_code", "pillar", "name_vi", "name_en", "alias", "alias_commune",
            "source_ref", "alias_scope", "kind", "commune", "province", "period", "label",
            "value_text", "row_scope", "flags", "match_method", "match_confidence",
            "source_file", "source_sheet", "source_row", "synthetic"]
    out = merged[cols].reset_index(drop=True)
    out["source_row"] = out["source_row"].astype("Int64")
    return out
