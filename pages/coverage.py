"""Xã đã báo cáo: from the register, which units have (not) sent a plan or results for a year;
counts per province with shares and n; the full list, downloadable. ``?danh_sach=`` keeps the
list choice (no_plan | no_results | silent | all)."""
import html
from dataclasses import replace

import streamlit as st

from dashboard import coverage as C
from dashboard import coverage_view as V
from dashboard import export, fmt, ui
from dashboard.i18n import t
from dashboard.frame import start_page

frame = start_page("page_coverage")
f, L = frame.filters, frame.lang
year = C.plan_year(f)
tot = ui.q(C.totals, f, year=year).iloc[0]
scope = ", ".join(f.provinces) if f.provinces else t("cov_country")
n = lambda v: fmt.num(v, 0, L)  # noqa: E731
ui.headline(t("cov_headline", scope=scope, y=year, p=n(tot["n_plan"]), n=n(tot["n_units"]),
              r=n(tot["n_results"]), s=n(tot["n_silent"])))

one_province = len(f.provinces) == 1
show = ui.briefing_choice({"list": t("cov_which_no_results", y=year),
                           "provinces": t("cov_chart_results", y=year)} if one_province else
                          {"provinces": t("cov_chart_results", y=year),
                           "list": t("cov_which_no_results", y=year)})

if not ui.briefing():
    st.caption(t("cov_intro"))
    c = st.columns(4)
    ui.metric(c[0], "cov_tile_units", n(tot["n_units"]))
    c[1].metric(t("cov_tile_plan", y=year), fmt.share(tot["n_plan"], tot["n_units"], L),
                delta=t("cov_of_n", a=n(tot["n_plan"]), b=n(tot["n_units"])), delta_color="off",
                delta_arrow="off", border=True, help=t("cov_tile_plan_help", y=year))
    c[2].metric(t("cov_tile_results", y=year), fmt.share(tot["n_results"], tot["n_units"], L),
                delta=t("cov_of_n", a=n(tot["n_results"]), b=n(tot["n_units"])), delta_color="off",
                delta_arrow="off", border=True, help=t("cov_tile_results_help", y=year))
    c[3].metric(t("cov_tile_silent", y=year), n(tot["n_silent"]), border=True)

# The list: no plan / no results / nothing / all, one click.
choices = ["no_plan", "no_results", "silent", "all"]
ui.page_param("coverage_list")
if ui.briefing():
    which = "no_results"
else:
    # Start on the list that names someone: no plan, else no results.
    first = "no_plan" if tot["n_plan"] < tot["n_units"] else "no_results"
    which = ui._persist("coverage_list", st.segmented_control, options=choices,
                        default=first, label=t("cov_show"), selection_mode="single",
                        format_func=lambda k: t(f"cov_which_{k}", y=year)) or first

if show == "list" or not ui.briefing():
    rows = ui.q(C.units, f, year=year, which=which)
    ranks = ui.q(C.commune_ranks, f, year=year)
    rows = rows.merge(ranks.drop(columns=["n_targets", "rank_n_tied", "rank_all_tied"]),
                      on=["province", "commune"], how="left", suffixes=("", "_rank"))
    what = t(f"cov_which_{which}", y=year)
    st.subheader(t("cov_list_title", what=what, n=n(len(rows))))
    if rows.empty:
        ui.empty("cov_none_listed")
    elif ui.briefing():
        # As many names as fit one 16:9 screen, in columns; the rest are counted.
        cap = 60
        names = [f"{r.commune}" + ("" if one_province else f" ({r.province})")
                 for r in rows.head(cap).itertuples()]
        cols = st.columns(4)
        per = max(1, (len(names) + 3) // 4)
        for i, col in enumerate(cols):
            col.html("<div style='font-size:1.35rem;line-height:1.9'>" + "<br>".join(
                f"○ {html.escape(x)}" for x in names[i * per:(i + 1) * per]) + "</div>")
        if len(rows) > cap:
            st.caption(t("cov_more_briefing", n=n(len(rows) - cap)))
    else:
        st.caption(t("cov_rank_note"))
        st.dataframe(V.units_table(rows, L), hide_index=True, width="stretch",
                     height="auto" if len(rows) <= 15 else 560, key="cov_units")
        name = f"xa_{which}_{year}_{'_'.join(f.provinces) or 'ca_nuoc'}"
        data = V.export(rows, V.EXPORT_UNITS, L)
        c1, c2, _ = st.columns([1, 1, 3])
        c1.download_button(t("download_csv"), data=lambda: export.to_csv_bytes(data),
                           file_name=f"{name}.csv", mime="text/csv", key="cov_csv",
                           on_click="ignore", icon=":material/download:")
        c2.download_button(t("download_xlsx"), data=lambda: export.to_xlsx_bytes(data),
                           file_name=f"{name}.xlsx", key="cov_xlsx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml"
                                ".sheet", icon=":material/download:")

if show == "provinces" or not ui.briefing():
    prov = ui.q(C.by_province, f, year=year)
    measure = "no_plan" if which == "no_plan" else "no_results"
    title = t("cov_chart_plan" if measure == "no_plan" else "cov_chart_results", y=year)
    m = ui.meta(f, title, t("cov_chart_unit"), sources=[], name=f"ty_le_xa_bao_cao_{year}")
    if not ui.briefing():
        st.subheader(t("cov_by_province"))
        ui.table(V.provinces_table(prov, L), "cov_prov",
                 raw=V.export(prov, V.EXPORT_PROVINCES, L), name=f"bao_cao_theo_tinh_{year}")
    cfg = {"displaylogo": False,
           "toImageButtonOptions": {"format": "png", "scale": 3, "filename": m.filename}}
    if ui.briefing() and len(prov) > 17:  # 34 provinces fit a 16:9 screen in two halves
        half = (len(prov) + 1) // 2
        for i, col in enumerate(st.columns(2)):
            part = prov.iloc[i * half:(i + 1) * half]
            mm = replace(m, width_share=0.5) if i == 0 else replace(
                m, title=f"{m.title} ({t('cov_continued')})", width_share=0.5)
            col.plotly_chart(V.province_bars(part, mm, measure), config=cfg,
                             key=f"cov_chart_{i}", width="stretch")
    elif len(prov) > 1 or ui.briefing():  # one province: its table row says it all
        st.plotly_chart(V.province_bars(prov, m, measure), config=cfg, key="cov_chart",
                        width="stretch")

if not ui.briefing():
    unreg = ui.q(C.unregistered, f)
    if len(unreg):
        names = ", ".join(f"{r.commune} ({r.province})" for r in unreg.head(10).itertuples())
        st.warning(t("cov_unregistered", n=n(len(unreg)), names=names
                     + (" …" if len(unreg) > 10 else "")))
