"""So sánh xã: one canonical indicator or a whole DTI group across communes; 2026 vs 2030."""
import streamlit as st

from dashboard import charts, fmt, province_ui, tables, ui
from dashboard import queries as Q
from dashboard.i18n import t
from dashboard.frame import start_page

frame = start_page("page_compare")
f, L = frame.filters, frame.lang
show = ui.briefing_choice({"compare": t("compare_title"), "ambition": t("ambition_heading")})
c1, c2 = st.columns([1, 3]) if not ui.briefing() else (st.container(), st.container())
with c1:
    mode = ui.mode_picker()
with c2:
    code = ui.indicator_picker(ui.q(Q.indicator_options, f), disabled=mode == "nhom")

if show == "compare" or not ui.briefing():
    if mode == "nhom":
        group = ui.q(Q.group_status, f, limit=ui.BRIEFING_ROWS if ui.briefing() else 40)
        m = ui.meta(f, t("group_title"), t("unit_communes"), name="so_sanh_nhom")
        if group.empty:
            ui.empty("no_targets_scope")
        else:
            ui.chart(ui.figure(charts.status_bars, group, m, "indicator_name"), m, group, "group")
        if not ui.briefing():
            rows, total = ui.paged(Q.progress_rows, f, "group_rows")
            ui.table(tables.progress(rows, L, with_gap=True), "group_rows", raw=rows,
                     name="chi_tieu_theo_nhom", why=rows)
            ui.pager(total, "group_rows")
    elif code is None:
        ui.empty("no_targets_scope")
    else:
        fi = f.with_(indicator=code)
        per_side = 5 if ui.briefing() else 15
        rows = ui.q(Q.compare_indicator, fi, per_side=1_000_000)  # every commune, then
        if rows.empty:                                           # the ends, ties whole
            ui.empty("no_target_for_indicator")
        else:
            n = int(rows["n_total"].iat[0])
            name, unit = charts.indicator_heading(rows, L)
            shown, note, all_tied = province_ui.compare_ends(rows, per_side)
            multi = bool(rows["commune_key"].duplicated().any())
            if all_tied:  # say so instead of picking 15
                if not ui.briefing():
                    st.info(note, icon="ℹ️")
                prov = ui.q(Q.compare_indicator_by_province, fi)
                # a row is a commune's target of one year: two years = two rows, so the
                # bars count targets unless each commune has one
                per = t("unit_targets") if multi else t("unit_communes")
                mp = ui.meta(fi, name, per, name=f"so_sanh_{code}")
                mp = province_ui.with_note(mp, note)
                ui.chart(ui.figure(charts.status_bars, prov, mp, "unit"), mp, prov, "compare")
            else:
                m = ui.meta(fi, name, f"{t('unit')}: {unit}" if unit else "",
                            sources=ui.files_of(shown), name=f"so_sanh_{code}",
                            shown=ui.shown_of(shown, n))
                m = province_ui.with_note(m, note)
                ui.chart(ui.figure(charts.target_vs_actual, shown, m, "commune_key",
                                   show_gap=True), m, shown, "compare", why_rows=shown)
            if not ui.briefing():
                st.caption(t("pv_all_rows", n=fmt.num(rows["commune_key"].nunique(), 0, L)))
                ui.table(tables.compare(rows, L), "compare", why=rows)
                if n > ui.LARGE and len(f.provinces) != 1 and not all_tied:
                    # one province: one bar, say nothing
                    prov = ui.q(Q.compare_indicator_by_province, fi)
                    mp = ui.meta(fi, f"{name} — {t('province')}",
                                 t("unit_targets") if multi else t("unit_communes"),
                                 name=f"so_sanh_tinh_{code}")
                    ui.chart(ui.figure(charts.status_bars, prov, mp, "unit"), mp, prov,
                             "compare_prov")

if show == "ambition" or not ui.briefing():
    plans = ui.q(Q.ambition_communes, f, limit=1 if ui.briefing() else 3)
    if not ui.briefing():
        st.subheader(t("ambition_heading"))
    if plans.empty:
        ui.empty("ambition_none")
    elif int(plans["n_total"].iat[0]) > len(plans) and not ui.briefing():
        st.caption(t("ambition_more", k=len(plans), n=fmt.num(plans["n_total"].iat[0], 0, L)))
    for key in plans["commune_key"]:
        fc = f.with_(communes=(key,))
        amb = ui.q(Q.ambition, fc, limit=ui.BRIEFING_ROWS if ui.briefing() else 60)
        y0, y1 = int(amb["y0"].min()), int(amb["y1"].max())
        m = ui.meta(fc, t("ambition_title", y0=y0, y1=y1), t("unit_pct"),
                    sources=ui.files_of(amb), name=f"tham_vong_{key}_{y0}_{y1}",
                    shown=ui.shown_of(amb))
        ui.chart(ui.figure(charts.ambition_chart, amb, m, "indicator_name"), m, amb,
                 f"ambition_{key}")
        if not ui.briefing():
            ui.table(tables.ambition(amb, L), f"ambition_{key}")
