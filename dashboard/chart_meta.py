"""A chart's frame: title, scope, period, unit, "k of n" note, sources, load date and the
synthetic mark (:class:`dashboard.charts.ChartMeta`, drawn inside the figure by
:mod:`dashboard.framing`), from the queries behind the chart."""
from __future__ import annotations

from typing import Iterable

import pandas as pd
import streamlit as st

from . import charts, columns, db, fmt
from . import frame as page_frame
from . import queries as Q
from .i18n import t
from .queries import Filters, NO_PILLAR


@st.cache_resource(max_entries=256, show_spinner=False)
def _info(path: str, version: str, f: Filters) -> tuple[object, tuple[str, ...], bool]:
    """(latest load time, the files behind the scope sorted and distinct, any simulated):
    once per data version and filters, shared by the sessions. At national scale that is
    3,321 file names, which every chart's frame read, cleaned and sorted again (~15 % of a
    page run's CPU). A tuple: nobody can change the shared list."""
    row = db.run_at(db.DbState(path, version), Q.data_info, f)
    r = row.iloc[0].to_dict() if len(row) else {}
    files = tuple(sorted({s for s in columns.as_list(r.get("files"))  # each name whole
                          if isinstance(s, str) and s}))
    return r.get("loaded_at"), files, page_frame.has_synthetic(row)


def info(f: Filters) -> dict:
    """The data date (in the page's language) and the files behind the communes of ``f``
    (sorted, distinct); notes simulated rows for the banner, as :meth:`Frame.query` does."""
    fr = page_frame.current()
    loaded_at, files, synthetic = _info(fr.data.path, fr.data.version, f)
    if synthetic:
        fr.synthetic = True
    return {"date": fmt.day(loaded_at, fr.lang) if loaded_at is not None
            and not pd.isna(loaded_at) else "", "files": files}


def period_info(f: Filters) -> dict:
    """Plan years, latest result period, communes in scope, synthetic (for chart frames)."""
    row = page_frame.current().query(Q.data_period, f)
    return row.iloc[0].to_dict() if len(row) else {}


def pillar_names(codes) -> list[str]:
    if not codes:
        return []
    fr = page_frame.current()
    pl = fr.query(Q.pillars, None)
    names = dict(zip(pl["code"], pl["name_vi" if fr.lang == "vi" else "name_en"]))
    names[NO_PILLAR] = t("no_pillar", fr.lang)
    return [names.get(c, c) for c in codes]


def shown_of(df: pd.DataFrame, total: int | None = None) -> tuple[int, int | None]:
    """(rows shown, rows there are): from ``n_total`` (a LIMITed query) or ``total``."""
    if total is None and "n_total" in df.columns and len(df):
        total = int(df["n_total"].iat[0])
    return len(df), total


def files_of(*dfs: pd.DataFrame, cols=("source_file", "target_source_file",
                                       "actual_source_file")) -> list[str]:
    out: set[str] = set()
    for df in dfs:
        for c in cols:
            if c in df.columns:
                out.update(x for x in df[c].dropna().unique().tolist() if x)
        if "source_files" in df.columns:  # a LIST column: each name whole
            for v in df["source_files"]:
                out.update(columns.as_list(v))
    return sorted(out)


def meta(f: Filters, title: str, unit: str = "", sources: Iterable[str] | None = None,
         name: str | None = None, shown: tuple[int, int | None] | None = None,
         budget: bool = False) -> charts.ChartMeta:
    """The frame of a chart of filters ``f`` (the page's, or narrowed: one commune…)."""
    from . import framing
    fr = page_frame.current()
    L = fr.lang
    i = info(f)
    p = period_info(f)
    files = i["files"] if sources is None else tuple(sorted({s for s in sources
                                                              if isinstance(s, str) and s}))
    date_text = t("data_date", d=i["date"]) if i["date"] else ""
    scope = framing.scope_text(p, L, provinces=f.provinces, communes=f.communes,
                               pillar_names=pillar_names(f.pillars))
    period = framing.period_text(p, L, budget=budget)
    if f.target_year and not budget and not period:
        period = framing.tx("plan_year", L, y=f.target_year)
    note = framing.shown_text(*shown, L) if shown else ""
    synthetic = bool(p.get("synthetic")) or fr.synthetic
    return charts.ChartMeta(title=title, unit=unit, data_date=date_text, sources=files,
                            filename=charts.slug(f"{name or title}_{i['date']}"), lang=L,
                            briefing=fr.briefing, scope=scope, period=period, note=note,
                            synthetic=synthetic)
