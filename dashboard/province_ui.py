"""The blocks of a province leader's view, shared by Tổng quan, Kinh phí, So sánh xã and
Khoảng cách: the commune heatmap a page at a time (most behind first, the province above),
budget per commune a page at a time, one indicator's worst and best communes with ties kept
whole, and the largest gaps compared like with like (one indicator, one unit).

What is shown and in what order is decided in :mod:`dashboard.province_view` (pure, tested);
this module only draws it with the helpers of :mod:`dashboard.ui`.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from . import charts, fmt, rankings, tables, ui
from . import province_view as PV
from . import queries as Q
from .i18n import t
from .queries import Filters


def sort_picker(key: str, options: tuple[str, ...], label_key: str = "pv_sort") -> str:
    """A sort order for a long list (kept for the session, not in the URL)."""
    wkey = f"w_sort_{key}"
    if st.session_state.get(wkey) not in options:
        st.session_state[wkey] = options[0]
    return st.segmented_control(t(label_key), options, key=wkey,
                                format_func=lambda o: t(f"pv_sort_{o}")) or options[0]


def _page(key: str, n: int, size: int) -> int:
    page = int(st.session_state.get(f"w_page_{key}", 1) or 1)
    pages = max(1, (n + size - 1) // size)
    if page > pages:
        st.session_state.pop(f"w_page_{key}", None)
        page = 1
    return page


def with_note(m: charts.ChartMeta, *notes: str) -> charts.ChartMeta:
    return replace(m, note=" · ".join(x for x in (m.note, *notes) if x))


def _order_word(how: str) -> str:
    return t(f"pv_order_{how}")


# --------------------------------------------------------------------------- heatmap
def commune_heatmap(f: Filters) -> None:
    """Tổng quan at commune level: the province's row(s) first, then a page of communes in
    the chosen order with their share achieved (n) in the row label; the full ranking one
    click away as a table with .csv/.xlsx. Briefing mode: the most behind communes that fit
    one slide, and how many more there are."""
    L, brief = ui.lang(), ui.briefing()
    matrix = ui.q(Q.status_matrix, f, level="commune")
    m = ui.meta(f, t("heatmap_title"), t("heatmap_unit"), name="tinh_trang_theo_nhom")
    if matrix.empty:
        ui.empty("no_targets_scope")
        return
    ranks = PV.commune_ranks(ui.q(Q.commune_statuses, f))
    n = len(ranks)
    how = "behind" if brief or n <= 1 else sort_picker("heatmap", PV.SORTS)
    ordered = PV.commune_order(ranks, how)
    whole = bool(f.provinces) and not f.communes  # the province as a whole, above
    summary = ui.q(Q.status_matrix, f, level="province") if whole else None
    one_province = ranks["province"].nunique() == 1
    labels = {r.commune_key: PV.unit_label(r._asdict(), L, with_province=not one_province)
              for r in ordered.itertuples(index=False)}
    if whole:
        tot = ranks.groupby("province")[["n_achieved", "n_assessed"]].sum()
        labels.update({p: PV.province_label(p, r.n_achieved, r.n_assessed, L)
                       for p, r in tot.iterrows()})
    if brief:
        shown, note = _briefing_cut(ordered, n)
    else:
        page = _page("heatmap", n, PV.PAGE)
        shown = ordered.iloc[(page - 1) * PV.PAGE: page * PV.PAGE]
        note = (t("pv_rows", a=fmt.num(shown["position"].min(), 0, L),
                  b=fmt.num(shown["position"].max(), 0, L), n=fmt.num(n, 0, L),
                  order=_order_word(how)) if n > PV.PAGE else
                t("pv_rows_all", n=fmt.num(n, 0, L), order=_order_word(how)))
    m = with_note(m, note, "" if brief else t("pv_share_note"))  # a slide keeps it short
    fig = ui.figure(charts.status_heatmap, matrix, m, order=shown["commune_key"].tolist(),
                    labels=labels, summary=summary)
    ui.chart(fig, m, matrix, "heatmap")
    if brief:
        return
    ui.pager(n, "heatmap", size=PV.PAGE)
    with st.expander(t("pv_full_list", n=fmt.num(n, 0, L)), expanded=False):
        st.caption(t("cov_rank_note"))
        full = PV.commune_order(ranks, how)
        ui.table(rankings.table(full, "commune", L), "heatmap_full", raw=full,
                 name="xep_hang_xa")


def _briefing_cut(ordered: pd.DataFrame, n: int) -> tuple[pd.DataFrame, str]:
    """The most behind communes for one slide, never splitting a tie silently."""
    L = ui.lang()
    k = PV.BRIEFING_UNITS
    shown, tied = PV.cut_with_ties(ordered, "share_achieved", k)
    if shown.empty:  # the first tie alone is longer than a slide: say it is a tie
        shown = ordered.iloc[:k]
        return shown, t("pv_brief_tie", k=k, n=fmt.num(tied, 0, L))
    rest = n - len(shown)
    if not rest:
        return shown, ""
    note = t("pv_brief_more", k=len(shown), n=fmt.num(n, 0, L), m=fmt.num(rest, 0, L))
    if tied:
        note += " " + t("pv_brief_tied", n=fmt.num(tied, 0, L))
    return shown, note


# --------------------------------------------------------------------------- budget
def budget_per_commune(f: Filters, unit: str) -> None:
    """Budget per commune, a page at a time in the chosen order; the figure says which rows
    of how many, in what order, and the scope's total."""
    L, brief = ui.lang(), ui.briefing()
    how = "total" if brief else sort_picker("budget", ("total", "total_asc", "name"),
                                            "pv_sort")
    size = ui.BRIEFING_ROWS + 4 if brief else PV.PAGE
    page = 1 if brief else int(st.session_state.get("w_page_budget_communes", 1) or 1)
    per = ui.q(Q.budget_by_commune, f, limit=size, offset=(page - 1) * size, order=how)
    if per.empty and page > 1:
        st.session_state.pop("w_page_budget_communes", None)
        per = ui.q(Q.budget_by_commune, f, limit=size, offset=0, order=how)
    n = int(per["n_total"].iat[0]) if len(per) else 0
    one_province = len(f.provinces) == 1 and not f.communes
    if one_province:  # the province is in the subtitle: the bars name the commune
        per = per.assign(unit=per["commune"])
    m = ui.meta(f, t("budget_by_commune"), unit, sources=ui.files_of(per),
                name="kinh_phi_theo_xa", budget=True)
    notes = []
    if len(per):
        a, b = int(per["position"].min()), int(per["position"].max())
        notes.append(t("pv_rows", a=fmt.num(a, 0, L), b=fmt.num(b, 0, L), n=fmt.num(n, 0, L),
                       order=t(f"pv_order_{how}")) if n > len(per) else
                     t("pv_rows_all", n=fmt.num(n, 0, L), order=t(f"pv_order_{how}")))
        notes.append(t("pv_budget_total", v=charts.money_text(per["grand_total"].iat[0], L),
                       a=fmt.num(per["n_with_budget"].iat[0], 0, L), n=fmt.num(n, 0, L)))
        if brief and n > len(per):
            notes.append(t("pv_more_outside", m=fmt.num(n - len(per), 0, L)))
    m = with_note(m, *notes)
    top = per["max_total"].iat[0] if len(per) else None
    ui.chart(ui.figure(charts.money_bars, per, m, "unit", empty_label=t("no_budget_short"),
                               axis_max=top), m, per, "commune")
    if brief:
        return
    ui.pager(n, "budget_communes", size=size)
    with st.expander(t("pv_full_budget", n=fmt.num(n, 0, L)), expanded=False):
        full = ui.q(Q.budget_by_commune, f, limit=max(n, 1), offset=0, order=how)
        ui.table(tables.money(full, L, "unit", "col_commune", ""), "budget_full", raw=full,
                 name="kinh_phi_tung_xa")


