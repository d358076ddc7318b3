"""Tổng quan: headline tiles, commune x DTI-group status, the largest gaps."""
import streamlit as st

from dashboard import charts, fmt, province_ui, status, ui
from dashboard import queries as Q
from dashboard.i18n import t
from dashboard.frame import start_page

frame = start_page("page_overview")
f, L = frame.filters, frame.lang
tiles = ui.q(Q.overview_tiles, f).iloc[0]
# Roll up only the unnarrowed (country) scope: a province or communes chosen on purpose
# always show their communes, however many (the heatmap grows in height).
large = not f.provinces and not f.communes and tiles["n_communes"] > ui.LARGE
show = ui.briefing_choice({"heatmap": t("heatmap_title"), "gaps": t("gaps_title")})

ui.headline(t("headline_overview", n=fmt.num(tiles["n_communes"], 0, L),
              r=fmt.num(tiles["n_with_result"], 0, L), tgt=fmt.num(tiles["n_targets"], 0, L),
              a=fmt.num(tiles["n_achieved"], 0, L),
              ab=fmt.num(tiles["n_assessed"], 0, L)))
if not ui.briefing():
    st.caption(t("overview_intro", as_of=tiles["as_of_period"] or "–",
                 legend=status.legend_text(L)))
    c = st.columns(5)
    c[0].metric(t("tile_communes"), fmt.num(tiles["n_communes"], 0, L), border=True)
    c[1].metric(t("tile_targets"), fmt.num(tiles["n_targets"], 0, L), border=True,
                help=t("tile_targets_help"))
    c[2].metric(t("tile_reported"), fmt.share(tiles["n_with_result"], tiles["n_targets"], L),
                border=True, help=t("tile_reported_help"),
                delta=t("of_n", a=fmt.num(tiles["n_with_result"], 0, L),
                        b=fmt.num(tiles["n_targets"], 0, L)), delta_color="off", delta_arrow="off")
    c[3].metric(t("tile_achieved"),
                fmt.share(tiles["n_achieved"], tiles["n_assessed"], L),
                border=True, help=t("tile_achieved_help"),
                delta=t("of_n", a=fmt.num(tiles["n_achieved"], 0, L),
                        b=fmt.num(tiles["n_assessed"], 0, L)),
                delta_color="off", delta_arrow="off")
    big, exact = charts.billions_tile(tiles["budget_total"], L)
    c[4].metric(t("tile_budget_billion"), big,
                border=True,
                delta=exact, delta_color="off", delta_arrow="off",
                help=t("lines_n", n=fmt.num(tiles["n_budget_lines"], 0, L)))

if show == "heatmap" or not ui.briefing():
    if large:  # the whole country, unnarrowed: 34 provinces
        matrix = ui.q(Q.status_matrix, f, level="province")
        st.caption(t("rolled_up", n=fmt.num(tiles["n_communes"], 0, L)))
        m = ui.meta(f, t("heatmap_title_province"), t("heatmap_unit_province"),
                    name="tinh_trang_theo_nhom")
        if matrix.empty:
            ui.empty("no_targets_scope")
        else:
            ui.chart(ui.figure(charts.status_heatmap, matrix, m, counts=False), m, matrix,
                     "heatmap")
    else:  # communes: a page at a time, most behind first, the province above them
        province_ui.commune_heatmap(f)

if show == "gaps" or not ui.briefing():
    province_ui.gaps_like_with_like(f, "gaps", "pv_gaps_title", "chi_tieu_chua_dat",
                                    size=ui.BRIEFING_ROWS if ui.briefing() else 10,
                                    paged=False)
    if not ui.briefing():
        st.caption(t("trace_note"))
