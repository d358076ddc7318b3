"""Kinh phí: budget lines per commune, by funding source, DTI group and status; the lines."""
import streamlit as st

from dashboard import charts, fmt, province_ui, tables, ui
from dashboard import queries as Q
from dashboard.i18n import t
from dashboard.frame import start_page

frame = start_page("page_budget")
f, L = frame.filters, frame.lang
tot = ui.q(Q.budget_totals, f).iloc[0]
large = (not f.provinces and not f.communes  # a scope narrowed on purpose is never rolled up
         and tot["n_communes_with_budget"] > ui.LARGE)
show = ui.briefing_choice({"pillar": t("budget_by_pillar"), "source": t("budget_by_source"),
                           "commune": t("budget_by_province" if large else "budget_by_commune")})

big, exact = charts.billions_tile(tot["total"], L)
ui.headline(t("headline_budget", total=charts.money_text(tot["total"], L),
              billion=exact if tot["total"] >= 10_000 else fmt.money_billion(tot["total"], L),
              a=fmt.num(tot["n_communes_with_budget"], 0, L),
              b=fmt.num(tot["n_communes_with_targets"], 0, L)))
if tot["n_lines"] == 0:
    ui.empty("budget_none")
    st.stop()
if not ui.briefing():
    c = st.columns(4)
    ui.metric(c[0], "tile_budget_billion", big, exact)
    ui.metric(c[1], "tile_lines", fmt.num(tot["n_lines"], 0, L))
    ui.metric(c[2], "tile_communes", f"{fmt.num(tot['n_communes_with_budget'], 0, L)} / "
                                     f"{fmt.num(tot['n_communes_with_targets'], 0, L)}")
    ui.metric(c[3], "tile_funding_sources", fmt.num(tot["n_sources"], 0, L))
unit = f"{t('unit')}: {t('money_unit')}"

if show == "pillar" or not ui.briefing():
    by_pillar = ui.q(Q.budget_by_pillar, f)
    m = ui.meta(f, t("budget_by_pillar"), unit, sources=ui.files_of(by_pillar),
                name="kinh_phi_theo_nhom", budget=True)
    ui.chart(ui.figure(charts.money_bars, by_pillar, m, "pillar_name", missing_label=t("no_pillar"),
                               empty_label=t("no_budget_short")), m, by_pillar, "pillar")

if show == "source" or not ui.briefing():
    by_source = ui.q(Q.budget_by_source, f)
    m = ui.meta(f, t("budget_by_source"), unit, sources=ui.files_of(by_source),
                name="kinh_phi_theo_nguon", budget=True)
    named = by_source.assign(source_name_en=by_source["source_name"].map(
        lambda v: fmt.funding_name(v, L)))  # the chart's labels in the UI language
    ui.chart(ui.figure(charts.money_bars, named, m, "source_name", missing_label=t("no_source")), m,
             by_source, "source")

if show == "commune" or not ui.briefing():
    if large:  # the whole country, unnarrowed: by province
        per = ui.q(Q.budget_by_province, f)
        m = ui.meta(f, t("budget_by_province"), unit, sources=ui.files_of(per),
                    name="kinh_phi_theo_xa", budget=True, shown=ui.shown_of(per))
        ui.chart(ui.figure(charts.money_bars, per, m, "unit",
                           empty_label=t("no_budget_short")), m, per, "commune")
    else:  # every commune reachable: a page at a time, sorted, the full table one click away
        province_ui.budget_per_commune(f, unit)

if not ui.briefing():
    by_status = ui.q(Q.budget_by_status, f)
    st.subheader(t("budget_by_status"))
    ui.table(tables.money(by_status, L, "status_name", "col_budget_status", t("no_status")),
             "status", raw=by_status, name="kinh_phi_trang_thai")
    st.subheader(t("budget_lines"))
    lines, total = ui.paged(Q.budget_lines, f, "lines")
    ui.table(tables.budget(lines, L), "lines", raw=lines, name="danh_muc_nhiem_vu")
    ui.pager(total, "lines")
    st.caption(t("trace_note"))