# --------------------------------------------------------------------------- gaps
def _indicator_label(row, L: str) -> str:
    name = row["indicator_name_en" if L == "en" else "indicator_name"]
    unit = row["unit"] or "–"
    return f"{charts.short(name, 80)} ({unit})"


def gap_summary_table(g: pd.DataFrame, L: str) -> pd.DataFrame:
    """One row per indicator and unit: behind / assessed, the largest gap in that unit and
    the commune (province) with it; ties at the largest gap are counted."""
    who = []
    for r in g.itertuples(index=False):
        if not isinstance(r.max_gap_commune, str):
            who.append("")
            continue
        name = f"{r.max_gap_commune} ({r.max_gap_province})"
        extra = int(r.n_at_max_gap or 0) - 1
        who.append(name + (" " + t("pv_and_tied", n=extra) if extra > 0 else ""))
    return pd.DataFrame({
        t("col_indicator"): [charts.short(x, 90) for x in
                             g["indicator_name_en" if L == "en" else "indicator_name"]],
        t("pv_col_unit"): g["unit"].replace("", "–").values,
        t("pv_col_behind"): [f"{fmt.num(a, 0, L)}/{fmt.num(b, 0, L)} ({fmt.share(a, b, L)})"
                             for a, b in zip(g["n_behind"], g["n_assessed"])],
        t("pv_col_max_gap"): [fmt.gap_bound(v, k, u, L) if pd.notna(v) else "–"
                              for v, k, u in zip(g["max_gap"], g["gap_kind"], g["unit"])],
        t("pv_col_who"): who})


