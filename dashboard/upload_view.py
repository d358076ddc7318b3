"""Widgets of the upload page that are more than one call: the analyst gate, one file's review.

Text from uploaded files is shown only in dataframes or ``st.text``/``st.code`` (never as
HTML, never as Markdown), so a label such as ``<script>`` or ``**x**`` is displayed as typed.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, safe_text
from etl import service
from dashboard.i18n import current_lang, has, t
from etl.catalog import Catalog
from etl.detect import ROLE_NAMES, ROLES
from etl.pipeline import Understanding
from etl.service import labels_needing_review, problems_frame, rows_frame, tables_frame



_PLAIN_INTS = {"row", "source_row", "year", "plan_year", "target_year", "import_id"}


def cells(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Cells as a reader expects them: no "None", numbers and times in the UI language's
    format (66,1 · 01/12/2026 14:05), severities and table names in words."""
    from dashboard import fmt
    out = frame.copy()
    for c in out.columns:
        col = out[c]
        if c in _PLAIN_INTS and pd.api.types.is_float_dtype(col):  # 1234, not 1.234
            out[c] = col.map(lambda v: "" if pd.isna(v) else str(int(v)))
        elif c == "severity":  # codes shown as their words
            out[c] = col.map(lambda v: t(f"up.sev.{v}", lang) if has(f"up.sev.{v}") else v)
        elif c == "status":
            out[c] = col.map(lambda v: t(f"up.st.{v}", lang) if has(f"up.st.{v}") else v)
        elif c == "table":
            out[c] = col.map(lambda v: t(f"up.tbl.{v}", lang) if has(f"up.tbl.{v}") else v)
        elif pd.api.types.is_datetime64_any_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else
                             f"{fmt.day(v, lang)} {pd.Timestamp(v).strftime('%H:%M')}")
        elif pd.api.types.is_float_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else fmt.num(v, 2, lang))
        elif col.dtype == object or pd.api.types.is_string_dtype(col):
            out[c] = col.astype(object).map(
                lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v))
                else (fmt.num(v, 2, lang) if isinstance(v, float) else v))
    return out


def role_name(role: str, lang: str | None = None) -> str:
    """A column role in the UI language (the Vietnamese names in etl/detect.py ROLE_NAMES,
    their English in etl/problems.py PARAM_WORDS_EN, the same words the problems use)."""
    from etl.problems import PARAM_WORDS_EN
    vi = ROLE_NAMES.get(role, role)
    return PARAM_WORDS_EN["role"].get(vi, vi) if (lang or current_lang()) == "en" else vi


def table(frame: pd.DataFrame, **kw) -> None:
    """A dataframe with translated column headers (text shown as text, never as HTML)."""
    config = {c: t(f"up.col.{c}") for c in frame.columns if has(f"up.col.{c}")}
    st.dataframe(cells(frame, current_lang()), hide_index=True, width="stretch",
                 column_config=config, **kw)


def status_words(frame: pd.DataFrame) -> pd.DataFrame:
    """An import summary or history with its import status in words (loaded, unchanged,
    rejected; active, undone), for display; the frame's own values stay codes."""
    if "status" not in frame.columns:
        return frame
    return frame.assign(status=frame["status"].map(
        lambda s: t(f"up.st.{s}") if isinstance(s, str) and has(f"up.st.{s}") else s))


@st.cache_data(max_entries=4, show_spinner=False)
def catalog_for(path: str, version: str) -> Catalog:
    """The catalogue plus analysts' remembered choices, read once per data version."""
    return service.catalog_with_user_aliases(path)


@st.cache_data(max_entries=4, show_spinner=False)
def column_roles_for(path: str, version: str) -> service.ColumnRoles:
    """Column roles analysts chose for earlier files, by table layout."""
    return service.remembered_column_roles(path)


def roles_key(roles: service.ColumnRoles) -> tuple:
    """Column roles as a hashable, ordered tuple (a cache key)."""
    return tuple(sorted((layout, letter, role, year) for layout, cols in roles.items()
                        for letter, (role, year) in cols.items()))


@st.cache_data(max_entries=32, show_spinner=False)
def review(data: bytes, name: str, path: str, version: str, commune: str | None = None,
           province: str | None = None, year: int | None = None,
           choices: tuple[tuple[str, str], ...] = (), roles: tuple = (),
           confirm: bool = False) -> Understanding:
    """A file's review, parsed once per (content, settings, data version), not every rerun."""
    column_roles: service.ColumnRoles = {}
    for layout, letter, role, y in roles:
        column_roles.setdefault(layout, {})[letter] = (role, y)
    return service.review_bytes(data, name, catalog_for(path, version), commune=commune,
                                province=province, year=year, choices=dict(choices),
                                column_roles=column_roles, confirm=confirm,
                                allow_synthetic=service.database_is_synthetic(path))


def synthetic_notice(u: Understanding) -> None:
    """Say plainly when a workbook is marked "DỮ LIỆU MÔ PHỎNG" (what happens to it)."""
    if any(p.code == "file.synthetic" for p in u.problems):
        st.error(t("up.synthetic_refused"), icon="⚠️")
    elif service.is_synthetic(u):
        st.warning(t("up.synthetic_labelled"), icon="⚠️")


def analyst_gate() -> bool:
    """True when this session may write. Renders sign-in (password or OIDC) otherwise."""
    return auth.gate()


def code_options(catalog: Catalog) -> list[str]:
    return [t("up.local")] + [f"{i.code} — {i.name_vi}" for i in catalog.indicators.values()]


