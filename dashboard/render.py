"""Charts and tables on the page: the figure with its camera button and its data as .csv and
.xlsx, the table with its downloads, "why this status?" on a selected row or marker, and the
small pieces pages share (empty state, headline, tile). Briefing mode drops downloads."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import charts, export, figcache, safe_text, tables
from . import frame as page_frame
from .chart_meta import files_of, meta, shown_of
from .i18n import t
from .queries import Filters


def downloads(data: pd.DataFrame, filename: str, key: str, widths: list[int]):
    """.csv and .xlsx buttons for the data behind a chart or table; returns the spare column."""
    lang = page_frame.current().lang
    c1, c2, rest = st.columns(widths)
    # built when clicked, not at every run (the export frame is not needed to draw the button)
    c1.download_button(t("download_csv"),
                       data=lambda: export.to_csv_bytes(tables.export_frame(data, lang)),
                       file_name=f"{filename}.csv", mime="text/csv", key=f"csv_{key}",
                       on_click="ignore", icon=":material/download:")
    c2.download_button(t("download_xlsx"),
                       data=lambda: export.to_xlsx_bytes(tables.export_frame(data, lang)),
                       file_name=f"{filename}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"xlsx_{key}", on_click="ignore", icon=":material/download:")
    return rest


def chart(fig, m: charts.ChartMeta, data: pd.DataFrame, key: str,
          why_rows: pd.DataFrame | None = None) -> None:
    """The figure, then its data as .csv and .xlsx (not in briefing mode). With ``why_rows``
    (progress rows with ``target_ref``), clicking a result marker opens "why this status"."""
    if why_rows is not None and not m.briefing and "target_ref" in why_rows:
        event = st.plotly_chart(fig, config=charts.config(m, fig), key=f"chart_{key}",
                                width="stretch", on_select="rerun", selection_mode="points")
        refs = [p.get("customdata", [None] * 4)[3] for p in
                (event.selection.points if event and event.selection else [])
                if isinstance(p.get("customdata"), (list, tuple)) and len(p["customdata"]) > 3]
        hit = why_rows[why_rows["target_ref"].isin([r for r in refs if r])]
        if len(hit):
            why_panel(hit.iloc[0].to_dict(), expanded=True)
    else:
        st.plotly_chart(fig, config=charts.config(m, fig), key=f"chart_{key}", width="stretch")
    if m.briefing:
        return
    c3 = downloads(data, m.filename, key, [1, 1, 3])
    c3.caption(t("png_hint"))


def table(display: pd.DataFrame, key: str, raw: pd.DataFrame | None = None,
          name: str = "bang", why: pd.DataFrame | None = None) -> None:
    """A display table; with ``why`` (the progress rows behind it, same order) a row can be
    selected to open "why this status"."""
    briefing = page_frame.current().briefing
    height = "auto" if len(display) <= 12 else 460
    if why is not None and not briefing and len(why) == len(display):
        event = st.dataframe(display, hide_index=True, width="stretch", key=f"table_{key}",
                             height=height, on_select="rerun", selection_mode="single-row")
        rows = list(event.selection.rows) if event and event.selection else []
        if rows and rows[0] < len(why):
            why_panel(why.iloc[rows[0]].to_dict(), expanded=True)
        else:
            st.caption(f"ⓘ {t('why_title')} {t('why_pick')}")
    else:
        st.dataframe(display, hide_index=True, width="stretch", key=f"table_{key}",
                     height=height)
    if raw is not None and not briefing:
        downloads(raw, name, f"t{key}", [1, 1, 3])


def why_panel(row: dict, expanded: bool = False) -> None:
    """"Why this status?" for one progress row (read from the contract's columns)."""
    title = f"{t('why_title')} — {row.get('commune_key') or row.get('commune') or ''} · " \
            f"{charts.short(row.get('indicator_name') or row.get('label') or '', 70)} · " \
            f"{row.get('target_year')}"
    with st.expander(safe_text.md(title), expanded=expanded):
        st.markdown(tables.why(row, page_frame.current().lang))


def gaps_block(gaps: pd.DataFrame, f: Filters, title_key: str, name: str,
               total: int | None = None) -> bool:
    """Targets behind, furthest first: the chart and (outside briefing) its table.
    Returns False when there is nothing to show (the empty state is drawn)."""
    if gaps.empty:
        empty("no_gaps")
        return False
    fr = page_frame.current()
    m = meta(f, t(title_key), t("unit_pct"), sources=files_of(gaps), name=name,
             shown=shown_of(gaps, total))
    chart(figcache.figure(charts.target_vs_actual, gaps, m, ("commune", "indicator_name"),
                          show_gap=True), m, gaps, "gaps", why_rows=gaps)
    if not fr.briefing:
        table(tables.progress(gaps, fr.lang, with_gap=True), "gaps", why=gaps)
    return True


def empty(message_key: str, **kw) -> None:
    st.info(t(message_key, **kw), icon="ℹ️")


def headline(text: str) -> None:
    """One sentence a leader can read aloud; shown above the chart."""
    st.markdown(f"**{text}**")


def metric(col, label_key: str, value: str, sub: str = "", help_key: str | None = None
           ) -> None:
    col.metric(t(label_key), value, delta=sub or None, delta_color="off", delta_arrow="off",
               border=True, help=t(help_key) if help_key else None)