def gaps_like_with_like(f: Filters, key: str, title_key: str, name: str, size: int,
                        paged: bool) -> None:
    """The largest gaps for ONE indicator in ONE unit (picked: most communes behind first),
    communes named with their province; under it every indicator's largest gap in its own
    unit, so no % gap is ranked against a count gap."""
    L, brief = ui.lang(), ui.briefing()
    g = ui.q(Q.gap_indicators, f)
    if g.empty:
        ui.empty("no_gaps")
        return
    choices = [f"{c}|{u}" for c, u in zip(g["indicator_code"], g["unit"])]
    labels = {c: _indicator_label(r, L) for c, (_, r) in zip(choices, g.iterrows())}
    wkey = f"w_gapind_{key}"
    if st.session_state.get(wkey) not in choices:
        st.session_state[wkey] = choices[0]
    pick = choices[0] if brief else st.selectbox(
        t("pv_gap_indicator"), choices, key=wkey, format_func=lambda c: labels[c],
        help=t("pv_gap_indicator_help"))
    code, unit = pick.split("|", 1)
    row = g.iloc[choices.index(pick)]
    fi = f.with_(indicator=code)
    pkey = f"gapsind_{key}"
    page = 1 if (brief or not paged) else int(st.session_state.get(f"w_page_{pkey}", 1) or 1)
    rows = ui.q(Q.gaps_for_indicator, fi, unit=unit, limit=size, offset=(page - 1) * size)
    if rows.empty and page > 1:
        st.session_state.pop(f"w_page_{pkey}", None)
        rows = ui.q(Q.gaps_for_indicator, fi, unit=unit, limit=size, offset=0)
    total = int(rows["n_total"].iat[0]) if len(rows) else 0
    name_txt = row["indicator_name_en" if L == "en" else "indicator_name"]
    m = ui.meta(fi, t(title_key, name=charts.short(name_txt, 90)),
                f"{t('unit')}: {unit or '–'}", sources=ui.files_of(rows),
                name=f"{name}_{code}", shown=ui.shown_of(rows, total))
    notes = [t("pv_gap_scope", b=fmt.num(row["n_behind"], 0, L),
               a=fmt.num(row["n_assessed"], 0, L))]
    last = rows.iloc[-1] if len(rows) else None
    if last is not None and total > (page - 1) * size + len(rows) and last["gap_n_tied"] > 1:
        notes.append(t("pv_gap_tied_cut", n=int(last["gap_n_tied"])))
    m = with_note(m, *notes)
    ui.chart(ui.figure(charts.target_vs_actual, rows, m, "commune_key", show_gap=True), m,
             rows, key, why_rows=rows)
    if brief:
        return
    if paged:
        ui.pager(total, pkey, size=size)
    ui.table(tables.progress(rows, L, with_gap=True, with_indicator=False), key, why=rows)
    st.markdown(f"**{t('pv_gap_summary')}**")
    st.caption(t("pv_gap_summary_note"))
    ui.table(gap_summary_table(g, L), f"{key}_summary", raw=g, name=f"{name}_theo_chi_tieu")


# --------------------------------------------------------------------------- compare
def compare_ends(rows: pd.DataFrame, per_side: int) -> tuple[pd.DataFrame, str, bool]:
    """:func:`dashboard.province_view.compare_ends` in the page's language."""
    return PV.compare_ends(rows, per_side, ui.lang())
