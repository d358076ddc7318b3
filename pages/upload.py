"""Tải dữ liệu lên: review an uploaded workbook, fix what was not understood, commit, undo."""
from __future__ import annotations

import hashlib
import math

import streamlit as st

from dashboard import auth, db, safe_text
from dashboard.frame import for_page, leave_briefing_button
from dashboard.i18n import current_lang, t
from dashboard.upload_view import (analyst_gate, catalog_for, choose_codes, choose_columns,
                                   column_roles_for, review, roles_key, show_review,
                                   status_words, synthetic_notice, table)
from etl import service
from etl.catalog import load_catalog
from etl.context import provinces
from etl.load import UndoBlocked
from etl.read import MAX_FILE_MB
from etl.templates import FILE_NAMES, template_bytes

frame = for_page()  # this run's frame (dashboard/frame.py)
st.title(t("page_upload"))
if frame.briefing:  # the other pages have it in their frame (start_page)
    leave_briefing_button(faint=False)
st.caption(t("up.intro"))

can_write = analyst_gate()
upload_tab, history_tab, template_tab = st.tabs(
    [t("up.tab_upload"), t("up.tab_history"), t("up.tab_templates")])
db_state = db.state()
catalog = catalog_for(db_state.path, db_state.version)

with template_tab:
    for kind, label in (("targets", t("up.tpl_targets")), ("results", t("up.tpl_results")),
                        ("budget", t("up.tpl_budget"))):
        st.download_button(label, lambda kind=kind: template_bytes(kind, load_catalog()),
                           on_click="ignore",
                           file_name=FILE_NAMES[kind], key=f"tpl-{kind}",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

with upload_tab:
    if can_write:
        who = auth.identity()  # the signed-in identity is what the history records
        if who and who != auth.PASSWORD_IDENTITY:
            user = who
        else:
            name = st.text_input(t("up.your_name"), value=st.session_state.get(
                "uploader_name", ""), key="uploader_name", placeholder=t("up.name_placeholder"))
            user = f"{name.strip()} ({who})" if who and name.strip() else name
        gen = st.session_state.setdefault("upload_generation", 0)
        files = st.file_uploader(t("up.choose_files"),
                                 # the widget states the rule: .xlsx, ETL_MAX_FILE_MB (20 MB)
                                 type=["xlsx"], max_upload_size=math.ceil(MAX_FILE_MB),
                                 accept_multiple_files=True,
                                 key=f"files-{gen}")
        reviews, all_choices, all_roles = [], {}, {}
        remembered = column_roles_for(db_state.path, db_state.version)
        province_names = [""] + sorted(set(provinces().values()))
        for f in files or []:
            data = f.getvalue()
            key = hashlib.sha256(data).hexdigest()[:12]
            st.subheader(safe_text.md(f.name), anchor=False)
            first = review(data, f.name, db_state.path, db_state.version,
                           roles=roles_key(remembered))
            with st.expander(t("up.context_fill"), expanded=not first.ok):
                c1, c2, c3 = st.columns(3)
                commune = c1.text_input(t("commune"), key=f"c-{key}",
                                        value=first.context.commune)
                prov_default = first.context.province if first.context.province in \
                    province_names else ""
                province = c2.selectbox(t("col_province"), province_names, key=f"p-{key}",
                                        index=province_names.index(prov_default))
                year = c3.number_input(t("col_year"), min_value=0, max_value=2100, step=1,
                                       key=f"y-{key}", value=0, help=t("up.year_help"))
            overrides = dict(commune=commune if commune != first.context.commune else None,
                             province=province if province != first.context.province else None,
                             year=int(year) or None)
            choices = st.session_state.get(f"choices-{key}", {})
            col_roles = st.session_state.get(f"roles-{key}", {})
            confirm = bool(st.session_state.get(f"confirm-{key}", False))
            u = review(data, f.name, db_state.path, db_state.version,
                       choices=tuple(sorted(choices.items())),
                       roles=roles_key(service.merge_roles(remembered, col_roles)),
                       confirm=confirm, **overrides) \
                if any(overrides.values()) or choices or col_roles or confirm else first
            synthetic_notice(u)
            show_review(u)
            if any(p.severity == "confirm" for p in u.problems):
                st.checkbox(t("up.confirm_checked"), key=f"confirm-{key}")
            with st.expander(t("up.roles_expander"),
                             expanded=any(c.doubt and not c.chosen for t in u.tables
                                          for c in t.columns) or bool(col_roles)):
                new_roles = choose_columns(u, first, key)
            if new_roles != col_roles:
                st.session_state[f"roles-{key}"] = new_roles
                st.rerun()
            all_roles = service.merge_roles(all_roles, service.confirmed_roles(u), new_roles)
            st.markdown("**" + t("up.map_heading") + "**")
            # Labels to map come from the file as read with the column roles, before any label
            # choice (so a label stays listed after it was chosen).
            labels_from = review(data, f.name, db_state.path, db_state.version,
                                 roles=roles_key(service.merge_roles(remembered, col_roles))) \
                if col_roles else first
            new_choices = choose_codes(labels_from, catalog, key, choices)
            if new_choices != choices:
                st.session_state[f"choices-{key}"] = new_choices
                st.rerun()
            all_choices.update(new_choices)
            reviews.append(u)
            st.divider()
        if reviews:
            blocked = [u.file_name for u in reviews if not u.ok]
            if blocked:
                st.error(t("up.blocked", files=", ".join(map(safe_text.md, blocked))))
            if st.button(t("up.commit"), type="primary",
                         disabled=bool(blocked) or not user.strip(), key="commit"):
                bar = st.progress(0.0, text=t("up.saving"))
                outcomes = service.commit(
                    db.db_path(), reviews, user=user.strip(), choices=all_choices,
                    column_roles=all_roles,
                    progress=lambda x, name: bar.progress(x, text=name or t("up.done")))
                st.session_state["last_summary"] = service.summary_frame(outcomes, reviews)
                st.session_state["upload_generation"] = gen + 1
                for k in [k for k in st.session_state
                          if str(k).startswith(("choices-", "roles-", "confirm-"))]:
                    del st.session_state[k]
                st.rerun()
            if not user.strip():
                st.caption(t("up.enter_name"))
    summary = st.session_state.get("last_summary")
    if summary is not None:
        st.success(t("up.saved"))
        table(status_words(summary))

with history_tab:
    if db.state().missing:
        st.info(t("db_missing_title"))
    else:
        cur = db.cursor()
        try:
            imports = service.list_imports(cur)
        finally:
            cur.close()
        table(status_words(imports.head(500)))
        if len(imports) > 500:
            st.caption(t("up.latest_500", n=len(imports)))
        if not imports.empty:
            names = dict(zip(imports["import_id"], imports["file_name"]))
            chosen = st.selectbox(t("up.open_import"), list(names),
                                  format_func=lambda i: f"#{i} — {safe_text.display(names[i])}",
                                  key="open_import")
            cur = db.cursor()
            try:
                detail = service.import_rows(cur, int(chosen), current_lang())
            finally:
                cur.close()
            headings = {
                "target_rows:added": t("up.target_rows_added"),
                "target_rows:replaced": t("up.target_rows_replaced"),
                "actual_rows:added": t("up.actual_rows_added"),
                "actual_rows:replaced": t("up.actual_rows_replaced"),
                "budget_rows:added": t("up.budget_rows_added"),
                "budget_rows:replaced": t("up.budget_rows_replaced"),
                "problems": t("up.problems_at_load")}
            for name, frame in detail.items():
                if not frame.empty:
                    st.markdown(f"**{headings[name]}** ({len(frame)})")
                    table(frame)
            status = imports.loc[imports.import_id == chosen, "status"].iloc[0]
            if status == "active" and can_write:
                if st.button(t("up.undo", n=chosen), key="undo"):
                    try:
                        st.success(service.undo(db.db_path(), int(chosen)))
                        st.rerun()
                    except UndoBlocked as e:
                        st.error(t("up.undo_blocked", n=e.import_id,
                                   ids=", ".join(map(str, e.later))))
                    except ValueError as e:
                        st.error(str(e))
