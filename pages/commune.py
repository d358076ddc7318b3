"""Hồ sơ xã: one commune on one page, every number with its source file, sheet and row."""
import streamlit as st

from dashboard import charts, fmt, safe_text, tables, ui
from dashboard import queries as Q
from dashboard.i18n import t
from dashboard.frame import start_page

frame = start_page("page_commune")
f, L = frame.filters, frame.lang
picks = ui.q(Q.communes, None)
if f.provinces:  # the picker honours the province filter
    picks = picks[picks["province"].isin(f.provinces)]
key = ui.commune_picker(picks, f)
show = ui.briefing_choice({"status": t("profile_status_title"), "targets": t("targets_all"),
                           "trajectory": t("trajectory_title")})
if key is None:
    ui.empty("no_targets_scope")
    st.stop()
one = Q.Filters(communes=(key,), target_year=f.target_year, as_of=f.as_of)
tiles = ui.q(Q.overview_tiles, one).iloc[0]
ui.headline(t("headline_commune", c=safe_text.md(key), tgt=fmt.num(tiles["n_targets"], 0, L),
              r=fmt.num(tiles["n_with_result"], 0, L), a=fmt.num(tiles["n_achieved"], 0, L),
              b=fmt.num(tiles["n_behind"], 0, L),  # the parts add up to r (a leader adds them)
              o=fmt.num(int(tiles["n_with_result"]) - int(tiles["n_achieved"])
                        - int(tiles["n_behind"]), 0, L),
              money=fmt.money(tiles["budget_total"], L) if tiles["n_budget_lines"]
              else t("headline_no_budget")))

if not ui.briefing():
    st.subheader(t("plans"))
    plans = ui.q(Q.commune_plans, one)
    ui.table(tables.plans(plans, L), "plans")

if show == "status" or not ui.briefing():
    matrix = ui.q(Q.status_matrix, one)
    m = ui.meta(one, t("profile_status_title"), t("unit_targets"), name=f"tinh_trang_{key}")
    ui.chart(ui.figure(charts.status_bars, matrix, m, "pillar_name",
                       missing_label=t("no_pillar")), m, matrix, "status")

if show == "targets" or not ui.briefing():
    every = ui.q(Q.commune_targets, one, all_years=False)
    targets = every.head(ui.BRIEFING_ROWS) if ui.briefing() else every
    m = ui.meta(one, t("targets_all"), t("unit_pct"), sources=ui.files_of(targets),
                name=f"chi_tieu_{key}", shown=ui.shown_of(targets, len(every)))
    ui.chart(ui.figure(charts.target_vs_actual, targets, m, "indicator_name", show_gap=True),
             m, targets, "targets", why_rows=targets)

if show == "trajectory" or not ui.briefing():
    traj = ui.q(Q.ambition, one, limit=ui.BRIEFING_ROWS if ui.briefing() else 60)
    if traj.empty:
        ui.empty("no_trajectory")
    else:
        y0, y1 = int(traj["y0"].min()), int(traj["y1"].max())
        m = ui.meta(one, f"{t('trajectory_title')} {y0} → {y1}", t("unit_pct"),
                    sources=ui.files_of(traj), name=f"lo_trinh_{key}", shown=ui.shown_of(traj))
        ui.chart(ui.figure(charts.ambition_chart, traj, m, "indicator_name"), m, traj, "trajectory")

if not ui.briefing():
    st.subheader(t("targets_all"))
    all_targets = ui.q(Q.commune_targets, one)
    ui.table(tables.progress(all_targets, L, with_commune=False, with_gap=True), "targets",
             raw=all_targets, name=f"chi_tieu_{key}", why=all_targets)
    st.subheader(t("results"))
    results = ui.q(Q.commune_results, one)
    if results.empty:
        ui.empty("no_results_commune")
    else:
        ui.table(tables.results(results, L), "results", raw=results, name=f"ket_qua_{key}")
    st.subheader(t("budget_lines"))
    lines, total = ui.paged(Q.budget_lines, one, "profile_lines")
    if lines.empty:
        ui.empty("no_budget_commune")
    else:
        st.markdown(f"**{t('tile_budget')}: {fmt.money(lines['grand_total'].iat[0], L)}**")
        ui.table(tables.budget(lines, L, with_commune=False), "profile_lines", raw=lines,
                 name=f"kinh_phi_{key}")
        ui.pager(total, "profile_lines")
    st.caption(t("trace_note"))
