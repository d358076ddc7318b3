"""Khoảng cách: gaps worst first (in the indicator's unit), by lead unit, coverage gaps."""
import streamlit as st

from dashboard import charts, province_ui, tables, ui
from dashboard import queries as Q
from dashboard.i18n import t
from dashboard.frame import start_page

frame = start_page("page_gaps")
f, L = frame.filters, frame.lang
show = ui.briefing_choice({"ranked": t("gaps_ranked_title"), "lead": t("lead_title")})

if show == "ranked" or not ui.briefing():
    # like with like: one indicator and one unit per ranking, communes with their province
    province_ui.gaps_like_with_like(f, "gaps", "pv_gaps_ranked_title", "khoang_cach_xep_hang",
                                    size=ui.BRIEFING_ROWS if ui.briefing() else 25,
                                    paged=True)

if show == "lead" or not ui.briefing():
    lead = ui.q(Q.gaps_by_lead_unit, f, limit=10 if ui.briefing() else 15)
    m = ui.meta(f, t("lead_title"), t("unit_targets"), name="theo_don_vi_chu_tri",
                shown=ui.shown_of(lead))
    if lead.empty:
        ui.empty("no_targets_scope")
    else:
        ui.chart(ui.figure(charts.status_bars, lead, m, "lead_unit",
                           missing_label=t("no_lead_unit")), m, lead, "lead")

if not ui.briefing():
    st.subheader(t("coverage"))
    tabs = st.tabs([t("coverage_summary"), t("coverage_no_result"), t("coverage_missing"),
                    t("coverage_budget")])
    specs = [(Q.coverage_summary, tables.coverage_summary, "cov_summary"),
             (Q.coverage_no_result, tables.no_result, "cov_no_result"),
             (Q.coverage_missing_targets, tables.missing_targets, "cov_missing"),
             (Q.coverage_budget, tables.coverage_budget, "cov_budget")]
    for tab, (query, view, key) in zip(tabs, specs):
        with tab:
            rows, total = ui.paged(query, f, key)
            if rows.empty:
                ui.empty("nothing_missing")
            else:
                ui.table(view(rows, L), key, raw=rows, name=key)
                ui.pager(total, key)
    st.caption(t("trace_note"))