def choose_codes(u: Understanding, catalog: Catalog, key: str,
                 current: dict[str, str] | None = None) -> dict[str, str]:
    """An editable table of the labels the ETL was unsure about; returns label -> code.

    ``current`` holds the choices made so far (they are the table's starting values)."""
    current = current or {}
    pending = labels_needing_review(u)
    if pending.empty:
        st.success(t("up.all_mapped"))
        return {}
    local = t("up.local")
    names = {c: f"{c} — {i.name_vi}" for c, i in catalog.indicators.items()}
    frame = pd.DataFrame({
        "label": pending["label"],
        "how": pending["method"].map({"low_confidence": t("up.how_low_confidence"),
                                      "local": t("up.how_local"),
                                      "fuzzy": t("up.how_fuzzy")}),
        "confidence": pending["confidence"],
        "choice": [names.get(current[lbl], local) if lbl in current else
                   (names.get(c, local) if m == "fuzzy" else local)
                   for lbl, c, m in zip(pending["label"], pending["suggested_code"],
                                        pending["method"])],
        "suggested": [names.get(c, "") for c in pending["suggested_code"]],
        "row": pending["row"],
    })
    edited = st.data_editor(
        frame, key=f"codes-{key}", hide_index=True, width="stretch",
        disabled=["label", "how", "confidence", "suggested", "row"],
        column_config={
            "label": st.column_config.TextColumn(t("up.label_in_file"), width="large"),
            "how": t("up.match_level"),
            "confidence": st.column_config.ProgressColumn(t("up.confidence"), min_value=0,
                                                          max_value=1, format="%.2f"),
            "choice": st.column_config.SelectboxColumn(
                t("up.choose_canonical"), options=code_options(catalog), width="large",
                required=True),
            "suggested": t("up.suggestion"),
            "row": t("up.row"),
        })
    out = {}
    for label, choice, how in zip(edited["label"], edited["choice"], pending["method"]):
        code = "" if choice == local else choice.split(" — ")[0]
        if how != "fuzzy" or code != "":
            out[label] = code
    return out


def show_review(u: Understanding) -> None:
    """What was understood: context, tables and columns, every row, every problem."""
    c = u.context
    cols = st.columns(4)
    cols[0].metric(t("commune"), safe_text.md(c.commune) or "?")
    cols[1].metric(t("col_province"), safe_text.md(c.province) or "?")
    cols[2].metric(t("up.m_years"), ", ".join(map(str, c.years)) or "?")
    n = u.counts()
    cols[3].metric(t("up.m_rows"), n["targets"] + n["actuals"] + n["budget_lines"])
    if c.commune_source or c.province_source:
        st.text(safe_text.display(t("up.found_in", commune=c.commune_source or "-",
                                    province=c.province_source or "-")))
    probs = problems_frame(u, current_lang())
    errors = probs[probs["severity"] == "error"]
    confirms = probs[probs["severity"] == "confirm"]
    warnings = probs[probs["severity"] == "warning"]
    if not errors.empty:
        st.error(t("up.n_errors", n=len(errors)))
    if not confirms.empty and not u.confirmed:
        st.warning(t("up.n_confirms", n=len(confirms)))
    elif not warnings.empty:
        st.warning(t("up.n_warnings", n=len(warnings)))
    tabs = st.tabs([t("up.tab_problems", e=len(errors), c=len(confirms), w=len(warnings)),
                    t("up.tab_targets", n=n["targets"]), t("up.tab_results", n=n["actuals"]),
                    t("up.tab_budget", n=n["budget_lines"]), t("up.tab_tables")])
    rows = rows_frame(u)
    with tabs[0]:
        if probs.empty:
            st.text(t("up.no_problems"))
        else:
            table(probs)
    for tab, name in zip(tabs[1:4], ("targets", "actuals", "budget_lines")):
        with tab:
            if rows[name].empty:
                st.text(t("up.no_rows"))
            else:
                table(rows[name])
    with tabs[4]:
        table(tables_frame(u))


VALUE_ROLES_WITH_YEAR = ("target", "actual", "assessment")


def choose_columns(u: Understanding, base: Understanding, key: str) -> service.ColumnRoles:
    """Each column's role (a selectbox) and year, with the reason it was read that way; the
    analyst's changes against ``base`` (the file as read with the remembered choices)."""
    base_cols = {(i, c.letter): c for i, tb in enumerate(base.tables) for c in tb.columns}
    out: service.ColumnRoles = {}
    for i, tb in enumerate(u.tables):
        st.caption(t("up.sheet_header", sheet=tb.sheet, a=tb.header_first, b=tb.header_last))
        for c in tb.columns:
            c1, c2, c3, c4 = st.columns([3, 3, 1.4, 5])
            c1.text(f"{c.letter}: {c.header}")
            role = c2.selectbox(
                t("up.role"), ROLES, index=ROLES.index(c.role) if c.role in ROLES
                else ROLES.index("ignored"), key=f"role-{key}-{i}-{c.letter}",
                format_func=role_name, label_visibility="collapsed")
            year = None
            if role in VALUE_ROLES_WITH_YEAR:
                year = int(c3.number_input(t("col_year"), min_value=0, max_value=2100,
                                           step=1, value=int(c.year or 0),
                                           key=f"ryear-{key}-{i}-{c.letter}",
                                           label_visibility="collapsed")) or None
            conf = f"{c.confidence:.2f}"
            c4.text(f"[{conf}] {c.reason}" + (f" — {t('up.doubt')}: {c.doubt}"
                                              if c.doubt else ""))
            b = base_cols.get((i, c.letter))
            base_year = b.year if b is not None else None
            if b is None or role != b.role or (role in VALUE_ROLES_WITH_YEAR and
                                               year != base_year):
                out.setdefault(tb.layout_key, {})[c.letter] = (role, year)
    return out
